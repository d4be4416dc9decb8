"""Entry point of `counter-app`: global options, sub-command dispatch, and one place that turns errors into exit code 2."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .. import APP_NAME, __version__
from ..core.errors import DomainError, ValidationErrors
from ..messages import describe
from .context import CliContext, CliError, default_data_dir, default_lang, default_officer

#: Modules under counter_app.cli that add sub-commands (each defines add_parser(sub) and run(args, ctx)).
COMMAND_MODULES = (
    "setup_cmd",
    "catalog_cmd",
    "calendar_cmd",
    "dossier_cmd",
    "print_cmd",
    "decode_cmd",
    "scan_cmd",
    "attach_cmd",
    "sync_cmd",
    "report_cmd",
    "backup_cmd",
    "audit_cmd",
    "encrypt_cmd",
    "key_cmd",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one sentence in the chosen language, exit code 2."""

    lang = "vi"

    def error(self, message: str) -> None:  # type: ignore[override]
        prefix = "Invalid arguments" if self.lang == "en" else "Tham số không hợp lệ"
        self.exit(2, f"{self.prog}: {prefix}: {message}\n")


def build_parser(lang: str) -> argparse.ArgumentParser:
    _Parser.lang = lang
    parser = _Parser(prog="counter-app", description="Quầy Một cửa — one-stop counter client")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None, help="data folder (env COUNTER_APP_DATA_DIR)")
    parser.add_argument(
        "--lang", choices=("vi", "en"), default=None, help="language of messages (default vi)"
    )
    parser.add_argument(
        "--officer",
        default=None,
        help="the account the command acts as (env COUNTER_APP_OFFICER; default: the administrator setup created)",
    )
    parser.add_argument("--demo", action="store_true", help="open the demo profile (sample unit and officer)")
    parser.add_argument("--kiosk", action="store_true", help="open the citizens' self-lookup kiosk")
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(name):
                continue  # a capability not installed in this build
            raise
        module.add_parser(sub)
    return parser


def _lang_from_argv(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return default_lang()


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command; `out`/`err` default to the process's streams (tests pass buffers)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(argv)
    args = build_parser(lang).parse_args(argv)
    ctx = CliContext(
        data_dir=args.data_dir or default_data_dir(),
        lang=args.lang or lang,
        officer=args.officer or default_officer(),
        out=out or sys.stdout,
        err=err or sys.stderr,
    )
    try:
        if args.self_test:
            from ..selftest import run_self_test

            return run_self_test(ctx)
        if args.command is None:
            from ..gui.launcher import launch

            return launch(
                ctx,
                demo=args.demo,
                kiosk=args.kiosk,
                data_dir_given=args.data_dir is not None,
                lang_given=args.lang is not None,  # --lang wins over the language saved in Settings
            )
        return int(args.handler(args, ctx) or 0)
    except CliError as exc:
        print(str(exc), file=ctx.err)
        return exc.exit_code
    except (DomainError, ValidationErrors) as exc:
        print(describe(exc, ctx.lang), file=ctx.err)
        return 2
    except Exception as exc:  # bytes damaged inside a row pass the check at open and fail only when read
        from ..app.backup import damage_behind

        damage = damage_behind(exc, Path(ctx.data_dir))
        if damage is None:
            raise
        print(describe(damage, ctx.lang), file=ctx.err)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
