"""The collector while ``fagworkshop open`` starts (``tui.memory``, issue 13): paused until
the first step is drawn, then started again whatever happens, never left off."""

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


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    was = gc.isenabled()
    yield
    memory.resume()
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
