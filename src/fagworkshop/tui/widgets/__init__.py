"""Widgets shared by the step views: step bar, notes/decisions/timebox panel, confirm modal."""
