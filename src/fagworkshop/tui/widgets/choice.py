"""A question with a few named answers (valg), as a modal screen.

Used when quitting would lose work (save as another file, quit without saving,
stay) and when the file changed on disk (open it, save mine as a copy,
overwrite). Each answer has a key of its own; Esc picks the harmless one.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from fagworkshop.tui.widgets.dialog import Dialog


@dataclass(frozen=True)
class Choice:
    """One answer: what it is called in code, its label, the key that picks it."""

    id: str
    label: str
    key: str


class ChoiceModal(Dialog[str | None]):
    """Ask a question; dismisses with the id of the answer (``escape`` picks ``cancel``)."""

    DEFAULT_CSS = """
    ChoiceModal > Vertical { width: 90; border: thick $error; }
    ChoiceModal #choice-text { height: auto; margin-bottom: 1; }
    ChoiceModal Button { margin: 0 1; }
    """

    def __init__(
        self, question: str, choices: list[Choice], cancel: str, leaving: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.cancel = cancel
        #: True for the question asked on the way out (quit or home): ctrl+q leaves it up.
        self.leaving = leaving
        #: Set by the first answer: a key already on its way is not a second answer.
        self.answered = False

    def answer(self, choice: str) -> None:
        """Close with ``choice``, once: keys typed quickly may arrive after the first
        answer, and a second dismiss would close the screen under the question."""
        if self.answered:
            return
        self.answered = True
        self.dismiss(choice)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), id="choice-text")
            with Horizontal():
                for choice in self.choices:
                    button = Button(Content(choice.label), id=f"choice-{choice.id}")
                    if choice.id == self.cancel:
                        button.variant = "primary"
                    yield button

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.cancel}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer((event.button.id or "").removeprefix("choice-") or self.cancel)

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.answer(self.cancel)
            return
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.answer(choice.id)
                return
