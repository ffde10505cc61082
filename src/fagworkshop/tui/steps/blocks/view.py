"""Step 3, Fagprofiler: adapt the building blocks and compose the local profiles."""

from __future__ import annotations

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.blocks.body import BlocksEditor


class BlocksStep(StepView):
    """Keep, drop, reword and add elements with target levels; build local profiles from them."""

    step = Step.BLOCKS

    body_class = BlocksEditor
    # the list takes the keyboard on a first visit, also when the view was built hidden
    first_focus = "#element-list"
