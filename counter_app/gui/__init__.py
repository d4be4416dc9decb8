"""The counter's Qt interface: sign-in, the first-run wizard, the main window and its panels.

How the pieces fit (read this before adding a panel):

- `launcher.launch(ctx, demo, kiosk, data_dir_given)` is what `counter-app` runs without a sub-command. It
  creates the QApplication (`app.py`: fonts, translators), opens the `CounterStore`, and hands over to
  `controller.CounterController`, which shows the wizard (unconfigured store), then the sign-in screen, then
  `main_window.MainWindow` for the signed-in officer.
- Every window and panel receives a `session.Session`: the store (core objects only, never peewee rows),
  the `tasks.TaskRunner`, the typed device settings (`counter_app.settings.CounterSettings`), the signed-in
  `Account`, the unit and the language.
- Background work goes through `session.runner` only: `runner.write(fn, *args, on_done=…, on_error=…)` for
  database writes (one writer thread), `runner.run(...)` for reads, rendering and network. Callbacks run in
  the GUI thread; no widget is touched from a worker.

Panels: intake F5, hand-over "Trả kết quả" F6, dossier tracking F8, leaders' dashboard F9. The USB scanner
(`devices.qt_wedge.ScannerEventFilter`, installed by the main window on the application) opens scanned codes in
the hand-over panel whichever widget has focus. Adding a panel:

1. Create a module `counter_app/gui/<feature>/panel.py` with a QWidget and a function
   `create_panel(session: Session, parent: QWidget | None) -> PanelEntry`, returning
   `PanelEntry(key, widget, title, shortcut, actions)`; e.g. `PanelEntry("handover", w, w.tr("Trả kết quả"), "F6",
   [...])`.
2. Its module name is listed in `main_window.PANEL_MODULES` (`intake.panel`, `handover.panel`), or a feature package's
   `install(window, session)` is listed in `main_window.FEATURES` (`tracking`: list, dossier page, dashboard, warnings);
   add any other one there. Missing modules are skipped, so the window works before the panel exists.
3. The main window adds the panel to its stack, an entry with the shortcut to the "Chức năng" menu, and a
   menu of the panel's `actions` shown while the panel is current. Give panel-specific actions the shortcut
   context `Qt.WidgetWithChildrenShortcut` (see `intake.panel.IntakePanel._action`) so two panels may reuse
   a key such as Ctrl+F; actions with a window-wide context keep working while another panel is shown (the
   intake's Ctrl+N). A panel with an `activation_requested` signal is brought to the front when it emits it.
   Use `MainWindow.add_panel(...)` directly for anything assembled at run time.
4. Name signals for events (`dossier_received = Signal(object)`), handlers `_on_<source>_<event>`, and make
   connections in one `_connect()` method. User-facing text goes through `self.tr()` in Vietnamese; run
   `python tools/build_translations.py --update` and translate the new entries of
   `resources/translations/counter_app_en.ts`.

Other hooks: the status bar's sync label (`statusbar.CounterStatusBar.set_sync_state`, objectName "syncState")
is for the sync engine; `printing.FormPrinter` prints any form of a dossier; `formats` formats dates and money.
"""
