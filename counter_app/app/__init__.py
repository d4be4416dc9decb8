"""The application layer: every use case of the counter as a typed read or write on behalf of an account.

The window (`gui/`) and the command line (`cli/`) call these operations and nothing below them (checked by
import-linter). Each module is one feature: intake, tracking, handover, accounts, catalogue, settings, reports,
sync, backup and audit.
"""

from .base import NOTHING, Changes, CounterApp, Done, Op, OpKind, Scope, read_op, write_op

__all__ = ["NOTHING", "Changes", "CounterApp", "Done", "Op", "OpKind", "Scope", "read_op", "write_op"]
