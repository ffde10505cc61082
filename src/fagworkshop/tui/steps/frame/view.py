"""Step 1, Ramme (frame): jobcenter, unit, date, core task, purpose, catalogue, participants."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import on
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from fagworkshop.domain import changes
from fagworkshop.domain.session import Purpose, Step
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.removal import QuietSelect, unless_removed
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.held_text import HeldText

#: Seconds after the last keystroke in the core task before it is applied.
CORE_TASK_DELAY = 0.5


class FrameStep(StepView):
    """The frame of the workshop and who is in the room."""

    step = Step.FRAME

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._held_core_task = HeldText(self, CORE_TASK_DELAY, self._apply_core_task)
        self.editing: int | None = None  # the participant being edited

    def compose_body(self) -> Iterable[Widget]:
        f = self.session.frame
        form = VerticalScroll(id="frame-form")
        form.can_focus = False  # Tab goes straight to the first field
        with form:
            with Horizontal(classes="frame-row"):
                with Vertical(classes="frame-field"):
                    yield Label(t("frame.jobcenter"))
                    yield Input(f.jobcenter, id="frame-jobcenter")
                with Vertical(classes="frame-field"):
                    yield Label(t("frame.unit"))
                    yield Input(f.unit, id="frame-unit")
            with Horizontal(classes="frame-row"):
                with Vertical(classes="frame-field"):
                    yield Label(t("frame.date"))
                    yield Input(f.date.isoformat() if f.date else "", id="frame-date")
                with Vertical(classes="frame-field"):
                    yield Label(t("frame.purpose"))
                    yield QuietSelect(
                        [(Content(t(f"purpose.{p.value}")), p.value) for p in Purpose],
                        value=f.purpose.value,
                        allow_blank=False,
                        id="frame-purpose",
                    )
            yield Label(t("frame.core_task"), classes="field-label")
            yield TextArea(f.core_task, id="frame-core-task", soft_wrap=True)
            yield Static(
                Content(
                    t("frame.catalogue", title=f.catalogue_title or "–", id=f.catalogue_id or "–")
                ),
                id="frame-catalogue",
                classes="field-label",
            )
            yield Label(t("frame.participants"), classes="field-label")
            yield OptionList(id="participant-list")
            with Horizontal(classes="frame-row"):
                yield Input(placeholder=t("frame.participant_name"), id="participant-name")
                yield Input(placeholder=t("frame.participant_role"), id="participant-role")
            with Horizontal(classes="frame-row"):
                yield Button(Content(t("frame.add")), id="participant-add", variant="primary")
                yield Button(Content(t("frame.save")), id="participant-save")
                yield Button(Content(t("frame.remove")), id="participant-remove", variant="error")

    @unless_removed
    def on_mount(self) -> None:
        self._fill_participants()

    # --- showing the session --------------------------------------------------------

    def shows(self, aspect: Aspect) -> bool:
        return aspect.touches(Aspect.FRAME) or super().shows(aspect)

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        super().refresh_from_session(aspect)
        if not aspect.touches(Aspect.FRAME):
            return
        f = self.session.frame
        self._set_input("#frame-jobcenter", f.jobcenter)
        self._set_input("#frame-unit", f.unit)
        date_input = self.query_one("#frame-date", Input)
        if not date_input.has_focus:
            date_input.value = f.date.isoformat() if f.date else ""
        core = self.query_one("#frame-core-task", TextArea)
        if not core.has_focus and not self._held_core_task.dirty and core.text != f.core_task:
            core.load_text(f.core_task)
        self._fill_participants()

    def _set_input(self, selector: str, value: str) -> None:
        widget = self.query_one(selector, Input)
        if not widget.has_focus and widget.value != value:
            widget.value = value

    #: The participants the list shows (name, role), so a keystroke in another field
    #: does not fill it again: each refill laid the whole screen out anew (issue 13).
    _participants_shown: tuple[tuple[str, str], ...] | None = None

    def _fill_participants(self) -> None:
        listing = next(iter(self.query("#participant-list").results(OptionList)), None)
        if listing is None:  # the view is already being removed: the team moved on quickly
            return
        shown = tuple((p.name, p.role) for p in self.session.frame.participants)
        if shown == self._participants_shown:
            return
        self._participants_shown = shown
        highlighted = listing.highlighted
        listing.clear_options()
        people = self.session.frame.participants
        if not people:
            listing.add_option(Option(Content(t("frame.no_participants")), disabled=True))
            return
        for p in people:
            text = t("frame.participant_line", name=p.name, role=p.role) if p.role else p.name
            listing.add_option(Option(Content(text)))
        if highlighted is not None:
            listing.highlighted = min(highlighted, len(people) - 1)

    # --- frame fields -----------------------------------------------------------------

    @on(Input.Changed, "#frame-jobcenter")
    def _jobcenter(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.session.frame.jobcenter:
            self.apply(changes.set_frame_text, "jobcenter", event.value)

    @on(Input.Changed, "#frame-unit")
    def _unit(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.session.frame.unit:
            self.apply(changes.set_frame_text, "unit", event.value)

    @on(Input.Submitted, "#frame-date")
    @on(Input.Blurred, "#frame-date")
    def _date(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        value = event.value.strip()
        current = self.session.frame.date
        if value == (current.isoformat() if current else ""):
            return
        self.apply(changes.set_frame_date, value)

    @on(Select.Changed, "#frame-purpose")
    def _purpose(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str) and event.value != self.session.frame.purpose.value:
            self.apply(changes.set_frame_purpose, event.value)

    @on(TextArea.Changed, "#frame-core-task")
    def _core_task(self, event: TextArea.Changed) -> None:
        if event.text_area.text == self.session.frame.core_task:
            return
        self._held_core_task.typed()

    def _apply_core_task(self) -> None:
        text = self.query_one("#frame-core-task", TextArea).text
        self.apply(changes.set_frame_text, "core_task", text)

    def flush_pending(self) -> None:
        super().flush_pending()
        self._held_core_task.flush()

    def on_descendant_blur(self, event: Any) -> None:
        if getattr(event, "widget", None) is not None and event.widget.id == "frame-core-task":
            self.flush_pending()

    # --- participants ---------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#participant-list")
    @on(OptionList.OptionSelected, "#participant-list")
    def _pick(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        event.stop()
        people = self.session.frame.participants
        if not 0 <= event.option_index < len(people):
            return
        self.editing = event.option_index
        person = people[event.option_index]
        self.query_one("#participant-name", Input).value = person.name
        self.query_one("#participant-role", Input).value = person.role

    def _fields(self) -> tuple[str, str]:
        return (
            self.query_one("#participant-name", Input).value,
            self.query_one("#participant-role", Input).value,
        )

    def _clear_fields(self) -> None:
        self.query_one("#participant-name", Input).value = ""
        self.query_one("#participant-role", Input).value = ""
        self.editing = None

    @on(Button.Pressed, "#participant-add")
    @on(Input.Submitted, "#participant-name, #participant-role")
    def _add(self, event: Any) -> None:
        event.stop()
        self.add_participant()

    def add_participant(self) -> None:
        """Add the typed participant."""
        name, role = self._fields()
        if self.try_apply(changes.add_participant, name, role):
            self._clear_fields()
            self.query_one("#participant-name", Input).focus()

    @on(Button.Pressed, "#participant-save")
    def _save(self, event: Button.Pressed) -> None:
        event.stop()
        if self.editing is None:
            self.add_participant()
            return
        name, role = self._fields()
        if self.try_apply(changes.update_participant, self.editing, name, role):
            self._clear_fields()  # refused: the typed text stays, the message says why

    @on(Button.Pressed, "#participant-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        listing = self.query_one("#participant-list", OptionList)
        index = self.editing if self.editing is not None else listing.highlighted
        if index is None or not self.session.frame.participants:
            return
        self.apply(changes.remove_participant, index)
        self._clear_fields()
