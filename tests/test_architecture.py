"""The layers hold: import-linter's contracts (pyproject.toml) and a clean import of the core.

``tui`` and ``cli`` sit above ``export``, above ``store``, above ``domain``;
``domain``, ``store`` and ``export`` never import Textual; the store's modules
import each other without cycles. ``make lint`` runs the same check.
"""

from __future__ import annotations

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
