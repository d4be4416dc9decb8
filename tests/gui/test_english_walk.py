"""Every window in English, walked as an officer would open it, fails on a Vietnamese word left in the interface.

What is checked: the texts a window's own code puts on screen through `tr()` (labels, buttons, titles, group titles,
tab names, column headings, placeholders, tooltips, menu entries, combo-box entries, wizard titles) of every widget
of the window, shown or not yet shown.

Vietnamese is told by its letters: ă â đ ê ô ơ ư and the five tone marks (grave, acute, tilde, hook above, dot
below), looked for in the decomposed text, so "Đức" and "Nguyễn" are found however they were typed.

The allow-list: data is Vietnamese by nature and stays so in an English window. Taken out of a text before it is
looked at:
- every text stored in the profile's database (procedure names, papers, fields and agencies of the catalogue; the
  unit's names and place; the processing units; officers' full names; citizens' names, addresses, reasons and notes
  in the dossiers), and the kiosk's masked form of a citizen's name;
- the names of Vietnam's public holidays (the `holidays` package's own data);
- the numbers of Vietnamese legal documents ("Decree 118/2025/NĐ-CP", "Decision 766/QĐ-TTg");
- examples of what an officer types onto the Vietnamese forms, which must be typed in Vietnamese whatever the
  window's language (`TYPED_EXAMPLES`: the unit's names, a signer's title);
- proper names: the Vietnamese language's own name in the language chooser ("Tiếng Việt") and the publisher's
  registered name in the About box (the same in the Windows file properties).
Whatever Vietnamese is left came from the code, and must have an English translation.
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import holidays
import pytest
from gui_helpers import PASSWORD, sign_in
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from counter_app import APP_PUBLISHER
from counter_app.app import CounterApp
from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.listing import mask_name
from counter_app.core.model import Dossier, Person, Status
from counter_app.gui.app import install_translators, remove_translators
from counter_app.gui.controller import CounterController
from counter_app.settings import CounterSettings
from counter_app.storage.store import CounterStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import build_translations  # noqa: E402

#: Marks that make a Latin letter Vietnamese once decomposed: grave, acute, tilde, hook above, dot below (tones),
#: breve (ă), circumflex (â ê ô), horn (ơ ư); and the letter đ itself.
VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b")
#: The language chooser names each language in its own words; the publisher's name is the same in every language.
OWN_NAMES = ("Tiếng Việt", APP_PUBLISHER)
#: Examples in placeholders and tooltips of text typed onto the Vietnamese forms (printed as typed).
TYPED_EXAMPLES = (
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG …",
    "Trung tâm Phục vụ hành chính công phường Ba Đình",
    "UBND PHƯỜNG …",
    "Phường …",
    "KT. Chủ tịch / Phó Chủ tịch",
    "Chủ tịch",
)
#: A Vietnamese legal document's number: 118/2025/NĐ-CP, 766/QĐ-TTg, 03/2025/TT-VPCP.
DOCUMENT_NUMBER = re.compile(r"\b\d+(?:/\d{4})?/[A-ZĐ][A-Za-zĐ]*(?:-[A-ZĐ][A-Za-zĐ]*)*")
TAGS = re.compile(r"<[^>]+>")


def is_vietnamese(text: str) -> bool:
    decomposed = unicodedata.normalize("NFD", text)
    return any(ch in VIETNAMESE_MARKS or ch in "đĐ" for ch in decomposed)


def _strings(value: object) -> Iterator[str]:
    """Every string in a stored value, inside JSON documents too."""
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in "{[":
            try:
                yield from _strings(json.loads(text))
                return
            except ValueError:
                pass
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def stored_data(store: CounterStore) -> list[str]:
    """The allow-list: every Vietnamese text the profile's database holds, and holiday names, longest first."""
    found: set[str] = set()
    tables = [row[0] for row in store.db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        if table.startswith("sqlite_") or "_fts" in table or table.startswith("search"):
            continue
        for row in store.db.execute_sql(f'SELECT * FROM "{table}"'):  # noqa: S608 (table names from the schema)
            for value in row:
                found.update(s for s in _strings(value) if is_vietnamese(s))
    for year in (2025, 2026, 2027):
        for name in holidays.country_holidays("VN", years=year, language="vi").values():
            found.update(part.strip() for part in name.split(";"))
    found.update(mask_name(text) for text in list(found))  # the kiosk's "Lê T** M**"
    found.update(OWN_NAMES + TYPED_EXAMPLES)
    variants = {unicodedata.normalize("NFC", text) for text in found if text.strip()}
    variants |= {text.upper() for text in variants}
    return sorted(variants, key=len, reverse=True)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for each text of `widget` that the code sets (not what the user types)."""
    name = f"{type(widget).__name__}#{widget.objectName() or '?'}"
    if widget.isWindow():
        yield name + ".windowTitle", widget.windowTitle()
    yield name + ".toolTip", widget.toolTip()
    yield name + ".statusTip", widget.statusTip()
    if isinstance(widget, QLabel):
        yield name + ".text", widget.text()
    if isinstance(widget, QAbstractButton):
        yield name + ".text", widget.text()
    if isinstance(widget, QGroupBox):
        yield name + ".title", widget.title()
    if isinstance(widget, QLineEdit):
        yield name + ".placeholder", widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield name + ".placeholder", widget.placeholderText()
        if widget.isReadOnly():
            yield name + ".text", widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield name + ".placeholder", widget.placeholderText()
        for i in range(widget.count()):
            yield f"{name}.item{i}", widget.itemText(i)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name}.tab{i}", widget.tabText(i)
            yield f"{name}.tabToolTip{i}", widget.tabToolTip(i)
    if (
        isinstance(widget, QAbstractItemView)
        and not isinstance(widget, QListView)
        and widget.model() is not None
    ):
        model = widget.model()  # (a list has no headings)
        for column in range(model.columnCount()):
            yield f"{name}.heading{column}", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    if isinstance(widget, QWizardPage):
        yield name + ".title", widget.title()
        yield name + ".subTitle", widget.subTitle()
    if isinstance(widget, QMenu):
        yield name + ".title", widget.title()
    for action in widget.actions():
        where = f"{name}.action#{action.objectName() or '?'}"
        yield where + ".text", action.text()
        yield where + ".toolTip", action.toolTip()
        if action.menu() is not None:
            yield from window_texts(action.menu())


def window_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    yield from widget_texts(window)
    for child in window.findChildren(QWidget):
        yield from widget_texts(child)


class Walk:
    """Collects what is left in Vietnamese, state by state."""

    def __init__(self, allowed: list[str]) -> None:
        self.allowed = allowed
        self.left: dict[str, set[str]] = {}
        self.states: list[str] = []

    def look(self, state: str, *windows: QWidget) -> None:
        self.states.append(state)
        for window in windows:
            for where, text in window_texts(window):
                remaining = html.unescape(TAGS.sub(" ", unicodedata.normalize("NFC", text or "")))
                remaining = DOCUMENT_NUMBER.sub(" ", remaining)
                for data in self.allowed:
                    if data in remaining:
                        remaining = remaining.replace(data, " ")
                remaining = self.without_shortened_data(remaining)
                if is_vietnamese(remaining):
                    self.left.setdefault(text, set()).add(f"{state}: {where}")

    def without_shortened_data(self, text: str) -> str:
        """`text` without data cut short to fit ("Giấy tờ tùy thân của người yêu cầu (Thẻ căn…"): the longest run
        before each "…" that begins a stored text."""
        while "…" in text:
            end = text.index("…")
            start = next(
                (
                    s
                    for s in range(max(0, end - 300), end - 5)
                    if any(data.startswith(text[s:end].lstrip()) for data in self.allowed)
                ),
                end,
            )
            text = text[:start] + " " + text[end + 1 :]
        return text

    def report(self) -> str:
        return "\n".join(f"{text!r}  ({sorted(where)[0]})" for text, where in sorted(self.left.items()))


def settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(20)
    QApplication.processEvents()


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The English catalogue as it is in the tree, compiled now."""
    qm = build_translations.compile_ts(build_translations.ts_path("en"), tmp_path / "counter_app_en.qm")
    before = QLocale()
    translators = install_translators(qapp, "en", qm.parent)
    assert translators, "the English .qm did not load"
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(before)


def receive_dossier(store: CounterStore, name: str, at: datetime, appointment: datetime) -> Dossier:
    """A dossier received at the counter (code, book entry and outbox as the intake writes them)."""
    unit = store.require_unit()
    procedure = store.procedure("1.004873")
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, "001090012345", address="12 Phố Huế", phone="0912345678"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    return store.dossiers.create(lambda allocate: receive(draft, allocate(at.date()), appointment), "canbo")


@pytest.fixture
def dossiers(counter_store: CounterStore) -> list[Dossier]:
    """A late dossier in processing (the deadline notice shows), one with its result ready, one just received."""
    now = datetime.now().replace(microsecond=0)  # pinned
    late = receive_dossier(counter_store, "Lê Thị Muộn", now - timedelta(days=6), now - timedelta(days=1))
    late = counter_store.advance(
        late.id,
        Status.PROCESSING,
        officer="canbo",
        at=now - timedelta(days=5),
        unit="Công chức Tư pháp - Hộ tịch",
    )
    ready = receive_dossier(counter_store, "Phạm Văn Sớm", now - timedelta(days=3), now + timedelta(days=2))
    ready = counter_store.advance(ready.id, Status.PROCESSING, officer="canbo", at=now - timedelta(days=3))
    ready = counter_store.advance(ready.id, Status.RESULT_READY, officer="xuly", at=now - timedelta(days=1))
    fresh = receive_dossier(counter_store, "Trần Thị Bích", now - timedelta(hours=1), now + timedelta(days=4))
    return [late, ready, fresh]


@pytest.fixture
def walk(counter_store: CounterStore, dossiers: list[Dossier]) -> Walk:
    return Walk(stored_data(counter_store))


@pytest.fixture
def english_controller(english: None, qapp: QApplication, counter_store: CounterStore, settings) -> Iterator:
    controller = CounterController(CounterApp(counter_store), settings, "en", demo=True)
    controller.start()
    yield controller
    controller.shutdown()
    for widget in (controller.main_window, controller.sign_in, controller.wizard):
        if widget is not None:
            widget.close()
    qapp.processEvents()


def test_the_detector_finds_vietnamese_and_lets_english_and_data_through() -> None:
    assert is_vietnamese("cũ nhất")
    assert is_vietnamese("oldest 7 phút")
    assert is_vietnamese("Đ") and is_vietnamese(unicodedata.normalize("NFD", "Nguyễn"))
    assert not is_vietnamese("Oldest 7 min · 1 error remains — «Receive»")
    assert DOCUMENT_NUMBER.sub("", "Decree 118/2025/NĐ-CP and Decision 766/QĐ-TTg") == "Decree  and Decision "
    walk = Walk(["Nguyễn Văn An"])
    label = QLabel("Applicant: <b>Nguyễn Văn An</b>")
    walk.look("data", label)
    assert walk.left == {}
    label.setText("Missing: 1. Nguyễn Vă…")  # data shortened to fit
    walk.look("shortened data", label)
    assert walk.left == {}
    label.setText("Người nộp: Nguyễn Văn An")
    walk.look("code", label)
    assert list(walk.left) == ["Người nộp: Nguyễn Văn An"]


def test_the_main_window_and_every_panel_in_english(
    qtbot: QtBot, english_controller, walk: Walk, dossiers: list[Dossier]
) -> None:
    controller = english_controller
    sign_in_window = controller.sign_in
    walk.look("sign-in", sign_in_window)
    main = sign_in(qtbot, controller, "quantri")
    for key in list(main.panels):
        main.show_panel(key)
        settle(qtbot)
        walk.look(f"panel {key}", main)

    # intake: a procedure chosen (its papers listed), the applicant typed wrong, the dialogs of an intake
    intake = main.panel("intake")
    main.show_panel("intake")
    qtbot.waitUntil(lambda: intake.picker.model.rowCount() > 0, timeout=10000)
    intake.picker.search.setText("khai sinh")
    intake.picker._on_search_return()
    qtbot.waitUntil(lambda: intake.procedure is not None, timeout=5000)
    editors = intake.applicant.applicant.editors
    editors["identifier"].setText("12345")
    editors["birth_date"].setText("31/02/1995")
    editors["phone"].setText("0123")
    intake.applicant.has_representative.setChecked(True)
    intake.applicant.validate(show_all=True)
    intake._update_state()
    settle(qtbot)
    walk.look("intake with errors", main)
    from counter_app.gui.intake.outcome import RefuseDialog, SupplementDialog

    supplement = SupplementDialog([c.name for c in intake.checklist.missing()], main)
    supplement.show()
    walk.look("supplement dialog", supplement)
    supplement.reject()
    refusal = RefuseDialog("", main)
    refusal.show()
    walk.look("refusal dialog", refusal)
    refusal.reject()

    # tracking: every quick view, a dossier's page with its moves, the move dialogs
    tracking = main.panel("tracking")
    main.show_panel("tracking")
    for view, button in tracking.list.view_buttons.items():
        with qtbot.waitSignal(tracking.list.list_loaded, timeout=10000):
            button.click()
        walk.look(f"list {view}", main)
    dossier = dossiers[0]
    with qtbot.waitSignal(tracking.page.dossier_loaded, timeout=10000):
        tracking.open_dossier(dossier.id)
    settle(qtbot)
    walk.look("dossier page", main)
    from counter_app.gui.tracking.actions import MOVES, MoveDialog

    for action in MOVES:
        dialog = MoveDialog(action, dossier, ["Công chức Tư pháp - Hộ tịch"], datetime.now(), main)
        walk.look(f"move dialog {action.key}", dialog)
        dialog.deleteLater()

    # hand-over of a dossier found by its code
    handover = main.panel("handover")
    main.show_panel("handover")
    with qtbot.waitSignal(handover.dossier_opened, timeout=10000):
        handover.open_code(dossiers[1].code or "")
    settle(qtbot)
    walk.look("hand-over with a dossier", main)

    # dashboard figures loaded
    main.show_panel("dashboard")
    qtbot.waitUntil(lambda: main.panel("dashboard").report is not None, timeout=20000)
    settle(qtbot)
    walk.look("dashboard", main)

    # F9 refused for a role without it is checked in test_landing; the shortcuts, about, accounts, settings
    main.shortcuts_action.trigger()
    box = main.findChild(QMessageBox, "shortcutsHelp")
    walk.look("shortcuts", box)
    box.close()
    main.about_action.trigger()
    walk.look("about", main.about_box)
    main.about_box.close()
    main.accounts_action.trigger()
    accounts = main.accounts_dialog
    walk.look("accounts", accounts)
    from counter_app.gui.accounts_dialog import PasswordDialog

    walk.look("new account", PasswordDialog("", True, accounts))
    walk.look("reset password", PasswordDialog("", False, accounts))
    accounts.reject()
    main.settings_action.trigger()
    qtbot.waitUntil(lambda: getattr(main, "settings_dialog", None) is not None, timeout=10000)
    walk.look("settings", main.settings_dialog)
    main.settings_dialog.reject()

    # the lock screen over the window
    main.idle_lock.lock()
    settle(qtbot)
    walk.look("locked", main)
    main.idle_lock.screen.password.setText(PASSWORD)
    main.idle_lock.screen.unlock_button.click()
    qtbot.waitUntil(lambda: not main.idle_lock.is_locked, timeout=10000)

    assert len(walk.states) > 20
    assert walk.left == {}, "Vietnamese left in the English windows:\n" + walk.report()


def test_a_leader_and_a_processing_officer_in_english(
    qtbot: QtBot, english_controller, walk: Walk, dossiers: list[Dossier]
) -> None:
    controller = english_controller
    dossier = dossiers[0]
    for username in ("lanhdao", "xuly"):
        main = sign_in(qtbot, controller, username)
        tracking = main.panel("tracking")
        main.show_panel("tracking")
        with qtbot.waitSignal(tracking.page.dossier_loaded, timeout=10000):
            tracking.open_dossier(dossier.id)
        settle(qtbot)
        walk.look(f"{username}: dossier page", main)
        with qtbot.waitSignal(controller.signed_out):
            main.sign_out_action.trigger()
        walk.look(f"{username}: signed out", controller.sign_in)
    assert walk.left == {}, "Vietnamese left in the English windows:\n" + walk.report()


def test_the_first_run_wizard_in_english(qtbot: QtBot, english: None, tmp_path: Path) -> None:
    store = CounterStore(tmp_path / "fresh")
    controller = CounterController(CounterApp(store), CounterSettings.for_data_dir(tmp_path / "fresh"), "en")
    controller.start()
    wizard = controller.wizard
    assert isinstance(wizard, QWizard)
    walk = Walk(stored_data(store))
    walk.look("wizard: the unit", wizard)
    assert not wizard.unit_page.validatePage()  # errors beside the fields
    walk.look("wizard: the unit's errors", wizard)
    wizard.next()
    walk.look("wizard: the administrator", wizard)
    controller.shutdown()
    wizard.close()
    store.close()
    assert walk.left == {}, "Vietnamese left in the English windows:\n" + walk.report()


def test_the_kiosk_in_english(
    qtbot: QtBot, english: None, counter_store: CounterStore, settings, walk: Walk, dossiers: list[Dossier]
) -> None:
    from counter_app.gui.kiosk import KioskWindow

    kiosk = KioskWindow(CounterApp(counter_store), settings, lang="en")
    qtbot.addWidget(kiosk)
    kiosk.show()
    walk.look("kiosk start", kiosk)
    dossier = dossiers[0]
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000):
        kiosk.look_up(dossier.code or "")
    settle(qtbot)
    walk.look("kiosk result", kiosk)
    with qtbot.waitSignal(kiosk.lookup_finished, timeout=10000):
        kiosk.look_up("000.00.06.H56-261130-9999")  # no such dossier
    walk.look("kiosk nothing found", kiosk)
    kiosk.ask_unlock()
    walk.look("kiosk unlock", kiosk.unlock_dialog)
    kiosk.unlock_dialog.reject()
    kiosk.close()
    assert walk.left == {}, "Vietnamese left in the English windows:\n" + walk.report()
