"""Screenshots of the interruptions at 1366×768: a scan held while the refusal dialog is open, the question before
typed work is discarded, the question of quitting with unsent changes, and the kiosk counting down.

    python tools/interruption_screenshots.py [--out docs/screenshots] [--lang vi en]

Runs headless (offscreen Qt platform) on a temporary demo profile, on a fixed clock (30/11/2026 09:00), and writes
`<lang>-held-scan.png`, `<lang>-discard-question.png`, `<lang>-quit-question.png` and `<lang>-kiosk-countdown.png`.
The counter is joined to a server that does not answer, so that quitting has changes to ask about.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import SHOT_TIME, SIZE, DemoCounter, fill, run, save, settle  # noqa: E402


def join_nowhere(store) -> None:  # noqa: ANN001 (a CounterStore)
    """Sync settings of a server on a loopback port nothing listens on (the changes stay unsent)."""
    from counter_app.storage.outbox import SyncStateRepository
    from counter_app.sync import settings as keys

    unit = store.require_unit()
    SyncStateRepository(store.db, store.models).set_many(
        {
            keys.SERVER_URL: "http://127.0.0.1:9",
            keys.INSECURE: "1",
            keys.TOKEN: "-",
            keys.AGENCY_ID: unit.agency_id,
            keys.COUNTER: str(unit.counter),
        }
    )


def refuse_some(store, count: int) -> None:  # noqa: ANN001 (a CounterStore)
    """Refusals written straight to the store: changes waiting in the outbox."""
    from counter_app.core.intake import new_dossier
    from counter_app.core.model import Person

    unit = store.require_unit()
    for i in range(count):
        draft = new_dossier(
            agency_id=unit.agency_id,
            procedure=store.procedures()[0],
            applicant=Person(f"Người nộp {i + 1}"),
            at=SHOT_TIME,
            officer="canbo",
            counter=unit.counter,
        )
        store.refuse(draft, "Thủ tục không thuộc thẩm quyền giải quyết của đơn vị.")


def shoot(lang: str, out: Path, work: Path, app: QApplication, clock: object = None) -> None:
    from counter_app.app import CounterApp
    from counter_app.gui.kiosk import KioskWindow
    from counter_app.settings import CounterSettings

    counter = DemoCounter(app, lang, work, prepare=join_nowhere)
    store = counter.store
    main = counter.sign_in_as("canbo")
    panel = counter.intake(main)

    # a first citizen received (its receipt is the scan), the next one being refused when the receipt is scanned
    fill(panel, "khai sinh", "Nguyễn Văn An", "001203012345", "Số 1 phố Huế, Phường Mẫu", "0912345678")
    panel.checklist.tick_required()
    panel.outcome.receive_button.click()
    settle(app, lambda: panel.summary.dossier is not None)
    code = panel.summary.dossier.code
    fill(panel, "chung thuc ban sao", "Trần Thị Bích Ngọc", "", "", "")
    panel.refuse_action.trigger()
    dialog = panel.refuse_dialog
    dialog.reason.setPlainText(dialog.common.itemText(1))
    main.scan_router.handle(code, "keyboard")  # what the USB scanner's burst becomes
    settle(app)
    save(main, out / f"{lang}-held-scan.png", dialog)
    dialog.reject()
    settle(app, lambda: main.current_panel_key() == "handover")

    main.show_panel("intake")
    panel.new_action.trigger()
    question = panel.discard_question
    settle(app)
    save(main, out / f"{lang}-discard-question.png", question)
    question.buttons_by_key["discard"].click()
    settle(app)

    refuse_some(store, 5)  # with the receipt: six changes the server has not received
    main.quit_action.trigger()
    settle(app, lambda: main.quit_guard.question is not None)
    question = main.quit_guard.question
    settle(app)
    save(main, out / f"{lang}-quit-question.png", question)
    question.buttons_by_key["stay"].click()
    settle(app)

    now = [SHOT_TIME]
    kiosk = KioskWindow(
        CounterApp(store),
        CounterSettings.for_data_dir(work / f"data-{lang}"),
        lang,
        clock=lambda: now[0],
        wall_clock=lambda: now[0],
    )
    kiosk.resize(*SIZE)
    kiosk.show()
    settle(app)
    kiosk.look_up(code)
    settle(app, lambda: kiosk.result is not None)
    now[0] = SHOT_TIME + timedelta(seconds=6)
    kiosk.idle_timer.timeout.emit()
    settle(app)
    save(kiosk, out / f"{lang}-kiosk-countdown.png")
    kiosk._unlocked = True
    kiosk.close()

    counter.close()


def main(argv: list[str] | None = None) -> int:
    return run(shoot, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
