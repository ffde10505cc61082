"""Saving on screen: the app's part, as a base class of the app.

The controller decides when to save; the app runs the write on a thread worker
(``_save_worker``; the benchmark times ``_write``), takes the result back on its own
thread, offers the choice when the file changed outside, and gives the workshop
screen the save state its status line and banner show.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work

from fagworkshop.tui import leaving
from fagworkshop.tui.controller import SessionController
from fagworkshop.tui.save_store import SaveJob, SaveResult
from fagworkshop.tui.stepping import Stepping
from fagworkshop.tui.widgets.save_status import SaveInfo

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp


class Saving(Stepping):
    """The open session's saves (``FagworkshopApp`` is one)."""

    #: Whether the outside-change question was asked (it is asked once per conflict).
    conflict_offered = False
    #: Read-only asked for before a session is open.
    _read_only_start = False

    @property
    def session_path(self) -> Path | None:
        """The file the session is saved to, or None."""
        return self.controller.path if self.controller is not None else None

    @session_path.setter
    def session_path(self, path: Path | None) -> None:
        if self.controller is not None:
            self.controller.path = Path(path) if path is not None else None

    @property
    def read_only(self) -> bool:
        """Whether the session is open read-only (nothing is saved)."""
        if self.controller is not None:
            return self.controller.read_only
        return self._read_only_start

    @read_only.setter
    def read_only(self, value: bool) -> None:
        self._read_only_start = value

    @property
    def saved_at(self) -> float | None:
        """When the file was last written (``time.time()``), or None."""
        return self.controller.saved_at if self.controller is not None else None

    @property
    def save_error(self) -> str | None:
        """Why the last save failed, or None."""
        return self.controller.save_error if self.controller is not None else None

    @property
    def _version(self) -> int:
        return self.controller.version if self.controller is not None else 0

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet on disk."""
        return self.controller is not None and self.controller.dirty

    async def flush_saves(self) -> None:
        """Save what is pending now and wait until it is on disk (for tests: no pauses)."""
        self.flush_view()
        ctl = self.controller
        for _ in range(10):
            await self.workers.wait_for_complete()
            if ctl is None or ctl is not self.controller:
                return
            if ctl.saving:  # an autosave started while we waited (its timer fired): it too
                continue
            job = ctl.begin_save()
            if job is None:
                return
            self._save_worker(job)

    # description: without it Textual builds one from the repr of the job on the UI thread
    @work(thread=True, exclusive=False, exit_on_error=False, group="save", description="save")
    def _save_worker(self, job: SaveJob) -> None:
        ctl = self.controller
        if ctl is None:
            return
        result = self._write(job)
        self.call_from_thread(self._save_done, ctl, result)

    def _write(self, job: SaveJob) -> SaveResult:
        """Write a save job (any thread); what happened. The benchmark times this."""
        ctl = self.controller
        assert ctl is not None
        return ctl.write(job)

    def _save_done(self, ctl: SessionController, result: SaveResult) -> None:
        if ctl is not self.controller:
            return  # the session was closed meanwhile
        ctl.finish_save(result)
        self._offer_once(ctl)

    def _offer_once(self, ctl: SessionController) -> None:
        """Ask what to do about a conflict, once (until it is resolved)."""
        if ctl.conflict is not None and not self.conflict_offered:
            self.conflict_offered = True
            self.offer_conflict_choice()

    def save_now_sync(self) -> bool:
        """Save at once on this thread (quitting, a test); whether the file is up to date."""
        ctl = self.controller
        if ctl is None:
            return True
        if ctl.read_only or ctl.path is None:
            return not ctl.dirty
        ctl.save_now()
        self._offer_once(ctl)
        return not ctl.dirty

    def action_save_now(self) -> None:
        """Save at once (command palette); after an outside change, ask what to do."""
        ctl = self.controller
        if ctl is None or ctl.read_only:
            return
        if ctl.conflict is not None:
            self.offer_conflict_choice()
            return
        ctl.version += 1
        self.save_now_sync()

    def offer_conflict_choice(self) -> None:
        """Ask what to do about a file changed outside (``tui.leaving``)."""
        leaving.offer_conflict_choice(cast("FagworkshopApp", self))

    def update_save_status(self) -> None:
        """Give the screen the save state (the status line and the banner show it)."""
        screen = self._workshop_screen()
        if screen is not None:
            screen.save = SaveInfo.of(self.controller)
