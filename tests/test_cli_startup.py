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


#: What the two commands a person types most between workshops did import before issue
#: 13's last pass: the export commands for their declarations, logging and its rotating
#: handler, platformdirs, shutil, importlib.resources, typing and dataclasses (each a few ms of
#: every start).
NOT_FOR_THE_COMMANDS = [
    "fagworkshop.export.command",
    "fagworkshop.export.overview_command",
    "fagworkshop.export.self_assessment_command",
    "logging",
    "logging.handlers",
    "platformdirs",
    "shutil",
    "importlib.resources",
    "typing",
    "dataclasses",
]


@pytest.mark.parametrize("argv", [["--help"], ["catalogues"]])
def test_help_and_catalogues_import_only_what_they_use(argv: list[str], tmp_path: Path) -> None:
    env = {
        "FAGWORKSHOP_LOG_DIR": str(tmp_path / "log"),
        "FAGWORKSHOP_CACHE_DIR": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
    }
    code = CHECK.format(argv=argv, heavy=NOT_FOR_THE_COMMANDS)
    run = [sys.executable, "-c", code]
    if argv == ["catalogues"]:  # the listing kept by a first run, as on a user's machine
        subprocess.run([sys.executable, "-m", "fagworkshop", *argv], env=env, check=True)
    out = subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
