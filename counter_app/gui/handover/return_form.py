"""Verifying who collects a result (the applicant, or an authorised person with the paper), how, and the rating."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...app.handover import Handover
from ...core.errors import ValidationError
from ...core.model import Dossier, IdType, Rating, ReturnMethod
from ...core.text import nfc
from ...core.validation import check_identifier, clean_text
from ...messages import describe
from ..forms.ui_return_form import Ui_ReturnForm
from ..widgets import ErrorLabel
from .facts import same_identifier


def check_person_identifier(value: str) -> str:
    """A collector's identifier: 12-digit personal ID, 9-digit old ID card or passport, told apart by shape."""
    compact = "".join(value.split())
    if compact.isdigit() and len(compact) == 9:
        return check_identifier(compact, IdType.OLD_ID)
    if compact[:1].isalpha():
        return check_identifier(compact, IdType.PASSPORT)
    return check_identifier(compact, IdType.PERSONAL_ID)


class ReturnForm(QGroupBox):
    """Who collects and how (ui/return_form.ui); `verified(Handover)` once the recipient checks out, errors shown
    beside fields."""

    verified = Signal(object)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.dossier: Dossier | None = None
        self.ui = Ui_ReturnForm()
        self.ui.setupUi(self)
        self.form = self.ui.form
        self.at_counter = self.ui.methodCounter
        self.by_post = self.ui.methodPost
        self.in_person = self.ui.recipientApplicant
        self.authorised = self.ui.recipientAuthorised
        self._methods = self.ui.methodGroup
        self._recipients = self.ui.recipientGroup
        self.identifier = self.ui.returnIdentifier
        self.name = self.ui.returnName
        self.paper = self.ui.returnPaper
        self.note = self.ui.returnNote
        self.errors = {
            "identifier": self.ui.identifierError,
            "name": self.ui.nameError,
            "paper": self.ui.paperError,
        }
        self.post_hint = self.ui.postHint
        self.confirm_button = self.ui.confirmRecipient
        self._connect()

    def _connect(self) -> None:
        self._methods.buttonToggled.connect(self._on_choice_toggled)
        self._recipients.buttonToggled.connect(self._on_choice_toggled)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        for editor in (self.identifier, self.name, self.paper, self.note):
            editor.returnPressed.connect(self._on_confirm_button_clicked)

    # ---- state -----------------------------------------------------------------------------------------------
    def start(self, dossier: Dossier) -> None:
        """Begin verifying for `dossier`: at the counter, by the applicant in person, every field empty."""
        self.dossier = dossier
        for editor in (self.identifier, self.name, self.paper, self.note):
            editor.clear()
        self._clear_errors()
        self.at_counter.setChecked(True)
        self.in_person.setChecked(True)
        self._on_choice_toggled()
        self.identifier.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_errors(self) -> None:
        editors = {"identifier": self.identifier, "name": self.name, "paper": self.paper}
        for key, label in self.errors.items():
            label.show_error(editors[key], "")

    def _on_choice_toggled(self, *_args: object) -> None:
        post = self.by_post.isChecked()
        authorised = self.authorised.isChecked() and not post
        self.form.setRowVisible(1, not post)
        self.form.setRowVisible(2, authorised)
        self.form.setRowVisible(3, not post)
        self.form.setRowVisible(4, authorised)
        self.form.setRowVisible(6, post)
        if post and self.dossier is not None:
            address = self.dossier.applicant.address or self.tr("(chưa có địa chỉ)")
            self.post_hint.setText(
                self.tr("Kết quả gửi cho người nộp %1 theo địa chỉ: %2")
                .replace("%1", self.dossier.applicant.name)
                .replace("%2", address)
            )
        if (
            authorised
            and self.dossier is not None
            and self.dossier.representative is not None
            and not self.name.text()
        ):
            rep = self.dossier.representative
            self.name.setText(rep.person.name)
            self.paper.setText(rep.authorisation_paper)
        self._clear_errors()

    # ---- verifying -------------------------------------------------------------------------------------------
    def _on_confirm_button_clicked(self) -> None:
        if self.dossier is None:
            return
        self._clear_errors()
        handover = self._checked_handover(self.dossier)
        if handover is not None:
            self.verified.emit(handover)

    def _show(self, key: str, editor: QLineEdit, message: str) -> None:
        self.errors[key].show_error(editor, message)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _checked_handover(self, dossier: Dossier) -> Handover | None:
        note = nfc(self.note.text())
        applicant = dossier.applicant
        if self.by_post.isChecked():
            return Handover(applicant.name, applicant.identifier, ReturnMethod.POST, note=note)
        if self.in_person.isChecked():
            typed = self.identifier.text()
            if not typed.strip():
                self._show(
                    "identifier", self.identifier, self.tr("Nhập số giấy tờ tùy thân người nhận xuất trình.")
                )
                return None
            if not same_identifier(typed, applicant.identifier):
                self._show(
                    "identifier",
                    self.identifier,
                    self.tr(
                        "Số giấy tờ không khớp với người nộp hồ sơ. Nếu là người khác đến nhận, chọn «Người được ủy quyền»."
                    ),
                )
                return None
            return Handover(applicant.name, applicant.identifier, ReturnMethod.COUNTER, note=note)
        return self._checked_authorised(dossier, note)

    def _checked_authorised(self, dossier: Dossier, note: str) -> Handover | None:
        problems: list[tuple[str, QLineEdit, str]] = []
        name = identifier = paper = ""
        try:
            name = clean_text(self.name.text(), "name", required=True)
        except ValidationError as exc:
            problems.append(("name", self.name, describe(exc, self._lang)))
        try:
            identifier = check_person_identifier(self.identifier.text())
        except ValidationError as exc:
            problems.append(("identifier", self.identifier, describe(exc, self._lang)))
        try:
            paper = clean_text(self.paper.text(), "authorisation_paper", required=True)
        except ValidationError as exc:
            problems.append(("paper", self.paper, describe(exc, self._lang)))
        if not problems and same_identifier(identifier, dossier.applicant.identifier):
            problems.append(
                (
                    "identifier",
                    self.identifier,
                    self.tr("Đây là số giấy tờ của người nộp: chọn «Chính người nộp hồ sơ»."),
                )
            )
        for key, editor, message in reversed(problems):
            self._show(key, editor, message)
        if problems:
            return None
        return Handover(name, identifier, ReturnMethod.COUNTER, authorisation_paper=paper, note=note)


class RatingForm(QGroupBox):
    """Three big buttons (keys 1, 2, 3) and an optional comment; `rated(Rating | None)`, None = not rated."""

    rated = Signal(object)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Đánh giá mức độ hài lòng"), parent)
        self.setObjectName("ratingForm")
        self.summary = QLabel(self)
        self.summary.setObjectName("ratingSummary")
        self.summary.setWordWrap(True)
        self.buttons: dict[Rating, QPushButton] = {}
        for rating, key, text, colours in (
            (Rating.VERY_SATISFIED, "1", self.tr("Rất hài lòng"), ("#e3f4e6", "#17602a")),
            (Rating.SATISFIED, "2", self.tr("Hài lòng"), ("#e7f0fb", "#0b4f8a")),
            (Rating.DISSATISFIED, "3", self.tr("Không hài lòng"), ("#fde4e6", "#a1101f")),
        ):
            button = QPushButton(f"{key}   {text}", self)
            button.setObjectName(f"rating{int(rating)}")
            button.setMinimumHeight(64)
            font = QFont(button.font())
            font.setPointSize(14)
            font.setBold(True)
            button.setFont(font)
            button.setStyleSheet(
                f"QPushButton {{ background: {colours[0]}; color: {colours[1]}; border: 2px solid {colours[1]};"
                " border-radius: 8px; padding: 8px 12px; }"
                f" QPushButton:focus {{ border-width: 4px; }}"
                " QPushButton:disabled { color: #8a8a8a; border-color: #b0b0b0; }"
            )
            button.setToolTip(self.tr("Phím %1").replace("%1", key))
            shortcut = QShortcut(
                QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(button.click)
            self.buttons[rating] = button
        self.comment = QLineEdit(self)
        self.comment.setObjectName("ratingComment")
        self.comment.setPlaceholderText(self.tr("Ý kiến của công dân (không bắt buộc)"))
        self.skip_button = QPushButton(self.tr("Trả kết quả, không đánh giá"), self)
        self.skip_button.setObjectName("skipRating")
        self.back_button = QPushButton(self.tr("Quay lại"), self)
        self.back_button.setObjectName("ratingBack")
        self.message = ErrorLabel("rating", self)
        self._build()
        self._connect()

    def _build(self) -> None:
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button, 1)
        comment = QFormLayout()
        comment.addRow(self.tr("Ý kiến:"), self.comment)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addLayout(comment)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        for rating, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, r=rating: self._on_rating_button_clicked(r))
        self.skip_button.clicked.connect(lambda: self._on_rating_button_clicked(None))
        self.back_button.clicked.connect(self.back_requested)

    def start(self, summary: str) -> None:
        self.summary.setText(summary)
        self.comment.clear()
        self.message.show_error(None, "")
        self.set_busy(False)
        self.buttons[Rating.VERY_SATISFIED].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        for button in (*self.buttons.values(), self.skip_button, self.back_button):
            button.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.message.show_error(None, message)

    def comment_text(self) -> str:
        return nfc(self.comment.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Keys 1–3 that reach the form itself (not typed into the comment) choose a rating.

        Normally the shortcuts take them first; this catches keys the scanner filter held back and re-sent.
        """
        chosen = {"1": Rating.VERY_SATISFIED, "2": Rating.SATISFIED, "3": Rating.DISSATISFIED}.get(
            event.text()
        )
        if chosen is None:
            super().keyPressEvent(event)
            return
        event.accept()
        self.buttons[chosen].click()

    def _on_rating_button_clicked(self, rating: Rating | None) -> None:
        if self.buttons[Rating.VERY_SATISFIED].isEnabled():
            self.rated.emit(rating)
