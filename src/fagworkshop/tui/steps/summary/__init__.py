"""Step 7, Opsamling (summary): its view and the widgets only it uses."""

from fagworkshop.tui.steps.summary.view import SummaryStep

__all__ = ["SummaryStep"]
