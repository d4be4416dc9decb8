"""The result hand-over screen: find a dossier (scan, type, search or camera), see where it is, return it, rate it."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...app import digitise
from ...app.base import Changes, Scope
from ...app.handover import Handover, HandoverLookup, lookup, record, search
from ...core.attachments import Attachment
from ...core.codes import is_dossier_code
from ...core.errors import DomainError, NotFoundError, ValidationError, ValidationErrors
from ...core.idcard import IdCard
from ...core.model import Dossier, Rating, ReturnMethod, Status
from ...core.roles import Operation
from ...devices.camera import FrameSource, OpenCvSource
from ...messages import describe, status_name
from ..pdf_viewer import PdfViewerDialog
from ..session import PanelEntry, Session
from ..widgets import heading
from .camera_view import CameraView
from .card import DossierCard
from .facts import card_facts
from .return_form import RatingForm, ReturnForm

#: What an account must be allowed to do to see this panel (the core's role rules).
OPERATION = Operation.HAND_OVER
PANEL_KEY = "handover"
PANEL_SHORTCUT = "F6"
SEARCH_DELAY_MS = 350
MIN_SEARCH_LENGTH = 3
#: How much of a rejected scan the message repeats.
REJECTED_SHOWN = 60
#: Where a search result row keeps its dossier's ID (the code is kept in UserRole).
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HandoverPanel(QWidget):
    """Find a dossier and hand its result over. `open_code` is what the app-wide scanner filter calls."""

    dossier_opened = Signal(object)
    result_returned = Signal(object)
    search_finished = Signal(int)
    #: A scan arrived (USB scanner anywhere in the app): the main window brings this panel to the front.
    activation_requested = Signal()
    #: The electronic result opened in the viewer (the dialog).
    result_paper_opened = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("handoverPanel")
        self.setWindowTitle(self.tr("Trả kết quả"))
        self.dossier: Dossier | None = None
        self._names: dict[str, str] = {}
        self._provisional_from: int | None = None  # first year without an official day-off notice
        self._handover: Handover | None = None
        self._request = 0  # newest lookup or search; older answers are dropped
        self.lookup = QLineEdit(self)
        self.lookup.setObjectName("handoverLookup")
        self.lookup.setPlaceholderText(
            self.tr("Quét hoặc nhập mã hồ sơ; hoặc họ tên, số giấy tờ của người nộp")
        )
        self.lookup.setClearButtonEnabled(True)
        self.open_button = QPushButton(self.tr("Mở"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.setProperty("role", "primary")
        self.camera_button = QPushButton(self.tr("Quét bằng camera"), self)
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.setCheckable(True)
        self.camera_button.setMinimumWidth(150)
        self.message = QLabel(self)
        self.message.setObjectName("handoverMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.results = QTreeWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setRootIsDecorated(False)
        self.results.setAlternatingRowColors(True)
        self.results.setUniformRowHeights(True)
        self.results.setHeaderLabels([self.tr("Mã hồ sơ"), self.tr("Người nộp"), self.tr("Trạng thái")])
        self.results.header().setStretchLastSection(True)
        self.results.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.results_label = QLabel(self.tr("Kết quả tìm kiếm"), self)
        self.results_label.setProperty("role", "hint")
        self.camera_view = CameraView(self._camera_source, parent=self)
        self.camera_view.hide()
        self.card = DossierCard(session.lang, self)
        self.return_form = ReturnForm(session.lang, self)
        self.rating_form = RatingForm(self)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("handoverDone")
        self.done_label.setWordWrap(True)
        self.done_label.setProperty("role", "ok")
        self.result_papers: list[Attachment] = []
        self.result_viewer: PdfViewerDialog | None = None
        self.result_paper_button = QPushButton(self.tr("Xem, in kết quả điện tử"), self)
        self.result_paper_button.setObjectName("resultPaper")
        self.result_paper_button.hide()
        self.result_paper_button.clicked.connect(self.open_result_paper)
        self.next_button = QPushButton(self.tr("Hồ sơ tiếp theo"), self)
        self.next_button.setObjectName("nextButton")
        self.steps = QStackedWidget(self)
        self.steps.setObjectName("handoverSteps")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.empty_step = QWidget(self)
        self.done_step = QWidget(self)
        done = QVBoxLayout(self.done_step)
        done.addWidget(self.done_label)
        done.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        done.addStretch(1)
        for page in (self.empty_step, self.return_form, self.rating_form, self.done_step):
            self.steps.addWidget(page)
        top = QHBoxLayout()
        top.addWidget(self.lookup, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.camera_button)
        left = QVBoxLayout()
        left.addWidget(self.results_label)
        left.addWidget(self.results, 1)
        left.addWidget(self.camera_view)
        right = QVBoxLayout()
        right.addWidget(self.card)
        right.addWidget(self.result_paper_button, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.steps)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(heading(self.windowTitle(), 14, self))
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.lookup.setMinimumHeight(34)
        self.lookup.setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect(self) -> None:
        self.lookup.returnPressed.connect(self._on_lookup_return_pressed)
        self.lookup.textEdited.connect(self._on_lookup_text_edited)
        self.open_button.clicked.connect(self._on_lookup_return_pressed)
        self.camera_button.toggled.connect(self._on_camera_button_toggled)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)
        self.camera_view.code_read.connect(self._on_camera_view_code_read)
        self.camera_view.running_changed.connect(self._on_camera_view_running_changed)
        self.return_form.verified.connect(self._on_return_form_verified)
        self.rating_form.rated.connect(self._on_rating_form_rated)
        self.rating_form.back_requested.connect(self._on_rating_form_back_requested)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.session.runner.changed.connect(self._on_runner_changed)

    def _camera_source(self) -> FrameSource:
        return OpenCvSource(self.session.settings.camera_index)

    # ---- public ----------------------------------------------------------------------------------------------
    def open_code(self, text: str) -> None:
        """Open the dossier with this code (from the USB scanner, the camera, or typed)."""
        code = text.strip()
        self.activation_requested.emit()
        self.lookup.setText(code)
        if not is_dossier_code(code):
            self._say(describe(ValidationError("code", "code.format"), self.session.lang), error=True)
            return
        self._open(code)

    def show_rejected_scan(self, text: str) -> None:
        """The scanner read something that is not a dossier code (often an input method mangling it)."""
        shown = text if len(text) <= REJECTED_SHOWN else text[:REJECTED_SHOWN] + "…"
        self.activation_requested.emit()
        self._say(
            self.tr(
                "Mã vừa quét không phải mã hồ sơ hợp lệ: «%1». Kiểm tra bộ gõ tiếng Việt (Unikey) đang tắt."
            ).replace("%1", shown),
            error=True,
        )

    def find_card_holder(self, card: IdCard) -> None:
        """A chip ID card scanned on this screen: look for its holder's dossiers by the card's personal ID (a card is
        never taken for a dossier code)."""
        self.activation_requested.emit()
        self.lookup.setText(card.id)
        self._search_timer.stop()
        self._say(
            self.tr("Đang tìm hồ sơ của %1 (thẻ căn cước %2).")
            .replace("%1", card.name)
            .replace("%2", card.id)
        )
        self._search(card.id)

    def start_camera(self) -> None:
        self.camera_button.setChecked(True)

    def stop_camera(self) -> None:
        self.camera_button.setChecked(False)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        self._search_timer.stop()  # the camera view stops itself
        super().hideEvent(event)

    # ---- finding ---------------------------------------------------------------------------------------------
    def _on_lookup_return_pressed(self) -> None:
        text = self.lookup.text().strip()
        self._search_timer.stop()
        if not text:
            return
        if is_dossier_code(text):
            self._open(text)
        else:
            self._search(text)

    def _on_lookup_text_edited(self, text: str) -> None:
        if len(text.strip()) >= MIN_SEARCH_LENGTH and not is_dossier_code(text.strip()):
            self._search_timer.start()
        else:
            self._search_timer.stop()

    def _on_search_timer_timeout(self) -> None:
        self._search(self.lookup.text().strip())

    def _search(self, text: str) -> None:
        self._request += 1
        self.session.submit(
            search,
            text,
            on_done=partial(self._on_search_done, self._request),
            on_error=partial(self._on_read_failed, self._request),
        )

    def _on_search_done(self, request: int, found: list[Dossier]) -> None:
        if request != self._request:
            return
        self.results.clear()
        for d in found:
            item = QTreeWidgetItem(
                [d.code or "—", d.applicant.name, status_name(d.status, self.session.lang)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, d.code or d.id)
            item.setData(0, ID_ROLE, d.id)
            for column in range(3):
                item.setToolTip(column, d.procedure.name)
            self.results.addTopLevelItem(item)
        for column in (0, 1):
            self.results.resizeColumnToContents(column)
        if found:
            self._say("")
        else:
            self._say(
                self.tr("Không tìm thấy hồ sơ nào khớp «%1».").replace("%1", self.lookup.text().strip()),
                error=True,
            )
        self.search_finished.emit(len(found))

    def _refresh_result_row(self, dossier: Dossier) -> None:
        for row in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) in (dossier.code, dossier.id):
                item.setText(2, status_name(dossier.status, self.session.lang))

    def _on_runner_changed(self, changes: Changes) -> None:
        """Dossiers changed elsewhere (their page, a download): the search results and the card show them as they
        are now; a hand-over already under way keeps its form (recording it refuses a dossier changed meanwhile)."""
        if not changes.touches(Scope.DOSSIERS):
            return
        ids = changes.dossier_ids
        for row in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(row)
            key = str(item.data(0, ID_ROLE)) if item is not None else ""
            if key and (not ids or key in ids):
                self.session.submit(lookup, key, on_done=self._on_result_row_loaded)
        viewing = self.dossier is not None and self.steps.currentWidget() is self.empty_step
        if viewing and self.dossier is not None and (not ids or self.dossier.id in ids):
            self.session.submit(lookup, self.dossier.id, on_done=self._on_card_reloaded)

    def _on_result_row_loaded(self, found: HandoverLookup) -> None:
        self._refresh_result_row(found.dossier)

    def _on_card_reloaded(self, found: HandoverLookup) -> None:
        dossier, shown = found.dossier, self.dossier
        if shown is None or shown.id != dossier.id or self.steps.currentWidget() is not self.empty_step:
            return  # the officer moved on meanwhile
        self._names, self._provisional_from = found.officer_names, found.provisional_from
        self._show(dossier)
        if dossier.status is Status.RESULT_READY:  # ready now: the hand-over can start
            self.steps.setCurrentWidget(self.return_form)
            self.return_form.start(dossier)

    def _on_results_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._open(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _open(self, key: str, note: str = "") -> None:
        """Load the dossier off the GUI thread; `note` is an error to show once it is open."""
        self._request += 1
        self._say(note or self.tr("Đang mở hồ sơ %1…").replace("%1", key), error=bool(note))
        self.session.submit(
            lookup,
            key,
            on_done=partial(self._on_lookup_done, self._request, note),
            on_error=partial(self._on_read_failed, self._request),
        )

    def _on_lookup_done(self, request: int, note: str, found: HandoverLookup) -> None:
        if request != self._request:
            return
        self._names, self._provisional_from = found.officer_names, found.provisional_from
        self._handover = None  # a recipient verified for another dossier never carries over
        self._show(found.dossier)
        self._say(note, error=bool(note))
        if found.dossier.status is Status.RESULT_READY:
            self.steps.setCurrentWidget(self.return_form)
            self.return_form.start(found.dossier)
        else:
            self.steps.setCurrentWidget(self.empty_step)
            self.lookup.setFocus(Qt.FocusReason.OtherFocusReason)
            self.lookup.selectAll()
        self.dossier_opened.emit(found.dossier)

    def _on_read_failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(exc, NotFoundError):
            self.dossier = None
            self.card.clear()
            self.steps.setCurrentWidget(self.empty_step)
        self._say(self._describe(exc), error=True)

    def _show(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.card.show_facts(card_facts(dossier, self._names, datetime.now(), self._provisional_from))
        self.result_papers = []
        self.result_paper_button.hide()
        self.session.submit(
            digitise.attachments, dossier.id, on_done=self._on_papers_loaded, on_error=lambda _exc: None
        )

    # ---- the electronic result -------------------------------------------------------------------------------
    def _on_papers_loaded(self, papers: list[Attachment]) -> None:
        self.result_papers = [p for p in papers if p.kind == "result"]
        self.result_paper_button.setVisible(bool(self.result_papers))

    def open_result_paper(self) -> None:
        """Show (and offer to print) the dossier's electronic result, the newest if there are several."""
        if not self.result_papers:
            return
        paper = self.result_papers[-1]
        self.session.submit(
            digitise.read_attachment,
            paper,
            on_done=lambda data: self._show_result_paper(paper, data),
            on_error=lambda exc: self._say(self._describe(exc), error=True),
        )

    def _show_result_paper(self, paper: Attachment, data: bytes) -> None:
        self.result_viewer = PdfViewerDialog(paper.name, data, self)
        self.result_viewer.show()
        self.result_paper_opened.emit(self.result_viewer)

    # ---- handing over ----------------------------------------------------------------------------------------
    def _on_return_form_verified(self, handover: Handover) -> None:
        self._handover = handover
        if handover.method is ReturnMethod.POST:
            summary = self.tr("Gửi kết quả qua bưu chính cho %1.").replace("%1", handover.recipient_name)
        elif handover.authorisation_paper:
            summary = self.tr("Trả kết quả tại quầy cho người được ủy quyền %1 (giấy ủy quyền: %2).")
            summary = summary.replace("%1", handover.recipient_name).replace(
                "%2", handover.authorisation_paper
            )
        else:
            summary = self.tr("Trả kết quả tại quầy cho người nộp hồ sơ %1.").replace(
                "%1", handover.recipient_name
            )
        self.steps.setCurrentWidget(self.rating_form)
        self.rating_form.start(summary + " " + self.tr("Mời công dân đánh giá (phím 1, 2, 3)."))

    def _on_rating_form_back_requested(self) -> None:
        self.steps.setCurrentWidget(self.return_form)

    def _on_rating_form_rated(self, rating: Rating | None) -> None:
        if self.dossier is None or self._handover is None:
            return
        self.rating_form.set_busy(True)
        self.session.submit(
            record,
            self.dossier,
            self._handover,
            rating=rating,
            comment=self.rating_form.comment_text(),
            on_done=self._on_record_done,
            on_error=self._on_record_failed,
        )

    def _on_record_done(self, dossier: Dossier) -> None:
        if self.dossier is not None and self.dossier.id != dossier.id:
            self.result_returned.emit(dossier)  # another dossier was opened meanwhile: leave its card alone
            return
        self._handover = None
        self._show(dossier)
        self._refresh_result_row(dossier)
        facts = self.card.facts
        when = facts.returned.at.strftime("%H:%M") if facts and facts.returned else ""
        self.done_label.setText(
            self.tr("Đã trả kết quả hồ sơ %1 lúc %2 và ghi vào sổ theo dõi.")
            .replace("%1", dossier.code or "")
            .replace("%2", when)
        )
        self.steps.setCurrentWidget(self.done_step)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.result_returned.emit(dossier)

    def _on_record_failed(self, exc: BaseException) -> None:
        self.rating_form.set_busy(False)
        if isinstance(exc, DomainError) and exc.code == "dossier.stale" and self.dossier is not None:
            # Changed elsewhere (another counter, a sync): show its fresh state, never retry on the old one.
            self._open(self.dossier.code or self.dossier.id, note=self._describe(exc))
            return
        self.rating_form.show_error(self._describe(exc))

    def _on_next_button_clicked(self) -> None:
        self.dossier = None
        self.result_papers = []
        self.result_paper_button.hide()
        self.card.clear()
        self.steps.setCurrentWidget(self.empty_step)
        self.lookup.clear()
        self.lookup.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- camera ----------------------------------------------------------------------------------------------
    def _on_camera_button_toggled(self, on: bool) -> None:
        if on:
            self.camera_view.show()
            self.camera_view.start()
        else:
            self.camera_view.stop()
            self.camera_view.hide()

    def _on_camera_view_running_changed(self, running: bool) -> None:
        self.camera_button.blockSignals(True)
        self.camera_button.setChecked(running)
        self.camera_button.blockSignals(False)
        self.camera_button.setText(self.tr("Tắt camera") if running else self.tr("Quét bằng camera"))

    def _on_camera_view_code_read(self, code: str) -> None:
        self.open_code(code)

    # ---- messages --------------------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _describe(self, exc: BaseException) -> str:
        if isinstance(exc, DomainError | ValidationErrors):
            return describe(exc, self.session.lang)
        return self.tr("Lỗi không mong đợi: %1").replace("%1", str(exc) or type(exc).__name__)


def create_panel(session: Session, parent: QWidget | None = None) -> PanelEntry:
    """The panel as the main window loads it (`PANEL_MODULES`)."""
    panel = HandoverPanel(session, parent)
    return PanelEntry(PANEL_KEY, panel, panel.windowTitle(), PANEL_SHORTCUT)
