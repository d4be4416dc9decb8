"""Build the interface translations: compile resources/translations/*.ts to .qm (and, with --update, re-extract the .ts).

Vietnamese is the source language (the strings in the code); each .ts file holds one target language.
`make translations` runs this without options; after changing user-facing text run it with `--update`,
translate the new entries (Qt Linguist: `pyside6-linguist`), then run it again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = (ROOT / "counter_app" / "gui", ROOT / "ui")
TARGETS = {"en": "en_GB"}


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6 next to this Python (falls back to PATH)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def source_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCES:
        if folder.is_dir():
            files += sorted(folder.rglob("*.py")) + sorted(folder.rglob("*.ui"))
    return files


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"counter_app_{lang}.ts"


def update(lang: str, ts: Path | None = None) -> Path:
    """Re-extract every tr()/translate() string into the .ts of `lang`, keeping existing translations."""
    ts = ts or ts_path(lang)
    ts.parent.mkdir(parents=True, exist_ok=True)
    args = [tool("pyside6-lupdate"), *map(str, source_files()), "-no-obsolete", "-locations", "none"]
    args += ["-source-language", "vi_VN", "-target-language", TARGETS[lang], "-ts", str(ts)]
    subprocess.run(args, check=True, capture_output=True, text=True)
    return ts


def compile_ts(ts: Path, qm: Path | None = None) -> Path:
    """Compile one .ts to .qm (next to it unless `qm` is given)."""
    qm = qm or ts.with_suffix(".qm")
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True
    )
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="re-extract strings from the sources first")
    parser.add_argument(
        "--out", type=Path, default=None, help="folder for the .qm files (default: beside the .ts)"
    )
    args = parser.parse_args(argv)
    for lang in TARGETS:
        ts = update(lang) if args.update else ts_path(lang)
        qm = compile_ts(ts, args.out / ts.with_suffix(".qm").name if args.out else None)
        print(f"{ts.relative_to(ROOT)} -> {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
