"""The benchmark's scenarios: each times the application next to its floor.

Every scenario is a function ``(Config) -> list[Row]``; a scenario whose code
is missing or fails returns a row with ``error`` set instead of raising, so
one broken part never hides the others' numbers.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop_tools import with_tools_path
from fagworkshop_tools.bench import floors
from fagworkshop_tools.bench.stats import Row, Summary, interleaved

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
    env = with_tools_path(os.environ)
    home = config.workdir / "home"
    env.update(
        FAGWORKSHOP_SESSIONS_DIR=str(config.workdir / "sessions"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
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
        app.append(run_child(config, "memory-app", str(path), paint=False)["maxrss_kb"] / 1024)
    return [
        Row(
            scenario="5 memory",
            case=f"peak RSS, {label(size)} open",
            unit="MB",
            value=Summary.of(app),
            floor=Summary.of(floor),
            floor_name="plain dicts + one-label app",
            limit_median=200.0,
            target="< 200 MB",
        )
    ]


def open_app_for_memory(path: Path) -> None:
    """In a child process: load the session with the store, open it in the app and show
    the rating grid (step 4) and the gaps (step 5), the two views that hold the most."""
    from fagworkshop.store import load_session
    from fagworkshop.tui.app import FagworkshopApp

    session = load_session(path)

    async def run() -> None:
        app = FagworkshopApp(sessions_dir=path.parent, path=path, session=session)
        async with app.run_test(size=TERMINAL) as pilot:
            await _until(pilot, lambda: app.current_view() is not None)
            for step in (4, 5):
                app.action_go_to_step(step)

                def ready(step: int = step) -> bool:
                    return _step_ready(app, step)

                await _until(pilot, ready)
                await pilot.pause(0.3)
            await app.workers.wait_for_complete()

    asyncio.run(run())


# --- 3. rating keypress ----------------------------------------------------------

#: Terminal size of the in-process scenarios (a laptop at a projector).
TERMINAL = (160, 45)


async def _until(pilot: Any, check: Callable[[], bool], timeout: float = 60.0) -> None:
    """Pause the Pilot until ``check()`` holds (set-up only, never inside a measurement)."""
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await pilot.pause(0.01)


def _step_ready(app: Any, step: int) -> bool:
    """Whether step 4's rating grid or step 5's heat map is on screen with its rows."""
    from fagworkshop.tui.widgets.heat_map import HeatMap
    from fagworkshop.tui.widgets.rating_grid import RatingGrid

    view = app.current_view()
    if view is None or int(view.step) != step or not view.is_mounted:
        return False
    kind = RatingGrid if step == 4 else HeatMap
    grids = list(view.query(kind))
    return bool(grids) and grids[0].is_mounted and grids[0].row_count > 0


def keypress(config: Config) -> list[Row]:
    """Scenario 3: a digit in step 4's rating grid, from the key to the frame drawn."""
    rows: list[Row] = []
    for size, keys in config.key_sizes:
        rows += guarded("3 keypress", label(size), _keypress, config, size, keys)
    return rows


def _keypress(config: Config, size: Size, keys: int) -> list[Row]:
    floor = asyncio.run(_key_floor(keys))
    app, extra = asyncio.run(_key_app(config, size, keys))
    return [
        Row(
            scenario="3 keypress",
            case=f"rate a cell {label(size)}",
            value=Summary.of(app),
            floor=Summary.of(floor),
            floor_name="key updates one label",
            limit_median=0.05,
            limit_p95=0.1,
            target="median < 50 ms, p95 < 100 ms",
            extra=extra,
        )
    ]


def _pauses(keys: int) -> list[float]:
    """Gaps between keys as a person types, 0.1 to 0.6 s: the 0.3 s debounced save
    starts between some keys and runs while the next ones are typed."""
    rng = random.Random(7)
    return [rng.uniform(0.1, 0.6) for _ in range(keys)]


async def _key_floor(keys: int) -> list[float]:
    from textual import events

    from fagworkshop_tools.bench.framewatch import FrameWatch

    app = floors.KeyLabelApp()
    samples: list[float] = []
    async with app.run_test(size=TERMINAL) as pilot:
        watch = FrameWatch(app)
        await pilot.pause()
        driver = app._driver
        assert driver is not None
        for i in range(keys):
            digit = str(i % 5)
            app.pressed = None

            def pressed(digit: str = digit) -> bool:
                return app.pressed == digit

            future = watch.expect(pressed)
            start = time.perf_counter()
            driver.send_message(events.Key(digit, digit))
            samples.append(await watch.wait(future) - start)
            await asyncio.sleep(0.05)
    return samples


async def _key_app(config: Config, size: Size, keys: int) -> tuple[list[float], dict[str, Any]]:
    from textual import events

    from fagworkshop.store import load_session, save_session
    from fagworkshop.tui.app import FagworkshopApp
    from fagworkshop.tui.widgets.rating_grid import RatingGrid
    from fagworkshop_tools.bench.framewatch import FrameWatch

    session = generate_session(*size, seed=2)  # its own copy: the keys change it
    path = config.workdir / "keys" / f"keys-{label(size)}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    save_session(session, path)
    app = FagworkshopApp(sessions_dir=path.parent, path=path, session=session)
    samples: list[float] = []
    saves: list[float] = []
    async with app.run_test(size=TERMINAL) as pilot:
        write = app._write

        def timed_write(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return write(*args, **kwargs)
            finally:
                saves.append(time.perf_counter() - start)

        app._write = timed_write  # type: ignore[method-assign]
        await _until(pilot, lambda: app.current_view() is not None)
        app.action_go_to_step(4)
        await _until(pilot, lambda: _step_ready(app, 4))
        grid = app.current_view().query_one(RatingGrid)
        grid.focus()
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        saves.clear()
        watch = FrameWatch(app)
        driver = app._driver
        assert driver is not None
        gc.collect()
        for pause in _pauses(keys):
            _to_relevant_cell(grid)
            pid, cid = grid.current_person, grid.current_competence
            rnd = session.round()
            current = rnd.ratings.get(pid, {}).get(cid) if rnd else None
            digit = str(((current or 0) + 1) % 5)
            version = app._version

            def applied(version: int = version) -> bool:
                return app._version > version

            future = watch.expect(applied)
            start = time.perf_counter()
            driver.send_message(events.Key(digit, digit))
            samples.append(await watch.wait(future) - start)
            await asyncio.sleep(pause)
        last_key = time.perf_counter()
        await _until(pilot, lambda: not app.dirty, timeout=30)
        saved_after = time.perf_counter() - last_key
        await app.workers.wait_for_complete()
        on_disk = load_session(path)  # schema 2 writes rating lines: read them back
        if on_disk.rounds[-1].ratings != session.rounds[-1].ratings:
            raise AssertionError("the last ratings typed are not in the file")
    return samples, {
        "saves_while_typing": len(saves),
        "save_s": Summary.of(saves).__dict__ if saves else None,
        "last_change_on_disk_after_s": saved_after,
    }


def _to_relevant_cell(grid: Any) -> None:
    """Put the cursor on a cell that matters for its person (others cannot be rated)."""
    rows, columns = grid.row_count, grid.column_count
    row, column = grid.cursor_row, grid.cursor_column
    for _ in range(rows * columns):
        if grid.competence_ids[column] in grid.relevant.get(grid.person_ids[row], ()):
            break
        column += 1
        if column >= columns:
            column, row = 0, (row + 1) % rows
    if (row, column) != (grid.cursor_row, grid.cursor_column):
        grid.move_to(row, column)


# --- 4a. the gaps step -----------------------------------------------------------


def gaps(config: Config) -> list[Row]:
    """Scenario 4a: showing step 5 (analysis and heat map), from the switch to the frame."""
    size, repeat = config.gaps_size
    return guarded("4 gaps step", label(size), _gaps, config, size, repeat)


def _gaps(config: Config, size: Size, repeat: int) -> list[Row]:
    app = asyncio.run(_gaps_app(config, size, repeat))
    floor = asyncio.run(_gaps_floor(repeat))
    return [
        Row(
            scenario="4 gaps step",
            case=f"analyse + show step 5 {label(size)}",
            value=Summary.of(app),
            floor=Summary.of(floor),
            floor_name="mount one label",
            limit_median=0.2,
            target="< 0.2 s",
        )
    ]


async def _gaps_app(config: Config, size: Size, repeat: int) -> list[float]:
    from fagworkshop.store import save_session
    from fagworkshop.tui.app import FagworkshopApp
    from fagworkshop_tools.bench.framewatch import FrameWatch

    session = generate_session(*size, seed=3)
    path = config.workdir / "gaps" / f"gaps-{label(size)}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    save_session(session, path)
    app = FagworkshopApp(sessions_dir=path.parent, path=path, session=session)
    samples: list[float] = []
    async with app.run_test(size=TERMINAL) as pilot:
        await _until(pilot, lambda: app.current_view() is not None)
        watch = FrameWatch(app)
        for _ in range(repeat):
            app.action_go_to_step(2)  # step 1 can crash when left fast (FrameStep race)
            await _until(pilot, lambda: _is_step(app, 2))
            # let the save that leaving step 5 scheduled finish first: only the save
            # that showing step 5 schedules (0.3 s later) may overlap the measurement
            await _until(pilot, lambda: not app.dirty)
            await app.workers.wait_for_complete()
            gc.collect()
            future = watch.expect(lambda: _step_ready(app, 5))
            start = time.perf_counter()
            app.action_go_to_step(5)
            samples.append(await watch.wait(future, timeout=60) - start)
        await pilot.pause(0.4)
        await app.workers.wait_for_complete()
    return samples


def _is_step(app: Any, step: int) -> bool:
    view = app.current_view()
    return view is not None and int(view.step) == step and view.is_mounted


async def _gaps_floor(repeat: int) -> list[float]:
    from textual.widgets import Label

    from fagworkshop_tools.bench.framewatch import FrameWatch

    app = floors.OneLabelApp()
    samples: list[float] = []
    async with app.run_test(size=TERMINAL) as pilot:
        await pilot.pause()
        watch = FrameWatch(app)
        for _ in range(repeat):
            label_ = Label("Kompetencehuller")

            def mounted(label_: Label = label_) -> bool:
                return label_.is_mounted

            future = watch.expect(mounted)
            start = time.perf_counter()
            app.screen.mount(label_)
            samples.append(await watch.wait(future) - start)
            await label_.remove()
            await pilot.pause(0.05)
    return samples


#: Every scenario in the order of the table.
SCENARIOS: list[Callable[[Config], list[Row]]] = [
    cold_start,
    load_and_save,
    keypress,
    gaps,
    analysis,
    memory,
]


def run_all(
    config: Config,
    only: set[str] | None = None,
    progress: Callable[[str], None] | None = None,
    scenarios: list[Callable[[Config], list[Row]]] | None = None,
) -> list[Row]:
    """Every scenario (or those whose name is in ``only``), in order."""
    rows: list[Row] = []
    for scenario in SCENARIOS if scenarios is None else scenarios:
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
