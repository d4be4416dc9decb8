"""Every error code the core can raise has a sentence in Vietnamese and English."""

from __future__ import annotations

from counter_app.core import calendar, validation
from counter_app.core.errors import TransitionError, ValidationError
from counter_app.messages import MESSAGES, describe


def test_every_core_error_code_has_both_sentences() -> None:
    for code in (*validation.ERROR_CODES, *calendar.ERROR_CODES):
        assert code in MESSAGES, code
        vi, en = MESSAGES[code]
        assert vi and en and vi != en


def test_sentences_name_the_field_and_statuses() -> None:
    assert describe(ValidationError("applicant.phone", "phone.format")).startswith(
        "Số điện thoại không hợp lệ"
    )
    assert describe(ValidationError("applicant.name", "required"), "en") == "Full name is required."
    text = describe(TransitionError(current=2, target=10))
    assert "Được tiếp nhận" in text and "Đã trả kết quả" in text
