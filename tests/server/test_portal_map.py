"""The one mapping of our dossiers to the national portal's objects (server/portal_map.py), field by field."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from counter_app.core.intake import advance, new_dossier, rate, receive, record_return, request_supplement
from counter_app.core.model import (
    ApplicantKind,
    Fee,
    Person,
    Procedure,
    Rating,
    Representative,
    ReturnMethod,
    Status,
)
from counter_app.server.portal_map import (
    ProcedureNames,
    dossier_record,
    is_reported,
    portal_time,
    same_step,
    step_record,
    steps_of,
)

AGENCY = "000.00.06.H56"
PROCEDURE = Procedure(
    "1.001193", "Đăng ký khai sinh", "Hộ tịch", duration=3, fees=(Fee("Lệ phí đăng ký khai sinh", 8000),)
)
NAMES = ProcedureNames("Thủ tục đăng ký khai sinh", "G09-TP03", "Hộ tịch")
AT = datetime(2026, 11, 23, 8, 5, 9)
DUE = datetime(2026, 11, 26, 8, 5, 9)
TIME = re.compile(r"^\d{14}$")


def draft(**person: object) -> object:
    return new_dossier(
        agency_id=AGENCY,
        procedure=PROCEDURE,
        applicant=Person("Nguyễn Văn Đức", identifier="001090012345", phone="0912345678", **person),  # type: ignore[arg-type]
        at=AT,
        officer="canbo",
        counter=1,
    )


def received(**person: object):
    return receive(draft(**person), f"{AGENCY}-261123-0101", DUE)  # type: ignore[arg-type]


def test_a_received_dossier_maps_every_field_as_a_string_and_every_list() -> None:
    record = dossier_record(received(email="duc@example.vn"), NAMES, "UBND phường Mẫu")
    assert record["MaHoSo"] == f"{AGENCY}-261123-0101"
    assert (record["MaTTHC"], record["TenTTHC"], record["MaLinhVuc"], record["TenLinhVuc"]) == (
        "1.001193",
        "Thủ tục đăng ký khai sinh",
        "G09-TP03",
        "Hộ tịch",
    )
    assert record["NgayTiepNhan"] == "20261123080509" and record["NgayHenTra"] == "20261126080509"
    assert record["TrangThaiHoSo"] == "2" and record["HinhThuc"] == "0" and record["NgayTra"] == ""
    assert record["LoaiDoiTuong"] == "1" and record["MaDoiTuong"] == "001090012345"
    assert record["Email"] == "duc@example.vn" and record["SoDienThoai"] == "0912345678"
    assert record["DonViXuLy"] == "UBND phường Mẫu"
    assert record["DanhSachLePhi"] == [
        {
            "TenPhiLePhi": "Lệ phí đăng ký khai sinh",
            "MaPhiLePhi": "",
            "HinhThucThu": "1",
            "Gia": "8000",
            "LoaiPhiLePhi": "2",
        }
    ]
    lists = {
        "TaiLieuNop",
        "DanhSachLePhi",
        "DanhSachTepDinhKemKhac",
        "DanhSachHoSoBoSung",
        "DanhSachGiayToKetQua",
    }
    assert {k for k, v in record.items() if isinstance(v, list)} == lists
    assert all(isinstance(v, str) for k, v in record.items() if k not in lists)
    assert len(record) == 27


def test_a_business_or_agency_is_an_organisation_and_an_authorised_person_is_named() -> None:
    for kind, expected in (
        (ApplicantKind.BUSINESS, "2"),
        (ApplicantKind.AGENCY, "2"),
        (ApplicantKind.OTHER, "2"),
    ):
        assert dossier_record(received(kind=kind), NAMES, "x")["LoaiDoiTuong"] == expected
    from dataclasses import replace

    with_proxy = replace(
        received(), representative=Representative(Person("Trần Thị Bình"), "Giấy ủy quyền số 12")
    )
    assert dossier_record(with_proxy, NAMES, "x")["ThongTinKhac"] == "Người được ủy quyền: Trần Thị Bình"


def test_the_result_handed_over_by_post_and_the_supplement_cycle() -> None:
    d = received()
    d = advance(
        d,
        Status.SUPPLEMENT_REQUESTED,
        officer="xuly",
        at=datetime(2026, 11, 24, 9, 0),
        action="supplement_requested",
        note="Thiếu giấy chứng sinh",
    )
    d = advance(
        d, Status.PROCESSING, officer="canbo", at=datetime(2026, 11, 25, 10, 0), action="supplement_received"
    )
    d = advance(
        d, Status.RESULT_READY, officer="xuly", at=datetime(2026, 11, 26, 7, 30), action="result_ready"
    )
    d = record_return(
        d,
        officer="canbo",
        at=datetime(2026, 11, 26, 9, 15),
        recipient_name="Nguyễn Văn Đức",
        recipient_id="001090012345",
        method=ReturnMethod.POST,
    )
    d = rate(d, rating=Rating.VERY_SATISFIED, officer="canbo", at=datetime(2026, 11, 26, 9, 16))
    record = dossier_record(d, NAMES, "x")
    assert record["TrangThaiHoSo"] == "10" and record["HinhThuc"] == "1"
    assert record["NgayTra"] == "20261126091500" and record["ThongTinTra"] == "Nguyễn Văn Đức"
    assert record["NgayKetThucXuLy"] == "20261126073000"
    [extra] = record["DanhSachHoSoBoSung"]
    assert extra["NgayBoSung"] == "20261124090000" and extra["NgayTiepNhanBoSung"] == "20261125100000"
    assert extra["NoiDungBoSung"] == "Thiếu giấy chứng sinh" and extra["TrangThaiBoSung"] == "1"
    # the rating is no step of processing; the five moves are
    steps = [step_record(d, e) for e in steps_of(d)]
    assert [s["TrangThai"] for s in steps] == ["2", "5", "4", "9", "10"]
    assert steps[1]["NoiDungXuLy"] == "Yêu cầu bổ sung giấy tờ: Thiếu giấy chứng sinh"
    assert steps[1]["NgayBatDau"] == "20261123080509" and steps[1]["ThoiDiemXuLy"] == "20261124090000"
    assert all(TIME.match(s["ThoiDiemXuLy"]) and s["NguoiXuLy"] for s in steps)
    assert all(set(s) == set(steps[0]) and len(s) == 9 for s in steps)
    assert same_step(steps[1], dict(steps[1])) and not same_step(steps[1], steps[2])


def test_an_intake_sent_home_for_papers_is_not_reported_until_received() -> None:
    waiting = request_supplement(draft(), ["Giấy chứng sinh"], "Thiếu giấy chứng sinh")  # type: ignore[arg-type]
    assert not is_reported(waiting)
    with pytest.raises(ValueError):
        dossier_record(waiting, NAMES, "x")
    assert is_reported(received())


def test_times_are_fourteen_digits_or_empty() -> None:
    assert portal_time(datetime(2026, 1, 2, 3, 4, 5)) == "20260102030405"
    assert portal_time(None) == ""
