"""Step 2, Basiskompetencer (basic competences): its view and the widgets only it uses."""

from fagworkshop.tui.steps.basic.view import BasicStep

__all__ = ["BasicStep"]
