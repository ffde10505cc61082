"""Step 6, Handlingsplan (plan): its view and the widgets only it uses."""

from fagworkshop.tui.steps.plan.view import PlanStep

__all__ = ["PlanStep"]
