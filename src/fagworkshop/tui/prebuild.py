"""Building the step views in idle time (forberedelse), so a step's first visit is as quick
as a return to it.

Composing a step view is the slow part of a first visit (at 300 staff the plan and
gaps steps took 0.3 to 0.8 s, at 2,000 staff 1.3 to 2.9 s: hundreds of widgets to
style, the analysis to run). Once the first screen is up, :class:`ViewBuilder` mounts
the views of the other steps one at a time, hidden (``display: none`` costs no layout
and no drawing), each only once the step on screen has been drawn, after the
keyboard and mouse have been quiet for :data:`QUIET` seconds and while no save is
being written; showing such a step then
only lays out and draws it (``tui.steps.show_step_view``). A view built hidden is the
same view a visit would compose; changes made while it waits are shown when it is
first shown (``StepView.missed``).

When every view is built, the objects made so far (the session, the views, the
analysis they show) are moved out of the garbage collector's way (``tui.memory``):
at 2,000 staff each full collection otherwise walked them all again, 0.3 to 0.7 s
at a time, several times a step switch.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from textual.widget import AwaitMount, Widget

from fagworkshop import logfile
from fagworkshop.tui import memory
from fagworkshop.tui.steps import build_hidden_view, missing_step

if TYPE_CHECKING:
    from fagworkshop.tui.stepping import Stepping

log = logfile.logger(__name__)

#: Seconds without a key or a mouse event before the next view is built: longer than the
#: pauses between keys of someone rating or typing (a slice cannot be interrupted, and a
#: key that comes during one waits for it: 0.1 to 0.5 s at 300 staff), shorter than a
#: pause to talk. (At 0.4 s the grid's p95 at 300 staff rose from 26 to 87 ms while the
#: views were being built.)
QUIET = 1.0
#: Seconds after the first screen before the first view is built.
FIRST_DELAY = 0.3


class ViewBuilder:
    """Builds the missing step views of one workshop screen's ``host``, one per idle slice."""

    def __init__(self, app: Stepping, host: Widget) -> None:
        self.app = app
        self.host = host
        self._handle: asyncio.TimerHandle | None = None
        self._building = False
        self.done = False
        self._started = 0.0
        #: Set when every step has its view (tests await it).
        self.finished = asyncio.Event()

    def start(self, delay: float | None = None) -> None:
        """Begin (or begin again, after a language switch) in ``delay`` seconds
        (:data:`FIRST_DELAY` unless given)."""
        self.done = False
        self.finished.clear()
        self._started = time.monotonic()  # the room looks at the new screen: not yet idle
        if not self._building:
            self._arm(FIRST_DELAY if delay is None else delay)

    def stop(self) -> None:
        """Build nothing more (the screen is going)."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self.done = True

    def _arm(self, delay: float) -> None:
        if self._handle is not None:
            self._handle.cancel()
        # an asyncio handle, not app.set_timer: Textual's one-shot timer skips a callback
        # that comes late under load (see tui.save_host)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._handle = loop.call_later(max(0.0, delay), self._slice)

    def _slice(self) -> None:
        """Build the next missing view if the room is quiet; else look again later."""
        self._handle = None
        if self.done or not self.host.is_attached or self.app.session is None:
            return
        quiet_for = time.monotonic() - max(self.app.last_input, self._started)
        if quiet_for < QUIET:
            self._arm(QUIET - quiet_for)
            return
        shown = self.app.current_view()
        if shown is None or not shown.drawn:
            self._arm(0.1)  # the step on screen first (at 2,000 staff it takes a while)
            return
        ctl = self.app.controller
        if ctl is not None and ctl.saving:
            self._arm(0.1)  # the save's thread holds the interpreter in long stretches
            return
        step = missing_step(self.host, self.app.current_step)
        if step is None:
            self.done = True
            memory.settle()
            self.finished.set()
            log.info("step views built in idle time")
            return
        edits = self.app.edit_count()
        self._building = True
        self.app.call_later(self._built, build_hidden_view(self.host, step, edits))

    async def _built(self, mounted: AwaitMount) -> None:
        try:
            await mounted
        finally:
            self._building = False
        if not self.done:
            self._arm(QUIET)
