"""The side panel of every step: notes (noter), decisions (aftaler) and the timebox (tidsramme).

Everything is stored in ``session.step(n)`` through ``app.apply``; notes are
applied shortly after typing stops and on ``flush()``, so no word is lost.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from fagworkshop.domain import changes
from fagworkshop.domain.session import Step
from fagworkshop.i18n import t
from fagworkshop.tui.host import Applied, host
from fagworkshop.tui.removal import unless_removed
from fagworkshop.tui.widgets.held_text import HeldText
from fagworkshop.tui.widgets.today_input import TodayInput

#: Seconds after the last keystroke before notes are applied.
NOTES_DELAY = 0.5
#: The countdown turns to a warning this many seconds before the end.
WARNING_SECONDS = 120


def clock(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss``) of a number of seconds, never negative."""
    whole = int(abs(seconds) + 0.999) if seconds > 0 else int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class DecisionList(OptionList):
    """The decisions of a step; Delete removes the highlighted one, ``d`` (or Enter)
    edits its date."""

    BINDINGS = [
        Binding("delete", "remove_decision", t("key.remove_decision"), id="key.remove_decision"),
        Binding("backspace", "remove_decision", show=False),
        Binding("d", "edit_date", t("key.decision_date"), id="key.decision_date"),
    ]

    def action_remove_decision(self) -> None:
        panel = next(a for a in self.ancestors if isinstance(a, NotesPanel))
        if self.highlighted is not None:
            panel.remove_decision(self.highlighted)

    def action_edit_date(self) -> None:
        panel = next(a for a in self.ancestors if isinstance(a, NotesPanel))
        if self.highlighted is not None:
            panel.edit_decision_date(self.highlighted)


class NotesPanel(VerticalScroll):
    """Notes, decisions and timebox of one step."""

    def __init__(self, step: Step, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.step = Step(step)
        self._held_notes = HeldText(self, NOTES_DELAY, self._apply_notes)
        #: The decision whose date the date field edits (None: it dates a new one).
        self.editing_date: int | None = None
        #: The lines the decision list shows now (None: not filled yet).
        self._shown_decisions: tuple[str, ...] | None = None
        #: The text of the list's "no decisions" line when it was filled (the language).
        self._empty_text = ""

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        state = self._state()
        yield Label(t("panel.notes"), classes="panel-heading")
        yield TextArea(state.notes if state else "", id="step-notes", soft_wrap=True)
        yield Label(t("panel.decisions"), classes="panel-heading")
        yield Input(placeholder=t("panel.decision_placeholder"), id="decision-input")
        # the date a decision was made: today unless the room says otherwise
        yield TodayInput(placeholder=t("panel.decision_date"), id="decision-date")
        yield DecisionList(id="decision-list")
        yield Label(t("panel.timebox"), classes="panel-heading")
        with Horizontal(id="timebox-row"):
            minutes = state.timebox_minutes if state else None
            yield Input(
                str(minutes) if minutes else "",
                placeholder=t("panel.minutes_placeholder"),
                type="integer",
                id="timebox-minutes",
            )
            yield Button(t("panel.start"), id="timebox-start")
        yield Static("", id="timebox-clock", markup=False)

    @unless_removed
    def on_mount(self) -> None:
        self._fill_decisions()
        self._tick()
        self.set_interval(1.0, self._tick_shown)

    # --- reading the session ---------------------------------------------------

    def _session(self) -> Any:
        return host(self).session

    def _state(self) -> Any:
        session = self._session()
        if session is None:
            return None
        return session.steps.get(self.step.key)

    def refresh_from_session(self) -> None:
        """Show the session's notes, decisions and timebox (never over a field being typed in)."""
        state = self._state()
        notes = self.query_one("#step-notes", TextArea)
        if not notes.has_focus and not self._held_notes.dirty:
            wanted = state.notes if state else ""
            if notes.text != wanted:
                notes.load_text(wanted)
        minutes_input = self.query_one("#timebox-minutes", Input)
        if not minutes_input.has_focus:
            minutes = state.timebox_minutes if state else None
            text = str(minutes) if minutes else ""
            if minutes_input.value != text:
                minutes_input.value = text
        self._fill_decisions()
        self._tick()

    def _decision_texts(self) -> tuple[str, ...]:
        """The lines the decision list shows (none: the list says there are none)."""
        state = self._state()
        decisions = state.decisions if state else []
        lines = []
        for d in decisions:
            date = d.made_on.isoformat() if d.made_on else ""
            lines.append(f"{date}  {d.text}".strip())
        return tuple(lines)

    def _fill_decisions(self) -> None:
        # A step shown again refreshes its panel: the list is rebuilt only when its lines
        # changed (a rebuild lays the panel out again in the switch's frame; issue 13).
        wanted = self._decision_texts()
        listing = self.query_one("#decision-list", DecisionList)
        empty_text = t("panel.no_decisions")
        if wanted == self._shown_decisions and (wanted or self._empty_text == empty_text):
            return
        self._shown_decisions = wanted
        self._empty_text = empty_text
        highlighted = listing.highlighted
        listing.clear_options()
        if not wanted:
            listing.add_option(Option(Content(empty_text), disabled=True))
            return
        for line in wanted:
            listing.add_option(Option(Content(line)))
        if highlighted is not None:
            listing.highlighted = min(highlighted, len(wanted) - 1)

    # --- notes --------------------------------------------------------------------

    @on(TextArea.Changed, "#step-notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        state = self._state()
        if event.text_area.text == (state.notes if state else ""):
            return
        self._held_notes.typed()

    def flush(self) -> None:
        """Apply typed notes now (before leaving the step, on quit)."""
        self._held_notes.flush()

    def _apply_notes(self) -> None:
        text = self.query_one("#step-notes", TextArea).text
        host(self).apply(changes.set_step_notes, self.step, text)

    def on_descendant_blur(self, event: Any) -> None:
        widget = getattr(event, "widget", None)
        if widget is not None and widget.id == "step-notes":
            self.flush()
        elif widget is not None and widget.id == "decision-date" and self.editing_date is not None:
            self._stop_editing_date()  # left without Enter: the date is not changed

    # --- decisions ------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#decision-list")
    def _decision_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.edit_decision_date(event.option_index)

    def edit_decision_date(self, index: int) -> None:
        """Put the date of decision ``index`` in the date field to be changed (Enter saves)."""
        state = self._state()
        if state is None or not 0 <= index < len(state.decisions):
            return
        made_on = state.decisions[index].made_on
        self.editing_date = index
        field = self.query_one("#decision-date", Input)
        field.value = made_on.isoformat() if made_on else ""
        field.focus()
        self.app.notify(t("panel.decision_date_edit"), markup=False)

    def _stop_editing_date(self) -> None:
        self.editing_date = None
        self.query_one("#decision-date", TodayInput).reset()

    @on(Input.Submitted, "#decision-input, #decision-date")
    def _add_decision(self, event: Input.Submitted) -> None:
        event.stop()
        text_input = self.query_one("#decision-input", Input)
        date_text = self.query_one("#decision-date", Input).value.strip()
        try:
            made_on = dt.date.fromisoformat(date_text) if date_text else None
        except ValueError:
            self.app.notify(t("plan.bad_date"), severity="error", markup=False)
            return
        if self.editing_date is not None and event.input.id == "decision-date":
            index = self.editing_date
            if made_on is None:
                self.app.notify(t("plan.bad_date"), severity="error", markup=False)
                return
            outcome = host(self).try_apply(changes.set_decision_date, self.step, index, made_on)
            self._stop_editing_date()
            if isinstance(outcome, Applied):
                listing = self.query_one("#decision-list", DecisionList)
                listing.highlighted = index
                listing.focus()
            return
        if host(self).try_apply(changes.add_decision, self.step, text_input.value, made_on):
            text_input.value = ""

    def remove_decision(self, index: int) -> None:
        state = self._state()
        if state is None or not state.decisions:
            return
        host(self).apply(changes.remove_decision, self.step, index)
        self.app.notify(t("panel.decision_removed"), markup=False)

    # --- timebox ---------------------------------------------------------------------

    @on(Input.Changed, "#timebox-minutes")
    def _minutes_changed(self, event: Input.Changed) -> None:
        event.stop()
        value = event.value.strip()
        try:
            minutes = int(value) if value else None
        except ValueError:
            return
        state = self._state()
        current = state.timebox_minutes if state else None
        if (minutes or None) != current:
            host(self).apply(changes.set_timebox, self.step, minutes)

    @on(Input.Submitted, "#timebox-minutes")
    @on(Button.Pressed, "#timebox-start")
    def _timer_asked(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        self.toggle_timer()

    def toggle_timer(self) -> None:
        """Start the countdown from the timebox, or stop it."""
        ends = host(self).timebox_ends
        if int(self.step) in ends:
            del ends[int(self.step)]
        else:
            state = self._state()
            if state is None or not state.timebox_minutes:
                self.app.notify(t("panel.timebox_bad"), severity="warning", markup=False)
                return
            ends[int(self.step)] = time.monotonic() + state.timebox_minutes * 60
        self._tick()

    def tick(self) -> None:
        """Show the timebox as it is now (its step is shown again)."""
        self._tick()

    def _tick_shown(self) -> None:
        # a kept step hidden behind another shows nothing: no work every second for it
        if all(node.display for node in self.ancestors_with_self if isinstance(node, Widget)):
            self._tick()

    def _tick(self) -> None:
        ends = host(self).timebox_ends
        shown = self.query_one("#timebox-clock", Static)
        button = self.query_one("#timebox-start", Button)
        end = ends.get(int(self.step))
        if end is None:
            state = self._state()
            minutes = state.timebox_minutes if state else None
            text = t("panel.timebox_set", minutes=minutes) if minutes else t("panel.no_timebox")
            _show(shown, text)
            shown.set_classes("")
            _label(button, t("panel.start"))
            return
        _label(button, t("panel.stop"))
        remaining = end - time.monotonic()
        if remaining > 0:
            _show(shown, t("panel.remaining", time=clock(remaining)))
        else:
            _show(shown, t("panel.over", time=clock(-remaining)))
        shown.set_class(0 < remaining <= WARNING_SECONDS, "-warning")
        shown.set_class(remaining <= 0, "-over")


# The clock ticks every second in every step's panel: text set only when it changed, as
# each update lays the screen out again (and competes with the keys being typed).
def _show(widget: Static, text: str) -> None:
    if str(widget.content) != text:
        widget.update(text)


def _label(button: Button, text: str) -> None:
    if str(button.label) != text:
        button.label = text
