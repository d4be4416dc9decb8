"""Screenshots of digitisation: the dossier page with its digitised papers, the camera capture with pages taken,
and a paper open in the viewer (`<lang>-digitise-*.png`).

    python tools/digitise_screenshots.py [--out docs/screenshots] [--lang vi en]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import cv2
from screenshots import DemoCounter, run, save, settle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.devices.camera import OpenCvSource  # noqa: E402
from counter_app.devices.page_samples import empty_desk, photograph  # noqa: E402
from counter_app.devices.page_scan import correct_page, detect_page, encode_jpeg  # noqa: E402
from counter_app.documents.scans import pdf_from_jpegs  # noqa: E402


def film(path: Path) -> Path:
    size = (1280, 720)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, size)
    frames = [empty_desk(1, size)] * 3 + [photograph(31, size=size, turn_degrees=8).frame] * 25
    frames += [empty_desk(1, size)] * 6 + [photograph(32, size=size, turn_degrees=-12).frame] * 200
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def shoot(lang: str, out: Path, work: Path, app, clock=None) -> None:  # type: ignore[no-untyped-def]
    counter = DemoCounter(app, lang, work)
    main = counter.sign_in_as("canbo", "tracking")
    tracking = main.panel("tracking")
    page = tracking.page
    store = counter.store
    from datetime import datetime

    from counter_app.core.intake import full_set, new_dossier
    from counter_app.core.model import Person

    procedure = next(p for p in store.procedures() if len(p.components) >= 2)
    unit = store.require_unit()
    dossier = store.receive(
        new_dossier(
            agency_id=unit.agency_id, procedure=procedure, officer="canbo", counter=unit.counter,
            applicant=Person("Nguyễn Văn Đức", "001090012345", phone="0912345678"),
            at=datetime(2026, 11, 30, 8, 30), components=full_set(procedure),
        )
    )  # fmt: skip
    photo = photograph(33, turn_degrees=5)
    one_page = pdf_from_jpegs([encode_jpeg(correct_page(photo.frame, detect_page(photo.frame)))])
    store.attachments.add(dossier.id, kind="component", component=dossier.procedure.components[0].number,
                          name=dossier.procedure.components[0].name, data=one_page, pages=1, officer="canbo",
                          at=dossier.received_at)  # fmt: skip
    tracking.open_dossier(dossier.id)
    box = page.attachments
    settle(app, lambda: page.dossier is not None and len(box.items) == 1)
    settle(app)
    save(main, out / f"{lang}-digitise-dossier-page.png")

    box.camera_source = lambda: OpenCvSource(film(work / f"desk-{lang}.avi"))  # type: ignore[method-assign]
    dialog = box.capture(dossier.procedure.components[-1].number)
    settle(app, lambda: dialog is not None and len(dialog.pages) >= 2, timeout_s=40)
    settle(app, lambda: dialog is not None and dialog.previews_shown > 40, timeout_s=10)
    save(main, out / f"{lang}-digitise-capture.png", dialog)
    if dialog is not None:
        dialog.reject()
    settle(app)

    box.open_selected()
    settle(app, lambda: box.viewer is not None)
    deadline = time.monotonic() + 1.5  # QtPdf renders the visible pages in the background
    settle(app, lambda: time.monotonic() > deadline)
    save(main, out / f"{lang}-digitise-viewer.png", box.viewer)
    if box.viewer is not None:
        box.viewer.close()
    counter.close()


def main(argv: list[str] | None = None) -> int:
    return run(shoot, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())
