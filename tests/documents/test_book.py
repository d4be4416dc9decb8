"""Form 07, the tracking book: one volume per counter and year so that entries never collide between counters
working offline; period and field filters, returned time and method, PDF and XLSX agree."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from document_samples import (
    ADDRESS,
    APPLICANT_NAME,
    CODE,
    PROCEDURE_NAME,
    Probe,
    make_dossier,
    make_unit,
    nfd,
)
from openpyxl import load_workbook

from counter_app.core.intake import full_set, new_dossier, receive
from counter_app.core.model import Dossier, Person, Procedure
from counter_app.documents import render_tracking_book, write_tracking_book_xlsx
from counter_app.documents.book import NO_VOLUME
from counter_app.storage.demo import DEMO_UNIT, ensure_demo_profile
from counter_app.storage.store import CounterStore

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def land_dossier() -> Dossier:
    """A dossier of another field (land), received in October, not yet returned, never entered in a volume."""
    base = make_dossier(components=1)
    return replace(
        base,
        id="land",
        code="000.00.06.H56-261015-0302",
        received_at=datetime(2026, 10, 15, 8, 5),
        procedure=Procedure("1.004227", nfd("Đăng ký biến động quyền sử dụng đất"), nfd("Đất đai")),
        history=base.history[:2],
        book_volume="",
        book_entry=None,
    )


def november_dossier() -> Dossier:
    base = make_dossier(components=1)
    return replace(base, id="nov", code="000.00.06.H56-261102-0301", received_at=datetime(2026, 11, 2, 9, 0))


def test_book_pdf_lists_a_volume_in_entry_order_with_return_details(probe: Probe) -> None:
    earlier_entry = replace(
        make_dossier(components=1),
        id="early",
        code="000.00.06.H56-261028-0301",
        received_at=datetime(2026, 10, 28, 8, 0),
        book_entry=360,  # entered before 361 although its receipt time sorts later: the entry decides
    )
    pdf = render_tracking_book(
        [make_dossier(), land_dossier(), november_dossier(), earlier_entry], make_unit(), *OCTOBER
    )
    text = probe.text(pdf)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/10/2026 đến ngày 31/10/2026" in text
    assert "Quyển số: 02/2026" in text
    assert text.index("Quyển số: 02/2026") < text.index("360 000.00.06.H56-261028-0301")
    assert text.index("360 000.00.06.H56-261028-0301") < text.index(f"361 {CODE}")
    assert text.index(f"361 {CODE}") < text.index(NO_VOLUME) < text.index("000.00.06.H56-261015-0302")
    assert "000.00.06.H56-261102-0301" not in text
    assert APPLICANT_NAME in text and ADDRESS in text and "0912345678" in text
    assert "15:10 03/11/2026" in text and "Trực tiếp" in text  # returned, and how
    assert "UBND phường Hai Bà Trưng" in text  # lead agency
    assert all("LiberationSerif" in f.name and f.embedded for f in probe.fonts(pdf))
    meta = probe.metadata(pdf)
    assert meta["/Author"] == "Trung tâm Phục vụ hành chính công phường Hai Bà Trưng"


def test_book_leaves_out_dossiers_never_received(probe: Probe) -> None:
    refused = replace(make_dossier(), id="refused", code=None, book_volume="", book_entry=None)
    text = probe.text(render_tracking_book([refused], make_unit(), *OCTOBER))
    assert APPLICANT_NAME not in text and "Quyển số" not in text


def test_book_filters_by_field(probe: Probe) -> None:
    text = probe.text(
        render_tracking_book([make_dossier(), land_dossier()], make_unit(), *OCTOBER, field=nfd("Hộ tịch"))
    )
    assert "Lĩnh vực: Hộ tịch" in text
    assert CODE in text and "000.00.06.H56-261015-0302" not in text


def test_long_book_repeats_its_heading_on_every_page(probe: Probe) -> None:
    many = [
        replace(make_dossier(components=1), id=f"d{i}", code=f"000.00.06.H56-261027-03{i:02d}", book_entry=i)
        for i in range(1, 41)
    ]
    pdf = render_tracking_book(many, make_unit(), *OCTOBER)
    pages = probe.page_texts(pdf)
    assert len(pages) >= 3
    assert all("Phương thức nhận kết quả" in page for page in pages)
    assert all(f"000.00.06.H56-261027-03{i:02d}" in " ".join(pages) for i in range(1, 41))


def test_book_xlsx_holds_the_same_lines(tmp_path: Path) -> None:
    path = tmp_path / "so-theo-doi.xlsx"
    write_tracking_book_xlsx(
        path, [november_dossier(), make_dossier(), land_dossier()], make_unit(), *OCTOBER
    )
    sheet = load_workbook(path).active
    cells = [row for row in sheet.iter_rows(values_only=True) if row and row[0] is not None]
    sections = [row[0] for row in cells if isinstance(row[0], str) and row[1] is None]
    assert sections[-2:] == ["Quyển số: 02/2026", NO_VOLUME]
    rows = [
        row for row in sheet.iter_rows(values_only=True) if row and row[1] and str(row[1]).startswith("000.")
    ]
    assert [r[1] for r in rows] == [CODE, "000.00.06.H56-261015-0302"]
    first, second = rows
    assert first[0] == 361  # the dossier's own entry in its volume
    assert second[0] is None  # no entry: no number is made up for it
    assert first[2] == PROCEDURE_NAME and first[3] == APPLICANT_NAME
    assert first[4] == f"{ADDRESS}; 0912345678"
    assert first[6] == datetime(2026, 10, 27, 14, 30)
    assert first[7] == datetime(2026, 10, 27, 14, 30) + timedelta(days=7)
    assert first[8] == datetime(2026, 11, 3, 15, 10) and first[9] == "Trực tiếp"
    assert second[8] is None and second[9] in (None, "")
    header = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "STT")
    assert header[-1] == "Ký nhận" and len(header) == 11


# ---- two counters of one unit, each offline, each with its own store ----------------------------------------


@pytest.fixture
def counters(tmp_path: Path) -> Iterator[tuple[CounterStore, CounterStore]]:
    """Counters 1 and 2 of the demo unit, each with its own database (two profiles)."""
    stores = []
    for number in (1, 2):
        folder = tmp_path / f"counter-{number}"
        folder.mkdir()
        store = CounterStore(folder)
        ensure_demo_profile(store)
        store.set_unit(replace(DEMO_UNIT, counter=number))
        stores.append(store)
    yield stores[0], stores[1]
    for store in stores:
        store.close()


def receive_at(store: CounterStore, name: str, at: datetime) -> Dossier:
    """A dossier received at this counter as the intake does it (code, book entry, outbox in one transaction)."""
    unit = store.require_unit()
    procedure = store.procedure("1.004873")
    draft = new_dossier(
        agency_id=unit.agency_id,
        procedure=procedure,
        applicant=Person(name, "001090012345", phone="0912345678"),
        at=at,
        officer="canbo",
        counter=unit.counter,
        components=full_set(procedure),
    )
    return store.dossiers.create(
        lambda allocate: receive(draft, allocate(at.date()), at + timedelta(days=3)), "canbo"
    )


def test_two_counters_offline_never_write_the_same_volume_and_entry(
    counters: tuple[CounterStore, CounterStore], probe: Probe
) -> None:
    first, second = counters
    day = datetime(2026, 11, 2, 8, 0)
    ours = [receive_at(first, f"Nguyễn Văn {i}", day + timedelta(minutes=10 * i)) for i in range(1, 4)]
    theirs = [receive_at(second, f"Trần Thị {i}", day + timedelta(minutes=10 * i)) for i in range(1, 4)]
    # each counter's own book: its volume of the year, entries 1, 2, 3 (before, both wrote "Quyển 2026, STT 1")
    assert [(d.book_volume, d.book_entry) for d in ours] == [("01/2026", 1), ("01/2026", 2), ("01/2026", 3)]
    assert [(d.book_volume, d.book_entry) for d in theirs] == [("02/2026", 1), ("02/2026", 2), ("02/2026", 3)]
    # back online: the second counter's dossiers reach the first one, whose unit-wide book lists both volumes
    for dossier in theirs:
        first.dossiers.replace_from_server(dossier)
    held = first.dossiers.received_between(*NOVEMBER)
    entries = [(d.book_volume, d.book_entry) for d in held]
    assert len(entries) == 6 and len(set(entries)) == 6  # no volume and entry shared
    text = probe.text(render_tracking_book(held, first.require_unit(), *NOVEMBER))
    assert text.index("Quyển số: 01/2026") < text.index(ours[0].code) < text.index("Quyển số: 02/2026")
    assert text.index("Quyển số: 02/2026") < text.index(theirs[0].code)
    # and the first counter's next entry follows its own, not the other counter's
    assert receive_at(first, "Lê Văn Bốn", day + timedelta(hours=2)).book_entry == 4


def test_a_reinstalled_counter_continues_its_volume_after_its_dossiers_came_back(
    counters: tuple[CounterStore, CounterStore], tmp_path: Path
) -> None:
    first, _ = counters
    day = datetime(2026, 11, 2, 8, 0)
    issued = [receive_at(first, f"Phạm Văn {i}", day + timedelta(minutes=i)) for i in range(1, 3)]
    folder = tmp_path / "counter-1-reinstalled"
    folder.mkdir()
    again = CounterStore(folder)
    try:
        ensure_demo_profile(again)
        for dossier in issued:  # the first sync brings back what this counter issued before
            again.dossiers.replace_from_server(dossier)
        assert receive_at(again, "Phạm Văn 3", day + timedelta(hours=1)).book_entry == 3
    finally:
        again.close()
