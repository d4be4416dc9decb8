"""The supplement cycle in the assembled window, through the real widgets: an incomplete intake gets form 02; the
reference read off the printed form, scanned as a USB scanner types it, reopens the intake filled with the papers
asked for marked; ticking them and receiving gives the same dossier its code and an appointment counted from that
moment. On the dossier page, "Đã nhận bổ sung" reopens such an intake, and puts a received dossier sent back for
papers back into processing with its deadline moved by the wait; "Chờ bổ sung" lists both kinds."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from gui_helpers import type_text
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.listing import QuickView
from counter_app.core.model import Dossier, HandedComponent, Person, Status
from counter_app.core.references import reference
from counter_app.core.statuses import deadline
from counter_app.devices.decoding import decode_image
from counter_app.gui.intake.panel import IntakePanel
from counter_app.gui.widgets import accept_button
from counter_app.storage.store import CounterStore

S = Status
CTRL = Qt.KeyboardModifier.ControlModifier
BIRTH = "1.001193"  # birth registration: papers 1 and 2 handed in, 6 (the ID card) shown
BACK = datetime(2026, 12, 2, 14, 5)  # the Wednesday the citizen comes back with the birth certificate


class Scanner:
    """A USB scanner in keyboard mode: its text as key presses 4 ms apart, then Enter, to the focused widget."""

    def __init__(self) -> None:
        self.ms = 900_000

    def scan(self, text: str) -> None:
        self.ms += 5_000
        for ch in text + "\r":
            self.ms += 4
            key = int(Qt.Key.Key_Return) if ch == "\r" else ord(ch.upper())
            mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                target = QApplication.focusWidget()
                assert target is not None, "nothing has keyboard focus"
                event = QKeyEvent(kind, key, mods, ch)
                event.setTimestamp(self.ms)
                QCoreApplication.sendEvent(target, event)


def _fill_and_ask_for_papers(qtbot: QtBot, panel: IntakePanel) -> Dossier:
    """Birth registration for a citizen represented by her sister; the birth certificate (2) is missing."""
    type_text(qtbot, panel.picker.search, "khai sinh")
    qtbot.keyClick(panel.picker.search, Qt.Key.Key_Return)
    assert panel.procedure is not None and panel.procedure.code == BIRTH
    form = panel.applicant
    for key, text in (
        ("name", "Nguyễn Thị Mai"),
        ("identifier", "001190012345"),
        ("address", "Số 7 ngõ Trạm, phường Mẫu"),
        ("phone", "0912 345 678"),
    ):
        type_text(qtbot, form.applicant.editors[key], text)
    form.has_representative.setFocus()
    qtbot.keyClick(form.has_representative, Qt.Key.Key_Space)
    assert form.has_representative.isChecked()
    type_text(qtbot, form.representative.editors["name"], "Nguyễn Thị Lụa")
    type_text(qtbot, form.representative.editors["identifier"], "001185054321")
    type_text(qtbot, form.authorisation_paper, "Giấy ủy quyền số 12/UQ")
    table = panel.checklist.table
    table.setFocus()
    for number in (1, 6):
        row = next(i for i, r in enumerate(panel.checklist.model.rows) if r.component.number == number)
        table.setCurrentIndex(panel.checklist.model.index(row, 0))
        qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_B, CTRL)
    with qtbot.waitSignal(panel.supplement_recorded, timeout=10000) as recorded:
        qtbot.mouseClick(accept_button(panel.supplement_dialog.buttons), Qt.MouseButton.LeftButton)
    return recorded.args[0]


def _printed_reference(qtbot: QtBot, panel: IntakePanel, tmp_path: Path) -> str:
    """Form 02 as the summary saves it to PDF, rasterised at 150 dpi and read back by the decoding pipeline."""
    target = tmp_path / "form02.pdf"
    with qtbot.waitSignal(panel.printer.saved, timeout=20000):
        panel.printer.save_pdf(panel.summary.form_kind(), panel.summary.dossier, target)
    pdf = pdfium.PdfDocument(target.read_bytes())
    try:
        page = np.asarray(pdf[0].render(scale=150 / 72).to_numpy())
    finally:
        pdf.close()
    texts = {d.text for d in decode_image(page)}
    assert len(texts) == 1, texts  # the Code 128 and the QR say the same
    return texts.pop()


def test_form_02_scanned_reopens_the_intake_and_receiving_it_counts_from_that_moment(
    qtbot: QtBot, main_window, intake: IntakePanel, counter_store: CounterStore, clock, tmp_path: Path
) -> None:
    asked = _fill_and_ask_for_papers(qtbot, intake)
    assert asked.code is None and asked.status is S.SUPPLEMENT_REQUESTED
    assert asked.representative is not None and asked.representative.person.name == "Nguyễn Thị Lụa"
    assert intake.summary.form_kind() == "supplement"
    printed = _printed_reference(qtbot, intake, tmp_path)
    assert printed == reference(asked.id)

    # two days later the citizen is back; the officer is looking at the dossier list
    clock.move_to(BACK)
    main_window.show_panel("tracking")
    tracking = main_window.panel("tracking")
    main_window.activateWindow()
    tracking.list.search.setFocus()
    qtbot.waitUntil(tracking.list.search.hasFocus, timeout=5000)
    Scanner().scan(printed)
    qtbot.waitUntil(lambda: intake.continuing is not None, timeout=10000)
    assert main_window.current_panel_key() == "intake"
    assert tracking.list.search.text() == ""  # the scanner typed nothing into the field that had focus
    banner = intake.continuing_banner
    assert banner.isVisible() and printed in banner.text.text() and "Nguyễn Thị Mai" in banner.text.text()

    # everything as it was left, the paper asked for marked
    form = intake.applicant
    assert intake.procedure is not None and intake.procedure.code == BIRTH
    chosen_row = intake.picker.table.currentIndex()  # the list shows the procedure the intake is for
    assert chosen_row.isValid() and intake.picker.model.procedure_at(chosen_row.row()).code == BIRTH
    assert form.applicant.editors["name"].text() == "Nguyễn Thị Mai"
    assert form.applicant.editors["phone"].text() == "0912345678"
    assert form.has_representative.isChecked()
    assert form.representative.editors["name"].text() == "Nguyễn Thị Lụa"
    assert form.authorisation_paper.text() == "Giấy ủy quyền số 12/UQ"
    model = intake.checklist.model
    rows = {r.component.number: i for i, r in enumerate(model.rows)}
    assert [n for n, i in rows.items() if model.rows[i].ticked] == [1, 6]
    asked_row = model.index(rows[2], 0)
    assert asked_row.data().endswith("— đã yêu cầu bổ sung")
    assert asked_row.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(rows[1], 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not intake.outcome.receive_button.isEnabled()
    assert "vừa nộp bổ sung" in intake.outcome.blocked_reason.text()
    assert not intake.outcome.supplement_button.isEnabled()  # form 02 was given once already

    # tick the birth certificate and receive
    table = intake.checklist.table
    table.setCurrentIndex(model.index(rows[2], 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert intake.outcome.receive_button.isEnabled()
    with qtbot.waitSignal(intake.dossier_received, timeout=10000) as received:
        qtbot.keyClick(table, Qt.Key.Key_Return, CTRL)
    done = received.args[0]
    stored = counter_store.dossiers.get(done.id)
    assert stored.id == asked.id and stored.status is S.RECEIVED
    assert stored.code is not None and "-261202-" in stored.code
    assert stored.received_at.date() == BACK.date() and stored.received_at >= BACK
    p = stored.procedure
    assert stored.appointment == counter_store.calendar().appointment_for(
        stored.received_at, p.duration, p.duration_unit, p.same_day_cutoff
    )
    assert [c.number for c in stored.components] == [1, 2, 6]
    assert stored.representative is not None and stored.representative.person.name == "Nguyễn Thị Lụa"
    assert [(e.action, e.to_status) for e in stored.history] == [
        ("supplement", S.SUPPLEMENT_REQUESTED),
        ("receive", S.RECEIVED),
    ]
    assert stored.code in intake.summary.code.text() and intake.summary.form_kind() == "receipt"
    assert intake.continuing is None and not banner.isVisible() and intake.applicant.is_blank()

    # the same form 02 scanned again is refused in a sentence
    main_window.activateWindow()
    intake.picker.search.setFocus()
    qtbot.waitUntil(intake.picker.search.hasFocus, timeout=5000)
    with qtbot.waitSignal(intake.outcome_failed, timeout=10000) as failed:
        Scanner().scan(printed)
    assert (
        failed.args[0] == f"Hồ sơ «{printed}» đã được tiếp nhận, mã hồ sơ {stored.code}; không tiếp nhận lại."
    )
    assert intake.continuing is None


def _received(store: CounterStore, name: str, at: datetime) -> Dossier:
    unit, procedure = store.require_unit(), store.procedure("1.004873")
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, "001090012345", phone="0912345678"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    due = store.calendar().appointment_for(at, 3, procedure.duration_unit, None)
    return store.dossiers.create(lambda allocate: receive(draft, allocate(at.date()), due), "canbo")


def _waiting_at_intake(store: CounterStore, name: str) -> Dossier:
    unit, procedure = store.require_unit(), store.procedure("1.004873")
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, "001090054321", phone="0987654321"),
        at=datetime(2026, 11, 27, 10, 0),
        officer="canbo",
        counter=unit.counter,
        components=(HandedComponent(1, procedure.component(1).name, originals=1),),
    )
    return store.request_supplement(draft, [procedure.component(4).name], "Chưa xuất trình giấy tờ tùy thân")


def test_the_dossier_page_reopens_an_intake_and_sends_a_received_dossier_back_to_processing(
    qtbot: QtBot, main_window, intake: IntakePanel, counter_store: CounterStore, clock
) -> None:
    first = datetime(2026, 11, 26, 9, 0)
    sent_back = _received(counter_store, "Lê Văn Xử Lý", first)
    counter_store.advance(sent_back.id, S.PROCESSING, officer="xuly", at=first, unit="Tư pháp")
    asked_at = datetime(2026, 11, 26, 15, 0)
    counter_store.advance(
        sent_back.id,
        S.SUPPLEMENT_REQUESTED,
        officer="xuly",
        at=asked_at,
        action="supplement_requested",
        note="Thiếu bản sao",
        data={"missing": ["Bản sao trích lục"]},
    )
    waiting = _waiting_at_intake(counter_store, "Đỗ Thị Quầy")

    main_window.show_panel("tracking")
    tracking = main_window.panel("tracking")
    lists = tracking.list
    with qtbot.waitSignal(lists.list_loaded, timeout=10000):
        qtbot.mouseClick(lists.view_buttons[QuickView.WAITING_SUPPLEMENT], Qt.MouseButton.LeftButton)
    names = {lists.model.summary_at(i).applicant_name for i in range(lists.model.rowCount())}
    assert names == {"Lê Văn Xử Lý", "Đỗ Thị Quầy"}
    assert lists.count_label.text() == "2 hồ sơ"
    codes = {lists.model.index(i, 0).data() for i in range(lists.model.rowCount())}
    assert reference(waiting.id) in codes and sent_back.code in codes

    # the received dossier: its papers are in, processing goes on, the deadline moves by exactly the wait
    page = tracking.page
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        tracking.open_dossier(sent_back.id)
    button = page.action_bar.buttons["supplement_received"]
    assert button.isEnabled()
    clock.move_to(BACK)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.move_dialog is not None and page.move_dialog.isVisible(), timeout=10000)
    note = page.move_dialog.findChild(QLabel, "resumeNote")
    assert note is not None and "26/11/2026" in note.text() and "không tính vào hạn" in note.text()
    moves: list[Dossier] = []
    page.dossier_moved.connect(lambda after, _key: moves.append(after))
    # the move, then the page showing the dossier anew after the change it announced
    with qtbot.waitSignals([page.dossier_moved, page.dossier_loaded], timeout=10000):
        qtbot.mouseClick(accept_button(page.move_dialog.buttons), Qt.MouseButton.LeftButton)
    back = moves[-1]
    assert back.status is S.PROCESSING and back.code == sent_back.code
    resumed = back.history[-1].at
    dl = deadline(back, resumed)
    assert sent_back.appointment is not None and dl is not None
    assert dl.due == sent_back.appointment + (resumed - asked_at) and dl.waiting == resumed - asked_at
    assert "thời gian chờ bổ sung không tính" in page.facts.text()

    # the intake never received: "Đã nhận bổ sung" reopens it at intake, filled
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        tracking.open_dossier(waiting.id)
    assert page.title.text() == f"{reference(waiting.id)} (chưa cấp mã)"
    button = page.action_bar.buttons["supplement_received"]
    assert button.isEnabled()
    assert page.action_bar.enabled_keys() == ["supplement_received"]
    assert page.print_button.isEnabled() and "mẫu 02" in page.print_button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: intake.continuing is not None, timeout=10000)
    assert main_window.current_panel_key() == "intake"
    assert intake.applicant.applicant.editors["name"].text() == "Đỗ Thị Quầy"
    assert not page.move_dialog.isVisible()  # no move was recorded: it is received at intake
