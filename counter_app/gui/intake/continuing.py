"""Continuing an intake kept waiting for papers (form 02): the form filled from the stored dossier, and the banner
that says which intake the officer is finishing and what was asked for.

The citizen comes back with the papers; the officer scans form 02 (or opens the dossier from the list) and the
intake panel shows the intake as it was left, the papers asked for marked in the checklist. Ticking them and
receiving gives the dossier its code and an appointment counted from that moment (`app.intake.complete`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.intake import missing_components
from ...core.model import Dossier, Person
from ...core.references import reference
from ..formats import format_datetime


def _person_form(person: Person) -> dict[str, object]:
    """A person as the applicant form's `from_dict` reads it."""
    return {
        "name": person.name,
        "identifier": person.identifier,
        "birth_date": person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "",
        "address": person.address,
        "phone": person.phone,
        "email": person.email,
        "kind": int(person.kind),
        "id_type": person.id_type.value,
    }


def form_data(dossier: Dossier) -> dict[str, object]:
    """The intake panel's draft of a stored intake: procedure, applicant and authorised person, components."""
    rep = dossier.representative
    handed = {c.number: c for c in dossier.components}
    return {
        "version": 1,
        "procedure": dossier.procedure.code,
        "form": {
            "applicant": _person_form(dossier.applicant),
            "representative": _person_form(rep.person) if rep is not None else None,
            "authorisation_paper": rep.authorisation_paper if rep is not None else "",
        },
        "components": [
            {
                "number": c.number,
                "ticked": c.number in handed,
                "originals": handed[c.number].originals if c.number in handed else 0,
                "certified_copies": handed[c.number].certified_copies if c.number in handed else 0,
                "photocopies": handed[c.number].photocopies if c.number in handed else 0,
            }
            for c in dossier.procedure.components
        ],
    }


def requested_numbers(dossier: Dossier) -> frozenset[int]:
    """The components form 02 asked for: the required ones not handed in at the first visit."""
    return frozenset(c.number for c in missing_components(dossier.procedure, dossier.components))


class ContinuingBanner(QFrame):
    """Above the intake form while an intake waiting for papers is being finished; "start a new intake" drops it."""

    dropped = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setObjectName("continuingBanner")
        self.setProperty("role", "banner")
        self.text = QLabel(self)
        self.text.setObjectName("continuingText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.drop_button = QPushButton(self.tr("Tiếp nhận mới thay vào"), self)
        self.drop_button.setObjectName("dropContinuing")
        self.drop_button.setToolTip(self.tr("Không tiếp tục hồ sơ chờ bổ sung này; để trống biểu mẫu"))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.drop_button)
        self.drop_button.clicked.connect(self.dropped)
        self.hide()

    def show_for(self, dossier: Dossier) -> None:
        e = html.escape
        asked = next((ev.at for ev in dossier.history if ev.action == "supplement"), dossier.received_at)
        head = (
            self.tr("Tiếp tục hồ sơ chờ bổ sung <b>%1</b> của <b>%2</b> (hướng dẫn bổ sung lúc %3).")
            .replace("%1", e(reference(dossier.id)))
            .replace("%2", e(dossier.applicant.name))
            .replace("%3", e(format_datetime(asked, self._lang)))
        )
        lines = [head]
        if dossier.missing:
            lines.append(self.tr("Giấy tờ đã yêu cầu: %1.").replace("%1", e("; ".join(dossier.missing))))
        lines.append(
            self.tr(
                "Đánh dấu giấy tờ công dân vừa nộp rồi bấm «Tiếp nhận» (Ctrl+Enter): mã hồ sơ và ngày hẹn tính từ lúc"
                " tiếp nhận."
            )
        )
        self.text.setText("<br>".join(lines))
        self.show()
