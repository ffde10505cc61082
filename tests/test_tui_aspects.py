"""Change messages (issue 10 item 3): a change says which aspect of the session it
changed, views refresh only what they show, the bars show reactive state, and the app
handles the step bar's Chosen."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest

from fagworkshop.domain import adapt, changes
from fagworkshop.domain.session import Session, Step
from fagworkshop.generate import generate_session
from fagworkshop.tui.aspects import BY_NAME, Aspect, aspect_of
from fagworkshop.tui.controller import Applied
from fagworkshop.tui.save_store import SaveState
from fagworkshop.tui.screen import WorkshopScreen
from fagworkshop.tui.steps.basic.body import BasicEditor
from fagworkshop.tui.widgets.step_bar import StepBar
from support.harness import after_refresh, at_step, open_saved


def small() -> Session:
    return generate_session(staff=3, competences=6, rounds=1, seed=2)


#: Functions of the change modules that are not changes the app applies.
NOT_CHANGES = {
    "backup_purge_pending",
    "backup_purged",
    "check_level",
    "erasure_places",
    "new_session",
    "touch",
}


def change_functions() -> list[Any]:
    found = []
    for module in (changes, adapt):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if (
                name.startswith("_")
                or name in NOT_CHANGES
                or not fn.__module__.startswith("fagworkshop.domain.")
            ):
                continue
            params = list(inspect.signature(fn).parameters.values())
            if params and params[0].name == "session":
                found.append(fn)
    return found


@pytest.mark.parametrize("fn", change_functions(), ids=lambda fn: fn.__name__)
def test_every_change_has_an_aspect_of_its_own(fn: Any) -> None:
    # ALL only where it is meant (named in the table), never by falling through
    if aspect_of(fn) is Aspect.ALL:
        assert BY_NAME.get(fn.__name__) is Aspect.ALL, fn.__name__


def test_aspects_of_changes_by_module_and_name() -> None:
    assert aspect_of(changes.set_frame_text) is Aspect.FRAME
    assert aspect_of(adapt.decide_basic) is Aspect.BASICS
    assert aspect_of(adapt.toggle_profile_element) is Aspect.BLOCKS
    assert aspect_of(changes.update_person) is Aspect.STAFF
    assert aspect_of(changes.set_rating) is Aspect.RATINGS
    assert aspect_of(changes.add_action) is Aspect.PLAN
    assert aspect_of(changes.set_step_notes) is Aspect.NOTES
    assert aspect_of(changes.go_to_step) is Aspect.STEP
    assert aspect_of(changes.erase_person) is Aspect.ALL
    assert Aspect.ALL.touches(Aspect.FRAME) and not Aspect.NOTES.touches(Aspect.FRAME)


async def test_the_outcome_says_what_changed(tmp_path: Path) -> None:
    app, _ = open_saved(tmp_path, small())
    async with app.run_test(size=(120, 40)):
        outcome = app.try_apply(changes.set_frame_text, "unit", "Ydelse")
        assert isinstance(outcome, Applied) and outcome.aspect is Aspect.FRAME
        await app.flush_saves()


async def test_a_note_does_not_refresh_the_body_of_step_2(tmp_path: Path) -> None:
    app, _ = open_saved(tmp_path, small())
    async with app.run_test(size=(120, 40)):
        await at_step(app, 2)
        editor = app.screen.query_one(BasicEditor)
        calls: list[Aspect] = []
        refresh = editor.refresh_from_session

        def counted(aspect: Aspect = Aspect.ALL) -> None:
            calls.append(aspect)
            refresh(aspect)

        editor.refresh_from_session = counted  # type: ignore[method-assign]
        app.apply(changes.set_step_notes, 2, "Noter")
        assert calls == []  # before: every change rebuilt the list and its details
        first = app.session.basics[0].id if app.session else ""
        app.apply(adapt.set_basic_note, first, "Vigtig")
        assert calls == [Aspect.BASICS]
        await app.flush_saves()


async def test_the_bars_show_the_screens_reactive_state(tmp_path: Path) -> None:
    app, _ = open_saved(tmp_path, small())
    async with app.run_test(size=(120, 40)):
        await at_step(app, 3)
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        bar = screen.query_one(StepBar)
        assert screen.step is Step.BLOCKS and bar.current is Step.BLOCKS
        app.apply(changes.set_frame_text, "unit", "Ydelse")
        assert screen.save.state is SaveState.PENDING
        await app.flush_saves()
        assert screen.save.state is SaveState.SAVED
        assert "Gemt" in str(screen.query_one("#save-status").render())


async def test_the_app_goes_to_the_step_chosen_in_the_step_bar(tmp_path: Path) -> None:
    app, _ = open_saved(tmp_path, small())
    async with app.run_test(size=(120, 40)):
        bar = app.screen.query_one(StepBar)
        bar.post_message(StepBar.Chosen(Step.PLAN))  # before: posted, and handled by nobody
        await after_refresh(bar)
        assert app.session is not None and app.session.current_step == 6
        await app.flush_saves()


async def test_the_step_bar_speaks_the_new_language_at_once(tmp_path: Path) -> None:
    from fagworkshop import i18n

    app, _ = open_saved(tmp_path, small())
    try:
        async with app.run_test(size=(160, 40)):
            await at_step(app, 2)
            bar = app.screen.query_one(StepBar)
            app.action_toggle_language()  # the bar's state (step, progress) stays the same
            await after_refresh(bar)
            drawn = bar.render_line(0).text  # what the screen holds, not a fresh render()
            assert i18n.t("step.2") in drawn and i18n.language() == "en", drawn
            await app.flush_saves()
    finally:
        i18n.set_language("da")
