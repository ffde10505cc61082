"""Commands that read no file start without the models (issue 13): what loads, not timed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHECK = """
import contextlib, io, sys
from fagworkshop.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main({argv!r})
print(sorted(m for m in {heavy!r} if m in sys.modules))
"""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["export", "--help"]])
def test_a_command_that_reads_no_file_loads_neither_pydantic_nor_textual(
    argv: list[str], tmp_path: Path
) -> None:
    heavy = ["pydantic", "textual", "fagworkshop.domain.session", "fagworkshop.store.reading"]
    code = CHECK.format(argv=argv, heavy=heavy)
    env = {"FAGWORKSHOP_LOG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"
