"""The three outcomes: buttons, the reason dialogs (refusal needs a reason), and the summary of the last dossier."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.model import Dossier, Status
from ...core.text import nfc
from ...messages import status_name
from ..form_widgets import SteadyErrorLabel, set_item_data
from ..formats import format_appointment, format_datetime, provisional_note
from ..forms.ui_refuse_dialog import Ui_RefuseDialog
from ..forms.ui_supplement_dialog import Ui_SupplementDialog
from ..widgets import accept_button, with_shortcut

RECEIVE_SHORTCUT = "Ctrl+Return"
SUPPLEMENT_SHORTCUT = "Ctrl+B"
REFUSE_SHORTCUT = "Ctrl+R"
PRINT_SHORTCUT = "Ctrl+P"
#: Submits a dialog of the intake, from any of its fields.
SUBMIT_SHORTCUT = "Ctrl+Return"


class OutcomeBar(QWidget):
    """Receive / request supplement / refuse, with a line saying why receiving is not possible yet."""

    receive_clicked = Signal()
    supplement_clicked = Signal()
    refuse_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receive_button = QPushButton(self.tr("Tiếp nhận"), self)
        self.receive_button.setObjectName("receiveButton")
        self.receive_button.setProperty("role", "primary")
        self.receive_button.setToolTip(
            with_shortcut(self.tr("Tiếp nhận hồ sơ, cấp mã và giấy hẹn"), "Ctrl+Enter")
        )
        self.supplement_button = QPushButton(self.tr("Yêu cầu bổ sung"), self)
        self.supplement_button.setObjectName("supplementButton")
        self.supplement_button.setToolTip(
            with_shortcut(self.tr("Hướng dẫn bổ sung, hoàn thiện hồ sơ (mẫu 02)"), SUPPLEMENT_SHORTCUT)
        )
        self.refuse_button = QPushButton(self.tr("Từ chối"), self)
        self.refuse_button.setObjectName("refuseButton")
        self.refuse_button.setToolTip(
            with_shortcut(self.tr("Từ chối tiếp nhận hồ sơ (mẫu 03)"), REFUSE_SHORTCUT)
        )
        self.blocked_reason = SteadyErrorLabel("blocked", self, reserved_lines=2)
        self.blocked_reason.setObjectName("blockedReason")
        self.blocked_reason.setProperty("role", "hint")  # a hint, not an error: grey
        self.message = SteadyErrorLabel("outcome", self, reserved_lines=2)
        row = QHBoxLayout()
        row.addWidget(self.receive_button, 2)
        row.addWidget(self.supplement_button, 1)
        row.addWidget(self.refuse_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.blocked_reason)
        layout.addWidget(self.message)
        self._connect()

    def _connect(self) -> None:
        self.receive_button.clicked.connect(self.receive_clicked)
        self.supplement_button.clicked.connect(self.supplement_clicked)
        self.refuse_button.clicked.connect(self.refuse_clicked)

    def set_state(self, has_procedure: bool, receive_blocker: str, busy: bool) -> None:
        self.receive_button.setEnabled(has_procedure and not receive_blocker and not busy)
        self.supplement_button.setEnabled(has_procedure and not busy)
        self.refuse_button.setEnabled(has_procedure and not busy)
        self.blocked_reason.setText(receive_blocker)
        self.blocked_reason.setVisible(bool(receive_blocker))


def submit_with_ctrl_enter(dialog: QDialog, buttons: QDialogButtonBox) -> None:
    """Ctrl+Enter (either Enter key) presses the dialog's accept button, even from a multi-line field where Enter
    starts a new line; the button's tooltip says so."""
    accept = accept_button(buttons)
    for keys in (SUBMIT_SHORTCUT, "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: accept.click() if accept.isEnabled() else None)
    accept.setToolTip(with_shortcut(accept.text(), "Ctrl+Enter"))


class RefuseDialog(QDialog):
    """The applicant's name and the reason of a refusal (ui/refuse_dialog.ui), both printed on form 03; the accept
    button stays disabled while either is blank. A refusal needs no identifier: the dialog says what it needs."""

    def __init__(self, applicant_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RefuseDialog()
        self.ui.setupUi(self)
        self.applicant = self.ui.refuseApplicant
        self.applicant.setText(applicant_name)
        self.common = self.ui.commonReasons
        set_item_data(self.common, ["", *(self.common.itemText(i) for i in range(1, self.common.count()))])
        self.reason = self.ui.refuseReason
        self.buttons = self.ui.buttons
        self._connect()
        submit_with_ctrl_enter(self, self.buttons)
        self._on_reason_text_changed()
        (self.common if self.applicant_name() else self.applicant).setFocus()

    def _connect(self) -> None:
        self.applicant.textChanged.connect(self._on_reason_text_changed)
        self.reason.textChanged.connect(self._on_reason_text_changed)
        self.common.activated.connect(self._on_common_activated)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def applicant_name(self) -> str:
        return " ".join(nfc(self.applicant.text()).split())

    def reason_text(self) -> str:
        return nfc(self.reason.toPlainText())

    def _on_common_activated(self, index: int) -> None:
        text = str(self.common.itemData(index) or "")
        if text:
            self.reason.setPlainText(text)

    def _on_reason_text_changed(self) -> None:
        accept_button(self.buttons).setEnabled(bool(self.reason_text() and self.applicant_name()))

    def _on_buttons_accepted(self) -> None:
        if self.reason_text() and self.applicant_name():
            self.accept()


class SupplementDialog(QDialog):
    """What the citizen must add (one item per line, pre-filled with the missing components) and why
    (ui/supplement_dialog.ui); Enter starts a new line, Ctrl+Enter records the request."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SupplementDialog()
        self.ui.setupUi(self)
        self.items = self.ui.supplementItems
        self.items.setPlainText("\n".join(missing))
        self.reason = self.ui.supplementReason
        self.buttons = self.ui.buttons
        self.items.textChanged.connect(self._on_items_text_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        submit_with_ctrl_enter(self, self.buttons)
        self._on_items_text_changed()

    def missing_items(self) -> list[str]:
        return [nfc(line) for line in self.items.toPlainText().splitlines() if nfc(line)]

    def reason_text(self) -> str:
        return nfc(self.reason.text())

    def _on_items_text_changed(self) -> None:
        accept_button(self.buttons).setEnabled(bool(self.missing_items()))

    def _on_buttons_accepted(self) -> None:
        if self.missing_items():
            self.accept()


class LastDossierSummary(QFrame):
    """The dossier just decided: code and appointment shown big, and the button that prints its form."""

    print_clicked = Signal()
    save_pdf_clicked = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.dossier: Dossier | None = None
        self.setObjectName("lastDossier")
        self.setProperty("role", "summary")
        self.title = QLabel(self.tr("Hồ sơ vừa xử lý"), self)
        self.title.setProperty("role", "hint")
        self.code = QLabel(self)
        self.code.setObjectName("lastCode")
        self.code.setProperty("role", "big")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.appointment = QLabel(self)
        self.appointment.setObjectName("lastAppointment")
        self.appointment.setProperty("role", "big")
        self.provisional = QLabel(self)
        self.provisional.setObjectName("lastAppointmentProvisional")
        self.provisional.setProperty("role", "hint")
        self.provisional.setWordWrap(True)
        self.provisional.hide()
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printButton")
        self.print_button.setProperty("role", "primary")
        self.save_button = QPushButton(self.tr("Lưu PDF…"), self)
        self.save_button.setObjectName("savePdfButton")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.code, 1, 0, 1, 2)
        grid.addWidget(self.appointment, 2, 0, 1, 2)
        grid.addWidget(self.provisional, 3, 0, 1, 2)
        grid.addWidget(self.details, 4, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button, 1)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 5, 0, 1, 2)
        self.print_button.clicked.connect(self.print_clicked)
        self.save_button.clicked.connect(self.save_pdf_clicked)
        self.hide()

    def show_dossier(self, dossier: Dossier, provisional_from: int | None = None) -> None:
        """Show `dossier`; an appointment in `provisional_from` or later gets a note that it is provisional (its
        year has no official day-off notice yet)."""
        self.dossier = dossier
        due = dossier.appointment if dossier.status is Status.RECEIVED else None
        provisional = due is not None and provisional_from is not None and due.year >= provisional_from
        self.provisional.setText(provisional_note(due.year) if provisional and due is not None else "")
        self.provisional.setVisible(provisional)
        status = status_name(dossier.status, self._lang)
        if dossier.status is Status.RECEIVED:
            self.code.setText(self.tr("Mã hồ sơ: %1").replace("%1", dossier.code or ""))
            self.appointment.setText(
                self.tr("Hẹn trả: %1").replace("%1", format_appointment(dossier.appointment, self._lang))
            )
            self.print_button.setText(self.tr("In giấy tiếp nhận (01)"))
        elif dossier.status is Status.SUPPLEMENT_REQUESTED:
            self.code.setText(self.tr("Đã yêu cầu bổ sung hồ sơ"))
            self.appointment.setText(self.tr("Cần bổ sung %n mục", "", len(dossier.missing)))
            self.print_button.setText(self.tr("In phiếu yêu cầu bổ sung (02)"))
        else:
            self.code.setText(self.tr("Đã từ chối tiếp nhận"))
            self.appointment.setText(dossier.reason)
            self.print_button.setText(self.tr("In phiếu từ chối (03)"))
        self.print_button.setToolTip(with_shortcut(self.print_button.text(), PRINT_SHORTCUT))
        self.appointment.setWordWrap(dossier.status is not Status.RECEIVED)
        self.details.setText(
            f"{dossier.applicant.name} · {dossier.procedure.name}<br>"
            f"{status} · {format_datetime(dossier.received_at, self._lang)}"
        )
        self.show()

    def form_kind(self) -> str:
        """Which form matches the last outcome: receipt, supplement or refusal."""
        if self.dossier is None:
            return ""
        return {Status.RECEIVED: "receipt", Status.SUPPLEMENT_REQUESTED: "supplement"}.get(
            self.dossier.status, "refusal"
        )
