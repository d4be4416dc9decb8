"""Captures the first-run wizard's pages, filled with a sample ward, as docs/screenshots/wizard_*.png for INSTALL.md.

Runs offscreen (no display needed) on a throw-away data folder: `.venv/bin/python tools/capture_wizard_screenshots.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET = ROOT / "docs" / "screenshots"

SAMPLE_UNIT = {
    "agency_id": "000.00.06.H56",
    "agency_name": "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH",
    "parent_body": "UBND PHƯỜNG BA ĐÌNH",
    "place": "Ba Đình",
    "phone": "024 3823 4567",
    "email": "motcua@badinh.hanoi.gov.vn",
}


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from counter_app.app import CounterApp
    from counter_app.gui.app import ensure_application
    from counter_app.gui.tasks import TaskRunner
    from counter_app.gui.wizard import FirstRunWizard
    from counter_app.storage.store import CounterStore

    app = ensure_application(sys.argv[:1])
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        store = CounterStore(Path(scratch))
        runner = TaskRunner()
        try:
            wizard = FirstRunWizard(CounterApp(store), runner, "vi")
            form = wizard.unit_page.form
            for name, value in SAMPLE_UNIT.items():
                getattr(form, name).setText(value)
            form.counter.setValue(3)
            wizard.show()
            app.processEvents()
            wizard.grab().save(str(TARGET / "wizard_1_unit.png"))
            wizard.next()
            page = wizard.admin_page
            page.username.setText("quantri")
            page.full_name.setText("Phạm Minh Quân")
            page.password.setText("motcua2026")
            page.confirm.setText("motcua2026")
            app.processEvents()
            wizard.grab().save(str(TARGET / "wizard_2_admin.png"))
            wizard.close()
        finally:
            runner.shutdown()
            store.close()
    for path in sorted(TARGET.glob("wizard_*.png")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
