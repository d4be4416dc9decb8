"""Entry point of the GUI: `counter-app` without a sub-command opens the counter window (or the demo profile)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..app.base import CounterApp
    from ..cli.context import CliContext
    from ..settings import CounterSettings
    from .controller import CounterController

DEMO_FOLDER = "demo"


def demo_data_dir(data_dir: Path, data_dir_given: bool) -> Path:
    """The demo profile's folder: the folder given with --data-dir, else `demo` inside the default data folder."""
    return data_dir if data_dir_given else data_dir / DEMO_FOLDER


def interface_language(settings: CounterSettings, ctx_lang: str, lang_given: bool) -> str:
    """The language of the windows: `--lang` when given on the command line, else the one saved in Settings, else
    the environment's (`ctx_lang`)."""
    from ..settings import CounterSettings

    if lang_given or not settings.is_stored(CounterSettings.language):
        return ctx_lang
    return settings.language


def prepare(
    ctx: CliContext, demo: bool, kiosk: bool, data_dir_given: bool, lang_given: bool = False
) -> CounterController | int:
    """Create the application and show its first window; returns the controller, or an exit code.

    `--demo` on a folder holding a configured profile raises `DemoRefusedError` before any window or write;
    `lang_given`: `--lang` was on the command line and overrides the saved language for this run.
    """
    from ..settings import CounterSettings
    from .app import ensure_application, install_translators

    data_dir = demo_data_dir(Path(ctx.data_dir), data_dir_given) if demo else Path(ctx.data_dir)
    if demo:
        from ..app.profile import refuse_demo_over_real

        refuse_demo_over_real(data_dir)
    app = ensure_application()
    settings = CounterSettings.for_data_dir(data_dir)
    lang = interface_language(settings, ctx.lang, lang_given)
    install_translators(app, lang)
    if kiosk:
        return _start_kiosk(data_dir, demo, settings, lang)

    from .controller import CounterController

    controller = CounterController(None, settings, lang, demo, open_app=lambda: open_app(data_dir, demo))
    controller.start()
    return controller


def _start_kiosk(data_dir: Path, demo: bool, settings: object, lang: str) -> int:
    """The citizens' self-lookup kiosk (full screen, left only with an administrator's password)."""
    from PySide6.QtWidgets import QApplication

    from .kiosk import KioskWindow

    app = open_app(data_dir, demo)  # before any window: a damaged profile is one sentence and exit 2
    window = KioskWindow(app, settings, lang)  # type: ignore[arg-type]
    window.show_kiosk()
    try:
        return int(QApplication.instance().exec())  # type: ignore[union-attr]
    finally:
        app.close()


def open_app(data_dir: Path, demo: bool) -> CounterApp:
    """Open (and migrate) the counter's profile; fill the demo profile when asked (`app.profile.open_profile`).
    The window runs it on a worker thread."""
    from ..app.profile import open_profile

    return open_profile(data_dir, demo=demo)


def launch(ctx: CliContext, demo: bool, kiosk: bool, data_dir_given: bool, lang_given: bool = False) -> int:
    """Run the GUI until the last window closes; returns the process exit code."""
    prepared = prepare(ctx, demo, kiosk, data_dir_given, lang_given)
    if isinstance(prepared, int):
        return prepared
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    try:
        return int(app.exec())
    finally:
        prepared.shutdown()
        if prepared.app is not None:
            prepared.app.close()
