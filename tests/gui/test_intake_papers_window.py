"""Digitising during intake, through the real intake panel: a component from a photographed file, another with the
camera (a filmed desk read through the webcam's own path), shown in the checklist's "Số hóa" column and named by
the draft; received, the dossier holds both as attachments; a copy taken again or dropped, or the papers of an
intake started over, leave no file behind."""

from __future__ import annotations

from pathlib import Path

import cv2
from pytestqt.qtbot import QtBot
from test_intake import choose_birth_registration, fill_applicant, tick_rows

from counter_app.app import CounterApp, digitise
from counter_app.devices.camera import OpenCvSource
from counter_app.devices.page_samples import empty_desk, photograph
from counter_app.gui.intake.panel import IntakePanel

SIZE = (1280, 720)


def _film(path: Path) -> Path:
    desk = empty_desk(3, SIZE)
    page = photograph(31, size=SIZE, turn_degrees=6, qr_text="GIAY-CHUNG-SINH").frame
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, SIZE)
    assert writer.isOpened()
    for frame in [desk] * 5 + [page] * 20 + [desk] * 40:
        writer.write(frame)
    writer.release()
    return path


def _select(panel: IntakePanel, number: int) -> None:
    row = next(i for i, r in enumerate(panel.checklist.model.rows) if r.component.number == number)
    panel.checklist.table.setCurrentIndex(panel.checklist.model.index(row, 0))


def _digitised_cell(panel: IntakePanel, number: int) -> str:
    model = panel.checklist.model
    row = next(i for i, r in enumerate(model.rows) if r.component.number == number)
    return str(model.index(row, model.DIGITISED).data() or "")


def test_components_digitised_at_intake_are_the_received_dossiers_attachments(
    qtbot: QtBot, intake: IntakePanel, counter_store, tmp_path: Path
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    tick_rows(qtbot, intake, [1, 2, 6])
    papers = intake.papers
    assert not papers.drop_button.isEnabled()

    # the declaration from a photograph the officer picked
    photo = tmp_path / "to-khai.jpg"
    cv2.imwrite(str(photo), photograph(32, turn_degrees=-9).frame)
    _select(intake, 1)
    with qtbot.waitSignal(papers.prepared, timeout=20000) as kept:
        papers.from_files([photo])
    declaration = kept.args[0]
    assert (declaration.component, declaration.pages) == (1, 1)
    assert _digitised_cell(intake, 1) == "✓ 1 trang" and _digitised_cell(intake, 2) == ""
    assert papers.drop_button.isEnabled()

    # the birth certificate with the camera
    _select(intake, 2)
    papers.camera_source = lambda: OpenCvSource(_film(tmp_path / "giay-chung-sinh.avi"))  # type: ignore[method-assign]
    with qtbot.waitSignal(papers.capture_opened, timeout=10000) as opened:
        papers.capture()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: len(dialog.pages) == 1, timeout=30000)
    with qtbot.waitSignal(papers.prepared, timeout=20000) as captured:
        dialog.save()
    certificate = captured.args[0]
    assert certificate.component == 2 and _digitised_cell(intake, 2) == "✓ 1 trang"

    # the draft names both (a crash loses neither), and reads them back
    saved = intake.draft_data()
    assert saved["papers"] == [declaration.to_dict(), certificate.to_dict()]
    intake.checklist.set_paper(1, None)
    intake.checklist.set_paper(2, None)
    intake.restore_draft(saved)
    assert intake.checklist.papers() == [declaration, certificate]

    with qtbot.waitSignal(intake.dossier_received, timeout=20000) as received:
        intake.outcome.receive_button.click()
    dossier = received.args[0]
    assert intake.checklist.papers() == [] and intake.checklist.model.rows == []  # empty for the next citizen
    app = CounterApp(counter_store)
    kept_papers = digitise.attachments(app, counter_store.accounts.get("canbo"), dossier.id)
    assert [(a.component, a.sha256, a.pages) for a in kept_papers] == [
        (1, declaration.sha256, 1),
        (2, certificate.sha256, 1),
    ]
    files = counter_store.attachments.files
    qtbot.waitUntil(lambda: intake.session.runner.pending == 0, timeout=10000)
    assert files.has(declaration.sha256) and files.has(certificate.sha256)  # emptying the form kept them


def test_a_copy_taken_again_dropped_or_started_over_leaves_no_file(
    qtbot: QtBot, intake: IntakePanel, counter_store, tmp_path: Path
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    files = counter_store.attachments.files
    shots = []
    for seed in (41, 42, 43):
        path = tmp_path / f"trang-{seed}.jpg"
        cv2.imwrite(str(path), photograph(seed, turn_degrees=5).frame)
        shots.append(path)
    papers = intake.papers
    _select(intake, 1)
    with qtbot.waitSignal(papers.prepared, timeout=20000) as first:
        papers.from_files([shots[0]])
    with qtbot.waitSignal(papers.prepared, timeout=20000) as second:
        papers.from_files([shots[1]])  # taken again: the first copy's file goes
    qtbot.waitUntil(lambda: not files.has(first.args[0].sha256), timeout=10000)
    assert intake.checklist.paper(1) == second.args[0] and files.has(second.args[0].sha256)

    papers.drop()
    assert intake.checklist.paper(1) is None and not papers.drop_button.isEnabled()
    qtbot.waitUntil(lambda: not files.has(second.args[0].sha256), timeout=10000)

    _select(intake, 2)
    with qtbot.waitSignal(papers.prepared, timeout=20000) as third:
        papers.from_files([shots[2]])
    assert intake.has_typed_work()
    intake._start_over()  # the officer chose "Bỏ, tiếp nhận mới"
    qtbot.waitUntil(lambda: not files.has(third.args[0].sha256), timeout=10000)
    assert intake.checklist.papers() == []


def test_a_bad_file_is_refused_in_one_sentence_and_the_form_keeps_everything(
    qtbot: QtBot, intake: IntakePanel, tmp_path: Path
) -> None:
    choose_birth_registration(qtbot, intake)
    fill_applicant(qtbot, intake)
    tick_rows(qtbot, intake, [1, 2, 6])
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("không phải giấy tờ", encoding="utf-8")
    _select(intake, 1)
    intake.papers.from_files([bad])
    qtbot.waitUntil(lambda: intake.papers.message.isVisible(), timeout=10000)
    assert "chỉ nhận tệp PDF hoặc ảnh" in intake.papers.message.text()
    assert intake.checklist.papers() == [] and intake.checklist.is_complete()
    assert intake.applicant.applicant.editors["name"].text() == "Nguyễn Văn An"
