"""A damaged profile on the command line and in the self-test: one sentence saying how to restore, exit 2, no
traceback, and the file left exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from damaged_profiles import corrupt, digest, garble_text, make_profile

from counter_app.selftest import Level, SelfTest
from counter_app.storage.store import DB_NAME

COMMANDS = [
    (
        "dossier",
        "receive",
        "--procedure",
        "1.001193",
        "--applicant-name",
        "Nguyễn Văn Đức",
        "--applicant-id",
        "001090012345",
    ),
    ("dossier", "search", "nguyen"),
    ("catalog", "list"),
    ("sync", "--status"),
    ("backup",),
]


@pytest.mark.parametrize("how", ["truncated", "zeroed page", "random page", "emptied"])
def test_every_command_refuses_a_damaged_profile_in_one_sentence(cli, data_dir: Path, how: str) -> None:
    path = make_profile(data_dir)
    corrupt(path, how)
    before = digest(path)
    for command in COMMANDS:
        result = cli(*command)
        assert result.code == 2, (command, result.out, result.err)
        assert "Traceback" not in result.err
        lines = result.err.strip().splitlines()
        assert len(lines) == 1, result.err
        assert "bị hỏng" in lines[0] and "counter-app restore" in lines[0] and str(path) in lines[0]
    english = cli("catalog", "list", lang="en")
    assert english.code == 2 and "is damaged" in english.err and "counter-app restore FILE" in english.err
    assert digest(path) == before
    backups = data_dir / "backups"
    assert not backups.exists() or not any(backups.iterdir())


def test_the_console_script_prints_no_traceback_for_a_damaged_profile(tmp_path: Path) -> None:
    path = make_profile(tmp_path / "counter")
    corrupt(path, "random page")
    env = dict(os.environ, COUNTER_APP_DATA_DIR=str(path.parent), COUNTER_APP_LANG="vi")
    script = Path(sys.executable).parent / "counter-app"
    proc = subprocess.run(
        [str(script), "sync", "--status"], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "bị hỏng" in proc.stderr


@pytest.mark.parametrize("how", ["truncated", "zeroed page", "emptied"])
def test_the_self_test_reports_a_damaged_database_as_failed(tmp_path: Path, how: str) -> None:
    path = make_profile(tmp_path / "counter")
    corrupt(path, how)
    before = digest(path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    outcome = SelfTest(path.parent, scratch).check_database()
    assert outcome.level is Level.FAILED
    assert "bị hỏng" in outcome.vi and "counter-app restore" in outcome.vi
    assert "is damaged" in outcome.en
    assert digest(path) == before
    assert (path.parent / DB_NAME).exists()


def test_bytes_damaged_inside_rows_are_reported_when_read(cli, data_dir: Path) -> None:
    path = make_profile(data_dir)
    garble_text(path)
    for command in (("catalog", "list"), ("dossier", "search", "nguyen")):
        result = cli(*command)
        assert result.code == 2, (command, result.out, result.err)
        assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1, result.err
        assert "bị hỏng" in result.err and "counter-app restore" in result.err
