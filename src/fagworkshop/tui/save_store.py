"""Saving, as the controller sees it: the save state, a save job and its result, the
store it writes through, and what the controller needs from its host (a timer, a
thread for the save). No Textual here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from fagworkshop.store.errors import OutsideChange, StoreError
from fagworkshop.store.integrity import file_stamp
from fagworkshop.store.reuse import SaveMemo
from fagworkshop.store.writing import UNCHECKED, save_session


class Cancellable(Protocol):
    """A timer the host started (Textual's ``Timer`` has ``stop``)."""

    def stop(self) -> None: ...


class ControllerHost(Protocol):
    """What the controller needs from whoever runs it (the app, or a test)."""

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        """Call ``callback`` on the host's thread after ``delay`` seconds."""
        ...

    def run_save(self, job: SaveJob) -> None:
        """Run ``controller.write(job)`` (on any thread), then ``controller.finish_save``
        with its result on the host's thread."""
        ...

    def save_state_changed(self) -> None:
        """The save status changed: show it."""
        ...


class SaveState(Enum):
    """What the save status line says."""

    NO_FILE = "no_file"
    READ_ONLY = "read_only"
    NOT_YET = "not_yet"  # nothing changed since opening
    PENDING = "pending"  # something on screen is not on disk yet
    SAVED = "saved"  # what is on screen is on disk
    FAILED = "failed"  # the last save failed; retried on the next change
    BLOCKED = "blocked"  # the file changed outside or the lock is lost: autosave stopped


class Conflict(Enum):
    """Why autosave stopped."""

    OUTSIDE = "outside"  # the file on disk is not the one loaded or last written
    LOCK = "lock"  # the lock is no longer ours


@dataclass(frozen=True)
class SaveJob:
    """One save to run: plain data (never touched again), where, and what to expect there.

    The plain data stays out of the repr: Textual names a worker by the repr of its
    arguments, and the whole session's repr took 40 to 90 ms of the UI thread per save
    at 2,000 staff.
    """

    plain: dict[str, Any] = field(repr=False)
    path: Path
    version: int
    purge: bool
    expected: Any  # the store's FileStamp of the file we loaded or last wrote (None: new)
    check: bool = True  # False: overwrite whatever is on disk (the user chose so)


@dataclass(frozen=True)
class SaveResult:
    """What a save did."""

    job: SaveJob
    error: str | None = None
    conflict: Conflict | None = None
    stamp: Any = None


class SessionStore:
    """Reads stamps and saves through ``fagworkshop.store`` (a test may pass its own).

    Its memo (``store.reuse``) keeps the text and checks of the last save, so a save
    after one key rewrites one rating line: the controller's plain data keeps what did
    not change as the same objects and never changes them.
    """

    def __init__(self) -> None:
        self.memo = SaveMemo()

    def forget(self) -> None:
        """Drop what the memo holds of earlier saves (a person was erased)."""
        self.memo.forget()

    def stamp(self, path: Path) -> Any:
        """The store's ``FileStamp`` of the file now (None when there is none)."""
        try:
            return file_stamp(path)
        except OSError:
            return None

    def save(self, job: SaveJob) -> SaveResult:
        """Save a job: refused with a conflict when the file is not the one expected."""
        expected = job.expected if job.check else UNCHECKED
        try:
            stamp = save_session(
                job.plain, job.path, purge_backup=job.purge, expected=expected, memo=self.memo
            )
        except OutsideChange as err:  # stamp: what is on disk now
            return SaveResult(job, conflict=Conflict.OUTSIDE, stamp=err.on_disk)
        except StoreError as err:
            return SaveResult(job, error=err.describe())
        except OSError as err:  # the store should wrap these; never lose the app
            return SaveResult(job, error=str(err))
        return SaveResult(job, stamp=stamp)


def lock_still_ours(lock: Any) -> bool:
    """Whether a held ``SessionLock`` is still this program's (True when unknown)."""
    if lock is None:
        return True
    check = getattr(lock, "still_ours", None)
    if check is None:
        return bool(getattr(lock, "held", True))
    try:
        return bool(check())
    except OSError:
        return False


@dataclass
class SaveClock:
    """The save timer: a save is due ``delay`` after the last change, but no later than
    ``max_wait`` after the first change not yet in any save."""

    delay: float
    max_wait: float
    first_unsaved: float | None = None  # when the first change not in any save was made
    due: float | None = None
    timer: Cancellable | None = None

    def arm(self, now: float, host: ControllerHost, fire: Callable[[], None]) -> None:
        """(Re)start the timer on ``host``; ``fire`` is called when the save is due."""
        first = self.first_unsaved if self.first_unsaved is not None else now
        due = min(now + self.delay, first + self.max_wait)
        self.cancel()
        self.due = due
        self.timer = host.call_later(max(0.0, due - now), fire)

    def cancel(self) -> None:
        """Stop the timer, if one is running."""
        if self.timer is not None:
            self.timer.stop()
        self.timer = None
        self.due = None
