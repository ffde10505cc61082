"""Step 3, Fagprofiler: adapt the building blocks and compose the local profiles."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.blocks_editor import BlocksEditor


class BlocksStep(StepView):
    """Keep, drop, reword and add elements with target levels; build local profiles from them."""

    step = Step.BLOCKS

    def compose_body(self) -> Iterable[Widget]:
        self.editor = BlocksEditor()
        yield self.editor

    def refresh_from_session(self) -> None:
        super().refresh_from_session()
        if self.editor.is_mounted:
            self.editor.refresh_from_session()
