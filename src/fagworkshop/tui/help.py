"""F1 help (hjælp) for the current step, as a modal screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from fagworkshop.domain.session import Step
from fagworkshop.i18n import has, t
from fagworkshop.tui.steps.base import questions_text


class HelpScreen(ModalScreen[None]):
    """The purpose, questions and how-to of a step, and the keys that work everywhere."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 90; max-width: 96%; height: auto; max-height: 92%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    HelpScreen VerticalScroll { height: auto; max-height: 1fr; }
    HelpScreen .help-title { text-style: bold; color: $accent; margin-bottom: 1; }
    HelpScreen .help-part { margin-bottom: 1; }
    HelpScreen Button { margin-top: 1; }
    """

    BINDINGS = [Binding("escape", "close", show=False), Binding("f1", "close", show=False)]

    def __init__(self, step: Step | None) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll():
                if self.step is not None:
                    n = int(self.step)
                    yield Static(
                        Content(t("help.title", step=f"{n} {t(f'step.{n}')}")), classes="help-title"
                    )
                    yield Static(Content(t(f"step.{n}.purpose")), classes="help-part")
                    yield Static(Content(questions_text(self.step)), classes="help-part")
                    yield Static(Content(t(f"help.step.{n}")), classes="help-part")
                    if has(f"selfview.help.step.{n}"):  # the staff's own voice (steps 4-6)
                        yield Static(Content(t(f"selfview.help.step.{n}")), classes="help-part")
                else:
                    yield Static(Content(t("home.title")), classes="help-title")
                    yield Static(Content(t("home.intro")), classes="help-part")
                yield Static(Content(t("help.step_bar")), classes="help-part")
                yield Static(Content(t("help.keys")), classes="help-part")
            yield Button(Content(t("help.close")), id="help-close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
