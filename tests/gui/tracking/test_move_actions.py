"""Every move the action bar offers is an action the core's event rule knows, leading where the rule says."""

from __future__ import annotations

from counter_app.core.statuses import ANNOTATIONS, MOVE_ACTIONS
from counter_app.gui.tracking.actions import MOVES


def test_every_move_of_the_action_bar_is_a_known_action() -> None:
    for move in MOVES:
        if move.target is None:
            assert move.key in ANNOTATIONS, move.key
        else:
            assert MOVE_ACTIONS[move.key] in (None, move.target), move.key
