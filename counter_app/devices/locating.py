"""Finding barcode and QR regions with OpenCV and cutting them out straight, upscaled and sharpened.

Used by the decoding pipeline when reading the whole frame failed. Regions are searched on a half-size
copy of the frame (four times cheaper; OpenCV's detectors still see bars there), then cut from the
full-size frame so no detail is lost:

* a 1D barcode region (OpenCV's barcode detector gives a rotated box) is rotated so its bars stand
  upright, padded for the quiet zone, and upscaled when its bars are thin, to about 4 px per module;
* a QR region (four corners from OpenCV's QR detector) is warped back to a square.
"""

from __future__ import annotations

import cv2
import numpy as np

#: Length (px) a straightened 1D crop is upscaled to: ~4 px per module for a 25-character Code128.
LINEAR_TARGET_LENGTH = 1600
MAX_UPSCALE = 4.0
#: Side (px) of a straightened QR crop, quiet zone included.
QR_SIDE = 480
_SEARCH_SCALE = 0.5


def _search_image(gray: np.ndarray) -> np.ndarray:
    return cv2.resize(gray, None, fx=_SEARCH_SCALE, fy=_SEARCH_SCALE, interpolation=cv2.INTER_AREA)


def linear_regions(gray: np.ndarray) -> list[np.ndarray]:
    """Rotated boxes (4×2 float32 corners, full-frame coordinates) that look like 1D barcodes."""
    found, corners = cv2.barcode.BarcodeDetector().detect(_search_image(gray))
    if not found or corners is None:
        return []
    return [np.asarray(c, dtype=np.float32).reshape(4, 2) / _SEARCH_SCALE for c in corners]


def qr_regions(gray: np.ndarray) -> list[np.ndarray]:
    """Quadrilaterals (4×2 float32 corners, full-frame coordinates) that look like QR codes."""
    found, corners = cv2.QRCodeDetectorAruco().detectMulti(_search_image(gray))
    if not found or corners is None:
        return []
    return [np.asarray(c, dtype=np.float32).reshape(4, 2) / _SEARCH_SCALE for c in corners]


def straighten_linear(gray: np.ndarray, box: np.ndarray) -> np.ndarray:
    """Cut the barcode in `box` out of `gray` with its bars vertical, padded, upscaled if thin."""
    (cx, cy), (width, height), angle = cv2.minAreaRect(box.astype(np.float32))
    if width < height:
        width, height, angle = height, width, angle + 90
    length = width * 1.3 + 20  # the detector may clip the ends and the quiet zone
    thickness = height + 12
    scale = float(np.clip(LINEAR_TARGET_LENGTH / length, 1.0, MAX_UPSCALE))
    out_w, out_h = round(length * scale), round(thickness * scale)
    theta = np.deg2rad(angle)
    cos, sin = np.cos(theta) / scale, np.sin(theta) / scale
    # Maps crop pixels (u, v) back to frame pixels, centred on the box.
    to_frame = np.array([[cos, -sin, 0.0], [sin, cos, 0.0]])
    to_frame[:, 2] = np.array([cx, cy]) - to_frame[:, :2] @ np.array([out_w / 2, out_h / 2])
    crop = cv2.warpAffine(
        gray,
        to_frame,
        (out_w, out_h),
        flags=cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_REPLICATE,
    )
    if _bars_lie_flat(crop):
        crop = cv2.rotate(crop, cv2.ROTATE_90_CLOCKWISE)
    return crop


def _bars_lie_flat(crop: np.ndarray) -> bool:
    """True when the strongest edges are horizontal, i.e. the box's long side ran along the bars."""
    gx = cv2.Sobel(crop, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(crop, cv2.CV_32F, 0, 1, ksize=3)
    return float(np.abs(gy).sum()) > 1.5 * float(np.abs(gx).sum())


def straighten_qr(gray: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """Warp the QR quadrilateral to an upright square with a quiet-zone margin."""
    margin = QR_SIDE * 0.12
    inner = QR_SIDE - 2 * margin
    far = margin + inner
    square = np.array([[margin, margin], [far, margin], [far, far], [margin, far]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), square)
    return cv2.warpPerspective(
        gray, matrix, (QR_SIDE, QR_SIDE), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


def sharpened(crop: np.ndarray, sigma: float = 2.0, amount: float = 3.0) -> np.ndarray:
    """Unsharp mask: restores the contrast of narrow bars that blur or upscaling washed out."""
    image = crop.astype(np.float32)
    soft = cv2.GaussianBlur(image, (0, 0), sigma)
    return np.clip(image + amount * (image - soft), 0, 255).astype(np.uint8)
