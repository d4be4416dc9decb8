"""The decoding pipeline on synthetic receipts, and reading image files."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from counter_app.devices.decoding import (
    CODE128,
    QR,
    Decoded,
    UnreadableImageError,
    decode_file,
    decode_image,
    decode_located,
    decode_zbar,
    decode_zxing,
    to_grey,
)
from counter_app.devices.samples import DEGRADATIONS, Scene, empty_frame, make_scene


def _scenes(degradation: str, count: int = 4) -> list[Scene]:
    rng = np.random.default_rng([20261127, DEGRADATIONS.index(degradation)])
    return [make_scene(rng, degradation) for _ in range(count)]


def _texts(found: list[Decoded]) -> set[str]:
    return {d.text for d in found}


@pytest.mark.parametrize("degradation", DEGRADATIONS)
def test_pipeline_reads_at_least_what_each_decoder_reads(degradation: str) -> None:
    read = expected = 0
    for scene in _scenes(degradation):
        wanted = set(scene.expected.values())
        by_pipeline = _texts(decode_image(scene.image)) & wanted
        by_either = (_texts(decode_zxing(scene.image)) | _texts(decode_zbar(scene.image))) & wanted
        assert by_either <= by_pipeline
        read += len(by_pipeline)
        expected += len(wanted)
    assert read >= 0.75 * expected


@pytest.mark.parametrize("degradation", ["rotate30", "blur", "small"])
def test_pipeline_beats_both_decoders_where_bars_are_hard(degradation: str) -> None:
    def codes_read(decode) -> int:  # type: ignore[no-untyped-def]
        return sum(scene.expected[CODE128] in _texts(decode(scene.image)) for scene in _scenes(degradation))

    pipeline = codes_read(decode_image)
    assert pipeline > codes_read(decode_zxing)
    assert pipeline > codes_read(decode_zbar)


def test_each_decoder_names_symbology_and_itself(clean_scene: Scene) -> None:
    expected = {(clean_scene.expected[CODE128], CODE128), (clean_scene.expected[QR], QR)}
    gray = to_grey(clean_scene.image)
    assert {(d.text, d.symbology) for d in decode_zxing(gray)} == expected
    assert {(d.text, d.symbology) for d in decode_zbar(gray)} == expected
    assert {d.decoder for d in decode_zxing(gray)} == {"zxing"}
    assert {d.decoder for d in decode_zbar(gray)} == {"zbar"}


def test_located_crops_read_a_tilted_barcode_the_whole_frame_misses() -> None:
    scene = _scenes("rotate30", 1)[0]
    code = scene.expected[CODE128]
    assert code not in _texts(decode_zxing(scene.image))
    located = [d for d in decode_located(scene.image) if d.symbology == CODE128]
    assert [(d.text, d.decoder) for d in located] == [(code, "opencv-crop")]


def test_a_vertical_barcode_is_read(clean_scene: Scene) -> None:
    upright = cv2.rotate(clean_scene.image, cv2.ROTATE_90_CLOCKWISE)
    assert clean_scene.expected[CODE128] in _texts(decode_image(upright))


def test_nothing_is_invented_on_an_empty_desk(rng: np.random.Generator) -> None:
    frame = empty_frame(rng)
    assert decode_image(frame) == []
    assert decode_located(frame) == []


def test_same_text_in_barcode_and_qr_is_reported_once(rng: np.random.Generator) -> None:
    scene = make_scene(rng, "clean", text="000.00.06.H56-261127-0361")
    assert _texts(decode_image(scene.image)) == {"000.00.06.H56-261127-0361"}
    assert len(decode_image(scene.image)) == 1


def test_stop_at_dossier_code_skips_the_slower_steps() -> None:
    scene = _scenes("rotate30", 1)[0]  # zxing reads only the QR; the barcode needs a located crop
    quick = decode_image(scene.image, stop_at_dossier_code=True)
    assert [d.symbology for d in quick] == [QR]
    assert {d.symbology for d in decode_image(scene.image)} == {QR, CODE128}


def test_to_grey_accepts_grey_bgr_bgra_and_16_bit(clean_scene: Scene) -> None:
    bgr = clean_scene.image
    grey = to_grey(bgr)
    assert grey.shape == bgr.shape[:2] and grey.dtype == np.uint8
    assert np.array_equal(to_grey(cv2.cvtColor(bgr, cv2.COLOR_BGR2BGRA)), grey)
    assert to_grey(grey.astype(np.uint16) * 256).dtype == np.uint8
    assert clean_scene.expected[QR] in _texts(decode_image(grey.astype(np.uint16) * 256))


@pytest.mark.parametrize("name", ["biên nhận.png", "receipt.jpg", "ảnh hồ sơ.webp"])
def test_decode_file_reads_png_jpeg_webp_with_unicode_names(
    tmp_path: Path, clean_scene: Scene, name: str
) -> None:
    path = tmp_path / name
    ok, data = cv2.imencode(path.suffix, clean_scene.image)
    assert ok
    data.tofile(path)
    assert _texts(decode_file(path)) == set(clean_scene.expected.values())


def test_decode_file_rejects_missing_empty_and_non_image_files(tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "notes.png").write_text("không phải ảnh", encoding="utf-8")
    for name in ("missing.png", "empty.png", "notes.png"):
        with pytest.raises(UnreadableImageError) as info:
            decode_file(tmp_path / name)
        assert info.value.code == "image.unreadable"
