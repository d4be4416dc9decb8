"""Screenshots of the counter window at 1366×768 (sign-in, intake empty/filled/with errors, lock screen, settings and
their scanner tab) in Vietnamese and English.

    python tools/screenshots.py [--out docs/screenshots] [--lang vi en]

Runs headless (offscreen Qt platform) on a temporary demo profile, on a fixed clock (30/11/2026 09:00) so that
the dates shown do not change from one run to the next; writes `<lang>-<screen>.png`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import time_machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtCore import QEventLoop, QPoint, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SIZE = (1366, 768)
SHOT_TIME = datetime(2026, 11, 30, 9, 0)


def settle(app: QApplication, until: Callable[[], bool] = lambda: True, timeout_s: float = 20.0) -> None:
    """Run the event loop until `until()` holds (background work delivered), then let layouts and paints finish."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    while not until() and time.monotonic() < deadline:
        QTimer.singleShot(5, loop.quit)
        loop.exec()
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, path: Path, dialog: QWidget | None = None) -> None:
    """Grab the window (with a dialog drawn over its centre, as on screen) into a PNG."""
    pixmap = widget.grab()
    if dialog is not None:
        shot = dialog.grab()
        painter = QPainter(pixmap)
        painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 70))
        painter.drawPixmap(
            QPoint((pixmap.width() - shot.width()) // 2, (pixmap.height() - shot.height()) // 2), shot
        )
        painter.end()
    QPixmap(pixmap).save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


DEMO_PASSWORD = "motcua2026"


class DemoCounter:
    """The demo profile's counter window in `lang` on a throw-away data folder, started at its sign-in screen; the
    English catalogue is compiled and installed for `en`. `prepare(store)` adds what a shot needs before it starts."""

    def __init__(
        self, app: QApplication, lang: str, work: Path, prepare: Callable[[object], object] | None = None
    ) -> None:
        import build_translations

        from counter_app.app import CounterApp
        from counter_app.gui.app import install_translators
        from counter_app.gui.controller import CounterController
        from counter_app.settings import CounterSettings
        from counter_app.storage.demo import ensure_demo_profile
        from counter_app.storage.store import CounterStore

        self.app = app
        self.translators: list = []
        if lang == "en":
            qm = build_translations.compile_ts(build_translations.ts_path("en"), work / "counter_app_en.qm")
            self.translators = install_translators(app, "en", qm.parent)
        data = work / f"data-{lang}"
        self.store = CounterStore(data)
        ensure_demo_profile(self.store)
        self.prepared = prepare(self.store) if prepare is not None else None
        self.controller = CounterController(
            CounterApp(self.store), CounterSettings.for_data_dir(data), lang, demo=True
        )
        self.controller.start()
        sign_in = self.controller.sign_in
        assert sign_in is not None
        self.sign_in = sign_in

    def sign_in_as(self, username: str = "canbo", panel: str | None = None):  # noqa: ANN201 (a MainWindow)
        """Sign in (again after a sign-out), wait for the window, size it to the screenshots' size and show `panel`
        when given."""
        window = self.controller.sign_in or self.sign_in
        window.username.setText(username)
        window.password.setText(DEMO_PASSWORD)
        window.sign_in_button.click()
        settle(self.app, lambda: self.controller.main_window is not None)
        main = self.controller.main_window
        assert main is not None
        main.resize(*SIZE)
        if panel is not None:
            main.show_panel(panel)
        settle(self.app)
        return main

    def intake(self, main):  # noqa: ANN001, ANN201 (a MainWindow, its IntakePanel)
        """The intake panel shown, its catalogue loaded."""
        main.show_panel("intake")
        panel = main.panel("intake")
        settle(self.app, lambda: panel.picker.model.rowCount() > 0)
        return panel

    def sign_out(self) -> None:
        main = self.controller.main_window
        assert main is not None
        main.sign_out_action.trigger()
        settle(self.app, lambda: self.controller.main_window is None)

    def close(self, *, keep_language: bool = False) -> None:
        """Shut the counter down; its English catalogue stays installed with `keep_language` (more windows to shoot),
        to be removed with `remove_translators(app, counter.translators)`."""
        from counter_app.gui.app import remove_translators

        self.controller.shutdown()
        (self.controller.sign_in or self.sign_in).close()
        self.store.close()
        if not keep_language:
            remove_translators(self.app, self.translators)


def run(shoot: Callable[..., None], argv: list[str] | None, description: str) -> int:
    """The screenshot tools' command line (`--out`, `--lang`): each language shot on a throw-away folder, on the
    fixed clock; `shoot(lang, out, work, app, clock)` takes the clock to move it on."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["vi", "en"], choices=["vi", "en"])
    args = parser.parse_args(argv)
    from counter_app.gui.app import ensure_application

    app = ensure_application()
    args.out.mkdir(parents=True, exist_ok=True)
    with (
        time_machine.travel(SHOT_TIME, tick=True) as clock,
        tempfile.TemporaryDirectory(prefix="counter-shots-") as work,
    ):
        for lang in args.lang:
            clock.move_to(SHOT_TIME)
            shoot(lang, args.out, Path(work), app, clock)
    return 0


def shoot(lang: str, out: Path, work: Path, app: QApplication, clock: object = None) -> None:
    counter = DemoCounter(app, lang, work)
    store, sign_in = counter.store, counter.sign_in
    sign_in.resize(*SIZE)
    sign_in.username.setText("canbo")
    settle(app)
    save(sign_in, out / f"{lang}-signin.png")

    main = counter.sign_in_as("canbo")
    panel = counter.intake(main)
    save(main, out / f"{lang}-intake-empty.png")

    # a first citizen received, then the next one typed in: the summary of the last dossier stays visible
    fill(panel, "khai sinh", "Nguyễn Văn An", "001203012345", "Số 1 phố Huế, Phường Mẫu", "0912345678")
    panel.checklist.tick_required()
    panel.outcome.receive_button.click()
    settle(app, lambda: panel.summary.dossier is not None)
    fill(
        panel,
        "chung thuc ban sao",
        "Trần Thị Bích Ngọc",
        "036185004321",
        "12 Lê Lợi, Phường Mẫu",
        "0987 654 321",
    )
    panel.checklist.tick_required()
    settle(app)
    save(main, out / f"{lang}-intake-filled.png")

    # the counter left alone: the lock screen covers the citizen being typed in, who is still there after unlocking
    lock = main.idle_lock
    lock.lock()
    settle(app)
    save(main, out / f"{lang}-locked.png")
    lock.screen.password.setText(DEMO_PASSWORD)
    lock.screen.unlock_button.click()
    settle(app, lambda: not lock.is_locked)

    panel.clear()
    fill(panel, "ket hon", "", "12345", "", "0123")
    panel.applicant.applicant.editors["email"].setText("an@@example")
    panel.applicant.validate(show_all=True)
    panel._update_state()
    settle(app)
    save(main, out / f"{lang}-intake-errors.png")

    panel.clear()
    main.session.account = store.accounts.get("quantri")  # shown as the administrator sees it
    main.settings_action.trigger()  # the dialog opens once the office hours are read
    settle(app, lambda: getattr(main, "settings_dialog", None) is not None)
    dialog = main.settings_dialog
    settle(app)
    save(main, out / f"{lang}-settings.png", dialog)
    dialog.tabs.setCurrentWidget(dialog.unit_form.parentWidget())  # the unit's tab, error rooms reserved
    settle(app)
    save(main, out / f"{lang}-settings-unit.png", dialog)
    # the scanner tab with a scanner in USB-COM mode chosen (not saved: the demo keeps its keyboard scanner)
    dialog.tabs.setCurrentWidget(dialog.ui.devicesTab)
    dialog.scanner_mode.setCurrentIndex(dialog.scanner_mode.findData("serial"))
    dialog.serial_port.setEditText("/dev/ttyACM0")
    dialog.serial_suffix.setCurrentIndex(dialog.serial_suffix.findData("cr"))
    settle(app)
    save(main, out / f"{lang}-settings-scanner.png", dialog)
    dialog.reject()
    dialog.close()
    counter.close()


def fill(panel, search: str, name: str, identifier: str, address: str, phone: str) -> None:
    panel.picker.search.setText(search)
    panel.picker._on_search_return()
    editors = panel.applicant.applicant.editors
    for key, value in (("name", name), ("identifier", identifier), ("address", address), ("phone", phone)):
        editors[key].setText(value)
        panel.applicant._on_fields_left(f"applicant.{key}")
    panel._on_form_changed()


def main(argv: list[str] | None = None) -> int:
    return run(shoot, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
