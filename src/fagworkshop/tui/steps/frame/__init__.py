"""Step 1, Ramme (frame): its view and the widgets only it uses."""

from fagworkshop.tui.steps.frame.view import FrameStep

__all__ = ["FrameStep"]
