"""The counter's Qt interface: sign-in, the first-run wizard, the main window and its panels.

How the pieces fit (read this before adding a panel):

- `launcher.launch(ctx, demo, kiosk, data_dir_given, lang_given)` is what `counter-app` runs without a sub-command
  (`--lang` given wins over the language saved in Settings). It creates the QApplication (`app.py`: fonts,
  translators), opens the profile (`counter_app.app.profile`) on a worker, and hands over to
  `controller.CounterController`, which shows the wizard (unconfigured profile), then the sign-in screen, then
  `main_window.MainWindow` for the signed-in officer.
- Every window and panel receives a `session.Session`: the application (`counter_app.app.CounterApp`), the
  `tasks.TaskRunner`, the typed device settings (`counter_app.settings.CounterSettings`), the signed-in
  `Account`, the unit and the language. The window never imports `counter_app.storage` (import-linter says so).
- Data is reached only through application operations, off the GUI thread:
  `session.submit(tracking.search, text, on_done=…, on_error=…)` runs `runner.submit(op, app, account, …)`, a read
  on the pool, a write on the single writer. `runner.run(fn, …)` is for other work (rendering, decoding). After
  each write the runner emits `changed(Changes)`: a panel that shows data connects it in its `_connect()` and
  refreshes what the change touched. Callbacks run in the GUI thread; no widget is touched from a worker. Other
  worker threads (camera, sync) report through `bridge.WorkerBridge`. Who may do what is `session.may(Operation.X)`.

Panels: intake F5, hand-over "Trả kết quả" F6, dossier tracking F8, leaders' dashboard F9. The USB scanner
(`devices.qt_wedge.ScannerEventFilter`, installed by the main window on the application) opens scanned codes in
the hand-over panel whichever widget has focus. Adding a panel:

1. Create a module `counter_app/gui/<feature>/panel.py` with a QWidget, the `OPERATION` an account must be allowed
   to see it (`core.roles.Operation`, VIEW when absent), and a function
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
