"""Applicant and authorised-person sections with live validation: each error shown beside its field, in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError, ValidationErrors
from ...core.idcard import IdCard
from ...core.model import ApplicantKind, IdType, Person, Representative
from ...core.validation import clean_person, clean_representative, parse_typed_date
from ...messages import describe
from ..form_widgets import SteadyErrorLabel
from ..widgets import ErrorLabel
from .card_fill import CardBar, CardFill, fill_person, undo_fill

TEXT_FIELDS = ("name", "identifier", "birth_date", "address", "phone", "email")
#: Lines of room kept under each field for its error (a half-width field's sentence takes two or three), so that
#: fields never move when errors come and go and a click lands where the officer aimed.
ERROR_LINES = {"identifier": 2, "birth_date": 2, "phone": 3, "email": 3}


class PersonFields(QWidget):
    """The editors of one person (`prefix` "applicant" or "representative"), laid out in two columns."""

    edited = Signal(str)  # field key, e.g. "applicant.phone"
    left = Signal(str)  # the officer left the field (editing finished)

    def __init__(self, prefix: str, with_kind: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.kind = QComboBox(self)
        for kind, label in (
            (ApplicantKind.CITIZEN, self.tr("Công dân")),
            (ApplicantKind.BUSINESS, self.tr("Doanh nghiệp, hộ kinh doanh")),
            (ApplicantKind.AGENCY, self.tr("Cơ quan nhà nước")),
            (ApplicantKind.OTHER, self.tr("Tổ chức khác")),
        ):
            self.kind.addItem(label, int(kind))
        self.kind.setVisible(with_kind)
        self._with_kind = with_kind
        self.id_type = QComboBox(self)
        for id_type, label in (
            (IdType.PERSONAL_ID, self.tr("Số định danh cá nhân / CCCD")),
            (IdType.OLD_ID, self.tr("CMND (9 số)")),
            (IdType.PASSPORT, self.tr("Hộ chiếu")),
            (IdType.TAX_CODE, self.tr("Mã số thuế")),
            (IdType.OTHER, self.tr("Giấy tờ khác")),
        ):
            self.id_type.addItem(label, id_type.value)
        self.editors: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS:
            editor = QLineEdit(self)
            editor.setObjectName(f"{prefix}.{key}")
            self.editors[key] = editor
        self.editors["birth_date"].setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.editors["birth_date"].setInputMask("")
        self.editors["phone"].setPlaceholderText(self.tr("ví dụ 0912 345 678"))
        self.kind.setObjectName(f"{prefix}.kind")
        self.id_type.setObjectName(f"{prefix}.id_type")
        self.errors: dict[str, ErrorLabel] = {
            key: SteadyErrorLabel(f"{prefix}.{key}", self, ERROR_LINES.get(key, 1))
            for key in (*TEXT_FIELDS, "id_type")
        }
        self.name_label = QLabel(self.tr("Họ và tên:"), self)
        self.birth_label = QLabel(self.tr("Ngày sinh:"), self)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        e = self.editors
        top = Qt.AlignmentFlag.AlignTop
        row = 0
        if self._with_kind:
            grid.addWidget(QLabel(self.tr("Đối tượng:"), self), row, 0)
            grid.addWidget(self.kind, row, 1)
        grid.addWidget(QLabel(self.tr("Loại giấy tờ:"), self), row, 2)
        grid.addWidget(self.id_type, row, 3)
        grid.addWidget(self.errors["id_type"], row + 1, 2, 1, 2, top)
        row += 2
        grid.addWidget(self.name_label, row, 0)
        grid.addWidget(e["name"], row, 1, 1, 3)
        grid.addWidget(self.errors["name"], row + 1, 1, 1, 3, top)
        row += 2
        grid.addWidget(QLabel(self.tr("Số giấy tờ:"), self), row, 0)
        grid.addWidget(e["identifier"], row, 1)
        grid.addWidget(self.birth_label, row, 2)
        grid.addWidget(e["birth_date"], row, 3)
        grid.addWidget(self.errors["identifier"], row + 1, 1, top)
        grid.addWidget(self.errors["birth_date"], row + 1, 3, top)
        row += 2
        grid.addWidget(QLabel(self.tr("Địa chỉ:"), self), row, 0)
        grid.addWidget(e["address"], row, 1, 1, 3)
        grid.addWidget(self.errors["address"], row + 1, 1, 1, 3, top)
        row += 2
        grid.addWidget(QLabel(self.tr("Điện thoại:"), self), row, 0)
        grid.addWidget(e["phone"], row, 1)
        grid.addWidget(QLabel(self.tr("Email:"), self), row, 2)
        grid.addWidget(e["email"], row, 3)
        grid.addWidget(self.errors["phone"], row + 1, 1, top)
        grid.addWidget(self.errors["email"], row + 1, 3, top)
        self.grid = grid

    def _connect(self) -> None:
        for key, editor in self.editors.items():
            editor.textEdited.connect(lambda _t, key=key: self.edited.emit(f"{self.prefix}.{key}"))
            editor.editingFinished.connect(lambda key=key: self.left.emit(f"{self.prefix}.{key}"))
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.id_type.currentIndexChanged.connect(lambda _i: self.edited.emit(f"{self.prefix}.identifier"))

    def _on_kind_changed(self, _index: int) -> None:
        kind = self.current_kind()
        person = kind is ApplicantKind.CITIZEN
        self.name_label.setText(self.tr("Họ và tên:") if person else self.tr("Tên tổ chức:"))
        self.birth_label.setVisible(person)
        self.editors["birth_date"].setVisible(person)
        if kind is ApplicantKind.BUSINESS:
            self.set_id_type(IdType.TAX_CODE)
        elif person and self.current_id_type() is IdType.TAX_CODE:
            self.set_id_type(IdType.PERSONAL_ID)
        self.edited.emit(f"{self.prefix}.id_type")

    # ---- values ------------------------------------------------------------------------------------------------
    def current_kind(self) -> ApplicantKind:
        return ApplicantKind(int(self.kind.currentData()))

    def current_id_type(self) -> IdType:
        return IdType(str(self.id_type.currentData()))

    def set_kind(self, kind: ApplicantKind) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(int(kind))))

    def set_id_type(self, id_type: IdType) -> None:
        self.id_type.setCurrentIndex(max(0, self.id_type.findData(id_type.value)))

    def birth_date(self) -> date | None:
        """The typed date of birth; raises `ValidationError(<prefix>.birth_date, date.format)`, or
        `date.impossible` for a day that does not exist (31/02/1995)."""
        if self.current_kind() is not ApplicantKind.CITIZEN:
            return None
        return parse_typed_date(self.editors["birth_date"].text(), f"{self.prefix}.birth_date")

    def person(self, birth: date | None) -> Person:
        e = self.editors
        return Person(
            name=e["name"].text(),
            identifier=e["identifier"].text(),
            id_type=self.current_id_type(),
            kind=self.current_kind(),
            address=e["address"].text(),
            phone=e["phone"].text(),
            email=e["email"].text(),
            birth_date=birth,
        )

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {key: editor.text() for key, editor in self.editors.items()}
        data["kind"] = int(self.current_kind())
        data["id_type"] = self.current_id_type().value
        return data

    def from_dict(self, data: dict[str, object]) -> None:
        self.set_kind(ApplicantKind(int(str(data.get("kind", 1)))))
        self.set_id_type(IdType(str(data.get("id_type", IdType.PERSONAL_ID.value))))
        for key, editor in self.editors.items():
            editor.setText(str(data.get(key, "")))

    def is_blank(self) -> bool:
        return not any(editor.text().strip() for editor in self.editors.values())

    def clear(self) -> None:
        self.set_kind(ApplicantKind.CITIZEN)
        self.set_id_type(IdType.PERSONAL_ID)
        for editor in self.editors.values():
            editor.clear()


class ApplicantForm(QWidget):
    """Applicant section plus the authorised-person section (shown when ticked); emits `changed` on every edit."""

    changed = Signal()
    errors_changed = Signal(int)  # number of errors shown

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._today: date | None = None
        self._touched: set[str] = set()
        self._show_all = False
        self._shown: dict[str, str] = {}
        self._card_fill: CardFill | None = None  # the last card written in, until undone or cleared
        self._card_fresh = False  # nothing edited since that card: Ctrl+Z undoes it
        self.card_bar = CardBar(self)
        self.applicant = PersonFields("applicant", with_kind=True, parent=self)
        self.has_representative = QCheckBox(self.tr("Người được ủy quyền nộp thay"), self)
        self.has_representative.setObjectName("hasRepresentative")
        self.representative_box = QGroupBox(self.tr("Người được ủy quyền"), self)
        self.representative = PersonFields("representative", with_kind=False, parent=self.representative_box)
        self.authorisation_paper = QLineEdit(self.representative_box)
        self.authorisation_paper.setObjectName("representative.authorisation_paper")
        self.authorisation_paper.setPlaceholderText(self.tr("ví dụ: Giấy ủy quyền số 12/UQ ngày 01/03/2026"))
        self.authorisation_error = SteadyErrorLabel(
            "representative.authorisation_paper", self.representative_box
        )
        box_layout = QVBoxLayout(self.representative_box)
        box_layout.addWidget(self.representative)
        paper_row = QGridLayout()
        paper_row.addWidget(QLabel(self.tr("Giấy ủy quyền:"), self.representative_box), 0, 0)
        paper_row.addWidget(self.authorisation_paper, 0, 1)
        paper_row.addWidget(self.authorisation_error, 1, 1)
        paper_row.setColumnStretch(1, 1)
        box_layout.addLayout(paper_row)
        self.representative_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.card_bar)
        layout.addWidget(self.applicant)
        layout.addWidget(self.has_representative)
        layout.addWidget(self.representative_box)
        self._connect()

    def _connect(self) -> None:
        for fields in (self.applicant, self.representative):
            fields.edited.connect(self._on_fields_edited)
            fields.left.connect(self._on_fields_left)
        self.has_representative.toggled.connect(self._on_has_representative_toggled)
        for fields in (self.applicant, self.representative):
            fields.edited.connect(self._on_fields_edited_after_card)
            for widget in (*fields.editors.values(), fields.kind, fields.id_type):
                widget.installEventFilter(self)
        self.authorisation_paper.installEventFilter(self)
        self.card_bar.undo_clicked.connect(self.undo_card_fill)
        self.authorisation_paper.textEdited.connect(
            lambda _t: self._on_fields_edited("representative.authorisation_paper")
        )
        self.authorisation_paper.editingFinished.connect(
            lambda: self._on_fields_left("representative.authorisation_paper")
        )

    # ---- validation --------------------------------------------------------------------------------------------
    def set_today(self, today: date | None) -> None:
        """Fix "today" for validation (tests); None = the real date."""
        self._today = today

    def collect(self, for_refusal: bool = False) -> tuple[Person, Representative | None]:
        """Clean applicant and representative; raises `ValidationErrors` with every problem (nothing shown).

        `for_refusal`: what a refusal (form 03) needs, which names the applicant but needs no identifier (one that is
        typed is still checked)."""
        errors: list[ValidationError] = []
        applicant: Person | None = None
        representative: Representative | None = None
        birth: date | None = None
        try:
            birth = self.applicant.birth_date()
        except ValidationError as exc:
            errors.append(exc)
        try:
            applicant = clean_person(
                self.applicant.person(birth),
                prefix="applicant",
                today=self._today,
                require_identifier=not for_refusal,
            )
        except ValidationErrors as failed:
            errors.extend(failed.errors)
        if self.has_representative.isChecked():
            rep_birth: date | None = None
            try:  # the authorised person's date of birth is checked like the applicant's
                rep_birth = self.representative.birth_date()
            except ValidationError as exc:
                errors.append(exc)
            rep = Representative(self.representative.person(rep_birth), self.authorisation_paper.text())
            try:
                representative = clean_representative(rep, today=self._today)
            except ValidationErrors as failed:
                errors.extend(failed.errors)
        if errors or applicant is None:
            raise ValidationErrors(errors)
        return applicant, representative

    def validate(self, show_all: bool = False, for_refusal: bool = False) -> int:
        """Re-check everything and show errors for fields already left (or all); returns the number shown.

        `for_refusal` checks what a refusal needs (see `collect`), leaving a blank name to the refusal dialog; the
        fields it finds wrong stay marked until they are put right."""
        if not for_refusal:
            self._show_all = self._show_all or show_all
        try:
            self.collect(for_refusal)
            found: list[ValidationError] = []
        except ValidationErrors as failed:
            found = failed.errors
        if for_refusal:
            found = [e for e in found if (e.field, e.code) != ("applicant.name", "required")]
            if show_all:
                self._touched.update(e.field for e in found)
        shown: dict[str, str] = {}
        for error in found:
            if (self._show_all or error.field in self._touched) and error.field not in shown:
                shown[error.field] = describe(error, self._lang)
        for fields in (self.applicant, self.representative):
            for key, label in fields.errors.items():
                editor = fields.editors.get(key) or fields.id_type
                label.show_error(editor, shown.get(label.field, ""))
        self.authorisation_error.show_error(
            self.authorisation_paper, shown.get("representative.authorisation_paper", "")
        )
        if shown != self._shown:
            self._shown = shown
            self.errors_changed.emit(len(shown))
        return len(shown)

    def shown_errors(self) -> dict[str, str]:
        """Field key → sentence currently shown beside it."""
        return dict(self._shown)

    def first_invalid_editor(self) -> QWidget | None:
        for field in self._shown:
            prefix, key = field.split(".", 1)
            if key == "authorisation_paper":
                return self.authorisation_paper
            fields = self.applicant if prefix == "applicant" else self.representative
            return fields.editors.get(key) or fields.id_type
        return None

    def _on_fields_edited(self, field: str) -> None:
        if field.endswith(".id_type"):
            self._touched.add(field)
        if self._shown or self._show_all or field in self._touched:
            self.validate()
        self.changed.emit()

    def _on_fields_left(self, field: str) -> None:
        editor_text = self._editor_text(field)
        if editor_text or field in self._touched:
            self._touched.add(field)
        self.validate()

    def _editor_text(self, field: str) -> str:
        prefix, key = field.split(".", 1)
        if key == "authorisation_paper":
            return self.authorisation_paper.text()
        fields = self.applicant if prefix == "applicant" else self.representative
        editor = fields.editors.get(key)
        return editor.text() if editor else ""

    def _on_has_representative_toggled(self, checked: bool) -> None:
        self.representative_box.setVisible(checked)
        self.validate()
        self.changed.emit()

    # ---- the chip ID card --------------------------------------------------------------------------------------
    def fill_from_card(self, card: IdCard, target: str | None = None) -> CardFill:
        """Fill the applicant, or the authorised person when its section has focus (or `target`, the section's
        prefix, says so), from a chip ID card's QR code; the card bar says what was filled and offers the undo."""
        fields = self._card_target(target)
        fill = fill_person(fields, card)
        self._touched.update(f"{fields.prefix}.{key}" for key in fill.filled)
        self.validate()
        self.changed.emit()
        self._card_fill, self._card_fresh = fill, True
        self.card_bar.show_filled(fill)
        return fill

    def undo_card_fill(self) -> bool:
        """Put back what the last card replaced (fields typed since keep their text); False when there is none."""
        fill = self._card_fill
        if fill is None:
            return False
        undo_fill(self.applicant if fill.target == "applicant" else self.representative, fill)
        self._card_fill, self._card_fresh = None, False
        self.validate()
        self.changed.emit()
        self.card_bar.show_undone()
        return True

    def show_card_problem(self, sentence: str) -> None:
        """A scanned card could not be used: say why above the applicant."""
        self.card_bar.show_problem(sentence)

    def _card_target(self, target: str | None) -> PersonFields:
        if target is None:
            focused = QApplication.focusWidget()
            inside = focused is not None and self.representative_box.isAncestorOf(focused)
            target = "representative" if inside and self.has_representative.isChecked() else "applicant"
        return self.representative if target == "representative" else self.applicant

    def _on_fields_edited_after_card(self, _field: str) -> None:
        self._card_fresh = False

    def _forget_card_fill(self) -> None:
        self._card_fill, self._card_fresh = None, False
        self.card_bar.show_idle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Ctrl+Z right after a card filled the form undoes the whole fill; once a field is edited, Ctrl+Z is that
        field's own again."""
        if (
            event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and self._card_fill is not None
            and self._card_fresh
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # no window shortcut takes it: the key press comes here
            else:
                self.undo_card_fill()
            return True
        return super().eventFilter(watched, event)

    # ---- drafts and reset --------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, object]:
        return {
            "applicant": self.applicant.to_dict(),
            "representative": self.representative.to_dict() if self.has_representative.isChecked() else None,
            "authorisation_paper": self.authorisation_paper.text(),
        }

    def from_dict(self, data: dict[str, object]) -> None:
        applicant = data.get("applicant")
        if isinstance(applicant, dict):
            self.applicant.from_dict(applicant)
        representative = data.get("representative")
        self.has_representative.setChecked(isinstance(representative, dict))
        if isinstance(representative, dict):
            self.representative.from_dict(representative)
        self.authorisation_paper.setText(str(data.get("authorisation_paper", "")))
        self._forget_card_fill()
        self._touched = {f"applicant.{key}" for key in TEXT_FIELDS if self._editor_text(f"applicant.{key}")}
        self.validate()

    def is_blank(self) -> bool:
        return self.applicant.is_blank() and not self.has_representative.isChecked()

    def clear(self) -> None:
        self.applicant.clear()
        self.representative.clear()
        self.authorisation_paper.clear()
        self.has_representative.setChecked(False)
        self._forget_card_fill()
        self._touched.clear()
        self._show_all = False
        self.validate()
