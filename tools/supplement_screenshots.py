"""Screenshots of the supplement cycle at 1366×768: an incomplete intake given form 02, the same intake reopened by
scanning the form's reference (the papers asked for marked), received two days later with its code and appointment,
the "Chờ bổ sung" view listing both kinds of dossier waiting for papers, the page of an intake never received, and a
received dossier sent back for papers being marked "Đã nhận bổ sung".

    python tools/supplement_screenshots.py [--out docs/screenshots] [--lang vi en]

Runs headless (offscreen Qt platform) on a temporary demo profile, the clock fixed at 30/11/2026 09:00 and moved to
02/12/2026 14:05 for the citizen's return; writes `<lang>-supplement-asked.png`, `<lang>-supplement-reopened.png`,
`<lang>-supplement-received.png`, `<lang>-waiting-view.png`, `<lang>-waiting-intake-page.png` and
`<lang>-supplement-received-move.png`.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

import time_machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import SHOT_TIME, DemoCounter, fill, run, save, settle  # noqa: E402

BACK = datetime(2026, 12, 2, 14, 5)


def sent_back(store) -> None:  # noqa: ANN001 (a CounterStore)
    """A dossier received last week, sent to the civil-status officer and back to the citizen for a paper."""
    from counter_app.core.intake import full_set, new_dossier, receive
    from counter_app.core.model import Person, Status

    unit, procedure = store.require_unit(), store.procedure("1.004873")
    at = SHOT_TIME - timedelta(days=4)
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person("Lê Văn Hòa", "001089012345", address="Số 3 ngõ Chợ", phone="0987654321"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    due = store.calendar().appointment_for(at, procedure.duration, procedure.duration_unit, None)
    d = store.dossiers.create(lambda allocate: receive(draft, allocate(at.date()), due), "canbo")
    store.advance(
        d.id, Status.PROCESSING, officer="xuly", at=at + timedelta(hours=1), unit="Tư pháp - Hộ tịch"
    )
    store.advance(
        d.id,
        Status.SUPPLEMENT_REQUESTED,
        officer="xuly",
        at=at + timedelta(days=1),
        action="supplement_requested",
        unit="Tư pháp - Hộ tịch",
        note="Tờ khai chưa ghi nơi cư trú trước đây",
        data={"missing": ["Tờ khai ghi đủ nơi cư trú trước đây"]},
    )


def shoot(lang: str, out: Path, work: Path, app: QApplication, traveller: time_machine.Coordinates) -> None:
    from counter_app.core.listing import QuickView
    from counter_app.core.references import reference

    counter = DemoCounter(app, lang, work, prepare=sent_back)
    main = counter.sign_in_as("canbo")
    panel = counter.intake(main)

    # the birth certificate is missing: form 02, no code
    fill(panel, "khai sinh", "Nguyễn Thị Mai", "001190012345", "Số 7 ngõ Trạm, Phường Mẫu", "0912345678")
    for number in (1, 6):
        panel.checklist.tick(number)
    panel.supplement_action.trigger()
    dialog = panel.supplement_dialog
    dialog.accept()
    settle(app, lambda: panel.summary.dossier is not None)
    asked = panel.summary.dossier
    save(main, out / f"{lang}-supplement-asked.png")

    # two days later: the form's reference scanned, the intake reopened
    traveller.move_to(BACK)
    main.scan_router.handle(reference(asked.id), "keyboard")  # what the USB scanner's burst becomes
    settle(app, lambda: panel.continuing is not None)
    settle(app)
    save(main, out / f"{lang}-supplement-reopened.png")
    panel.checklist.tick(2)
    panel.outcome.receive_button.click()
    settle(app, lambda: panel.summary.dossier is not None and panel.summary.dossier.code is not None)
    save(main, out / f"{lang}-supplement-received.png")

    # the list: both kinds waiting for papers (another intake kept waiting, the dossier sent back)
    fill(panel, "xac nhan tinh trang hon nhan", "Đỗ Thị Quầy", "001190054321", "Số 2 phố Mới", "0903123456")
    panel.checklist.tick(1)
    panel.supplement_action.trigger()
    panel.supplement_dialog.accept()
    settle(app, lambda: panel.summary.dossier is not None and panel.summary.dossier.code is None)
    waiting = panel.summary.dossier
    main.show_panel("tracking")
    tracking = main.panel("tracking")
    lists = tracking.list
    lists.view_buttons[QuickView.WAITING_SUPPLEMENT].click()
    settle(app, lambda: lists.model.rowCount() == 2)
    settle(app)
    save(main, out / f"{lang}-waiting-view.png")

    page = tracking.page
    tracking.open_dossier(waiting.id)
    settle(app, lambda: page.dossier is not None and page.dossier.id == waiting.id)
    settle(app)
    save(main, out / f"{lang}-waiting-intake-page.png")

    other = next(lists.model.summary_at(i) for i in range(2) if lists.model.summary_at(i).code)
    tracking.open_dossier(other.id)
    settle(app, lambda: page.dossier is not None and page.dossier.id == other.id)
    page.action_bar.buttons["supplement_received"].click()
    settle(app, lambda: page.move_dialog is not None and page.move_dialog.isVisible())
    settle(app)
    save(main, out / f"{lang}-supplement-received-move.png", page.move_dialog)
    page.move_dialog.reject()
    settle(app)

    counter.close()


def main(argv: list[str] | None = None) -> int:
    return run(shoot, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
