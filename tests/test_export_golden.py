"""Golden files: every format on the sample session and, when it exists, the demo.

A change in output fails here until it is looked at and accepted on purpose:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_export_golden.py

then read the diff of ``tests/golden/`` before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from fagworkshop.demo import build_demo
from fagworkshop.export.formats import FORMATS
from support.narrow import present
from test_export_sample import sample_session

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
EXTENSIONS = {"md": "md", "html": "html", "csv": "csv", "toml": "toml"}


@pytest.fixture(autouse=True)
def fixed_export_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # The printed footer names the export time; a fixed one keeps the goldens still.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796112000")  # 2026-12-01 08:00 UTC


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"no golden file {path}; create it with UPDATE_GOLDEN=1")
    expected = path.read_bytes().decode("utf-8")
    if expected != actual:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"golden/{name}",
                tofile="now",
                n=2,
            )
        )
        pytest.fail(f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept):\n{diff}")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("with_names", [False, True], ids=["initials", "names"])
def test_sample_golden(fmt: str, with_names: bool) -> None:
    if fmt == "toml" and with_names:
        pytest.skip("the profiles catalogue holds no people")
    suffix = "-names" if with_names else ""
    check(f"sample{suffix}.{EXTENSIONS[fmt]}", FORMATS[fmt](sample_session(), with_names))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_demo_golden(fmt: str) -> None:
    check(f"demo.{EXTENSIONS[fmt]}", FORMATS[fmt](build_demo(), False))


def test_demo_is_deterministic_for_exports() -> None:
    for fmt, render in FORMATS.items():
        assert render(present(build_demo()), False) == render(present(build_demo()), False), fmt


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_demo_office_golden(fmt: str) -> None:
    """Excel and Word on the demo, compared as extracted content (the bytes hold dates)."""
    from fagworkshop.export.formats import render_bytes
    from test_export_office import docx_dump, xlsx_dump

    demo = build_demo()
    dump = xlsx_dump if fmt == "xlsx" else docx_dump
    check(f"demo.{fmt}.txt", dump(render_bytes(fmt, demo, False)))
