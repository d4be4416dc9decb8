"""`counter-app calendar`: the notices in `due` and `holidays`, provisional years, and `set-day` with its audit entry."""

from __future__ import annotations

import json
from pathlib import Path

DUE_NEW_YEAR_2026 = (
    "calendar",
    "due",
    "--received",
    "2025-12-31T16:00",
    "--duration",
    "1",
    "--unit",
    "working-days",
)


def test_due_counts_the_12729_vpcp_kgvx_swap_and_prints_one_iso_line(cli) -> None:
    result = cli(*DUE_NEW_YEAR_2026)
    assert result.code == 0 and result.out == "2026-01-05T16:00\n" and result.err == ""


def test_due_in_a_provisional_year_keeps_stdout_and_notes_it_on_stderr(cli) -> None:
    result = cli(
        "calendar", "due", "--received", "2026-12-31T16:00", "--duration", "1", "--unit", "working-days"
    )
    assert result.code == 0 and result.out == "2027-01-04T16:00\n"
    assert "Năm 2027 là lịch tạm tính" in result.err and "2026" in result.err
    english = cli(
        "calendar", "due", "--received", "2026-12-31T16:00", "--duration", "1", "--unit", "days", lang="en"
    )
    assert english.out == "2027-01-04T16:00\n" and "2027 is provisional" in english.err


def test_holidays_2026_cite_their_notices_and_say_why_24_nov_is_not_off(cli) -> None:
    lines = cli("calendar", "holidays", "2026").out.splitlines()
    assert not any("tạm tính" in line for line in lines)
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in lines if not line.startswith("#")}
    assert rows["2026-01-02"] == [
        "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)",
        "12729/VPCP-KGVX ngày 25/12/2025",
    ]
    assert rows["2026-01-10"][1] == "12729/VPCP-KGVX ngày 25/12/2025"
    assert rows["2026-08-31"][1] == "9441/TB-BNV ngày 16/10/2025"
    assert rows["2026-04-27"] == ["Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"]  # the Labour Code's own rule: no notice
    assert "2026-11-24" not in rows
    [culture] = [line for line in lines if "2026-11-24" in line]
    assert culture.startswith("# 2026-11-24 Ngày Văn hóa Việt Nam: không phải ngày nghỉ")


def test_holidays_2027_says_the_year_is_provisional(cli) -> None:
    lines = cli("calendar", "holidays", "2027").out.splitlines()
    assert lines[0].startswith("# Năm 2027 là lịch tạm tính") and "hoán đổi" in lines[0]
    assert "2027-02-08\tMùng ba Tết Nguyên Đán" in lines  # computed from the lunar calendar
    english = cli("calendar", "holidays", "2027", lang="en").out.splitlines()
    assert english[0] == (
        "# 2027 is provisional: lunar holidays are computed, day swaps are not decided yet "
        "(official notices only go up to 2026)."
    )


def test_set_day_round_trip_with_its_audit_entries(configured) -> None:
    recorded = configured(
        "calendar",
        "set-day",
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
    assert recorded.code == 0, recorded.err
    assert recorded.out == "Đã ghi 04/01/2027 là ngày nghỉ (1234/VPCP-KGVX ngày 20/12/2026).\n"
    rows = {line.split("\t")[0]: line for line in configured("calendar", "holidays", "2027").out.splitlines()}
    assert rows["2027-01-04"] == "2027-01-04\tNghỉ bù Tết Dương lịch\t1234/VPCP-KGVX ngày 20/12/2026"
    assert "# Năm 2027" not in "\n".join(rows)  # an official notice now decides 2027: no longer provisional
    due = configured(
        "calendar", "due", "--received", "2026-12-31T16:00", "--duration", "1", "--unit", "working-days"
    )
    assert due.out == "2027-01-05T16:00\n" and due.err == ""
    entry = json.loads(configured("audit", "list", "--limit", "1", "--json").out)[0]
    assert entry["kind"] == "setting.change" and entry["actor"] == "admin"
    assert entry["details"] == {
        "key": "calendar_notice.2027-01-04",
        "to": "off",
        "name": "Nghỉ bù Tết Dương lịch",
        "document": "1234/VPCP-KGVX",
        "document_date": "2026-12-20",
    }
    removed = configured("calendar", "set-day", "2027-01-04", "--kind", "none")
    assert removed.code == 0 and removed.out == "Đã xóa ngày 04/01/2027 ghi theo thông báo.\n"
    assert "2027-01-04" not in configured("calendar", "holidays", "2027").out
    entry = json.loads(configured("audit", "list", "--limit", "1", "--json").out)[0]
    assert entry["details"]["key"] == "calendar_notice.2027-01-04" and entry["details"]["to"] == ""


def test_set_day_replaces_a_shipped_notice_day_and_override_still_wins(configured) -> None:
    assert configured("calendar", "set-day", "2026-01-02", "--kind", "work", "--name", "Đi làm").code == 0
    assert configured(*DUE_NEW_YEAR_2026).out == "2026-01-02T16:00\n"
    assert configured("calendar", "override", "2026-01-02", "--kind", "off").code == 0
    assert configured(*DUE_NEW_YEAR_2026).out == "2026-01-05T16:00\n"  # the centre's decision wins
    assert configured("calendar", "override", "2026-01-02", "--kind", "none").code == 0
    assert configured("calendar", "set-day", "2026-01-02", "--kind", "none").code == 0
    assert configured(*DUE_NEW_YEAR_2026).out == "2026-01-05T16:00\n"  # the shipped 12729/VPCP-KGVX again


def test_set_day_refuses_in_sentences(configured, data_dir: Path) -> None:
    from counter_app.core.roles import Role
    from counter_app.storage.store import CounterStore

    store = CounterStore(data_dir)
    store.accounts.create("canbo", "Nguyễn Thị Lan", Role.OFFICER, "so-ho-tich-2026", by="admin")
    store.close()
    no_number = configured(
        "calendar", "set-day", "2027-01-04", "--kind", "off", "--document-date", "2026-12-20"
    )
    assert no_number.code == 2 and "--document-date cần đi kèm số hiệu văn bản" in no_number.err
    bad_date = configured("calendar", "set-day", "04/01/2027", "--kind", "off")
    assert bad_date.code == 2 and "phải có dạng YYYY-MM-DD" in bad_date.err
    officer = configured("--officer", "canbo", "calendar", "set-day", "2027-01-04", "--kind", "off")
    assert officer.code == 2 and "không được phép" in officer.err
    assert configured("--officer", "canbo", "calendar", "holidays", "2026").code == 0  # reading needs no role
    assert "Traceback" not in no_number.err + bad_date.err + officer.err
