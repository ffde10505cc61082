"""Step 5, Kompetencehuller: the heat map and the gaps it shows."""

from __future__ import annotations

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.gaps.body import GapsBody


class GapsStep(StepView):
    """Staff against competences, coloured by level against target; coverage and gaps."""

    step = Step.GAPS

    body_class = GapsBody

    first_focus = "#heat-map"
