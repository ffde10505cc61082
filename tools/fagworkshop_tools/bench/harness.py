"""What the scenarios share: the run's :class:`Config`, the sizes and their sessions,
the guard that turns a failure into a row, and the child processes that are measured.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop_tools import with_tools_path
from fagworkshop_tools.bench.stats import Row

Size = tuple[int, int, int]


@dataclass(frozen=True)
class Config:
    """Sizes and repetitions of one run; ``quick`` is the test suite's small variant."""

    quick: bool
    workdir: Path

    @property
    def start_repeat(self) -> int:
        return 1 if self.quick else 5

    @property
    def store_sizes(self) -> list[tuple[Size, int]]:
        """(staff, competences, rounds) and repetitions for load and save."""
        if self.quick:
            return [((10, 20, 1), 1), ((40, 30, 1), 1)]
        return [((60, 80, 3), 7), ((2000, 120, 2), 3)]

    @property
    def key_sizes(self) -> list[tuple[Size, int]]:
        """Grid sizes and how many keys are pressed in each."""
        if self.quick:
            return [((10, 20, 1), 4)]
        return [((60, 80, 3), 40), ((300, 120, 2), 40)]

    @property
    def gaps_size(self) -> tuple[Size, int]:
        return ((20, 20, 1), 1) if self.quick else ((300, 120, 2), 5)

    @property
    def analysis_sizes(self) -> list[tuple[Size, int]]:
        if self.quick:
            return [((20, 20, 1), 1)]
        return [((300, 120, 2), 7), ((2000, 120, 2), 5)]

    @property
    def memory_size(self) -> tuple[Size, int]:
        return ((40, 30, 1), 1) if self.quick else ((2000, 120, 2), 2)


def label(size: Size) -> str:
    """``60x80x3``: staff x competences x rounds."""
    return "x".join(str(n) for n in size)


_sessions: dict[Size, Session] = {}


def session_of(size: Size) -> Session:
    """A generated session of this size (made once per run, seed 1)."""
    if size not in _sessions:
        _sessions[size] = generate_session(*size, seed=1)
    return _sessions[size]


def session_file(config: Config, size: Size) -> Path:
    """A saved copy of the generated session, written by the store."""
    from fagworkshop.store.writing import save_session

    path = config.workdir / "files" / f"gen-{label(size)}.toml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        save_session(session_of(size), path)
    return path


def guarded(scenario: str, case: str, fn: Callable[..., list[Row]], *args: Any) -> list[Row]:
    """Run ``fn(*args)``; a failure becomes a row that says what went wrong."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - reported in the table, never hidden
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        if os.environ.get("FAGWORKSHOP_BENCH_TRACEBACK"):
            traceback.print_exc()
        return [Row(scenario=scenario, case=case, error=detail[:300])]


def each_size(
    scenario: str,
    runs: Iterable[tuple[Size, Any]],
    fn: Callable[[Config, Size, Any], list[Row]],
    config: Config,
) -> list[Row]:
    """``fn(config, size, n)`` for every ``(size, n)`` of ``runs`` (``n`` repetitions or
    keys), each :func:`guarded` on its own, so one size that fails leaves the others."""
    rows: list[Row] = []
    for size, n in runs:
        rows += guarded(scenario, label(size), fn, config, size, n)
    return rows


def child_env(config: Config) -> dict[str, str]:
    """The environment of a measured process: its files in the work folder, not the user's."""
    env = with_tools_path(os.environ)
    home = config.workdir / "home"
    env.update(
        FAGWORKSHOP_SESSIONS_DIR=str(config.workdir / "sessions"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        # Bytecode is cached as in an installed program (pip compiles what it installs).
        # With PYTHONDONTWRITEBYTECODE from the caller's shell, an editable checkout's
        # modules were compiled again in every measured start (about 0.1 s of the cold
        # start) while the floor's Textual had its bytecode: the two were not alike.
        # The cache lives in the work folder, so the source tree gets no __pycache__.
        PYTHONPYCACHEPREFIX=str(config.workdir / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(config: Config, *args: str, paint: bool = True) -> dict[str, Any]:
    """Start ``fagworkshop_tools.bench.child`` and return its report plus ``to_first_paint`` and
    ``total`` (seconds from just before the start to the first frame and to the exit)."""
    command = [sys.executable, "-m", "fagworkshop_tools.bench.child", *args]
    wall = time.time()
    start = time.perf_counter()
    proc = subprocess.run(
        command, capture_output=True, text=True, env=child_env(config), timeout=180
    )
    total = time.perf_counter() - start
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}: {' | '.join(tail)}")
    report: dict[str, Any] = json.loads(lines[-1])
    if not paint:
        return report
    if report.get("first_paint") is None:
        raise RuntimeError(f"{' '.join(args)} drew no frame")
    report["to_first_paint"] = report["first_paint"] - wall
    report["total"] = total
    return report


def temporary_workdir() -> tempfile.TemporaryDirectory[str]:
    """A work folder for one run's files (deleted afterwards: they are generated)."""
    return tempfile.TemporaryDirectory(prefix="fagworkshop-bench-")
