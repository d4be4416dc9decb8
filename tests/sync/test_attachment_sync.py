"""Digitised papers between counters through a real server process: the record with the other changes, the file
uploaded after it in chunks that resume after a cut, checked by hash, kept once per agency, fetched on demand by
another counter with the same SHA-256; across a killed server, a dropping proxy and two counters sending the same
file at once."""

from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from faultproxy import FaultProxy, Faults
from sync_support import DAY, PROCEDURE, Counters, receive_one, sync_until_quiet

from counter_app.core.model import Component
from counter_app.devices.page_samples import photograph
from counter_app.devices.page_scan import correct_page, detect_page, encode_jpeg
from counter_app.documents.scans import pdf_from_jpegs
from counter_app.server.process import ServerProcess, free_port
from counter_app.storage.store import CounterStore
from counter_app.sync.client import SyncClient
from counter_app.sync.engine import SyncEngine
from counter_app.sync.files import fetch

pytestmark = pytest.mark.slow
POLL = threading.Event()  # never set: a short pause between looks at the server's partial file
AT = datetime(2026, 11, 23, 9, 0)


def photographed_pdf(seed: int) -> bytes:
    """A page photographed on a desk, found, flattened and made a PDF, as the capture makes it."""
    photo = photograph(seed, turn_degrees=9)
    return pdf_from_jpegs([encode_jpeg(correct_page(photo.frame, detect_page(photo.frame)))])


def big_file(size: int, seed: int = 1) -> bytes:
    """`size` bytes that do not compress (a scanned file as the wire sees it)."""
    out = bytearray()
    block = hashlib.sha256(str(seed).encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block * 64
    return bytes(out[:size])


def attach(store: CounterStore, code: str, data: bytes, component: int = 1) -> object:
    dossier = store.dossiers.get(code)
    return store.attachments.add(
        dossier.id,
        kind="component",
        component=component,
        name="Tờ khai",
        data=data,
        pages=1,
        officer="canbo",
        at=AT,
    )


def server_file(files_dir: Path, sha256: str) -> Path:
    return files_dir / "000.00.06.H56" / sha256[:2] / sha256


class CountingClient(SyncClient):
    """The real client, counting the bytes it sends as file chunks."""

    sent = 0

    def upload_chunk(self, sha256: str, offset: int, chunk: bytes):  # type: ignore[no-untyped-def]
        answer = super().upload_chunk(sha256, offset, chunk)
        CountingClient.sent += len(chunk)
        return answer


def test_a_paper_reaches_a_second_counter_with_the_same_hash(
    counters: Counters, admin: SimpleNamespace, server_db: str, tmp_path: Path
) -> None:
    files = tmp_path / "files"
    with ServerProcess(server_db, files_dir=files) as server:
        one, two = counters.new(1, server.url), counters.new(2, server.url)
        code = receive_one(one).code
        assert code is not None
        data = photographed_pdf(3)
        paper = attach(one, code, data)
        e1, e2 = SyncEngine(one), SyncEngine(two)
        first = e1.cycle()
        assert first.ok and first.files_sent == 1
        assert one.attachments.of_dossier(paper.id and one.dossiers.get(code).id)[0].synced  # type: ignore[attr-defined]
        assert server_file(files, hashlib.sha256(data).hexdigest()).read_bytes() == data
        sync_until_quiet([e1, e2])
        [there] = two.attachments.of_dossier(two.dossiers.get(code).id)
        assert there.synced and there.sha256 == hashlib.sha256(data).hexdigest()
        assert not two.attachments.has_file(there)  # not fetched until someone opens it
        fetched = fetch(two, e2.client(), there)
        assert hashlib.sha256(fetched).hexdigest() == there.sha256 and two.attachments.read(there) == data
        # the record travelled as a change: exactly once on the server, with its counter and officer
        with admin.db.connection_context():
            [row] = list(admin.Attachment.select())
            assert (row.counter, row.created_by, row.sha256) == (1, "canbo", there.sha256)
        e1.close()
        e2.close()


def test_an_upload_cut_by_a_killed_server_resumes_where_it_stopped(
    counters: Counters, admin: SimpleNamespace, server_db: str, tmp_path: Path
) -> None:
    files = tmp_path / "files"
    port = free_port()
    server = ServerProcess(server_db, port=port, files_dir=files).start()
    try:
        one = counters.new(1, server.url)
        code = receive_one(one).code
        assert code is not None
        data = big_file(30 * 1024 * 1024)  # a 30 MB scan: eight chunks
        digest = hashlib.sha256(data).hexdigest()
        attach(one, code, data)
        engine = SyncEngine(one, client_factory=CountingClient)
        partial = files / "000.00.06.H56" / ".partial" / digest
        CountingClient.sent = 0
        with ThreadPoolExecutor(1) as pool:
            running = pool.submit(engine.cycle)
            deadline = datetime.now().timestamp() + 120
            while not (partial.exists() and partial.stat().st_size >= 8 * 1024 * 1024):
                assert datetime.now().timestamp() < deadline, "the upload never started"
                POLL.wait(0.02)
            server.kill()  # SIGKILL with two or more chunks on the server's disk
            cut = running.result(timeout=120)
        assert cut.outcome == "offline"
        kept_before = partial.stat().st_size
        assert 0 < kept_before < len(data)
        server = ServerProcess(server_db, port=port, files_dir=files).start()
        sync_until_quiet([engine])
        assert server_file(files, digest).read_bytes() == data
        # resumed, not restarted: what was sent again is at most the chunk in flight when the server died
        assert CountingClient.sent <= len(data) + 4 * 1024 * 1024
        assert CountingClient.sent - kept_before <= len(data) - kept_before + 4 * 1024 * 1024
        [paper] = one.attachments.of_dossier(one.dossiers.get(code).id)
        assert paper.synced
        engine.close()
    finally:
        server.stop()


def test_a_dropping_proxy_and_two_counters_sending_the_same_file(
    counters: Counters, admin: SimpleNamespace, server_db: str, tmp_path: Path
) -> None:
    files = tmp_path / "files"
    port = free_port()
    with ServerProcess(server_db, port=port, files_dir=files):
        proxy = FaultProxy(port, seed=17).start()
        try:
            one, two = counters.new(1, proxy.url), counters.new(2, proxy.url)
            proxy.faults = Faults(
                drop_request=0.15, drop_response=0.15
            )  # once joined: requests and answers lost
            data = big_file(9 * 1024 * 1024, seed=2)
            digest = hashlib.sha256(data).hexdigest()
            codes = [receive_one(one, "Nguyễn Văn An").code, receive_one(two, "Lê Thị Hoa", at=DAY).code]
            attach(one, codes[0] or "", data)
            attach(two, codes[1] or "", data)  # the same citizen's paper handed in at two counters
            engines = [SyncEngine(one), SyncEngine(two)]
            for _ in range(40):
                with ThreadPoolExecutor(2) as pool:
                    list(pool.map(lambda e: e.cycle(), engines))
                papers = [
                    s.attachments.of_dossier(s.dossiers.get(c or "").id)
                    for s, c in zip((one, two), codes, strict=True)
                ]
                if all(p and p[0].synced for p in papers):
                    break
            assert all(p[0].synced for p in papers), papers
            assert server_file(files, digest).read_bytes() == data
            assert not list((files / "000.00.06.H56" / ".partial").glob("*[0-9a-f]"))  # nothing half-kept
            with admin.db.connection_context():
                assert admin.StoredFile.select().count() == 1 and admin.Attachment.select().count() == 2
            for e in engines:
                e.close()
        finally:
            proxy.stop()


def test_the_server_refuses_a_file_it_has_no_paper_for_and_another_agency_sees_nothing(
    counters: Counters, admin: SimpleNamespace, server_db: str, tmp_path: Path
) -> None:
    files = tmp_path / "files"
    with ServerProcess(server_db, files_dir=files) as server:
        one = counters.new(1, server.url)
        other = counters.new(3, server.url, agency_id="000.00.07.H56")
        code = receive_one(one).code
        data = photographed_pdf(4)
        digest = hashlib.sha256(data).hexdigest()
        attach(one, code or "", data)
        e1 = SyncEngine(one)
        sync_until_quiet([e1])
        stranger = SyncEngine(other).client()
        from counter_app.sync.client import RequestRefused

        with pytest.raises(RequestRefused) as refused:
            stranger.file_status(digest)
        assert refused.value.status == 404
        with pytest.raises(RequestRefused):
            stranger.download(digest)
        with pytest.raises(RequestRefused):
            stranger.upload_chunk("ab" * 32, 0, b"%PDF-1.7 not yours")
        assert not (files / "000.00.07.H56").exists() or not any((files / "000.00.07.H56").rglob("*"))
        e1.close()
        stranger.close()
    assert os.path.exists(server_file(files, digest))


def test_pages_captured_through_the_camera_path_reach_another_counter(
    counters: Counters, admin: SimpleNamespace, server_db: str, tmp_path: Path
) -> None:
    """Capture (a filmed page read through the webcam's own source and the capture worker) → attach → sync to a
    real server process → fetched by a second counter → the same SHA-256."""
    import cv2

    from counter_app.app import CounterApp, digitise
    from counter_app.devices.camera import OpenCvSource
    from counter_app.devices.page_camera import PageCameraWorker
    from counter_app.devices.page_samples import empty_desk

    size = (1280, 720)
    video = tmp_path / "ban.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, size)
    for frame in [empty_desk(3, size)] * 5 + [photograph(8, size=size, turn_degrees=6).frame] * 20:
        writer.write(frame)
    writer.release()
    pages: list[bytes] = []
    taken = threading.Event()

    def keep(page):  # type: ignore[no-untyped-def]
        pages.append(encode_jpeg(page))
        taken.set()

    worker = PageCameraWorker(
        OpenCvSource(video), on_preview=lambda *_: None, on_page=keep, on_error=lambda _c: None,
        on_stopped=lambda _r: None,
    )  # fmt: skip
    worker.start()
    assert taken.wait(30), "no page was taken from the film"
    worker.stop()

    with ServerProcess(server_db, files_dir=tmp_path / "files") as server:
        one, two = counters.new(1, server.url), counters.new(2, server.url)
        with_form = replace(
            PROCEDURE, components=(Component(1, "Tờ khai đăng ký khai sinh", originals=1, required=False),)
        )
        one.replace_catalogue([with_form])
        code = receive_one(one).code or ""
        app = CounterApp(one)
        kept = digitise.attach_captured(app, one.accounts.get("canbo"), code, 1, pages[:1]).value
        e1, e2 = SyncEngine(one), SyncEngine(two)
        sync_until_quiet([e1, e2])
        [there] = two.attachments.of_dossier(two.dossiers.get(code).id)
        fetched = fetch(two, e2.client(), there)
        assert there.sha256 == kept.sha256 == hashlib.sha256(fetched).hexdigest()
        e1.close()
        e2.close()


def test_an_upload_cut_by_a_killed_counter_process_resumes_from_the_server_copy(
    counters: Counters, admin: SimpleNamespace, server_db: str, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys

    files = tmp_path / "files"
    with ServerProcess(server_db, files_dir=files) as server:
        one = counters.new(1, server.url)
        code = receive_one(one).code or ""
        data = big_file(30 * 1024 * 1024, seed=5)
        digest = hashlib.sha256(data).hexdigest()
        attach(one, code, data)
        partial = files / "000.00.06.H56" / ".partial" / digest
        child = subprocess.Popen(
            [sys.executable, "-m", "counter_app.cli.main", "--data-dir", str(one.data_dir), "sync", "--once"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = datetime.now().timestamp() + 120
            while not (partial.exists() and partial.stat().st_size >= 8 * 1024 * 1024):
                assert child.poll() is None, "the counter finished before it could be cut"
                assert datetime.now().timestamp() < deadline, "the upload never started"
                POLL.wait(0.02)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(30)
        kept_before = partial.stat().st_size
        assert 0 < kept_before < len(data)
        engine = SyncEngine(one, client_factory=CountingClient)
        CountingClient.sent = 0
        sync_until_quiet([engine])
        assert server_file(files, digest).read_bytes() == data
        assert CountingClient.sent <= len(data) - kept_before + 4 * 1024 * 1024  # resumed, not restarted
        engine.close()
