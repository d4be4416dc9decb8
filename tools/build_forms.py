"""Turn the Qt Designer forms of ui/*.ui into the Python package counter_app/gui/forms/ (`make forms`).

Each `ui/<name>.ui` becomes `counter_app/gui/forms/ui_<name>.py` through `pyside6-uic`, with a header naming its
source and the SHA-256 of that source, so a test can tell a module that is out of step with its form. Modules
whose form is gone are removed. `--check` writes nothing and fails when any module differs from what its form
produces now.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "ui"
PACKAGE = ROOT / "counter_app" / "gui" / "forms"
PREFIX = "ui_"
INIT = '''"""Layouts of the static windows, generated from the Qt Designer forms in ui/ by `make forms` (pyside6-uic).

Do not edit these modules by hand: open the form in Designer, save it, run `make forms` (see ui/README.md).
"""
'''


def uic() -> str:
    """pyside6-uic next to this Python (bin/ or Scripts\\), else on PATH."""
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        beside = Path(sys.executable).parent / name
        if beside.exists():
            return str(beside)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic not found: install PySide6 in this environment")
    return found


def forms() -> list[Path]:
    return sorted(FORMS.glob("*.ui"))


def module_path(form: Path) -> Path:
    return PACKAGE / f"{PREFIX}{form.stem}.py"


def modules() -> list[Path]:
    return sorted(PACKAGE.glob(f"{PREFIX}*.py"))


def header(form: Path) -> str:
    """Names the source and its SHA-256 (of its text read with universal line ends, so a Windows checkout agrees)."""
    text = form.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return (
        f"# Generated from ui/{form.name} by `make forms` (pyside6-uic): do not edit by hand.\n"
        f"# Edit the form in Qt Designer and run `make forms` again (ui/README.md).\n"
        f"# Source SHA-256: {digest}\n"
    )


def generate(form: Path) -> str:
    """The module `form` produces now: our header, then uic's code without its banner (which names uic's version)."""
    done = subprocess.run(
        [uic(), "--generator", "python", "--no-autoconnection", str(form)],
        check=True,
        capture_output=True,
        text=True,
    )
    lines = done.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(("from ", "import ")))
    return header(form) + "\n" + "\n".join(lines[start:]).rstrip() + "\n"


def stale() -> list[str]:
    """What is out of step: modules missing, different from their form's output, or without a form."""
    problems: list[str] = []
    for form in forms():
        target = module_path(form)
        if not target.exists():
            problems.append(f"{target.relative_to(ROOT)} is missing (from ui/{form.name})")
        elif target.read_text(encoding="utf-8") != generate(form):
            problems.append(f"{target.relative_to(ROOT)} differs from what ui/{form.name} produces")
    wanted = {module_path(form) for form in forms()}
    problems += [f"{m.relative_to(ROOT)} has no form in ui/" for m in modules() if m not in wanted]
    if not (PACKAGE / "__init__.py").exists():
        problems.append(f"{(PACKAGE / '__init__.py').relative_to(ROOT)} is missing")
    return problems


def build() -> list[Path]:
    """(Re)write every module whose text changed, remove the ones without a form; returns what was written."""
    PACKAGE.mkdir(parents=True, exist_ok=True)
    init = PACKAGE / "__init__.py"
    if not init.exists() or init.read_text(encoding="utf-8") != INIT:
        init.write_text(INIT, encoding="utf-8")
    written: list[Path] = []
    for form in forms():
        target, text = module_path(form), generate(form)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    wanted = {module_path(form) for form in forms()}
    for orphan in modules():
        if orphan not in wanted:
            orphan.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; fail when a module is out of step"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for path in build():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
