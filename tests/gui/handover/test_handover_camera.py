"""Webcam scanning through the real capture path: videos of rendered receipts read back by `cv2.VideoCapture`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from handover_samples import VIDEO_DEGRADATIONS, empty_desk, filmed, receipt_page, receive, write_video
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.devices.camera import CAMERA_ABSENT, CAMERA_BUSY, CAMERA_LOST, CameraError, OpenCvSource
from counter_app.gui.handover.panel import HandoverPanel
from counter_app.storage.store import CounterStore


class BusyCamera:
    """A device another program holds: it opens no stream."""

    def open(self) -> None:
        raise CameraError(CAMERA_BUSY, device="0")

    def read(self) -> np.ndarray | None:
        return None

    def close(self) -> None:
        pass


def _use_video(panel: HandoverPanel, path: Path) -> None:
    panel.camera_view.source_factory = lambda: OpenCvSource(path)


@pytest.mark.parametrize("degradation", VIDEO_DEGRADATIONS)
def test_a_filmed_receipt_opens_its_dossier_and_the_camera_stops(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore, tmp_path: Path, degradation: str
) -> None:
    d = receive(store)
    page = receipt_page(d, store.require_unit())
    video = write_video(tmp_path / f"{degradation}.avi", [empty_desk(), filmed(page, degradation)], repeat=15)
    _use_video(panel, video)
    with qtbot.waitSignal(panel.dossier_opened, timeout=15000) as opened:
        qtbot.mouseClick(panel.camera_button, Qt.MouseButton.LeftButton)
        assert panel.camera_view.isVisible()
    assert opened.args[0].id == d.id
    assert panel.lookup.text() == d.code
    assert panel.camera_view.frames_shown > 0  # the preview showed the live picture
    qtbot.waitUntil(lambda: not panel.camera_view.running, timeout=5000)
    assert not panel.camera_button.isChecked()
    assert panel.camera_view.wait_stopped(5.0)


def test_an_absent_camera_says_so_and_the_window_stays_responsive(
    qtbot: QtBot, panel: HandoverPanel, tmp_path: Path
) -> None:
    _use_video(panel, tmp_path / "no-such-camera.avi")
    with qtbot.waitSignal(panel.camera_view.problem, timeout=5000) as problem:
        panel.start_camera()
    assert problem.args == [CAMERA_ABSENT]
    assert "Không tìm thấy camera" in panel.camera_view.state.text()
    qtbot.waitUntil(lambda: not panel.camera_button.isChecked(), timeout=5000)
    qtbot.keyClicks(panel.lookup, "abc")
    assert panel.lookup.text() == "abc"


def test_a_busy_camera_says_so(qtbot: QtBot, panel: HandoverPanel) -> None:
    panel.camera_view.source_factory = BusyCamera
    with qtbot.waitSignal(panel.camera_view.problem, timeout=5000) as problem:
        panel.start_camera()
    assert problem.args == [CAMERA_BUSY]
    assert "chương trình khác" in panel.camera_view.state.text()


def test_a_camera_that_stops_sending_pictures_counts_as_unplugged(
    qtbot: QtBot, panel: HandoverPanel, tmp_path: Path
) -> None:
    _use_video(panel, write_video(tmp_path / "short.avi", [empty_desk()], repeat=3))
    with qtbot.waitSignal(panel.camera_view.problem, timeout=10000) as problem:
        panel.start_camera()
    assert problem.args == [CAMERA_LOST]
    qtbot.waitUntil(lambda: not panel.camera_view.running, timeout=5000)


def test_the_camera_switches_itself_off_when_nothing_is_read(
    qtbot: QtBot, panel: HandoverPanel, tmp_path: Path
) -> None:
    _use_video(panel, write_video(tmp_path / "desk.avi", [empty_desk()], repeat=90))
    panel.camera_view.idle_timeout = 0.6
    with qtbot.waitSignal(panel.camera_view.problem, timeout=10000) as problem:
        panel.start_camera()
    assert problem.args == ["idle"]
    assert "tự tắt sau 0.6 giây" in panel.camera_view.state.text()
    assert not panel.camera_button.isChecked()


def test_hiding_the_screen_switches_the_camera_off(
    qtbot: QtBot, panel: HandoverPanel, tmp_path: Path
) -> None:
    _use_video(panel, write_video(tmp_path / "desk.avi", [empty_desk()], repeat=150))
    panel.start_camera()
    qtbot.waitUntil(lambda: panel.camera_view.frames_shown > 2, timeout=10000)
    panel.hide()
    assert not panel.camera_view.running
    assert panel.camera_view.wait_stopped(5.0)
    assert not panel.camera_button.isChecked()
