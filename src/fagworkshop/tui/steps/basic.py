"""Step 2, Basiskompetencer: decide the basic competences the whole staff group needs."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.basic_editor import BasicEditor


class BasicStep(StepView):
    """Include or leave out each basic competence, set level and priority, reword, add own."""

    step = Step.BASIC

    def compose_body(self) -> Iterable[Widget]:
        yield BasicEditor()

    def refresh_from_session(self) -> None:
        super().refresh_from_session()
        for editor in self.query(BasicEditor):
            editor.refresh_from_session()
