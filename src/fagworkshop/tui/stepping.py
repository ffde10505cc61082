"""Moving between the seven steps (trin): the app's part, as a base class of the app.

Showing a step records it in the session (``go_to_step``), shows its view (kept views
are shown again, not rebuilt) and gives the workshop screen the current step and the
progress for the step bar. A step clicked in the step bar arrives as ``StepBar.Chosen``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App
from textual.widget import Widget

from fagworkshop.domain import changes
from fagworkshop.domain.progress import Progress, all_progress, step_progress
from fagworkshop.domain.session import Session, Step
from fagworkshop.tui import memory
from fagworkshop.tui.aspects import PROGRESS_OF, Aspect
from fagworkshop.tui.controller import Applied, SessionController
from fagworkshop.tui.screen import WorkshopScreen
from fagworkshop.tui.steps import kept_views, show_step_view
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.step_bar import StepBar

#: Seconds the collector waits for a step's frame at most (``memory.hold``).
HOLD_AT_MOST = 1.0

#: Actions that need an open workshop on screen.
WORKSHOP_ACTIONS = {"go_to_step", "previous_step", "next_step", "toggle_panel", "undo", "redo"}


def _step_host(screen: WorkshopScreen) -> Widget | None:
    """The container of the step views: a child of the screen (not screen.query, which
    walked every widget of every kept view, on every key); None before it is composed."""
    return next((child for child in screen.children if child.id == "step-host"), None)


def _layout_now(leaving: list[StepView], shown: StepView) -> None:
    """Hand the screen the layout requests of the views shown and hidden now, not in
    their own idle turn.

    Textual posts a widget's layout request to the screen when that widget next goes
    idle, so the focus leaving the old step's list (a restyle, posted at once) was drawn
    first, in a frame of its own with the old step still on screen (25 to 35 ms at 300
    staff), and the new step a frame later (issue 13). ``Widget._check_refresh`` is
    what Textual runs at that idle turn (Textual 8.2 has no public way to flush a
    widget's pending refresh); here it runs now, once, for the two views."""
    for view in {*leaving, shown}:
        view._check_refresh()


def _after_drawn(screen: WorkshopScreen, view: StepView | None, then: Callable[[], None]) -> None:
    """Call ``then`` once ``view`` has been laid out and drawn (a refresh that did not lay
    it out yet, such as one that only restyled the focus, is not enough), after a few
    refreshes or :data:`HOLD_AT_MOST` seconds at most."""
    refreshes = 0

    def check() -> None:
        nonlocal refreshes
        refreshes += 1
        if view is None or not view.is_attached or view.region.area or refreshes >= 4:
            then()
        elif not screen.call_after_refresh(check):
            then()

    if screen.call_after_refresh(check):
        # should no frame come (the screen covered or closing)
        asyncio.get_running_loop().call_later(HOLD_AT_MOST, then)
    else:
        then()


class Stepping(App[None]):
    """The open session's steps on screen (``FagworkshopApp`` is one)."""

    #: The open session's controller (version, save, lock, undo); None on the home screen.
    controller: SessionController | None = None
    #: Whether the notes panel shows (F2), and whether the user chose so.
    panel_visible = True
    panel_chosen = False
    #: go_to_step changes, which no step view shows (a kept view is not refreshed for them).
    _step_switches = 0
    #: Whether the views of the other steps are built in idle time (``tui.prebuild``):
    #: the program does (``run_app``); tests that want it say so.
    prebuild_views = False
    #: When the last key or mouse event came (``time.monotonic``); the builder waits for quiet.
    last_input = 0.0
    #: The step bar's progress and the edit count it was worked out at.
    _progress_at: tuple[int, dict[Step, Progress]] | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseEvent, events.Paste)):
            self.last_input = time.monotonic()
        await super().on_event(event)

    def edit_count(self) -> int | None:
        """Changes to the session other than step switches (None without a session)."""
        ctl = self.controller
        return ctl.version - self._step_switches if ctl is not None else None

    @property
    def session(self) -> Session | None:
        """The open session (the controller's), or None."""
        return self.controller.session if self.controller is not None else None

    @property
    def current_step(self) -> Step:
        """The step the team is on."""
        return Step(self.session.current_step if self.session else 1)

    def _workshop_screen(self) -> WorkshopScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WorkshopScreen):
                return screen
        return None

    def show_step(self, step: int, remember: bool = True) -> None:
        """Show a step; ``remember`` records it in the session (go_to_step).

        The garbage collector waits from here to the frame that draws the step
        (``memory.hold``): its pauses came before the step was drawn."""
        screen = self._workshop_screen()
        session = self.session
        if screen is None or session is None:
            return
        let_go = memory.hold()
        view: StepView | None = None
        try:
            view = self._show_step(screen, session, step, remember)
        finally:
            _after_drawn(screen, view, let_go)

    def _show_step(
        self, screen: WorkshopScreen, session: Session, step: int, remember: bool
    ) -> StepView | None:
        ctl = self.controller
        if remember and step != session.current_step and ctl is not None:
            leaving = self.current_view()  # only it can hold typing back (notes)
            if leaving is not None:
                leaving.flush_pending()
            # only the step changes: the view being left needs no refresh (try_apply's)
            if isinstance(ctl.apply(changes.go_to_step, step), Applied):
                self._step_switches += 1
        host = _step_host(screen)
        if host is None:
            return None
        leaving = [v for v in kept_views(host) if v.display]
        # kept views are shown again, not rebuilt; refreshed only if something else changed
        view = show_step_view(host, Step(step), self.edit_count())
        view.set_class(not self.panel_visible, "-panel-hidden")
        self._show_progress()
        _layout_now(leaving, view)
        return view

    def on_step_bar_chosen(self, message: StepBar.Chosen) -> None:
        """A step clicked in the step bar: go there."""
        self.show_step(int(message.step))

    def refresh_views(self, aspect: Aspect = Aspect.ALL) -> None:
        """After a change of ``aspect``: the step bar's state, and the current step view
        (which refreshes only what shows that aspect)."""
        self._show_progress(aspect)
        screen = self._workshop_screen()
        if screen is None:
            return
        edits = self.edit_count()
        host = _step_host(screen)
        for view in kept_views(host) if host is not None else []:
            if view.display:
                view.refresh_from_session(aspect)
                view.shown_at(edits)
            else:
                view.miss(aspect, edits)  # shown when the team comes back to it

    def _show_progress(self, aspect: Aspect = Aspect.ALL) -> None:
        """Give the screen the current step and every step's progress (the step bar).

        Only the steps whose progress a change of ``aspect`` may alter are counted
        again (``aspects.PROGRESS_OF``); a step switch counts none."""
        screen = self._workshop_screen()
        session = self.session
        if screen is None or session is None:
            return
        screen.step = Step(session.current_step)
        edits = self.edit_count()
        known = self._progress_at
        if known is not None and known[1] is screen.progress and edits is not None:
            if known[0] == edits:
                return  # nothing but the step changed since the bar was counted
            if edits == known[0] + 1:
                steps = PROGRESS_OF[aspect]
            else:
                steps = tuple(Step)  # changes it was not told of (an undo)
            progress = {**known[1], **{step: step_progress(session, step) for step in steps}}
        else:
            progress = all_progress(session)
        screen.progress = progress
        self._progress_at = (edits, progress) if edits is not None else None

    def current_view(self) -> Any:
        """The step view on screen, if any."""
        screen = self._workshop_screen()
        if screen is None:
            return None
        # steps shown before stay mounted, hidden, in the step host (tui.steps.show_step_view)
        host = _step_host(screen)
        if host is None:
            return None
        return next((view for view in kept_views(host) if view.display), None)

    def flush_view(self) -> None:
        """Ask the step views to apply anything they hold back (typing in the notes)."""
        for screen in self.screen_stack:
            host = _step_host(screen) if isinstance(screen, WorkshopScreen) else None
            for view in kept_views(host) if host is not None else []:
                view.flush_pending()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in WORKSHOP_ACTIONS:
            return self.session is not None and isinstance(self.screen, WorkshopScreen)
        return True

    def action_go_to_step(self, step: int) -> None:
        self.show_step(int(step))

    def action_previous_step(self) -> None:
        if self.session is not None and self.session.current_step > 1:
            self.show_step(self.session.current_step - 1)

    def action_next_step(self) -> None:
        if self.session is not None and self.session.current_step < 7:
            self.show_step(self.session.current_step + 1)

    def action_toggle_panel(self) -> None:
        """Show or hide the notes, decisions and timebox panel."""
        self.panel_visible = not self.panel_visible
        self.panel_chosen = True
        view = self.current_view()
        if view is not None:
            view.set_class(not self.panel_visible, "-panel-hidden")
