"""Step views built in idle time (issue 13): a step's first visit shows a view built
hidden after the first screen, the same as one composed on the visit; changes made
while a view is hidden show when it comes back, and only what it shows is refreshed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from fagworkshop.domain import adapt, changes
from fagworkshop.domain.session import Session, Step
from fagworkshop.generate import generate_session
from fagworkshop.tui import prebuild
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.screen import WorkshopScreen
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.gaps.body import GapsBody
from fagworkshop.tui.steps.gaps.heat_map import HeatMap
from support.harness import after_refresh, at_step

SIZE = (160, 48)


@pytest.fixture(autouse=True)
def _quick_builder(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No waiting for a quiet room in tests; the collector as it was afterwards."""
    monkeypatch.setattr(prebuild, "QUIET", 0.0)
    monkeypatch.setattr(prebuild, "FIRST_DELAY", 0.0)
    yield
    gc.unfreeze()


def _session(step: int = 1) -> Session:
    session = generate_session(staff=8, competences=10, rounds=1, seed=3)
    session.current_step = step
    return session


async def _all_built(app: FagworkshopApp) -> None:
    screen = app.screen
    assert isinstance(screen, WorkshopScreen) and screen.builder is not None
    await screen.builder.finished.wait()
    await after_refresh(screen)


def _views(app: FagworkshopApp) -> dict[int, StepView]:
    return {int(v.step): v for v in app.screen.query(StepView)}


def _texts(view: StepView) -> list[str]:
    """What a view shows in words: every text widget, every field, the heat map's axes."""
    from textual.widgets import Label, OptionList, Static

    shown: list[str] = []
    for widget in view.query("*"):
        if isinstance(widget, (Static, Label)):
            shown.append(str(widget.render()))
        elif isinstance(widget, Input):
            shown.append(widget.value)
        elif isinstance(widget, TextArea):
            shown.append(widget.text)
        elif isinstance(widget, OptionList):
            shown += [str(o.prompt) for o in widget.options]
        elif isinstance(widget, HeatMap):
            shown += widget.labels + widget.codes
    return shown


async def test_every_step_gets_a_hidden_view_after_the_first_screen() -> None:
    app = FagworkshopApp(session=_session(4), prebuild_views=True)
    async with app.run_test(size=SIZE):
        await _all_built(app)
        views = _views(app)
        assert sorted(views) == [1, 2, 3, 4, 5, 6, 7]
        assert [n for n, v in views.items() if v.display] == [4]
        # the keyboard stays in the step on screen: no hidden view took it
        assert app.focused is None or views[4] in app.focused.ancestors_with_self
        assert app.current_view() is views[4]


@pytest.mark.parametrize("step", [1, 2, 3, 5, 6, 7])
async def test_a_view_built_hidden_shows_what_a_view_composed_on_the_visit_shows(
    step: int,
) -> None:
    composed_app = FagworkshopApp(session=_session(4))
    async with composed_app.run_test(size=SIZE):
        composed = await at_step(composed_app, step)
        expected = _texts(composed)
        expected_focus = composed_app.focused
        expected_focus_id = expected_focus.id if expected_focus is not None else None

    app = FagworkshopApp(session=_session(4), prebuild_views=True)
    async with app.run_test(size=SIZE):
        await _all_built(app)
        hidden = _views(app)[step]
        view = await at_step(app, step)
        assert view is hidden  # shown, not composed again
        assert _texts(view) == expected
        focused = app.focused
        assert (focused.id if focused is not None else None) == expected_focus_id


async def test_a_change_made_while_a_view_is_hidden_shows_when_it_returns() -> None:
    app = FagworkshopApp(session=_session(4), prebuild_views=True)
    async with app.run_test(size=SIZE):
        await _all_built(app)
        session = app.session
        assert session is not None
        person = session.staff[0]
        # made on step 4 while steps 1 and 5 wait hidden, never shown yet
        app.apply(changes.update_person, person.id, name="Zeynep Ørsted")
        app.apply(changes.set_step_notes, Step.GAPS, "Tal med teamleder")
        app.apply(changes.set_frame_text, "jobcenter", "Jobcenter Syd")
        gaps = await at_step(app, 5)
        assert "Zeynep Ørsted" in gaps.query_one(HeatMap).labels
        assert gaps.query_one("#step-notes", TextArea).text == "Tal med teamleder"
        frame = await at_step(app, 1)
        assert frame.query_one("#frame-jobcenter", Input).value == "Jobcenter Syd"


class _Counted:
    """Counts the refreshes of a body (``refresh_from_session``) by aspect."""

    def __init__(self, body: Any) -> None:
        self.calls: list[Aspect] = []
        original = body.refresh_from_session

        def counted(aspect: Aspect = Aspect.ALL) -> None:
            self.calls.append(aspect)
            original(aspect)

        body.refresh_from_session = counted


async def test_a_kept_view_refreshes_only_for_what_it_shows() -> None:
    app = FagworkshopApp(session=_session(4), prebuild_views=True)
    async with app.run_test(size=SIZE):
        await _all_built(app)
        gaps_view = _views(app)[5]
        assert isinstance(gaps_view.body, GapsBody)
        counted = _Counted(gaps_view.body)
        # a change the gaps step does not show: its body is not worked out again
        app.apply(changes.set_frame_text, "jobcenter", "Jobcenter Vest")
        await at_step(app, 5)
        assert counted.calls == []
        await at_step(app, 4)
        await at_step(app, 5)  # a step switch alone changes nothing it shows
        assert counted.calls == []
        session = app.session
        assert session is not None
        await at_step(app, 4)
        app.apply(changes.update_person, session.staff[1].id, name="Ida Holm")
        await at_step(app, 5)
        assert counted.calls == [Aspect.STAFF]
        assert "Ida Holm" in gaps_view.query_one(HeatMap).labels


@pytest.mark.parametrize("built_hidden", [False, True])
async def test_an_undo_that_moves_the_step_refreshes_the_hidden_views_fully(
    built_hidden: bool,
) -> None:
    """An undo elsewhere is not told to hidden views: they refresh everything on return.

    Was (kept views, before the views were built in idle time too): the gaps view on
    screen when an undo moved the team to step 4 was hidden as if it showed the undo,
    and showed the undone name when the team came back to it."""
    app = FagworkshopApp(session=_session(4), prebuild_views=built_hidden)
    async with app.run_test(size=SIZE):
        if built_hidden:
            await _all_built(app)
        session = app.session
        assert session is not None
        person = session.staff[0]
        original = person.name
        app.apply(changes.update_person, person.id, name="Bo Winther")
        await at_step(app, 5)
        app.apply(changes.set_step_notes, Step.GAPS, "noter")  # told to the hidden views
        await at_step(app, 1)
        app.action_undo()  # the notes, on step 5: the app goes there
        await after_refresh(app.screen)
        app.action_undo()  # the name, on step 4
        await after_refresh(app.screen)
        gaps = await at_step(app, 5)
        assert original in gaps.query_one(HeatMap).labels
        assert "Bo Winther" not in gaps.query_one(HeatMap).labels


async def test_the_views_are_built_again_in_the_new_language() -> None:
    app = FagworkshopApp(session=_session(2), prebuild_views=True, lang="da")
    async with app.run_test(size=SIZE) as pilot:
        await _all_built(app)
        app.action_toggle_language()
        await pilot.pause()
        await _all_built(app)
        views = list(app.screen.query(StepView))
        assert sorted(int(v.step) for v in views) == [1, 2, 3, 4, 5, 6, 7]
        assert {v.built_in for v in views} == {"en"}
        app.action_toggle_language()
        await pilot.pause()
        await _all_built(app)  # not still composing a view while the app ends


def test_every_aspect_names_the_steps_whose_progress_it_may_change() -> None:
    from fagworkshop.tui.aspects import PROGRESS_OF

    assert set(PROGRESS_OF) == set(Aspect)
    assert PROGRESS_OF[Aspect.ALL] == tuple(Step)


async def test_the_step_bar_counted_by_aspect_is_the_bar_counted_afresh() -> None:
    from fagworkshop.domain.progress import all_progress

    app = FagworkshopApp(session=_session(4))
    async with app.run_test(size=SIZE):
        session = app.session
        assert session is not None and isinstance(app.screen, WorkshopScreen)
        person, basic = session.staff[0], session.basics[0]
        made: list[tuple[Any, ...]] = [
            (changes.set_frame_text, "jobcenter", "Jobcenter Øst"),
            (changes.set_rating, person.id, basic.id, 4),
            (adapt.decide_basic, basic.id, False),  # one fewer rating matters for all
            (changes.set_step_notes, Step.STAFF, "noter"),
        ]
        for change, *args in made:
            app.apply(change, *args)
            assert app.screen.progress == all_progress(session), change
        app.action_undo()
        await at_step(app, 2)
        assert app.screen.progress == all_progress(session)
