"""Telling a USB barcode scanner (a "keyboard wedge") apart from a person typing, from key timing and content.

A wedge scanner types its text as key presses a few milliseconds apart, then its suffix (Enter, or Tab, as the
scanner is configured). A person types 100 ms or more apart, but a fast typist or a paste tool may come down to
20 ms, as fast as a slow scanner. The trouble is also that the first keys of a burst arrive before anyone can
know which it is, and a scan must not leak characters into the focused field.

Approach: hold back, then decide. Every printable key is held (not delivered) while a burst may be a scan. A burst
is a scan only when all of these hold:

* every gap in it was at most `max_interval_ms` (the key events' own timestamps);
* it ends with the terminator (Enter or Tab), itself within `max_interval_ms`; a scanner configured without a
  terminator (`terminator=""`) ends its scans with a pause instead;
* it has at least `min_length` characters besides the configured prefix and suffix, and carries both;
* its text is something a scanner is pointed at (`accept`, by default `looks_scanned`: a dossier code, a chip ID
  card's QR text, or a dossier code mangled by a Vietnamese input method).

Then its keys and its terminator are swallowed and the text is returned. Otherwise it was typing, however fast,
and the held keys are handed back, in order, to be delivered, the terminator after them. A person therefore sees
their keys appear up to one pause-timer period late (about 50 ms), and a scanner's keys never appear at all.

Timestamps are the key events' own (milliseconds), never the time of processing, so a busy GUI
thread that delivers queued keys late does not turn typing into a scan or a scan into typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from counter_app.core.codes import ScanKind, classify_scan, looks_like_mangled_code
from counter_app.core.idcard import looks_like_id_card

K = TypeVar("K")

#: The terminators a scanner may be configured with (Enter, Tab), and none (its scans end with a pause).
TERMINATORS = ("\r", "\t", "")


def looks_scanned(text: str) -> bool:
    """True for a text a scanner is pointed at: a known kind of scan, a card's shape (even with a bad field), or a
    dossier code mangled by an input method (swallowed so that its hint can be given)."""
    return (
        classify_scan(text) is not ScanKind.OTHER or looks_like_id_card(text) or looks_like_mangled_code(text)
    )


@dataclass(frozen=True)
class WedgeResult(Generic[K]):
    """What the caller must do with the key just fed (or after a pause).

    `release`: held keys to deliver now, in order, before the current key. `swallow`: the current key
    is held or consumed and must not be delivered now. `scanned`: the text of a completed scan, with
    prefix and suffix removed (accepted by the detector's `accept`; what it is is the scan router's to decide).
    """

    swallow: bool = False
    release: tuple[K, ...] = ()
    scanned: str | None = None


@dataclass
class _Burst(Generic[K]):
    keys: list[K] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    last_ms: int = 0


class WedgeDetector(Generic[K]):
    """Per-burst scanner/typist decision. `K` is whatever the caller wants handed back (e.g. key events)."""

    def __init__(
        self,
        max_interval_ms: int = 30,
        min_length: int = 6,
        prefix: str = "",
        suffix: str = "",
        terminator: str = "\r",
        accept: Callable[[str], bool] = looks_scanned,
    ) -> None:
        if terminator not in TERMINATORS:
            raise ValueError("terminator must be Enter, Tab or nothing")
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self.prefix = prefix
        self.suffix = suffix
        self.terminator = terminator
        self.accept = accept
        self._burst: _Burst[K] = _Burst()

    @property
    def holding(self) -> bool:
        """True while keys are held back waiting for the burst to be decided."""
        return bool(self._burst.keys)

    def feed(self, char: str, timestamp_ms: int, key: K) -> WedgeResult[K]:
        """A key press: one printable character or the terminator, at the event's own timestamp."""
        burst = self._burst
        fast = bool(burst.keys) and 0 <= timestamp_ms - burst.last_ms <= self.max_interval_ms
        if self.terminator and char == self.terminator:
            if fast:
                scanned = self._as_scan(burst)
                if scanned is not None:
                    self._burst = _Burst()
                    return WedgeResult(swallow=True, scanned=scanned)
            return WedgeResult(swallow=False, release=self._drop())
        if not char.isprintable() or len(char) != 1:
            raise ValueError(f"not a printable character: {char!r}")
        ended = WedgeResult[K]() if fast or not burst.keys else self._end_by_pause()
        self._burst.keys.append(key)
        self._burst.text.append(char)
        self._burst.last_ms = timestamp_ms
        return WedgeResult(swallow=True, release=ended.release, scanned=ended.scanned)

    def pause(self) -> WedgeResult[K]:
        """The caller saw no key for longer than `max_interval_ms`: decide the held burst now."""
        return self._end_by_pause()

    def flush(self) -> tuple[K, ...]:
        """Give back every held key (e.g. before a shortcut or non-text key is delivered)."""
        return self._drop()

    def _end_by_pause(self) -> WedgeResult[K]:
        """A burst followed by a pause: a scan only for a scanner without a terminator, else typing."""
        scanned = None if self.terminator else self._as_scan(self._burst)
        if scanned is not None:
            self._burst = _Burst()
            return WedgeResult(swallow=False, scanned=scanned)
        return WedgeResult(swallow=False, release=self._drop())

    def _drop(self) -> tuple[K, ...]:
        keys = tuple(self._burst.keys)
        self._burst = _Burst()
        return keys

    def _as_scan(self, burst: _Burst[K]) -> str | None:
        """The burst's text without prefix and suffix if it qualifies as a scan, else None.

        Every key in a burst is, by construction, within `max_interval_ms` of the previous one.
        """
        text = "".join(burst.text)
        if not (text.startswith(self.prefix) and text.endswith(self.suffix)):
            return None
        body = text[len(self.prefix) : len(text) - len(self.suffix)]
        return body if len(body) >= self.min_length and self.accept(body) else None
