"""A yes/no question (bekræft) as a modal screen; dismisses with True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from fagworkshop.i18n import t


class ConfirmModal(ModalScreen[bool]):
    """Ask a yes/no question; the text is shown literally (never parsed as markup)."""

    DEFAULT_CSS = """
    ConfirmModal { align: center middle; }
    ConfirmModal > Vertical {
        width: 70; max-width: 95%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmModal #confirm-text { height: auto; margin-bottom: 1; }
    ConfirmModal Horizontal { height: auto; align: center middle; }
    ConfirmModal Button { margin: 0 2; }
    """

    BINDINGS = [
        Binding("escape", "answer(False)", show=False),
        Binding("n", "answer(False)", show=False),
        Binding("y", "answer(True)", show=False),
        Binding("j", "answer(True)", show=False),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes or t("confirm.yes")
        self.no_label = no or t("confirm.no")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question), id="confirm-text")
            with Horizontal():
                yield Button(Content(self.yes_label), id="confirm-yes", variant="warning")
                yield Button(Content(self.no_label), id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
