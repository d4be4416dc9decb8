"""Render every form of the specimen dossier to PNG (default docs/forms/, 100 dpi) for review and documentation."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pypdfium2 as pdfium

from counter_app.documents import FormKind, Paper, render_form, render_tracking_book
from counter_app.documents.specimen import (
    NAMES,
    UNIT,
    specimen_apology,
    specimen_dossier,
    specimen_other_counter,
    specimen_refusal,
    specimen_stopped,
    specimen_supplement,
    specimen_supplement_at_intake,
)

PRINTED = datetime(2026, 10, 28, 9, 0)
NUMBERS = {
    FormKind.RECEIPT: "01",
    FormKind.SUPPLEMENT: "02",
    FormKind.REFUSAL: "03",
    FormKind.APOLOGY: "04",
    FormKind.STOP: "05",
    FormKind.CONTROL: "06",
}


def samples() -> Iterator[tuple[str, bytes]]:
    """(file stem, PDF) for each specimen form."""
    dossier = specimen_dossier()
    for kind, number in NUMBERS.items():
        subject = {
            FormKind.SUPPLEMENT: specimen_supplement(),
            FormKind.REFUSAL: specimen_refusal(),
            FormKind.APOLOGY: specimen_apology(),
            FormKind.STOP: specimen_stopped(),
        }.get(kind, dossier)
        yield f"{number}-{kind.value}-a5", render_form(kind, subject, UNIT, names=NAMES, printed_at=PRINTED)
    yield (
        "02-supplement-intake-a5",
        render_form(
            FormKind.SUPPLEMENT, specimen_supplement_at_intake(), UNIT, names=NAMES, printed_at=PRINTED
        ),
    )
    yield "01-receipt-a4", render_form(FormKind.RECEIPT, dossier, UNIT, paper=Paper.A4, names=NAMES)
    yield (
        "01-receipt-thermal80",
        render_form(FormKind.RECEIPT, dossier, UNIT, paper=Paper.THERMAL80, names=NAMES),
    )
    book = [dossier, specimen_stopped(), specimen_supplement(), specimen_apology(), specimen_other_counter()]
    yield (
        "07-tracking-book-a4",
        render_tracking_book(book, UNIT, date(2026, 10, 1), date(2026, 10, 31), "Hộ tịch"),
    )


def write_pngs(out: Path, dpi: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, pdf in samples():
        doc = pdfium.PdfDocument(pdf)
        for index in range(len(doc)):
            suffix = f"-p{index + 1}" if len(doc) > 1 else ""
            path = out / f"{stem}{suffix}.png"
            doc[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L").save(path, optimize=True)
            written.append(path)
        doc.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "forms")
    parser.add_argument("--dpi", type=int, default=100)
    args = parser.parse_args(argv)
    for path in write_pngs(args.out, args.dpi):
        print(path.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
