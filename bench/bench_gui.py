"""GUI benchmark: a full intake scripted through the real widgets with 100k dossiers in the local database.

Run: .venv/bin/python -m bench.bench_gui [--size 100000] [--intakes 20] [--data-dir DIR] [--starts 5]

Reports the application's own time: per keystroke (the key event and every event it causes, repaint
included), per outcome (receive button to the stored dossier back on screen), per intake (their sum), and
cold start to a usable sign-in screen in a fresh process. Targets: every interaction under 50 ms, sign-in
under 2 s. Prints a markdown table and saves it to bench/out/gui.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from counter_app.core.codes import format_code  # noqa: E402
from counter_app.core.intake import full_set, new_dossier  # noqa: E402
from counter_app.core.model import Person  # noqa: E402
from counter_app.core.text import fold  # noqa: E402
from counter_app.storage.demo import ensure_demo_profile  # noqa: E402
from counter_app.storage.store import DB_NAME, CounterStore  # noqa: E402

from .bench_storage import _name  # noqa: E402

OUT = Path(__file__).parent / "out" / "gui.md"
KINDS = ("type ", "Enter", "Tab", "Space")
CTRL = Qt.KeyboardModifier.ControlModifier
#: (search typed without tone marks, applicant name, identifier, address, phone) of the scripted citizens.
CITIZENS = (
    ("khai sinh", "Nguyễn Văn An", "001203012345", "Số 1 phố Huế", "0912345678"),
    ("chung thuc ban sao", "Trần Thị Bích Ngọc", "036185004321", "12 Lê Lợi", "0987654321"),
    ("ket hon", "Lê Hoàng Minh", "079090001234", "45 Trần Phú", "0356789012"),
)


# ---- the 100k database ---------------------------------------------------------------------------------------
def fill(folder: Path, size: int, seed: int = 11) -> float:
    """Demo profile plus `size` received dossiers cloned from real ones with direct SQL; returns seconds."""
    started = time.perf_counter()
    store = CounterStore(folder)
    ensure_demo_profile(store)
    have = store.dossiers.count()
    if have >= size:
        store.close()
        return 0.0
    unit = store.require_unit()
    templates = []
    for i, procedure in enumerate(store.procedures()):
        at = datetime(2025, 1, 2, 8, 0) + timedelta(minutes=i)
        draft = new_dossier(
            agency_id=unit.agency_id,
            procedure=procedure,
            applicant=Person("Mẫu", "001190000000"),
            at=at,
            officer="canbo",
            counter=unit.counter,
            components=full_set(procedure),
        )
        templates.append(store.receive(draft))
    store.close()

    con = sqlite3.connect(folder / DB_NAME)
    con.execute("PRAGMA synchronous=OFF")
    columns = [r[1] for r in con.execute("PRAGMA table_info(dossier)")]
    event_columns = [r[1] for r in con.execute("PRAGMA table_info(dossier_event)")]
    rows = {r[columns.index("id")]: r for r in con.execute("SELECT * FROM dossier")}
    events = {r[event_columns.index("dossier_id")]: r for r in con.execute("SELECT * FROM dossier_event")}
    next_rowid = con.execute("SELECT max(rowid) FROM dossier").fetchone()[0] + 1
    rng = random.Random(seed)
    start = datetime(2025, 1, 2, 7, 30)
    per_day: dict[str, int] = {}
    dossier_rows, event_rows, search_rows = [], [], []
    for n in range(size - have):
        template = templates[n % len(templates)]
        row = list(rows[template.id])
        at = start + timedelta(minutes=4 * n)
        day = f"{at:%y%m%d}"
        per_day[day] = per_day.get(day, 0) + 1
        dossier_id = f"bench-{n:08d}"
        code = format_code(unit.agency_id, at.date(), unit.counter, 500 + per_day[day])
        name = _name(rng)
        identifier = f"0010{rng.randrange(10**8):08d}"
        phone = f"09{rng.randrange(10**8):08d}"
        data = json.loads(row[columns.index("data")])
        data.update(id=dossier_id, code=code, received_at=at.isoformat(timespec="seconds"))
        data["applicant"].update(name=name, identifier=identifier, phone=phone)
        values = dict(zip(columns, row, strict=True))
        values.update(
            id=dossier_id,
            code=code,
            applicant_name=name,
            applicant_id=identifier,
            applicant_phone=phone,
            received_at=at.isoformat(timespec="seconds"),
            data=json.dumps(data, ensure_ascii=False),
        )
        dossier_rows.append((next_rowid + n, *[values[c] for c in columns]))
        event = dict(zip(event_columns, events[template.id], strict=True))
        event.update(id=f"{dossier_id}-e0", dossier_id=dossier_id, at=at.isoformat(timespec="seconds"))
        event_rows.append([event[c] for c in event_columns])
        search_rows.append((next_rowid + n, fold(f"{code} {name} {identifier} {phone}")))
    with con:
        con.executemany(
            f"INSERT INTO dossier (rowid, {', '.join(columns)}) VALUES ({', '.join('?' * (len(columns) + 1))})",
            dossier_rows,
        )
        con.executemany(
            f"INSERT INTO dossier_event VALUES ({', '.join('?' * len(event_columns))})", event_rows
        )
        con.executemany("INSERT INTO dossier_search (rowid, body) VALUES (?, ?)", search_rows)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return time.perf_counter() - started


# ---- driving the GUI -----------------------------------------------------------------------------------------
class Clock:
    """Times each interaction: the input event plus everything the event loop does because of it."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.keys: list[float] = []
        self.by_kind: dict[str, list[float]] = {}

    def _timed(self, kind: str, send: Callable[[], None]) -> float:
        started = time.perf_counter()
        send()
        self.app.processEvents()
        elapsed = (time.perf_counter() - started) * 1000
        self.keys.append(elapsed)
        self.by_kind.setdefault(kind, []).append(elapsed)
        return elapsed

    def key(
        self,
        kind: str,
        widget: QWidget,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> float:
        return self._timed(kind, lambda: QTest.keyClick(widget, key, modifier))

    def type(self, kind: str, widget: QWidget, text: str) -> float:
        total = 0.0
        for ch in text:
            if ch.isascii():
                total += self._timed(kind, lambda ch=ch: QTest.keyClick(widget, ch))
            else:  # Vietnamese letters arrive from the input method as commits
                event = QInputMethodEvent()
                event.setCommitString(ch)
                total += self._timed(kind, lambda event=event: QApplication.sendEvent(widget, event))
        return total


def wait_until(app: QApplication, done: Callable[[], bool], timeout_s: float = 30.0) -> None:
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def run_intakes(folder: Path, count: int) -> dict[str, list[float]]:
    from counter_app.app import CounterApp
    from counter_app.gui.app import ensure_application
    from counter_app.gui.controller import CounterController
    from counter_app.settings import CounterSettings

    app = ensure_application()
    store = CounterStore(folder)
    controller = CounterController(CounterApp(store), CounterSettings.for_data_dir(folder), "vi")
    controller.start()
    sign_in = controller.sign_in
    assert sign_in is not None
    sign_in.username.setText("canbo")
    sign_in.password.setText("motcua2026")
    started = time.perf_counter()
    sign_in.sign_in_button.click()
    wait_until(app, lambda: controller.main_window is not None)
    sign_in_ms = (time.perf_counter() - started) * 1000
    main = controller.main_window
    assert main is not None
    main.resize(1366, 768)
    panel = main.panel("intake")
    wait_until(app, lambda: panel.picker.model.rowCount() > 0)
    clock = Clock(app)
    outcomes: list[float] = []
    intakes: list[float] = []
    for i in range(count):
        search, name, identifier, address, phone = CITIZENS[i % len(CITIZENS)]
        first_key = len(clock.keys)
        clock.type("type in the procedure search (live filter)", panel.picker.search, search)
        clock.key("Enter: choose the procedure (checklist built)", panel.picker.search, Qt.Key.Key_Return)
        editors = panel.applicant.applicant.editors
        for key, text in (("name", name), ("identifier", identifier), ("address", address), ("phone", phone)):
            clock.type("type in an applicant field", editors[key], text)
            clock.key("Tab: leave a field (validation)", editors[key], Qt.Key.Key_Tab)
        table = panel.checklist.table
        for row, component in enumerate(panel.checklist.model.rows):
            if component.component.required:
                table.setCurrentIndex(panel.checklist.model.index(row, 0))
                clock.key("Space: tick a component (completeness)", table, Qt.Key.Key_Space)
        received: list[object] = []
        panel.dossier_received.connect(received.append)
        started = time.perf_counter()
        QTest.keyClick(table, Qt.Key.Key_Return, CTRL)
        wait_until(app, lambda received=received: bool(received))
        outcomes.append((time.perf_counter() - started) * 1000)
        panel.dossier_received.disconnect(received.append)
        intakes.append(sum(clock.keys[first_key:]) + outcomes[-1])
    controller.shutdown()
    sign_in.close()
    dossiers = store.dossiers.count()
    store.close()
    return {
        "keys": clock.keys,
        **clock.by_kind,
        "outcomes": outcomes,
        "intakes": intakes,
        "sign_in": [sign_in_ms],
        "dossiers": [float(dossiers)],
    }


# ---- cold start ----------------------------------------------------------------------------------------------
CHILD = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from counter_app.cli.context import CliContext
from counter_app.gui.launcher import prepare
from PySide6.QtWidgets import QApplication
controller = prepare(CliContext(data_dir=Path(sys.argv[1])), demo=sys.argv[2] == "demo", kiosk=False,
                     data_dir_given=True)
app = QApplication.instance()
app.processEvents()
usable = time.time()
while controller.app is None:
    app.processEvents()
    time.sleep(0.001)
print(usable, time.time())
"""


def cold_start(folder: Path, mode: str, starts: int) -> tuple[list[float], list[float]]:
    """Seconds from spawning `python` to the sign-in screen shown, and to the store open behind it."""
    shown, ready = [], []
    for _ in range(starts):
        spawned = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), mode],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ).stdout.split()
        shown.append(float(out[-2]) - spawned)
        ready.append(float(out[-1]) - spawned)
    return shown, ready


# ---- report --------------------------------------------------------------------------------------------------
def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def row(label: str, values: list[float], unit: str, target: float | None = None) -> str:
    worst = max(values)
    mark = "" if target is None or _pct(values, 0.95) <= target else " ⚠"
    return (
        f"| {label} | {len(values)} | {statistics.median(values):.1f} | {_pct(values, 0.95):.1f} | "
        f"{worst:.1f}{mark} | {unit} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--intakes", type=int, default=20)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="keep the filled database here and reuse it"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        folder = args.data_dir or Path(tmp) / "counter"
        fill_s = fill(folder, args.size)
        results = run_intakes(folder, args.intakes)
        shown, ready = cold_start(folder, "profile", args.starts)
        demo_shown, demo_ready = cold_start(folder, "demo", args.starts)
    keys = results["keys"]
    lines = [
        f"Dossiers in the local database: {int(results['dossiers'][0]):,} (filled in {fill_s:.0f} s) · "
        f"{args.intakes} scripted intakes, {len(keys)} keystrokes · offscreen Qt · times in ms unless noted",
        "",
        "| interaction | n | median | p95 | worst | unit |",
        "|---|---|---|---|---|---|",
        row("every keystroke (event + everything it triggers, repaint included)", keys, "ms", 50),
        *[row(f"· {kind}", values, "ms", 50) for kind, values in results.items() if kind.startswith(KINDS)],
        row("outcome: Ctrl+Enter → dossier stored and shown", results["outcomes"], "ms", 50),
        row("· the first intake's outcome (right after sign-in)", results["outcomes"][:1], "ms", 50),
        row("· outcomes after the first", results["outcomes"][1:], "ms", 50),
        row("whole intake (all keystrokes + outcome)", results["intakes"], "ms"),
        row("sign-in: Enter → main window (argon2 check)", results["sign_in"], "ms"),
        row("cold start → usable sign-in screen", [s * 1000 for s in shown], "ms", 2000),
        row("cold start → store open behind it", [s * 1000 for s in ready], "ms"),
        row("cold start --demo → usable sign-in screen", [s * 1000 for s in demo_shown], "ms", 2000),
        row("cold start --demo → demo profile open", [s * 1000 for s in demo_ready], "ms"),
    ]
    text = "\n".join(lines)
    print(text)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
