"""Step 3, Fagprofiler (blocks and local profiles): its view and the widgets only it uses."""

from fagworkshop.tui.steps.blocks.view import BlocksStep

__all__ = ["BlocksStep"]
