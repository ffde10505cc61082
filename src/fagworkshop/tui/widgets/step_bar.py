"""The step bar (trinlinje): all seven steps, the current one, and how far each has come."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from fagworkshop.domain.progress import Progress
from fagworkshop.domain.session import Step
from fagworkshop.i18n import t


class StepBar(Widget):
    """One line with the seven steps; click one to go there (``Chosen``, the app goes).

    It shows its reactive ``current`` step and ``progress``, which the workshop
    screen binds it to; it does not read the session.
    """

    COMPONENT_CLASSES = {"step-bar--current", "step-bar--complete", "step-bar--step"}

    DEFAULT_CSS = """
    StepBar { height: 1; width: 1fr; background: $panel; }
    StepBar:hover { background: $panel-lighten-1; }
    StepBar > .step-bar--current { background: $accent; color: $text; text-style: bold; }
    StepBar > .step-bar--complete { color: $success; }
    StepBar > .step-bar--step { color: $text; }
    """

    class Chosen(Message):
        """The user clicked a step."""

        def __init__(self, step: Step) -> None:
            super().__init__()
            self.step = step

    current: reactive[Step] = reactive(Step.FRAME)
    progress: reactive[dict[Step, Progress]] = reactive(dict)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._spans: list[tuple[int, int, Step]] = []

    def labels(
        self, width: int, progress: dict[Step, Progress] | None = None
    ) -> list[tuple[Step, str]]:
        """The text of each step, shortened until the bar fits ``width``.

        ``progress`` defaults to the bar's own.
        """
        current = self.current
        if progress is None:
            progress = self.progress

        def label(step: Step, names: str, numbers: str) -> str:
            n = int(step)
            parts = [str(n)]
            if names == "full" or (names == "short" and step == current):
                parts.append(t(f"step.{n}"))
            elif names in ("short", "abbrev"):
                parts.append(t(f"step.{n}.short"))
            shown = numbers == "all" or (numbers == "current" and step == current)
            if shown and step in progress and progress[step].text():
                parts.append(progress[step].text())
            # one space between steps; the current one padded on both sides for its colour
            return " " + " ".join(parts) + (" " if step == current else "")

        # Every step keeps a name (shortened at 80 columns), so a newcomer sees where the
        # room is; the progress numbers (legend in F1) give way first.
        choices = (
            ("full", "all"),
            ("full", "current"),
            ("short", "all"),
            ("short", "current"),
            ("abbrev", "current"),
            ("abbrev", "none"),
            ("none", "current"),
        )
        items: list[tuple[Step, str]] = []
        for names, numbers in choices:
            items = [(s, label(s, names, numbers)) for s in Step]
            if sum(len(x) for _, x in items) <= width:
                return items
        return [(s, label(s, "none", "none")) for s in Step]

    def render(self) -> Text:
        current = self.current
        progress = self.progress
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for step, label in self.labels(self.size.width or 200, progress):
            if step == current:
                style = self.get_component_rich_style("step-bar--current")
            elif step in progress and progress[step].complete:
                style = self.get_component_rich_style("step-bar--complete")
            else:
                style = self.get_component_rich_style("step-bar--step")
            start = len(text)
            text.append(label, style=style)
            self._spans.append((start, len(text), step))
        return text

    def step_at(self, x: int) -> Step | None:
        """The step drawn at column ``x``."""
        for start, end, step in self._spans:
            if start <= x < end:
                return step
        return None

    def on_click(self, event: events.Click) -> None:
        step = self.step_at(event.x)
        if step is not None:
            self.post_message(self.Chosen(step))
