"""Moving between the seven steps (trin): the app's part, as a base class of the app.

Showing a step records it in the session (``go_to_step``), shows its view (kept views
are shown again, not rebuilt) and gives the workshop screen the current step and the
progress for the step bar. A step clicked in the step bar arrives as ``StepBar.Chosen``.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.containers import Container

from fagworkshop.domain import changes
from fagworkshop.domain.progress import all_progress
from fagworkshop.domain.session import Session, Step
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.controller import Applied, SessionController
from fagworkshop.tui.screen import WorkshopScreen
from fagworkshop.tui.steps import show_step_view
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.step_bar import StepBar

#: Actions that need an open workshop on screen.
WORKSHOP_ACTIONS = {"go_to_step", "previous_step", "next_step", "toggle_panel", "undo", "redo"}


class Stepping(App[None]):
    """The open session's steps on screen (``FagworkshopApp`` is one)."""

    #: The open session's controller (version, save, lock, undo); None on the home screen.
    controller: SessionController | None = None
    #: Whether the notes panel shows (F2), and whether the user chose so.
    panel_visible = True
    panel_chosen = False
    #: go_to_step changes, which no step view shows (a kept view is not refreshed for them).
    _step_switches = 0

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
        """Show a step; ``remember`` records it in the session (go_to_step)."""
        screen = self._workshop_screen()
        if screen is None or self.session is None:
            return
        ctl = self.controller
        if remember and step != self.session.current_step and ctl is not None:
            self.flush_view()
            # only the step changes: the view being left needs no refresh (try_apply's)
            if isinstance(ctl.apply(changes.go_to_step, step), Applied):
                self._step_switches += 1
        host = screen.query_one("#step-host", Container)
        # kept views are shown again, not rebuilt; refreshed only if something else changed
        edits = ctl.version - self._step_switches if ctl is not None else None
        view = show_step_view(host, Step(step), edits)
        view.set_class(not self.panel_visible, "-panel-hidden")
        self._show_progress()

    def on_step_bar_chosen(self, message: StepBar.Chosen) -> None:
        """A step clicked in the step bar: go there."""
        self.show_step(int(message.step))

    def refresh_views(self, aspect: Aspect = Aspect.ALL) -> None:
        """After a change of ``aspect``: the step bar's state, and the current step view
        (which refreshes only what shows that aspect)."""
        self._show_progress()
        view = self.current_view()
        if view is not None:
            view.refresh_from_session(aspect)

    def _show_progress(self) -> None:
        """Give the screen the current step and every step's progress (the step bar)."""
        screen = self._workshop_screen()
        session = self.session
        if screen is not None and session is not None:
            screen.step = Step(session.current_step)
            screen.progress = all_progress(session)

    def current_view(self) -> Any:
        """The step view on screen, if any."""
        screen = self._workshop_screen()
        if screen is None:
            return None
        # steps shown before stay mounted, hidden, in the step host (tui.steps.show_step_view);
        # not screen.query: it walked every widget of every kept view, on every key
        host = next((child for child in screen.children if child.id == "step-host"), None)
        if host is None:
            return None
        return next((v for v in host.children if isinstance(v, StepView) and v.display), None)

    def flush_view(self) -> None:
        """Ask the step views to apply anything they hold back (typing in the notes)."""
        for screen in self.screen_stack:
            for view in screen.query(StepView):
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
