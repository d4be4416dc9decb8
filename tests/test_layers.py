"""The layering rules of STYLE.md, checked on the source: core imports no Qt, peewee or network; gui no peewee."""

from __future__ import annotations

import ast
from pathlib import Path

import counter_app

PACKAGE = Path(counter_app.__file__).parent
FORBIDDEN = {
    "core": ("PySide6", "peewee", "httpx", "fastapi", "uvicorn", "counter_app.storage", "counter_app.gui"),
    "storage": ("PySide6", "counter_app.gui"),
    "documents": ("PySide6", "counter_app.gui", "peewee"),
    "server": ("PySide6", "counter_app.gui"),
    "sync": ("PySide6", "counter_app.gui"),
    "gui": ("peewee",),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    package = "counter_app." + ".".join(path.relative_to(PACKAGE).parent.parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                names.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                names.add(node.module)
    return names


def test_layers_only_look_downward() -> None:
    violations = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            if layer == "devices" and path.name.startswith("qt_"):
                continue
            for name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in forbidden):
                    violations.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert violations == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    sample = PACKAGE / "core" / "__init__.py"
    assert "counter_app.core" not in _imports(sample)  # sanity: its own package is not reported
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6 import QtCore\nimport peewee\n", encoding="utf-8")
    tree_names = set()
    for node in ast.walk(ast.parse(bad.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            tree_names.add(node.module)
        if isinstance(node, ast.Import):
            tree_names.update(a.name for a in node.names)
    assert {"PySide6", "peewee"} <= tree_names
