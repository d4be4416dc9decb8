"""The layering rules of STYLE.md, checked on the source beside import-linter: each layer's forbidden imports.

The checker is proved by running the very same function on a small package written for the test, which holds
one violation of each kind.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

import counter_app

PACKAGE = Path(counter_app.__file__).parent
RULES: dict[str, tuple[str, ...]] = {
    "core": ("PySide6", "peewee", "httpx", "fastapi", "uvicorn", "counter_app.storage", "counter_app.gui"),
    "storage": ("PySide6", "counter_app.gui", "counter_app.app", "counter_app.cli"),
    "documents": ("PySide6", "counter_app.gui", "peewee"),
    "server": ("PySide6", "counter_app.gui", "counter_app.app"),
    "sync": ("PySide6", "counter_app.gui", "counter_app.app"),
    "app": ("PySide6", "counter_app.gui", "counter_app.cli"),
    "cli": ("peewee", "counter_app.storage"),
    "gui": ("peewee", "counter_app.storage"),
}


def imports_of(path: Path, root: Path, package: str) -> set[str]:
    """Absolute names of every module `path` imports (relative imports resolved, type-checking ones included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    parts = path.relative_to(root).parent.parts
    here = ".".join((package, *parts)) if parts else package
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                names.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                names.add(node.module)
    return names


def violations(root: Path, package: str, rules: Mapping[str, tuple[str, ...]]) -> list[str]:
    """`layer/file imports name` for every import a layer's rule forbids (Qt adapters in devices/qt_* exempt)."""
    found = []
    for layer, forbidden in rules.items():
        for path in sorted((root / layer).rglob("*.py")):
            if layer == "devices" and path.name.startswith("qt_"):
                continue
            for name in sorted(imports_of(path, root, package)):
                banned = [f.replace("counter_app", package, 1) for f in forbidden]
                if any(name == f or name.startswith(f + ".") for f in banned):
                    found.append(f"{path.relative_to(root)} imports {name}")
    return found


def test_layers_only_look_downward() -> None:
    assert violations(PACKAGE, "counter_app", RULES) == []


def test_the_checker_finds_each_kind_of_violation(tmp_path: Path) -> None:
    root = tmp_path / "fakeapp"
    files = {
        "core/model.py": "from PySide6 import QtCore\n",
        "core/deep/rules.py": "from ...storage import models\n",
        "storage/store.py": "from ..app import intake\n",
        "cli/main.py": "from ..storage.store import CounterStore\nimport json\n",
        "gui/panel.py": "import peewee\nfrom ..app import intake\nfrom ..storage.store import CounterStore\n",
        "app/intake.py": "from ..storage import store\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert violations(root, "fakeapp", RULES) == [
        "core/deep/rules.py imports fakeapp.storage",
        "core/model.py imports PySide6",
        "storage/store.py imports fakeapp.app",
        "cli/main.py imports fakeapp.storage.store",
        "gui/panel.py imports fakeapp.storage.store",
        "gui/panel.py imports peewee",
    ]
