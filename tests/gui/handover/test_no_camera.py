"""No camera connected (this test machine has none): the camera button says so within a second, and no dark,
empty preview is left on the screen; the system's list of cameras is asked before any device is opened."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.devices.camera import CAMERA_ABSENT, CAMERA_BUSY, CameraError
from counter_app.gui.handover.camera_view import cameras_connected
from counter_app.gui.handover.panel import HandoverPanel


class Device:
    """A camera device double: records whether anything tried to open it."""

    is_device = True

    def __init__(self, fail: str = "") -> None:
        self.fail = fail
        self.opened = False

    def open(self) -> None:
        self.opened = True
        if self.fail:
            raise CameraError(self.fail, device="0")

    def read(self) -> np.ndarray | None:
        return np.full((120, 160, 3), 90, np.uint8)

    def close(self) -> None:
        pass


def test_this_machine_lists_no_camera() -> None:
    assert cameras_connected() is False  # what the next test relies on: the real check, not a double


def test_no_camera_is_said_within_a_second_without_an_empty_preview(
    qtbot: QtBot, panel: HandoverPanel
) -> None:
    view = panel.camera_view
    with qtbot.waitSignal(view.problem, timeout=1000) as problem:  # the real device and the real system check
        qtbot.mouseClick(panel.camera_button, Qt.MouseButton.LeftButton)
    assert problem.args == [CAMERA_ABSENT]
    assert view.isVisible() and view.state.isVisible()
    assert "Không tìm thấy camera" in view.state.text()
    assert not view.preview.isVisible()  # no dark panel waiting for a picture
    assert not view.running and not panel.camera_button.isChecked()
    assert panel.camera_button.text() == "Quét bằng camera"
    # asked again, the same answer at once; the window is still the officer's
    with qtbot.waitSignal(view.problem, timeout=1000):
        qtbot.mouseClick(panel.camera_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.lookup, "abc")
    assert panel.lookup.text() == "abc"


def test_the_system_list_is_asked_before_a_device_is_opened(qtbot: QtBot, panel: HandoverPanel) -> None:
    view = panel.camera_view
    device = Device()
    view.source_factory = lambda: device
    view.cameras = lambda: False
    with qtbot.waitSignal(view.problem, timeout=1000):
        panel.start_camera()
    assert not device.opened  # never waited on: the answer came from the list


def test_a_camera_that_is_there_shows_its_picture(qtbot: QtBot, panel: HandoverPanel) -> None:
    view = panel.camera_view
    device = Device()
    view.source_factory = lambda: device
    view.cameras = lambda: True
    panel.start_camera()
    qtbot.waitUntil(lambda: view.frames_shown > 0, timeout=5000)
    assert device.opened and view.preview.isVisible()
    panel.stop_camera()


def test_a_camera_that_fails_later_leaves_the_sentence_not_a_dark_panel(
    qtbot: QtBot, panel: HandoverPanel
) -> None:
    view = panel.camera_view
    view.source_factory = lambda: Device(fail=CAMERA_BUSY)
    view.cameras = lambda: True
    with qtbot.waitSignal(view.problem, timeout=5000):
        panel.start_camera()
    qtbot.waitUntil(lambda: not view.running, timeout=5000)
    assert "chương trình khác" in view.state.text()
    assert view.state.isVisible() and not view.preview.isVisible()
    # switched on again with a camera: the preview comes back
    view.source_factory = Device
    panel.start_camera()
    assert view.preview.isVisible()
    panel.stop_camera()
