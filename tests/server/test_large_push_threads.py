"""A reconnect storm's batches (push bodies over `LARGE_BODY`) are parsed on at most `LARGE_BODY_THREADS` threads at
once, counted apart from the request threads, so they never hold every thread a counter at work needs."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from fastapi.testclient import TestClient
from test_push_writer_rounds import AGENCY, creates

from counter_app.server import app as app_module
from counter_app.server.admin import add_counter, enrol_installation


def change_json(change: Any) -> dict[str, Any]:
    return dataclasses.asdict(change)


def most_at_once(admin: SimpleNamespace, tmp_path: Path, monkeypatch: Any, batch: int, pushes: int) -> int:
    """How many pushes of `batch` changes each, sent together, were parsed at the same time."""
    running, most, lock = 0, 0, threading.Lock()
    original = app_module.parse_push

    def parse_push(raw: bytes, content_type: str | None) -> Any:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.3)
        with lock:
            running -= 1
        return original(raw, content_type)

    monkeypatch.setattr(app_module, "parse_push", parse_push)
    bodies = []
    for n in range(pushes):
        counter = n + 1
        credential = enrol_installation(admin, add_counter(admin, AGENCY, counter)).credential
        changes = [change_json(c) for c in creates(counter, 1, batch)]
        bodies.append((credential, json.dumps({"changes": changes, "device_time": "2026-11-23T08:00:00"})))
    with TestClient(app_module.create_app(admin.db, files_dir=tmp_path / "files")) as client:
        answers: list[int] = []

        def send(credential: str, body: str) -> None:
            headers = {"Authorization": f"Bearer {credential}", "Content-Type": "application/json"}
            answers.append(client.post("/v1/push", content=body, headers=headers).status_code)

        threads = [threading.Thread(target=send, args=body) for body in bodies]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert answers == [200] * pushes, answers
    return most


def test_large_bodies_are_parsed_two_at_a_time(
    admin: SimpleNamespace, tmp_path: Path, monkeypatch: Any
) -> None:
    batch = 60  # well over LARGE_BODY
    assert most_at_once(admin, tmp_path, monkeypatch, batch, 5) == app_module.LARGE_BODY_THREADS


def test_small_bodies_are_not_held_to_the_large_bodies_threads(
    admin: SimpleNamespace, tmp_path: Path, monkeypatch: Any
) -> None:
    assert most_at_once(admin, tmp_path, monkeypatch, 1, 5) > app_module.LARGE_BODY_THREADS
