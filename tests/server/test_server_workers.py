"""`counter-server --workers N`: the settings every worker process reads, and SQLite refused with one sentence."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from counter_app.server import app as server_app
from counter_app.server.app import SETTINGS_ENV, ServeSettings, app_from_env
from counter_app.server.cli import build_parser, main
from counter_app.server.portal_worker import PortalOptions


def test_a_worker_reads_the_settings_the_command_line_gave(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = ServeSettings(
        f"sqlite:///{tmp_path / 'server.sqlite3'}",
        api_docs=True,
        body_timeout_s=4.5,
        portal=PortalOptions(interval_s=0.5, lease_s=7.0, timeout_s=3.0),
    )
    assert ServeSettings.from_json(settings.to_json()) == settings
    assert ServeSettings.from_json(ServeSettings("sqlite:///x").to_json()).portal is None
    made: dict[str, object] = {}

    def create_app(db: object, **options: object) -> str:
        made.update(options, db=db)
        return "app"

    monkeypatch.setattr(server_app, "create_app", create_app)
    monkeypatch.setenv(SETTINGS_ENV, settings.to_json())
    assert app_from_env() == "app"  # type: ignore[comparison-overlap]
    assert made["api_docs"] is True and made["body_timeout_s"] == 4.5 and made["portal"] == settings.portal
    made["db"].close()  # type: ignore[attr-defined]


def test_workers_are_counted_from_one() -> None:
    assert build_parser().parse_args([]).workers == 1
    assert build_parser().parse_args(["--workers", "3"]).workers == 3
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--workers", "0"])


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("vi", "Chạy 2 tiến trình máy chủ (--workers) cần cơ sở dữ liệu PostgreSQL"),
        ("en", "Running 2 server processes (--workers) needs a PostgreSQL database"),
    ],
)
def test_several_processes_on_sqlite_are_refused_in_one_sentence(
    tmp_path: Path, lang: str, sentence: str
) -> None:
    out, err = io.StringIO(), io.StringIO()
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    code = main(["--database", url, "--workers", "2", "--lang", lang], out=out, err=err)
    assert code == 2
    assert err.getvalue().startswith(f"counter-server: {sentence}") and "Traceback" not in err.getvalue()
    assert err.getvalue().count("\n") == 1
    assert SETTINGS_ENV not in os.environ
