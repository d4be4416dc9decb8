"""Digitising a component with the camera: a filmed desk (a video read through the webcam's own path) with two
pages held still in turn; each is taken once on its own, the pages can be reordered, turned, taken again and
removed, and the component is saved as one PDF whose pages read upright; a page's thumbnail is drawn once, and the
live view never has more than one preview waiting for the window."""

from __future__ import annotations

import io
import threading
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import zxingcpp
from conftest import receive_dossier
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from counter_app.devices.camera import CAMERA_ABSENT, CameraError, OpenCvSource
from counter_app.devices.page_samples import empty_desk, photograph
from counter_app.devices.page_scan import frame_corners
from counter_app.gui.tracking.capture_dialog import THUMB, CaptureDialog, thumbnail_image
from counter_app.gui.tracking.dossier_page import DossierPage

SIZE = (1280, 720)


def film(path: Path, fps: float = 10.0, lead: int = 5) -> Path:
    """Two pages, each held still for two seconds, with the bare desk before (`lead` frames), between and after."""
    desk = empty_desk(1, SIZE)
    first = photograph(21, size=SIZE, turn_degrees=7, qr_text="TRANG-1").frame
    second = photograph(22, size=SIZE, turn_degrees=-10, qr_text="TRANG-2").frame
    frames = [desk] * lead + [first] * 20 + [desk] * 10 + [second] * 20 + [desk] * 20
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, SIZE)
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def qr_texts(pdf: bytes) -> list[str]:
    texts = []
    document = pypdfium2.PdfDocument(io.BytesIO(pdf))
    for page in document:
        image = np.asarray(page.render(scale=1).to_pil().convert("L"))
        texts += [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    return texts


def test_pages_filmed_are_taken_edited_and_saved(
    qtbot: QtBot, make_session, counter_store, tmp_path: Path
) -> None:
    video = film(tmp_path / "ban.avi")
    d = receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 26, 8, 0))
    page = DossierPage(make_session("canbo"), clock=lambda: datetime(2026, 11, 26, 9, 0))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(d.id)
    box = page.attachments
    qtbot.waitUntil(lambda: box.camera_button.isEnabled(), timeout=10000)
    box.camera_source = lambda: OpenCvSource(video)  # type: ignore[method-assign]
    with qtbot.waitSignal(box.capture_opened, timeout=10000) as opened:
        box.capture(1)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: len(dialog.pages) == 2, timeout=30000)
    assert dialog.previews_shown > 10 and dialog.strip.count() == 2
    qtbot.wait(1500)  # the bare desk and the end of the film take nothing more
    assert len(dialog.pages) == 2

    # edit: the second page first, turned all the way round and back, then a third page taken and removed
    dialog.strip.setCurrentRow(1)
    dialog.move_page(-1)
    for _ in range(4):
        dialog.rotate_page()
    dialog.pages.append(dialog.pages[0].copy())
    dialog._refresh_strip(2)
    dialog.delete_page()
    assert len(dialog.pages) == 2 and dialog.strip.currentRow() == 1

    with qtbot.waitSignal(dialog.saved, timeout=20000) as saved:
        dialog.save()
    kept = saved.args[0]
    assert kept.pages == 2 and kept.component == 1
    qtbot.waitUntil(lambda: len(box.items) == 1, timeout=10000)
    pdf = counter_store.attachments.read(kept)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    assert qr_texts(pdf) == ["TRANG-2", "TRANG-1"]  # upright, in the order chosen


def test_space_takes_the_page_at_once_and_retake_replaces_it(
    qtbot: QtBot, make_session, counter_store, tmp_path: Path
) -> None:
    video = film(tmp_path / "ban.avi", lead=25)
    d = receive_dossier(counter_store, "Trần Thị Bình", datetime(2026, 11, 26, 8, 0))
    page = DossierPage(make_session("canbo"), clock=lambda: datetime(2026, 11, 26, 9, 0))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(d.id)
    box = page.attachments
    box.camera_source = lambda: OpenCvSource(video)  # type: ignore[method-assign]
    dialog = box.capture(1)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.previews_shown > 0, timeout=10000)
    qtbot.keyClick(dialog, " ")  # the desk alone: Space still takes the frame, as it is
    qtbot.waitUntil(lambda: len(dialog.pages) == 1, timeout=10000)
    assert dialog.pages[0].shape == (720, 1280)
    dialog.strip.setCurrentRow(0)
    dialog.retake_page()
    assert dialog.pages == [] and dialog.strip.count() == 0
    qtbot.waitUntil(lambda: len(dialog.pages) == 1, timeout=30000)
    # the page held still after "retake" went where the removed frame was
    assert dialog.pages[0].shape == (2339, 1654)
    dialog.reject()


class AbsentCamera:
    """A camera that is not there: the dialog's worker reports it and ends, so the test drives the window alone."""

    def open(self) -> None:
        raise CameraError(CAMERA_ABSENT)

    def read(self) -> np.ndarray | None:
        return None

    def close(self) -> None:
        pass


def _page(width: int, height: int, shade: int) -> np.ndarray:
    page = np.full((height, width), 250, dtype=np.uint8)
    page[height // 4 : height // 2, width // 4 : width // 2] = shade
    return page


def test_a_pages_thumbnail_is_made_once_and_again_only_when_the_page_changes(
    qtbot: QtBot, make_session, counter_store
) -> None:
    d = receive_dossier(counter_store, "Lê Văn Cường", datetime(2026, 11, 26, 8, 0))
    dialog = CaptureDialog(make_session("canbo"), d, 1, AbsentCamera)
    qtbot.addWidget(dialog)
    first, second = _page(300, 420, 0), _page(300, 420, 120)
    dialog._on_page(first, thumbnail_image(first))  # as the camera's thread hands it over, thumbnail drawn
    made = dialog.strip.item(0).icon().cacheKey()
    dialog._on_page(second, thumbnail_image(second))
    assert dialog.strip.count() == 2
    assert (
        dialog.strip.item(0).icon().cacheKey() == made
    )  # the strip rebuilt; the first thumbnail not redrawn

    dialog.strip.setCurrentRow(0)
    dialog.rotate_page()
    turned = dialog.strip.item(0).icon()
    assert turned.cacheKey() != made
    size = turned.pixmap(THUMB).size()
    assert size.width() > size.height()  # drawn again from the turned page: now landscape

    dialog.delete_page()
    assert dialog.strip.count() == 1 and len(dialog._icons) == 1  # a removed page's thumbnail goes with it


def test_a_new_preview_waits_until_the_window_has_shown_the_last(
    qtbot: QtBot, make_session, counter_store, qapp
) -> None:
    d = receive_dossier(counter_store, "Phạm Thị Dung", datetime(2026, 11, 26, 8, 0))
    dialog = CaptureDialog(make_session("canbo"), d, 1, AbsentCamera)
    qtbot.addWidget(dialog)
    dialog.start()
    assert dialog._bridge is not None
    offer = dialog._preview_poster(dialog._bridge)
    frame = np.asarray(empty_desk(2, SIZE))
    corners = frame_corners(frame)

    def camera_thread(times: int) -> None:
        for _ in range(times):
            offer(frame, corners)

    # five analyses before the window gets round to painting: one preview is drawn and queued, four let go
    worker = threading.Thread(target=camera_thread, args=(5,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: dialog.previews_shown == 1, timeout=5000)
    qapp.processEvents()
    assert dialog.previews_shown == 1

    # shown: the next analysis brings the next preview
    worker = threading.Thread(target=camera_thread, args=(1,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: dialog.previews_shown == 2, timeout=5000)
    dialog.reject()
