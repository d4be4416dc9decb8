"""Digitised papers for the national portal, on the server: the unit's public address and link key (`portal-config
--files-url`, migration 11), the signed links and the public route that answers them (one 404 for every refusal),
the papers' entries in the dossier's object, and the dossier's state queued again once when a paper's file becomes
downloadable — by its upload, or by a paper naming a file the server already holds."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from counter_app.core.ids import new_id
from counter_app.core.intake import new_dossier, receive
from counter_app.core.model import Component, Person, Procedure
from counter_app.core.serial import dossier_to_dict
from counter_app.core.wire import Change, Result
from counter_app.server import cli as server_cli
from counter_app.server import schema
from counter_app.server.admin import add_counter, enrol_installation
from counter_app.server.database import open_database
from counter_app.server.files import FileVault
from counter_app.server.portal_files import ascii_file_name, file_link, signature, stored_paper
from counter_app.server.portal_map import (
    ProcedureNames,
    StoredPaper,
    dossier_record,
    result_entry,
    submitted_entry,
)
from counter_app.server.portal_queue import PortalSettings, configure, stored_papers
from counter_app.server.process import ServerProcess
from counter_app.server.writer import PushWriter

AGENCY = "000.00.06.H56"
OTHER = "000.00.07.H56"
PROCEDURE = Procedure(
    "1.001193",
    "Đăng ký khai sinh",
    "Hộ tịch",
    duration=3,
    components=(Component(1, "Tờ khai đăng ký khai sinh", required=False),),
)
DAY = datetime(2026, 11, 23, 8, 0)
KEY = "5f" * 32
PUBLIC = "https://dvc.example.gov.vn/mot-cua"


# ---- the link and the entries (no database) ---------------------------------------------------------------------
def test_the_link_is_the_public_address_then_the_route_signed_with_the_units_key() -> None:
    sha = hashlib.sha256(b"to khai").hexdigest()
    sig = hmac.new(bytes.fromhex(KEY), f"{AGENCY}/{sha}".encode(), hashlib.sha256).hexdigest()
    assert signature(KEY, AGENCY, sha) == sig
    assert file_link(PUBLIC + "/", KEY, AGENCY, sha) == f"{PUBLIC}/portal/files/{AGENCY}/{sha}/{sig}.pdf"
    assert signature(KEY, OTHER, sha) != sig and signature("6f" * 32, AGENCY, sha) != sig


@pytest.mark.parametrize(
    ("name", "file_name"),
    [
        ("Tờ khai đăng ký khai sinh", "To khai dang ky khai sinh.pdf"),
        ("Kết quả: Đăng ký khai sinh", "Ket qua- Dang ky khai sinh.pdf"),
        ('a"b\r\nc;d/e\\f', "a-b-c-d-e-f.pdf"),
        ("結果", "0123456789abcdef.pdf"),
        ("", "0123456789abcdef.pdf"),
    ],
)
def test_the_file_name_in_the_header_is_plain_ascii(name: str, file_name: str) -> None:
    made = ascii_file_name(name, "0123456789abcdef")
    assert made == file_name and made.isascii() and '"' not in made


def test_papers_become_the_portals_items_every_value_a_string() -> None:
    draft = new_dossier(
        agency_id=AGENCY, procedure=PROCEDURE, applicant=Person("Nguyễn Văn Đức"), at=DAY, officer="canbo",
        counter=1,
    )  # fmt: skip
    dossier = receive(draft, f"{AGENCY}-261123-0101", DAY + timedelta(days=3))
    handed = StoredPaper("p1", AGENCY, "component", 1, "Tờ khai", "a" * 64)
    result = StoredPaper("p2", AGENCY, "result", None, "Kết quả: Đăng ký khai sinh", "b" * 64)
    record = dossier_record(
        dossier,
        ProcedureNames("Đăng ký khai sinh", "G09", "Hộ tịch"),
        "UBND phường Mẫu",
        submitted=[submitted_entry(handed, "https://x/1.pdf")],
        results=[result_entry(result, "https://x/2.pdf")],
    )
    assert record["TaiLieuNop"] == [
        {
            "TepDinhKemId": "p1",
            "TenTepDinhKem": "Tờ khai.pdf",
            "IsDeleted": "False",
            "MaThanhPhanHoSo": "1",
            "DuongDanTaiTepTin": "https://x/1.pdf",
        }
    ]
    assert record["DanhSachGiayToKetQua"] == [
        {
            "TenGiayTo": "Kết quả: Đăng ký khai sinh",
            "MaThanhPhanHoSo": "",
            "GiayToId": "p2",
            "DuongDanTepTinKetQua": "https://x/2.pdf",
        }
    ]
    assert (
        submitted_entry(StoredPaper("p3", AGENCY, "component", None, "x", "c" * 64), "")["MaThanhPhanHoSo"]
        == ""
    )


# ---- configuration --------------------------------------------------------------------------------------------
def server_cmd(url: str, *args: str, lang: str = "en") -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    code = server_cli.main(["--lang", lang, *args, "--database", url], out=out, err=err)
    return SimpleNamespace(code=code, out=out.getvalue(), err=err.getvalue())


def portal_config(url: str, *extra: str, lang: str = "en", agency: str = AGENCY) -> SimpleNamespace:
    return server_cmd(
        url, "portal-config", "--agency-id", agency, "--adapter-url", "http://127.0.0.1:9", "--auth-path", "/auth",
        "--integration-path", "/integration", "--share-path", "/share", "--unit-code", "H56", "--username", "lgsp",
        "--password-env", "PORTAL_LINK_TEST_PASSWORD", *extra, lang=lang,
    )  # fmt: skip


def unit_row(admin: SimpleNamespace, agency: str = AGENCY) -> tuple[str, str]:
    with admin.db.connection_context():
        row = admin.PortalUnit.get(admin.PortalUnit.agency_id == agency)
        return str(row.files_url), str(row.link_key)


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_LINK_TEST_PASSWORD", "mat-khau-cong")


def test_the_link_key_is_made_by_the_first_config_and_kept_when_the_unit_is_configured_again(
    server_db: str, admin: SimpleNamespace, password: None
) -> None:
    first = portal_config(server_db, "--files-url", PUBLIC + "/")
    assert first.code == 0, first.err
    assert f"links under {PUBLIC}/portal/files/" in first.out
    files_url, key = unit_row(admin)
    assert files_url == PUBLIC and len(key) == 64 and int(key, 16) >= 0
    again = portal_config(server_db)  # the settings are replaced: no --files-url, no papers listed
    assert again.code == 0 and "not listed" in again.out
    assert unit_row(admin) == ("", key)
    assert portal_config(server_db, "--files-url", "http://10.0.0.5:8080").code == 0
    assert unit_row(admin) == ("http://10.0.0.5:8080", key)
    rotated = portal_config(server_db, "--files-url", "http://10.0.0.5:8080", "--new-link-key")
    assert rotated.code == 0
    files_url, new_key = unit_row(admin)
    assert files_url == "http://10.0.0.5:8080" and len(new_key) == 64 and new_key != key
    key = new_key
    assert portal_config(server_db, agency=OTHER).code == 0
    assert unit_row(admin, OTHER)[1] not in ("", key)  # each unit its own key
    with admin.db.connection_context():
        audit = [json.loads(r.detail) for r in admin.ConsoleAudit.select().order_by(admin.ConsoleAudit.id)]
    assert audit[0]["files_url"] == PUBLIC + "/" and "files_url" not in audit[1]
    assert audit[3]["new_link_key"] is True and "new_link_key" not in audit[2]
    assert key not in json.dumps(audit)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://dvc.example.gov.vn",
        "dvc.example.gov.vn",
        "https://",
        "https://user:pass@dvc.example.gov.vn",
        "https://dvc.example.gov.vn/?unit=H56",
        "https://dvc.example.gov.vn/#files",
        "https://dvc.example.gov.vn/mot cua",
        "https://dịch-vụ.example.vn",
        "https://dvc.example.gov.vn:0",
        "https://dvc.example.gov.vn:99999",
        "https://dvc.example.gov.vn/" + "a" * 500,
    ],
)
def test_an_address_the_portal_cannot_use_is_refused_in_one_sentence_and_nothing_is_stored(
    server_db: str, admin: SimpleNamespace, password: None, url: str
) -> None:
    refused = portal_config(server_db, "--files-url", url, lang="vi")
    assert refused.code == 2 and "Traceback" not in refused.err
    assert "(--files-url) phải là một địa chỉ http:// hoặc https:// đầy đủ" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    with admin.db.connection_context():
        assert admin.PortalUnit.select().count() == 0
    english = portal_config(server_db, "--files-url", url)
    assert english.code == 2 and "must be a full http:// or https:// address" in english.err


def test_units_configured_before_the_migration_get_a_key_at_their_next_config(
    server_db: str, password: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(server_db, pool_size=2)
    p = db.param
    with monkeypatch.context() as earlier:  # the server as it was before migration 11
        earlier.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:10])
        assert schema.migrate(db)[-1] == 10
    with db.atomic():
        db.execute_sql(
            f"INSERT INTO agencies (agency_id, created_at) VALUES ({p}, {p})", (AGENCY, "2026-11-01")
        )
        db.execute_sql(
            "INSERT INTO portal_units (agency_id, adapter_url, auth_path, integration_path, share_path, unit_code, "
            f"username, password_env, updated_at) VALUES ({p}, 'http://127.0.0.1:9', '/a', '/i', '/s', 'H56', 'u', "
            f"'X', {p})",
            (AGENCY, "2026-11-01"),
        )
    assert schema.migrate(db) == [11]
    assert db.execute_sql("SELECT files_url, link_key FROM portal_units").fetchall() == [("", "")]
    db.close_all()
    assert portal_config(server_db).code == 0
    db = open_database(server_db, pool_size=2)
    [(files_url, key)] = db.execute_sql("SELECT files_url, link_key FROM portal_units").fetchall()
    assert files_url == "" and len(key) == 64
    db.close_all()


# ---- dossiers and papers pushed as counters push them ------------------------------------------------------------
class Unit:
    """One agency's counter 1 pushing through the server's own writer, in this process."""

    def __init__(self, admin: SimpleNamespace, writer: PushWriter, agency: str = AGENCY) -> None:
        self.admin, self.writer, self.agency = admin, writer, agency
        self.credential = enrol_installation(admin, add_counter(admin, agency, 1)).credential
        self.made = 0

    def dossier(self) -> Change:
        self.made += 1
        at = DAY + timedelta(minutes=self.made)
        draft = new_dossier(
            agency_id=self.agency, procedure=PROCEDURE, applicant=Person(f"Lê Văn {self.made}"), at=at,
            officer="canbo", counter=1,
        )  # fmt: skip
        d = receive(draft, f"{self.agency}-261123-01{self.made:02d}", at + timedelta(days=3))
        return Change(new_id(), "dossier.create", d.id, 1, "canbo", at.isoformat(), dossier_to_dict(d))

    def paper(self, dossier_id: str, data: bytes, kind: str = "component") -> Change:
        payload = {
            "id": new_id(), "dossier_id": dossier_id, "kind": kind, "component": 1 if kind == "component" else None,
            "name": "Tờ khai đăng ký khai sinh", "sha256": hashlib.sha256(data).hexdigest(), "pages": 1,
            "bytes": len(data), "created_at": DAY.isoformat(),
        }  # fmt: skip
        return Change(new_id(), "attachment.add", dossier_id, 1, "canbo", DAY.isoformat(), payload)

    def push(self, *changes: Change) -> None:
        results = self.writer.submit(self.credential, list(changes))
        assert all(r.result is Result.APPLIED for r in results), results


def states_queued(admin: SimpleNamespace, dossier_id: str) -> int:
    """How many times the dossier's state was queued for the portal."""
    with admin.db.connection_context():
        Q = admin.PortalQueue
        return Q.select().where((Q.dossier_id == dossier_id) & (Q.kind == "dossier")).count()


@pytest.fixture
def writer(admin: SimpleNamespace) -> Iterator[PushWriter]:
    pusher = PushWriter(admin)
    yield pusher
    pusher.close()


def connect(
    admin: SimpleNamespace, files_url: str = PUBLIC, agency: str = AGENCY, new_key: bool = False
) -> None:
    with admin.db.connection_context():
        configure(
            admin,
            PortalSettings(
                agency, "http://127.0.0.1:9", "/a", "/i", "/s", "H56", "u", None, "PORTAL_LINK_TEST_PASSWORD",
                files_url=files_url,
            ),
            new_key=new_key,
        )  # fmt: skip


def test_a_paper_becoming_downloadable_queues_its_dossiers_state_once(
    admin: SimpleNamespace, writer: PushWriter, tmp_path: Path, password: None
) -> None:
    connect(admin)
    unit = Unit(admin, writer)
    vault = FileVault(tmp_path / "files")
    first, second, third = unit.dossier(), unit.dossier(), unit.dossier()
    unit.push(first, second)
    data = b"%PDF-1.7 to khai" * 100
    sha = hashlib.sha256(data).hexdigest()
    # the paper is recorded: nothing to tell the portal yet, its file is not there
    unit.push(unit.paper(first.dossier_id or "", data))
    assert states_queued(admin, first.dossier_id or "") == 1
    with admin.db.connection_context():
        assert stored_papers(admin, [first.dossier_id or ""]) == {}
        vault.append(admin, AGENCY, sha, 0, data[:1000])
        assert states_queued(admin, first.dossier_id or "") == 1  # not whole yet
        vault.append(admin, AGENCY, sha, 1000, data[1000:])
        vault.append(admin, AGENCY, sha, len(data), b"")  # whole already: recorded once
        [paper] = stored_papers(admin, [first.dossier_id or ""])[first.dossier_id or ""]
    assert (paper.kind, paper.component, paper.sha256) == ("component", 1, sha)
    assert states_queued(admin, first.dossier_id or "") == 2
    assert states_queued(admin, second.dossier_id or "") == 1
    # a paper naming a file the server holds already: its dossier is queued again at once, in the push
    unit.push(unit.paper(second.dossier_id or "", data, kind="result"))
    assert states_queued(admin, second.dossier_id or "") == 2
    # … unless the same push queues the dossier anyway (created with it)
    unit.push(third, unit.paper(third.dossier_id or "", data))
    assert states_queued(admin, third.dossier_id or "") == 1
    assert states_queued(admin, first.dossier_id or "") == 2
    # the address changes: every dossier with a stored paper goes again with its new links
    connect(admin, "http://10.0.0.5:8080")
    assert [states_queued(admin, c.dossier_id or "") for c in (first, second, third)] == [3, 3, 2]
    connect(admin, "http://10.0.0.5:8080")  # the same address again: nothing to re-send
    assert [states_queued(admin, c.dossier_id or "") for c in (first, second, third)] == [3, 3, 2]
    connect(admin, "http://10.0.0.5:8080", new_key=True)  # a new key: new links
    assert [states_queued(admin, c.dossier_id or "") for c in (first, second, third)] == [4, 4, 3]
    connect(admin, "")  # no address any more: the portal hears the lists are empty now
    assert [states_queued(admin, c.dossier_id or "") for c in (first, second, third)] == [5, 5, 4]
    # a unit that lists no papers does not re-send a dossier for a paper
    fourth = unit.dossier()
    unit.push(fourth, unit.paper(fourth.dossier_id or "", b"%PDF-1.7 other"))
    with admin.db.connection_context():
        vault.append(admin, AGENCY, hashlib.sha256(b"%PDF-1.7 other").hexdigest(), 0, b"%PDF-1.7 other")
    unit.push(unit.paper(first.dossier_id or "", data))
    assert (
        states_queued(admin, fourth.dossier_id or "") == 1
        and states_queued(admin, first.dossier_id or "") == 5
    )


def test_a_unit_not_connected_to_the_portal_queues_nothing_for_its_papers(
    admin: SimpleNamespace, writer: PushWriter, tmp_path: Path
) -> None:
    unit = Unit(admin, writer)
    change = unit.dossier()
    data = b"%PDF-1.7 giay to" * 10
    unit.push(change, unit.paper(change.dossier_id or "", data))
    with admin.db.connection_context():
        FileVault(tmp_path).append(admin, AGENCY, hashlib.sha256(data).hexdigest(), 0, data)
        assert admin.PortalQueue.select().count() == 0
        assert admin.StoredFile.select().count() == 1


# ---- the public route ----------------------------------------------------------------------------------------
def test_the_route_answers_a_signed_link_and_the_same_404_to_everything_else(
    server: ServerProcess, admin: SimpleNamespace, writer: PushWriter, password: None
) -> None:
    connect(admin)
    connect(admin, agency=OTHER)
    unit, other = Unit(admin, writer), Unit(admin, writer, OTHER)
    data = b"%PDF-1.7 " + bytes(range(256)) * 40
    sha = hashlib.sha256(data).hexdigest()
    change, elsewhere = unit.dossier(), other.dossier()
    unit.push(change, unit.paper(change.dossier_id or "", data))
    other.push(elsewhere)
    vault = FileVault(server.files_dir)
    _, key = unit_row(admin)
    _, other_key = unit_row(admin, OTHER)
    link = file_link(server.url, key, AGENCY, sha)
    with httpx.Client(timeout=30) as http:
        # before the file is whole the link opens nothing
        assert http.get(link).status_code == 404
        with admin.db.connection_context():
            vault.append(admin, AGENCY, sha, 0, data)
        got = http.get(link)  # no credential at all
        assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == sha
        assert got.headers["content-type"] == "application/pdf"
        assert got.headers["content-disposition"] == 'inline; filename="To khai dang ky khai sinh.pdf"'
        assert got.headers["cache-control"] == "private, no-store"
        sig = signature(key, AGENCY, sha)
        unknown = hashlib.sha256(b"no such paper").hexdigest()
        refused = [
            f"{server.url}/portal/files/{AGENCY}/{sha}/{'0' * 64}.pdf",  # a wrong signature
            f"{server.url}/portal/files/{AGENCY}/{sha}/{sig.upper()}.pdf",
            f"{server.url}/portal/files/{AGENCY}/{sha}/{sig}.txt",
            f"{server.url}/portal/files/{AGENCY}/{sha}/{sig}",
            f"{server.url}/portal/files/{AGENCY}/{sha}/{sig[:-1]}.pdf",
            file_link(server.url, key, AGENCY, unknown),  # signed, but no paper names it
            file_link(server.url, key, OTHER, sha),  # another unit, with this unit's key
            file_link(server.url, other_key, OTHER, sha),  # another unit's own link: it holds no such paper
            file_link(server.url, key, "000.00.99.H56", sha),  # a unit not connected
            f"{server.url}/portal/files/{AGENCY}%00/{sha}/{sig}.pdf",
            f"{server.url}/portal/files/{'A.' * 40}B/{sha}/{sig}.pdf",
            f"{server.url}/portal/files/..%2F{AGENCY}/{sha}/{sig}.pdf",
            f"{server.url}/portal/files/{AGENCY}/{sha}/{sig}.pdf/x",
        ]
        for url in refused:
            answer = http.get(url)
            assert (answer.status_code, answer.json()) == (404, {"error": "not_found"}), url
        # a unit disconnected, or connected without a key, opens nothing either
        with admin.db.connection_context():
            admin.PortalUnit.update(link_key="").where(admin.PortalUnit.agency_id == AGENCY).execute()
            assert stored_paper(admin, AGENCY, sha, signature("", AGENCY, sha)) is None
        assert http.get(link).status_code == 404
        with admin.db.connection_context():
            admin.PortalUnit.update(link_key=key, enabled=False).where(
                admin.PortalUnit.agency_id == AGENCY
            ).execute()
        assert http.get(link).status_code == 404
        with admin.db.connection_context():
            admin.PortalUnit.update(enabled=True).where(admin.PortalUnit.agency_id == AGENCY).execute()
        assert http.get(link).status_code == 200
        connect(admin, new_key=True)  # the key replaced: the old link is dead, the new one opens the paper
        assert http.get(link).status_code == 404
        assert http.get(file_link(server.url, unit_row(admin)[1], AGENCY, sha)).status_code == 200
    assert not [line for line in server.log if "Traceback" in line]
