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
        self.editor = BasicEditor()
        yield self.editor

    def refresh_from_session(self) -> None:
        super().refresh_from_session()
        if self.editor.is_mounted:
            self.editor.refresh_from_session()
