"""The receipt's Code 128 and QR, rasterised as a printer would, decode back to the dossier code."""

from __future__ import annotations

from datetime import datetime

import pytest
from document_samples import CODE, NAMES, Probe, make_dossier, make_unit

from counter_app.documents import FormKind, Paper, render_form

MM_PER_INCH = 25.4
LONG_CODE = "G12.18.112.001-261027-12345"


def receipt(paper: Paper, code: str = CODE) -> bytes:
    return render_form(
        FormKind.RECEIPT,
        make_dossier(components=1, code=code),  # one page per copy: both symbols on the first page
        make_unit(),
        paper=paper,
        names=NAMES,
        printed_at=datetime(2026, 10, 27, 14, 31),
    )


@pytest.mark.parametrize("code", [CODE, LONG_CODE])
@pytest.mark.parametrize("paper", [Paper.A5, Paper.A4, Paper.THERMAL80])
@pytest.mark.parametrize("dpi", [150, 300])
def test_code128_and_qr_decode_to_the_dossier_code(probe: Probe, paper: Paper, dpi: int, code: str) -> None:
    found = probe.decode(probe.raster(receipt(paper, code), dpi))
    assert found["Code128"].text == code
    assert found["QRCode"].text == code
    assert found["QRCode"].ec_level == "M"


def test_paper_receipt_code128_runs_across_and_thermal_runs_down(probe: Probe) -> None:
    flat = probe.decode(probe.raster(receipt(Paper.A5), 150))["Code128"]
    down = probe.decode(probe.raster(receipt(Paper.THERMAL80), 150))["Code128"]
    assert flat.orientation == 0
    assert down.orientation in (90, -90, 270)


@pytest.mark.parametrize("paper", [Paper.A5, Paper.THERMAL80])
def test_code128_modules_and_quiet_zones_are_wide_enough(probe: Probe, paper: Paper) -> None:
    dpi = 600
    image = probe.raster(receipt(paper), dpi)
    barcode = probe.decode(image)["Code128"]
    runs, left, right = probe.bar_runs(image, barcode)
    module_px = 0.33 / MM_PER_INCH * dpi  # 7.8 px
    assert min(runs) >= module_px - 1.5, runs
    assert left >= 10 * module_px - 1 and right >= 10 * module_px - 1, (left, right)


def test_qr_symbol_is_at_least_22_mm_wide(probe: Probe) -> None:
    dpi = 300
    image = probe.raster(receipt(Paper.A5), dpi)
    qr = probe.decode(image)["QRCode"].position
    width_px = max(qr.top_right.x, qr.bottom_right.x) - min(qr.top_left.x, qr.bottom_left.x)
    assert width_px / dpi * MM_PER_INCH >= 21.5
