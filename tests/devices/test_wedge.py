"""WedgeDetector: scanner bursts versus human typing, decided from key timestamps alone."""

from __future__ import annotations

import pytest

from counter_app.devices.wedge import WedgeDetector, WedgeResult, looks_scanned

CODE = "000.00.06.H56-231027-0361"
CARD = "001085012345|012345678|Nguyễn Văn Đức|15031985|Nam|Số 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|01072021"
TYPIST_MS = 22  # a fast typist, or a paste tool


def type_keys(detector: WedgeDetector[str], text: str, start_ms: int, gap_ms: int) -> list[WedgeResult[str]]:
    """Feed `text` one key every `gap_ms`; each key's token is the character and its position."""
    return [detector.feed(ch, start_ms + i * gap_ms, f"{ch}@{i}") for i, ch in enumerate(text)]


def test_a_scan_ended_by_enter_is_swallowed_and_returned() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    results = type_keys(detector, CODE + "\r", 1000, 5)
    assert all(r.swallow for r in results)
    assert all(r.release == () for r in results)
    assert [r.scanned for r in results] == [None] * len(CODE) + [CODE]
    assert not detector.holding


def test_a_scan_ended_by_a_pause_is_returned_by_pause_when_the_scanner_sends_no_suffix() -> None:
    detector: WedgeDetector[str] = WedgeDetector(terminator="")
    type_keys(detector, CODE, 1000, 5)
    assert detector.pause() == WedgeResult(scanned=CODE)


def test_a_scan_ended_by_the_next_slow_key_is_returned_with_that_key_held() -> None:
    detector: WedgeDetector[str] = WedgeDetector(terminator="")
    type_keys(detector, CODE, 1000, 5)
    result = detector.feed("x", 1000 + 5 * len(CODE) + 200, "x")
    assert (result.scanned, result.release, result.swallow) == (CODE, (), True)
    assert detector.flush() == ("x",)


def test_human_typing_is_released_in_order() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    results = type_keys(detector, "Nguyen", 1000, 150)
    released = [key for r in results for key in r.release] + list(detector.pause().release)
    assert released == ["N@0", "g@1", "u@2", "y@3", "e@4", "n@5"]
    assert all(r.scanned is None for r in results)


def test_human_enter_comes_after_the_released_keys() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    type_keys(detector, "ab", 1000, 150)
    enter = detector.feed("\r", 1400, "enter")
    assert (enter.release, enter.swallow, enter.scanned) == (("b@1",), False, None)


def test_a_fast_burst_shorter_than_min_length_is_typing() -> None:
    detector: WedgeDetector[str] = WedgeDetector(min_length=6)
    type_keys(detector, "abcde", 1000, 5)
    result = detector.feed("\r", 1030, "enter")
    assert result.scanned is None and not result.swallow
    assert result.release == ("a@0", "b@1", "c@2", "d@3", "e@4")


def test_one_slow_gap_inside_a_burst_splits_it() -> None:
    detector: WedgeDetector[str] = WedgeDetector(max_interval_ms=30, terminator="", accept=lambda _text: True)
    type_keys(detector, "000.00", 1000, 5)
    late = detector.feed(".", 1025 + 31, "late")
    assert late.scanned == "000.00"  # the six fast keys before the pause were a complete burst
    typed = type_keys(detector, "ab", 1056 + 200, 150)
    assert [key for r in typed for key in r.release] + list(detector.flush()) == ["late", "a@0", "b@1"]


def test_gap_equal_to_the_threshold_still_counts_as_scanner_speed() -> None:
    detector: WedgeDetector[str] = WedgeDetector(max_interval_ms=30)
    results = type_keys(detector, CODE + "\r", 0, 30)
    assert results[-1].scanned == CODE


def test_prefix_and_suffix_are_required_and_stripped() -> None:
    detector: WedgeDetector[str] = WedgeDetector(prefix="]C0", suffix="#")
    assert type_keys(detector, f"]C0{CODE}#\r", 0, 4)[-1].scanned == CODE
    plain = type_keys(detector, f"{CODE}\r", 1000, 4)[-1]
    assert plain.scanned is None and len(plain.release) == len(CODE)


def test_custom_terminator() -> None:
    detector: WedgeDetector[str] = WedgeDetector(terminator="\t")
    assert type_keys(detector, CODE + "\t", 0, 5)[-1].scanned == CODE


def test_feed_rejects_control_characters() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    with pytest.raises(ValueError):
        detector.feed("\x08", 0, "backspace")


# ---- more than speed: the suffix and a known pattern --------------------------------------------------------------
def test_a_card_ended_by_enter_is_a_scan() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    assert type_keys(detector, CARD + "\r", 0, 4)[-1].scanned == CARD


def test_text_typed_at_22_ms_a_key_and_ended_by_enter_is_typing() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    text = "Nguyễn Văn An, 12 Hàng Bạc"
    results = type_keys(detector, text + "\r", 0, TYPIST_MS)
    enter = results[-1]
    assert enter.scanned is None and not enter.swallow  # Enter goes to the field too, after the text
    assert enter.release == tuple(f"{ch}@{i}" for i, ch in enumerate(text))


def test_even_a_code_typed_fast_without_the_suffix_is_typing() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    type_keys(detector, CODE, 0, TYPIST_MS)
    result = detector.pause()
    assert result.scanned is None and len(result.release) == len(CODE)


def test_a_paste_tool_at_scanner_speed_with_enter_is_typing() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    result = type_keys(detector, "Kính gửi: UBND phường\r", 0, 3)[-1]
    assert result.scanned is None and len(result.release) == len("Kính gửi: UBND phường")


def test_a_code_mangled_by_an_input_method_is_still_taken_as_a_scan() -> None:
    detector: WedgeDetector[str] = WedgeDetector()
    mangled = "000.00.06.Hư6-231027-0361"
    assert type_keys(detector, mangled + "\r", 0, 5)[-1].scanned == mangled


def test_what_a_scanner_is_pointed_at() -> None:
    assert looks_scanned(CODE) and looks_scanned(CARD)
    assert looks_scanned(
        "001085012345||Nguyễn Văn Đức|31021985|Nam"
    )  # a card with an impossible date: answered
    assert looks_scanned("000.00.06.H56-2611ư8-0101")
    assert not looks_scanned("Nguyễn Văn Đức")
    assert not looks_scanned("0912345678")
    assert not looks_scanned("https://dichvucong.gov.vn/")


def test_the_terminator_is_enter_tab_or_nothing() -> None:
    with pytest.raises(ValueError):
        WedgeDetector(terminator="#")
