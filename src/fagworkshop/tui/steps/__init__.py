"""The registry of step views: each step's module and class, imported when first shown.

A step whose module does not exist yet gets a placeholder view, so the app runs
while the steps are being built.
"""

from __future__ import annotations

import importlib

from textual.widget import Widget

from fagworkshop import i18n
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


def show_step_view(host: Widget, step: Step) -> StepView:
    """Show ``step`` in ``host``: its kept view, refreshed, or a new one mounted.

    The views of steps already shown stay mounted, hidden (``display: none``
    costs no layout and no drawing), so going back to a step only refreshes it
    from the session instead of composing it anew: at 300 staff composing the
    plan or gaps step took most of a second (issue 13). A view built in
    another language is built again.
    """
    kept = [child for child in host.children if isinstance(child, StepView)]
    view = next((v for v in kept if v.step == step and v.built_in == i18n.language()), None)
    for other in kept:
        if other is view:
            continue
        if other.step == step:  # the same step in the old language
            other.remove()
        else:
            focused = host.app.focused
            if focused is not None and other in focused.ancestors_with_self:
                host.app.set_focus(None)  # never leave the keyboard in a hidden view
            other.display = False
    if view is None:
        view = create_step_view(step)
        host.mount(view)
    else:
        view.display = True
        view.shown_again()
    return view
