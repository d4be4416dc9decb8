"""The hand-over screen driven like an officer would: find a dossier, read its card, verify the recipient, rate."""

from __future__ import annotations

from datetime import datetime, timedelta

from handover_samples import APPLICANT, make_ready, receive
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.core.intake import rating_of
from counter_app.core.model import Person, Rating, Representative, Status
from counter_app.gui.handover import PANEL_KEY, install
from counter_app.gui.handover.panel import HandoverPanel
from counter_app.gui.main_window import MainWindow
from counter_app.gui.session import Session
from counter_app.storage.store import CounterStore


def _type_and_enter(qtbot: QtBot, panel: HandoverPanel, text: str) -> None:
    panel.lookup.setFocus()
    panel.lookup.clear()
    qtbot.keyClicks(panel.lookup, text)
    qtbot.keyClick(panel.lookup, Qt.Key.Key_Return)


def test_typing_a_code_and_enter_opens_the_card(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    d = receive(store)
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000) as opened:
        _type_and_enter(qtbot, panel, d.code or "")
    assert opened.args[0].id == d.id
    assert panel.card.code.text() == d.code
    assert panel.card.status.text() == "Được tiếp nhận"
    assert "Thủ tục đăng ký khai tử" in panel.card.procedure.text()
    assert "Nguyễn Văn Đức" in panel.card.applicant.text()
    assert APPLICANT.identifier not in panel.card.applicant.text()  # masked: the officer checks the real card
    assert "Nguyễn Thị Lan" in panel.card.location.text()  # the receiving officer, by full name
    assert "Dự kiến trả" in panel.card.answer.text()
    assert panel.steps.currentWidget() is panel.empty_step


def test_search_without_tone_marks_lists_dossiers_and_a_click_opens_one(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    wanted = receive(store, Person("Đặng Thị Ánh Tuyết", "001190123456"))
    receive(store)
    with qtbot.waitSignal(panel.search_finished, timeout=5000) as finished:
        _type_and_enter(qtbot, panel, "dang thi anh")
    assert finished.args == [1]
    item = panel.results.topLevelItem(0)
    assert [item.text(column) for column in range(3)] == [wanted.code, "Đặng Thị Ánh Tuyết", "Được tiếp nhận"]
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000) as opened:
        rect = panel.results.visualItemRect(item)
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args[0].id == wanted.id


def test_an_overdue_dossier_says_so_in_red_and_words_and_where_it_waits(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    d = receive(store, at=datetime.now().replace(microsecond=0) - timedelta(days=30))
    assert d.code is not None
    store.advance(
        d.code, Status.PROCESSING, officer="canbo", receiver="xuly", unit="Công chức Địa chính - Xây dựng"
    )
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        panel.open_code(d.code)
    assert panel.card.timeliness.text() == "Quá hạn"
    assert "#a1101f" in panel.card.timeliness.styleSheet()
    assert panel.card.location.text().startswith(
        "Công chức Địa chính - Xây dựng — cán bộ Trần Văn Đức (nhận từ Nguyễn Thị Lan), từ "
    )
    assert "đã quá hạn" in panel.card.answer.text()
    assert panel.steps.currentWidget() is panel.empty_step  # nothing to hand over


def test_an_unknown_code_and_a_rejected_scan_give_clear_messages(qtbot: QtBot, panel: HandoverPanel) -> None:
    panel.open_code("000.00.06.H56-260101-9999")
    qtbot.waitUntil(lambda: "Không tìm thấy hồ sơ" in panel.message.text(), timeout=5000)
    panel.show_rejected_scan("000.00.06.H56-26010ư-9999")
    assert panel.message.isVisible()
    assert panel.message.text() == (
        "Mã vừa quét không phải mã hồ sơ hợp lệ: «000.00.06.H56-26010ư-9999». "
        "Kiểm tra bộ gõ tiếng Việt (Unikey) đang tắt."
    )


def _open_ready(qtbot: QtBot, panel: HandoverPanel, store: CounterStore, **kw: object):  # type: ignore[no-untyped-def]
    ready = make_ready(store, receive(store, **kw))  # type: ignore[arg-type]
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        panel.open_code(ready.code or "")
    assert panel.steps.currentWidget() is panel.return_form
    return ready


def test_the_applicant_must_show_their_own_identifier(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    ready = _open_ready(qtbot, panel, store)
    assert "Kết quả đã sẵn sàng" in panel.card.answer.text()
    form = panel.return_form
    qtbot.keyClicks(form.identifier, "001085099999")
    qtbot.keyClick(form.identifier, Qt.Key.Key_Return)
    assert form.errors["identifier"].isVisible()
    assert "không khớp" in form.errors["identifier"].text()
    assert panel.steps.currentWidget() is form
    form.identifier.setText("0010 8501 2345")
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    assert panel.steps.currentWidget() is panel.rating_form
    qtbot.keyClicks(panel.rating_form.comment, "Xong 1 ngay")  # digits typed in the comment stay text
    assert panel.rating_form.comment.text() == "Xong 1 ngay"
    assert panel.steps.currentWidget() is panel.rating_form
    panel.rating_form.comment.setText("Cán bộ hướng dẫn tận tình")
    panel.rating_form.buttons[Rating.VERY_SATISFIED].setFocus()
    with qtbot.waitSignal(panel.result_returned, timeout=5000) as returned:
        qtbot.keyClick(panel.rating_form.buttons[Rating.VERY_SATISFIED], Qt.Key.Key_2)
    stored = store.dossiers.get(ready.id)
    assert returned.args[0].id == ready.id
    assert stored.status is Status.RETURNED
    assert rating_of(stored) is Rating.SATISFIED
    assert stored.history[-1].data["comment"] == "Cán bộ hướng dẫn tận tình"
    assert stored.history[-2].data["recipient_id"] == APPLICANT.identifier
    assert panel.card.status.text() == "Đã trả kết quả"
    assert panel.steps.currentWidget() is panel.done_step


def test_an_authorised_person_needs_name_identifier_and_paper(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    ready = _open_ready(qtbot, panel, store)
    form = panel.return_form
    qtbot.mouseClick(form.authorised, Qt.MouseButton.LeftButton)
    assert form.name.isVisible() and form.paper.isVisible()
    form.name.setText("Lê Thị Hoa")
    form.identifier.setText("001190123456")
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    assert form.errors["paper"].text() == "Giấy ủy quyền không được để trống."
    assert not form.errors["name"].isVisible()
    form.paper.setText("Giấy ủy quyền số 12/UQ ngày 01/3/2026")
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    assert "người được ủy quyền Lê Thị Hoa" in panel.rating_form.summary.text()
    with qtbot.waitSignal(panel.result_returned, timeout=5000):
        qtbot.mouseClick(panel.rating_form.skip_button, Qt.MouseButton.LeftButton)
    stored = store.dossiers.get(ready.id)
    assert stored.status is Status.RETURNED
    assert rating_of(stored) is None
    assert stored.history[-1].data["authorisation_paper"] == "Giấy ủy quyền số 12/UQ ngày 01/3/2026"
    assert stored.history[-1].receiver == "Lê Thị Hoa"


def test_the_representative_named_at_intake_is_offered(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    rep = Representative(Person("Phạm Quốc Dũng", "001080654321"), "Giấy ủy quyền số 5/UQ")
    _open_ready(qtbot, panel, store, representative=rep)
    form = panel.return_form
    qtbot.mouseClick(form.authorised, Qt.MouseButton.LeftButton)
    assert form.name.text() == "Phạm Quốc Dũng"
    assert form.paper.text() == "Giấy ủy quyền số 5/UQ"
    assert form.identifier.text() == ""  # typed from the card the person shows


def test_a_result_sent_by_post_needs_no_identifier(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    ready = _open_ready(qtbot, panel, store)
    form = panel.return_form
    qtbot.mouseClick(form.by_post, Qt.MouseButton.LeftButton)
    assert not form.identifier.isVisible()
    assert "Số 12 phố Hàng Bạc" in form.post_hint.text()
    form.note.setText("Bưu gửi EMS EA123456789VN")
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.result_returned, timeout=5000):
        qtbot.mouseClick(panel.rating_form.buttons[Rating.DISSATISFIED], Qt.MouseButton.LeftButton)
    stored = store.dossiers.get(ready.id)
    assert stored.history[-2].data["return_method"] == "post"
    assert stored.history[-2].note == "Bưu gửi EMS EA123456789VN"
    assert rating_of(stored) is Rating.DISSATISFIED
    assert "qua bưu chính" in panel.card.answer.text()


def test_a_dossier_returned_meanwhile_is_not_returned_twice(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    ready = _open_ready(qtbot, panel, store)
    form = panel.return_form
    form.identifier.setText(APPLICANT.identifier)
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    store.advance(ready.code or "", Status.RETURNED, officer="lanhdao", action="return")  # another counter
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000) as reopened:
        qtbot.mouseClick(panel.rating_form.buttons[Rating.SATISFIED], Qt.MouseButton.LeftButton)
    assert reopened.args[0].status is Status.RETURNED  # the card now shows what really happened
    assert "cập nhật ở nơi khác" in panel.message.text()
    assert panel.card.status.text() == "Đã trả kết quả"
    assert panel.steps.currentWidget() is panel.empty_step
    history = store.dossiers.get(ready.id).history
    assert [e.action for e in history].count("return") == 1
    assert rating_of(store.dossiers.get(ready.id)) is None


def test_a_recipient_verified_for_one_dossier_never_collects_another(
    qtbot: QtBot, panel: HandoverPanel, store: CounterStore
) -> None:
    _open_ready(qtbot, panel, store)
    panel.return_form.identifier.setText(APPLICANT.identifier)
    qtbot.mouseClick(panel.return_form.confirm_button, Qt.MouseButton.LeftButton)
    assert panel.steps.currentWidget() is panel.rating_form
    other = _open_ready(qtbot, panel, store, applicant=Person("Lê Văn Tám", "001086011111"))  # a new scan
    assert panel.return_form.identifier.text() == ""
    qtbot.waitUntil(lambda: panel.session.runner.pending == 0, timeout=5000)  # its digitised papers looked up
    panel.rating_form.buttons[Rating.SATISFIED].click()  # a stray key press on the old rating step
    assert panel.session.runner.pending == 0  # nothing was submitted
    assert store.dossiers.get(other.id).status is Status.RESULT_READY


def test_the_main_window_offers_the_panel_under_f6_and_a_scan_brings_it_forward(
    qtbot: QtBot, session: Session, store: CounterStore
) -> None:
    d = receive(store)
    loaded = MainWindow(session)
    qtbot.addWidget(loaded)
    panel = loaded.panel(PANEL_KEY)
    assert isinstance(panel, HandoverPanel)
    assert loaded.panels[PANEL_KEY].shortcut == "F6"
    others = [key for key in loaded.panels if key != PANEL_KEY]
    assert others, "the intake panel should be there too"
    loaded.show_panel(others[0])
    with qtbot.waitSignal(panel.dossier_opened, timeout=5000):
        panel.open_code(d.code or "")  # what the app-wide scanner filter calls
    assert loaded.current_panel_key() == PANEL_KEY
    bare = MainWindow(session, panel_modules=(), features=())
    qtbot.addWidget(bare)
    install(bare, session)
    assert isinstance(bare.panel(PANEL_KEY), HandoverPanel)
    assert bare.panels[PANEL_KEY].title == "Trả kết quả"
