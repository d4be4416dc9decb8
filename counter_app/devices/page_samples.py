"""Synthetic photographs of paper pages on a desk, for the page-scanning tests, the benchmark and demos.

A page (A4 proportions) carries lines of text and a QR code in its top-left corner; it is placed on a textured
desk and seen through a pinhole camera (turned on the desk, the camera tilted), then the photograph is degraded: a soft shadow, blur and sensor noise.
Everything comes from a seeded generator, so a photograph is reproducible; the true corners come with it.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import qrcode

PAGE_PX = (827, 1169)  # an A4 page at 100 dpi, width × height
QR_TEXT = "000.00.06.H56-261127-0361"


@dataclass(frozen=True)
class PagePhoto:
    frame: np.ndarray  # BGR
    corners: np.ndarray  # 4×2, top-left, top-right, bottom-right, bottom-left of the page as it reads
    qr_text: str


def render_page(seed: int = 0, qr_text: str = QR_TEXT) -> np.ndarray:
    """A white A4 page (grey image) with a QR code in the top-left corner and lines of text below it."""
    rng = np.random.default_rng(seed)
    w, h = PAGE_PX
    page = np.full((h, w), 250, dtype=np.uint8)
    qr = qrcode.QRCode(border=1, box_size=6, error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(qr_text)
    qr.make(fit=True)
    matrix = np.array(qr.get_matrix(), dtype=np.uint8)
    symbol: np.ndarray = np.where(matrix > 0, 0, 255).astype(np.uint8)
    symbol = cv2.resize(symbol, (symbol.shape[1] * 6, symbol.shape[0] * 6), interpolation=cv2.INTER_NEAREST)
    margin = 60
    page[margin : margin + symbol.shape[0], margin : margin + symbol.shape[1]] = symbol
    words = [
        "CONG HOA",
        "XA HOI",
        "CHU NGHIA",
        "VIET NAM",
        "GIAY",
        "TIEP NHAN",
        "HO SO",
        "HEN TRA",
        "KET QUA",
    ]
    y = margin + symbol.shape[0] + 60
    while y < h - margin:
        x = margin
        while x < w - margin - 120:
            word = words[int(rng.integers(len(words)))]
            cv2.putText(page, word, (x, y), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 30, 2, cv2.LINE_AA)
            x += 22 * len(word) + 20
        y += 42
    cv2.putText(page, "TRANG 1", (w - 220, 100), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 20, 3, cv2.LINE_AA)
    return page


def desk(size: tuple[int, int], seed: int = 0) -> np.ndarray:
    """A wood-grain desk (BGR): brown stripes, knots of noise."""
    rng = np.random.default_rng(seed + 1000)
    w, h = size
    ys = np.arange(h, dtype=np.float32)[:, None]
    xs = np.arange(w, dtype=np.float32)[None, :]
    grain = np.sin(ys / 7.0 + 3 * np.sin(xs / 90.0)) * 18 + rng.normal(0, 10, (h, w))
    base = np.stack([70 + grain * 0.6, 105 + grain * 0.8, 140 + grain], axis=-1)
    return np.clip(base, 0, 255).astype(np.uint8)


def photograph(
    seed: int = 0,
    *,
    size: tuple[int, int] = (1920, 1080),
    turn_degrees: float = 8.0,
    tilt_degrees: float = 15.0,
    fill: float = 0.72,
    shadow: float = 0.35,
    blur: int = 3,
    noise: float = 6.0,
    qr_text: str = QR_TEXT,
) -> PagePhoto:
    """A page photographed on a desk by a camera (focal length 1.2 × the frame's width, a webcam's field of view):
    the sheet turned by `turn_degrees` on the desk, the camera looking at it `tilt_degrees` off the vertical, the
    page about `fill` of the frame's height; then a shadow across it, blur (odd kernel size; 0 for none), noise."""
    rng = np.random.default_rng(seed)
    w, h = size
    page = render_page(seed, qr_text)
    ph, pw = page.shape
    focal = 1.2 * w
    # the sheet in its own plane (millimetre-like units: an A4 page), turned on the desk, then seen tilted
    half = np.array([[-pw / 2, -ph / 2, 0], [pw / 2, -ph / 2, 0], [pw / 2, ph / 2, 0], [-pw / 2, ph / 2, 0]])
    turn, tilt = np.deg2rad(turn_degrees), np.deg2rad(tilt_degrees)
    rz = np.array([[np.cos(turn), -np.sin(turn), 0], [np.sin(turn), np.cos(turn), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, np.cos(tilt), -np.sin(tilt)], [0, np.sin(tilt), np.cos(tilt)]])
    placed = half @ rz.T @ rx.T
    distance = focal * ph / (h * fill)
    offset = np.array([rng.uniform(-0.04, 0.04) * distance, rng.uniform(-0.02, 0.02) * distance, distance])
    camera = placed + offset
    corners = np.stack(
        [focal * camera[:, 0] / camera[:, 2] + w / 2, focal * camera[:, 1] / camera[:, 2] + h / 2], axis=1
    ).astype(np.float32)
    source = np.array([[0, 0], [pw - 1, 0], [pw - 1, ph - 1], [0, ph - 1]], dtype=np.float32)
    homography = cv2.getPerspectiveTransform(source, corners)
    frame = desk(size, seed).astype(np.float32)
    warped = cv2.warpPerspective(page, homography, size, flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full_like(page, 255), homography, size, flags=cv2.INTER_LINEAR) / 255.0
    paper = np.stack([warped * 0.97, warped * 0.99, warped.astype(np.float32)], axis=-1)
    frame = frame * (1 - mask[..., None]) + paper * mask[..., None]
    if shadow > 0:  # a soft shadow falling across from one side (a hand, the camera stand)
        xs = np.linspace(0, 1, w, dtype=np.float32)[None, :]
        ys = np.linspace(0, 1, h, dtype=np.float32)[:, None]
        edge = rng.uniform(0.3, 0.7)
        fall = 1 / (1 + np.exp(-((xs * 0.7 + ys * 0.3) - edge) * 12))
        frame *= (1 - shadow * fall)[..., None]
    if blur:
        frame = cv2.GaussianBlur(frame, (blur, blur), 0)
    if noise:
        frame += rng.normal(0, noise, frame.shape).astype(np.float32)
    return PagePhoto(np.clip(frame, 0, 255).astype(np.uint8), corners, qr_text)


def empty_desk(seed: int = 0, size: tuple[int, int] = (1920, 1080)) -> np.ndarray:
    """A photograph with no page in it (the desk alone)."""
    return desk(size, seed)


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG file that claims `width` × `height` pixels and holds next to nothing: decoding it would take gigabytes,
    so whatever reads page photographs must refuse it from its header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path
