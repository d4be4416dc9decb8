"""One dossier's page: every fact about it, its path as a timeline, the moves the officer may make, and form 06."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...app import settings, tracking
from ...app.base import Changes, Scope
from ...app.tracking import DossierView
from ...core.errors import DomainError, ValidationErrors
from ...core.listing import DeadlineMark, deadline_mark, due_soon_limit, summary_of, timeline
from ...core.model import Channel, Dossier
from ...core.references import reference
from ...core.statuses import deadline
from ...core.supplement import waiting_at_counter
from ...messages import describe, status_name
from ..formats import format_appointment, format_datetime, provisional_note
from ..printing import FormPrinter
from ..session import Session
from ..widgets import ErrorLabel, heading
from .actions import CONTINUE_INTAKE, ActionBar, MoveAction, MoveDialog, MoveRequest
from .attachments import AttachmentsBox
from .models import MARK_COLOURS, TimelineModel, fit_columns

Clock = Callable[[], datetime]


class DossierPage(QWidget):
    """Shows one dossier (loaded in the background) and records the moves chosen on its action bar."""

    back_requested = Signal()
    dossier_loaded = Signal(object)  # Dossier
    #: A move was recorded: (the dossier after it, the action's key).
    dossier_moved = Signal(object, str)
    move_failed = Signal(str)
    #: "Đã nhận bổ sung" on an intake kept waiting for papers (no code): reopen it at intake (its ID).
    continue_intake_requested = Signal(str)

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, clock: Clock = datetime.now
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.dossier: Dossier | None = None
        self.names: Mapping[str, str] = {}
        self._provisional_from: int | None = None  # first year without an official day-off notice
        self.move_dialog: MoveDialog | None = None
        self._stale = False  # the dossier shown changed while the page was hidden
        self.printer = FormPrinter(session, self)
        self.setObjectName("dossierPage")
        self._build()
        self._connect()

    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← Danh sách hồ sơ"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(self.tr("Quay lại danh sách (Esc)"))
        self.title = heading("", 15, self)
        self.title.setObjectName("dossierTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusBadge")
        self.mark_label = QLabel(self)
        self.mark_label.setObjectName("deadlineMark")
        self.print_button = QPushButton(self.tr("In phiếu kiểm soát (mẫu 06)"), self)
        self.print_button.setObjectName("printControl")
        self.refresh_button = QPushButton(self.tr("Làm mới"), self)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addWidget(self.status_label)
        top.addWidget(self.mark_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)

        self.facts = QLabel(self)
        self.facts.setObjectName("facts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setContentsMargins(8, 6, 8, 6)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.facts)

        self.action_bar = ActionBar(self.session.account, self, self.session.lang)
        self.message = ErrorLabel("move", self)
        self.timeline_model = TimelineModel(self.session.lang, self)
        self.timeline_view = QTableView(self)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setWordWrap(False)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.verticalHeader().setVisible(False)
        self.timeline_view.verticalHeader().setDefaultSectionSize(26)
        header = self.timeline_view.horizontalHeader()
        header.setStretchLastSection(True)
        fit_columns(self.timeline_view, (112, 185, 190, 115, 115, 90), (0,), self.session.lang)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(heading(self.tr("Chuyển tiếp hồ sơ"), 11, right))
        right_layout.addWidget(self.action_bar)
        right_layout.addWidget(self.message)
        right_layout.addWidget(heading(self.tr("Đường đi của hồ sơ"), 11, right))
        right_layout.addWidget(self.timeline_view, 1)
        self.attachments = AttachmentsBox(self.session, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.attachments)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([390, 960])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.action_bar.action_chosen.connect(self._on_action_bar_action_chosen)
        self.session.runner.changed.connect(self._on_runner_changed)

    # ---- loading -----------------------------------------------------------------------------------------------
    def show_dossier(self, key: str) -> None:
        """Load the dossier (by ID or code) and its officers' names in the background, then show it."""
        self.message.show_error(None, "")
        self._stale = False
        self.session.submit(tracking.view, key, on_done=self._on_load_done, on_error=self._on_load_failed)

    def _on_load_done(self, found: DossierView) -> None:
        self._provisional_from = found.provisional_from
        self.set_dossier(found.dossier, found.officer_names)
        self.dossier_loaded.emit(found.dossier)

    def _on_load_failed(self, exc: object) -> None:
        self.message.show_error(None, self._sentence(exc))

    def set_dossier(self, dossier: Dossier, names: Mapping[str, str] | None = None) -> None:
        if names is not None:
            self.names = names
        self.dossier = dossier
        now = self.clock()
        if waiting_at_counter(dossier):  # found again by the reference on its form 02
            self.title.setText(self.tr("%1 (chưa cấp mã)").replace("%1", reference(dossier.id)))
        else:
            self.title.setText(dossier.code or self.tr("(chưa cấp mã)"))
        self.status_label.setText(f" {status_name(dossier.status, self.session.lang)} ")
        self.status_label.setStyleSheet("background: #e6f2ff; border: 1px solid #9bbbe6; border-radius: 3px;")
        mark = deadline_mark(
            summary_of(dossier), now, due_soon_limit(now, self.session.settings.due_soon_hours)
        )
        self._show_mark(mark)
        self.facts.setText(self._facts_html(dossier, now))
        self.timeline_model.set_entries(timeline(dossier), self.names)
        self.action_bar.set_dossier(dossier)
        self.attachments.set_dossier(dossier)
        waiting = waiting_at_counter(dossier)  # its paper is form 02, not yet the control slip
        self.print_button.setText(
            self.tr("In lại phiếu yêu cầu bổ sung (mẫu 02)")
            if waiting
            else self.tr("In phiếu kiểm soát (mẫu 06)")
        )
        self.print_button.setEnabled(dossier.code is not None or waiting)

    def _show_mark(self, mark: DeadlineMark) -> None:
        texts = {
            DeadlineMark.OVERDUE: self.tr("Quá hạn"),
            DeadlineMark.LATE: self.tr("Trễ hạn"),
            DeadlineMark.DUE_SOON: self.tr("Sắp đến hạn"),
        }
        text = texts.get(mark, "")
        self.mark_label.setText(f" {text} " if text else "")
        colour = MARK_COLOURS.get(mark)
        self.mark_label.setStyleSheet(
            f"background: {colour.name()}; border: 1px solid #b0b0b0; border-radius: 3px; font-weight: bold;"
            if colour is not None
            else ""
        )
        self.mark_label.setVisible(bool(text))

    def _facts_html(self, d: Dossier, now: datetime) -> str:
        lang = self.session.lang
        e = html.escape
        dl = deadline(d, now)
        rows: list[tuple[str, str]] = [
            (
                self.tr("Thủ tục"),
                f"{e(d.procedure.name)}<br><span style='color:#555'>{e(d.procedure.code)}</span>",
            ),
            (self.tr("Lĩnh vực"), e(d.procedure.field)),
            (self.tr("Kênh nộp"), self._channel(d.channel)),
            *(
                [  # not received: the papers were asked for at the counter, by this officer
                    (self.tr("Hướng dẫn bổ sung lúc"), e(format_datetime(d.received_at, lang))),
                    (self.tr("Cán bộ hướng dẫn"), e(self.names.get(d.officer, d.officer))),
                ]
                if waiting_at_counter(d)
                else [
                    (self.tr("Tiếp nhận lúc"), e(format_datetime(d.received_at, lang))),
                    (self.tr("Cán bộ tiếp nhận"), e(self.names.get(d.officer, d.officer))),
                ]
            ),
            (self.tr("Hẹn trả kết quả"), self._appointment_text(d.appointment)),
        ]
        if d.new_appointment is not None:
            rows.append((self.tr("Hẹn trả mới (mẫu 04)"), self._appointment_text(d.new_appointment)))
        if dl is not None:
            due_text = e(format_datetime(dl.due, lang))
            if dl.supplement_requests:
                due_text += (
                    "<br><span style='color:#555'>"
                    + e(
                        self.tr(
                            "Đã yêu cầu bổ sung %n lần; thời gian chờ bổ sung không tính.",
                            "",
                            dl.supplement_requests,
                        )
                    )
                    + "</span>"
                )
            rows.append((self.tr("Hạn giải quyết"), due_text))
        rows.append((self.tr("Đơn vị đang xử lý"), e(d.unit)))
        if d.book_entry is not None:
            rows.append((self.tr("Sổ theo dõi"), e(f"{d.book_volume} / {d.book_entry}")))
        person = d.applicant
        people: list[tuple[str, str]] = [
            (self.tr("Họ và tên"), f"<b>{e(person.name)}</b>"),
            (self.tr("Số giấy tờ"), e(person.identifier)),
            (self.tr("Địa chỉ"), e(person.address)),
            (self.tr("Điện thoại"), e(person.phone)),
            (self.tr("Email"), e(person.email)),
        ]
        if d.representative is not None:
            rep = d.representative
            people.append(
                (
                    self.tr("Người được ủy quyền"),
                    e(f"{rep.person.name} ({rep.person.identifier}) — {rep.authorisation_paper}"),
                )
            )
        parts = [self._section(self.tr("Hồ sơ"), rows), self._section(self.tr("Người nộp"), people)]
        if d.components:
            items = "".join(f"<li>{e(c.name)}</li>" for c in d.components)
            title = self.tr("Thành phần hồ sơ")
            parts.append(f"<h4>{e(title)}</h4><ol style='margin-top:0'>{items}</ol>")
        if d.missing:
            items = "".join(f"<li>{e(m)}</li>" for m in d.missing)
            requested = self.tr("Giấy tờ đã yêu cầu bổ sung")
            parts.append(f"<h4>{e(requested)}</h4><ol style='margin-top:0'>{items}</ol>")
        if d.reason:
            parts.append(self._section(self.tr("Lý do"), [("", e(d.reason))]))
        return "".join(parts)

    @staticmethod
    def _section(title: str, rows: list[tuple[str, str]]) -> str:
        body = "".join(
            f"<tr><td style='color:#555; padding-right:10px; white-space:nowrap'>{html.escape(label)}</td><td>{value}</td></tr>"
            for label, value in rows
            if value
        )
        return f"<h4>{html.escape(title)}</h4><table cellspacing='2'>{body}</table>"

    def _appointment_text(self, moment: datetime | None) -> str:
        """An appointment as the page shows it, with the provisional note when its year has no official day-off
        notice yet (the same words as the intake summary and the hand-over card)."""
        shown = html.escape(format_appointment(moment, self.session.lang))
        if (
            moment is not None
            and self._provisional_from is not None
            and moment.year >= self._provisional_from
        ):
            shown += (
                "<br><span style='color:#8a5a00'>" + html.escape(provisional_note(moment.year)) + "</span>"
            )
        return shown

    def _channel(self, channel: Channel) -> str:
        return {
            Channel.IN_PERSON: self.tr("Trực tiếp"),
            Channel.ONLINE: self.tr("Trực tuyến"),
            Channel.POST: self.tr("Qua bưu chính"),
        }[channel]

    # ---- moving the dossier on ---------------------------------------------------------------------------------
    def _on_action_bar_action_chosen(self, action: MoveAction) -> None:
        if self.dossier is None:
            return
        if waiting_at_counter(self.dossier) and action.key == CONTINUE_INTAKE:
            self.continue_intake_requested.emit(self.dossier.id)
            return
        self.session.submit(
            settings.processing_units,
            on_done=lambda units: self._on_units_loaded(action, units),
            on_error=self._on_load_failed,
        )

    def _on_units_loaded(self, action: MoveAction, units: list[tuple[str, str]]) -> None:
        if self.dossier is None:
            return
        names, now = [name for name, _kind in units], self.clock()
        if not action.needs_signer:
            self._open_move_dialog(action, names, now, None)
            return
        self.session.submit(  # a letter: its defaults and the unit's calendar for the new appointment
            tracking.letter_draft,
            self.dossier.id,
            action.key,
            now,
            on_done=lambda draft: self._open_move_dialog(action, names, now, draft),
            on_error=self._on_load_failed,
        )

    def _open_move_dialog(
        self, action: MoveAction, units: list[str], now: datetime, draft: tracking.LetterDraft | None
    ) -> None:
        if self.dossier is None:
            return
        self.move_dialog = MoveDialog(
            action, self.dossier, units, now, self, draft=draft, lang=self.session.lang
        )
        self.move_dialog.accepted.connect(self._on_move_dialog_accepted)
        self.move_dialog.open()

    def _on_move_dialog_accepted(self) -> None:
        if self.move_dialog is not None:
            self.apply_move(self.move_dialog.request())

    def apply_move(self, request: MoveRequest) -> None:
        """Record the move on the writer thread (history and outbox in one transaction), officer and time included."""
        d = self.dossier
        if d is None:
            return
        action = request.action
        done, failed = (lambda after: self._on_move_done(request, after)), self._on_move_failed
        if action.target is None:
            if request.new_appointment is None:
                return
            self.action_bar.set_dossier(d, busy=True)
            self.session.submit(
                tracking.apologise,
                d.id,
                at=self.clock(),
                new_appointment=request.new_appointment,
                reason=request.note,
                agency=request.agency,
                signer=request.signer,
                signer_title=request.signer_title,
                on_done=done,
                on_error=failed,
            )
            return
        self.action_bar.set_dossier(d, busy=True)
        self.session.submit(
            tracking.advance,
            d.id,
            action.target,
            at=self.clock(),
            unit=request.unit or d.unit,
            receiver=request.receiver,
            note=request.note,
            action=action.key,
            data=request.data(),
            on_done=done,
            on_error=failed,
        )

    def _on_move_done(self, request: MoveRequest, after: Dossier) -> None:
        self.set_dossier(after)
        self.dossier_moved.emit(after, request.action.key)
        if request.action.form:
            printable = replace(after, reason=request.note) if request.action.form == "supplement" else after
            self.printer.preview(request.action.form, printable)

    def _on_move_failed(self, exc: object) -> None:
        text = self._sentence(exc)
        self.message.show_error(None, text)
        if self.dossier is not None:
            self.action_bar.set_dossier(self.dossier)
        self.move_failed.emit(text)

    def _sentence(self, exc: object) -> str:
        if isinstance(exc, DomainError | ValidationErrors):
            return describe(exc, self.session.lang)
        return str(exc)

    # ---- printing ----------------------------------------------------------------------------------------------
    def _on_print_button_clicked(self) -> None:
        if self.dossier is not None:
            self.printer.preview(
                "supplement" if waiting_at_counter(self.dossier) else "control", self.dossier
            )

    def _on_runner_changed(self, changes: Changes) -> None:
        """The dossier shown changed (a hand-over, a move on this page or another, a download): show it anew,
        now if the page is on screen, else when it is shown again."""
        if self.dossier is None:
            return
        ids = changes.dossier_ids
        mine = changes.touches(Scope.DOSSIERS) and (not ids or self.dossier.id in ids)  # no ids: a download
        if not (mine or changes.touches(Scope.ACCOUNTS)):
            return
        if self.isVisible():
            self.show_dossier(self.dossier.id)
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale and self.dossier is not None:
            self._stale = False
            self.show_dossier(self.dossier.id)

    def _on_refresh_button_clicked(self) -> None:
        if self.dossier is not None:
            self.show_dossier(self.dossier.id)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.back_requested.emit()
            return
        super().keyPressEvent(event)
