"""The command line's tests: a counter set up as a new ward centre's counter 2, acting as its first administrator."""

from __future__ import annotations

from pathlib import Path

import pytest

SETUP = (
    "setup",
    "--agency-id",
    "000.00.06.H56",
    "--agency-name",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG MẪU",
    "--parent-body",
    "UBND PHƯỜNG MẪU",
    "--place",
    "Phường Mẫu",
    "--counter",
    "2",
)


@pytest.fixture
def configured(cli, tmp_path: Path):
    """`cli` on a profile `counter-app setup` has configured, with its administrator's password from a file."""
    password = tmp_path / "admin-password"
    password.write_text("quan-tri-phuong-mau\n", encoding="utf-8")
    result = cli(*SETUP, "--admin-password-file", str(password))
    assert result.code == 0, result.err
    return cli
