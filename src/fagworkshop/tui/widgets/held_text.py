"""Typing in a text area held back until the typist pauses, then applied as one change."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget


class HeldText:
    """A text area's typing, applied ``delay`` seconds after the last key, not per key.

    The owner calls :meth:`typed` on every change and :meth:`flush` when the text must
    be in the session now (the field loses the focus, the step is left, the program
    quits); ``apply`` reads the field and applies it. While ``dirty``, the session
    does not yet hold what is on screen, so a refresh must not load the field again.
    """

    def __init__(self, owner: Widget, delay: float, apply: Callable[[], None]) -> None:
        self._owner = owner
        self._delay = delay
        self._apply = apply
        self._timer: Timer | None = None
        self.dirty = False

    def typed(self) -> None:
        """A key changed the text: apply it once the typing pauses."""
        self.dirty = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._owner.set_timer(self._delay, self.flush)

    def flush(self) -> None:
        """Apply what was typed now, if anything is held back."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.dirty:
            self.dirty = False
            self._apply()
