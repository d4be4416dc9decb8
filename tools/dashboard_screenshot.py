"""The leader's dashboard at 1366×768 on a month of sample dossiers, as docs/screenshots/dashboard.png.

    python tools/dashboard_screenshot.py [--out docs/screenshots] [--lang vi en]

Runs headless (offscreen Qt platform) on a throw-away demo profile, on a fixed clock (Thursday 26 November 2026,
10:00), so the picture is the same on every run: the national on-time indicator and the resolved dossiers' figures
of 1–26 November, with dossiers carried over from October, supplements, a withdrawal and ratings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from screenshots import SIZE, save, settle  # noqa: E402

NOW = datetime(2026, 11, 26, 10, 0)
UNITS = ("Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội", "Công chức Địa chính - Xây dựng")
S_RECEIVED, S_PROCESSING, S_SUPPLEMENT, S_FEES, S_WITHDRAW, S_STOP, S_READY, S_RETURNED = (
    2,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
)


def fill(store) -> None:  # noqa: ANN001 (a CounterStore)
    """Twenty-odd dossiers of the month with known outcomes (and three from October still being processed)."""
    from counter_app.core.intake import full_set, new_dossier, rate, receive, record_return
    from counter_app.core.model import Person, Rating, Status

    unit = store.require_unit()
    calendar = store.calendar()
    people = iter(
        (
            "Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
            "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khánh", "Ngô Thị Lan", "Dương Văn Minh", "Lý Thị Ngọc",
            "Phan Văn Phúc", "Trịnh Thị Quyên", "Mai Văn Sơn", "Đinh Thị Thảo", "Tạ Văn Uy", "Cao Thị Vân",
            "Lương Văn Xuân", "Hồ Thị Yến", "Kiều Văn Bảo", "Chu Thị Cúc", "Tô Văn Dũng",
        )
    )  # fmt: skip

    def dossier(code: str, at: datetime, *steps: tuple[int, datetime], unit_no: int = 0):  # noqa: ANN202
        p = store.procedure(code)
        draft = new_dossier(
            agency_id=unit.agency_id,
            procedure=p,
            applicant=Person(next(people), "001090012345", address="12 Phố Huế", phone="0912345678"),
            at=at,
            officer="canbo",
            counter=unit.counter,
            components=full_set(p),
        )
        due = calendar.appointment_for(at, p.duration, p.duration_unit, p.same_day_cutoff)
        d = store.dossiers.create(lambda allocate: receive(draft, allocate(at.date()), due), "canbo")
        for target, when in steps:
            d = store.advance(d.id, Status(target), officer="xuly", at=when, unit=UNITS[unit_no])
        return d

    def returned(d, at: datetime, rating: Rating) -> None:  # noqa: ANN001
        before = store.dossiers.get(d.id)
        after = record_return(
            before,
            officer="canbo",
            at=at,
            recipient_name=d.applicant.name,
            recipient_id=d.applicant.identifier,
        )
        store.dossiers.update(before, rate(after, rating=rating, officer="canbo", at=at), "canbo")

    def day(d: int, h: int, m: int = 0, month: int = 11) -> datetime:
        return datetime(2026, month, d, h, m)

    P, R = S_PROCESSING, S_READY
    # carried over from October: one finished late in November, two still open (one overdue)
    dossier("1.004873", day(27, 9, month=10), (P, day(27, 10, month=10)), (R, day(3, 9)), unit_no=2)
    dossier("1.004873", day(29, 9, month=10), (P, day(29, 10, month=10)), (S_FEES, day(2, 9)), unit_no=2)
    dossier(
        "1.004873", day(30, 9, month=10), (P, day(30, 10, month=10)), (S_SUPPLEMENT, day(2, 9)), unit_no=1
    )
    # resolved in time and returned, with ratings
    for d_, rating in ((2, Rating.VERY_SATISFIED), (4, Rating.SATISFIED), (9, Rating.DISSATISFIED)):
        d = dossier("1.001193", day(d_, 8), (P, day(d_, 9)), (R, day(d_, 14)))
        returned(d, day(d_, 16), rating)
    d = dossier("1.004873", day(10, 8), (P, day(10, 9)), (R, day(12, 9)))
    returned(d, day(13, 9), Rating.VERY_SATISFIED)
    # resolved in time, waiting to be collected
    for d_ in (16, 18, 23):
        dossier("1.004873", day(d_, 8), (P, day(d_, 9)), (R, day(d_ + 1, 15)))
    # resolved late
    dossier("1.004873", day(5, 8), (P, day(5, 9)), (R, day(13, 9)), unit_no=2)
    # two supplement requests, both answered, then resolved in time
    dossier(
        "1.004873",
        day(11, 8),
        (P, day(11, 9)),
        (S_SUPPLEMENT, day(11, 10)),
        (P, day(12, 9)),
        (S_SUPPLEMENT, day(12, 10)),
        (P, day(13, 9)),
        (R, day(16, 9)),
        unit_no=1,
    )
    # a withdrawal in time, then stopped
    dossier("1.004873", day(17, 8), (S_WITHDRAW, day(17, 10)), (S_STOP, day(18, 9)))
    # still open: in time, overdue, waiting for papers, fees due
    dossier("1.004873", day(24, 8), (P, day(24, 9)))
    dossier("1.004873", day(25, 8), (P, day(25, 9)), unit_no=1)
    dossier("1.001193", day(26, 8))
    dossier("1.004873", day(12, 8), (P, day(12, 9)), unit_no=2)
    dossier("1.004873", day(19, 8), (P, day(19, 9)), unit_no=1)
    dossier("1.004873", day(20, 8), (P, day(20, 9)), (S_SUPPLEMENT, day(20, 10)))
    dossier("1.004873", day(23, 8), (P, day(23, 9)), (S_FEES, day(24, 9)), unit_no=2)


def shoot(lang: str, out: Path, work: Path, app) -> None:  # noqa: ANN001 (a QApplication)
    import build_translations

    from counter_app.app import CounterApp
    from counter_app.gui.app import install_translators, remove_translators
    from counter_app.gui.session import Session
    from counter_app.gui.tasks import TaskRunner
    from counter_app.gui.tracking.dashboard import DashboardPanel
    from counter_app.settings import CounterSettings
    from counter_app.storage.demo import ensure_demo_profile
    from counter_app.storage.store import CounterStore

    translators = []
    if lang == "en":
        qm = build_translations.compile_ts(build_translations.ts_path("en"), work / "counter_app_en.qm")
        translators = install_translators(app, "en", qm.parent)
    data = work / f"data-{lang}"
    store = CounterStore(data)
    ensure_demo_profile(store)
    fill(store)
    runner = TaskRunner()
    session = Session(
        CounterApp(store, clock=lambda: NOW),
        runner,
        CounterSettings.for_data_dir(data),
        store.accounts.get("lanhdao"),
        store.unit(),
        lang,
    )
    panel = DashboardPanel(session, today=lambda: date(2026, 11, 26))
    panel.resize(*SIZE)
    panel.show()
    settle(app, lambda: panel.report is not None)
    name = "dashboard.png" if lang == "vi" else "en-dashboard.png"
    save(panel, out / name)
    panel.close()
    runner.shutdown()
    store.close()
    remove_translators(app, translators)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["vi"], choices=["vi", "en"])
    args = parser.parse_args(argv)
    from counter_app.gui.app import ensure_application

    app = ensure_application()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="counter-dashboard-") as work:
        for lang in args.lang:
            shoot(lang, args.out, Path(work), app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
