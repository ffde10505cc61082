"""The benchmark's scenarios: each times the application next to its floor.

Every scenario is a function ``(Config) -> list[Row]``; a scenario whose code
is missing or fails returns a row with ``error`` set instead of raising, so
one broken part never hides the others' numbers.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fagworkshop.bench import floors
from fagworkshop.bench.stats import Row, Summary, interleaved
from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session

Size = tuple[int, int, int]


@dataclass(frozen=True)
class Config:
    """Sizes and repetitions of one run; ``quick`` is the test suite's small variant."""

    quick: bool
    workdir: Path

    @property
    def start_repeat(self) -> int:
        return 1 if self.quick else 7

    @property
    def store_sizes(self) -> list[tuple[Size, int]]:
        """(staff, competences, rounds) and repetitions for load and save."""
        if self.quick:
            return [((10, 20, 1), 1), ((40, 30, 1), 1)]
        return [((60, 80, 3), 7), ((2000, 120, 2), 5)]

    @property
    def key_sizes(self) -> list[tuple[Size, int]]:
        """Grid sizes and how many keys are pressed in each."""
        if self.quick:
            return [((10, 20, 1), 4)]
        return [((60, 80, 3), 60), ((300, 120, 2), 60)]

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
        return ((40, 30, 1), 1) if self.quick else ((2000, 120, 2), 3)


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
    from fagworkshop.store import save_session

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


# --- 1. cold start ---------------------------------------------------------------


def child_env(config: Config) -> dict[str, str]:
    """The environment of a measured process: its files in the work folder, not the user's."""
    env = dict(os.environ)
    home = config.workdir / "home"
    env.update(
        FAGWORKSHOP_SESSIONS_DIR=str(config.workdir / "sessions"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


def run_child(config: Config, *args: str) -> dict[str, Any]:
    """Start ``fagworkshop.bench.child`` and return its report plus ``to_first_paint`` and
    ``total`` (seconds from just before the start to the first frame and to the exit)."""
    command = [sys.executable, "-m", "fagworkshop.bench.child", *args]
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
    if report.get("first_paint") is None:
        raise RuntimeError(f"{' '.join(args)} drew no frame")
    report["to_first_paint"] = report["first_paint"] - wall
    report["total"] = total
    return report


def cold_start(config: Config) -> list[Row]:
    """Scenario 1: a new process from ``fagworkshop demo`` to its first complete screen."""

    def run() -> list[Row]:
        # One unmeasured run each, so both find their bytecode cached.
        run_child(config, "floor")
        run_child(config, "demo")
        paint: dict[str, list[float]] = {"floor": [], "demo": []}
        total: dict[str, list[float]] = {"floor": [], "demo": []}
        for _ in range(config.start_repeat):
            for mode in ("floor", "demo"):
                report = run_child(config, mode)
                paint[mode].append(report["to_first_paint"])
                total[mode].append(report["total"])
        return [
            Row(
                scenario="1 cold start",
                case="fagworkshop demo, to first screen",
                value=Summary.of(paint["demo"]),
                floor=Summary.of(paint["floor"]),
                floor_name="one-label Textual app",
                max_ratio=1.5,
                target="<= 1.5x floor",
                extra={
                    "to_exit": Summary.of(total["demo"]).__dict__,
                    "floor_to_exit": Summary.of(total["floor"]).__dict__,
                },
            )
        ]

    return guarded("1 cold start", "fagworkshop demo", run)


# --- 2. load and save ------------------------------------------------------------


def load_and_save(config: Config) -> list[Row]:
    """Scenario 2: the store's load (parse, migrate, validate) and atomic save."""
    rows: list[Row] = []
    for size, repeat in config.store_sizes:
        rows += guarded("2 load/save", label(size), _load_and_save, config, size, repeat)
    return rows


def _load_and_save(config: Config, size: Size, repeat: int) -> list[Row]:
    from fagworkshop.store import load_session, save_session

    path = session_file(config, size)
    session = session_of(size)
    plain = floors.load_plain(path)
    out = config.workdir / "out"
    out.mkdir(exist_ok=True)
    app_path, floor_path = out / f"app-{label(size)}.toml", out / f"floor-{label(size)}.toml"
    loaded = load_session(path)
    if loaded.model_dump() != session.model_dump():
        raise AssertionError("the session read back differs from the one saved")
    samples = interleaved(
        {
            "load": lambda: load_session(path),
            "load floor": lambda: floors.load_plain(path),
            "save": lambda: save_session(session, app_path),
            "save floor": lambda: floors.save_plain(plain, floor_path),
        },
        repeat,
    )
    big = size[0] >= 2000
    megabytes = round(path.stat().st_size / 1e6, 2)
    return [
        Row(
            scenario="2 load/save",
            case=f"load {label(size)}",
            value=Summary.of(samples["load"]),
            floor=Summary.of(samples["load floor"]),
            floor_name="tomllib.loads",
            max_ratio=2.0,
            limit_median=2.0 if big else None,
            target="<= 2x floor" + (", < 2 s" if big else ""),
            extra={"file_mb": megabytes},
        ),
        Row(
            scenario="2 load/save",
            case=f"save {label(size)}",
            value=Summary.of(samples["save"]),
            floor=Summary.of(samples["save floor"]),
            floor_name="tomli_w.dumps + write",
            max_ratio=2.0,
            target="<= 2x floor",
            extra={"file_mb": megabytes},
        ),
    ]


# --- 4. analysis and the gaps step ----------------------------------------------


def analysis(config: Config) -> list[Row]:
    """Scenario 4b: ``analyse`` of the latest round, next to one pass over its ratings."""
    rows: list[Row] = []
    for size, repeat in config.analysis_sizes:
        rows += guarded("4 analysis", label(size), _analysis, config, size, repeat)
    return rows


def _analysis(config: Config, size: Size, repeat: int) -> list[Row]:
    from fagworkshop.domain.analysis import analyse

    session = session_of(size)
    plain = session.model_dump(mode="python")
    analyse(session)
    samples = interleaved(
        {"app": lambda: analyse(session), "floor": lambda: floors.sum_ratings(plain)}, repeat
    )
    limit = 1.0 if size[0] >= 2000 else 0.2
    return [
        Row(
            scenario="4 analysis",
            case=f"analyse {label(size)}",
            value=Summary.of(samples["app"]),
            floor=Summary.of(samples["floor"]),
            floor_name="sum ratings per competence",
            limit_median=limit,
            target=f"< {limit:g} s",
        )
    ]


# --- 5. memory -------------------------------------------------------------------


def memory(config: Config) -> list[Row]:
    """Scenario 5: peak resident memory of a process with the large session open."""
    size, repeat = config.memory_size
    return guarded("5 memory", label(size), _memory, config, size, repeat)


def _memory(config: Config, size: Size, repeat: int) -> list[Row]:
    path = session_file(config, size)
    app: list[float] = []
    floor: list[float] = []
    for _ in range(repeat):
        floor.append(run_child(config, "memory-floor", str(path))["maxrss_kb"] / 1024)
        app.append(run_child(config, "memory-app", str(path))["maxrss_kb"] / 1024)
    return [
        Row(
            scenario="5 memory",
            case=f"peak RSS, {label(size)} open",
            unit="MB",
            value=Summary.of(app),
            floor=Summary.of(floor),
            floor_name="plain dicts + one-label app",
            limit_median=300.0,
            target="< 300 MB",
        )
    ]


def open_app_for_memory(path: Path) -> None:
    """In a child process: load the session with the store and open it in the app."""
    from fagworkshop.store import load_session

    load_session(path)
    gc.collect()
    from fagworkshop.tui.app import FagworkshopApp  # noqa: F401 - fails until the app lands

    raise NotImplementedError("the app's constructor is not wired into the benchmark yet")


#: Every scenario in the order of the table.
SCENARIOS: list[Callable[[Config], list[Row]]] = [cold_start, load_and_save, analysis, memory]


def run_all(
    config: Config, only: set[str] | None = None, progress: Callable[[str], None] | None = None
) -> list[Row]:
    """Every scenario (or those whose name is in ``only``), in order."""
    rows: list[Row] = []
    for scenario in SCENARIOS:
        if only and scenario.__name__ not in only:
            continue
        if progress:
            progress(scenario.__name__)
        gc.collect()
        rows += scenario(config)
    return rows


def temporary_workdir() -> tempfile.TemporaryDirectory[str]:
    """A work folder for one run's files (deleted afterwards: they are generated)."""
    return tempfile.TemporaryDirectory(prefix="fagworkshop-bench-")
