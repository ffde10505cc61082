"""What the session controller needs from the app: timers, a thread for the save, and
the save status (``ControllerHost``), on Textual."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from fagworkshop.tui.save_store import Cancellable, SaveJob

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp


class TimerHandle:
    """An asyncio timer handle with the ``stop()`` the controller calls."""

    def __init__(self, handle: asyncio.TimerHandle | None) -> None:
        self.handle = handle

    def stop(self) -> None:
        if self.handle is not None:
            self.handle.cancel()


class AppSaveHost:
    """The controller's host in the app: asyncio timers, the app's save worker, and the
    status line."""

    def __init__(self, app: FagworkshopApp) -> None:
        self.app = app

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        # Not app.set_timer: Textual 8.2's one-shot timer skips its callback altogether
        # when the event loop reaches it late (Timer._run with skip=True), and with a
        # delay of 0 it divides by zero; under load a due save was silently never started.
        # The asyncio handle keeps the context it was made in (the active app).
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app has ended (a last save on the way out): no timers
            return TimerHandle(None)
        return TimerHandle(loop.call_later(max(0.0, delay), callback))

    def run_save(self, job: SaveJob) -> None:
        self.app._save_worker(job)

    def save_state_changed(self) -> None:
        self.app.update_save_status()
