"""Step 4, Medarbejdere (staff and the rating grid): its view and the widgets only it uses."""

from fagworkshop.tui.steps.staff.view import StaffStep

__all__ = ["StaffStep"]
