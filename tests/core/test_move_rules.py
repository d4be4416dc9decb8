"""Which moves an officer may take from each status (`statuses.may_take`): the window offers only these."""

from __future__ import annotations

from counter_app.core.model import Status
from counter_app.core.statuses import MOVE_FROM, can_move, may_take

S = Status


def test_narrowed_moves_only_from_their_statuses() -> None:
    assert may_take("transfer", S.RECEIVED) and may_take("transfer", S.PROCESSING)
    assert not may_take("transfer", S.FEES_DUE)  # the transitions allow FEES_DUE → PROCESSING, a transfer not
    assert can_move(S.FEES_DUE, S.PROCESSING)
    assert may_take("supplement_received", S.SUPPLEMENT_REQUESTED)
    assert not may_take("supplement_received", S.RECEIVED)
    assert set(MOVE_FROM) <= {"transfer", "processing", "supplement_received"}


def test_other_moves_follow_the_transitions_and_the_apology_any_open_status() -> None:
    assert may_take("result_ready", S.PROCESSING) and not may_take("result_ready", S.SUPPLEMENT_REQUESTED)
    assert may_take("advance", S.RECEIVED, S.STOPPED) and not may_take("advance", S.RECEIVED)
    assert not may_take("stop", S.RECEIVED, S.PROCESSING)  # a named move goes only where its name says
    assert may_take("apology", S.SUPPLEMENT_REQUESTED) and not may_take("apology", S.RETURNED)
    assert not may_take("dance", S.RECEIVED, S.PROCESSING)
