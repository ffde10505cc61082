"""Signals: a closed terminal (SIGHUP) or a kill request (SIGTERM) saves first, then the
program ends cleanly; never a question, there is nobody to answer it."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from typing import TYPE_CHECKING

from fagworkshop import logfile

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp

log = logfile.logger(__name__)

#: Seconds the program may take to save and end after a signal before it is ended hard.
HANG_GUARD = 5.0


def install_signal_handlers(app: FagworkshopApp) -> None:
    """SIGHUP and SIGTERM save what is on screen, then end cleanly.

    Not when headless (the Pilot): the handlers would outlive the test's app."""
    if app.is_headless:
        return
    try:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, app._on_exit_signal, sig)
    except (RuntimeError, NotImplementedError, ValueError, AttributeError):
        pass  # not the main thread (a test) or no such signals here


def on_exit_signal(app: FagworkshopApp, sig: int) -> None:
    """Save (or, when the file cannot take it, save a copy), then exit."""
    code = 128 + int(sig)
    # the terminal may be gone: never hang on it, whatever happens below (not in a
    # headless test, where ending the process would end the test run)
    if not app.is_headless:
        guard = threading.Timer(HANG_GUARD, os._exit, args=(code,))
        guard.daemon = True
        guard.start()
    ctl = app.controller
    if ctl is not None:
        try:
            app.flush_view()
        except Exception as exc:  # noqa: BLE001 - a view half torn down must not stop the save
            logfile.caught(log, "flushing the view before quitting", exc)
        ctl.save_now()
        if ctl.unsaved_on_quit:
            app.save_copy()
    app.close_session(save=False)
    app.exit(return_code=code)
