"""The national portal's test double checks the contract it stands for: a good dossier is kept, and each breach
(a missing or unknown key, a non-string, a bad time, an empty code, a dossier created twice, an update or a step
for a dossier it does not hold) is refused, keeps nothing of its batch and is recorded; its sessions expire, and
it fails, holds its answer and refuses a dossier when told to; the look-ups answer from what it holds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from portal.adapter_double import Breach, PortalDouble, check_time, start_double


@pytest.fixture(scope="module")
def shared_double() -> Iterator[PortalDouble]:
    double = start_double()
    yield double
    double.kill()


@pytest.fixture
def double(shared_double: PortalDouble) -> Iterator[PortalDouble]:
    shared_double.reset()
    yield shared_double
    shared_double.release()


class Caller:
    """Talks to the double as the product's adapter client would: sign in, then POST with session and madonvi."""

    def __init__(self, double: PortalDouble, timeout: float = 10.0) -> None:
        self.double = double
        self.http = httpx.Client(base_url=double.url, timeout=timeout)
        self.session = self.sign_in()

    def sign_in(self, password: str | None = None) -> str:
        answer = self.http.post(
            self.double.auth_path,
            json={"username": self.double.username, "password": password or self.double.password},
        ).json()
        return str(answer.get("session", ""))

    def post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        full = {"session": self.session, "madonvi": self.double.unit_code, **body}
        return self.http.post(path, json=full)

    def integrate(self, body: dict[str, Any]) -> dict[str, Any]:
        response = self.post(self.double.integration_path, body)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def share(self, body: dict[str, Any]) -> dict[str, Any]:
        response = self.post(self.double.share_path, body)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def create(self, *dossiers: dict[str, Any]) -> dict[str, Any]:
        return self.integrate({"service": "DongBoHoSoMC", "isUpdating": "False", "data": list(dossiers)})

    def update(self, *dossiers: dict[str, Any]) -> dict[str, Any]:
        return self.integrate({"service": "DongBoHoSoMC", "isUpdating": "True", "data": list(dossiers)})

    def steps(self, *steps: dict[str, Any]) -> dict[str, Any]:
        return self.integrate({"service": "CapNhatTienDoHoSoMC", "data": list(steps)})


@pytest.fixture
def caller(double: PortalDouble) -> Iterator[Caller]:
    client = Caller(double)
    yield client
    client.http.close()


def dossier(code: str = "000.00.06.H56-261127-0101", **changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "MaHoSo": code,
        "MaTTHC": "1.001193",
        "TenTTHC": "Đăng ký khai sinh",
        "MaLinhVuc": "G09-TP03",
        "TenLinhVuc": "Hộ tịch",
        "ChuHoSo": "Nguyễn Văn An",
        "LoaiDoiTuong": "1",
        "MaDoiTuong": "",
        "ThongTinKhac": "",
        "Email": "",
        "Fax": "",
        "SoDienThoai": "0912345678",
        "TrichYeuHoSo": "Đăng ký khai sinh cho con",
        "NgayTiepNhan": "20261127090000",
        "NgayHenTra": "20261130170000",
        "TrangThaiHoSo": "2",
        "NgayTra": "",
        "ThongTinTra": "",
        "HinhThuc": "0",
        "NgayKetThucXuLy": "",
        "DonViXuLy": "UBND phường Mẫu",
        "GhiChu": "",
        "TaiLieuNop": [
            {
                "TepDinhKemId": "1",
                "TenTepDinhKem": "to-khai.pdf",
                "IsDeleted": "False",
                "MaThanhPhanHoSo": "TP01",
                "DuongDanTaiTepTin": "https://motcua.example.vn/files/1",
            }
        ],
        "DanhSachLePhi": [
            {"TenPhiLePhi": "Lệ phí", "MaPhiLePhi": "", "HinhThucThu": "1", "Gia": "0", "LoaiPhiLePhi": "2"}
        ],
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": [],
        "DanhSachGiayToKetQua": [],
    }
    record.update(changes)
    return record


def paper(**changes: Any) -> dict[str, Any]:
    return {
        "TepDinhKemId": "1",
        "TenTepDinhKem": "to-khai.pdf",
        "IsDeleted": "False",
        "MaThanhPhanHoSo": "1",
        "DuongDanTaiTepTin": "https://motcua.example.vn/files/1",
        **changes,
    }


def result(**changes: Any) -> dict[str, Any]:
    return {
        "TenGiayTo": "Kết quả",
        "MaThanhPhanHoSo": "",
        "GiayToId": "2",
        "DuongDanTepTinKetQua": "http://10.0.0.5:8080/portal/files/2.pdf",
        **changes,
    }


def step(code: str = "000.00.06.H56-261127-0101", **changes: Any) -> dict[str, Any]:
    record = {
        "MaHoSo": code,
        "NguoiXuLy": "Trần Thị Bình",
        "ChucDanh": "Công chức tiếp nhận",
        "ThoiDiemXuLy": "20261127090000",
        "PhongBanXuLy": "Bộ phận Một cửa",
        "NoiDungXuLy": "Tiếp nhận hồ sơ",
        "TrangThai": "2",
        "NgayBatDau": "20261127090000",
        "NgayKetThucTheoQuyDinh": "20261130170000",
    }
    record.update(changes)
    return record


def without(record: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != key}


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {what}")


# --- accepted ---


def test_a_good_dossier_is_kept_with_its_steps_in_order(double: PortalDouble, caller: Caller) -> None:
    assert caller.create(dossier()) == {"error_code": 0, "message": "Thành công"}
    assert caller.steps(step())["error_code"] == 0
    moved = step(ThoiDiemXuLy="20261127100000", TrangThai="3", NoiDungXuLy="Chuyển xử lý")
    assert caller.steps(moved)["error_code"] == 0
    assert caller.update(dossier(TrangThaiHoSo="3"))["error_code"] == 0

    state = double.state()
    held = state["dossiers"]["000.00.06.H56-261127-0101"]
    assert (held["creates"], held["updates"], held["object"]["TrangThaiHoSo"]) == (1, 1, "3")
    assert [s["TrangThai"] for s in state["steps"]["000.00.06.H56-261127-0101"]] == ["2", "3"]
    assert state["violations"] == []
    assert state["sessions_issued"] == 1
    assert state["calls"] == [
        {"service": "DongBoHoSoMC", "isUpdating": "False", "size": 1, "answer": 0},
        {"service": "CapNhatTienDoHoSoMC", "isUpdating": None, "size": 1, "answer": 0},
        {"service": "CapNhatTienDoHoSoMC", "isUpdating": None, "size": 1, "answer": 0},
        {"service": "DongBoHoSoMC", "isUpdating": "True", "size": 1, "answer": 0},
    ]


# --- each contract check refuses, keeps nothing of the batch, and records the breach ---

BREACHES = [
    ("missing key", without(dossier(), "GhiChu"), "data[1].GhiChu"),
    ("missing list", without(dossier(), "DanhSachGiayToKetQua"), "data[1].DanhSachGiayToKetQua"),
    ("unknown key", dossier(MaCoQuan="H56"), "data[1].MaCoQuan"),
    ("non-string", dossier(TrangThaiHoSo=2), "data[1].TrangThaiHoSo"),
    ("month 13", dossier(NgayTiepNhan="20261302000000"), "data[1].NgayTiepNhan"),
    ("dashed date", dossier(NgayHenTra="2026-12-01"), "data[1].NgayHenTra"),
    ("29 February 2026", dossier(NgayTra="20260229080000"), "data[1].NgayTra"),
    ("empty MaHoSo", dossier(""), "data[1].MaHoSo"),
    ("empty ChuHoSo", dossier(ChuHoSo=" "), "data[1].ChuHoSo"),
    ("LoaiDoiTuong", dossier(LoaiDoiTuong="3"), "data[1].LoaiDoiTuong"),
    ("HinhThuc", dossier(HinhThuc="2"), "data[1].HinhThuc"),
    ("TrangThaiHoSo 11", dossier(TrangThaiHoSo="11"), "data[1].TrangThaiHoSo"),
    ("due before receipt", dossier(NgayHenTra="20261126090000"), "data[1].NgayHenTra"),
    ("list not a list", dossier(DanhSachHoSoBoSung=""), "data[1].DanhSachHoSoBoSung"),
    ("other list item", dossier(DanhSachHoSoBoSung=["x"]), "data[1].DanhSachHoSoBoSung[0]"),
    (
        "TaiLieuNop item",
        dossier(TaiLieuNop=[{"TepDinhKemId": "1", "TenTepDinhKem": "a.pdf"}]),
        "data[1].TaiLieuNop[0].IsDeleted",
    ),
    (
        "GiayToKetQua item",
        dossier(DanhSachGiayToKetQua=[{"TenGiayTo": "x", "MaThanhPhanHoSo": "", "GiayToId": 1}]),
        "data[1].DanhSachGiayToKetQua[0].DuongDanTepTinKetQua",
    ),
    ("same code twice", dossier("000.00.06.H56-261127-0102"), "data[1].MaHoSo"),
    ("paper link ftp", dossier(TaiLieuNop=[paper(DuongDanTaiTepTin="ftp://motcua.example.vn/1")]),
     "data[1].TaiLieuNop[0].DuongDanTaiTepTin"),
    ("paper link relative", dossier(TaiLieuNop=[paper(DuongDanTaiTepTin="/portal/files/1.pdf")]),
     "data[1].TaiLieuNop[0].DuongDanTaiTepTin"),
    ("paper link empty", dossier(TaiLieuNop=[paper(DuongDanTaiTepTin="")]),
     "data[1].TaiLieuNop[0].DuongDanTaiTepTin"),
    ("paper IsDeleted 0", dossier(TaiLieuNop=[paper(IsDeleted="0")]), "data[1].TaiLieuNop[0].IsDeleted"),
    ("paper without ID", dossier(TaiLieuNop=[paper(TepDinhKemId="")]), "data[1].TaiLieuNop[0].TepDinhKemId"),
    ("paper extra key", dossier(TaiLieuNop=[paper(DuocSoHoa="True")]), "data[1].TaiLieuNop[0].DuocSoHoa"),
    ("result link", dossier(DanhSachGiayToKetQua=[result(DuongDanTepTinKetQua="ket-qua.pdf")]),
     "data[1].DanhSachGiayToKetQua[0].DuongDanTepTinKetQua"),
    ("result without name", dossier(DanhSachGiayToKetQua=[result(TenGiayTo=" ")]),
     "data[1].DanhSachGiayToKetQua[0].TenGiayTo"),
    ("result ID not a string", dossier(DanhSachGiayToKetQua=[result(GiayToId=7)]),
     "data[1].DanhSachGiayToKetQua[0].GiayToId"),
]  # fmt: skip


@pytest.mark.parametrize(("bad", "field"), [(b, f) for _, b, f in BREACHES], ids=[n for n, _, _ in BREACHES])
def test_a_breach_in_a_dossier_refuses_the_whole_batch(
    double: PortalDouble, caller: Caller, bad: dict[str, Any], field: str
) -> None:
    good = dossier("000.00.06.H56-261127-0102")
    answer = caller.create(good, bad)
    assert answer["error_code"] == "-1"
    assert answer["message"].startswith(field + ":")
    state = double.state()
    assert state["dossiers"] == {}
    assert len(state["violations"]) == 1 and field in state["violations"][0]
    assert state["calls"][-1]["answer"] == "-1"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"service": "DongBoHoSoMC", "isUpdating": False, "data": [dossier()]}, "isUpdating"),
        ({"service": "DongBoHoSoMC", "isUpdating": "false", "data": [dossier()]}, "isUpdating"),
        ({"service": "DongBoHoSoMC", "isUpdating": "False", "data": []}, "data"),
        ({"service": "DongBoHoSoMC", "isUpdating": "False", "data": dossier()}, "data"),
        (
            {
                "service": "DongBoHoSoMC",
                "isUpdating": "False",
                "madonvi": "000.00.07.H56",
                "data": [dossier()],
            },
            "madonvi",
        ),
        ({"service": "DongBoHoSoMCX", "data": [dossier()]}, "service"),
        ({"service": "TraCuuHoSo", "mahoso": "000.00.06.H56-261127-0101"}, "service"),
    ],
    ids=[
        "isUpdating bool",
        "isUpdating lower case",
        "empty data",
        "data not a list",
        "madonvi",
        "unknown",
        "share",
    ],
)
def test_a_breach_in_the_call_is_refused(
    double: PortalDouble, caller: Caller, body: dict[str, Any], field: str
) -> None:
    answer = caller.integrate(body)
    assert answer["error_code"] == "-1" and answer["message"].startswith(field + ":")
    state = double.state()
    assert state["dossiers"] == {} and len(state["violations"]) == 1


def test_a_dossier_created_twice_is_refused(double: PortalDouble, caller: Caller) -> None:
    assert caller.create(dossier())["error_code"] == 0
    again = caller.create(dossier("000.00.06.H56-261127-0102"), dossier())
    assert again["error_code"] == "-1" and "created twice" in again["message"]
    state = double.state()
    assert list(state["dossiers"]) == ["000.00.06.H56-261127-0101"]
    assert state["dossiers"]["000.00.06.H56-261127-0101"]["creates"] == 1
    assert len(state["violations"]) == 1 and "created twice" in state["violations"][0]


def test_an_update_of_a_dossier_it_does_not_hold_is_refused(double: PortalDouble, caller: Caller) -> None:
    answer = caller.update(dossier())
    assert answer["error_code"] == "-1" and "does not hold" in answer["message"]
    state = double.state()
    assert state["dossiers"] == {} and len(state["violations"]) == 1


def test_a_step_of_a_dossier_it_does_not_hold_is_refused(double: PortalDouble, caller: Caller) -> None:
    caller.create(dossier())
    answer = caller.steps(step(), step("000.00.06.H56-261127-0199"))
    assert answer["error_code"] == "-1" and answer["message"].startswith("data[1].MaHoSo:")
    state = double.state()
    assert state["steps"] == {} and len(state["violations"]) == 1


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (without(step(), "ChucDanh"), "data[0].ChucDanh"),
        (step(NguoiXuLy=""), "data[0].NguoiXuLy"),
        (step(TrangThai="0"), "data[0].TrangThai"),
        (step(ThoiDiemXuLy="2026112709000"), "data[0].ThoiDiemXuLy"),
        (step(NgayBatDau="20261127250000"), "data[0].NgayBatDau"),
        (step(Extra=""), "data[0].Extra"),
    ],
    ids=["missing", "empty officer", "status 0", "13 digits", "hour 25", "unknown key"],
)
def test_a_breach_in_a_step_is_refused(
    double: PortalDouble, caller: Caller, bad: dict[str, Any], field: str
) -> None:
    caller.create(dossier())
    answer = caller.steps(bad)
    assert answer["error_code"] == "-1" and answer["message"].startswith(field + ":")
    assert double.state()["steps"] == {}
    assert len(double.violations()) == 1


def test_a_step_sent_twice_is_recorded_once_and_flagged(double: PortalDouble, caller: Caller) -> None:
    caller.create(dossier())
    assert caller.steps(step())["error_code"] == 0
    assert caller.steps(step())["error_code"] == 0
    state = double.state()
    assert len(state["steps"]["000.00.06.H56-261127-0101"]) == 1
    assert ["step twice" in v for v in state["violations"]] == [True]


def test_times_must_be_real_date_times() -> None:
    check_time("t", "")
    check_time("t", "20280229235959")
    for bad in (
        "20261302000000",
        "2026-12-01",
        "20260229000000",
        "20261201240000",
        "２０２６１２０１００００００",
    ):
        with pytest.raises(Breach):
            check_time("t", bad)


# --- sessions ---


def test_a_wrong_password_is_refused(double: PortalDouble, caller: Caller) -> None:
    answer = caller.http.post(double.auth_path, json={"username": double.username, "password": "sai"}).json()
    assert answer == {"error_code": "-1", "message": "Sai tên đăng nhập hoặc mật khẩu"}
    assert double.state()["sessions_issued"] == 1


def test_an_expired_session_answers_401_until_signed_in_again(double: PortalDouble, caller: Caller) -> None:
    double.expire()
    response = caller.post(
        double.integration_path, {"service": "DongBoHoSoMC", "isUpdating": "False", "data": [dossier()]}
    )
    assert response.status_code == 401
    assert response.json() == {"error_code": 401, "message": "Phiên làm việc hết hạn"}
    unknown = caller.http.post(double.share_path, json={"session": "khong-co", "madonvi": double.unit_code})
    assert unknown.status_code == 401
    caller.session = caller.sign_in()
    assert caller.create(dossier())["error_code"] == 0
    state = double.state()
    assert state["sessions_issued"] == 2 and state["violations"] == []
    assert [c["answer"] for c in state["calls"]] == [401, 401, 0]


# --- told to fail, hold, refuse ---


def test_fail_answers_the_status_with_no_effect_then_recovers(double: PortalDouble, caller: Caller) -> None:
    double.fail(2, 503)
    first = caller.post(
        double.integration_path, {"service": "DongBoHoSoMC", "isUpdating": "False", "data": [dossier()]}
    )
    second = caller.post(double.share_path, {"service": "TraCuuHoSo", "mahoso": "000.00.06.H56-261127-0101"})
    assert (first.status_code, second.status_code) == (503, 503)
    assert caller.sign_in() != ""  # signing in is not affected
    assert double.state()["dossiers"] == {}
    assert caller.create(dossier())["error_code"] == 0
    assert [c["answer"] for c in double.state()["calls"]] == [503, 503, 0]


def test_a_held_answer_times_the_client_out_but_the_portal_kept_the_batch(double: PortalDouble) -> None:
    impatient = Caller(double, timeout=0.5)
    double.hang(1, 60)
    with pytest.raises(httpx.ReadTimeout):
        impatient.create(dossier())
    assert double.state()["dossiers"]["000.00.06.H56-261127-0101"]["creates"] == 1
    double.release()
    assert impatient.update(dossier(TrangThaiHoSo="3"))["error_code"] == 0  # only one call was held
    impatient.http.close()


def test_release_ends_a_hold_early(double: PortalDouble, caller: Caller) -> None:
    double.hang(1, 120)
    answers: list[dict[str, Any]] = []
    sender = threading.Thread(target=lambda: answers.append(caller.create(dossier())))
    sender.start()
    wait_for(lambda: "000.00.06.H56-261127-0101" in double.state()["dossiers"], "the held batch stored")
    assert answers == []
    double.release()
    sender.join(timeout=20)
    assert not sender.is_alive()
    assert answers == [{"error_code": 0, "message": "Thành công"}]


def test_a_refused_dossier_keeps_nothing_of_its_batch_until_cleared(
    double: PortalDouble, caller: Caller
) -> None:
    double.reject("000.00.06.H56-261127-0102", "99", "Mã thủ tục không tồn tại trên Cổng")
    answer = caller.create(dossier(), dossier("000.00.06.H56-261127-0102"))
    assert answer == {"error_code": "99", "message": "Mã thủ tục không tồn tại trên Cổng"}
    assert double.state()["dossiers"] == {}
    assert caller.create(dossier())["error_code"] == 0
    double.clear_reject("000.00.06.H56-261127-0102")
    assert caller.create(dossier("000.00.06.H56-261127-0102"))["error_code"] == 0
    state = double.state()
    assert sorted(state["dossiers"]) == ["000.00.06.H56-261127-0101", "000.00.06.H56-261127-0102"]
    assert state["violations"] == []  # a refusal is the portal's, not the product's fault
    assert [c["answer"] for c in state["calls"]] == ["99", 0, 0]


# --- look-ups ---


def test_looking_up_a_dossier_answers_what_it_holds_with_its_steps(
    double: PortalDouble, caller: Caller
) -> None:
    caller.create(dossier())
    caller.steps(step(), step(ThoiDiemXuLy="20261127100000", TrangThai="3", NoiDungXuLy="Chuyển xử lý"))
    found = caller.share({"service": "TraCuuHoSo", "mahoso": "000.00.06.H56-261127-0101"})
    assert found["error_code"] == 0
    [held] = found["result"]
    assert held["ChuHoSo"] == "Nguyễn Văn An"
    assert [s["TrangThai"] for s in held["QuaTrinhXuLy"]] == ["2", "3"]
    absent = caller.share({"service": "TraCuuHoSo", "mahoso": "000.00.06.H56-261127-0199"})
    assert (absent["error_code"], absent["result"]) == (0, [])
    empty = caller.share({"service": "TraCuuHoSo", "mahoso": ""})
    assert empty["error_code"] == "-1"
    assert len(double.violations()) == 1


def test_looking_up_a_procedure_answers_the_seeded_table(double: PortalDouble, caller: Caller) -> None:
    double.procedures(
        [
            {
                "MATTHC": "1.001193",
                "TENTTHC": "Đăng ký khai sinh",
                "MALINHVUC": "G09-TP03",
                "TENLINHVUC": "Hộ tịch",
            }
        ]
    )
    found = caller.share({"service": "LayThuTuc", "maTTHC": "1.001193"})
    assert found["result"] == [
        {
            "MATTHC": "1.001193",
            "TENTTHC": "Đăng ký khai sinh",
            "LINHVUCTHUCHIEN": [{"MALINHVUC": "G09-TP03", "TENLINHVUC": "Hộ tịch"}],
        }
    ]
    assert caller.share({"service": "LayThuTuc", "maTTHC": "9.999999"})["result"] == []
    assert double.violations() == []


def test_papers_listed_by_http_links_are_kept(double: PortalDouble, caller: Caller) -> None:
    listed = dossier(
        TaiLieuNop=[paper(), paper(TepDinhKemId="3", IsDeleted="True")], DanhSachGiayToKetQua=[result()]
    )
    assert caller.create(listed)["error_code"] == 0
    held = double.state()["dossiers"]["000.00.06.H56-261127-0101"]["object"]
    assert held["DanhSachGiayToKetQua"] == [result()] and len(held["TaiLieuNop"]) == 2
    assert double.violations() == []


def test_fetch_downloads_a_link_from_the_doubles_own_process(double: PortalDouble) -> None:
    got = double.fetch(double.url + "/_double/state")
    assert got["status"] == 200 and got["content_type"].startswith("application/json")
    assert got["json"]["violations"] == [] and got["size"] > 0 and len(got["sha256"]) == 64
    missing = double.fetch(double.url + "/nowhere.pdf")
    assert missing["status"] == 404 and missing["json"] == {"error": "not found"}
    assert double.fetch("ftp://127.0.0.1/file.pdf")["status"] == 0
    closed = double.fetch("http://127.0.0.1:9/file.pdf")  # the discard port: nothing listens there
    assert closed["status"] == 0 and closed["error"]


# --- the process ---


def test_the_fixture_starts_a_fresh_double_on_its_own_paths(portal_double: PortalDouble) -> None:
    assert portal_double.url.startswith("http://127.0.0.1:")
    assert (portal_double.username, portal_double.password, portal_double.unit_code) == (
        "lgsp-test",
        "mat-khau-thu",
        "000.00.06.H56",
    )
    assert portal_double.state()["sessions_issued"] == 0


def test_other_paths_and_credentials_and_kill() -> None:
    double = start_double(
        username="u", password="p", unit_code="000.00.01.H01", auth_path="/lgsp/xac-thuc",
        integration_path="/lgsp/dvcqg/tich-hop", share_path="/lgsp/dvcqg/chia-se",
    )  # fmt: skip
    try:
        client = Caller(double)
        assert client.session != ""
        assert client.create(dossier())["error_code"] == 0
        assert client.http.post("/integration", json={}).status_code == 404
        client.http.close()
    finally:
        double.kill()
    assert double.process.returncode is not None
    with pytest.raises(httpx.ConnectError):
        httpx.get(double.url + "/_double/state", timeout=2)
