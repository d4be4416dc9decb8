"""The intake panel: procedure, applicant, checklist and the three outcomes, with the draft kept safe across crashes;
an intake kept waiting for papers is reopened here and received (`continuing.py`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...app import digitise, intake, settings
from ...app.base import Changes, Op, Scope
from ...core.attachments import PreparedPaper
from ...core.errors import DomainError, ValidationErrors
from ...core.intake import new_dossier
from ...core.model import Dossier, Procedure
from ...core.roles import Operation
from ...messages import describe
from ..formats import format_duration, format_money
from ..printing import FormPrinter
from ..questions import Answer, Question
from ..session import PanelEntry, Session
from .applicant_form import ApplicantForm
from .checklist import Checklist
from .continuing import ContinuingBanner, form_data, requested_numbers
from .outcome import (
    PRINT_SHORTCUT,
    REFUSE_SHORTCUT,
    SUPPLEMENT_SHORTCUT,
    LastDossierSummary,
    OutcomeBar,
    RefuseDialog,
    SupplementDialog,
)
from .papers import IntakePapers

AUTOSAVE_MS = 1000
#: What an account must be allowed to do to see this panel (the core's role rules).
OPERATION = Operation.RECEIVE
INTAKE_SHORTCUT = "F5"


class IntakePanel(QWidget):
    """Takes one citizen's dossier at a time; emits one signal per outcome with the stored `Dossier`."""

    dossier_received = Signal(object)
    supplement_recorded = Signal(object)
    dossier_refused = Signal(object)
    outcome_failed = Signal(str)
    draft_saved = Signal()
    draft_offered = Signal(object)
    procedures_loaded = Signal(int)
    #: Ask the main window to bring this panel to the front (Ctrl+N from another panel).
    activation_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("intakePanel")
        self.setWindowTitle(self.tr("Tiếp nhận hồ sơ"))
        self.procedure: Procedure | None = None
        self._busy = False
        self._autosave_enabled = True
        self._pending_draft: dict[str, Any] | None = None
        self._restore_when_loaded: dict[str, Any] | None = None
        self._procedures_ready = False
        self._provisional_from: int | None = None  # first year without an official day-off notice
        self.discard_question: Question | None = None
        #: The intake waiting for papers being finished (form 02 scanned or opened from the list), else None.
        self.continuing: Dossier | None = None
        self._continue_when_loaded: Dossier | None = None
        self.continue_question: Question | None = None
        self.printer = FormPrinter(session, self)
        self._build()
        self._build_actions()
        self._connect()
        self._update_state()
        self.load_procedures()

    # ---- construction ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.session.lang
        from .procedure_picker import ProcedurePicker

        self.picker = ProcedurePicker(lang, self)
        # the list takes the room left over: its own preferred height must not push the applicant's fields (with the
        # room their error lines keep) below the window's edge
        self.picker.setMinimumHeight(self.picker.minimumSizeHint().height())
        picker_policy = self.picker.sizePolicy()
        picker_policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        self.picker.setSizePolicy(picker_policy)
        self.chosen = QLabel(self.tr("Chưa chọn thủ tục."), self)
        self.chosen.setObjectName("chosenProcedure")
        self.chosen.setWordWrap(True)
        # room for three lines from the start: choosing a procedure must not re-lay out the whole window
        self.chosen.setMinimumHeight(self.chosen.fontMetrics().lineSpacing() * 3 + 4)
        self.chosen.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.applicant = ApplicantForm(lang, self)
        self.checklist = Checklist(self)
        self.papers = IntakePapers(self.session, self.checklist, self)
        self.outcome = OutcomeBar(self)
        self.summary = LastDossierSummary(lang, self)
        self.banner = self._draft_banner()
        self.continuing_banner = ContinuingBanner(lang, self)

        procedure_box = QGroupBox(self.tr("1. Thủ tục hành chính"), self)
        box = QVBoxLayout(procedure_box)
        box.addWidget(self.picker, 1)
        box.addWidget(self.chosen)
        applicant_box = QGroupBox(self.tr("2. Người nộp hồ sơ"), self)
        QVBoxLayout(applicant_box).addWidget(self.applicant)
        checklist_box = QGroupBox(self.tr("3. Thành phần hồ sơ"), self)
        checklist_layout = QVBoxLayout(checklist_box)
        checklist_layout.addWidget(self.checklist, 1)
        checklist_layout.addWidget(self.papers)
        outcome_box = QGroupBox(self.tr("4. Kết quả tiếp nhận"), self)
        outcome_layout = QVBoxLayout(outcome_box)
        outcome_layout.addWidget(self.outcome)
        outcome_layout.addWidget(self.summary)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(procedure_box, 3)
        left_layout.addWidget(applicant_box, 0)
        left_layout.addStretch(0)
        scroll = QScrollArea(self)
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(checklist_box, 1)
        right_layout.addWidget(outcome_box, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.continuing_banner)
        layout.addWidget(splitter, 1)
        self.splitter = splitter

    def _draft_banner(self) -> QFrame:
        banner = QFrame(self)
        banner.setObjectName("draftBanner")
        banner.setProperty("role", "banner")
        self.banner_text = QLabel(self.tr("Khôi phục hồ sơ đang nhập dở?"), banner)
        self.restore_button = QPushButton(self.tr("Khôi phục"), banner)
        self.restore_button.setObjectName("restoreDraft")
        self.discard_button = QPushButton(self.tr("Bỏ qua"), banner)
        self.discard_button.setObjectName("discardDraft")
        row = QHBoxLayout(banner)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        banner.hide()
        return banner

    def _action(
        self, text: str, shortcuts: list[str], handler: Any, name: str, window_wide: bool = False
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut
            if window_wide
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.setToolTip(f"{text} ({shortcuts[0].replace('Return', 'Enter')})")
        action.triggered.connect(handler)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("Tiếp nhận mới"), ["Ctrl+N"], self._on_new_triggered, "newIntake", True
        )
        self.search_action = self._action(
            self.tr("Tìm thủ tục"), ["Ctrl+F"], self._on_search_triggered, "searchProcedure"
        )
        self.receive_action = self._action(
            self.tr("Tiếp nhận hồ sơ"), ["Ctrl+Return", "Ctrl+Enter"], self._on_receive_triggered, "receive"
        )
        self.supplement_action = self._action(
            self.tr("Yêu cầu bổ sung…"), [SUPPLEMENT_SHORTCUT], self._on_supplement_triggered, "supplement"
        )
        self.refuse_action = self._action(
            self.tr("Từ chối tiếp nhận…"), [REFUSE_SHORTCUT], self._on_refuse_triggered, "refuse"
        )
        self.print_action = self._action(
            self.tr("In phiếu của hồ sơ vừa xử lý"), [PRINT_SHORTCUT], self._on_print_triggered, "printLast"
        )

    def _connect(self) -> None:
        self.picker.procedure_chosen.connect(self._on_picker_procedure_chosen)
        self.applicant.changed.connect(self._on_form_changed)
        self.applicant.errors_changed.connect(self._on_applicant_errors_changed)
        self.checklist.changed.connect(self._on_form_changed)
        self.outcome.receive_clicked.connect(self._on_receive_triggered)
        self.outcome.supplement_clicked.connect(self._on_supplement_triggered)
        self.outcome.refuse_clicked.connect(self._on_refuse_triggered)
        self.summary.print_clicked.connect(self._on_print_triggered)
        self.summary.save_pdf_clicked.connect(self._on_summary_save_pdf_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.continuing_banner.dropped.connect(self._on_continuing_banner_dropped)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._on_autosave_timeout)
        self.session.runner.changed.connect(self._on_runner_changed)

    def entry(self) -> PanelEntry:
        """How the main window shows this panel."""
        actions = [
            self.new_action,
            self.search_action,
            self.receive_action,
            self.supplement_action,
            self.refuse_action,
            self.print_action,
        ]
        return PanelEntry("intake", self, self.tr("Tiếp nhận hồ sơ"), INTAKE_SHORTCUT, actions)

    # ---- catalogue ---------------------------------------------------------------------------------------------
    def load_procedures(self) -> None:
        self.session.submit(intake.procedures, on_done=self._on_procedures_loaded)
        self.session.submit(settings.provisional_from, on_done=self._on_provisional_from_loaded)
        # the writer opens its connection and builds the holiday table before the first receipt
        self.session.submit(intake.warm_up)

    def _on_runner_changed(self, changes: Changes) -> None:
        """A catalogue imported or downloaded: the picker offers the new one (the form being filled stays)."""
        if changes.touches(Scope.CATALOGUE):
            self.session.submit(intake.procedures, on_done=self._on_procedures_loaded)
        if changes.touches(Scope.CALENDAR):  # a notice day recorded or downloaded
            self.session.submit(settings.provisional_from, on_done=self._on_provisional_from_loaded)

    def _on_provisional_from_loaded(self, year: int | None) -> None:
        self._provisional_from = year

    def _on_procedures_loaded(self, procedures: list[Procedure]) -> None:
        self.picker.set_procedures(procedures)
        self._procedures_ready = True
        if self._restore_when_loaded is not None:
            data, self._restore_when_loaded = self._restore_when_loaded, None
            self.restore_draft(data)
        if self._continue_when_loaded is not None:
            waiting, self._continue_when_loaded = self._continue_when_loaded, None
            self._show_pending(waiting)
        self.procedures_loaded.emit(len(procedures))

    def _on_picker_procedure_chosen(self, procedure: Procedure) -> None:
        if self.continuing is not None and procedure.code != self.continuing.procedure.code:
            self._drop_continuing()  # another procedure is another intake
            self.outcome.message.show_error(
                None, self.tr("Đã đổi thủ tục: đây là một hồ sơ mới, hồ sơ chờ bổ sung vẫn giữ nguyên.")
            )
        self.procedure = procedure
        self.chosen.setText(
            self.tr("<b>Đã chọn:</b> %1 — %2").replace("%1", procedure.code).replace("%2", procedure.name)
            + f"<br>{procedure.field} · {format_duration(procedure)} · "
            + format_money(procedure.total_fee, self.session.lang)
        )
        self.checklist.set_procedure(procedure)
        self.applicant.applicant.editors["name"].setFocus()
        self._on_form_changed()

    # ---- state -------------------------------------------------------------------------------------------------
    def receive_blocker(self) -> str:
        """Why receiving is not possible right now ("" when it is)."""
        if self.procedure is None:
            return self.tr("Chọn thủ tục trước.")
        errors = len(self.applicant.shown_errors())
        if errors:
            return self.tr("Chưa thể tiếp nhận: còn %n lỗi ở thông tin người nộp.", "", errors)
        if not self.checklist.is_complete() and self.continuing is not None:
            return self.tr("Chưa thể tiếp nhận: đánh dấu các giấy tờ công dân vừa nộp bổ sung.")
        if not self.checklist.is_complete():
            return self.tr("Chưa thể tiếp nhận: hồ sơ còn thiếu thành phần (có thể yêu cầu bổ sung).")
        return ""

    def _update_state(self) -> None:
        blocker = self.receive_blocker()
        self.outcome.set_state(self.procedure is not None, blocker, self._busy)
        self.receive_action.setEnabled(self.procedure is not None and not blocker and not self._busy)
        # an intake waiting for papers had its form 02 already: it is received, or left as it is
        decide = self.procedure is not None and not self._busy and self.continuing is None
        self.supplement_action.setEnabled(decide)
        self.refuse_action.setEnabled(decide)
        self.outcome.supplement_button.setEnabled(decide)
        self.outcome.refuse_button.setEnabled(decide)
        self.print_action.setEnabled(self.summary.dossier is not None)

    def _on_applicant_errors_changed(self, _count: int) -> None:
        self._update_state()

    def _on_form_changed(self) -> None:
        self.outcome.message.show_error(None, "")
        self._update_state()
        if self._autosave_enabled:
            self._autosave.start()

    def is_blank(self) -> bool:
        return self.procedure is None and self.applicant.is_blank()

    def clear(self) -> None:
        """Empty the form for the next citizen (the last dossier's summary stays)."""
        self._autosave.stop()
        self.procedure = None
        self.picker.search.clear()
        self.chosen.setText(self.tr("Chưa chọn thủ tục."))
        self._discard_papers()
        self.checklist.set_procedure(None)
        self.applicant.clear()
        self._drop_continuing()
        self.outcome.message.show_error(None, "")
        self._update_state()
        self.picker.focus_search()

    # ---- outcomes ----------------------------------------------------------------------------------------------
    def _draft_dossier(self, for_refusal: bool = False) -> Dossier | None:
        """Validate everything (what a refusal needs, `for_refusal`) and build the undecided dossier; shows what is
        wrong and returns None."""
        if self.procedure is None or self._busy:
            return None
        if self.applicant.validate(show_all=True, for_refusal=for_refusal):
            self._fail(self.tr("Hãy sửa các lỗi được đánh dấu ở thông tin người nộp."))
            editor = self.applicant.first_invalid_editor()
            if editor is not None:
                editor.setFocus()
            return None
        try:
            applicant, representative = self.applicant.collect(for_refusal)
        except ValidationErrors as exc:
            self._fail(describe(exc, self.session.lang))
            return None
        unit = self.session.unit
        return new_dossier(
            agency_id=unit.agency_id if unit else "",
            procedure=self.procedure,
            applicant=applicant,
            at=datetime.now().replace(microsecond=0),
            officer=self.session.officer,
            counter=unit.counter if unit else 0,
            representative=representative,
            components=self.checklist.handed(),
        )

    def _on_receive_triggered(self) -> None:
        if not self.isVisible() or self._busy:
            return
        draft = self._draft_dossier()
        if draft is None:
            return
        if not self.checklist.is_complete():
            self._fail(self.receive_blocker())
            return
        papers = self.checklist.papers()  # digitised now: kept as its attachments in the receipt's write
        if self.continuing is not None:  # the same dossier, received now: code and appointment from now
            self._start(intake.complete, self.continuing.id, draft, papers)
            return
        self._start(intake.receive, draft, papers)

    def _on_supplement_triggered(self) -> None:
        if not self.isVisible() or self._busy or self.procedure is None or self.continuing is not None:
            return
        draft = self._draft_dossier()
        if draft is None:
            return
        missing = [f"{c.name}" for c in self.checklist.missing()]
        self.supplement_dialog = SupplementDialog(missing, self)
        self.supplement_dialog.accepted.connect(lambda: self._on_supplement_dialog_accepted(draft))
        self.supplement_dialog.open()

    def _on_supplement_dialog_accepted(self, draft: Dossier) -> None:
        dialog = self.supplement_dialog
        self._start(intake.request_supplement, draft, dialog.missing_items(), dialog.reason_text())

    def _on_refuse_triggered(self) -> None:
        """Form 03 names the applicant and needs no identifier: what is typed wrong is marked, a blank name is asked
        for in the dialog, which says what a refusal needs."""
        if not self.isVisible() or self._busy or self.procedure is None or self.continuing is not None:
            return
        if self.applicant.validate(show_all=True, for_refusal=True):
            self._fail(self.tr("Hãy sửa các lỗi được đánh dấu ở thông tin người nộp."))
            editor = self.applicant.first_invalid_editor()
            if editor is not None:
                editor.setFocus()
            return
        self.outcome.message.show_error(None, "")
        self.refuse_dialog = RefuseDialog(self.applicant.applicant.editors["name"].text(), self)
        self.refuse_dialog.accepted.connect(self._on_refuse_dialog_accepted)
        self.refuse_dialog.open()

    def _on_refuse_dialog_accepted(self) -> None:
        dialog = self.refuse_dialog
        name = self.applicant.applicant.editors["name"]
        if " ".join(name.text().split()) != dialog.applicant_name():
            name.setText(dialog.applicant_name())  # the record and form 03 carry the name given in the dialog
        draft = self._draft_dossier(for_refusal=True)
        if draft is not None:
            self._start(intake.refuse, draft, dialog.reason_text())

    def _start(self, outcome: Op[Any], *args: Any) -> None:
        self._busy = True
        self._update_state()
        self.session.submit(outcome, *args, on_done=self._on_outcome_done, on_error=self._on_outcome_failed)

    def _on_outcome_done(self, dossier: Dossier) -> None:
        self._busy = False
        self.summary.show_dossier(dossier, self._provisional_from)
        self.clear()
        self.session.submit(intake.clear_draft, self.session.draft_key)
        signal = {
            "receipt": self.dossier_received,
            "supplement": self.supplement_recorded,
            "refusal": self.dossier_refused,
        }[self.summary.form_kind()]
        signal.emit(dossier)

    def _on_outcome_failed(self, exc: object) -> None:
        self._busy = False
        if isinstance(exc, DomainError | ValidationErrors):
            self._fail(describe(exc, self.session.lang))
        else:
            self._fail(self.tr("Không lưu được hồ sơ: %1").replace("%1", str(exc)))

    def _fail(self, message: str) -> None:
        self._update_state()
        self.outcome.message.show_error(None, message)
        self.outcome_failed.emit(message)

    # ---- printing ----------------------------------------------------------------------------------------------
    def _on_print_triggered(self) -> None:
        if self.summary.dossier is not None:
            self.printer.preview(self.summary.form_kind(), self.summary.dossier)

    def _on_summary_save_pdf_clicked(self) -> None:
        if self.summary.dossier is not None:
            self.printer.save_pdf(self.summary.form_kind(), self.summary.dossier)

    # ---- other actions -----------------------------------------------------------------------------------------
    def _on_new_triggered(self) -> None:
        """Ctrl+N: the next citizen; typed work is thrown away only when the officer says so."""
        self.activation_requested.emit()
        if not self.has_typed_work():
            self._start_over()
            return
        if self.discard_question is not None and self.discard_question.isVisible():
            return
        self.discard_question = Question(
            self.tr("Tiếp nhận mới"),
            self.tr("Bỏ hồ sơ đang nhập dở để tiếp nhận hồ sơ mới?"),
            self.tr("Thông tin người nộp và các thành phần đã đánh dấu sẽ bị xóa."),
            [
                Answer("discard", self.tr("Bỏ, tiếp nhận mới"), QMessageBox.ButtonRole.DestructiveRole),
                Answer("keep", self.tr("Tiếp tục nhập"), QMessageBox.ButtonRole.RejectRole),
            ],
            safe="keep",
            default="keep",
            parent=self,
        )
        self.discard_question.answered.connect(self._on_discard_question_answered)
        self.discard_question.open()

    def _on_discard_question_answered(self, answer: str) -> None:
        if answer == "discard":
            self._start_over()

    def has_typed_work(self) -> bool:
        """Something typed, ticked or digitised that starting over would throw away (a procedure only chosen is
        not)."""
        return not self.applicant.is_blank() or bool(self.checklist.handed()) or bool(self.checklist.papers())

    def _discard_papers(self) -> None:
        """The form empties: the papers digitised for it go too, unless the receipt kept them (a file an attachment
        names stays); an intake refused or put off keeps no copy of the citizen's papers."""
        papers = self.checklist.papers()
        if papers:
            self.session.submit(digitise.discard_prepared, papers)

    def _start_over(self) -> None:
        self.clear()
        self.session.submit(intake.clear_draft, self.session.draft_key)

    def _on_search_triggered(self) -> None:
        self.picker.focus_search()

    # ---- an intake waiting for papers (form 02), finished now -------------------------------------------------
    def continue_intake(self, key: str) -> None:
        """Reopen the intake that `key` names (the reference on its form 02, or its ID) with everything it holds,
        the papers asked for marked; receiving it then completes it (`intake.complete`)."""
        self.activation_requested.emit()
        if self._busy:
            return
        self.session.submit(
            intake.pending, key, on_done=self._on_pending_loaded, on_error=self._on_pending_failed
        )

    def _on_pending_loaded(self, waiting: Dossier) -> None:
        if self.continuing is not None and self.continuing.id == waiting.id:
            return  # scanned twice: it is already here
        if not self.has_typed_work():
            self._show_pending(waiting)
            return
        self.continue_question = Question(
            self.tr("Tiếp tục hồ sơ chờ bổ sung"),
            self.tr("Bỏ hồ sơ đang nhập dở để tiếp tục hồ sơ chờ bổ sung của %1?").replace(
                "%1", waiting.applicant.name
            ),
            self.tr("Thông tin người nộp và các thành phần đã đánh dấu sẽ bị xóa."),
            [
                Answer(
                    "continue",
                    self.tr("Bỏ, tiếp tục hồ sơ chờ bổ sung"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                Answer("keep", self.tr("Tiếp tục nhập"), QMessageBox.ButtonRole.RejectRole),
            ],
            safe="keep",
            default="keep",
            parent=self,
        )
        self.continue_question.answered.connect(
            lambda answer: self._show_pending(waiting) if answer == "continue" else None
        )
        self.continue_question.open()

    def _on_pending_failed(self, exc: object) -> None:
        if isinstance(exc, DomainError | ValidationErrors):
            self._fail(describe(exc, self.session.lang))
        else:
            self._fail(self.tr("Không mở được hồ sơ chờ bổ sung: %1").replace("%1", str(exc)))

    def _show_pending(self, waiting: Dossier) -> None:
        if not self._procedures_ready:
            self._continue_when_loaded = waiting
            return
        self.clear()
        self.restore_draft(form_data(waiting))
        if self.procedure is None or self.procedure.code != waiting.procedure.code:
            return  # its procedure left the catalogue: restore_draft said so
        self._attach(waiting)
        self.checklist.table.setFocus()

    def _attach(self, waiting: Dossier) -> None:
        self.continuing = waiting
        self.checklist.mark_requested(requested_numbers(waiting))
        self.continuing_banner.show_for(waiting)
        self._update_state()

    def _drop_continuing(self) -> None:
        self.continuing = None
        self.checklist.mark_requested(frozenset())
        self.continuing_banner.hide()

    def _on_continuing_banner_dropped(self) -> None:
        self._start_over()

    # ---- drafts ------------------------------------------------------------------------------------------------
    def draft_data(self) -> dict[str, Any]:
        return {
            "version": 1,
            "procedure": self.procedure.code if self.procedure else "",
            "form": self.applicant.to_dict(),
            "components": self.checklist.to_list(),
            "papers": [paper.to_dict() for paper in self.checklist.papers()],
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "continuing": self.continuing.id if self.continuing is not None else "",
        }

    def _on_autosave_timeout(self) -> None:
        self.save_draft_now()

    def save_draft_now(self) -> None:
        """Write the form to the draft slot now (blank form: the draft is removed)."""
        self._autosave.stop()
        key = self.session.draft_key
        if self.is_blank():
            self.session.submit(intake.clear_draft, key, on_done=self._on_draft_written)
        else:
            self.session.submit(intake.save_draft, key, self.draft_data(), on_done=self._on_draft_written)

    def _on_draft_written(self, _result: object) -> None:
        self.draft_saved.emit()

    def offer_draft(self) -> None:
        """Look for a draft left by this officer and, if any, offer it back in a banner."""
        self.session.submit(intake.load_draft, self.session.draft_key, on_done=self._on_draft_loaded)

    def _on_draft_loaded(self, data: dict[str, Any] | None) -> None:
        if not data:
            return
        self._pending_draft = data
        self._autosave_enabled = False
        saved = str(data.get("saved_at", "")).replace("T", " ")
        self.banner_text.setText(
            self.tr("Có hồ sơ đang nhập dở (lưu lúc %1). Khôi phục hồ sơ đang nhập dở?").replace("%1", saved)
        )
        self.banner.show()
        self.restore_button.setFocus()
        self.draft_offered.emit(data)

    def _on_restore_clicked(self) -> None:
        data = self._pending_draft or {}
        self.banner.hide()
        self._pending_draft = None
        self.restore_draft(data)
        self._autosave_enabled = True

    def _on_discard_clicked(self) -> None:
        self.banner.hide()
        self._pending_draft = None
        self._autosave_enabled = True
        self.session.submit(intake.clear_draft, self.session.draft_key)
        self.picker.focus_search()

    def restore_draft(self, data: dict[str, Any]) -> None:
        """Put a saved draft back into the form (waits for the catalogue if it is still loading)."""
        if not self._procedures_ready:
            self._restore_when_loaded = data
            return
        code = str(data.get("procedure", ""))
        if code and self.picker.choose(code) is None:
            self._fail(self.tr("Thủ tục %1 của bản nháp không còn trong danh mục.").replace("%1", code))
        components = data.get("components")
        if isinstance(components, list) and self.procedure is not None:
            self.checklist.from_list(components)
        papers = data.get("papers")
        if isinstance(papers, list) and self.procedure is not None:
            numbers = {c.number for c in self.procedure.components}
            for paper in filter(None, map(PreparedPaper.from_dict, papers)):
                if paper.component in numbers:
                    self.checklist.set_paper(paper.component, paper)
        form = data.get("form")
        if isinstance(form, dict):
            self.applicant.from_dict(form)
        waiting = str(data.get("continuing") or "")
        if waiting and self.continuing is None:  # a draft of an intake waiting for papers: attach it again
            self.session.submit(
                intake.pending, waiting, on_done=self._attach, on_error=self._on_pending_failed
            )
        self._update_state()


def create_panel(session: Session, parent: QWidget | None = None) -> PanelEntry:
    """Panel hook used by the main window (see `counter_app.gui`)."""
    return IntakePanel(session, parent).entry()
