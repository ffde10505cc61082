"""Undo and redo on screen (fortryd): the controller keeps the history; this shows what
was taken back, goes to the step it happened on and gives a field its text back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Input, TextArea

from fagworkshop.i18n import t
from fagworkshop.tui.controller import Refused

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp


def undo_or_redo(app: FagworkshopApp, undo: bool) -> None:
    """Take back the last change (or do it again) and say what it was."""
    ctl = app.controller
    if ctl is None:
        return
    app.flush_view()
    step = ctl.session.current_step
    outcome = ctl.undo() if undo else ctl.redo()
    if isinstance(outcome, Refused):
        app.notify(outcome.reason, severity="warning", markup=False)
        return
    app.notify(t("undo.done" if undo else "redo.done", what=outcome.value), markup=False, timeout=4)
    app._name_undo()
    if ctl.session.current_step != step:
        app.show_step(ctl.session.current_step, remember=False)
        return
    app.refresh_views()
    # Views leave a focused field alone (it is being typed in): let go of it, show
    # the restored text once it has lost the focus, and give it the focus back;
    # otherwise the next key would type the undo away.
    field = app.focused
    if isinstance(field, (Input, TextArea)):
        app.screen.set_focus(None)
        app.call_after_refresh(refresh_then_refocus, app, field)


def refresh_then_refocus(app: FagworkshopApp, field: Widget) -> None:
    """Show the restored session, then give the field the keyboard back, text unselected."""
    app.refresh_views()
    if field.is_attached and app.focused is None:
        if isinstance(field, Input):
            field.select_on_focus = False
        field.focus()
