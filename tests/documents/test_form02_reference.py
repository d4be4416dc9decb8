"""Form 02 carries what finds the dossier again: for an intake not received, its reference (printed, Code 128 and
QR) and what the citizen does with the form; for a dossier received and sent back during processing, its code."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from document_samples import Probe

from counter_app.core.codes import ScanKind, classify_scan
from counter_app.core.references import reference
from counter_app.documents import FormKind, Paper, render_form
from counter_app.documents.notices import BRING_BACK
from counter_app.documents.specimen import NAMES, UNIT, specimen_supplement, specimen_supplement_at_intake

PRINTED = datetime(2026, 10, 27, 9, 15)


def form02(dossier, paper: Paper = Paper.A5) -> bytes:
    return render_form(FormKind.SUPPLEMENT, dossier, UNIT, paper=paper, names=NAMES, printed_at=PRINTED)


@pytest.mark.parametrize("paper", [Paper.A5, Paper.A4])
def test_an_intake_not_received_carries_its_reference_in_words_and_symbols(
    probe: Probe, paper: Paper
) -> None:
    intake = specimen_supplement_at_intake()
    ref = reference(intake.id)
    pdf = form02(intake, paper)
    assert probe.pages(pdf) == 1
    text = probe.text(pdf)
    assert f"Số tham chiếu: {ref} (chưa cấp mã hồ sơ)" in text
    assert " ".join(BRING_BACK.split()) in text
    assert "Mã hồ sơ" not in text  # it has none yet
    found = probe.decode(probe.raster(pdf, 150))
    assert found["Code128"].text == ref and found["QRCode"].text == ref
    assert classify_scan(found["Code128"].text) is ScanKind.SUPPLEMENT_REFERENCE


def test_a_dossier_sent_back_during_processing_carries_its_code(probe: Probe) -> None:
    sent_back = specimen_supplement()
    assert sent_back.code is not None
    pdf = form02(sent_back)
    text = probe.text(pdf)
    assert f"Mã hồ sơ: {sent_back.code}" in text and "Số tham chiếu" not in text
    assert " ".join(BRING_BACK.split()) not in text
    found = probe.decode(probe.raster(pdf, 150))
    assert found["Code128"].text == sent_back.code and found["QRCode"].text == sent_back.code
    assert probe.pages(pdf) == 1


def test_counter_app_decode_names_the_reference_as_its_own_kind(probe: Probe, cli, tmp_path) -> None:
    intake = specimen_supplement_at_intake()
    image = tmp_path / "form02.png"
    probe.raster(form02(intake), 150).save(image)
    result = cli("decode", "--json", str(image))
    assert result.code == 0, result.err
    found = json.loads(result.out)
    assert {(s["text"], s["kind"]) for s in found} == {(reference(intake.id), "other")}
