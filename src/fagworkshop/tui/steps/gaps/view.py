"""Step 5, Kompetencehuller: the heat map and the gaps it shows."""

from __future__ import annotations

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.gaps.body import GapsBody


class GapsStep(StepView):
    """Staff against competences, coloured by level against target; coverage and gaps."""

    step = Step.GAPS

    body_class = GapsBody

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._focus_map)

    def _focus_map(self) -> None:
        from fagworkshop.tui.steps.gaps.heat_map import HeatMap

        for body in self.query(GapsBody):
            maps = body.query(HeatMap)
            if maps:
                maps.first().focus()
            elif self.is_attached:
                # a large session composes the body after the first refresh: try again
                self.call_after_refresh(self._focus_map)
