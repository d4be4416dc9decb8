"""Digitised papers reach the national portal by links it can download: a counter digitises a component and, later,
the result, syncs them to a real server process (the file uploaded by the counter's own sync engine), and the
server's portal sender lists them in `TaiLieuNop` / `DanhSachGiayToKetQua` of the dossier it reports to the
adapter's test double, which fetches each link over HTTP with no credential and gets the paper's bytes; the portal
hears of each paper once, by an update; a link altered in any part opens nothing; a unit without a public address
for its files sends the lists empty."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import cv2
import pytest
from portal.adapter_double import PortalDouble, start_double
from sync_support import Counters, sync_until_quiet

from counter_app.app import CounterApp, digitise
from counter_app.core.attachments import Attachment
from counter_app.core.intake import full_set, new_dossier
from counter_app.core.model import Component, Dossier, Person, Procedure, Status
from counter_app.devices.page_samples import photograph
from counter_app.server import cli as server_cli
from counter_app.server.process import ServerProcess
from counter_app.storage.store import CounterStore
from counter_app.sync.engine import SyncEngine

pytestmark = pytest.mark.slow
AGENCY = "000.00.06.H56"
PROCEDURE = Procedure(
    "1.001193",
    "Đăng ký khai sinh",
    "Hộ tịch",
    duration=3,
    components=(
        Component(1, "Tờ khai đăng ký khai sinh", originals=1),
        Component(2, "Giấy chứng sinh", originals=1),
    ),
)
AT = datetime(2026, 11, 23, 9, 0)
FAST = ["--portal-timeout", "5", "--portal-lease", "5"]


@pytest.fixture
def portal() -> Iterator[PortalDouble]:
    double = start_double()
    yield double
    double.kill()


def server_cmd(url: str, *args: str) -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    code = server_cli.main(["--lang", "en", *args, "--database", url], out=out, err=err)
    return SimpleNamespace(code=code, out=out.getvalue(), err=err.getvalue())


def connect(url: str, portal: PortalDouble, tmp_path: Path, *extra: str) -> None:
    secret = tmp_path / "portal-password"
    secret.write_text(portal.password + "\n", encoding="utf-8")
    done = server_cmd(
        url, "portal-config", "--agency-id", AGENCY, "--adapter-url", portal.url, "--auth-path", portal.auth_path,
        "--integration-path", portal.integration_path, "--share-path", portal.share_path, "--unit-code",
        portal.unit_code, "--username", portal.username, "--password-file", str(secret), *extra,
    )  # fmt: skip
    assert done.code == 0, done.err


def send_once(url: str) -> dict[str, object]:
    """One pass of the portal sender (`portal-sync --once`), as a province running it as its own service would."""
    done = server_cmd(url, "portal-sync", "--once", *FAST)
    assert done.code == 0, done.out + done.err
    [report] = [json.loads(line) for line in done.out.splitlines()]
    assert report["failed"] == "" and report["parked"] == 0, report
    return dict(report)


def counter(counters: Counters, url: str) -> tuple[CounterStore, CounterApp]:
    store = counters.new(1, url)
    store.replace_catalogue([PROCEDURE])
    return store, CounterApp(store, clock=lambda: AT)  # the operations' clock, pinned


def receive(store: CounterStore, name: str) -> Dossier:
    unit = store.require_unit()
    procedure = store.procedure(PROCEDURE.code)
    draft = new_dossier(
        agency_id=unit.agency_id, procedure=procedure, applicant=Person(name, phone="0912345678"), at=AT,
        officer="canbo", counter=unit.counter, components=full_set(procedure),
    )  # fmt: skip
    return store.receive(draft)


def photo_file(folder: Path, seed: int) -> Path:
    """A paper photographed on a desk, as the officer picks it from the camera roll."""
    path = folder / f"anh-{seed}.jpg"
    assert cv2.imwrite(str(path), photograph(seed, turn_degrees=7).frame)
    return path


def digitise_component(app: CounterApp, store: CounterStore, dossier: Dossier, tmp_path: Path) -> Attachment:
    officer = store.accounts.get("canbo")
    return digitise.attach_component(app, officer, dossier.id, 1, [photo_file(tmp_path, 5)]).value


def held(portal: PortalDouble, code: str) -> dict[str, object]:
    state = portal.state()
    assert state["violations"] == []
    return dict(state["dossiers"][code])


def test_a_digitised_paper_is_listed_by_a_link_the_portal_downloads_without_a_credential(
    server_db: str, admin: SimpleNamespace, counters: Counters, portal: PortalDouble, tmp_path: Path
) -> None:
    with ServerProcess(server_db, extra_args=["--no-portal"]) as server:
        connect(server_db, portal, tmp_path, "--files-url", server.url + "/")
        store, app = counter(counters, server.url)
        engine = SyncEngine(store)
        dossier = receive(store, "Nguyễn Văn Đức")
        code = dossier.code or ""
        sync_until_quiet([engine])
        assert send_once(server_db)["dossiers_sent"] == 1
        first = held(portal, code)
        assert first["creates"] == 1 and first["object"]["TaiLieuNop"] == []  # type: ignore[index]

        # the officer digitises the application form; the counter syncs the record and uploads the file
        paper = digitise_component(app, store, dossier, tmp_path)
        report = engine.cycle()
        assert report.ok and report.files_sent == 1
        sync_until_quiet([engine])
        assert send_once(server_db)["dossiers_sent"] == 1  # the update that carries the link
        now = held(portal, code)
        assert (now["creates"], now["updates"]) == (1, 1)
        [entry] = now["object"]["TaiLieuNop"]  # type: ignore[index]
        link = entry["DuongDanTaiTepTin"]
        assert entry == {
            "TepDinhKemId": paper.id,
            "TenTepDinhKem": "Tờ khai đăng ký khai sinh.pdf",
            "IsDeleted": "False",
            "MaThanhPhanHoSo": "1",
            "DuongDanTaiTepTin": link,
        }
        assert link.startswith(f"{server.url}/portal/files/{AGENCY}/{paper.sha256}/") and link.endswith(
            ".pdf"
        )
        assert now["object"]["DanhSachGiayToKetQua"] == []  # type: ignore[index]
        got = portal.fetch(link)
        assert (got["status"], got["sha256"], got["content_type"]) == (200, paper.sha256, "application/pdf")
        assert got["content_disposition"] == 'inline; filename="To khai dang ky khai sinh.pdf"'
        assert got["size"] == paper.bytes
        # told once: nothing more to send until something changes
        again = send_once(server_db)
        assert (again["dossiers_sent"], again["steps_sent"]) == (0, 0)

        # the result is ready and its electronic copy kept: listed as the dossier's result, fetchable too
        store.advance(code, Status.PROCESSING, officer="canbo", at=AT + timedelta(hours=1), action="transfer")
        store.advance(
            code, Status.RESULT_READY, officer="canbo", at=AT + timedelta(hours=2), action="result_ready"
        )
        result = digitise.attach_result(
            app, store.accounts.get("canbo"), dossier.id, [photo_file(tmp_path, 8)]
        ).value
        sync_until_quiet([engine])
        assert send_once(server_db)["steps_sent"] == 2  # the two moves, with the dossier's state
        final = held(portal, code)
        assert final["object"]["TrangThaiHoSo"] == "9"  # type: ignore[index]
        assert [e["TepDinhKemId"] for e in final["object"]["TaiLieuNop"]] == [paper.id]  # type: ignore[index]
        [outcome] = final["object"]["DanhSachGiayToKetQua"]  # type: ignore[index]
        assert outcome["GiayToId"] == result.id and outcome["TenGiayTo"] == "Kết quả: Đăng ký khai sinh"
        assert outcome["MaThanhPhanHoSo"] == ""
        fetched = portal.fetch(outcome["DuongDanTepTinKetQua"])
        assert (fetched["status"], fetched["sha256"]) == (200, result.sha256)

        # the link altered in any part opens nothing, and says nothing about why
        sig = link.rsplit("/", 1)[1].removesuffix(".pdf")
        other = hashlib.sha256(b"a paper this unit never kept").hexdigest()
        altered = [
            link.replace(sig, sig[::-1]),  # a wrong signature
            link.replace(f"/{AGENCY}/", "/000.00.07.H56/"),  # another agency
            link.replace(paper.sha256, other),  # a file the unit does not hold
            link.replace(
                paper.sha256, result.sha256
            ),  # another paper of the unit under this paper's signature
        ]
        for url in altered:
            refused = portal.fetch(url)
            assert (refused["status"], refused["json"]) == (404, {"error": "not_found"}), url
        assert portal.state()["violations"] == []
        engine.close()
        assert not [line for line in server.log if "Traceback" in line]


def test_a_unit_without_a_public_address_for_its_files_sends_the_lists_empty(
    server_db: str, admin: SimpleNamespace, counters: Counters, portal: PortalDouble, tmp_path: Path
) -> None:
    with ServerProcess(server_db, extra_args=["--no-portal"]) as server:
        connect(server_db, portal, tmp_path)
        store, app = counter(counters, server.url)
        engine = SyncEngine(store)
        dossier = receive(store, "Trần Thị Mai")
        digitise_component(app, store, dossier, tmp_path)
        sync_until_quiet([engine])
        with admin.db.connection_context():
            assert admin.StoredFile.select().count() == 1  # the file is there: the lists are empty by choice
        assert send_once(server_db)["dossiers_sent"] == 1  # and not again for the paper: it is not listed
        record = held(portal, dossier.code or "")["object"]
        assert record["TaiLieuNop"] == [] and record["DanhSachGiayToKetQua"] == []  # type: ignore[index]
        engine.close()
