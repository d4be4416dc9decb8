"""A date argument written right but naming no real day (2026-02-31) is said to be impossible, not badly written."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from counter_app.cli.context import CliError, parse_date


def _ctx(lang: str) -> SimpleNamespace:
    return SimpleNamespace(say=lambda vi, en: en if lang == "en" else vi)


@pytest.mark.parametrize(
    ("lang", "impossible", "badly_written"),
    [
        ("vi", "Ngày 2026-02-31 không có thật.", "Ngày «31/02/2026» phải có dạng YYYY-MM-DD."),
        ("en", "2026-02-31 is not a real date.", "«31/02/2026» must be YYYY-MM-DD."),
    ],
)
def test_an_impossible_day_is_not_a_format_error(lang: str, impossible: str, badly_written: str) -> None:
    ctx = _ctx(lang)
    with pytest.raises(CliError) as info:
        parse_date(ctx, "2026-02-31")  # type: ignore[arg-type]
    assert str(info.value) == impossible
    with pytest.raises(CliError) as info:
        parse_date(ctx, "31/02/2026")  # type: ignore[arg-type]
    assert str(info.value) == badly_written
    assert parse_date(ctx, "2026-02-28") == date(2026, 2, 28)  # type: ignore[arg-type]
