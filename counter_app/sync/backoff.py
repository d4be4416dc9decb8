"""Capped, jittered exponential backoff for retrying after network errors and 5xx answers."""

from __future__ import annotations

import random


class Backoff:
    """Delays double from `base_s` up to `cap_s`; each is drawn from its upper half so counters spread out."""

    def __init__(self, base_s: float = 2.0, cap_s: float = 300.0, rng: random.Random | None = None) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self._rng = rng or random.Random()
        self.failures = 0

    def next_delay(self) -> float:
        """The delay before the next attempt after one more failure."""
        ceiling = min(self.cap_s, self.base_s * (2 ** min(self.failures, 30)))
        self.failures += 1
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def reset(self) -> None:
        """A success: the next failure starts from the base delay again."""
        self.failures = 0
