"""Ctrl+q while a question is up, and ctrl+q the moment a workshop opens (issue 9 follow-up).

Ctrl+q on a question that is not itself the quit question answers it as Esc would and
goes on quitting, which asks again if edits would be lost: never a silent exit, never a
silent loss. Ctrl+q pressed before the steps have finished drawing quits cleanly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import ComposeResult

from fagworkshop.generate import generate_session
from fagworkshop.i18n import t
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.frame.view import FrameStep
from fagworkshop.tui.widgets.choice import ChoiceModal
from support.harness import outside_change

SIZE = (120, 36)


def saved(tmp_path: Path) -> Path:
    path = tmp_path / "w.toml"
    save_session(generate_session(staff=3, competences=6, rounds=1, seed=2), path)
    return path


def question_text(app: FagworkshopApp) -> str:
    screen = app.screen
    return screen.question if isinstance(screen, ChoiceModal) else ""


async def test_ctrl_q_on_the_outside_change_question_goes_on_to_the_quit_question(
    tmp_path: Path,
) -> None:
    """Was: ctrl+q did nothing while the outside-change question was up."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await outside_change(app, path)
        assert question_text(app) == t("conflict.question", path=str(path))
        await pilot.press("ctrl+q")
        await pilot.pause()
        # the edits cannot be saved over the outside change: quitting asks, it never exits
        assert question_text(app) == t("quit.question_conflict")
        assert app.return_code is None and app.controller is not None
        await pilot.press("ctrl+q")  # on the quit question itself ctrl+q changes nothing
        await pilot.pause()
        assert question_text(app) == t("quit.question_conflict")
        await pilot.press("g")  # save mine as another file, then quit
        await pilot.pause()
    assert app.return_code == 0
    assert [d.text for d in load_session(path).step(1).decisions] == ["deres"]
    mine = load_session(tmp_path / "w (kopi).toml")
    assert [d.text for d in mine.step(1).decisions] == ["mit", "mere"]


async def test_a_key_that_reaches_a_question_already_answered_does_nothing(
    tmp_path: Path,
) -> None:
    """A key typed just before ctrl+q may reach the question after ctrl+q answered it;
    it must not answer it again (a second dismiss popped the screen under it)."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        conflict = await outside_change(app, path)
        await pilot.press("ctrl+q")
        await pilot.pause()
        stack = list(app.screen_stack)
        assert question_text(app) == t("quit.question_conflict")
        conflict.post_message(events.Key("k", "k"))  # the late "save mine as a copy"
        await pilot.pause()
        assert list(app.screen_stack) == stack
        assert not (tmp_path / "w (kopi).toml").exists()
        await pilot.press("b")  # stay
        await pilot.pause()
        assert app.return_code is None and app.controller is not None


async def test_two_quick_answers_close_only_the_question(tmp_path: Path) -> None:
    """Was: a second key queued for the question popped the workshop screen as well."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        conflict = await outside_change(app, path)
        under = list(app.screen_stack)[:-1]
        conflict.post_message(events.Key("v", "v"))  # later
        conflict.post_message(events.Key("v", "v"))
        await pilot.pause()
        await pilot.pause()
        assert list(app.screen_stack) == under


async def test_ctrl_q_before_the_steps_are_drawn_quits_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: ctrl+q the moment a workshop opened (the copy of a backup, from the home
    screen) closed the session before step 1 had mounted; its on_mount then read the
    closed session and the program ended with exit code 1 (AssertionError)."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path)
    quit_pressed: list[bool] = []
    compose = FrameStep.compose

    def compose_then_quit(view: FrameStep) -> ComposeResult:
        # ctrl+q lands while step 1 is being drawn: composed, not yet mounted
        if not quit_pressed:
            quit_pressed.append(True)
            app.call_next(app.run_action, "quit")
        yield from compose(view)

    monkeypatch.setattr(FrameStep, "compose", compose_then_quit)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.open_or_ask(path)  # as the home screen does
        await pilot.pause()
        await pilot.pause()
    assert quit_pressed
    assert app.return_code == 0
    assert app.controller is None  # closed: the lock given back
