"""A step view built in idle time may still be mounting when it is removed (a language
switch) or when the program ends (ctrl+q): that must not end the program with a
traceback (seen as exit code 1 and a flaky language test). A missing child of a widget
that stays is still an error."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Static

from fagworkshop.domain.session import Step
from fagworkshop.generate import generate_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.removal import being_removed, unless_removed
from fagworkshop.tui.steps import build_hidden_view, kept_views
from fagworkshop.tui.steps.base import StepView

SIZE = (160, 48)


def _app() -> FagworkshopApp:
    session = generate_session(staff=8, competences=10, rounds=1, seed=3)
    session.current_step = 1
    return FagworkshopApp(session=session)


def _host(app: FagworkshopApp) -> Widget:
    view = app.screen.query(StepView).first()
    assert view.parent is not None
    return view.parent  # type: ignore[return-value]  # a StepView's parent is a Widget


@pytest.mark.parametrize("step", list(Step))
async def test_the_program_may_end_while_a_view_is_being_built(step: Step) -> None:
    """Was: step 7's view read its status line after Textual had taken it away: NoMatches."""
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        build_hidden_view(_host(app), step, app.edit_count())
        app.exit()
    assert app.return_code in (0, None)


@pytest.mark.parametrize("step", list(Step))
async def test_a_view_may_be_removed_while_it_is_being_built(step: Step) -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        host = _host(app)
        build_hidden_view(host, step, app.edit_count())
        await asyncio.sleep(0)
        for view in kept_views(host):
            if view.step == step and not view.display:
                view.remove()
        await pilot.pause()
        assert [v.step for v in kept_views(host)].count(step) <= 1


@pytest.mark.parametrize("step", [Step.FRAME, Step.PLAN, Step.SUMMARY])
async def test_a_view_with_selects_may_be_removed_at_any_point_of_its_build(step: Step) -> None:
    """Was: a language switch soon after `fagworkshop open` removed step 6's view while
    Textual's Select in it was still mounting; its mount handler queried its overlay,
    gone already: NoMatches, and the program ended with exit code 1 (steps 1, 6 and 7
    hold selects). Removed after each number of ticks, the view never ends the program."""
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        host = _host(app)
        for ticks in range(16):
            build_hidden_view(host, step, app.edit_count())
            for _ in range(ticks):
                await asyncio.sleep(0)
            for view in kept_views(host):
                if view.step == step and not view.display:
                    view.remove()
            await pilot.pause()
    assert app.return_code in (0, None)


class _Missing(Widget):
    """Mounts fine, then looks for a child it never had."""

    def compose(self) -> ComposeResult:
        yield Static("here", id="here")

    @unless_removed
    def on_mount(self) -> None:
        self.query_one("#not-here", Static)


async def test_a_missing_child_of_a_widget_that_stays_is_still_an_error() -> None:
    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield _Missing()

    app = Host()
    with pytest.raises(NoMatches):
        async with app.run_test() as pilot:
            await pilot.pause()


async def test_a_widget_on_screen_is_not_being_removed_and_a_removed_one_is() -> None:
    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("a", id="a")

    app = Host()
    async with app.run_test() as pilot:
        widget = app.query_one("#a", Static)
        assert not being_removed(widget)
        widget.display = False  # hidden by its style is not going away
        assert not being_removed(widget)
        removal = widget.remove()
        assert being_removed(widget)
        await removal
        await pilot.pause()
        assert being_removed(widget)
