"""Dates, times, money and durations as the officer reads them: the Vietnamese way in Vietnamese, English style in English."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject

from ..core.model import DurationUnit, Procedure


class Words(QObject):
    """The translatable words of this module (the class name is their translation context)."""

    def weekday(self, index: int) -> str:
        return (
            self.tr("Thứ Hai"),
            self.tr("Thứ Ba"),
            self.tr("Thứ Tư"),
            self.tr("Thứ Năm"),
            self.tr("Thứ Sáu"),
            self.tr("Thứ Bảy"),
            self.tr("Chủ Nhật"),
        )[index]

    def free(self) -> str:
        return self.tr("Miễn phí")

    def same_day(self, cutoff: str) -> str:
        return self.tr("Trong ngày (trước %1)").replace("%1", cutoff)

    def duration(self, unit: DurationUnit, n: int) -> str:
        if unit is DurationUnit.HOURS:
            return self.tr("%n giờ làm việc", "", n)
        if unit is DurationUnit.DAYS:
            return self.tr("%n ngày", "", n)
        return self.tr("%n ngày làm việc", "", n)

    def provisional(self, year: int) -> str:
        return self.tr("Ngày hẹn tạm tính: lịch nghỉ lễ năm %1 chưa có thông báo chính thức.").replace(
            "%1", str(year)
        )


def weekday_name(day: date) -> str:
    return Words().weekday(day.weekday())


def format_date(day: date | None, lang: str) -> str:
    """`27/10/2023` in Vietnamese, `27 Oct 2023` in English; "" for None."""
    if day is None:
        return ""
    if lang == "en":
        return f"{day.day} {day:%b} {day.year}"
    return f"{day:%d/%m/%Y}"


def format_time(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def format_datetime(moment: datetime | None, lang: str) -> str:
    """`08:30 27/10/2023` in Vietnamese, `27 Oct 2023, 08:30` in English."""
    if moment is None:
        return ""
    if lang == "en":
        return f"{format_date(moment.date(), lang)}, {format_time(moment)}"
    return f"{format_time(moment)} {format_date(moment.date(), lang)}"


def format_appointment(moment: datetime | None, lang: str) -> str:
    """The appointment as shown big on the counter screen, with the weekday."""
    if moment is None:
        return ""
    day = weekday_name(moment.date())
    if lang == "en":
        return f"{day} {format_date(moment.date(), lang)}, {format_time(moment)}"
    return f"{format_time(moment)}, {day.lower()} {format_date(moment.date(), lang)}"


def provisional_note(year: int) -> str:
    """The small note beside an appointment in a year without an official day-off notice yet (core.day_notices)."""
    return Words().provisional(year)


def format_money(amount: int, lang: str) -> str:
    """`8.000 đ` in Vietnamese, `8,000 VND` in English; zero is "free"."""
    if amount == 0:
        return Words().free()
    grouped = f"{amount:,}"
    if lang == "en":
        return f"{grouped} VND"
    return f"{grouped.replace(',', '.')} đ"


def format_duration(procedure: Procedure) -> str:
    """The statutory processing time, e.g. `3 ngày làm việc`; same-day procedures say so."""
    amount = procedure.duration
    unit = procedure.duration_unit
    if procedure.same_day_cutoff is not None and amount <= 1 and unit is not DurationUnit.HOURS:
        return Words().same_day(f"{procedure.same_day_cutoff:%H:%M}")
    if float(amount).is_integer():
        return Words().duration(unit, int(amount))
    return Words().duration(unit, 2).replace("2", f"{amount:g}", 1)


def role_name(role: str) -> str:
    """An account role (`officer`, `processor`, `leader`, `admin`) as the officer reads it."""
    labels = {
        "officer": QCoreApplication.translate("Roles", "Cán bộ tiếp nhận"),
        "processor": QCoreApplication.translate("Roles", "Cán bộ xử lý"),
        "leader": QCoreApplication.translate("Roles", "Lãnh đạo"),
        "admin": QCoreApplication.translate("Roles", "Quản trị"),
    }
    return labels.get(role, role)
