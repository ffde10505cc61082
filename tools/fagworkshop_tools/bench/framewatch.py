"""A hook on the frames an app draws, so latency is measured to the screen update.

``Pilot.pause`` waits in 20 ms idle steps, which would floor every latency at
the harness; instead ``FrameWatch`` wraps the app's ``_display`` (called once
per frame with the compositor's update, also when headless) and wakes whoever
waits for the next frame.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual.app import App


class FrameWatch:
    """Counts the frames an app draws and lets a coroutine wait for one.

    ``check`` (optional) is called at each frame; ``wait_for`` returns the
    time of the first frame at which it was true.
    """

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.frames = 0
        self.last_frame = 0.0
        self._check: Callable[[], bool] | None = None
        self._future: asyncio.Future[float] | None = None
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            now = time.perf_counter()
            self.frames += 1
            self.last_frame = now
            future = self._future
            if future is not None and not future.done():
                if self._check is None or self._check():
                    future.set_result(now)

        app._display = display  # type: ignore[method-assign]

    def expect(self, check: Callable[[], bool] | None = None) -> asyncio.Future[float]:
        """Arm the watch before causing a change; await the result for the frame time."""
        self._check = check
        self._future = asyncio.get_running_loop().create_future()
        return self._future

    async def wait(self, future: asyncio.Future[float], timeout: float = 10.0) -> float:
        """The perf_counter time of the frame that met the check."""
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._future = None
            self._check = None
