"""One change, every screen: a dossier received on the intake panel and handed over on the hand-over panel shows in
its new state on the tracking list, its page and the dashboard without any refresh; only writes wake the sync worker."""

from __future__ import annotations

from gui_helpers import sign_in
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_intake import choose_birth_registration, fill_applicant, tick_rows

from counter_app.core.model import Rating, Status
from counter_app.gui.tracking.actions import MOVES_BY_KEY, MoveRequest
from counter_app.messages import status_name

CTRL = Qt.KeyboardModifier.ControlModifier
RETURNED = status_name(Status.RETURNED, "vi")


def _row_status(tracking, dossier_id: str) -> str:
    model = tracking.list.model
    row = model.row_of(dossier_id)
    return model.index(row, 3).data() if row >= 0 else ""


def test_receive_and_hand_over_show_everywhere_and_only_writes_wake_the_sync_worker(
    qtbot: QtBot, controller, counter_store
) -> None:
    # the administrator may receive, move, hand over and see the figures
    main = sign_in(qtbot, controller, "quantri")
    worker = main.sync_worker
    qtbot.waitUntil(lambda: worker.cycles >= 1, timeout=20000)  # the first cycle runs at sign-in
    real_nudge, nudges = worker.nudge, []

    def nudge() -> None:
        nudges.append(main.current_panel_key())
        real_nudge()

    worker.nudge = nudge  # type: ignore[method-assign]

    tracking, dashboard = main.panel("tracking"), main.panel("dashboard")
    with qtbot.waitSignal(tracking.list.list_loaded, timeout=10000):
        main.show_panel("tracking")
    with qtbot.waitSignal(dashboard.report_ready, timeout=10000):
        main.show_panel("dashboard")
    before = dashboard.report

    # receive on the intake panel
    main.show_panel("intake")
    intake = main.panel("intake")
    qtbot.waitUntil(lambda: intake.picker.model.rowCount() > 0, timeout=10000)
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    tick_rows(qtbot, intake, [1, 2, 6])
    with qtbot.waitSignal(intake.dossier_received, timeout=10000) as received:
        qtbot.keyClick(intake.checklist.table, Qt.Key.Key_Return, CTRL)
    dossier = received.args[0]
    assert nudges == ["intake"]  # the receipt woke the sync worker
    assert main.status.currentMessage() == f"Đã tiếp nhận hồ sơ {dossier.code}"

    # the list shows it as soon as it is looked at; its page moves it on to "result ready"
    with qtbot.waitSignal(tracking.list.list_loaded, timeout=10000):
        main.show_panel("tracking")
    assert _row_status(tracking, dossier.id) == status_name(Status.RECEIVED, "vi")
    with qtbot.waitSignal(tracking.page.dossier_loaded, timeout=10000):
        tracking.open_dossier(dossier.id)
    with qtbot.waitSignal(tracking.page.dossier_moved, timeout=10000):
        tracking.page.apply_move(MoveRequest(MOVES_BY_KEY["result_ready"]))

    # a search on the hand-over panel is a read: the sync worker sleeps on
    main.show_panel("handover")
    handover = main.panel("handover")
    handover.lookup.setText("nguyen van an")
    with qtbot.waitSignal(handover.search_finished, timeout=10000) as searched:
        qtbot.keyClick(handover.lookup, Qt.Key.Key_Return)
    assert searched.args[0] >= 1
    cycles = worker.cycles
    assert nudges == ["intake", "tracking"]  # the receipt and the move, nothing for the search

    # hand the result over
    with qtbot.waitSignal(handover.dossier_opened, timeout=10000):
        handover.open_code(dossier.code)
    form = handover.return_form
    form.identifier.setText("001203012345")
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    assert handover.steps.currentWidget() is handover.rating_form
    handover.rating_form.buttons[Rating.SATISFIED].setFocus()
    with qtbot.waitSignal(handover.result_returned, timeout=10000):
        qtbot.keyClick(handover.rating_form.buttons[Rating.SATISFIED], Qt.Key.Key_2)
    assert nudges == ["intake", "tracking", "handover"]
    assert main.status.currentMessage() == f"Đã trả kết quả hồ sơ {dossier.code}"
    qtbot.waitUntil(lambda: worker.cycles > cycles, timeout=20000)  # the write woke it for real

    # the dossier page, the list and the dashboard show "Đã trả kết quả" without a refresh or a filter touched
    with qtbot.waitSignal(tracking.page.dossier_loaded, timeout=10000):
        main.show_panel("tracking")
    assert tracking.page.status_label.text().strip() == RETURNED
    with qtbot.waitSignal(tracking.list.list_loaded, timeout=10000):
        tracking.page.back_button.click()
    assert _row_status(tracking, dossier.id) == RETURNED
    with qtbot.waitSignal(dashboard.report_ready, timeout=10000):
        main.show_panel("dashboard")
    after = dashboard.report
    assert (after.received, after.returned) == (before.received + 1, before.returned + 1)
    assert dashboard.cards["returned"].value.text() == str(before.returned + 1)
    assert counter_store.dossiers.get(dossier.id).status is Status.RETURNED
