"""Reading dossier codes from a camera: frame sources, the scan filter and the two-thread camera worker.

`CameraWorker` runs a reader thread that keeps only the newest frame (a one-slot buffer, so decoding
never falls behind the camera) and a decode thread that takes that frame 5–10 times a second and
decodes it. It reports through three callbacks, called from its threads (the GUI wraps them in queued
signals): `on_code(text)`, `on_error(code)` with `camera.absent`, `camera.busy` or `camera.lost`, and
`on_stopped(reason)` with `scanned`, `closed`, `idle` or `error`, exactly once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from counter_app.core.codes import is_dossier_code
from counter_app.core.errors import DomainError

from .decoding import decode_image

_log = logging.getLogger(__name__)

CAMERA_ABSENT = "camera.absent"
CAMERA_BUSY = "camera.busy"
CAMERA_LOST = "camera.lost"

STOP_SCANNED = "scanned"
STOP_CLOSED = "closed"
STOP_IDLE = "idle"
STOP_ERROR = "error"


class CameraError(DomainError):
    """The camera cannot deliver frames; `code` is one of `camera.absent`, `camera.busy`, `camera.lost`."""

    code = CAMERA_ABSENT


class FrameSource(Protocol):
    """Something that yields frames: a camera, a video file, or a test double."""

    def open(self) -> None:
        """Start delivering frames; raises `CameraError` (absent or busy)."""

    def read(self) -> np.ndarray | None:
        """The next frame, or None when none could be read."""

    def close(self) -> None:
        """Release the device; safe to call twice."""


@contextlib.contextmanager
def quiet_opencv() -> Iterator[None]:
    """Silence OpenCV's console warnings (probing absent cameras prints one per index)."""
    logging_api = getattr(getattr(cv2, "utils", None), "logging", None)
    if logging_api is None:  # an OpenCV build without the logging bindings
        yield
        return
    previous = logging_api.getLogLevel()
    logging_api.setLogLevel(logging_api.LOG_LEVEL_SILENT)
    try:
        yield
    finally:
        logging_api.setLogLevel(previous)


class OpenCvSource:
    """A camera (device index) or a video file (path) read through `cv2.VideoCapture`.

    A video file is played at its own frame rate, as a camera would deliver it. A device that opens but
    yields no first frame is reported busy (another program holds it); one that does not open, absent.
    """

    def __init__(self, device: int | str | Path, *, width: int = 1280, height: int = 720) -> None:
        self.device = device
        self.width, self.height = width, height
        self._capture: cv2.VideoCapture | None = None
        self._frame_period = 0.0
        self._next_frame_at = 0.0
        self._first: np.ndarray | None = None

    @property
    def is_file(self) -> bool:
        return not isinstance(self.device, int)

    @property
    def is_device(self) -> bool:
        """A camera rather than a video file: worth asking the system whether any camera is connected first."""
        return not self.is_file

    def open(self) -> None:
        device = self.device if isinstance(self.device, int) else str(self.device)
        if isinstance(device, str) and not Path(device).is_file():
            raise CameraError(CAMERA_ABSENT, device=device)
        with quiet_opencv():
            capture = cv2.VideoCapture(device)
            if not capture.isOpened():
                capture.release()
                raise CameraError(CAMERA_ABSENT, device=str(self.device))
            if not self.is_file:
                capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
                capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
            ok, first = capture.read()
        if not ok or first is None:
            capture.release()
            raise CameraError(CAMERA_LOST if self.is_file else CAMERA_BUSY, device=str(self.device))
        fps = capture.get(cv2.CAP_PROP_FPS) if self.is_file else 0.0
        self._frame_period = 1.0 / fps if fps and 1 <= fps <= 240 else 0.0
        self._next_frame_at = time.monotonic()
        self._capture, self._first = capture, first

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            return None
        if self._first is not None:
            frame, self._first = self._first, None
        else:
            with quiet_opencv():
                ok, frame = self._capture.read()
            if not ok:
                return None
        if self._frame_period:  # play files in real time
            self._next_frame_at += self._frame_period
            time.sleep(max(0.0, self._next_frame_at - time.monotonic()))
        return np.asarray(frame)

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


#: VIDIOC_QUERYCAP: _IOR('V', 0, struct v4l2_capability), the struct being 104 bytes (linux/videodev2.h).
VIDIOC_QUERYCAP = 0x80685600
_CAPABILITY = struct.Struct("=16s32s32sIII12x")
_CAP_VIDEO_CAPTURE = 0x00000001
_CAP_VIDEO_CAPTURE_MPLANE = 0x00001000
_CAP_DEVICE_CAPS = 0x80000000


def capture_name(capability: bytes) -> str | None:
    """The card's name when a VIDIOC_QUERYCAP answer describes a node that captures video, else None (a UVC
    camera also has a metadata node, and a capture card output nodes, which are not cameras)."""
    _driver, card, _bus, _version, caps, device_caps = _CAPABILITY.unpack(capability[: _CAPABILITY.size])
    node = device_caps if caps & _CAP_DEVICE_CAPS else caps
    if not node & (_CAP_VIDEO_CAPTURE | _CAP_VIDEO_CAPTURE_MPLANE):
        return None
    return card.split(b"\0", 1)[0].decode("utf-8", "replace").strip() or None


def _query_capability(node: Path) -> bytes | None:
    """The node's VIDIOC_QUERYCAP answer, None when it cannot be asked (gone, not V4L2, no permission)."""
    import fcntl  # Unix only; asked on Linux alone

    try:
        fd = os.open(node, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        answer = bytearray(_CAPABILITY.size)
        fcntl.ioctl(fd, VIDIOC_QUERYCAP, answer)
        return bytes(answer)
    except OSError:
        return None
    finally:
        os.close(fd)


def v4l2_cameras(
    dev: Path = Path("/dev"), query: Callable[[Path], bytes | None] = _query_capability
) -> list[tuple[int, str]]:
    """Linux: the video capture devices the kernel lists, as (index, name), asked without opening a stream
    (a millisecond, against seconds for OpenCV to give up on a device that is not there)."""
    nodes = sorted((int(p.name[5:]), p) for p in dev.glob("video*") if p.name[5:].isdigit())
    found = []
    for index, node in nodes:
        answer = query(node)
        name = capture_name(answer) if answer is not None else None
        if name is not None:
            found.append((index, name))
    return found


def list_cameras(max_index: int = 5) -> list[int]:
    """Indices below `max_index` of cameras that open and deliver a frame, probed without console noise."""
    found = []
    for index in range(max_index):
        with quiet_opencv():
            capture = cv2.VideoCapture(index)
            try:
                if capture.isOpened() and capture.read()[0]:
                    found.append(index)
            finally:
                capture.release()
    return found


class ScanFilter:
    """Decides which decoded texts to report and when scanning should stop (pure; the clock is injected).

    Accepts only dossier codes, drops a repeat of the last reported code within `repeat_window` seconds,
    and asks to stop after a reported code (unless `stop_after_read` is off), on `close()`, or after
    `idle_timeout` seconds without a reported code.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        *,
        repeat_window: float = 2.0,
        idle_timeout: float = 60.0,
        stop_after_read: bool = True,
        accept: Callable[[str], bool] = is_dossier_code,
    ) -> None:
        self._clock = clock
        self.repeat_window = repeat_window
        self.idle_timeout = idle_timeout
        self.stop_after_read = stop_after_read
        self._accept = accept
        self._last_text: str | None = None
        self._last_read_at = clock()
        self._started_at = self._last_read_at
        self._read = False
        self._closed = False

    def restart(self) -> None:
        """Begin a new scanning session: the idle timer starts again and nothing counts as read yet."""
        self._started_at = self._clock()
        self._read = False
        self._closed = False

    def offer(self, text: str) -> str | None:
        """The code to report for a decoded `text` (trimmed), or None when it must be ignored."""
        text = text.strip()
        if self._closed or (self._read and self.stop_after_read) or not self._accept(text):
            return None
        now = self._clock()
        if text == self._last_text and now - self._last_read_at < self.repeat_window:
            return None
        self._last_text, self._last_read_at, self._read = text, now, True
        return text

    def close(self) -> None:
        self._closed = True

    def stop_reason(self) -> str | None:
        """Why scanning should stop now (`closed`, `scanned`, `idle`), or None to go on."""
        if self._closed:
            return STOP_CLOSED
        if self._read and self.stop_after_read:
            return STOP_SCANNED
        if self._clock() - max(self._started_at, self._last_read_at) >= self.idle_timeout:
            return STOP_IDLE
        return None


def dossier_texts(frame: np.ndarray) -> list[str]:
    """Texts of the symbols on `frame`: the camera pipeline, stopping once a dossier code is found."""
    return [d.text for d in decode_image(frame, stop_at_dossier_code=True, thorough=False)]


class CameraWorker:
    """Reads frames on one thread, decodes the newest on another, and reports through callbacks.

    `start()` returns at once; opening the device happens on the reader thread, so an absent or busy
    camera never blocks the caller. The reader keeps only the newest frame; after `max_failed_reads`
    consecutive failed reads the camera counts as lost. The decode thread wakes every `decode_interval`
    seconds (0.1–0.2 s: 5–10 decodes a second), decodes the newest frame if it is new, passes the texts
    through the `ScanFilter`, and stops when the filter says so.
    """

    def __init__(
        self,
        source: FrameSource,
        *,
        on_code: Callable[[str], None],
        on_error: Callable[[str], None],
        on_stopped: Callable[[str], None],
        scan_filter: ScanFilter | None = None,
        decode_interval: float = 0.15,
        max_failed_reads: int = 10,
        decode: Callable[[np.ndarray], list[str]] = dossier_texts,
    ) -> None:
        self.source = source
        self._on_code, self._on_error, self._on_stopped = on_code, on_error, on_stopped
        self.scan_filter = scan_filter or ScanFilter()
        self.decode_interval = decode_interval
        self.max_failed_reads = max_failed_reads
        self._decode = decode
        self._lock = threading.Lock()
        self._newest: np.ndarray | None = None  # the one-slot buffer
        self._newest_number = 0
        self._stop = threading.Event()
        self._stop_reason: str | None = None
        self._ended_threads = 0
        self._threads: list[threading.Thread] = []

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def start(self) -> None:
        """Start the reader and decode threads (daemon threads; nothing here blocks)."""
        if self._threads:
            raise RuntimeError("CameraWorker.start() called twice")
        self.scan_filter.restart()
        self._threads = [
            threading.Thread(target=self._read_frames, name="camera-reader", daemon=True),
            threading.Thread(target=self._decode_frames, name="camera-decoder", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Ask both threads to finish (reason `closed` unless another came first) and wait up to `timeout`."""
        self.scan_filter.close()
        self._finish(STOP_CLOSED)
        self.join(timeout)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the threads (never the calling one); True when both have ended."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not self.running

    def _finish(self, reason: str) -> None:
        with self._lock:
            if self._stop_reason is None:
                self._stop_reason = reason
        self._stop.set()

    def _read_frames(self) -> None:
        try:
            self._read_until_stopped()
        except Exception:  # a driver or OpenCV failure must not leave the decode thread running
            _log.exception("camera reader failed")
            self._on_error(CAMERA_LOST)
        finally:
            self._finish(STOP_ERROR)  # keeps an earlier reason; the reader only ends when stopping
            self._thread_ended()

    def _read_until_stopped(self) -> None:
        try:
            self.source.open()
        except CameraError as exc:
            self._on_error(exc.code)
            self._finish(STOP_ERROR)
            return
        failures = 0
        try:
            while not self._stop.is_set():
                frame = self.source.read()
                if frame is None:
                    failures += 1
                    if failures >= self.max_failed_reads:
                        self._on_error(CAMERA_LOST)
                        self._finish(STOP_ERROR)
                        break
                    self._stop.wait(0.05)
                    continue
                failures = 0
                with self._lock:
                    self._newest = frame
                    self._newest_number += 1
        finally:
            self.source.close()

    def _take_newest(self, seen: int) -> tuple[np.ndarray | None, int]:
        with self._lock:
            if self._newest_number == seen:
                return None, seen
            return self._newest, self._newest_number

    def _decode_frames(self) -> None:
        try:
            seen = 0
            while not self._stop.wait(self.decode_interval):
                frame, seen = self._take_newest(seen)
                if frame is not None:
                    self._report_codes(frame)
                reason = self.scan_filter.stop_reason()
                if reason is not None:
                    self._finish(reason)
        finally:
            self._finish(STOP_ERROR)  # only reached with a reason already set, unless a callback raised
            self._thread_ended()

    def _report_codes(self, frame: np.ndarray) -> None:
        try:
            texts = self._decode(frame)
        except Exception:  # one undecodable frame must not end scanning
            _log.exception("decoding a camera frame failed")
            return
        for text in texts:
            code = self.scan_filter.offer(text)
            if code is not None:
                self._on_code(code)

    def _thread_ended(self) -> None:
        """Count finished threads; the last one to finish calls `on_stopped`, so it is called once."""
        with self._lock:
            self._ended_threads += 1
            last = self._ended_threads == len(self._threads)
            reason = self._stop_reason or STOP_CLOSED
        if last:
            self._on_stopped(reason)
