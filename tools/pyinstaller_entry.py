"""Launcher frozen into the bundle: the `counter-app` command (the GUI without a sub-command, the CLI otherwise)."""

from __future__ import annotations

import multiprocessing
import os
import sys


def _give_windowed_build_streams() -> None:
    """A windowed Windows build starts without stdout/stderr; printing must not crash it."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


if __name__ == "__main__":
    multiprocessing.freeze_support()
    _give_windowed_build_streams()
    from counter_app.cli.main import main

    sys.exit(main())
