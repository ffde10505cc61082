"""A widget's start-up while Textual takes it away again.

A step view built in idle time (``tui.prebuild``) may still be mounting when it is
removed (a language switch builds it again) or when the app ends (ctrl+q): Textual
then runs the mount handlers of its parts after their children are gone, and a query
for a child raises ``NoMatches``. That is no fault of the view; the same query on a
widget that stays is one, and must still raise.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import TypeVar

from textual import events
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Select

W = TypeVar("W", bound=Widget)
S = TypeVar("S", bound=Hashable)


def being_removed(widget: Widget) -> bool:
    """Whether Textual is taking ``widget`` away: the app is ending, or the widget or a
    container of it is being removed.

    Textual 8.2 has no public flag for the second. Its ``display`` is False while a node
    closes or is pruned even though its style does not hide it, but a view built hidden
    is hidden by its style, so Textual's own ``_pruning`` mark (set on every node of a
    removed tree, read by its ``display``) is read too, and read only here.
    """
    if not widget.is_attached or bool(getattr(widget, "_pruning", False)):
        return True
    return not widget.display and widget.styles.display != "none"


def unless_removed(handler: Callable[[W], None]) -> Callable[[W], None]:
    """A mount handler that gives up quietly when its widget is being removed meanwhile
    (see the module's text); any other ``NoMatches`` is raised as before."""

    @functools.wraps(handler)
    def guarded(widget: W) -> None:
        try:
            handler(widget)
        except NoMatches:
            if not being_removed(widget):
                raise

    return guarded


class QuietSelect(Select[S]):
    """Textual's ``Select`` for the step views: its start-up gives up quietly when it is
    being removed meanwhile (a language switch building a view again while idle time
    still builds it). Textual's own mount handler queries the select's parts (its
    overlay, its current value) and raised ``NoMatches`` once they were gone, which
    ended the program; on a select that stays, a missing part is still an error."""

    def _on_mount(self, event: events.Mount) -> None:
        # Textual calls the mount handler of every class in the MRO: this one runs
        # Select's and Widget's itself, guarded, so they are not called a second time.
        event.prevent_default()
        try:
            super()._on_mount(event)
        except NoMatches:
            if not being_removed(self):
                raise
            return
        Widget._on_mount(self, event)
