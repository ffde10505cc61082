"""Scenarios that drive the app headless: a rating keypress until its frame is drawn,
and the switch to the gaps step, each beside a Textual floor doing the same; the app
opened for the memory scenario.
"""

from __future__ import annotations

import asyncio
import gc
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fagworkshop.generate import generate_session
from fagworkshop_tools.bench import floors
from fagworkshop_tools.bench.harness import Config, Size, each_size, guarded, label
from fagworkshop_tools.bench.stats import Row, Summary


def open_app_for_memory(path: Path) -> None:
    """In a child process: load the session with the store, open it in the app and show
    the rating grid (step 4) and the gaps (step 5), the two views that hold the most."""
    from fagworkshop.store.reading import load_session
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
    from fagworkshop.tui.steps.gaps.heat_map import HeatMap
    from fagworkshop.tui.steps.staff.rating_grid import RatingGrid

    view = app.current_view()
    if view is None or int(view.step) != step or not view.is_mounted:
        return False
    kind = RatingGrid if step == 4 else HeatMap
    grids = list(view.query(kind))
    return bool(grids) and grids[0].is_mounted and grids[0].row_count > 0


def keypress(config: Config) -> list[Row]:
    """Scenario 3: a digit in step 4's rating grid, from the key to the frame drawn."""
    return each_size("3 keypress", config.key_sizes, _keypress, config)


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

    from fagworkshop.store.reading import load_session
    from fagworkshop.store.writing import save_session
    from fagworkshop.tui.app import FagworkshopApp
    from fagworkshop.tui.steps.staff.rating_grid import RatingGrid
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
    from fagworkshop.store.writing import save_session
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
