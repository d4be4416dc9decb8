"""The chip ID card in the assembled window: scanner bursts through the real app-wide event filter (and a filmed card
through the webcam path) fill the intake, say what they filled and can be undone; a card never opens the hand-over,
the Unikey hint is only for a mangled code, and a fast typist stays a typist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from handover_samples import FRAME_SIZE, Keyboard, empty_desk, receive, write_video
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter_app.core.model import ApplicantKind, IdType
from counter_app.devices.camera import OpenCvSource
from counter_app.devices.samples import qr_image
from counter_app.gui.main_window import MainWindow
from counter_app.gui.session import Session
from counter_app.storage.store import CounterStore

#: The card of the sample applicant of the hand-over tests (same personal ID).
CARD = (
    "001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội|01072021"
)
#: An authorised person's card: a woman born in 2003, no old ID, a newer card with a field after the date of issue.
CARD_AUTHORISED = (
    "079303001234||Trần Thị Ngọc Ánh|28022003|Nữ|Tổ 5, phường Bến Thành, TP. Hồ Chí Minh|15082021|x"
)
MANGLED_CODE = "000.00.06.H56-2611ư8-0101"  # a Vietnamese input method turned a digit into a letter
TYPIST_MS = 22
HUMAN_MS = 160
FILLED = "Đã điền từ thẻ căn cước cho người nộp hồ sơ: họ và tên, số định danh, ngày sinh, địa chỉ."


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> Iterator[MainWindow]:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.show_panel("intake")
    yield w
    w.close()


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=5000)


def ctrl_z(qtbot: QtBot) -> None:
    """Ctrl+Z as the keyboard sends it: the shortcut override first, then the key press, to the focused widget."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_a_card_scanned_in_the_intake_fills_the_applicant_and_says_what(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    handover = window.panel("handover")
    opened: list[object] = []
    handover.dossier_opened.connect(opened.append)  # type: ignore[attr-defined]
    editors = form.applicant.editors
    focus(qtbot, editors["name"])
    keyboard.scan(CARD)
    assert editors["name"].text() == "Nguyễn Văn Đức"
    assert editors["identifier"].text() == "001085012345"
    assert editors["birth_date"].text() == "15/03/1985"
    assert editors["address"].text() == "Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội"
    assert editors["phone"].text() == ""
    assert form.applicant.current_id_type() is IdType.PERSONAL_ID
    assert form.card_bar.message() == FILLED
    assert form.card_bar.undo_button.isVisible()
    assert form.shown_errors() == {}
    assert window.current_panel_key() == "intake"  # never taken for a dossier code
    assert opened == [] and handover.lookup.text() == ""  # type: ignore[attr-defined]
    assert not handover.message.isVisible()  # type: ignore[attr-defined]
    assert "Unikey" not in window.status.currentMessage()
    assert editors["name"].hasFocus()  # the officer goes on where they were


def test_with_the_authorised_section_focused_the_card_fills_that_person(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    form.applicant.editors["name"].setText("Lê Văn Cường")
    form.has_representative.setChecked(True)
    focus(qtbot, form.representative.editors["phone"])
    keyboard.scan(CARD_AUTHORISED)
    rep = form.representative.editors
    assert (rep["name"].text(), rep["identifier"].text(), rep["birth_date"].text()) == (
        "Trần Thị Ngọc Ánh",
        "079303001234",
        "28/02/2003",
    )
    assert rep["address"].text() == "Tổ 5, phường Bến Thành, TP. Hồ Chí Minh"
    assert form.applicant.editors["name"].text() == "Lê Văn Cường"  # the applicant is left as it was
    assert form.applicant.editors["identifier"].text() == ""
    assert form.card_bar.message().startswith("Đã điền từ thẻ căn cước cho người được ủy quyền: họ và tên")


def test_ctrl_z_and_the_button_put_back_what_the_card_replaced(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    editors = form.applicant.editors
    form.applicant.set_kind(ApplicantKind.BUSINESS)
    editors["name"].setText("Công ty TNHH Bình Minh")
    editors["identifier"].setText("0101234567")
    focus(qtbot, editors["phone"])
    keyboard.type("0912345678", HUMAN_MS)
    qtbot.waitUntil(lambda: editors["phone"].text() == "0912345678")
    keyboard.scan(CARD)
    assert (
        form.applicant.current_kind() is ApplicantKind.CITIZEN and editors["name"].text() == "Nguyễn Văn Đức"
    )
    ctrl_z(qtbot)
    assert editors["name"].text() == "Công ty TNHH Bình Minh"
    assert editors["identifier"].text() == "0101234567"
    assert form.applicant.current_kind() is ApplicantKind.BUSINESS
    assert form.applicant.current_id_type() is IdType.TAX_CODE
    assert editors["address"].text() == "" and editors["birth_date"].text() == ""
    assert editors["phone"].text() == "0912345678"  # typed by the officer, not by the card
    assert form.card_bar.message() == "Đã hoàn tác: các ô trở lại như trước khi quét thẻ."
    assert not form.card_bar.undo_button.isVisible()

    keyboard.scan(CARD)  # again, and this time the officer goes on typing before changing their mind
    focus(qtbot, editors["address"])
    editors["address"].end(False)
    keyboard.type(" x", HUMAN_MS)
    qtbot.waitUntil(lambda: editors["address"].text().endswith(" x"))
    ctrl_z(qtbot)  # now the field's own undo: only the typing goes
    assert editors["name"].text() == "Nguyễn Văn Đức"
    assert form.card_bar.undo_button.isVisible()
    qtbot.mouseClick(form.card_bar.undo_button, Qt.MouseButton.LeftButton)
    assert editors["name"].text() == "Công ty TNHH Bình Minh"
    assert editors["address"].text() == ""


def test_a_new_intake_forgets_the_card(qtbot: QtBot, window: MainWindow, keyboard: Keyboard) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    focus(qtbot, form.applicant.editors["name"])
    keyboard.scan(CARD)
    form.clear()
    assert form.card_bar.message().startswith("Quét mã QR trên thẻ căn cước")
    assert not form.card_bar.undo_button.isVisible()
    assert form.undo_card_fill() is False


def test_a_card_never_opens_the_hand_over_from_any_screen(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard, store: CounterStore
) -> None:
    d = receive(store)  # the sample applicant holds this card
    handover = window.panel("handover")
    opened: list[object] = []
    handover.dossier_opened.connect(opened.append)  # type: ignore[attr-defined]
    window.show_panel("tracking")
    focus(qtbot, window.panel("tracking"))
    keyboard.scan(CARD)  # from the dossier list: the intake comes to the front, filled
    assert window.current_panel_key() == "intake"
    assert window.panel("intake").applicant.applicant.editors["name"].text() == "Nguyễn Văn Đức"  # type: ignore[attr-defined]
    window.show_panel("handover")
    focus(qtbot, handover.lookup)  # type: ignore[attr-defined]
    with qtbot.waitSignal(handover.search_finished, timeout=10000) as found:  # type: ignore[attr-defined]
        keyboard.scan(CARD)  # on the hand-over screen: the holder's dossiers are looked for by their ID
    assert found.args == [1]
    assert handover.lookup.text() == "001085012345"  # type: ignore[attr-defined]
    assert handover.results.topLevelItem(0).text(0) == d.code  # type: ignore[attr-defined]
    assert opened == [] and window.current_panel_key() == "handover"


def test_the_input_method_hint_is_only_for_a_mangled_code(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    handover = window.panel("handover")
    focus(qtbot, window.panel("intake").applicant.applicant.editors["address"])  # type: ignore[attr-defined]
    keyboard.scan(CARD)
    assert window.current_panel_key() == "intake"
    assert "Unikey" not in handover.message.text()  # type: ignore[attr-defined]
    keyboard.scan(MANGLED_CODE)
    assert window.current_panel_key() == "handover"
    qtbot.waitUntil(handover.message.isVisible)  # type: ignore[attr-defined]
    assert f"không phải mã hồ sơ hợp lệ: «{MANGLED_CODE}»" in handover.message.text()  # type: ignore[attr-defined]
    assert "Unikey" in handover.message.text()  # type: ignore[attr-defined]


def test_typing_at_22_ms_a_key_stays_typing_in_its_field(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    handover = window.panel("handover")
    address = form.applicant.editors["address"]
    focus(qtbot, address)
    keyboard.type("Số 7 ngõ 15 phố Hàng Bạc\r", TYPIST_MS)  # a fast typist ends with Enter, as a scanner does
    qtbot.waitUntil(lambda: address.text() == "Số 7 ngõ 15 phố Hàng Bạc", timeout=2000)
    keyboard.clock_ms += 1000
    name = form.applicant.editors["name"]
    focus(qtbot, name)
    keyboard.type("Nguyen Van An", TYPIST_MS)  # and without Enter (a paste tool)
    qtbot.waitUntil(lambda: name.text() == "Nguyen Van An", timeout=2000)
    assert window.current_panel_key() == "intake"
    assert not handover.message.isVisible()  # type: ignore[attr-defined]
    assert form.card_bar.message().startswith("Quét mã QR trên thẻ căn cước")


def test_a_card_with_an_impossible_date_is_refused_in_a_sentence_and_fills_nothing(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    focus(qtbot, form.applicant.editors["name"])
    keyboard.scan(CARD.replace("|15031985|", "|31021985|"))
    assert form.card_bar.message() == (
        "Không dùng được thẻ căn cước vừa quét: "
        "Ngày sinh trên thẻ không phải một ngày có thật (ngày, tháng, năm viết liền: ddmmyyyy)."
    )
    assert form.applicant.is_blank()
    assert window.current_panel_key() == "intake"
    assert form.applicant.editors["name"].text() == ""  # nothing of the burst was typed either


def test_letters_a_scanner_in_keyboard_mode_lost_are_not_filled_and_are_named(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    focus(qtbot, form.applicant.editors["phone"])
    keyboard.scan(CARD.replace("Nguyễn Văn Đức", "Nguy?n V?n ??c"))
    editors = form.applicant.editors
    assert editors["name"].text() == ""
    assert editors["identifier"].text() == "001085012345"
    assert editors["birth_date"].text() == "15/03/1985"
    message = form.card_bar.message()
    assert message.startswith(
        "Đã điền từ thẻ căn cước cho người nộp hồ sơ: số định danh, ngày sinh, địa chỉ."
    )
    assert "Chưa điền họ và tên" in message and "USB-COM" in message


def card_held_to_the_camera(text: str) -> np.ndarray:
    """A card's QR code held in front of a 720p camera, a little tilted."""
    frame = empty_desk()
    qr = cv2.cvtColor(qr_image(text, 5), cv2.COLOR_GRAY2BGR)
    h, w = qr.shape[:2]
    top, left = (FRAME_SIZE[1] - h) // 2, (FRAME_SIZE[0] - w) // 2
    frame[top : top + h, left : left + w] = qr
    turn = cv2.getRotationMatrix2D((FRAME_SIZE[0] / 2, FRAME_SIZE[1] / 2), 8, 1.0)
    return cv2.warpAffine(frame, turn, FRAME_SIZE, borderValue=(95, 95, 95))


def test_a_card_shown_to_the_webcam_fills_the_applicant(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    video = write_video(tmp_path / "card.avi", [empty_desk(), card_held_to_the_camera(CARD)], repeat=10)
    window.scan_routing.camera_source = lambda: OpenCvSource(video)
    assert form.card_bar.camera_button.isVisible()
    focus(qtbot, form.applicant.editors["phone"])
    qtbot.mouseClick(form.card_bar.camera_button, Qt.MouseButton.LeftButton)
    dialog = window.scan_routing.card_camera
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: form.applicant.editors["name"].text() == "Nguyễn Văn Đức", timeout=15000)
    assert not dialog.isVisible()
    assert form.applicant.editors["identifier"].text() == "001085012345"
    assert form.card_bar.message() == FILLED
    assert dialog.view.wait_stopped(5.0)


def test_a_key_press_with_ctrl_is_never_held_so_ctrl_z_without_a_card_is_the_fields_own(
    qtbot: QtBot, window: MainWindow, keyboard: Keyboard
) -> None:
    form = window.panel("intake").applicant  # type: ignore[attr-defined]
    name = form.applicant.editors["name"]
    focus(qtbot, name)
    keyboard.type("Lan", HUMAN_MS)
    qtbot.waitUntil(lambda: name.text() == "Lan")
    ctrl_z(qtbot)
    assert name.text() == ""
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, "\x1a")
    assert not form.eventFilter(name, event)  # nothing to undo from a card: the filter lets it through


def _waiting_intake(store: CounterStore):  # noqa: ANN202 (a Dossier)
    """An intake kept waiting for papers (form 02, no code)."""
    from datetime import datetime

    from counter_app.core.intake import new_dossier
    from counter_app.core.model import HandedComponent, Person

    unit, procedure = store.require_unit(), store.procedure("1.004873")
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person("Lê Thị Hoa", "001190054321", phone="0987654321"),
        at=datetime(2026, 11, 27, 10, 0),
        officer="canbo",
        counter=unit.counter,
        components=(HandedComponent(1, procedure.component(1).name, originals=1),),
    )
    return store.request_supplement(draft, [procedure.component(4).name], "Chưa xuất trình giấy tờ tùy thân")


def test_the_hand_over_camera_reads_what_a_scanner_reads(
    qtbot: QtBot, window: MainWindow, store: CounterStore, tmp_path: Path
) -> None:
    """The hand-over's webcam goes through the same router as the scanners: form 02's reference reopens the intake
    waiting for papers, and a chip ID card looks for its holder's dossiers (it used to read dossier codes only)."""
    from counter_app.core.references import reference

    waiting = _waiting_intake(store)
    handed = receive(store)  # the card's holder has a dossier
    handover, intake = window.panel("handover"), window.panel("intake")
    for shown, done in (
        (reference(waiting.id), lambda: intake.continuing is not None and intake.continuing.id == waiting.id),
        (CARD, lambda: handover.results.topLevelItemCount() > 0),
    ):
        window.show_panel("handover")
        video = write_video(
            tmp_path / f"{len(shown)}.avi", [empty_desk(), card_held_to_the_camera(shown)], repeat=10
        )
        handover.camera_view.source_factory = lambda video=video: OpenCvSource(video)
        handover.start_camera()
        qtbot.waitUntil(done, timeout=15000)
        assert handover.camera_view.wait_stopped(5.0)
    assert window.current_panel_key() == "handover"
    assert handover.lookup.text() == "001085012345"
    assert handover.results.topLevelItem(0).text(0) == handed.code
