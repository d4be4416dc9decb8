"""The Qt Designer forms of ui/: their generated modules are in step, and each form is laid out, labelled and ordered.

A generated module (counter_app/gui/forms/ui_<name>.py) must be exactly what `pyside6-uic` makes of its form now
(`make forms`); a form must use layouts only, give every input's label a buddy and list its tab order.
"""

from __future__ import annotations

import importlib
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtWidgets
from PySide6.QtWidgets import QApplication, QLabel, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import build_forms  # noqa: E402

FORMS = build_forms.forms()
#: Widgets a person types into or chooses with: their label needs a buddy, and they belong in the tab order.
INPUTS = {
    "QLineEdit",
    "QPlainTextEdit",
    "QTextEdit",
    "QSpinBox",
    "QDoubleSpinBox",
    "QComboBox",
    "QCheckBox",
    "QRadioButton",
    "QDateEdit",
    "QDateTimeEdit",
}
#: Further widgets Tab stops at.
TAB_STOPS = INPUTS | {"QPushButton", "QToolButton", "QTableView", "QTreeView", "QListView", "QTabWidget"}
#: Containers whose children are pages placed by the container itself, not by a layout.
PAGE_CONTAINERS = {"QTabWidget", "QStackedWidget", "QToolBox", "QScrollArea", "QWizard", "QSplitter"}


def form_id(form: Path) -> str:
    return form.name


def parse(form: Path) -> ET.Element:
    return ET.parse(form).getroot()


def classes(root: ET.Element) -> dict[str, str]:
    """Object name → the Qt class it is (a promoted widget counts as the class it extends)."""
    promoted = {c.findtext("class"): c.findtext("extends") for c in root.iter("customwidget")}
    return {w.get("name"): promoted.get(w.get("class"), w.get("class")) for w in root.iter("widget")}


def test_there_are_forms_and_each_has_its_module_and_no_module_is_left_without_a_form() -> None:
    assert len(FORMS) >= 10
    modules = {p.name for p in build_forms.modules()}
    assert modules == {build_forms.module_path(form).name for form in FORMS}
    assert (build_forms.PACKAGE / "__init__.py").exists()


@pytest.mark.parametrize("form", FORMS, ids=form_id)
def test_the_generated_module_is_what_uic_makes_of_the_form_now(form: Path) -> None:
    generated = build_forms.module_path(form).read_text(encoding="utf-8")
    assert generated.startswith(f"# Generated from ui/{form.name} by `make forms`")
    assert generated == build_forms.generate(form), f"run `make forms`: ui/{form.name} changed since"


def test_a_changed_form_is_reported_as_out_of_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forms, package = tmp_path / "ui", tmp_path / "forms"
    forms.mkdir()
    source = FORMS[0].read_text(encoding="utf-8")
    (forms / FORMS[0].name).write_text(source, encoding="utf-8")
    monkeypatch.setattr(build_forms, "FORMS", forms)
    monkeypatch.setattr(build_forms, "PACKAGE", package)
    monkeypatch.setattr(build_forms, "ROOT", tmp_path)
    assert build_forms.stale() != []  # nothing generated yet
    build_forms.build()
    assert build_forms.stale() == []
    (forms / FORMS[0].name).write_text(
        source.replace("<ui ", "<!-- moved a field -->\n<ui ", 1), encoding="utf-8"
    )
    assert any("differs" in problem for problem in build_forms.stale())  # edited after generating
    (package / "ui_orphan.py").write_text("", encoding="utf-8")
    assert any("no form" in problem for problem in build_forms.stale())
    build_forms.build()
    assert build_forms.stale() == [] and not (package / "ui_orphan.py").exists()


@pytest.mark.parametrize("form", FORMS, ids=form_id)
def test_the_form_is_laid_out_without_absolute_geometry(form: Path) -> None:
    root = parse(form)
    top = root.find("widget")
    assert top is not None and top.find("layout") is not None, "the window itself has a layout"
    kinds = classes(root)
    for widget in top.iter("widget"):
        if widget is not top:
            assert widget.find("property[@name='geometry']") is None, (
                f"{widget.get('name')} is placed by hand"
            )
        loose = [child.get("name") for child in widget.findall("widget")]
        if loose and kinds[widget.get("name")] not in PAGE_CONTAINERS:
            raise AssertionError(f"{widget.get('name')} holds {loose} outside a layout")


@pytest.mark.parametrize("form", FORMS, ids=form_id)
def test_the_form_is_written_the_way_designer_keeps_it(form: Path) -> None:
    """What Designer would silently change on its next save: the class named after the top widget (it is the
    translation context), a plain widget holding a layout turned into a bare layout, `Qt::AlignCenter` on an item."""
    root = parse(form)
    assert root.findtext("class") == root.find("widget").get("name")
    for layout in root.iter("layout"):
        for item in layout.findall("item"):
            assert "AlignCenter" not in (item.get("alignment") or ""), (
                "write Qt::AlignHCenter|Qt::AlignVCenter"
            )
            widget = item.find("widget")
            if widget is not None and widget.get("class") == "QWidget" and widget.find("layout") is not None:
                assert widget.get("native") == "true", (
                    f'{widget.get("name")}: a container needs native="true"'
                )


def _field_inputs(item: ET.Element, kinds: dict[str, str]) -> list[str]:
    return [w.get("name") for w in item.iter("widget") if kinds[w.get("name")] in INPUTS]


@pytest.mark.parametrize("form", FORMS, ids=form_id)
def test_every_label_of_an_input_names_it_as_its_buddy(form: Path) -> None:
    root = parse(form)
    kinds = classes(root)
    for layout in root.iter("layout"):
        if layout.get("class") not in ("QFormLayout", "QGridLayout"):
            continue
        cells = {(i.get("row"), i.get("column")): i for i in layout.findall("item")}
        for (row, column), cell in cells.items():
            label = cell.find("widget")
            field = cells.get((row, str(int(column or 0) + 1)))
            if label is None or kinds[label.get("name")] != "QLabel" or field is None:
                continue
            inputs = _field_inputs(field, kinds)
            if inputs:
                buddy = label.findtext("property[@name='buddy']/cstring")
                assert buddy in inputs, f"{label.get('name')} labels {inputs} but its buddy is {buddy}"
    for label in root.iter("widget"):
        buddy = label.findtext("property[@name='buddy']/cstring")
        assert buddy is None or buddy in kinds, f"{label.get('name')} names a buddy that does not exist"


@pytest.mark.parametrize("form", FORMS, ids=form_id)
def test_the_form_lists_its_tab_order(form: Path) -> None:
    root = parse(form)
    kinds = classes(root)
    stops = [t.text for t in root.iter("tabstop")]
    wanted = {name for name, kind in kinds.items() if kind in TAB_STOPS}
    assert stops, "no tab order"
    assert len(stops) == len(set(stops)) and set(stops) <= set(kinds)
    assert wanted <= set(stops), f"not in the tab order: {sorted(wanted - set(stops))}"


@pytest.mark.parametrize("form", FORMS, ids=form_id)
def test_the_generated_class_builds_its_window(qapp: QApplication, form: Path) -> None:
    root = parse(form)
    name = root.findtext("class")
    base = getattr(QtWidgets, root.find("widget").get("class"))
    module = importlib.import_module(f"counter_app.gui.forms.{build_forms.module_path(form).stem}")
    window: QWidget = base()
    ui = getattr(module, f"Ui_{name}")()
    ui.setupUi(window)
    try:
        assert window.objectName() == root.find("widget").get("name")
        assert window.layout() is not None
        labels = [w for w in window.findChildren(QLabel) if w.buddy() is not None]
        assert all(label.buddy().window() is window for label in labels)
    finally:
        window.deleteLater()
