"""A yes/no question (bekræft) as a modal screen; dismisses with True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

from fagworkshop.i18n import t
from fagworkshop.tui.widgets.dialog import Dialog


class ConfirmModal(Dialog[bool]):
    """Ask a yes/no question; the text is shown literally (never parsed as markup).

    The dialog says which button Enter presses and the keys for each (j or y yes, n no,
    Esc cancels). ``default`` is the answer Enter gives: yes for a harmless confirmation
    ("Markér som aftalt"); a ``destructive`` question always defaults to no.
    """

    DEFAULT_CSS = """
    ConfirmModal > Vertical { width: 70; }
    ConfirmModal #confirm-text { height: auto; margin-bottom: 1; }
    ConfirmModal #confirm-keys { height: auto; margin-top: 1; color: $text-muted; }
    ConfirmModal Button { margin: 0 2; }
    """

    BINDINGS = [
        Binding("escape", "answer(False)", show=False),
        Binding("n", "answer(False)", show=False),
        Binding("y", "answer(True)", show=False),
        Binding("j", "answer(True)", show=False),
    ]

    def __init__(
        self,
        question: str,
        yes: str | None = None,
        no: str | None = None,
        *,
        default: bool = False,
        destructive: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes or t("confirm.yes")
        self.no_label = no or t("confirm.no")
        self.destructive = destructive
        #: What Enter answers: never yes for a destructive question.
        self.default = default and not destructive

    def compose(self) -> ComposeResult:
        yes_variant: ButtonVariant = (
            "error" if self.destructive else ("primary" if self.default else "default")
        )
        no_variant: ButtonVariant = "default" if self.default else "primary"
        with Vertical():
            yield Static(Content(self.question), id="confirm-text")
            with Horizontal():
                yield Button(Content(self.yes_label), id="confirm-yes", variant=yes_variant)
                yield Button(Content(self.no_label), id="confirm-no", variant=no_variant)
            default_label = self.yes_label if self.default else self.no_label
            yield Static(Content(t("confirm.keys", default=default_label)), id="confirm-keys")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.default else "#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
