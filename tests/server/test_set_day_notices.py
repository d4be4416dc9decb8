"""`counter-server set-day` with a government notice's number and date: its own table, its feed item, its sentences."""

from __future__ import annotations

import io
from datetime import date

from counter_app.server.admin import set_day
from counter_app.server.cli import main
from counter_app.server.feed import read_feed
from counter_app.server.schema import current_version

AGENCY = "000.00.06.H56"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def set_day_cli(server_db: str, *args: str) -> tuple[int, str, str]:
    return run("set-day", "--database", server_db, "--agency-id", AGENCY, *args)


def test_set_day_with_a_document_publishes_a_notice_day(server_db: str, admin) -> None:
    code, out, err = set_day_cli(
        server_db,
        "--day",
        "2027-01-04",
        "--kind",
        "off",
        "--name",
        "Nghỉ bù Tết Dương lịch",
        "--document",
        "1234/VPCP-KGVX",
        "--document-date",
        "2026-12-20",
    )
    assert code == 0, err
    assert out == "2027-01-04: off (1234/VPCP-KGVX)\n"
    assert admin.CalendarOverride.select().count() == 0  # not the agency's own override
    page = read_feed(admin, AGENCY, 0, 10)
    assert [{k: v for k, v in item.items() if k != "cursor"} for item in page.items] == [
        {
            "kind": "calendar_notice",
            "day": "2027-01-04",
            "notice": "off",
            "name": "Nghỉ bù Tết Dương lịch",
            "document": "1234/VPCP-KGVX",
            "document_date": "2026-12-20",
        }
    ]
    assert (
        set_day_cli(server_db, "--day", "2027-01-04", "--kind", "none", "--document", "1234/VPCP-KGVX")[0]
        == 0
    )
    [removed] = read_feed(admin, AGENCY, page.cursor, 10).items
    assert (removed["kind"], removed["day"], removed["notice"]) == ("calendar_notice", "2027-01-04", None)


def test_set_day_without_a_document_stays_the_agencys_own_override(server_db: str, admin) -> None:
    set_day(admin, AGENCY, date(2026, 12, 31), "off", "Nghỉ theo quyết định của UBND")
    [item] = read_feed(admin, AGENCY, 0, 10).items
    assert (item["kind"], item["override"]) == ("calendar", "off") and "document" not in item
    assert admin.CalendarNoticeDay.select().count() == 0
    # the same date as a notice day too: two layers, two feed items, neither replaces the other
    set_day(admin, AGENCY, date(2026, 12, 31), "work", "Làm bù", "99/TB-BNV", date(2026, 12, 1))
    kinds = sorted(i["kind"] for i in read_feed(admin, AGENCY, 0, 10).items)
    assert kinds == ["calendar", "calendar_notice"]


def test_set_day_refuses_a_document_date_without_its_number_in_a_sentence(server_db: str, admin) -> None:
    code, _, err = set_day_cli(
        server_db, "--day", "2027-01-04", "--kind", "off", "--document-date", "2026-12-20"
    )
    assert code == 2 and err == "counter-server: Ngày của văn bản cần đi kèm số hiệu văn bản (--document).\n"
    code, _, err = run(
        "--lang",
        "en",
        "set-day",
        "--database",
        server_db,
        "--agency-id",
        AGENCY,
        "--day",
        "2027-01-04",
        "--kind",
        "off",
        "--document-date",
        "2026-12-20",
    )
    assert code == 2 and "needs the document's number" in err
    assert admin.CalendarNoticeDay.select().count() == 0 and admin.ChangeLog.select().count() == 0


def test_the_notice_days_table_comes_with_migration_6(server_db: str, admin) -> None:
    assert current_version(admin.db) >= 6
    rows = admin.db.execute_sql("SELECT version, name FROM schema_version WHERE version = 6").fetchall()
    assert [tuple(r) for r in rows] == [(6, "calendar_notice_days")]
