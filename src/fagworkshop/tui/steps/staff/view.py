"""Step 4, Medarbejdere: staff, their local profiles and the rating grid."""

from __future__ import annotations

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.staff.body import StaffBody


class StaffStep(StepView):
    """Add, edit and erase staff; rate each person on the competences that matter for them."""

    step = Step.STAFF

    body_class = StaffBody

    first_focus = "#rating-grid"
