"""Digitising with a document camera or webcam: frames read on one thread (the camera worker's one-slot buffer),
pages found and taken on another, so the window only paints what it is handed.

`PageCameraWorker` is the camera worker (devices.camera) with page analysis in place of code decoding: about ten
times a second it looks for the page in the newest frame, reports the frame and the corners for the live view, and
hands over a corrected page when the page has been held still (or when asked, Space).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np

from .camera import CameraWorker, FrameSource, ScanFilter
from .page_scan import Mode, PageCapture, PageCorners

_log = logging.getLogger(__name__)


class PageCameraWorker(CameraWorker):
    def __init__(
        self,
        source: FrameSource,
        *,
        on_preview: Callable[[np.ndarray, PageCorners], None],
        on_page: Callable[[np.ndarray], None],
        on_error: Callable[[str], None],
        on_stopped: Callable[[str], None],
        interval: float = 0.1,
        steady_frames: int = 4,
        mode: Mode = "grey",
        idle_timeout: float = 600.0,
    ) -> None:
        super().__init__(
            source,
            on_code=lambda _text: None,
            on_error=on_error,
            on_stopped=on_stopped,
            # no code ever counts as read: the camera runs until closed, or `idle_timeout` seconds at most
            scan_filter=ScanFilter(idle_timeout=idle_timeout, accept=lambda _text: False),
            decode_interval=interval,
            decode=self._analyse,
        )
        self.capture = PageCapture(steady_frames=steady_frames, mode=mode)
        self._on_preview = on_preview
        self._on_page = on_page

    def capture_now(self) -> None:
        """Take the next frame's page whether or not it is still (Space)."""
        self.capture.capture_now()

    def _analyse(self, frame: np.ndarray) -> list[str]:
        corners, page = self.capture.offer(frame)
        self._on_preview(frame, corners)
        if page is not None:
            self._on_page(page)
        return []  # no codes: the scan filter never stops the worker; the window does
