"""Step 2, Basiskompetencer: decide the basic competences the whole staff group needs."""

from __future__ import annotations

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.basic.body import BasicEditor


class BasicStep(StepView):
    """Include or leave out each basic competence, set level and priority, reword, add own."""

    step = Step.BASIC

    body_class = BasicEditor
    # the list takes the keyboard on a first visit, also when the view was built hidden
    first_focus = "#basic-list"
