"""`counter-app decode IMAGE...`: called directly, and as the installed command in a subprocess."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import pytest

from counter_app.cli import decode_cmd
from counter_app.devices.samples import Scene, empty_frame, qr_image


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


# ---- --json: each symbol with its kind ----------------------------------------------------------------------------
CARD = (
    "001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội|01072021"
)


def _qr_file(path: Path, text: str) -> Path:
    """A QR code of `text` as a scanner or camera would see it on a light background."""
    grey = qr_image(text, 6)
    canvas = np.full((grey.shape[0] + 80, grey.shape[1] + 80), 235, np.uint8)
    canvas[40:-40, 40:-40] = grey
    return _save(path, canvas)


def test_json_gives_each_symbol_its_kind_and_a_cards_fields(tmp_path: Path, clean_scene: Scene) -> None:
    card = str(_qr_file(tmp_path / "thẻ căn cước.png", CARD))
    receipt = str(_save(tmp_path / "receipt.png", clean_scene.image))
    link = str(_qr_file(tmp_path / "link.png", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"))
    ctx = Context()
    assert decode_cmd.run(_parse("--json", card, receipt, link, "absent.png"), ctx) == 0  # type: ignore[arg-type]
    found = json.loads(ctx.out.getvalue())
    assert found[0] == {
        "file": card,
        "text": CARD,
        "format": "qr",
        "kind": "id-card",
        "fields": {
            "id": "001085012345",
            "old_id": "012345678",
            "name": "Nguyễn Văn Đức",
            "birth_date": "1985-03-15",
            "sex": "Nam",
            "address": "Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội",
            "issued": "2021-07-01",
        },
    }
    codes = [item for item in found if item["file"] == receipt]
    assert sorted((item["format"], item["text"]) for item in codes) == sorted(clean_scene.expected.items())
    assert {item["kind"] for item in codes} == {"dossier-code"}
    assert all("fields" not in item for item in codes)
    assert found[-1] == {
        "file": link,
        "text": "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "format": "qr",
        "kind": "other",
    }
    assert len(found) == 2 + len(codes)
    assert ctx.err.getvalue() == "Không đọc được tệp ảnh: absent.png\n"


def test_json_of_a_card_with_a_bad_field_is_other_and_of_nothing_an_empty_array(
    tmp_path: Path, rng: np.random.Generator
) -> None:
    bad = str(_qr_file(tmp_path / "bad.png", CARD.replace("|15031985|", "|31021985|")))
    ctx = Context()
    assert decode_cmd.run(_parse("--json", bad), ctx) == 0  # type: ignore[arg-type]
    assert [(item["kind"], "fields" in item) for item in json.loads(ctx.out.getvalue())] == [("other", False)]
    desk = str(_save(tmp_path / "desk.png", empty_frame(rng)))
    empty = Context()
    assert decode_cmd.run(_parse("--json", desk), empty) == 1  # type: ignore[arg-type]
    assert json.loads(empty.out.getvalue()) == []


def test_plain_output_of_a_card_is_unchanged(tmp_path: Path) -> None:
    card = str(_qr_file(tmp_path / "card.png", CARD))
    ctx = Context()
    assert decode_cmd.run(_parse(card), ctx) == 0  # type: ignore[arg-type]
    assert ctx.out.getvalue() == f"{card}\t{CARD}\n"


def test_installed_command_prints_json(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("counter-app")
    assert command.exists(), "the counter-app script is installed with the package"
    _qr_file(tmp_path / "card.webp", CARD)
    env = {**os.environ, "COUNTER_APP_DATA_DIR": str(tmp_path / "data"), "COUNTER_APP_LANG": "vi"}
    done = subprocess.run(
        [str(command), "decode", "--json", "card.webp"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    [item] = json.loads(done.stdout)
    assert (item["file"], item["kind"], item["fields"]["name"]) == ("card.webp", "id-card", "Nguyễn Văn Đức")
