"""The base of every step view (trin): title, purpose, discussion questions, the step's
own body, and the notes panel with notes, decisions and timebox."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList, Static, TextArea

from fagworkshop import i18n
from fagworkshop.domain.session import Session, Step
from fagworkshop.i18n import t
from fagworkshop.tui import memory
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.host import Outcome, host, session_of
from fagworkshop.tui.removal import unless_removed
from fagworkshop.tui.widgets.notes_panel import WARNING_SECONDS, NotesPanel, clock


@runtime_checkable
class StepBody(Protocol):
    """A step's own body widget: what it shows, and showing it again after a change."""

    #: The aspects it shows: it is refreshed only after a change of one of them.
    SHOWS: ClassVar[tuple[Aspect, ...]]

    @property
    def is_mounted(self) -> bool: ...

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None: ...


def questions_text(step: Step) -> str:
    """The discussion questions of a step as a bulleted block."""
    lines = [q for q in t(f"step.{int(step)}.questions").split("\n") if q.strip()]
    return "\n".join(f"• {q}" for q in lines)


class StepView(Widget):
    """One workshop step on screen. Subclasses set ``step`` and override
    ``compose_body()`` and ``refresh_from_session()`` (calling super)."""

    step: Step = Step.FRAME  # a class default; a view made for another step sets its own

    def __init__(self, step: Step | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if step is not None:
            self.step = Step(step)
        #: The language the view's texts were built in (a kept view is rebuilt after a switch).
        self.built_in = i18n.language()
        #: The aspects changed while the view was hidden (refreshed when it is shown).
        self.missed: set[Aspect] = set()

    #: The session's edit count up to which the view shows every change, or has noted it
    #: in ``missed`` (``tui.steps.show_step_view``); None: not known.
    known_edits: int | None = None
    #: Whether the view has been on screen: False for one built hidden in idle time
    #: (``tui.prebuild``) until its step is first shown.
    was_shown = True

    def hidden(self) -> None:
        """The team moved to another step: the view stays mounted, hidden, and notes what
        it misses from now on (``miss``)."""
        self.display = False

    def miss(self, aspect: Aspect, edits: int | None) -> None:
        """A change of ``aspect`` was made while the view was hidden (shown on return);
        ``edits``: the edit count after it. A change it was not told of (the count
        jumped) makes it refresh everything."""
        known = self.known_edits
        gap = edits is None or known is None or edits - known > 1
        self.missed.add(Aspect.ALL if gap else aspect)
        self.known_edits = edits

    def shown_at(self, edits: int | None) -> None:
        """The view shows the session as it is at edit count ``edits``."""
        self.known_edits = edits
        self.missed = set()

    def shows(self, aspect: Aspect) -> bool:
        """Whether the view must refresh after a change of ``aspect``: the notes panel
        shows the notes, the body what its ``SHOWS`` names. Views that show more say so."""
        if aspect.touches(Aspect.NOTES):
            return True
        body = self.body
        return isinstance(body, StepBody) and aspect.touches(*body.SHOWS)

    def shown_again(self, edits: int | None) -> None:
        """The view is shown again after another step (it was kept, hidden, meanwhile),
        or for the first time when it was built hidden in idle time.

        It shows the session as it is at ``edits``, the session's edit count now: it
        refreshes only what it shows of what changed meanwhile (``missed``), all of it
        when a change was not told to it (an undo that moved to another step), nothing
        when nothing changed. The keyboard goes to its main list or grid, as when it was
        first shown (a view built hidden gets what a view composed on the visit gets).
        """
        first = not self.was_shown
        self.was_shown = True
        self.display = True
        if edits is None or self.known_edits != edits:
            self.missed.add(Aspect.ALL)
        shown = [a for a in self.missed if self.shows(a)]
        if shown:
            self.refresh_from_session(shown[0] if len(shown) == 1 else Aspect.ALL)
        self.shown_at(edits)
        self._fit()
        self._show_running_timebox()
        panel = self._panel()
        if panel is not None:
            panel.tick()
        if first:
            self._focus_first()
            return
        widget = self.main_widget()
        if widget is not None:
            widget.focus()

    # --- what subclasses use ----------------------------------------------------

    @property
    def session(self) -> Session:
        """The open session (the app holds it; never keep a copy)."""
        return session_of(self)

    def apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Change the session through the app (see ``FagworkshopApp.apply``)."""
        return host(self).apply(change_fn, *args, **kwargs)

    def try_apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Outcome:
        """Change the session; ``Applied(value)`` or ``Refused(reason)`` (the app says why)."""
        return host(self).try_apply(change_fn, *args, **kwargs)

    #: The step's own body: one widget class with ``refresh_from_session()``. A view sets
    #: this, or overrides ``compose_body()`` for anything else.
    body_class: ClassVar[type[Widget] | None] = None
    body: Widget | None = None
    #: The notes panel, composed with the view (kept, not queried: a query walked the whole
    #: view, hundreds of widgets in steps 5 and 6, on every switch).
    panel: NotesPanel | None = None

    def _panel(self) -> NotesPanel | None:
        """The notes panel once it is in the view (what a query of the view would find)."""
        panel = self.panel
        return panel if panel is not None and panel.parent is not None else None

    def compose_body(self) -> Iterable[Widget]:
        """The step's own widgets: an instance of ``body_class`` unless overridden."""
        if self.body_class is not None:
            self.body = self.body_class()
            yield self.body

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        """Show the session as it is now after a change of ``aspect``: the notes panel shows
        the notes, the body what its ``SHOWS`` names (``StepBody``)."""
        if aspect.touches(Aspect.NOTES):
            panel = self._panel()
            if panel is not None:
                panel.refresh_from_session()
        body = self.body
        if isinstance(body, StepBody) and body.is_mounted and aspect.touches(*body.SHOWS):
            body.refresh_from_session(aspect)

    def main_widget(self) -> Widget | None:
        """The step's main list or grid: where Esc from a text field takes the keyboard.

        The first list or grid of the body (where digits and letters are commands);
        a step with none (the summary) gets its scrolling page. Subclasses may override.
        """

        bodies = self.query("#step-body")
        if not bodies:
            return None
        fallback: Widget | None = None
        for widget in bodies.first().query("*"):
            if not widget.focusable:
                continue
            if isinstance(widget, (Input, TextArea, Select, SelectionList, Button)):
                continue
            if any(isinstance(a, Select) for a in widget.ancestors):
                continue  # a drop-down's own list
            if isinstance(widget, ScrollView):
                return widget
            if isinstance(widget, ScrollableContainer) and fallback is None:
                fallback = widget
        return fallback

    def flush_pending(self) -> None:
        """Apply anything held back (notes being typed); called before leaving or quitting."""
        panel = self._panel()
        if panel is not None:
            panel.flush()

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Fitted before the children exist: set on mount, a class restyled the whole
        # view again (at 80x24 about a fifth of the first frame's styling; issue 13).
        self._fit()
        self.set_class(not host(self).panel_visible, "-panel-hidden")
        number = int(self.step)
        with Horizontal(id="step-layout"):
            with Vertical(id="step-main"):
                with Horizontal(classes="step-title-row"):
                    yield Static(
                        Content(t("tui.step_title", number=number, name=t(f"step.{number}"))),
                        classes="step-title",
                    )
                    yield Static("", id="running-timebox", markup=False)
                yield Static(Content(t(f"step.{number}.purpose")), classes="step-purpose")
                yield Static(Content(questions_text(self.step)), classes="step-questions")
                with Vertical(id="step-body"):
                    yield from self.compose_body()
            self.panel = NotesPanel(self.step, id="step-panel")
            yield self.panel

    #: What takes the keyboard once the view is first drawn (a selector in the body), if
    #: anything: the grid or list where digits and letters are the step's commands.
    first_focus: ClassVar[str | None] = None

    @unless_removed
    def on_mount(self) -> None:
        # Textual calls this itself after a subclass's own on_mount (it runs every class's
        # handler along the MRO): a subclass must not call super().on_mount() too.
        self._fit()
        self._show_running_timebox()
        self.set_interval(1.0, self._show_running_timebox)
        if self.first_focus is not None:
            self.call_after_refresh(self._focus_first)
        self.call_after_refresh(self._note_drawn)

    #: Whether the view has been drawn once with its body (the idle-time builder waits
    #: for the step on screen to be drawn before it builds the others).
    drawn = False

    def _note_drawn(self) -> None:
        body = self.body
        if body is None or body.is_mounted:
            self.drawn = True
            memory.resume(keep=True)  # paused for the first screen by `fagworkshop open`
        elif self.is_attached:
            self.call_after_refresh(self._note_drawn)  # a large body composes later

    def _focus_first(self) -> None:
        if self.first_focus is None or not self.display:
            return  # built hidden (tui.prebuild): focused when first shown
        found = self.query(self.first_focus)
        if found:
            found.first().focus()
        elif self.is_attached:
            # a large session composes the body after the first refresh: try again
            self.call_after_refresh(self._focus_first)

    def _show_running_timebox(self) -> None:
        """A running timebox counts down on every step, not only in its own step's panel."""

        if not self.display:
            return  # a kept or prebuilt view, hidden: counted again when shown
        try:  # query_one stops at the first match (a query walked the whole view each second)
            shown = self.query_one("#running-timebox", Static)
        except NoMatches:
            return
        ends = host(self).timebox_ends
        parts = []
        least: float | None = None
        for step, end in sorted(ends.items()):
            remaining = end - time.monotonic()
            key = "panel.remaining" if remaining > 0 else "panel.over"
            name = t(f"step.{step}.short")
            parts.append(
                t("timebox.running", step=step, name=name, time=t(key, time=clock(abs(remaining))))
            )
            least = remaining if least is None else min(least, remaining)
        text = " · ".join(parts)
        if text != str(shown.content) or shown.display != bool(parts):
            # only when it changed: an update lays the screen out again, every second
            shown.update(text)
            shown.display = bool(parts)
        shown.set_class(least is not None and 0 < least <= WARNING_SECONDS, "-warning")
        shown.set_class(least is not None and least <= 0, "-over")

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # On small screens the questions give way to the step's own work (F1 shows them).
        self.set_class(self.app.size.height < 34, "-compact")
