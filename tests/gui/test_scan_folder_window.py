"""The office scanner's folder at the counter: set in Settings (a folder that does not exist is refused in one
sentence), then, from the intake checklist and from the dossier page, the files the scanner saves while the dialog
is open are listed once whole, put in order, and kept as the component's one PDF; files already in the folder and
files dropped from the list are not used, and nothing on disk is deleted."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
from gui_helpers import sign_in
from pypdf import PdfWriter
from pytestqt.qtbot import QtBot
from test_intake import choose_birth_registration, fill_applicant, tick_rows

from counter_app.devices.page_samples import photograph
from counter_app.gui.intake.panel import IntakePanel
from counter_app.gui.widgets import accept_button
from counter_app.settings import CounterSettings


def _pdf_bytes(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scan_in_two_parts(path: Path, data: bytes) -> None:
    """As a scanner writing over the network: the first half, then the rest."""
    with path.open("wb") as out:
        out.write(data[: len(data) // 2])
        out.flush()
        out.write(data[len(data) // 2 :])


def _photo_bytes(seed: int) -> bytes:
    ok, encoded = cv2.imencode(".jpg", photograph(seed, turn_degrees=4).frame)
    assert ok
    return encoded.tobytes()


def test_the_intake_takes_a_component_from_the_scanners_folder(
    qtbot: QtBot, intake: IntakePanel, counter_store, tmp_path: Path
) -> None:
    folder = tmp_path / "may-quet"
    folder.mkdir()
    (folder / "cua-nguoi-khac.pdf").write_bytes(_pdf_bytes(5))  # there before: not this citizen's
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    tick_rows(qtbot, intake, [1, 2, 6])
    papers = intake.papers
    assert not papers.scanner_button.isEnabled()  # no folder set yet
    intake.session.settings.scan_folder = str(folder)
    papers.update_buttons()
    assert papers.scanner_button.isEnabled()

    row = next(i for i, r in enumerate(intake.checklist.model.rows) if r.component.number == 2)
    intake.checklist.table.setCurrentIndex(intake.checklist.model.index(row, 0))
    with qtbot.waitSignal(papers.scanner_opened, timeout=10000) as opened:
        papers.from_scanner()
    dialog = opened.args[0]
    _scan_in_two_parts(folder / "scan_0001.pdf", _pdf_bytes(2))
    _scan_in_two_parts(folder / "scan_0002.jpg", _photo_bytes(51))
    (folder / "scan_0003.pdf.part").write_bytes(b"%PDF-still being written")
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=15000)
    assert [p.name for p in dialog.files()] == ["scan_0001.pdf", "scan_0002.jpg"]
    dialog.list.setCurrentRow(1)
    dialog.move_file(-1)  # the photographed page first
    assert [p.name for p in dialog.files()] == ["scan_0002.jpg", "scan_0001.pdf"]

    with qtbot.waitSignal(papers.prepared, timeout=20000) as kept:
        accept_button(dialog.buttons).click()
    paper = kept.args[0]
    assert (paper.component, paper.pages) == (2, 3)
    assert intake.checklist.paper(2) == paper
    assert sorted(p.name for p in folder.iterdir()) == [
        "cua-nguoi-khac.pdf", "scan_0001.pdf", "scan_0002.jpg", "scan_0003.pdf.part",
    ]  # fmt: skip


def test_settings_refuse_a_folder_that_is_not_there_and_keep_one_that_is(
    qtbot: QtBot, controller, settings: CounterSettings, tmp_path: Path
) -> None:
    main = sign_in(qtbot, controller)
    with qtbot.waitSignal(main.settings_dialog_opened, timeout=10000):
        main.settings_action.trigger()
    dialog = main.settings_dialog
    dialog.scan_folder.setText(str(tmp_path / "khong-co"))
    accept_button(dialog.buttons).click()
    assert dialog.isVisible() and "không tồn tại" in dialog.scan_folder_error.text()
    assert CounterSettings.for_data_dir(Path(settings.path).parent).scan_folder == ""
    dialog.scan_folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        accept_button(dialog.buttons).click()
    assert CounterSettings.for_data_dir(Path(settings.path).parent).scan_folder == str(tmp_path)
