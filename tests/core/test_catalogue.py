"""Catalogue records: parsing, validation that reports every issue, and the JSON shape round trip."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime, time
from pathlib import Path

import pytest

from counter_app.core.catalogue import (
    CATALOGUE_FORMAT,
    CatalogueError,
    CatalogueIssue,
    catalogue_from_json_obj,
    catalogue_to_json_obj,
    parse_catalogue,
    parse_duration_unit,
    parse_flag,
    procedure_from_dict,
    procedure_to_dict,
)
from counter_app.core.model import Component, DurationUnit, Fee, Procedure


def record(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "level": "xã",
        "resolving_agency": "UBND cấp xã",
        "duration": 1,
        "duration_unit": "working-days",
        "same_day_cutoff": "15:00",
        "fees": [{"name": "Lệ phí", "amount": 0}],
        "fully_online": True,
        "legal_basis": "Luật Hộ tịch 2014",
        "components": [
            {"number": 1, "name": "Tờ khai đăng ký khai sinh", "originals": 1},
            {"number": 2, "name": "Giấy tờ tùy thân", "originals": 1, "shown_only": True},
        ],
    }
    base.update(changes)
    return base


def issues_of(records: list[dict[str, object]]) -> set[tuple[int | None, str, str]]:
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(records)
    assert info.value.code == "catalogue.invalid"
    return {(i.row, i.field, i.code) for i in info.value.issues}


def test_a_full_record_becomes_a_procedure() -> None:
    p = procedure_from_dict(record())
    assert p.code == "1.001193"
    assert p.same_day_cutoff == time(15, 0)
    assert p.duration_unit is DurationUnit.WORKING_DAYS
    assert p.fees == (Fee("Lệ phí", 0),)
    assert p.components[1] == Component(2, "Giấy tờ tùy thân", originals=1, shown_only=True)
    assert p.components[0].required is True and p.fully_online is True


def test_decomposed_text_is_stored_composed() -> None:
    nfd = unicodedata.normalize("NFD", "Đăng ký lại khai sinh")
    assert nfd != "Đăng ký lại khai sinh"
    p = procedure_from_dict(record(name=nfd, components=[{"number": 1, "name": f"  {nfd}  tờ khai "}]))
    assert p.name == "Đăng ký lại khai sinh"
    assert p.components[0].name == "Đăng ký lại khai sinh tờ khai"


def test_to_dict_and_back_is_identity() -> None:
    p = Procedure(
        code="2.000815.H19",
        name="Chứng thực bản sao",
        field="Chứng thực",
        resolving_agency="UBND cấp xã",
        components=(
            Component(1, "Bản chính", originals=1, shown_only=True),
            Component(2, "Bản sao", photocopies=1),
        ),
        duration=1.5,
        duration_unit=DurationUnit.HOURS,
        same_day_cutoff=time(15, 0),
        fees=(Fee("Lệ phí", 8000), Fee("Phí", 2000)),
        legal_basis="Nghị định 23/2015/NĐ-CP",
    )
    data = procedure_to_dict(p)
    assert data["same_day_cutoff"] == "15:00" and data["duration_unit"] == "hours"
    assert procedure_from_dict(data) == p
    assert procedure_to_dict(Procedure("1.000894", "Kết hôn", "Hộ tịch", duration=3))["duration"] == 3


def test_every_problem_of_every_record_is_reported_and_nothing_returned() -> None:
    found = issues_of(
        [
            record(code="1.1193"),
            record(code="1.000656", name=" ", duration=0, same_day_cutoff=None, duration_unit="weeks"),
            record(code="1.000656", same_day_cutoff="25:00"),
            record(
                code="1.000894",
                components=[
                    {"number": 1, "name": "A", "originals": -1},
                    {"number": 1, "name": "B", "photocopies": "two"},
                    {"number": 3, "name": "", "shown_only": "maybe"},
                ],
            ),
        ]
    )
    assert found == {
        (1, "code", "code.format"),
        (2, "name", "required"),
        (2, "duration", "duration.range"),
        (2, "duration_unit", "duration_unit.unknown"),
        (3, "same_day_cutoff", "time.format"),
        (3, "code", "duplicate"),
        (4, "components[0].originals", "number.negative"),
        (4, "components[1].number", "duplicate"),
        (4, "components[1].photocopies", "number.invalid"),
        (4, "components[2].name", "required"),
        (4, "components[2].shown_only", "bool.invalid"),
    }


def test_component_numbers_must_run_from_one() -> None:
    gap = [{"number": 2, "name": "A"}, {"number": 3, "name": "B"}]
    assert issues_of([record(components=gap)]) == {(1, "components", "components.numbering")}
    zero = [{"number": 0, "name": "A"}]
    assert issues_of([record(components=zero)]) == {(1, "components[0].number", "number.range")}
    missing = [{"name": "A"}]
    assert issues_of([record(components=missing)]) == {(1, "components[0].number", "required")}


def test_components_come_back_in_number_order() -> None:
    p = procedure_from_dict(record(components=[{"number": 2, "name": "B"}, {"number": 1, "name": "A"}]))
    assert [c.name for c in p.components] == ["A", "B"]


def test_same_day_procedures_may_have_zero_duration() -> None:
    assert procedure_from_dict(record(duration=0, same_day_cutoff="15:00")).duration == 0
    assert procedure_from_dict(record(duration=0.5, same_day_cutoff=None)).duration == 0.5
    with pytest.raises(CatalogueError) as info:
        procedure_from_dict(record(duration=-1), row=7)
    assert info.value.issues == [CatalogueIssue(7, "duration", "number.negative")]


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("1.001193", True),
        ("2.000908", True),
        ("2.000815.H19", True),
        ("1.004873.000.00.12.H56", True),
        ("1.00119", False),
        ("11.001193", False),
        ("1,001193", False),
        ("1.001193-", False),
        ("", False),
    ],
)
def test_code_format(code: str, valid: bool) -> None:
    if valid:
        assert procedure_from_dict(record(code=code)).code == code
    else:
        with pytest.raises(CatalogueError) as info:
            procedure_from_dict(record(code=code))
        assert [i.field for i in info.value.issues] == ["code"]


def test_name_and_field_are_required_and_text_must_be_text() -> None:
    data = record(field=None, name=12)
    del data["code"]
    with pytest.raises(CatalogueError) as info:
        procedure_from_dict(data)
    assert {(i.field, i.code) for i in info.value.issues} == {
        ("code", "required"),
        ("field", "required"),
        ("name", "text.invalid"),
    }


def test_fees_need_a_name_and_a_non_negative_amount() -> None:
    bad = [{"name": "", "amount": 5}, {"name": "Phí"}, {"name": "Lệ phí", "amount": -3}]
    assert issues_of([record(fees=bad)]) == {
        (1, "fees[0].name", "required"),
        (1, "fees[1].amount", "required"),
        (1, "fees[2].amount", "number.negative"),
    }


def test_vietnamese_duration_words_and_flags() -> None:
    assert parse_duration_unit("Ngày làm việc") is DurationUnit.WORKING_DAYS
    assert parse_duration_unit(unicodedata.normalize("NFD", "ngày")) is DurationUnit.DAYS
    assert parse_duration_unit("giờ làm việc") is DurationUnit.HOURS
    assert parse_duration_unit("hours") is DurationUnit.HOURS
    assert parse_duration_unit("tuần") is None
    assert procedure_from_dict(record(duration_unit="ngày")).duration_unit is DurationUnit.DAYS
    assert [parse_flag(v) for v in ("có", "Không", "x", True, 0, "maybe", 7)] == [
        True,
        False,
        True,
        True,
        False,
        None,
        None,
    ]


def test_whole_file_shape() -> None:
    procs = [procedure_from_dict(record()), procedure_from_dict(record(code="1.000656"))]
    obj = catalogue_to_json_obj(procs)
    assert obj["format"] == CATALOGUE_FORMAT and obj["version"] == 1
    assert catalogue_from_json_obj(obj) == procs
    with pytest.raises(CatalogueError) as info:
        catalogue_from_json_obj({"format": "other", "version": 9, "procedures": {}})
    assert {i.code for i in info.value.issues} == {"format.unknown", "version.unsupported", "list.invalid"}
    with pytest.raises(CatalogueError):
        catalogue_from_json_obj([record()])


def test_error_text_names_the_places() -> None:
    err = CatalogueError([CatalogueIssue(3, "code", "code.format", "Thủ tục")])
    assert "Thủ tục 3 code: code.format" in str(err)
    assert err.params == {"count": 1}


# ---- provenance: where each procedure's values come from, and when they were compared --------------------------

SEED = Path(__file__).resolve().parents[2] / "db" / "seed" / "catalogue.json"


def test_source_and_checked_are_read_validated_and_written_back() -> None:
    p = procedure_from_dict(record(source="Luật Hộ tịch 60/2014/QH13, Điều 16", checked="2026-12-02"))
    assert p.source == "Luật Hộ tịch 60/2014/QH13, Điều 16" and p.checked == date(2026, 12, 2)
    data = procedure_to_dict(p)
    assert (data["source"], data["checked"]) == (p.source, "2026-12-02")
    again = procedure_from_dict(data)
    assert (again.source, again.checked) == (p.source, p.checked)
    assert procedure_from_dict(record()).checked is None  # both optional in an imported catalogue
    assert procedure_from_dict(record(checked=datetime(2026, 12, 2))).checked == date(2026, 12, 2)  # a cell
    found = issues_of(
        [record(checked="02/12/2026"), record(code="1.000656", checked="2026-13-01", source=12)]
    )
    assert found == {
        (1, "checked", "date.format"),
        (2, "checked", "date.format"),
        (2, "source", "text.invalid"),
    }
    assert issues_of([record(checked=datetime(2026, 12, 2, 9, 30))]) == {(1, "checked", "date.format")}


def test_a_dossiers_copy_of_its_procedure_leaves_the_provenance_out() -> None:
    p = procedure_from_dict(record(source="Nghị định 23/2015/NĐ-CP", checked="2026-12-02"))
    bare = procedure_to_dict(p, provenance=False)
    assert "source" not in bare and "checked" not in bare
    assert procedure_from_dict(bare) == p  # provenance is no part of a procedure's identity


def seed_records() -> list[dict[str, object]]:
    obj = json.loads(SEED.read_text(encoding="utf-8"))
    return list(obj["procedures"])


def test_every_seed_procedure_says_where_its_values_come_from_and_when_they_were_checked() -> None:
    procedures = catalogue_from_json_obj(json.loads(SEED.read_text(encoding="utf-8")))
    missing = [p.code for p in procedures if not p.source.strip() or p.checked is None]
    assert missing == []
    for p in procedures:
        assert p.checked is not None and p.checked >= date(2025, 7, 1)  # checked against the texts in force
        assert re.search(r"\d+/\d{4}/|https?://", p.source), p.code  # names a document or a page
    for raw in seed_records():  # written in the file itself, not filled in by a default
        assert raw.get("source") and raw.get("checked"), raw["code"]


def test_the_seed_follows_its_own_fee_rule_and_the_checked_durations() -> None:
    by_code = {p.code: p for p in catalogue_from_json_obj(json.loads(SEED.read_text(encoding="utf-8")))}
    for p in by_code.values():  # README: a fee the provincial People's Council sets is 0 in the sample
        for fee in p.fees:
            if "Hội đồng nhân dân cấp tỉnh" in fee.name:
                assert fee.amount == 0, (p.code, fee.name)
    assert by_code["1.001612"].total_fee == 0
    # Luật Hộ tịch Art. 28: change or correction of civil-status details within 03 working days
    changes = by_code["1.004859"]
    assert (changes.duration, changes.duration_unit, changes.same_day_cutoff) == (
        3,
        DurationUnit.WORKING_DAYS,
        None,
    )
    # Luật Hộ tịch Art. 18: marriage registered on the day (after 15:00, the next working day)
    assert by_code["1.000894"].same_day_cutoff == time(15, 0) and by_code["1.000894"].duration == 1
    assert by_code["1.001699"].duration == 25 and by_code["1.001653"].duration == 5  # the portal's pages
    assert [f.amount for f in by_code["2.001035"].fees] == [50000]  # Circular 226/2016, Art. 4
