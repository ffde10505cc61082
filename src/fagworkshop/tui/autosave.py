"""The save half of the session controller (gemning): when to save, the write, its
result, the copy, the overwrite the user chose, and what the status line says.

:class:`Autosave` is a base class of ``tui.controller.SessionController``, which sets
every attribute named below in its ``__init__``; the controller's docstring states the
save rule (``SAVE_DELAY`` after the last change, no later than ``MAX_WAIT`` after the
first change not yet on disk). No Textual here.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fagworkshop import logfile
from fagworkshop.domain import changes
from fagworkshop.domain.session import Session
from fagworkshop.store.errors import StoreError
from fagworkshop.tui.save_store import (
    Conflict,
    ControllerHost,
    SaveClock,
    SaveJob,
    SaveResult,
    SaveState,
    SessionStore,
    lock_still_ours,
)

# The controller's log name, as before the save half had a module of its own.
_log = logfile.logger("fagworkshop.tui.controller")


class Autosave:
    """When the open session is saved, the write itself, and the save state.

    Thread rule: everything runs on the host's thread except :meth:`write`,
    which the host may run on a worker thread; it touches only the job it is
    given and the write bookkeeping, under a lock.
    """

    session: Session
    path: Path | None
    host: ControllerHost
    read_only: bool
    lock: Any
    stamp: Any
    store: SessionStore
    clock: Callable[[], float]
    wall_clock: Callable[[], float]
    version: int
    saved_version: int
    saved_at: float | None
    save_error: str | None
    conflict: Conflict | None
    disk_stamp: Any
    saving: bool
    _clock: SaveClock
    _write_lock: threading.Lock
    _written_version: int
    _plain: dict[str, Any]

    # --- when to save -----------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether something on screen is not on disk."""
        return self.version != self.saved_version

    @property
    def can_autosave(self) -> bool:
        return self.path is not None and not self.read_only and self.conflict is None

    def _changed(self) -> None:
        now = self.clock()
        if self._clock.first_unsaved is None:
            self._clock.first_unsaved = now
        self._arm(now)
        self.host.save_state_changed()

    def _arm(self, now: float) -> None:
        """(Re)start the save timer: after the quiet delay, capped by the maximum wait."""
        if not self.can_autosave or self.saving or not self.dirty:
            return
        self._clock.arm(now, self.host, self._timer_fired)

    def _cancel_timer(self) -> None:
        self._clock.cancel()

    def _timer_fired(self) -> None:
        self._clock.timer = None
        self._clock.due = None
        job = self.begin_save()
        if job is not None:
            self.host.run_save(job)

    @property
    def save_due(self) -> float | None:
        """When the armed save timer fires (the controller's clock), or None."""
        return self._clock.due

    def begin_save(self, *, force: bool = False, check: bool = True) -> SaveJob | None:
        """The save to run now, or None when there is nothing to save (or it may not).

        ``force`` takes the job even while another save is in flight or autosave
        stopped for a conflict (saving on quit, or the user chose to overwrite).
        """
        if self.path is None or self.read_only or not self.dirty:
            return None
        if not force and (self.saving or self.conflict is not None):
            return None
        if self.conflict is not None and check:
            return None
        self._cancel_timer()
        self.saving = True
        self._clock.first_unsaved = None
        return SaveJob(
            plain=self._plain,
            path=self.path,
            version=self.version,
            purge=changes.backup_purge_pending(self.session),
            expected=self.stamp,
            check=check,
        )

    def write(self, job: SaveJob) -> SaveResult:
        """Write a job unless a newer one is on disk already (any thread)."""
        with self._write_lock:
            if job.version <= self._written_version:
                return SaveResult(job, stamp=self.stamp)
            if job.check and not lock_still_ours(self.lock):
                return SaveResult(job, conflict=Conflict.LOCK)
            try:
                result = self.store.save(job)
            except Exception as err:  # noqa: BLE001 - a save that crashed must not stop saving
                _log.exception("save crashed")
                result = SaveResult(job, error=f"{type(err).__name__}: {err}")
            if result.error is None and result.conflict is None:
                self._written_version = job.version
            return result

    def finish_save(self, result: SaveResult) -> None:
        """Take in a save's result on the host's thread."""
        self.saving = False
        if result.conflict is not None:
            self.conflict = result.conflict
            if result.conflict is Conflict.OUTSIDE:
                self.disk_stamp = result.stamp
            self._cancel_timer()
        elif result.error is not None:
            self.save_error = result.error
        else:
            self.save_error = None
            if result.job.version > self.saved_version:
                self.saved_version = result.job.version
                self.saved_at = self.wall_clock()
                self.stamp = result.stamp
            if result.job.purge and result.job.version == self.version:
                changes.backup_purged(self.session)
        if self.dirty and self._clock.first_unsaved is None and self.save_error is None:
            self._clock.first_unsaved = self.clock()
        self._arm(self.clock())
        self.host.save_state_changed()

    def save_now(self, *, check: bool = True) -> bool:
        """Save at once on this thread (quitting, a signal, a test); whether disk is up to date."""
        job = self.begin_save(force=True, check=check)
        if job is None:
            return not self.dirty or self.path is None
        self.finish_save(self.write(job))
        return not self.dirty

    def save_copy(self, target: Path) -> str | None:
        """Write what is in memory to another file (a copy; the lock stays on ours).

        Returns the error text, or None when the copy is written.
        """
        job = SaveJob(self._plain, Path(target), self.version, purge=False, expected=None)
        return self.store.save(dataclasses.replace(job, check=False)).error

    def resolve_overwrite(self) -> bool:
        """The user chose to overwrite the file on disk with what is on screen.

        The save expects exactly the bytes found on disk when the change was seen
        (so a file changed yet again is not overwritten unseen either, and a cut-short
        file the user was shown may be replaced; its ``.bak`` is kept).
        """
        if self.conflict is Conflict.OUTSIDE:
            self.stamp = self.disk_stamp
        self.conflict = None
        if self.lock is not None and not lock_still_ours(self.lock):
            try:
                self.lock.release()
                self.lock.acquire()
            except StoreError as err:  # the other program still has it
                self.save_error = err.describe()
                self.conflict = Conflict.LOCK
                self.host.save_state_changed()
                return False
        self.version += 1  # make sure the write happens even if nothing changed since
        return self.save_now()

    # --- the status line ------------------------------------------------------------

    @property
    def state(self) -> SaveState:
        """What the save status says; SAVED only when what is on screen is on disk."""
        if self.read_only:
            return SaveState.READ_ONLY
        if self.path is None:
            return SaveState.NO_FILE
        if self.conflict is not None:
            return SaveState.BLOCKED
        if self.save_error is not None:
            return SaveState.FAILED
        if self.dirty:
            return SaveState.PENDING
        if self.saved_at is not None:
            return SaveState.SAVED
        return SaveState.NOT_YET

    @property
    def unsaved_on_quit(self) -> bool:
        """Whether quitting now would lose edits (a failed save, a conflict, read-only edits)."""
        if self.path is None:
            return False
        if self.read_only:
            return self.version > 0
        return self.dirty

    def close(self) -> None:
        """Stop the timer and give the lock back."""
        self._cancel_timer()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
