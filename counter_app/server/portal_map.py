"""What the National Public Service Portal hears of a dossier: the one place where our dossiers and their history
become the objects of the adapter's `DongBoHoSoMC` (the dossier) and `CapNhatTienDoHoSoMC` (its steps).

The contract follows the Government Office's integration guide as provincial one-stop systems implement it
(docs/PORTAL.md, which mirrors this mapping field by field): every value is a string, times are `yyyyMMddHHmmss`
in Vietnam's time (our datetimes already are, naive), an absent time is `""`, and a list with nothing in it is `[]`.
Our statuses are the national list itself (core.model.Status), so `TrangThaiHoSo` is the status number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..core.model import ApplicantKind, Dossier, DossierEvent, Status

#: The adapter's time format: 14 digits, Vietnam time.
PORTAL_TIME = "%Y%m%d%H%M%S"

#: The portal's text for each action a counter records (the wording of the dossier's history on screen).
ACTION_TEXT: dict[str, str] = {
    "receive": "Tiếp nhận hồ sơ",
    "transfer": "Chuyển xử lý",
    "processing": "Ghi nhận đang xử lý",
    "supplement_requested": "Yêu cầu bổ sung giấy tờ",
    "supplement_received": "Nhận hồ sơ bổ sung",
    "fees_due": "Yêu cầu nộp phí, thuế",
    "result_ready": "Đã có kết quả",
    "withdrawal_requested": "Công dân xin rút hồ sơ",
    "stop": "Dừng xử lý",
    "apology": "Xin lỗi, hẹn lại ngày trả",
    "return": "Trả kết quả",
    "advance": "Chuyển trạng thái",
}
#: Events that are no step of processing (a rating, a printed form, a note, a digitised paper): not sent as steps.
NOT_STEPS = frozenset({"rate", "print", "note", "digitise"})
#: The history of an intake refused or sent home for papers at the counter: it never reached the portal's list.
_INTAKE_ONLY = frozenset({"refuse", "supplement"})


@dataclass(frozen=True)
class ProcedureNames:
    """The procedure as the portal names it (its `LayThuTuc` answer), or as our catalogue does when the portal
    does not know the code."""

    name: str
    field_code: str
    field_name: str


@dataclass(frozen=True)
class StoredPaper:
    """A digitised paper of a dossier whose file the server holds (a row of `attachments` with its file)."""

    id: str
    agency_id: str
    kind: str  # "component" (handed in) | "result"
    component: int | None  # the component's number in the procedure, for a paper handed in
    name: str
    sha256: str


def submitted_entry(paper: StoredPaper, link: str) -> dict[str, str]:
    """A `TaiLieuNop` item: a paper handed in, by the link the portal downloads it from."""
    return {
        "TepDinhKemId": paper.id,
        "TenTepDinhKem": f"{paper.name}.pdf",
        "IsDeleted": "False",
        "MaThanhPhanHoSo": str(paper.component) if paper.component is not None else "",
        "DuongDanTaiTepTin": link,
    }


def result_entry(paper: StoredPaper, link: str) -> dict[str, str]:
    """A `DanhSachGiayToKetQua` item: the electronic result, by its link."""
    return {
        "TenGiayTo": paper.name,
        "MaThanhPhanHoSo": "",
        "GiayToId": paper.id,
        "DuongDanTepTinKetQua": link,
    }


def portal_time(moment: datetime | None) -> str:
    """`yyyyMMddHHmmss`, or `""` for no time."""
    return moment.strftime(PORTAL_TIME) if moment is not None else ""


def is_reported(dossier: Dossier) -> bool:
    """Only received dossiers (with a code) are reported; an intake refused or kept waiting for papers at the
    counter was never received (Decision 766 counts received dossiers) and is reported once it is."""
    return dossier.code is not None


def is_step(event: DossierEvent) -> bool:
    """Whether a history event is a step of processing the portal hears of."""
    return event.action not in NOT_STEPS and event.action not in _INTAKE_ONLY


def steps_of(dossier: Dossier) -> list[DossierEvent]:
    return [e for e in dossier.history if is_step(e)]


def _applicant_kind(kind: ApplicantKind) -> str:
    """`LoaiDoiTuong`: "1" a citizen, "2" an organisation (a business, a state agency or any other body)."""
    return "1" if kind is ApplicantKind.CITIZEN else "2"


def _last(dossier: Dossier, *actions: str) -> DossierEvent | None:
    for event in reversed(dossier.history):
        if event.action in actions:
            return event
    return None


def _processing_end(dossier: Dossier) -> datetime | None:
    """When processing ended: the result was ready, or the dossier was stopped (the last such event)."""
    for event in reversed(dossier.history):
        if event.to_status in (Status.RESULT_READY, Status.STOPPED, Status.REFUSED) and (
            event.from_status is not event.to_status
        ):
            return event.at
    return None


def _supplements(dossier: Dossier) -> list[dict[str, str]]:
    """`DanhSachHoSoBoSung`: one entry per request for papers after receipt, with when they came in."""
    found: list[dict[str, str]] = []
    for event in dossier.history:
        if event.action == "supplement_requested":
            found.append(
                {
                    "HoSoBoSungId": event.id,
                    "NguoiYeuCauBoSung": event.officer,
                    "NoiDungBoSung": event.note,
                    "NgayBoSung": portal_time(event.at),
                    "NguoiTiepNhanBoSung": "",
                    "ThongTinTiepNhan": "",
                    "NgayTiepNhanBoSung": "",
                    "TrangThaiBoSung": "0",
                    "DanhSachGiayToBoSung": "",
                    "DanhSachLePhiBoSung": "",
                    "NgayHenTraTruoc": "",
                    "NgayHenTraMoi": "",
                }
            )
        elif event.action == "supplement_received" and found:
            found[-1].update(
                NguoiTiepNhanBoSung=event.officer,
                ThongTinTiepNhan=event.note,
                NgayTiepNhanBoSung=portal_time(event.at),
                TrangThaiBoSung="1",
            )
    return found


def dossier_record(
    dossier: Dossier,
    names: ProcedureNames,
    unit_name: str,
    *,
    submitted: list[dict[str, str]] | None = None,
    results: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """The `DongBoHoSoMC` object of a received dossier. `submitted` and `results` are the digitised papers'
    entries (`TaiLieuNop`, `DanhSachGiayToKetQua`) when the dossier has any."""
    if dossier.code is None:
        raise ValueError("only a received dossier (with a code) is reported to the portal")
    applicant = dossier.applicant
    returned = _last(dossier, "return")
    by_post = returned is not None and returned.data.get("return_method") == "post"
    representative = dossier.representative
    return {
        "MaHoSo": dossier.code,
        "MaTTHC": dossier.procedure.code,
        "TenTTHC": names.name,
        "MaLinhVuc": names.field_code,
        "TenLinhVuc": names.field_name,
        "ChuHoSo": applicant.name,
        "LoaiDoiTuong": _applicant_kind(applicant.kind),
        "MaDoiTuong": applicant.identifier,
        "ThongTinKhac": (
            f"Người được ủy quyền: {representative.person.name}" if representative is not None else ""
        ),
        "Email": applicant.email,
        "Fax": "",
        "SoDienThoai": applicant.phone,
        "TrichYeuHoSo": f"{dossier.procedure.name} – {applicant.name}",
        "NgayTiepNhan": portal_time(dossier.received_at),
        "NgayHenTra": portal_time(dossier.new_appointment or dossier.appointment),
        "TrangThaiHoSo": str(int(dossier.status)),
        "NgayTra": portal_time(returned.at if returned is not None else None),
        "ThongTinTra": returned.receiver if returned is not None else "",
        "HinhThuc": "1" if by_post else "0",
        "NgayKetThucXuLy": portal_time(_processing_end(dossier)),
        "DonViXuLy": unit_name,
        "GhiChu": dossier.reason,
        "TaiLieuNop": list(submitted or []),
        "DanhSachLePhi": [
            {
                "TenPhiLePhi": fee.name,
                "MaPhiLePhi": "",
                "HinhThucThu": "1",  # collected at the counter
                "Gia": str(fee.amount),
                "LoaiPhiLePhi": "2",  # a fee (lệ phí) as the catalogue lists it
            }
            for fee in dossier.procedure.fees
        ],
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": _supplements(dossier),
        "DanhSachGiayToKetQua": list(results or []),
    }


def step_record(dossier: Dossier, event: DossierEvent) -> dict[str, str]:
    """The `CapNhatTienDoHoSoMC` object of one step of a received dossier."""
    if dossier.code is None:
        raise ValueError("only a received dossier (with a code) is reported to the portal")
    index = next(i for i, e in enumerate(dossier.history) if e.id == event.id)
    started = dossier.history[index - 1].at if index > 0 else dossier.received_at
    text = ACTION_TEXT.get(event.action, "Chuyển trạng thái")
    return {
        "MaHoSo": dossier.code,
        "NguoiXuLy": event.officer,
        "ChucDanh": "",
        "ThoiDiemXuLy": portal_time(event.at),
        "PhongBanXuLy": event.unit or dossier.unit,
        "NoiDungXuLy": f"{text}: {event.note}" if event.note else text,
        "TrangThai": str(int(event.to_status)),
        "NgayBatDau": portal_time(started),
        "NgayKetThucTheoQuyDinh": portal_time(dossier.new_appointment or dossier.appointment),
    }


def same_step(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two step objects describe the same step (what a look-up after a lost answer compares)."""
    keys = ("MaHoSo", "ThoiDiemXuLy", "TrangThai", "NoiDungXuLy")
    return all(str(a.get(k, "")) == str(b.get(k, "")) for k in keys)
