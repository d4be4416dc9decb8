"""The dossier page's digitised papers: digitising a component from a photograph and a scanner's PDF, the list,
the PDF viewer, the result only once it is ready, and a bad file refused in one sentence."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import cv2
from conftest import T0, receive_dossier
from pypdf import PdfWriter
from pytestqt.qtbot import QtBot

from counter_app.core.model import Status
from counter_app.devices.page_samples import photograph
from counter_app.gui.tracking.dossier_page import DossierPage


def _page(qtbot: QtBot, session, dossier_id: str) -> DossierPage:
    page = DossierPage(session, clock=lambda: datetime(2026, 11, 26, 9, 0))
    qtbot.addWidget(page)
    page.resize(1366, 760)
    page.show()
    with qtbot.waitSignal(page.dossier_loaded, timeout=10000):
        page.show_dossier(dossier_id)
    return page


def _pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as f:
        writer.write(f)
    return path


def test_a_component_is_digitised_listed_and_opened(
    qtbot: QtBot, make_session, counter_store, tmp_path: Path
) -> None:
    d = receive_dossier(counter_store, "Nguyễn Văn Đức", datetime(2026, 11, 26, 8, 0))
    page = _page(qtbot, make_session("canbo"), d.id)
    box = page.attachments
    qtbot.waitUntil(lambda: box.list.count() == 1, timeout=10000)
    assert not box.open_button.isEnabled() and box.component_button.isEnabled()
    assert not box.result_button.isEnabled()  # no result before it is ready

    photo = tmp_path / "to-khai.jpg"
    cv2.imwrite(str(photo), photograph(2, turn_degrees=-12).frame)
    with qtbot.waitSignal(box.attached, timeout=20000) as kept:
        box.attach_files(1, [photo, _pdf(tmp_path / "ban-sao.pdf", 2)])
    assert kept.args[0].pages == 3 and kept.args[0].component == 1
    qtbot.waitUntil(lambda: len(box.items) == 1 and box.open_button.isEnabled(), timeout=10000)
    assert "Thành phần 1" in box.list.item(0).text() and "3 trang" in box.list.item(0).text()

    with qtbot.waitSignal(box.viewer_opened, timeout=10000) as opened:
        box.open_selected()
    viewer = opened.args[0]
    assert viewer.document.pageCount() == 3
    viewer.close()


def test_the_result_once_ready_and_a_bad_file_refused(
    qtbot: QtBot, make_session, counter_store, tmp_path: Path
) -> None:
    d = receive_dossier(counter_store, "Trần Thị Bình", datetime(2026, 11, 26, 8, 0))
    counter_store.advance(d.id, Status.RESULT_READY, officer="xuly", at=T0.replace(hour=10))
    page = _page(qtbot, make_session("xuly"), d.id)
    box = page.attachments
    qtbot.waitUntil(lambda: box.result_button.isEnabled(), timeout=10000)
    assert not box.component_button.isEnabled()  # a processing officer does not take papers in

    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("không phải PDF", encoding="utf-8")
    box.attach_files(None, [bad])
    qtbot.waitUntil(lambda: box.message.isVisible(), timeout=10000)
    assert "chỉ nhận tệp PDF hoặc ảnh" in box.message.text()
    with qtbot.waitSignal(box.attached, timeout=20000):
        box.attach_files(None, [_pdf(tmp_path / "trich-luc.pdf", 1)])
    qtbot.waitUntil(lambda: len(box.items) == 1, timeout=10000)
    assert box.items[0].kind == "result" and "Kết quả" in box.list.item(0).text()
    assert not box.message.isVisible()
