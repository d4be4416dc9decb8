"""Render any of the forms 01–06 of one dossier to PDF bytes: the single entry point the GUI and CLI call."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum

from reportlab.platypus import Flowable

from counter_app.core.model import Dossier, UnitConfig

from .control import control_story
from .layout import SPECS, Paper, PaperSpec, build_pdf
from .notices import apology_story, refusal_story, stop_story, supplement_story
from .receipt import receipt_story, thermal_spec, thermal_story


class FormKind(str, Enum):
    """The forms of Circular 03/2025 printed for one dossier (form 07, the book, has its own functions)."""

    RECEIPT = "receipt"  # 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    SUPPLEMENT = "supplement"  # 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
    REFUSAL = "refusal"  # 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ
    APOLOGY = "apology"  # 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả
    STOP = "stop"  # 05 Thông báo dừng giải quyết hồ sơ
    CONTROL = "control"  # 06 Phiếu kiểm soát quá trình giải quyết hồ sơ


TITLES: dict[FormKind, str] = {
    FormKind.RECEIPT: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    FormKind.SUPPLEMENT: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    FormKind.REFUSAL: "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    FormKind.APOLOGY: "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    FormKind.STOP: "Thông báo dừng giải quyết hồ sơ",
    FormKind.CONTROL: "Phiếu kiểm soát quá trình giải quyết hồ sơ",
}

Story = Callable[[Dossier, UnitConfig, PaperSpec, Mapping[str, str] | None, datetime], list[Flowable]]

_STORIES: dict[FormKind, Story] = {
    FormKind.RECEIPT: lambda d, u, s, n, p: receipt_story(d, u, s, n),
    FormKind.SUPPLEMENT: supplement_story,
    FormKind.REFUSAL: refusal_story,
    FormKind.APOLOGY: apology_story,
    FormKind.STOP: stop_story,
    FormKind.CONTROL: lambda d, u, s, n, p: control_story(d, u, s, n),
}


def render_form(
    kind: FormKind,
    dossier: Dossier,
    unit: UnitConfig,
    *,
    paper: Paper = Paper.A5,
    names: Mapping[str, str] | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    """PDF bytes of form `kind` for `dossier`.

    `names` maps officer usernames to the full names printed under signatures. The date beside the place
    is the date of the event the form records (receipt, refusal …), else `printed_at` (default: now).
    Only the receipt can go on a thermal roll (ValueError otherwise). Raises `NotConfiguredError` or
    `ValidationError` when a receipt or control slip is asked for without an agency ID or dossier code.
    """
    kind, paper = FormKind(kind), Paper(paper)
    printed = printed_at or datetime.now()
    title_text = f"{TITLES[kind]} {dossier.code or ''}".strip()
    if paper is Paper.THERMAL80:
        if kind is not FormKind.RECEIPT:
            raise ValueError(f"{kind.value} cannot be printed on {paper.value}")
        story = thermal_story(dossier, unit, SPECS[paper], names)
        spec = thermal_spec(story, SPECS[paper])
    else:
        spec = SPECS[paper]
        story = _STORIES[kind](dossier, unit, spec, names, printed)
    return build_pdf(
        story, spec, title_text=title_text, unit=unit, subject=TITLES[kind], footer=dossier.code or ""
    )
