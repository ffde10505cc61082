"""Step 6, Handlingsplan: actions that close the gaps, and personal development goals."""

from __future__ import annotations

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.plan.body import PlanBody


class PlanStep(StepView):
    """The action plan: kind, for whom, competences, owner, deadline, status, transfer plan."""

    step = Step.PLAN

    body_class = PlanBody

    first_focus = "#action-list"
