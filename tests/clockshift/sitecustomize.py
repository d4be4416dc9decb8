"""Moves the clock of a Python process started by a `--clock-shift` test run, as far ahead as the run's own clock.

Only on the path of processes the test suite starts (tests/conftest.py puts this folder on PYTHONPATH when the
option is given); never part of the product.
"""

from __future__ import annotations

import os

_days = os.environ.get("COUNTER_APP_TEST_CLOCK_SHIFT_DAYS")
if _days:
    from datetime import datetime, timedelta

    import time_machine

    time_machine.travel(datetime.now() + timedelta(days=int(_days)), tick=True).start()
