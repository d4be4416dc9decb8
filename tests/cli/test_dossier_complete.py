"""`counter-app dossier complete REF --json`: the intake `dossier receive … --missing N` kept waiting for papers is
received now, by the id it printed or by the reference on its form 02; an unknown or already received REF is
refused in one sentence (exit 2), a paper still missing changes nothing (exit 1)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from counter_app.core.references import reference

#: Marital-status confirmation (3 working days): paper 1 is required, 4 is the ID card only shown.
RECEIVE = (
    "dossier",
    "receive",
    "--procedure",
    "1.004873",
    "--applicant-name",
    "Nguyễn Văn Đức",
    "--applicant-id",
    "001090012345",
    "--phone",
    "0912345678",
    "--received",
    "2026-11-23T10:00",
    "--json",
)


@pytest.fixture
def configured(clock, configured):
    """The set-up counter on the pinned clock (Monday 30/11/2026 09:00): the dates below are worked from it."""
    return configured


def _waiting(cli, *extra: str) -> dict:
    result = cli(*RECEIVE, "--missing", "4", *extra)
    assert result.code == 1 and "Chưa tiếp nhận" in result.err
    data = json.loads(result.out)
    assert data["code"] is None and data["status"] == 5
    return data


def test_complete_by_the_printed_id_receives_it_now(configured) -> None:
    waiting = _waiting(configured)
    result = configured("dossier", "complete", waiting["id"], "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["id"] == waiting["id"] and data["status"] == 2
    assert data["code"].startswith("000.00.06.H56-261130-02")  # today's code, counter 2's slot
    received = datetime.fromisoformat(data["received"])
    assert received.date() == datetime(2026, 11, 30).date()  # the moment the papers were complete
    appointment = datetime.fromisoformat(data["appointment"])
    assert appointment.date() == datetime(2026, 12, 3).date()  # three working days from Monday morning
    assert data["missing"] == [] and data["book_entry"] == 1
    assert [e["action"] for e in data["history"]] == ["supplement", "receive"]
    shown = configured("dossier", "show", data["code"], "--json")
    assert json.loads(shown.out)["id"] == waiting["id"]


def test_complete_by_the_form_02_reference_and_refused_twice(configured) -> None:
    waiting = _waiting(configured)
    ref = reference(waiting["id"])
    found = json.loads(configured("dossier", "search", ref, "--json").out)
    assert [d["id"] for d in found] == [waiting["id"]]
    done = configured("dossier", "complete", ref.lower().replace("-", ""))
    assert done.code == 0, done.err
    code = done.out.split("\t")[0]
    again = configured("dossier", "complete", ref, "--json")
    assert again.code == 2 and again.out == ""
    assert again.err.strip() == f"Hồ sơ «{ref}» đã được tiếp nhận, mã hồ sơ {code}; không tiếp nhận lại."
    english = configured("dossier", "complete", waiting["id"], lang="en")
    assert english.code == 2 and "was received already" in english.err


def test_an_unknown_reference_is_refused_in_one_sentence(configured) -> None:
    result = configured("dossier", "complete", "BS-00000-00000", "--json")
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == "Không tìm thấy hồ sơ chờ bổ sung có số tham chiếu «BS-00000-00000»."
    assert "Traceback" not in result.err
    other = configured("dossier", "complete", "không-có-gì")
    assert other.code == 2 and "Không tìm thấy" in other.err


def test_a_paper_still_missing_changes_nothing(configured) -> None:
    waiting = _waiting(configured)
    result = configured("dossier", "complete", waiting["id"], "--missing", "4", "--json")
    assert result.code == 1 and result.out == ""
    assert "Chưa tiếp nhận: hồ sơ còn thiếu (4)" in result.err
    shown = json.loads(configured("dossier", "show", waiting["id"], "--json").out)
    assert shown["status"] == 5 and shown["code"] is None


def test_a_refused_dossier_cannot_be_completed(configured) -> None:
    waiting = _waiting(configured)
    configured(
        "dossier", "advance", waiting["id"], "--status", "stopped", "--note", "Công dân không quay lại"
    )
    result = configured("dossier", "complete", waiting["id"])
    assert result.code == 2 and "không chờ bổ sung giấy tờ" in result.err and "Dừng xử lý" in result.err


def test_form_02_is_printed_again_by_its_reference(configured, tmp_path: Path) -> None:
    """A citizen who lost form 02: the officer prints it again from the reference (or the ID) alone."""
    waiting = _waiting(configured)
    for key in (reference(waiting["id"]), waiting["id"]):
        out = tmp_path / f"form02-{len(key)}.pdf"
        result = configured("print", "supplement", key, "-o", str(out))
        assert result.code == 0, result.err
        assert out.read_bytes().startswith(b"%PDF")
    missing = configured("print", "supplement", "BS-00000-00000", "-o", str(tmp_path / "none.pdf"))
    assert missing.code == 2 and "Traceback" not in missing.err
