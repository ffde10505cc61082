"""The layers hold: import-linter's contracts (pyproject.toml) and a clean import of the core.

``tui`` and ``cli`` sit above ``export``, above ``store``, above ``domain``;
``domain``, ``store`` and ``export`` never import Textual; the store's modules
import each other without cycles. ``make lint`` runs the same check. An import
inside a function says why it is not at the top.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_core_imports_without_textual() -> None:
    """What import-linter cannot see: an import made at run time (importlib, a lazy import)."""
    code = (
        "import sys\n"
        "import fagworkshop.domain, fagworkshop.store, fagworkshop.export\n"
        "from fagworkshop.domain import analysis, changes, adapt\n"
        "from fagworkshop.export.formats import FORMATS\n"
        "from fagworkshop.demo import build_demo\n"
        "session = build_demo()\n"
        "for render in FORMATS.values():\n"
        "    render(session, False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _says_why(lines: list[str], node: ast.Import | ast.ImportFrom) -> bool:
    """A comment on the import's lines, or just above it (over the imports of its block)."""
    if any("#" in lines[k] for k in range(node.lineno - 1, node.end_lineno or node.lineno)):
        return True
    above = node.lineno - 2
    while above >= 0:
        line = lines[above].strip()
        if line.startswith("#"):
            return True
        if not line.startswith(("from ", "import ", ")")) and not line.endswith(","):
            return False
        above -= 1
    return False


def test_every_import_inside_a_function_says_why() -> None:
    """A function-local import in src is a measured start-up cost or a real cycle, and
    its comment says which; any other import belongs at the top of the module."""
    silent = []
    for path in sorted((REPO / "src").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for function in ast.walk(ast.parse(text)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom) and not _says_why(lines, node):
                    silent.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert silent == []
