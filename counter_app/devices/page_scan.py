"""A photographed paper page made into a flat, upright, clean scan: find the page's four corners, undo the
perspective to the page's true proportions, straighten what is left of the skew, and clean the contrast.

`detect_page` looks for the page twice, on a frame shrunk to about 640 pixels: as the largest bright region
(Otsu's threshold on a blurred grey frame: a sheet is lighter than a desk) and as the largest closed outline
(Canny edges, closed with a dilation). Either must give a convex four-sided shape covering at least a sixth of the
frame; of the two, the one whose outline best fits its quadrilateral wins. The corners are then refined on the full
frame (sub-pixel corner search in a small window).

`correct_page` warps the quadrilateral to a rectangle. The true proportions of a sheet seen at an angle cannot be
read from the four corners alone without the camera's focal length, so the measured side ratio is snapped to the
nearest standard paper (A4, Letter, Legal, in either orientation) when within 12 %, and kept as measured
otherwise. Output is sized for `dpi` (200 by default: an A4 page is 1654 × 2339 pixels).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import cv2
import numpy as np

from ..core.errors import DomainError

Mode = Literal["grey", "bw"]
#: Portrait width ÷ height of the papers a counter receives, with their width in millimetres.
#: (A5 and A3 have A4's proportions: an A-series page is made A4-sized.)
PAPERS: tuple[tuple[str, float, float], ...] = (
    ("A4", 210.0, 297.0),
    ("Letter", 215.9, 279.4),
    ("Legal", 215.9, 355.6),
)
SNAP_TOLERANCE = 0.12
#: Grey levels at or above this are paper: made white.
WHITE_POINT = 235.0
#: A corrected A4 page in grey at 200 dpi stays well under 200 KB at this quality with its text sharp.
JPEG_QUALITY = 60
_WORK_SIDE = 640
_MIN_AREA_SHARE = 1 / 6


#: What a photograph or scanned page may be: a phone photo is 12–50 megapixels, an office scanner's A4 page at
#: 600 dpi about 35; beyond these a file is refused before it is decoded (a 20000 × 20000 image would take 1.2 GB).
MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_SIDE_PX = 12_000
MAX_PIXELS = 64_000_000


class PhotoError(DomainError):
    """A page photograph that cannot be used (params: path; codes `image.unreadable`, `image.too_large`)."""

    code = "image.unreadable"


def read_photo(path: Path) -> np.ndarray:
    """A photograph or scanned page (PNG, JPEG, WebP, TIFF, BMP) as a grey image, after checking from its header
    that it is not too large to open. Raises `PhotoError`."""
    from PIL import Image  # header only: the size is known before any pixel is decoded

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PhotoError("image.too_large", path=str(path))
        with Image.open(path) as header:
            width, height = header.size
    except PhotoError:
        raise
    except Image.DecompressionBombError as exc:
        raise PhotoError("image.too_large", path=str(path)) from exc
    except (OSError, ValueError) as exc:
        raise PhotoError(path=str(path)) from exc
    if max(width, height) > MAX_SIDE_PX or width * height > MAX_PIXELS:
        raise PhotoError("image.too_large", path=str(path))
    try:
        data = np.fromfile(path, dtype=np.uint8)
    except OSError as exc:
        raise PhotoError(path=str(path)) from exc
    image = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE) if data.size else None
    if image is None:
        raise PhotoError(path=str(path))
    return image


@dataclass(frozen=True)
class PageCorners:
    """The page's corners in frame pixels, top-left, top-right, bottom-right, bottom-left (as the page reads)."""

    points: tuple[tuple[float, float], ...]
    found: bool  # False: no page was seen and the corners are the frame's own

    def as_lists(self) -> list[list[float]]:
        return [[round(x, 1), round(y, 1)] for x, y in self.points]


def frame_corners(image: np.ndarray) -> PageCorners:
    h, w = image.shape[:2]
    return PageCorners(((0.0, 0.0), (w - 1.0, 0.0), (w - 1.0, h - 1.0), (0.0, h - 1.0)), found=False)


def grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def order_corners(points: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left (by sums and differences of coordinates)."""
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    ordered = np.zeros((4, 2), dtype=np.float32)
    sums = pts.sum(axis=1)
    diffs = np.diff(pts, axis=1).ravel()  # y - x
    ordered[0] = pts[np.argmin(sums)]
    ordered[2] = pts[np.argmax(sums)]
    ordered[1] = pts[np.argmin(diffs)]
    ordered[3] = pts[np.argmax(diffs)]
    if len({tuple(p) for p in ordered.tolist()}) < 4:  # a sheet turned near 45°: fall back to angles
        centre = pts.mean(axis=0)
        angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
        ring = pts[np.argsort(angles)]  # clockwise on screen, starting near the left
        start = int(np.argmin(ring.sum(axis=1)))
        ordered = np.roll(ring, -start, axis=0)
    return ordered


def _quad_from_contour(contour: np.ndarray, frame_area: float) -> tuple[np.ndarray, float] | None:
    """The contour's four-sided approximation and how well it fits (share of the contour's area it explains)."""
    area = cv2.contourArea(contour)
    if area < frame_area * _MIN_AREA_SHARE:
        return None
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for epsilon in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(approx) == 4 and cv2.isContourConvex(approx):
            quad_area = cv2.contourArea(approx)
            fit = min(area, quad_area) / max(area, quad_area)
            return approx.reshape(4, 2).astype(np.float32), fit
    return None


def _candidates(small: np.ndarray) -> list[tuple[np.ndarray, float]]:
    frame_area = float(small.shape[0] * small.shape[1])
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    masks = []
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    masks.append(cv2.morphologyEx(bright, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8)))
    edges = cv2.Canny(blurred, 40, 120)
    masks.append(cv2.dilate(edges, np.ones((3, 3), np.uint8), iterations=2))
    found = []
    for mask in masks:
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            quad = _quad_from_contour(contour, frame_area)
            if quad is not None:
                found.append(quad)
    return found


def detect_page(image: np.ndarray) -> PageCorners:
    """The page's corners, or the frame's own (`found` False) when no page stands out."""
    g = grey(image)
    h, w = g.shape
    scale = _WORK_SIDE / max(h, w) if max(h, w) > _WORK_SIDE else 1.0
    small = (
        cv2.resize(g, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA) if scale < 1 else g
    )
    candidates = _candidates(small)
    if not candidates:
        return frame_corners(image)
    quad, _ = max(candidates, key=lambda c: (c[1] > 0.9, cv2.contourArea(c[0]) * c[1]))
    corners = order_corners(quad / scale)
    refined = _refine(g, corners)
    return PageCorners(tuple((float(x), float(y)) for x, y in refined), found=True)


def _refine(g: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """Move each corner to the strongest corner response near it on the full frame (within a few pixels of the
    shrunk frame's precision); a corner that would move too far stays put."""
    h, w = g.shape
    window = max(3, round(max(h, w) / _WORK_SIDE * 2))
    pts = corners.reshape(-1, 1, 2).astype(np.float32).copy()
    inside = (
        (pts[:, 0, 0] > window)
        & (pts[:, 0, 0] < w - window)
        & (pts[:, 0, 1] > window)
        & (pts[:, 0, 1] < h - window)
    )
    if not inside.all():
        return corners
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 30, 0.05)
    moved = cv2.cornerSubPix(cv2.GaussianBlur(g, (3, 3), 0), pts, (window, window), (-1, -1), criteria)
    shift = np.linalg.norm(moved.reshape(4, 2) - corners, axis=1)
    return np.where((shift <= window * 1.5)[:, None], moved.reshape(4, 2), corners)


def true_ratio(corners: PageCorners, frame_size: tuple[int, int]) -> float:
    """The page's width ÷ height as it is on paper, from its corners in the photograph.

    A rectangle seen in perspective tells the camera's focal length through its two vanishing points, and with it
    its own proportions (Zhang and He, "Whiteboard scanning and image enhancement", 2007; the principal point is
    taken at the frame's centre). Seen nearly square-on, the vanishing points are at infinity and the formula has
    nothing to work with: the mean side lengths are the answer then.
    """
    tl, tr, br, bl = (np.array(p, dtype=np.float64) for p in corners.points)
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    if width <= 0 or height <= 0:
        raise ValueError("degenerate page")
    measured = float(width / height)
    u0, v0 = frame_size[0] / 2, frame_size[1] / 2
    m1, m2, m3, m4 = (np.array([p[0] - u0, p[1] - v0, 1.0]) for p in (tl, tr, bl, br))
    k2 = np.dot(np.cross(m1, m4), m3) / np.dot(np.cross(m2, m4), m3)
    k3 = np.dot(np.cross(m1, m4), m2) / np.dot(np.cross(m3, m4), m2)
    n2 = k2 * m2 - m1
    n3 = k3 * m3 - m1
    if abs(n2[2]) < 1e-6 or abs(n3[2]) < 1e-6:
        return measured
    f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2])
    if not np.isfinite(f2) or f2 <= 0:
        return measured
    a = np.diag([1 / f2, 1 / f2, 1.0])
    ratio2 = (n2 @ a @ n2) / (n3 @ a @ n3)
    if not np.isfinite(ratio2) or ratio2 <= 0:
        return measured
    ratio = float(np.sqrt(ratio2))
    return ratio if 0.5 < ratio / measured < 2 else measured


def page_size(
    corners: PageCorners, dpi: int = 200, frame_size: tuple[int, int] | None = None
) -> tuple[int, int, str]:
    """Output width and height in pixels for `dpi`, and the paper it was taken for ("" when none fits);
    `frame_size` (width, height) lets the perspective tell the true proportions."""
    tl, tr, br, bl = (np.array(p) for p in corners.points)
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    if width <= 0 or height <= 0:
        raise ValueError("degenerate page")
    ratio = float(true_ratio(corners, frame_size) if frame_size is not None else width / height)
    best: tuple[float, str, float, float] | None = None
    for name, short, long in PAPERS:
        for w_mm, h_mm in ((short, long), (long, short)):
            off = float(abs(ratio / (w_mm / h_mm) - 1))
            if off <= SNAP_TOLERANCE and (best is None or off < best[0]):
                best = (off, name, w_mm, h_mm)
    if best is not None:
        _, name, w_mm, h_mm = best
        return round(w_mm / 25.4 * dpi), round(h_mm / 25.4 * dpi), name
    # no standard paper: keep the measured proportions, the longer side as long as an A4's
    long_px = 297.0 / 25.4 * dpi
    if ratio >= 1:
        return round(long_px), round(long_px / ratio), ""
    return round(long_px * ratio), round(long_px), ""


def correct_page(
    image: np.ndarray, corners: PageCorners, *, mode: Mode = "grey", dpi: int = 200
) -> np.ndarray:
    """The page flattened to its proportions at `dpi`, straightened and cleaned (grey or black-and-white)."""
    g = grey(image)
    if corners.found:
        width, height, _ = page_size(corners, dpi, (g.shape[1], g.shape[0]))
        source = np.array(corners.points, dtype=np.float32)
        target = np.array(
            [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32
        )
        flat = cv2.warpPerspective(
            g, cv2.getPerspectiveTransform(source, target), (width, height), flags=cv2.INTER_CUBIC,
            borderMode=cv2.BORDER_REPLICATE,
        )  # fmt: skip
    else:
        flat = deskew(g)
    return clean(flat, mode)


def deskew(g: np.ndarray, limit_degrees: float = 15.0) -> np.ndarray:
    """Turn the image so that its lines of text run level: the angle of the text pixels' tightest box, used only
    when it is small (a page photographed crooked, not a page on its side)."""
    ink = cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    points = cv2.findNonZero(ink)
    if points is None or len(points) < 50:
        return g
    (_, _), (w, h), angle = cv2.minAreaRect(points)
    if w < h:
        angle -= 90
    angle = (angle + 90) % 180 - 90
    if abs(angle) < 0.3 or abs(angle) > limit_degrees:
        return g
    rows, cols = g.shape
    turn = cv2.getRotationMatrix2D((cols / 2, rows / 2), angle, 1.0)
    return cv2.warpAffine(g, turn, (cols, rows), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def clean(g: np.ndarray, mode: Mode = "grey") -> np.ndarray:
    """Even out the lighting (divide by the blurred background, which removes shadows) and stretch the contrast;
    black-and-white thresholds the evened page."""
    h, w = g.shape
    small = cv2.resize(g, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    size = max(9, (min(small.shape) // 20) | 1)
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5)))
    background = cv2.resize(cv2.GaussianBlur(closed, (size, size), 0), (w, h), interpolation=cv2.INTER_LINEAR)
    even = cv2.divide(g, np.maximum(background, 1), scale=255)
    low, high = np.percentile(even, (1, 99))
    if high - low > 10:
        even = np.clip((even.astype(np.float32) - low) * (255.0 / (high - low)), 0, 255).astype(np.uint8)
    if mode == "bw":
        _, bw = cv2.threshold(even, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        return bw
    # paper to pure white: the grain of a photographed sheet is noise that would cost most of the JPEG's bytes
    return cv2.convertScaleAbs(even, alpha=255.0 / WHITE_POINT)


def encode_jpeg(page: np.ndarray, quality: int = JPEG_QUALITY) -> bytes:
    """The corrected page as a JPEG (grey or black-and-white pages stay one channel)."""
    ok, data = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, quality, cv2.IMWRITE_JPEG_OPTIMIZE, 1])
    if not ok:
        raise ValueError("the page could not be encoded")
    return data.tobytes()


def steady(previous: np.ndarray | None, current: np.ndarray, tolerance_px: float = 4.0) -> bool:
    """Whether two successive detections' corners stayed within `tolerance_px` (the page is held still: time to
    take the still)."""
    if previous is None:
        return False
    return bool(np.max(np.linalg.norm(np.asarray(previous) - np.asarray(current), axis=-1)) <= tolerance_px)


class PageCapture:
    """What the capture worker decides frame after frame: a page held still for `steady_frames` analyses is
    taken once; the next is taken only after that page has moved away (or on `capture_now`, Space)."""

    def __init__(self, *, steady_frames: int = 4, tolerance_px: float = 6.0, mode: Mode = "grey") -> None:
        self.steady_frames = steady_frames
        self.tolerance_px = tolerance_px
        self.mode: Mode = mode
        self._previous: np.ndarray | None = None
        self._still_for = 0
        self._taken_at: np.ndarray | None = None  # corners of the page last taken, until it moves away
        self._now = False

    def capture_now(self) -> None:
        self._now = True

    def offer(self, frame: np.ndarray) -> tuple[PageCorners, np.ndarray | None]:
        """The page found in `frame`, and the corrected page when it is time to take it."""
        corners = detect_page(frame)
        points = np.array(corners.points)
        if corners.found and steady(self._previous, points, self.tolerance_px):
            self._still_for += 1
        else:
            self._still_for = 0
        self._previous = points if corners.found else None
        if self._taken_at is not None and (
            not corners.found or not steady(self._taken_at, points, self.tolerance_px * 4)
        ):
            self._taken_at = None  # the page was taken away or turned: the next one may be taken
        take = self._now or (
            corners.found and self._still_for >= self.steady_frames and self._taken_at is None
        )
        if not take:
            return corners, None
        self._now = False
        self._taken_at = points if corners.found else None
        return corners, correct_page(frame, corners, mode=self.mode)
