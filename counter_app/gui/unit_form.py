"""The unit's identity form (agency ID, names, place, counter, contacts, office hours), shared by the wizard and settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ..app.settings import DEFAULT_HOURS, lawful_agency_name
from ..core.calendar import OfficeHours
from ..core.codes import check_agency_id
from ..core.errors import DomainError, ValidationError, ValidationErrors
from ..core.model import UnitConfig
from ..core.text import nfc
from ..core.validation import check_email, check_phone
from ..messages import describe
from .form_widgets import SteadyErrorLabel


class UnitForm(QWidget):
    """Edits a `UnitConfig` and the office hours; `validated()` shows every error beside its field."""

    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.agency_id = QLineEdit(self)
        self.agency_id.setPlaceholderText("000.00.06.H56")
        self.agency_id.setToolTip(self.tr("Mã định danh điện tử của cơ quan (in trong mã hồ sơ)"))
        self.agency_name = QLineEdit(self)
        self.agency_name.setPlaceholderText(self.tr("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG …"))
        self.agency_name.setToolTip(
            self.tr(
                "Tên gọi theo Nghị định 118/2025/NĐ-CP, ví dụ Trung tâm Phục vụ hành chính công phường Ba Đình; "
                "để trống thì lấy theo cơ quan chủ quản"
            )
        )
        self._lawful_name = ""  # the name last filled in from the governing body
        self.parent_body = QLineEdit(self)
        self.parent_body.setPlaceholderText(self.tr("UBND PHƯỜNG …"))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Phường …"))
        self.counter = QSpinBox(self)
        self.counter.setRange(1, 99)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.office_hours = QLineEdit(DEFAULT_HOURS, self)
        self.office_hours.setToolTip(self.tr("Các buổi làm việc, ví dụ 07:00-11:30,13:30-17:00"))
        self._editors: dict[str, QWidget] = {
            "agency_id": self.agency_id,
            "agency_name": self.agency_name,
            "parent_body": self.parent_body,
            "place": self.place,
            "counter": self.counter,
            "phone": self.phone,
            "email": self.email,
            "office_hours": self.office_hours,
        }
        # fields never move: each error line keeps its room, two lines for the agency ID's longer sentence
        self.errors = {
            name: SteadyErrorLabel(name, self, reserved_lines=2 if name == "agency_id" else 1)
            for name in self._editors
        }
        form = QFormLayout()
        form.setSpacing(8)
        form.setLabelAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )  # beside its field, not its error room
        labels = {
            "agency_id": self.tr("Mã định danh cơ quan:"),
            "agency_name": self.tr("Tên đơn vị (in trên phiếu):"),
            "parent_body": self.tr("Cơ quan chủ quản:"),
            "place": self.tr("Địa danh (ghi ngày tháng):"),
            "counter": self.tr("Số quầy:"),
            "phone": self.tr("Điện thoại liên hệ:"),
            "email": self.tr("Email:"),
            "office_hours": self.tr("Giờ làm việc:"),
        }
        for name, editor in self._editors.items():
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(self.errors[name])
            form.addRow(labels[name], column)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addStretch(1)  # spare height goes below the fields, which stay where they are
        self._connect()

    def _connect(self) -> None:
        for editor in self._editors.values():
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(self._on_editor_edited)
        self.counter.valueChanged.connect(self._on_editor_edited)
        self.parent_body.textEdited.connect(self._on_parent_body_edited)

    def _on_editor_edited(self, _value: object) -> None:
        self.changed.emit()

    def _on_parent_body_edited(self, text: str) -> None:
        """Fill the unit's legal name from the governing body while the administrator has not typed one."""
        lawful = lawful_agency_name(text)
        if self.agency_name.text() in ("", self._lawful_name):
            self.agency_name.setText(lawful)
        self._lawful_name = lawful

    def set_unit(self, unit: UnitConfig | None, office_hours: str = DEFAULT_HOURS) -> None:
        if unit is not None:
            self.agency_id.setText(unit.agency_id)
            self.agency_name.setText(unit.agency_name)
            self.parent_body.setText(unit.parent_body)
            self.place.setText(unit.place)
            self.counter.setValue(unit.counter)
            self.phone.setText(unit.phone)
            self.email.setText(unit.email)
        self.office_hours.setText(office_hours)

    def validated(self) -> tuple[UnitConfig, OfficeHours]:
        """The cleaned unit and office hours; raises `ValidationErrors` after showing each beside its field."""
        errors: list[ValidationError] = []
        values: dict[str, object] = {}

        def run(name: str, check: Callable[[], object]) -> None:
            try:
                values[name] = check()
            except ValidationError as exc:
                errors.append(exc)
            except DomainError as exc:
                # an agency ID left empty: said for this field, which the window offers, not as a configuration error
                code = "agency_id.required" if exc.code == "config.agency_id_missing" else exc.code
                errors.append(ValidationError(name, code, **exc.params))

        run("agency_id", lambda: check_agency_id(self.agency_id.text()))
        if not nfc(self.agency_name.text()):
            self.agency_name.setText(lawful_agency_name(self.parent_body.text()))
        for name in ("agency_name", "parent_body", "place"):
            run(name, lambda name=name: _required(name, self._editors[name]))  # type: ignore[misc]
        run("phone", lambda: check_phone(self.phone.text(), "phone"))
        run("email", lambda: check_email(self.email.text(), "email"))
        run("office_hours", lambda: OfficeHours.parse(self.office_hours.text()))
        for name, label in self.errors.items():
            found = next((e for e in errors if e.field.rsplit(".", 1)[-1] == name), None)
            label.show_error(self._editors[name], describe(found, self._lang) if found else "")
        if errors:
            raise ValidationErrors(errors)
        unit = UnitConfig(
            agency_id=str(values["agency_id"]),
            agency_name=str(values["agency_name"]),
            parent_body=str(values["parent_body"]),
            place=str(values["place"]),
            counter=self.counter.value(),
            phone=str(values["phone"]),
            email=str(values["email"]),
        )
        hours = values["office_hours"]
        assert isinstance(hours, OfficeHours)
        return unit, hours


def _required(name: str, editor: QWidget) -> str:
    text = nfc(editor.text()) if isinstance(editor, QLineEdit) else ""
    if not text:
        raise ValidationError(name, "required")
    return text
