"""Each layer imports only the layers below it, so a change in one cannot break another.

Read from the source (every ``import``, also those inside functions), not from a running
program, so a lazy import that only one command reaches is caught too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "booth_pos"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _offences(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in files
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def _modules(*parts: str) -> list[Path]:
    files: list[Path] = []
    for part in parts:
        target = PACKAGE / part
        files += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return files


def test_the_domain_and_money_import_no_layer_above_them():
    """model/, money.py and errors.py know nothing of storage, services, documents or Qt."""
    forbidden = (
        "booth_pos.store",
        "booth_pos.services",
        "booth_pos.documents",
        "booth_pos.printing",
        "booth_pos.ui",
        "booth_pos.cli",
        "booth_pos.app",
        "PySide6",
        "sqlite3",
        "sqlite_utils",
    )
    assert _offences(_modules("model", "money.py", "errors.py"), forbidden) == []


def test_documents_never_import_services():
    """A PDF is drawn from the domain's figures; the services build them, never the reverse."""
    forbidden = ("booth_pos.services", "booth_pos.cli", "booth_pos.ui", "PySide6")
    assert _offences(_modules("documents"), forbidden) == []


def test_services_know_nothing_of_who_calls_them():
    """The window and the command line call services; a service never imports either."""
    forbidden = ("booth_pos.cli", "booth_pos.ui", "booth_pos.app", "PySide6")
    assert _offences(_modules("services"), forbidden) == []


def test_the_command_line_reaches_qt_only_through_app():
    """cli/ imports no widget and no Qt; only a bare `booth-pos` starts the window (app.py)."""
    forbidden = ("booth_pos.ui", "PySide6")
    assert _offences(_modules("cli"), forbidden) == []


@pytest.mark.parametrize(
    "module", ["booth_pos.money", "booth_pos.errors", "booth_pos.model.errors", "booth_pos.model"]
)
def test_money_and_the_model_import_in_any_order(module):
    """Importing either first works: money and the model do not import each other in a circle."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}; import booth_pos.model, booth_pos.money"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
