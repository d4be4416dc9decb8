"""Synthetic camera frames of receipts carrying dossier codes, for decoder tests, the benchmark and demos.

A scene is a 1280×720 grey desk with a white receipt on it; the receipt carries a Code128 barcode, a QR
code or both (as real appointment slips do), plus lines of "text" that distract the region locator.
The receipt is placed with a homography (rotation, perspective tilt), then the whole frame is degraded
(blur, noise, JPEG, low light). Everything is drawn from a seeded generator, so scenes are reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import barcode
import cv2
import numpy as np
import qrcode
from barcode.writer import ImageWriter

FRAME_SIZE = (1280, 720)  # width, height
SymbolKind = Literal["code128", "qr", "both"]

#: Degradations the benchmark and the tests cover, in reporting order.
DEGRADATIONS: tuple[str, ...] = (
    "clean",
    "blur",
    "rotate10",
    "rotate30",
    "perspective",
    "noise",
    "jpeg30",
    "low-light",
    "small",
)

SAMPLE_CODES: tuple[str, ...] = ("000.00.06.H56-261127-0361", "G12.18.112.001-261127-1205")

_RENDER_PX_PER_MODULE = 4


@dataclass(frozen=True)
class Scene:
    """A generated frame (BGR) and the texts that a perfect decoder finds in it, by symbology."""

    image: np.ndarray
    expected: dict[str, str]  # symbology ("code128" | "qr") → text
    degradation: str


def random_dossier_code(rng: np.random.Generator) -> str:
    """A plausible dossier code in one of the two agency-ID orders seen in the wild."""
    if rng.random() < 0.5:
        agency = f"000.00.{rng.integers(1, 99):02d}.H{rng.integers(10, 99)}"
    else:
        agency = f"G{rng.integers(1, 99):02d}.{rng.integers(1, 99):02d}.{rng.integers(1, 999):03d}.001"
    day = f"{rng.integers(24, 27):02d}{rng.integers(1, 13):02d}{rng.integers(1, 29):02d}"
    return f"{agency}-{day}-{rng.integers(1, 99):02d}{rng.integers(1, 99):02d}"


def code128_image(text: str, px_per_module: float) -> np.ndarray:
    """Grey Code128 symbol (no human-readable line) with a 10-module quiet zone, scaled to `px_per_module`."""
    k = _RENDER_PX_PER_MODULE
    options = {
        "module_width": 0.1 * k,
        "module_height": 0.1 * k * 40,
        "quiet_zone": 0.1 * k * 10,
        "write_text": False,
        "dpi": 254,  # 0.1 mm == 1 px
    }
    pil = barcode.Code128(text, writer=ImageWriter()).render(options)
    grey = np.asarray(pil.convert("L"))
    return _scale(grey, px_per_module / k)


def qr_image(text: str, px_per_module: float) -> np.ndarray:
    """Grey QR symbol (error correction M) with the standard 4-module quiet zone, scaled to `px_per_module`."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    modules = np.array(qr.get_matrix(), dtype=bool)
    grey = np.where(modules, 0, 255).astype(np.uint8)
    big = np.kron(grey, np.ones((_RENDER_PX_PER_MODULE, _RENDER_PX_PER_MODULE), dtype=np.uint8))
    return _scale(big, px_per_module / _RENDER_PX_PER_MODULE)


def _scale(grey: np.ndarray, factor: float) -> np.ndarray:
    h, w = grey.shape
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR
    return cv2.resize(grey, size, interpolation=interpolation)


def _desk(rng: np.random.Generator) -> np.ndarray:
    """A grey desk: a lighting gradient, a few darker objects and fine texture."""
    w, h = FRAME_SIZE
    base = float(rng.uniform(70, 130))
    xs = np.linspace(-1, 1, w, dtype=np.float32)
    ys = np.linspace(-1, 1, h, dtype=np.float32)
    gx, gy = rng.uniform(-20, 20, size=2)
    desk = base + gx * xs[None, :] + gy * ys[:, None]
    for _ in range(int(rng.integers(2, 6))):
        x0, y0 = int(rng.integers(0, w - 100)), int(rng.integers(0, h - 100))
        x1, y1 = x0 + int(rng.integers(60, 400)), y0 + int(rng.integers(40, 300))
        desk[y0:y1, x0:x1] = float(rng.uniform(30, 200))
    desk += rng.normal(0, 3, size=desk.shape).astype(np.float32)
    return np.clip(desk, 0, 255).astype(np.uint8)


def _receipt(rng: np.random.Generator, symbols: Sequence[np.ndarray]) -> np.ndarray:
    """White paper holding the symbols side by side (or stacked), with text-like lines above and below."""
    pad = 24
    if len(symbols) == 2 and symbols[0].shape[1] + symbols[1].shape[1] > 900:
        width = max(s.shape[1] for s in symbols) + 2 * pad
        height = sum(s.shape[0] for s in symbols) + 3 * pad + 120
        stacked = True
    else:
        width = sum(s.shape[1] for s in symbols) + (len(symbols) + 1) * pad
        height = max(s.shape[0] for s in symbols) + 2 * pad + 120
        stacked = False
    paper = np.full((height, width), int(rng.integers(225, 250)), dtype=np.uint8)
    x, y = pad, 60 + pad // 2
    for s in symbols:
        paper[y : y + s.shape[0], x : x + s.shape[1]] = s
        if stacked:
            y += s.shape[0] + pad
        else:
            x += s.shape[1] + pad
    scale = max(0.35, min(1.0, width / 900))
    for line_y in (22, 48, height - 40, height - 14):
        words = " ".join("x" * int(rng.integers(2, 8)) for _ in range(6))
        cv2.putText(paper, words.upper(), (pad, line_y), cv2.FONT_HERSHEY_SIMPLEX, scale, 40, 1, cv2.LINE_AA)
    return paper


def _place(
    desk: np.ndarray, paper: np.ndarray, rng: np.random.Generator, angle: float, tilt: float
) -> np.ndarray:
    """Warp `paper` onto `desk` rotated by `angle` degrees, with corners pulled by `tilt` (perspective)."""
    h, w = paper.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    corners = src - np.array([w / 2, h / 2], dtype=np.float32)
    if tilt:
        # Shrink one side (as when the paper leans away from the camera).
        side = int(rng.integers(0, 4))
        for i in (side, (side + 1) % 4):
            corners[i] *= 1 - tilt
    theta = np.deg2rad(angle)
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]], dtype=np.float32)
    rotated = corners @ rot.T
    span = rotated.max(axis=0) - rotated.min(axis=0)
    fw, fh = FRAME_SIZE
    fit = min(1.0, (fw - 10) / span[0], (fh - 10) / span[1])
    if fit < 1.0:  # a large stacked receipt: the camera sees it from further away
        rotated *= fit
        span *= fit
    cx = rng.uniform(span[0] / 2 + 4, max(span[0] / 2 + 5, fw - span[0] / 2 - 4))
    cy = rng.uniform(span[1] / 2 + 4, max(span[1] / 2 + 5, fh - span[1] / 2 - 4))
    dst = rotated + np.array([cx, cy], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(paper, matrix, FRAME_SIZE, flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.full_like(paper, 255), matrix, FRAME_SIZE, flags=cv2.INTER_LINEAR)
    alpha = mask.astype(np.float32) / 255
    return (warped * alpha + desk * (1 - alpha)).astype(np.uint8)


def make_scene(
    rng: np.random.Generator, degradation: str, kind: SymbolKind = "both", text: str | None = None
) -> Scene:
    """One 1280×720 BGR frame with a receipt degraded as named (see `DEGRADATIONS`).

    Each symbol carries its own random dossier code, or `text` when given (both then carry it).
    """
    if degradation not in DEGRADATIONS:
        raise ValueError(degradation)
    small = degradation == "small"
    texts = {"code128": text or random_dossier_code(rng), "qr": text or random_dossier_code(rng)}
    wanted = ("code128", "qr") if kind == "both" else (kind,)
    symbols = []
    for symbology in wanted:
        if symbology == "code128":
            # ~300 modules: 1.25 px/module is about the least a 720p camera resolves.
            ppm = rng.uniform(1.2, 1.4) if small else rng.uniform(1.7, 2.6)
            symbols.append(code128_image(texts["code128"], ppm))
        else:
            # Version 2–3 QR (33–37 modules with quiet zone): under 15 % of the frame width when small.
            ppm = rng.uniform(3.5, 4.8) if small else rng.uniform(5.0, 8.0)
            symbols.append(qr_image(texts["qr"], ppm))
    angle = float(rng.uniform(-3, 3))
    tilt = 0.0
    if degradation == "rotate10":
        angle = float(rng.choice([-10.0, 10.0]))
    elif degradation == "rotate30":
        angle = float(rng.choice([-30.0, 30.0]))
    elif degradation == "perspective":
        tilt = float(rng.uniform(0.15, 0.25))
    frame = _place(_desk(rng), _receipt(rng, symbols), rng, angle, tilt)
    frame = _degrade(frame, degradation, rng)
    return Scene(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR), {s: texts[s] for s in wanted}, degradation)


def _degrade(frame: np.ndarray, degradation: str, rng: np.random.Generator) -> np.ndarray:
    if degradation == "blur":
        return cv2.GaussianBlur(frame, (0, 0), sigmaX=float(rng.uniform(1.2, 1.8)))
    if degradation == "noise":
        noisy = frame.astype(np.float32) + rng.normal(0, 22, size=frame.shape).astype(np.float32)
        return np.clip(noisy, 0, 255).astype(np.uint8)
    if degradation == "jpeg30":
        ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 30])
        return np.asarray(cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)) if ok else frame
    if degradation == "low-light":
        dark = frame.astype(np.float32) * rng.uniform(0.12, 0.18) + rng.uniform(8, 14)
        dark += rng.normal(0, 2.5, size=frame.shape).astype(np.float32)
        return np.clip(dark, 0, 255).astype(np.uint8)
    # Every frame passes through a camera: a touch of softness.
    return cv2.GaussianBlur(frame, (0, 0), sigmaX=0.6)


def empty_frame(rng: np.random.Generator) -> np.ndarray:
    """A BGR desk frame with no receipt (what the camera sees before the citizen shows the slip)."""
    return cv2.cvtColor(_desk(rng), cv2.COLOR_GRAY2BGR)
