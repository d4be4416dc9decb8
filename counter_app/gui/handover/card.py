"""The dossier card of the hand-over screen: who, what, status, appointment, late or on time, and where it is now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.model import Rating, ReturnMethod, Status
from ...core.statuses import Timeliness
from ...messages import status_name
from ..formats import format_appointment, format_datetime, provisional_note
from ..widgets import heading
from .facts import CardFacts, masked_identifier

#: Timeliness → (background, text colour) of its badge; the badge always carries words too.
GOOD = ("#e3f4e6", "#17602a")
BAD = ("#fde4e6", "#a1101f")
NEUTRAL = ("#eceff3", "#3d4650")
BADGE_COLOURS: dict[Timeliness, tuple[str, str]] = {
    Timeliness.EARLY: GOOD,
    Timeliness.ON_TIME: GOOD,
    Timeliness.IN_TIME: GOOD,
    Timeliness.LATE: BAD,
    Timeliness.OVERDUE: BAD,
    Timeliness.NOT_APPLICABLE: NEUTRAL,
}
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.RESULT_READY: ("#d9ecff", "#0b4f8a"),
    Status.RETURNED: NEUTRAL,
    Status.REFUSED: NEUTRAL,
    Status.STOPPED: NEUTRAL,
}
BANNER_STYLE = (
    "QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 4px; padding: 8px; }}"
)


def _badge_style(colours: tuple[str, str]) -> str:
    bg, fg = colours
    return (
        f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 10px;"
        " padding: 2px 10px; font-weight: bold; }"
    )


class DossierCard(QFrame):
    """Read-only card; `show_facts` fills it, `clear` empties it. Texts are selectable so they can be read out."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.facts: CardFacts | None = None
        self.setObjectName("dossierCard")
        self.setProperty("role", "summary")
        self.code = heading("", 15, self)
        self.code.setObjectName("cardCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("cardStatus")
        self.timeliness = QLabel(self)
        self.timeliness.setObjectName("cardTimeliness")
        self.procedure = self._value("cardProcedure")
        self.applicant = self._value("cardApplicant")
        self.representative = self._value("cardRepresentative")
        self.received = self._value("cardReceived")
        self.appointment = self._value("cardAppointment")
        self.location = self._value("cardLocation")
        self.answer = QLabel(self)
        self.answer.setObjectName("cardAnswer")
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(
            self.tr("Quét mã trên giấy hẹn, nhập mã hồ sơ, hoặc tìm theo họ tên, số giấy tờ của người nộp."),
            self,
        )
        self.empty.setObjectName("cardEmpty")
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build()
        self.clear()

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.code, 1)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.timeliness, 0, Qt.AlignmentFlag.AlignVCenter)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(6)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.addRow(self.tr("Thủ tục:"), self.procedure)
        self.form.addRow(self.tr("Người nộp:"), self.applicant)
        self.form.addRow(self.tr("Người được ủy quyền:"), self.representative)
        self.form.addRow(self.tr("Ngày nhận:"), self.received)
        self.form.addRow(self.tr("Hẹn trả:"), self.appointment)
        self.form.addRow(self.tr("Hiện ở:"), self.location)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.answer)
        layout.addWidget(self.empty)
        self.setMinimumHeight(120)

    # ---- filling ---------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.facts = None
        for widget in (self.code, self.status, self.timeliness, self.answer):
            widget.hide()
        self._set_form_visible(False)
        self.empty.show()

    def _set_form_visible(self, visible: bool) -> None:
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, visible)

    def show_facts(self, facts: CardFacts) -> None:
        self.facts = facts
        d = facts.dossier
        self.empty.hide()
        self._set_form_visible(True)
        self.code.setText(d.code or self.tr("(chưa có mã)"))
        self.code.show()
        self.status.setText(status_name(d.status, self._lang))
        self.status.setStyleSheet(_badge_style(STATUS_COLOURS.get(d.status, ("#fff4ce", "#6b5200"))))
        self.status.show()
        self.timeliness.setText(self._timeliness_text(facts))
        self.timeliness.setStyleSheet(_badge_style(BADGE_COLOURS[facts.timeliness]))
        self.timeliness.setVisible(facts.timeliness is not Timeliness.NOT_APPLICABLE)
        self.procedure.setText(f"{d.procedure.name} ({d.procedure.code})")
        who = d.applicant.name
        if d.applicant.identifier:
            who += self.tr(" — giấy tờ số %1").replace("%1", masked_identifier(d.applicant.identifier))
        self.applicant.setText(who)
        self.form.setRowVisible(self.representative, d.representative is not None)
        if d.representative is not None:
            self.representative.setText(d.representative.person.name)
        self.received.setText(format_datetime(d.received_at, self._lang))
        self.appointment.setText(self._appointment_text(facts))
        self.location.setText(self._location_text(facts))
        self.form.setRowVisible(self.location, facts.returned is None)  # the answer says who took it
        self._fill_answer(facts)

    def _timeliness_text(self, facts: CardFacts) -> str:
        return {
            Timeliness.EARLY: self.tr("Sớm hạn"),
            Timeliness.ON_TIME: self.tr("Đúng hạn"),
            Timeliness.IN_TIME: self.tr("Trong hạn"),
            Timeliness.LATE: self.tr("Trễ hạn"),
            Timeliness.OVERDUE: self.tr("Quá hạn"),
            Timeliness.NOT_APPLICABLE: "",
        }[facts.timeliness]

    def _appointment_text(self, facts: CardFacts) -> str:
        d = facts.dossier
        if d.appointment is None:
            return self.tr("(không có)")
        text = format_appointment(d.appointment, self._lang)
        if d.new_appointment is not None:
            text += self.tr(" — hẹn lại: %1").replace("%1", format_appointment(d.new_appointment, self._lang))
        if facts.provisional and facts.appointment is not None:
            text += "\n" + provisional_note(facts.appointment.year)
        return text

    def _location_text(self, facts: CardFacts) -> str:
        where = facts.whereabouts
        text = where.unit or self.tr("(không rõ)")
        if where.receiver:
            text += (
                self.tr(" — cán bộ %1 (nhận từ %2)")
                .replace("%1", where.receiver)
                .replace("%2", where.officer)
            )
        elif where.officer:
            text += self.tr(" — cán bộ %1").replace("%1", where.officer)
        if where.since is not None:
            text += self.tr(", từ %1").replace("%1", format_datetime(where.since, self._lang))
        return text

    def _fill_answer(self, facts: CardFacts) -> None:
        text, colours = self._answer(facts)
        self.answer.setText(text)
        self.answer.setStyleSheet(BANNER_STYLE.format(bg=colours[0], fg=colours[1]))
        self.answer.setVisible(bool(text))

    def _answer(self, facts: CardFacts) -> tuple[str, tuple[str, str]]:
        """The sentence the officer can read to the citizen, and its colours."""
        d = facts.dossier
        if facts.ready:
            text = self.tr("Kết quả đã sẵn sàng. Xác minh người nhận rồi trả kết quả.")
            if facts.finished is not None:
                text += " " + self.tr("(Xử lý xong lúc %1.)").replace(
                    "%1", format_datetime(facts.finished, self._lang)
                )
            return text, STATUS_COLOURS[Status.RESULT_READY]
        if facts.returned is not None:
            r = facts.returned
            how = self.tr("qua bưu chính") if r.method is ReturnMethod.POST else self.tr("tại quầy")
            text = self.tr("Đã trả kết quả lúc %1 cho %2 (%3), cán bộ trả: %4.")
            text = (
                text.replace("%1", format_datetime(r.at, self._lang))
                .replace("%2", r.recipient)
                .replace("%3", how)
                .replace("%4", r.officer)
            )
            if facts.rating is not None:
                text += " " + self.tr("Đánh giá: %1.").replace("%1", self.rating_name(facts.rating))
            return text, NEUTRAL
        if d.status in (Status.REFUSED, Status.STOPPED):
            reason = d.reason or self.tr("(không ghi lý do)")
            return self.tr("Hồ sơ không còn được giải quyết. Lý do: %1").replace("%1", reason), NEUTRAL
        if not facts.open:
            return "", NEUTRAL
        colours = BAD if facts.late else ("#fff4ce", "#6b5200")
        if facts.paused:
            missing = "; ".join(d.missing) or self.tr("(xem phiếu yêu cầu bổ sung)")
            text = self.tr(
                "Chưa có kết quả: đang chờ công dân bổ sung giấy tờ (%1). Thời hạn tạm dừng cho đến khi nhận đủ bổ sung."
            ).replace("%1", missing)
            return text, colours
        expected = (
            format_appointment(facts.expected, self._lang) if facts.expected else self.tr("(chưa xác định)")
        )
        if facts.late:
            text = self.tr(
                "Chưa có kết quả và đã quá hạn (hạn %1). Hồ sơ đang ở %2; cần liên hệ đơn vị để đôn đốc."
            )
        else:
            text = self.tr("Chưa có kết quả. Dự kiến trả: %1. Hồ sơ đang ở %2.")
        return text.replace("%1", expected).replace("%2", facts.whereabouts.unit or "—"), colours

    def rating_name(self, rating: Rating) -> str:
        return {
            Rating.VERY_SATISFIED: self.tr("Rất hài lòng"),
            Rating.SATISFIED: self.tr("Hài lòng"),
            Rating.DISSATISFIED: self.tr("Không hài lòng"),
        }[rating]
