"""Camera sources and the camera worker, on real video files written in tmp_path and absent devices."""

from __future__ import annotations

import struct
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from counter_app.devices.camera import (
    CameraError,
    CameraWorker,
    OpenCvSource,
    ScanFilter,
    capture_name,
    list_cameras,
    v4l2_cameras,
)

NO_SUCH_CAMERA = 97  # /dev/video97 does not exist on any test machine


class Recorder:
    """Collects the worker's callbacks; `stopped` is set when on_stopped was called."""

    def __init__(self) -> None:
        self.codes: list[str] = []
        self.errors: list[str] = []
        self.stops: list[str] = []
        self.stopped = threading.Event()

    def worker(self, source: object, **options: object) -> CameraWorker:
        return CameraWorker(
            source,  # type: ignore[arg-type]
            on_code=self.codes.append,
            on_error=self.errors.append,
            on_stopped=self._on_stopped,
            **options,  # type: ignore[arg-type]
        )

    def _on_stopped(self, reason: str) -> None:
        self.stops.append(reason)
        self.stopped.set()


class FrameList:
    """A FrameSource double: the given frames, then failed reads (like an unplugged camera)."""

    def __init__(self, frames: list[np.ndarray], fail_open: str | None = None) -> None:
        self.frames = deque(frames)
        self.fail_open = fail_open
        self.closed = 0

    def open(self) -> None:
        if self.fail_open:
            raise CameraError(self.fail_open)

    def read(self) -> np.ndarray | None:
        return self.frames.popleft() if self.frames else None

    def close(self) -> None:
        self.closed += 1


def test_the_code_in_a_video_is_reported_exactly_once(receipt_video: tuple[Path, str]) -> None:
    path, code = receipt_video
    rec = Recorder()
    worker = rec.worker(OpenCvSource(path), decode_interval=0.05)
    worker.start()
    assert rec.stopped.wait(20)
    assert worker.join(5)
    assert rec.codes == [code]
    assert rec.stops == ["scanned"]
    assert rec.errors == []


def test_a_code_seen_on_many_frames_is_reported_once_when_scanning_goes_on(
    receipt_video: tuple[Path, str],
) -> None:
    path, code = receipt_video
    rec = Recorder()
    worker = rec.worker(
        OpenCvSource(path), decode_interval=0.05, scan_filter=ScanFilter(stop_after_read=False)
    )
    worker.start()
    assert rec.stopped.wait(20)  # the video ends: the "camera" is lost
    worker.join(5)
    assert rec.codes == [code]
    assert rec.errors == ["camera.lost"]
    assert rec.stops == ["error"]


def test_an_absent_camera_is_reported_without_blocking() -> None:
    rec = Recorder()
    worker = rec.worker(OpenCvSource(NO_SUCH_CAMERA))
    worker.start()
    assert rec.stopped.wait(10)
    assert worker.join(5)
    assert (rec.errors, rec.stops, rec.codes) == (["camera.absent"], ["error"], [])


def test_a_missing_video_file_is_an_absent_camera(tmp_path: Path) -> None:
    with pytest.raises(CameraError) as info:
        OpenCvSource(tmp_path / "nothing.avi").open()
    assert info.value.code == "camera.absent"


def test_a_truncated_video_is_a_lost_camera(
    tmp_path: Path, rng: np.random.Generator, write_video: Callable[..., Path]
) -> None:
    frames = [rng.integers(0, 255, size=(720, 1280, 3), dtype=np.uint8) for _ in range(20)]
    path = write_video(tmp_path / "cut.avi", frames)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    rec = Recorder()
    worker = rec.worker(OpenCvSource(path), decode_interval=0.05)
    worker.start()
    assert rec.stopped.wait(20)
    worker.join(5)
    assert (rec.errors, rec.stops) == (["camera.lost"], ["error"])


def test_a_busy_camera_is_reported() -> None:
    rec = Recorder()
    source = FrameList([], fail_open="camera.busy")
    worker = rec.worker(source)
    worker.start()
    assert rec.stopped.wait(10)
    worker.join(5)
    assert (rec.errors, rec.stops) == (["camera.busy"], ["error"])


def test_a_camera_that_vanishes_mid_stream_is_lost_and_released() -> None:
    source = FrameList([np.zeros((720, 1280, 3), np.uint8)] * 3)
    rec = Recorder()
    worker = rec.worker(source, decode_interval=0.02, max_failed_reads=3)
    worker.start()
    assert rec.stopped.wait(10)
    worker.join(5)
    assert (rec.errors, rec.stops, source.closed) == (["camera.lost"], ["error"], 1)


def test_stop_ends_both_threads_and_reports_closed_once() -> None:
    frames = [np.zeros((72, 128, 3), np.uint8)] * 100_000
    rec = Recorder()
    worker = rec.worker(FrameList(frames), decode_interval=0.02)
    worker.start()
    worker.stop()
    assert not worker.running
    assert rec.stopped.wait(5)
    assert rec.stops == ["closed"]


def test_idle_timeout_stops_scanning() -> None:
    frames = [np.zeros((72, 128, 3), np.uint8)] * 100_000
    rec = Recorder()
    worker = rec.worker(FrameList(frames), decode_interval=0.02, scan_filter=ScanFilter(idle_timeout=0.2))
    worker.start()
    assert rec.stopped.wait(10)
    worker.join(5)
    assert (rec.stops, rec.errors, rec.codes) == (["idle"], [], [])


def test_the_decoder_sees_only_the_newest_frame() -> None:
    """The reader runs far ahead of the 20 ms decode loop; decoding never queues stale frames."""
    frames = [np.full((8, 8, 3), i % 256, np.uint8) for i in range(20_000)]
    decoded: list[int] = []
    rec = Recorder()

    def decode(frame: np.ndarray) -> list[str]:
        decoded.append(int(frame[0, 0, 0]))
        return []

    worker = rec.worker(FrameList(frames), decode_interval=0.02, decode=decode, max_failed_reads=1)
    worker.start()
    assert rec.stopped.wait(10)
    worker.join(5)
    assert len(decoded) < 200  # 20 000 frames were read, only a sample was decoded


def test_list_cameras_probes_quietly(capfd: pytest.CaptureFixture[str]) -> None:
    found = list_cameras(max_index=3)
    assert all(isinstance(i, int) and 0 <= i < 3 for i in found)
    assert capfd.readouterr().err == ""


def capability(card: bytes, caps: int, device_caps: int = 0) -> bytes:
    """A VIDIOC_QUERYCAP answer as the kernel writes it (struct v4l2_capability, 104 bytes)."""
    return struct.pack(
        "=16s32s32sIII12x", b"uvcvideo", card, b"usb-0000:00:14.0-1", 0x60100, caps, device_caps
    )


def test_a_capture_node_is_named_and_other_nodes_are_not() -> None:
    device_caps = 0x80000000
    assert capture_name(capability(b"HD Webcam C270", 0x04200001)) == "HD Webcam C270"
    assert capture_name(capability(b"Doc Cam", 0x84A00001 | device_caps, 0x04200001)) == "Doc Cam"
    # a UVC camera's metadata node: the card can capture, this node cannot
    assert capture_name(capability(b"HD Webcam C270", 0x84A00001 | device_caps, 0x04800000)) is None
    assert capture_name(capability(b"Grabber", 0x00001000)) == "Grabber"  # multi-planar capture
    assert capture_name(capability(b"Encoder out", 0x00000002)) is None  # video output only
    assert len(capability(b"", 0)) == 104


def test_v4l2_lists_the_capture_nodes_in_index_order(tmp_path: Path) -> None:
    answers = {
        "video10": capability(b"Second camera", 0x00000001),
        "video0": capability(b"HD Webcam C270", 0x00000001),
        "video1": capability(b"HD Webcam C270", 0x80000000, 0x00800000),  # its metadata node
        "video2": None,  # unplugged while listed
    }
    for name in (*answers, "videox", "vbi0"):
        (tmp_path / name).touch()
    asked: list[str] = []

    def query(node: Path) -> bytes | None:
        asked.append(node.name)
        return answers[node.name]

    assert v4l2_cameras(tmp_path, query) == [(0, "HD Webcam C270"), (10, "Second camera")]
    assert asked == ["video0", "video1", "video2", "video10"]


def test_v4l2_asks_the_kernel_and_a_node_that_is_no_camera_answers_nothing(tmp_path: Path) -> None:
    # /dev/null refuses the ioctl (ENOTTY) and a missing node cannot be opened: neither is a camera
    (tmp_path / "video0").symlink_to("/dev/null")
    (tmp_path / "video1").symlink_to(tmp_path / "gone")
    assert v4l2_cameras(tmp_path) == []
