"""Screenshots of digitising at intake: the checklist with components digitised before the receipt, and the camera
capture opened on a component from it, and the office scanner's folder collecting a component's scans
(`<lang>-digitise-checklist.png`, `<lang>-digitise-intake-capture.png`, `<lang>-digitise-scan-folder.png`).

    python tools/intake_papers_screenshots.py [--out docs/screenshots] [--lang vi en]
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
from screenshots import DemoCounter, fill, run, save, settle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from counter_app.app import CounterApp, digitise  # noqa: E402
from counter_app.devices.camera import OpenCvSource  # noqa: E402
from counter_app.devices.page_samples import empty_desk, photograph  # noqa: E402
from counter_app.devices.page_scan import correct_page, detect_page, encode_jpeg  # noqa: E402


def film(path: Path) -> Path:
    size = (1280, 720)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, size)
    frames = [empty_desk(2, size)] * 3 + [photograph(35, size=size, turn_degrees=-6).frame] * 200
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def shoot(lang: str, out: Path, work: Path, app, clock=None) -> None:  # type: ignore[no-untyped-def]
    counter = DemoCounter(app, lang, work)
    main = counter.sign_in_as("canbo")
    panel = counter.intake(main)
    fill(panel, "khai sinh", "Nguyễn Văn An", "001203012345", "Số 1 phố Huế, Phường Mẫu", "0912345678")
    panel.checklist.tick_required()
    officer = counter.store.accounts.get("canbo")
    ops = CounterApp(counter.store)
    for number, seeds in ((1, (36,)), (2, (37, 38))):
        pages = []
        for seed in seeds:
            photo = photograph(seed, turn_degrees=5).frame
            pages.append(encode_jpeg(correct_page(photo, detect_page(photo))))
        panel.papers.keep(digitise.prepare_captured(ops, officer, number, pages).value)
    rows = panel.checklist.model.rows
    panel.checklist.table.setCurrentIndex(panel.checklist.model.index(len(rows) - 1, 0))
    settle(app)
    save(main, out / f"{lang}-digitise-checklist.png")

    row = next(i for i, r in enumerate(rows) if r.component.number == 3)
    panel.checklist.table.setCurrentIndex(panel.checklist.model.index(row, 0))
    panel.papers.camera_source = lambda: OpenCvSource(film(work / f"intake-{lang}.avi"))  # type: ignore[method-assign]
    dialog = panel.papers.capture()
    settle(app, lambda: dialog is not None and len(dialog.pages) >= 1, timeout_s=40)
    settle(app, lambda: dialog is not None and dialog.previews_shown > 30, timeout_s=10)
    save(main, out / f"{lang}-digitise-intake-capture.png", dialog)
    if dialog is not None:
        dialog.reject()
    settle(app)
    folder = work / f"scanner-{lang}"
    folder.mkdir(exist_ok=True)
    main.session.settings.scan_folder = str(folder)
    panel.papers.update_buttons()
    scans = panel.papers.from_scanner()
    for n, seed in enumerate((39, 40), start=1):
        cv2.imwrite(str(folder / f"SCAN_{n:04d}.jpg"), photograph(seed, turn_degrees=3).frame)
    settle(app, lambda: scans is not None and scans.list.count() == 2, timeout_s=20)
    if scans is not None:  # the shot shows a counter's usual share, not this run's throw-away folder
        scans.hint.setText(scans.hint.text().replace(str(folder), "S:\\Scan\\Quay1"))
        settle(app)
    save(main, out / f"{lang}-digitise-scan-folder.png", scans)
    if scans is not None:
        scans.reject()
    panel.clear()
    settle(app)
    counter.close()


def main(argv: list[str] | None = None) -> int:
    return run(shoot, argv, __doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())
