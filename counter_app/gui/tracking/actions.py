"""Moving a dossier on: the action bar (moves the account may make), the dialog that asks what each move needs, and the request it yields.

The letters (04 apology, 05 stop) ask for their signer; the apology's new appointment is offered on the unit's
working calendar (`tracking.letter_draft`) and accepted only in office hours of a working day after the
appointment in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...core.calendar import WorkingCalendar
from ...core.letters import EXTENSION_WORKING_DAYS, in_force, proposed_new_appointment
from ...core.model import Dossier, Status
from ...core.roles import Account, Operation, may
from ...core.statuses import deadline, may_take
from ...core.supplement import waiting_at_counter
from ...core.text import nfc
from ...messages import status_name
from ..formats import format_datetime
from ..widgets import ErrorLabel, accept_button, dialog_buttons

if TYPE_CHECKING:
    from ...app.tracking import LetterDraft

S = Status


@dataclass(frozen=True)
class MoveAction:
    """One way to move a dossier on. `target` None: the status stays (an apology); `form`: what to print after."""

    key: str
    target: Status | None
    form: str = ""
    needs_unit: bool = False
    needs_missing: bool = False
    needs_reason: bool = False
    needs_appointment: bool = False
    needs_signer: bool = False
    needs_request_date: bool = False

    def allowed_from(self, status: Status) -> bool:
        """Whether the core's rules allow this move from `status` (`statuses.may_take`)."""
        return may_take(self.key, status, self.target)


#: The processing actions, in the order the bar shows them.
MOVES: tuple[MoveAction, ...] = (
    MoveAction("transfer", S.PROCESSING, needs_unit=True),
    MoveAction("processing", S.PROCESSING),
    MoveAction(
        "supplement_requested",
        S.SUPPLEMENT_REQUESTED,
        form="supplement",
        needs_missing=True,
        needs_reason=True,
    ),
    MoveAction("supplement_received", S.PROCESSING),
    MoveAction("fees_due", S.FEES_DUE),
    MoveAction("result_ready", S.RESULT_READY),
    MoveAction("withdrawal_requested", S.WITHDRAWAL_REQUESTED),
    MoveAction("stop", S.STOPPED, form="stop", needs_reason=True, needs_signer=True, needs_request_date=True),
    MoveAction("apology", None, form="apology", needs_reason=True, needs_appointment=True, needs_signer=True),
)
MOVES_BY_KEY = {m.key: m for m in MOVES}
#: The move that, on an intake kept waiting for papers (never received, `core.supplement`), reopens it at intake.
CONTINUE_INTAKE = "supplement_received"


def actions_for(account: Account) -> tuple[MoveAction, ...]:
    """The moves `account` may make: all of them for those the core's role rules let move dossiers, else none."""
    return MOVES if may(account, Operation.MOVE) else ()


@dataclass(frozen=True)
class MoveRequest:
    """What the officer entered for a move; turned into `tracking.advance` or `tracking.apologise` arguments."""

    action: MoveAction
    unit: str = ""
    receiver: str = ""
    note: str = ""
    missing: tuple[str, ...] = ()
    new_appointment: datetime | None = None
    step_due: datetime | None = None
    agency: str = ""
    signer: str = ""
    signer_title: str = ""
    requested_at: datetime | None = None

    def data(self) -> dict[str, object]:
        """The event data of a move recorded through `tracking.advance` (the apology has its own arguments)."""
        out: dict[str, object] = {}
        if self.missing:
            out["missing"] = list(self.missing)
        if self.step_due is not None:
            out["step_due"] = self.step_due.isoformat(timespec="minutes")
        if self.requested_at is not None:
            out["requested_at"] = self.requested_at.isoformat(timespec="minutes")
        if self.action.needs_signer and self.action.target is not None:
            out["signer"] = self.signer
            out["signer_title"] = self.signer_title
        return out


class ActionBar(QWidget):
    """The moves this account may make, each enabled only when the core rules allow it now."""

    action_chosen = Signal(object)  # MoveAction

    def __init__(self, account: Account, parent: QWidget | None = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.lang = lang  # of the status names in the tooltips
        self.actions_shown = actions_for(account)
        self.may_receive = may(account, Operation.RECEIVE)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for i, action in enumerate(self.actions_shown):
            button = QPushButton(action_label(action), self)
            button.setObjectName(f"move:{action.key}")
            button.setToolTip(action_hint(action))
            self.buttons[action.key] = button
            grid.addWidget(button, i // 3, i % 3)
        if not self.actions_shown:
            note = QLabel(self.tr("Vai trò lãnh đạo chỉ xem, không chuyển hồ sơ."), self)
            note.setProperty("role", "hint")
            grid.addWidget(note, 0, 0)
        self._connect()
        self.set_dossier(None)

    def _connect(self) -> None:
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, k=key: self._on_button_clicked(k))

    def set_dossier(self, dossier: Dossier | None, busy: bool = False) -> None:
        for action in self.actions_shown:
            button = self.buttons[action.key]
            if dossier is not None and waiting_at_counter(dossier) and action.key == CONTINUE_INTAKE:
                # never received: its papers are taken at intake, where it is received with a code and appointment
                button.setEnabled(self.may_receive and not busy)
                button.setToolTip(
                    self.tr(
                        "Hồ sơ chưa được tiếp nhận: mở lại ở màn hình tiếp nhận với thông tin đã khai, đánh dấu giấy "
                        "tờ vừa nộp và tiếp nhận (cấp mã hồ sơ, giấy hẹn)"
                    )
                    if self.may_receive
                    else self.tr("Hồ sơ chưa được tiếp nhận: cán bộ tiếp nhận tiếp tục hồ sơ này tại quầy")
                )
                continue
            allowed = dossier is not None and dossier.code is not None and action.allowed_from(dossier.status)
            button.setEnabled(allowed and not busy)
            hint = action_hint(action)
            if dossier is not None and not allowed:
                hint += "\n" + self.tr("Không áp dụng cho hồ sơ ở trạng thái «%1».").replace(
                    "%1", status_name(dossier.status, self.lang)
                )
            button.setToolTip(hint)

    def enabled_keys(self) -> list[str]:
        return [k for k, b in self.buttons.items() if b.isEnabled()]

    def _on_button_clicked(self, key: str) -> None:
        self.action_chosen.emit(MOVES_BY_KEY[key])


def _qt_moment(moment: datetime) -> QDateTime:
    return QDateTime.fromString(
        moment.replace(microsecond=0).isoformat(timespec="seconds"), Qt.DateFormat.ISODate
    )


def action_label(action: MoveAction) -> str:
    """The button text of a move."""
    labels = {
        "transfer": QCoreApplication.translate("MoveAction", "Chuyển đơn vị xử lý"),
        "processing": QCoreApplication.translate("MoveAction", "Ghi nhận đang xử lý"),
        "supplement_requested": QCoreApplication.translate("MoveAction", "Yêu cầu bổ sung (mẫu 02)"),
        "supplement_received": QCoreApplication.translate("MoveAction", "Đã nhận bổ sung"),
        "fees_due": QCoreApplication.translate("MoveAction", "Yêu cầu nộp phí, thuế"),
        "result_ready": QCoreApplication.translate("MoveAction", "Đã có kết quả"),
        "withdrawal_requested": QCoreApplication.translate("MoveAction", "Công dân xin rút hồ sơ"),
        "stop": QCoreApplication.translate("MoveAction", "Dừng xử lý (mẫu 05)"),
        "apology": QCoreApplication.translate("MoveAction", "Xin lỗi, hẹn lại (mẫu 04)"),
    }
    return labels[action.key]


def action_hint(action: MoveAction) -> str:
    """What a move does, for its tooltip."""
    hints = {
        "transfer": QCoreApplication.translate(
            "MoveAction", "Giao hồ sơ cho một phòng, ban hoặc cơ quan phối hợp"
        ),
        "processing": QCoreApplication.translate("MoveAction", "Ghi nhận hồ sơ đang được xử lý"),
        "supplement_requested": QCoreApplication.translate(
            "MoveAction", "Ghi rõ giấy tờ cần bổ sung; thời gian chờ bổ sung không tính vào hạn"
        ),
        "supplement_received": QCoreApplication.translate(
            "MoveAction", "Công dân đã nộp đủ giấy tờ bổ sung; tiếp tục tính giờ"
        ),
        "fees_due": QCoreApplication.translate("MoveAction", "Công dân cần thực hiện nghĩa vụ tài chính"),
        "result_ready": QCoreApplication.translate("MoveAction", "Đã xử lý xong, chờ trả kết quả"),
        "withdrawal_requested": QCoreApplication.translate("MoveAction", "Công dân yêu cầu rút hồ sơ"),
        "stop": QCoreApplication.translate("MoveAction", "Dừng giải quyết hồ sơ và in thông báo (mẫu 05)"),
        "apology": QCoreApplication.translate(
            "MoveAction", "Xin lỗi vì trễ hạn và hẹn ngày trả mới (mẫu 04)"
        ),
    }
    return hints[action.key]


class MoveDialog(QDialog):
    """Asks what a move needs (unit, missing papers, reason, new appointment, signer); accept stays off until it
    is there. `draft` brings a letter's defaults and the unit's calendar (`tracking.letter_draft`); without it
    the national calendar alone is used."""

    def __init__(
        self,
        action: MoveAction,
        dossier: Dossier,
        units: list[str],
        now: datetime,
        parent: QWidget | None = None,
        *,
        draft: LetterDraft | None = None,
        lang: str = "vi",
    ) -> None:
        super().__init__(parent)
        self.action = action
        self.dossier = dossier
        self.now = now
        self.calendar = draft.calendar if draft is not None else WorkingCalendar()
        self.setObjectName(f"moveDialog:{action.key}")
        self.setWindowTitle(f"{action_label(action)} — {dossier.code or ''}")
        form = QFormLayout(self)
        form.addRow(
            QLabel(f"<b>{dossier.code}</b> · {dossier.applicant.name}<br>{dossier.procedure.name}", self)
        )
        if action.key == "supplement_received":
            form.addRow(self._resume_note(dossier, now, lang))
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.unit.setCurrentText(dossier.unit if dossier.unit in units else (units[0] if units else ""))
        self.receiver = QLineEdit(self)
        self.receiver.setObjectName("receiver")
        self.receiver.setPlaceholderText(self.tr("Họ tên hoặc tên đăng nhập người nhận"))
        self.step_due_enabled = QCheckBox(self.tr("Đặt hạn cho bước này"), self)
        self.step_due = QDateTimeEdit(self)
        self.step_due.setCalendarPopup(True)
        self.step_due.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.step_due.setDateTime(_qt_moment(dossier.appointment or now + timedelta(days=1)))
        self.step_due.setEnabled(False)
        self.missing = QPlainTextEdit(self)
        self.missing.setObjectName("missing")
        self.missing.setPlaceholderText(self.tr("Mỗi dòng một giấy tờ cần bổ sung, hoàn thiện"))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMaximumHeight(80)
        self.new_appointment = QDateTimeEdit(self)
        self.new_appointment.setObjectName("newAppointment")
        self.new_appointment.setCalendarPopup(True)
        self.new_appointment.setDisplayFormat("HH:mm dd/MM/yyyy")
        offered = draft.proposed_appointment if draft is not None else None
        if offered is None and action.needs_appointment:
            offered = proposed_new_appointment(self.calendar, dossier, now)
        if offered is not None:
            self.new_appointment.setDateTime(_qt_moment(offered))
        self.new_appointment.setMinimumDateTime(_qt_moment(now))
        self.appointment_hint = QLabel(
            self.tr(
                "Đề xuất theo lịch làm việc của đơn vị: %1 ngày làm việc sau ngày hẹn đang áp dụng."
            ).replace("%1", str(EXTENSION_WORKING_DAYS)),
            self,
        )
        self.appointment_hint.setProperty("role", "hint")
        self.appointment_hint.setWordWrap(True)
        self.agency = QLineEdit(self)
        self.agency.setObjectName("agency")
        self.agency.setText(
            draft.agency if draft is not None else (dossier.procedure.resolving_agency or dossier.unit)
        )
        self.signer_title = QLineEdit(self)
        self.signer_title.setObjectName("signerTitle")
        self.signer_title.setPlaceholderText(self.tr("VD: Chủ tịch, hoặc KT. Chủ tịch / Phó Chủ tịch"))
        self.signer = QLineEdit(self)
        self.signer.setObjectName("signer")
        self.signer.setPlaceholderText(
            self.tr("Người đứng đầu cơ quan trễ hạn")
            if action.needs_appointment
            else self.tr("Người đứng đầu đơn vị")
        )
        if draft is not None:
            self.signer_title.setText(draft.signer_title)
            self.signer.setText(draft.signer)
        self.requested_at = QDateTimeEdit(self)
        self.requested_at.setObjectName("requestedAt")
        self.requested_at.setCalendarPopup(True)
        self.requested_at.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.requested_at.setDateTime(_qt_moment(now))
        self.requested_at.setMaximumDateTime(_qt_moment(now))
        self.error = ErrorLabel("move", self)
        if action.needs_unit:
            form.addRow(self.tr("Chuyển đến đơn vị:"), self.unit)
            form.addRow(self.tr("Người nhận:"), self.receiver)
            form.addRow(self.step_due_enabled, self.step_due)
        if action.needs_missing:
            form.addRow(self.tr("Giấy tờ cần bổ sung:"), self.missing)
        if action.needs_appointment:
            form.addRow(self.tr("Ngày hẹn trả mới:"), self.new_appointment)
            form.addRow("", self.appointment_hint)
            form.addRow(self.tr("Cơ quan xin lỗi:"), self.agency)
        if action.needs_request_date:
            form.addRow(self.tr("Ngày công dân đề nghị:"), self.requested_at)
        if action.needs_signer:
            form.addRow(self.tr("Chức vụ người ký:"), self.signer_title)
            form.addRow(self.tr("Người ký:"), self.signer)
        reason_label = self.tr("Lý do:") if action.needs_reason else self.tr("Ghi chú:")
        self.reason.setPlaceholderText(
            self.tr("Bắt buộc") if action.needs_reason else self.tr("Không bắt buộc")
        )
        form.addRow(reason_label, self.reason)
        form.addRow(self.error)
        self.buttons = dialog_buttons(action_label(action), self.tr("Hủy"), self)
        form.addRow(self.buttons)
        unused = {
            self.unit: not action.needs_unit,
            self.receiver: not action.needs_unit,
            self.step_due_enabled: not action.needs_unit,
            self.step_due: not action.needs_unit,
            self.missing: not action.needs_missing,
            self.new_appointment: not action.needs_appointment,
            self.appointment_hint: not action.needs_appointment,
            self.agency: not action.needs_appointment,
            self.requested_at: not action.needs_request_date,
            self.signer_title: not action.needs_signer,
            self.signer: not action.needs_signer,
        }
        for widget, hidden in unused.items():
            widget.setVisible(not hidden)  # fields this move does not ask for stay out of sight
        self.resize(560, 0)
        self._connect()
        self._on_input_changed()

    def _resume_note(self, dossier: Dossier, now: datetime, lang: str) -> QLabel:
        """What the papers' return does to the deadline: the wait since the request is not counted (`deadline`)."""
        since = next(
            (
                e.at
                for e in reversed(dossier.history)
                if e.to_status is S.SUPPLEMENT_REQUESTED
                and e.from_status not in (None, S.SUPPLEMENT_REQUESTED)
            ),
            None,
        )
        due = deadline(dossier, now)
        note = QLabel(self)
        note.setObjectName("resumeNote")
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        if since is not None and due is not None:
            note.setText(
                self.tr(
                    "Chờ công dân bổ sung từ %1; thời gian chờ không tính vào hạn: hạn giải quyết dời đến %2."
                )
                .replace("%1", format_datetime(since, lang))
                .replace("%2", format_datetime(due.due, lang))
            )
        return note

    def _connect(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.missing.textChanged.connect(self._on_input_changed)
        self.reason.textChanged.connect(self._on_input_changed)
        self.unit.currentTextChanged.connect(self._on_input_changed)
        self.step_due_enabled.toggled.connect(self.step_due.setEnabled)
        self.new_appointment.dateTimeChanged.connect(self._on_input_changed)
        self.signer_title.textChanged.connect(self._on_input_changed)
        self.signer.textChanged.connect(self._on_input_changed)

    def _missing_items(self) -> tuple[str, ...]:
        return tuple(nfc(line) for line in self.missing.toPlainText().splitlines() if nfc(line))

    def _blocker(self) -> str:
        if self.action.needs_unit and not nfc(self.unit.currentText()):
            return self.tr("Hãy chọn đơn vị nhận hồ sơ.")
        if self.action.needs_missing and not self._missing_items():
            return self.tr("Hãy ghi rõ giấy tờ cần bổ sung.")
        if self.action.needs_reason and not nfc(self.reason.toPlainText()):
            return self.tr("Hãy ghi lý do.")
        if self._appointment_problem():
            return self._appointment_problem()
        if self.action.needs_signer and not (nfc(self.signer_title.text()) and nfc(self.signer.text())):
            return self.tr("Hãy ghi chức vụ và họ tên người ký.")
        return ""

    def _appointment_problem(self) -> str:
        """Why the new appointment chosen cannot be given (empty when it can, or when the move has none)."""
        if not self.action.needs_appointment:
            return ""
        chosen = self.chosen_appointment()
        if not self.calendar.is_office_time(chosen, include_end=True):
            return self.tr("Ngày hẹn trả mới phải trong giờ làm việc của một ngày làm việc.")
        held = in_force(self.dossier)
        if chosen <= self.now or (held is not None and chosen <= held):
            return self.tr("Ngày hẹn trả mới phải sau ngày hẹn đang áp dụng.")
        return ""

    def chosen_appointment(self) -> datetime:
        """The new appointment as the officer left it."""
        return self.new_appointment.dateTime().toPython()  # type: ignore[return-value]

    def _on_input_changed(self, *_args: object) -> None:
        accept_button(self.buttons).setEnabled(not self._blocker())
        if self.action.needs_appointment:  # a date's problem is not obvious at a glance: say it at once
            self.error.show_error(self.new_appointment, self._appointment_problem())

    def _on_buttons_accepted(self) -> None:
        blocker = self._blocker()
        if blocker:
            self.error.show_error(None, blocker)
            return
        self.accept()

    def request(self) -> MoveRequest:
        """What the officer entered (call after the dialog was accepted)."""
        a = self.action
        return MoveRequest(
            action=a,
            unit=nfc(self.unit.currentText()) if a.needs_unit else "",
            receiver=nfc(self.receiver.text()) if a.needs_unit else "",
            note=nfc(self.reason.toPlainText()),
            missing=self._missing_items() if a.needs_missing else (),
            new_appointment=self.chosen_appointment() if a.needs_appointment else None,
            step_due=self.step_due.dateTime().toPython()
            if a.needs_unit and self.step_due_enabled.isChecked()
            else None,  # type: ignore[arg-type]
            agency=nfc(self.agency.text()) if a.needs_appointment else "",
            signer=nfc(self.signer.text()) if a.needs_signer else "",
            signer_title=nfc(self.signer_title.text()) if a.needs_signer else "",
            requested_at=self.requested_at.dateTime().toPython() if a.needs_request_date else None,  # type: ignore[arg-type]
        )
