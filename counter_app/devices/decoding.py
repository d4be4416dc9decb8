"""Reading the Code128 barcodes and QR codes of receipts from camera frames and image files.

`decode_image` is the pipeline; each step runs only for the symbologies still missing, cheapest first:

1. zxing on the whole grey frame (about 5 ms for 1280×720; finds most upright codes);
2. located crops: OpenCV finds barcode/QR regions, cuts them out straight, upscales thin bars and
   sharpens them, then zxing and zbar read each crop (rotated, blurred, noisy and small codes);
3. zbar on the whole frame, as the last resort.

zbar runs after the located crops, not before them: on a full frame it costs 15–70 ms and, on the
benchmark, finds little the crops miss (a few perspective-warped barcodes); running it last keeps the
median frame fast while the result stays a superset of what zxing or zbar alone would find. Thin bars
are upscaled on the located crop rather than on the whole frame, which would cost four times as much.
The pipeline stops as soon as both symbologies are found, or, with `stop_at_dossier_code`, as soon as
any text shaped like a dossier code is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar

from counter_app.core.codes import ScanKind, classify_scan, is_dossier_code
from counter_app.core.errors import DomainError

from . import locating

CODE128 = "code128"
QR = "qr"
SYMBOLOGIES: tuple[str, ...] = (CODE128, QR)

_ZXING_FORMAT = {CODE128: "Code128", QR: "QRCode"}
_ZXING_IDENTIFIER = {"]C": CODE128, "]Q": QR}  # ISO/IEC 15424 symbology identifiers
_ZBAR_SYMBOL = {CODE128: pyzbar.ZBarSymbol.CODE128, QR: pyzbar.ZBarSymbol.QRCODE}
_ZBAR_NAME = {"CODE128": CODE128, "QRCODE": QR}


@dataclass(frozen=True)
class Decoded:
    """One symbol read from an image: its text, its symbology and which decoder read it."""

    text: str
    symbology: str  # "code128" | "qr"
    decoder: str  # "zxing" | "zbar" | "opencv-crop"

    @property
    def kind(self) -> ScanKind:
        """What the text is (`core.codes.classify_scan`): a dossier code, a chip ID card, or something else."""
        return classify_scan(self.text)


class UnreadableImageError(DomainError):
    """An image file that is missing or not a PNG/JPEG/WebP OpenCV can decode (params: path)."""

    code = "image.unreadable"


def to_grey(image: np.ndarray) -> np.ndarray:
    """8-bit single-channel copy of a grey, BGR or BGRA frame."""
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    elif image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if image.dtype != np.uint8:
        image = cv2.convertScaleAbs(image, alpha=255.0 / max(float(image.max()), 1.0))
    return np.ascontiguousarray(image)


def _zxing(gray: np.ndarray, symbologies: Iterable[str], decoder: str, *, whole_frame: bool) -> list[Decoded]:
    formats = zxingcpp.barcode_formats_from_str(",".join(_ZXING_FORMAT[s] for s in symbologies))
    results = zxingcpp.read_barcodes(
        gray,
        formats=formats,
        try_rotate=whole_frame,  # crops are already upright
        try_invert=False,  # receipts are printed dark on light
        try_downscale=whole_frame,
    )
    found = []
    for result in results:
        symbology = _ZXING_IDENTIFIER.get(result.symbology_identifier[:2])
        if symbology and result.text:
            found.append(Decoded(result.text, symbology, decoder))
    return found


def _zbar(gray: np.ndarray, symbologies: Iterable[str], decoder: str) -> list[Decoded]:
    symbols = [_ZBAR_SYMBOL[s] for s in symbologies]
    found = []
    for result in pyzbar.decode(gray, symbols=symbols):
        symbology = _ZBAR_NAME.get(result.type)
        if symbology:
            found.append(Decoded(result.data.decode("utf-8", errors="replace"), symbology, decoder))
    return found


def decode_zxing(gray: np.ndarray, symbologies: Iterable[str] = SYMBOLOGIES) -> list[Decoded]:
    """zxing-cpp alone on the whole frame, Code128 and QR only."""
    return _zxing(to_grey(gray), symbologies, "zxing", whole_frame=True)


def decode_zbar(gray: np.ndarray, symbologies: Iterable[str] = SYMBOLOGIES) -> list[Decoded]:
    """zbar alone on the whole frame, Code128 and QR only."""
    return _zbar(to_grey(gray), symbologies, "zbar")


#: Attempts on a straightened crop, in order: (unsharp sigma and amount, or None for as-is; decoder).
#: Chosen greedily on the benchmark's blurred, small, perspective and noisy frames.
_CROP_ATTEMPTS: tuple[tuple[tuple[float, float] | None, str], ...] = (
    (None, "zxing"),
    ((1.5, 5.0), "zxing"),
    (None, "zbar"),
    ((2.0, 3.0), "zxing"),
    ((2.0, 6.0), "zbar"),
)


def _read_crop(crop: np.ndarray, symbology: str) -> list[Decoded]:
    """Try the crop as-is and sharpened, with zxing and zbar; stop at the first read."""
    for sharpening, decoder in _CROP_ATTEMPTS:
        image = crop if sharpening is None else locating.sharpened(crop, *sharpening)
        if decoder == "zxing":
            found = _zxing(image, (symbology,), "opencv-crop", whole_frame=False)
        else:
            found = _zbar(image, (symbology,), "opencv-crop")
        if found:
            return found
    return []


def decode_located(gray: np.ndarray, symbologies: Iterable[str] = SYMBOLOGIES) -> list[Decoded]:
    """Locate candidate regions with OpenCV, straighten and enhance each, and read it with zxing/zbar."""
    gray = to_grey(gray)
    wanted = set(symbologies)
    found: list[Decoded] = []
    if CODE128 in wanted:
        for box in locating.linear_regions(gray):
            found += _read_crop(locating.straighten_linear(gray, box), CODE128)
    if QR in wanted:
        for corners in locating.qr_regions(gray):
            found += _read_crop(locating.straighten_qr(gray, corners), QR)
    return found


def decode_image(
    image: np.ndarray, *, stop_at_dossier_code: bool = False, thorough: bool = True
) -> list[Decoded]:
    """The pipeline (see the module docstring): every distinct Code128/QR text found, best decoder first.

    `thorough=False` skips the last step (zbar on the whole frame, 20–70 ms): the camera uses it,
    since the next frame comes 0.1–0.2 s later anyway.
    """
    gray = to_grey(image)
    found: dict[str, Decoded] = {}

    def done() -> bool:
        if stop_at_dossier_code and any(is_dossier_code(text) for text in found):
            return True
        return {d.symbology for d in found.values()} >= set(SYMBOLOGIES)

    steps: tuple[Callable[[np.ndarray, Iterable[str]], list[Decoded]], ...] = (
        decode_zxing,
        decode_located,
        *((decode_zbar,) if thorough else ()),
    )
    for step in steps:
        missing = [s for s in SYMBOLOGIES if s not in {d.symbology for d in found.values()}]
        for decoded in step(gray, missing):
            found.setdefault(decoded.text, decoded)
        if done():
            break
    return list(found.values())


def read_grey(path: Path) -> np.ndarray:
    """Load an image file as grey; unicode paths work. Raises `UnreadableImageError`."""
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError as exc:
        raise UnreadableImageError(path=str(path)) from exc
    image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if image is None:
        raise UnreadableImageError(path=str(path))
    return image


def decode_file(path: Path) -> list[Decoded]:
    """Decode a PNG, JPEG or WebP file through the pipeline. Raises `UnreadableImageError`."""
    return decode_image(read_grey(path))
