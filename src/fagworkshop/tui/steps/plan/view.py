"""Step 6, Handlingsplan: actions that close the gaps, and personal development goals."""

from __future__ import annotations

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.plan.body import PlanBody


class PlanStep(StepView):
    """The action plan: kind, for whom, competences, owner, deadline, status, transfer plan."""

    step = Step.PLAN

    body_class = PlanBody

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._focus_list)

    def _focus_list(self) -> None:
        # the view may already be gone: the team moved on before the first refresh
        for listing in self.query("#action-list"):
            listing.focus()
