"""Step 5, Kompetencehuller (gaps): its view and the widgets only it uses."""

from fagworkshop.tui.steps.gaps.view import GapsStep

__all__ = ["GapsStep"]
