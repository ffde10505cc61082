"""The collector (``tui.memory``, issue 13): while ``fagworkshop open`` starts, paused until
the first step is drawn; during a step switch, held from the key to the frame that draws
the new step. Started again afterwards whatever happens, never left off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from fagworkshop import cli
from fagworkshop.generate import generate_session
from fagworkshop.store import read_ahead
from fagworkshop.store.writing import save_session
from fagworkshop.tui import memory
from fagworkshop.tui.app import FagworkshopApp
from support.harness import after_refresh, at_step


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    was = gc.isenabled()
    yield
    memory.resume()
    memory.release()
    gc.unfreeze()
    if was:
        gc.enable()


def test_pause_and_resume() -> None:
    memory.pause_until_drawn()
    assert not gc.isenabled()
    memory.resume()
    assert gc.isenabled()
    memory.resume()  # twice: nothing more
    assert gc.isenabled()


def test_resume_never_starts_a_collector_someone_else_stopped() -> None:
    gc.disable()
    memory.pause_until_drawn()  # already off: not ours to start again
    memory.resume(keep=True)
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_first_step_drawn_keeps_what_exists() -> None:
    memory.pause_until_drawn()
    memory.resume(keep=True)
    assert gc.isenabled() and gc.get_freeze_count() > 0
    memory.release()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("size", ["small", "read ahead"])
def test_a_file_refused_by_open_leaves_the_collector_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: str
) -> None:
    """A refusal must not end the command with the collector paused (it did, in this
    change's first draft: a test process would have run on without it)."""
    if size == "read ahead":
        monkeypatch.setattr(read_ahead, "READ_AHEAD_FROM", 0)
    path = tmp_path / "s.toml"
    save_session(generate_session(staff=4, competences=5, rounds=1, seed=1), path)
    path.write_text(path.read_text(encoding="utf-8").replace("title = ", "title == "))
    assert cli.main(["open", str(path), "--sessions-dir", str(tmp_path)]) == 1
    assert gc.isenabled()


def test_holds_nest_and_the_collector_runs_again_after_the_last() -> None:
    first = memory.hold()
    second = memory.hold()
    assert not gc.isenabled()
    first()
    first()  # a second call does nothing (it must not let go of the other hold)
    assert not gc.isenabled()
    second()
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off() -> None:
    gc.disable()
    let_go = memory.hold()
    let_go()
    assert not gc.isenabled()


def test_closing_the_session_lets_go_of_every_hold() -> None:
    memory.hold()
    memory.release()
    assert gc.isenabled()


def test_a_hold_from_before_the_session_closed_leaves_a_newer_one_alone() -> None:
    """Was: a step switch's hold let go of after the session closed (its timer fires up
    to a second later, say on the home screen) counted down the newer hold of the next
    workshop and started the collector before that step was drawn."""
    old = memory.hold()
    memory.release()  # the session closed: every hold let go of
    new = memory.hold()
    old()
    assert not gc.isenabled()  # the newer hold still holds
    new()
    assert gc.isenabled()


async def test_a_step_switch_holds_the_collector_until_the_step_is_drawn() -> None:
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)):
        await at_step(app, 2)
        await at_step(app, 3)  # both views kept from here on
        await after_refresh(app.screen)
        assert gc.isenabled()
        app.show_step(2)
        assert not gc.isenabled()  # the key's work and the frame come first
        view = app.current_view()
        for _ in range(5):
            await after_refresh(app.screen)
        assert view is not None and view.region.area  # drawn
        assert gc.isenabled()
        await app.workers.wait_for_complete()


async def test_an_app_that_ends_during_a_step_switch_leaves_the_collector_running() -> None:
    """The switch's hold waits for a frame that never comes when the app ends first (a
    quit right after a step key; every Pilot test that ends after one): the app's end lets
    go of it, so the process goes on with the collector as the app found it."""
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)):
        await at_step(app, 2)
        await after_refresh(app.screen)
        app.show_step(3)
        assert not gc.isenabled()
        app.exit()
    assert gc.isenabled()
