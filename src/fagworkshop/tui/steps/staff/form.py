"""The staff form (medarbejder): add or edit one member of staff in step 4."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from fagworkshop.domain.session import Person, Session
from fagworkshop.i18n import t


class StaffForm(Vertical):
    """Add or edit one member of staff: name, initials, role, local profiles."""

    DEFAULT_CSS = """
    StaffForm { width: 1fr; height: auto; padding: 0 1; border-left: solid $primary; }
    StaffForm.-hidden { display: none; }
    StaffForm #staff-form-title { text-style: bold; }
    StaffForm .staff-field { height: 1; }
    StaffForm .staff-field Label { width: 10; }
    StaffForm .staff-field Input { width: 1fr; }
    StaffForm #staff-profiles-label { margin-top: 1; color: $text-muted; }
    StaffForm SelectionList { height: auto; max-height: 5; }
    StaffForm SelectionList:focus > .option-list--option-highlighted {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    StaffForm Horizontal { height: auto; }
    StaffForm Button { width: auto; min-width: 6; margin-right: 1; }
    """

    BINDINGS = [Binding("escape", "cancel", show=False)]

    class Saved(Message):
        """The form asks to be saved (the step body applies it)."""

    class Closed(Message):
        """The form was closed without saving."""

    def __init__(self) -> None:
        super().__init__(id="staff-form", classes="-hidden")
        self.person_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Label(t("staff.new"), id="staff-form-title", markup=False)
        for key, field_id in (
            ("staff.name_short", "staff-name"),
            ("staff.initials_short", "staff-initials"),
            ("staff.role", "staff-role"),
        ):
            with Horizontal(classes="staff-field"):
                yield Label(t(key), markup=False)
                yield Input(placeholder=t(key.replace("_short", "")), id=field_id, compact=True)
        yield Label(t("staff.profiles"), id="staff-profiles-label", markup=False)
        yield SelectionList[str](id="staff-profiles", compact=True)
        with Horizontal():
            yield Button(t("staff.save"), id="staff-save", variant="primary", compact=True)
            yield Button(t("staff.cancel"), id="staff-cancel", compact=True)

    def open_for(self, session: Session, person: Person | None) -> None:
        """Show the form for a new person (None) or to edit one."""
        self.person_id = person.id if person else None
        title = self.query_one("#staff-form-title", Label)
        title.update(
            Content(t("staff.editing", name=person.name)) if person else Content(t("staff.new"))
        )
        self.query_one("#staff-name", Input).value = person.name if person else ""
        self.query_one("#staff-initials", Input).value = person.initials if person else ""
        self.query_one("#staff-role", Input).value = person.role if person else ""
        profiles = self.query_one("#staff-profiles", SelectionList)
        profiles.clear_options()
        chosen = set(person.profiles) if person else set()
        profiles.add_options(
            [Selection(Content(p.name), p.id, p.id in chosen) for p in session.profiles]
        )
        # the first space ticks the first profile: a list without a highlight ignored it
        profiles.highlighted = 0 if session.profiles else None
        self.query_one("#staff-profiles-label", Label).update(
            Content(t("staff.profiles") if session.profiles else t("staff.no_profiles"))
        )
        self.remove_class("-hidden")
        self.screen.query("StaffBody").add_class("-form-open")  # the step body it sits in
        self.query_one("#staff-name", Input).focus()

    def values(self) -> tuple[str, str, str, list[str]]:
        """What is typed: name, initials, role, chosen profile ids."""
        return (
            self.query_one("#staff-name", Input).value,
            self.query_one("#staff-initials", Input).value,
            self.query_one("#staff-role", Input).value,
            list(self.query_one("#staff-profiles", SelectionList).selected),
        )

    def close(self) -> None:
        """Hide the form (what was typed is kept until it is opened again)."""
        self.add_class("-hidden")
        self.screen.query("StaffBody").remove_class("-form-open")

    def action_cancel(self) -> None:
        """Escape: close without saving."""
        self.close()
        self.post_message(self.Closed())

    @on(Button.Pressed, "#staff-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    @on(Button.Pressed, "#staff-save")
    def _save(self) -> None:
        self.post_message(self.Saved())
