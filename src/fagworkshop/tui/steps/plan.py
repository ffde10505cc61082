"""Step 6, Handlingsplan: actions that close the gaps, and personal development goals."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.plan_panel import PlanPanel


class PlanStep(StepView):
    """The action plan: kind, for whom, competences, owner, deadline, status, transfer plan."""

    step = Step.PLAN

    def compose_body(self) -> Iterable[Widget]:
        yield PlanPanel()

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._focus_list)

    def _focus_list(self) -> None:
        for panel in self.query(PlanPanel):
            panel.query_one("#action-list").focus()

    def refresh_from_session(self) -> None:
        super().refresh_from_session()
        for panel in self.query(PlanPanel):
            panel.refresh_from_session()
