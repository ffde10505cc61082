"""The registry of step views: each step's module and class, imported when first shown.

A step whose module does not exist yet gets a placeholder view, so the app runs
while the steps are being built.
"""

from __future__ import annotations

import importlib

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import PlaceholderStep, StepView

#: Step -> "module:Class" under fagworkshop.tui.steps.
STEP_VIEWS: dict[Step, str] = {
    Step.FRAME: "frame:FrameStep",
    Step.BASIC: "basic:BasicStep",
    Step.BLOCKS: "blocks:BlocksStep",
    Step.STAFF: "staff:StaffStep",
    Step.GAPS: "gaps:GapsStep",
    Step.PLAN: "plan:PlanStep",
    Step.SUMMARY: "summary:SummaryStep",
}


def step_view_class(step: Step) -> type[StepView] | None:
    """The view class of a step, or None when its module is not there yet."""
    module_name, _, class_name = STEP_VIEWS[Step(step)].partition(":")
    full_name = f"{__name__}.{module_name}"
    try:
        module = importlib.import_module(full_name)
    except ModuleNotFoundError as err:
        if err.name != full_name:
            raise
        return None
    cls = getattr(module, class_name, None)
    return cls if isinstance(cls, type) and issubclass(cls, StepView) else None


def create_step_view(step: Step) -> StepView:
    """A new view of a step (a placeholder when the step is missing)."""
    cls = step_view_class(step)
    if cls is None:
        return PlaceholderStep(step)
    return cls()
