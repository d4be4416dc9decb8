"""`counter-app decode IMAGE...`: called directly, and as the installed command in a subprocess."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import pytest

from counter_app.cli import decode_cmd
from counter_app.devices.samples import Scene, empty_frame


@dataclass
class Context:
    """The part of CliContext that `decode` uses."""

    lang: str = "vi"
    out: io.StringIO = field(default_factory=io.StringIO)
    err: io.StringIO = field(default_factory=io.StringIO)

    def say(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi


def _save(path: Path, image: np.ndarray) -> Path:
    ok, data = cv2.imencode(path.suffix, image)
    assert ok
    data.tofile(path)
    return path


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    decode_cmd.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["decode", *argv])


def test_prints_file_and_text_per_code_and_skips_unreadable_files(
    tmp_path: Path, clean_scene: Scene, rng: np.random.Generator
) -> None:
    receipt = str(_save(tmp_path / "biên nhận.png", clean_scene.image))
    desk = str(_save(tmp_path / "desk.jpg", empty_frame(rng)))
    missing = str(tmp_path / "missing.webp")
    ctx = Context()
    args = _parse(receipt, missing, desk)
    assert args.handler is decode_cmd.run
    assert decode_cmd.run(args, ctx) == 0  # type: ignore[arg-type]
    lines = ctx.out.getvalue().splitlines()
    assert sorted(lines) == sorted(f"{receipt}\t{text}" for text in clean_scene.expected.values())
    assert ctx.err.getvalue() == f"Không đọc được tệp ảnh: {missing}\n"


def test_exit_1_when_nothing_is_found_and_english_messages(tmp_path: Path, rng: np.random.Generator) -> None:
    desk = str(_save(tmp_path / "desk.png", empty_frame(rng)))
    ctx = Context(lang="en")
    assert decode_cmd.run(_parse(desk, "nope.png"), ctx) == 1  # type: ignore[arg-type]
    assert ctx.out.getvalue() == ""
    assert ctx.err.getvalue() == "Cannot read image file: nope.png\n"


def test_installed_command(tmp_path: Path, clean_scene: Scene) -> None:
    command = Path(sys.executable).with_name("counter-app")
    if not command.exists():
        pytest.skip("the counter-app script is not installed in this environment")
    receipt = _save(tmp_path / "receipt.webp", clean_scene.image)
    env = {**os.environ, "COUNTER_APP_DATA_DIR": str(tmp_path / "data"), "COUNTER_APP_LANG": "vi"}
    done = subprocess.run(
        [str(command), "decode", receipt.name, "absent.png"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()) == sorted(
        f"receipt.webp\t{text}" for text in clean_scene.expected.values()
    )
    assert "Không đọc được tệp ảnh: absent.png" in done.stderr
