"""``fagworkshop open FILE``: the app opens what the command line read, with the stamp of
those bytes, so a change made to the file in between is never saved over (issue 13: the
command line reads the file before Textual loads, which takes a moment)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fagworkshop import cli
from fagworkshop.domain import changes
from fagworkshop.generate import generate_session
from fagworkshop.store import read_ahead
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui import app as tui_app
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.widgets.choice import ChoiceModal


@pytest.fixture(autouse=True, params=["read here", "read ahead"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test twice: the file read by this process, and by a second one while this
    one imports (``store.read_ahead``, used for large files; here for any size)."""
    if request.param == "read here":
        yield
        _collector_running()
        return
    answers: list[object] = []
    parsed = read_ahead.ReadAhead.parsed

    def spy(self: read_ahead.ReadAhead) -> read_ahead.Parsed | None:
        answers.append(parsed(self))
        return answers[-1]  # type: ignore[return-value]

    monkeypatch.setattr(read_ahead, "READ_AHEAD_FROM", 0)
    monkeypatch.setattr(read_ahead.ReadAhead, "parsed", spy)
    yield
    assert [type(a).__name__ for a in answers] == ["Parsed"]
    _collector_running()


def _collector_running() -> None:
    """Paused while the program started (``tui.memory``), running once the step was drawn."""
    assert gc.isenabled()
    gc.unfreeze()  # what the first step drawn kept: this test process goes on


def _saved(tmp_path: Path) -> Path:
    path = tmp_path / "w.toml"
    session = generate_session(staff=3, competences=4, rounds=1, seed=2)
    session.frame.unit = "Team Før"
    save_session(session, path)
    return path


def _run_in_pilot(seen: dict[str, Any], change_file: Path | None) -> Callable[..., int]:
    """A stand-in for ``tui.app.run_app`` that drives the real app in the Pilot with what
    the command line gave it; the file is changed on disk first, as another program
    could while Textual loads."""

    def run_app(**kwargs: Any) -> int:
        if change_file is not None:
            text = change_file.read_text(encoding="utf-8")
            change_file.write_text(text.replace("Team Før", "Team Udenfor"), encoding="utf-8")

        async def drive() -> None:
            app = FagworkshopApp(**kwargs)
            async with app.run_test(size=(120, 40), notifications=True) as pilot:
                await pilot.pause()
                app.apply(changes.add_decision, 1, "mit")
                await app.flush_saves()
                await pilot.pause()
                ctl = app.controller
                seen["conflict"] = ctl is not None and ctl.conflict is not None
                seen["asked"] = isinstance(app.screen, ChoiceModal)
                seen["messages"] = [n.message for n in app._notifications]
                await app.workers.wait_for_complete()
                if ctl is not None:
                    ctl.close()
                    app.controller = None

        asyncio.run(drive())
        return 0

    return run_app


def test_a_file_changed_after_the_command_line_read_it_is_not_saved_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved(tmp_path)
    seen: dict[str, Any] = {}
    monkeypatch.setattr(tui_app, "run_app", _run_in_pilot(seen, path))
    assert cli.main(["open", str(path), "--sessions-dir", str(tmp_path)]) == 0
    on_disk = load_session(path)
    assert on_disk.frame.unit == "Team Udenfor"  # the other program's change is kept
    assert [d.text for d in on_disk.step(1).decisions] == []
    assert seen["conflict"] and seen["asked"]


def test_a_file_edited_by_hand_is_announced_when_opened_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Team Før", "Team Rettet"), encoding="utf-8")
    seen: dict[str, Any] = {}
    monkeypatch.setattr(tui_app, "run_app", _run_in_pilot(seen, None))
    assert cli.main(["open", str(path), "--sessions-dir", str(tmp_path)]) == 0
    assert any("ændret uden for fagworkshop" in m for m in seen["messages"])
    assert not seen["conflict"]
    assert [d.text for d in load_session(path).step(1).decisions] == ["mit"]
