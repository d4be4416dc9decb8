"""Screenshots of the "paper and words" states at 1366×768: the dossier list and a dossier's path with whole dates and
times, the leader landing on the dashboard, F9 refused to a processing officer in words, the sign-in screen after a
sign-out (the last name selected for the next officer), the hand-over's camera button without a camera, a date of
birth that does not exist, and the first-run wizard asking for the agency ID in its own field.

    python tools/words_screenshots.py [--out docs/screenshots] [--lang vi en]

Runs headless (offscreen Qt platform) on a temporary demo profile, the clock fixed at 30/11/2026 09:00; writes
`<lang>-list-times.png`, `<lang>-dossier-path.png`, `<lang>-leader-lands.png`, `<lang>-f9-refused.png`,
`<lang>-signin-after-signout.png`, `<lang>-no-camera.png`, `<lang>-impossible-date.png` and
`<lang>-wizard-agency-id.png`.
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


def dossiers(store) -> str:  # noqa: ANN001 (a CounterStore)
    """Dossiers received over the last days, moved on, one late; returns the id of the one with the longest path."""
    from counter_app.core.intake import full_set, new_dossier, receive
    from counter_app.core.model import Person, Status

    unit, procedure = store.require_unit(), store.procedure("1.004873")
    people = [
        ("Lê Thị Muộn", 8, 1),
        ("Phạm Văn Sớm", 5, 3),
        ("Trần Thị Bích Ngọc", 2, 6),
        ("Nguyễn Văn An", 0, 9),
    ]
    ids = []
    for name, days_ago, due_in in people:
        at = SHOT_TIME - timedelta(days=days_ago, hours=1, minutes=35)
        draft = new_dossier(
            agency_id=unit.agency_id,
            procedure=procedure,
            applicant=Person(name, "001089012345", address="Số 3 ngõ Chợ", phone="0987654321"),
            at=at,
            officer="canbo",
            counter=unit.counter,
            components=full_set(procedure),
        )
        due = at + timedelta(days=due_in, hours=5, minutes=12)
        ids.append(
            store.dossiers.create(
                lambda allocate, d=draft, a=at, u=due: receive(d, allocate(a.date()), u), "canbo"
            ).id
        )
    first = ids[0]
    start = SHOT_TIME - timedelta(days=8)
    store.advance(
        first, Status.PROCESSING, officer="canbo", at=start + timedelta(hours=1), unit="Tư pháp - Hộ tịch"
    )
    store.advance(
        first,
        Status.PROCESSING,
        officer="xuly",
        at=start + timedelta(days=2, hours=3),
        action="transfer",
        unit="Lãnh đạo UBND phường",
        receiver="lanhdao",
    )
    store.advance(
        ids[1], Status.PROCESSING, officer="canbo", at=SHOT_TIME - timedelta(days=4), unit="Tư pháp - Hộ tịch"
    )
    store.advance(ids[1], Status.RESULT_READY, officer="xuly", at=SHOT_TIME - timedelta(days=1))
    return first


def shoot(lang: str, out: Path, work: Path, app: QApplication, clock: object = None) -> None:
    from counter_app.app import CounterApp
    from counter_app.gui.app import remove_translators
    from counter_app.gui.controller import CounterController
    from counter_app.settings import CounterSettings
    from counter_app.storage.store import CounterStore

    counter = DemoCounter(app, lang, work, prepare=dossiers)
    longest = counter.prepared
    controller = counter.controller
    counter.sign_in.resize(*SIZE)
    settle(app)

    # the leader lands on the dashboard, figures loaded
    main = counter.sign_in_as("lanhdao")
    dashboard = main.panel("dashboard")
    settle(app, lambda: dashboard.report is not None)
    save(main, out / f"{lang}-leader-lands.png")
    counter.sign_out()

    # after the sign-out: the last name selected in the focused username field
    sign = controller.sign_in
    sign.activateWindow()
    settle(app)
    save(sign, out / f"{lang}-signin-after-signout.png")

    # the processing officer lands on the list: whole dates and times; F9 says why nothing opens
    main = counter.sign_in_as("xuly")
    tracking = main.panel("tracking")
    settle(app, lambda: tracking.list.model.rowCount() > 0)
    main.activateWindow()
    main.dashboard_refusal.trigger()  # what F9 does for this role
    settle(app)
    save(main, out / f"{lang}-f9-refused.png")
    main.status.clearMessage()
    save(main, out / f"{lang}-list-times.png")
    tracking.open_dossier(longest)
    settle(app, lambda: tracking.page.dossier is not None and tracking.page.dossier.id == longest)
    settle(app)
    save(main, out / f"{lang}-dossier-path.png")
    counter.sign_out()

    # the receiving officer: a date of birth that does not exist; the camera button without a camera
    main = counter.sign_in_as("canbo")
    intake = main.panel("intake")
    settle(app, lambda: intake.picker.model.rowCount() > 0)
    fill(intake, "khai sinh", "Nguyễn Văn An", "001095012345", "Số 1 phố Huế, Phường Mẫu", "0912345678")
    intake.applicant.applicant.editors["birth_date"].setText("31/02/1995")
    intake.applicant._on_fields_left("applicant.birth_date")
    intake._on_form_changed()
    settle(app)
    save(main, out / f"{lang}-impossible-date.png")
    main.show_panel("handover")
    handover = main.panel("handover")
    handover.start_camera()
    settle(app)
    save(main, out / f"{lang}-no-camera.png")
    counter.sign_out()
    counter.close(keep_language=True)

    # the first-run wizard: Next with no agency ID
    fresh = CounterStore(work / f"fresh-{lang}")
    wizard_controller = CounterController(
        CounterApp(fresh), CounterSettings.for_data_dir(work / f"fresh-{lang}"), lang
    )
    wizard_controller.start()
    wizard = wizard_controller.wizard
    wizard.unit_page.form.parent_body.setText("UBND phường Hai Bà Trưng")
    wizard.unit_page.form._on_parent_body_edited("UBND phường Hai Bà Trưng")
    wizard.unit_page.form.place.setText("Hai Bà Trưng")
    wizard.unit_page.validatePage()
    settle(app)
    save(wizard, out / f"{lang}-wizard-agency-id.png")
    wizard_controller.shutdown()
    wizard.close()
    fresh.close()
    remove_translators(app, counter.translators)


def main(argv: list[str] | None = None) -> int:
    return run(shoot, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
