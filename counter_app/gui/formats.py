"""Dates, times, money and durations as the officer reads them: the Vietnamese way in Vietnamese, English style in English."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from ..core.model import DurationUnit, Procedure


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Formats", text, None, n)


def weekday_name(day: date) -> str:
    names = (
        _tr("Thứ Hai"),
        _tr("Thứ Ba"),
        _tr("Thứ Tư"),
        _tr("Thứ Năm"),
        _tr("Thứ Sáu"),
        _tr("Thứ Bảy"),
        _tr("Chủ Nhật"),
    )
    return names[day.weekday()]


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
    """The appointment as printed big on the counter screen, with the weekday."""
    if moment is None:
        return ""
    day = weekday_name(moment.date())
    if lang == "en":
        return f"{day} {format_date(moment.date(), lang)}, {format_time(moment)}"
    return f"{format_time(moment)}, {day.lower()} {format_date(moment.date(), lang)}"


def format_money(amount: int, lang: str) -> str:
    """`8.000 đ` in Vietnamese, `8,000 VND` in English; zero is "free"."""
    if amount == 0:
        return _tr("Miễn phí")
    grouped = f"{amount:,}"
    if lang == "en":
        return f"{grouped} VND"
    return f"{grouped.replace(',', '.')} đ"


def format_duration(procedure: Procedure) -> str:
    """The statutory processing time, e.g. `3 ngày làm việc`; same-day procedures say so."""
    amount = procedure.duration
    n = int(amount) if float(amount).is_integer() else -1
    if procedure.same_day_cutoff is not None and amount <= 1 and procedure.duration_unit is not DurationUnit.HOURS:
        return _tr("Trong ngày (nhận trước %1)").replace("%1", f"{procedure.same_day_cutoff:%H:%M}")
    if procedure.duration_unit is DurationUnit.HOURS:
        text = _tr("%n giờ làm việc", n)
    elif procedure.duration_unit is DurationUnit.DAYS:
        text = _tr("%n ngày", n)
    else:
        text = _tr("%n ngày làm việc", n)
    return text if n >= 0 else text.replace("%n", f"{amount:g}")


def role_name(role: str) -> str:
    """An account role (`officer`, `processor`, `leader`, `admin`) as the officer reads it."""
    labels = {
        "officer": QCoreApplication.translate("Roles", "Cán bộ tiếp nhận"),
        "processor": QCoreApplication.translate("Roles", "Cán bộ xử lý"),
        "leader": QCoreApplication.translate("Roles", "Lãnh đạo"),
        "admin": QCoreApplication.translate("Roles", "Quản trị"),
    }
    return labels.get(role, role)
