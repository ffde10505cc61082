"""Widgets shared by several steps or screens: step bar, save status, the notes panel
(notes, decisions, timebox), dialogs, list/detail, the staff-by-competence grid, quick
footer. A widget that only one step uses lives in that step's package under ``tui/steps/``."""
