"""The session controller (sessionsstyring): the open session without Textual.

``SessionController`` owns what the app used to hold loosely: the session, its
version counters, the snapshot that is saved, *when* it is saved (a debounce
with a maximum wait), the lock, the check that the file on disk is still the
one loaded or last written, and the undo history. The app is a thin host: it
gives the controller a timer, a place to run a save (a thread worker) and a
status line, and keeps calling ``app.apply`` as before.

Nothing here imports Textual, so every rule is tested with a fake clock and a
fake host (``tests/test_controller.py``), no sleeping.

The save rule: a change is saved ``SAVE_DELAY`` after the last change, but no
later than ``MAX_WAIT`` after the first change not yet on disk, however steady
the typing; the write itself then takes a few milliseconds, so no change is
unsaved for more than a second.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from pydantic import ValidationError

from fagworkshop.domain import changes
from fagworkshop.domain.changes import ChangeError
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.store.errors import StoreError
from fagworkshop.store.writing import session_snapshot
from fagworkshop.tui.aspects import Aspect, aspect_of

_log = logging.getLogger(__name__)

#: Seconds of quiet after a change before it is saved.
SAVE_DELAY = 0.3
#: Seconds a change may wait for its save however steady the typing (the write follows).
MAX_WAIT = 0.75
#: Undo steps kept.
HISTORY = 100

T = TypeVar("T")


# --- the outcome of a change ------------------------------------------------------


@dataclass(frozen=True)
class Applied(Generic[T]):
    """A change that went through; ``value`` is what the change function returned,
    ``aspect`` what it changed (views refresh only when they show it)."""

    value: T
    aspect: Aspect = Aspect.ALL

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True)
class Refused:
    """A change that was refused; ``reason`` is the message shown to the user."""

    reason: str

    def __bool__(self) -> bool:
        return False


Outcome = Applied[Any] | Refused


# --- what the host provides ----------------------------------------------------------


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


@runtime_checkable
class WorkshopHost(Protocol):
    """What a step widget may use of the app (``FagworkshopApp`` is one).

    Read the session, change it through ``apply`` (value or None) or
    ``try_apply`` (``Applied``/``Refused``), move between steps, and
    ``flush_saves`` in tests. Widgets type ``self.app`` as this instead of
    reaching into the app.
    """

    @property
    def session(self) -> Session | None: ...

    def apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def try_apply(
        self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> Applied[Any] | Refused: ...

    def show_step(self, step: int, remember: bool = True) -> None: ...

    async def flush_saves(self) -> None: ...


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
    """One save to run: plain data (never touched again), where, and what to expect there."""

    plain: dict[str, Any]
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


# --- the store, as the controller uses it -------------------------------------------


class SessionStore:
    """Reads stamps and saves through ``fagworkshop.store`` (a test may pass its own)."""

    def stamp(self, path: Path) -> Any:
        """The store's ``FileStamp`` of the file now (None when there is none)."""
        from fagworkshop import store

        try:
            return store.file_stamp(path)
        except OSError:
            return None

    def save(self, job: SaveJob) -> SaveResult:
        """Save a job: refused with a conflict when the file is not the one expected."""
        from fagworkshop import store

        expected = job.expected if job.check else store.UNCHECKED
        try:
            stamp = store.save_session(
                job.plain, job.path, purge_backup=job.purge, expected=expected
            )
        except store.OutsideChange as err:  # stamp: what is on disk now
            return SaveResult(job, conflict=Conflict.OUTSIDE, stamp=err.on_disk)
        except store.StoreError as err:
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


# --- undo ----------------------------------------------------------------------------


@dataclass
class _Entry:
    """One undo step: the session before (or, on the redo stack, after) a change."""

    plain: dict[str, Any]
    label: str
    key: tuple[Any, ...] | None  # changes with the same key coalesce (typing one field)


#: Changes that are not undo steps (moving between steps is not a change of content).
_NOT_RECORDED = {"go_to_step"}
#: Changes after which nothing before may be brought back (the person's data is gone).
_FINAL = {"erase_person"}
#: Changes that coalesce while the same field is typed into (one undo step per field).
_COALESCE = {
    "set_frame_text",
    "set_step_notes",
    "set_timebox",
    "set_basic_wording",
    "set_basic_note",
    "set_element_wording",
    "set_element_note",
    "rename_profile",
    "set_profile_description",
    "set_profile_needed",
    "set_rating_note",
    "update_participant",
    "update_person",
    "update_action",
    "update_goal",
}


def _change_name(fn: Callable[..., Any]) -> str:
    inner = getattr(fn, "__wrapped__", fn)
    return str(getattr(inner, "__name__", "change"))


def competence_code(session: Session, competence_id: str) -> str:
    """The grid's column code of a competence (``B3``, ``E2``), else its id."""
    for i, basic in enumerate(session.basics, 1):
        if basic.id == competence_id:
            return f"{t('grid.basic_code')}{i}"
    for i, (_, element) in enumerate(session.elements(), 1):
        if element.id == competence_id:
            return f"{t('grid.element_code')}{i}"
    return competence_id


def _person_label(session: Session, person_id: str) -> str:
    person = session.person(person_id)
    if person is None:
        return person_id
    return (person.initials or person.name).strip() or person_id


def describe_change(session: Session, fn: Callable[..., Any], args: tuple[Any, ...]) -> str:
    """What a change did, in words for the undo message ("niveau for AP på B3")."""
    name = _change_name(fn)
    try:
        cells = {"set_rating", "toggle_unused", "set_rating_note", "set_self_rating", "toggle_wish"}
        if name in cells and len(args) >= 2:
            return t(
                f"undo.what.{name}",
                person=_person_label(session, str(args[0])),
                code=competence_code(session, str(args[1])),
            )
        if name in {"set_frame_text"} and args:
            return t("undo.what.set_frame_text", field=t(f"undo.field.{args[0]}"))
    except KeyError:
        pass
    key = f"undo.what.{name}"
    from fagworkshop import i18n

    if i18n.has(key):
        return t(key)
    return t("undo.what.other")


# --- the controller ------------------------------------------------------------------


@dataclass
class _SaveClock:
    first_unsaved: float | None = None  # when the first change not in any save was made
    due: float | None = None
    timer: Cancellable | None = None


class SessionController:
    """The open session: the one way to change it, when it is saved, and undo.

    Thread rule: everything runs on the host's thread except :meth:`write`,
    which the host may run on a worker thread; it touches only the job it is
    given and the write bookkeeping, under a lock.
    """

    def __init__(
        self,
        session: Session,
        path: Path | None,
        host: ControllerHost,
        *,
        read_only: bool = False,
        lock: Any = None,
        stamp: Any = None,
        store: SessionStore | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        delay: float = SAVE_DELAY,
        max_wait: float = MAX_WAIT,
        history: int = HISTORY,
    ) -> None:
        self.session = session
        self.path = Path(path) if path is not None else None
        self.host = host
        self.read_only = read_only
        self.lock = lock
        self.stamp = stamp
        self.store = store or SessionStore()
        self.clock = clock
        self.wall_clock = wall_clock
        self.delay = delay
        self.max_wait = max_wait
        self.history_size = history
        self.version = 0
        self.saved_version = 0
        self.saved_at: float | None = None
        self.save_error: str | None = None
        self.conflict: Conflict | None = None
        #: The stamp of the file found on disk at the last outside change (what the
        #: user overwrites when they choose to).
        self.disk_stamp: Any = None
        self.saving = False
        self._clock = _SaveClock()
        self._write_lock = threading.Lock()
        self._written_version = 0
        self._plain = session_snapshot(session)
        self._undo: list[_Entry] = []
        self._redo: list[_Entry] = []
        self._last_key: tuple[Any, ...] | None = None

    # --- the one way to change the session ------------------------------------

    def apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Outcome:
        """Run a change; ``Applied(value)`` or ``Refused(reason)``. Schedules the save."""
        try:
            value = change_fn(self.session, *args, **kwargs)
        except ChangeError as err:
            return Refused(t(err.key, **err.params))
        except ValidationError as err:  # a value a model refuses: a pasted text too long
            return Refused(_refused_value(err))
        before = self._plain
        changes.touch(self.session)
        self._plain = self._snapshot()
        self._record(change_fn, args, before)
        self.version += 1
        self._changed()
        return Applied(value, aspect_of(change_fn))

    def _record(
        self, fn: Callable[..., Any], args: tuple[Any, ...], before: dict[str, Any]
    ) -> None:
        name = _change_name(fn)
        if name in _NOT_RECORDED:
            return
        if name in _FINAL:  # older states hold the erased person: forget them all
            self._undo.clear()
            self._redo.clear()
            self._last_key = None
            return
        key = (name, *args[:-1]) if name in _COALESCE else None
        self._redo.clear()
        if key is not None and key == self._last_key and self._undo:
            return  # typing on in the same field: the step before it stays the undo step
        self._undo.append(_Entry(before, describe_change(self.session, fn, args), key))
        del self._undo[: -self.history_size]
        self._last_key = key

    def break_coalescing(self) -> None:
        """The next change is an undo step of its own (a field lost the focus)."""
        self._last_key = None

    def _snapshot(self) -> dict[str, Any]:
        """The session as plain data (what is saved and what undo keeps).

        Rating dicts that did not change are shared with the previous snapshot, so a
        hundred undo steps of a large session do not hold a hundred copies of its
        ratings. Snapshots are never changed once made.
        """
        plain = session_snapshot(self.session)
        old_rounds = self._plain.get("rounds", [])
        for new, old in zip(plain.get("rounds", []), old_rounds, strict=False):
            before = old.get("ratings", {})
            ratings = new.get("ratings", {})
            for person, levels in ratings.items():
                kept = before.get(person)
                if kept == levels:
                    ratings[person] = kept
        return plain

    # --- undo and redo -----------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        """What ctrl+z would take back, or None."""
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        """What ctrl+y would do again, or None."""
        return self._redo[-1].label if self._redo else None

    def undo(self) -> Outcome:
        """Take back the last change; ``Applied(label)`` or ``Refused`` when nothing to undo."""
        if not self._undo:
            return Refused(t("undo.nothing"))
        entry = self._undo.pop()
        now = self._plain
        refused = self._restore(entry.plain)
        if refused is not None:
            self._undo.append(entry)
            return refused
        self._redo.append(_Entry(now, entry.label, None))
        self._last_key = None
        return Applied(entry.label)

    def redo(self) -> Outcome:
        """Do again what was undone; ``Applied(label)`` or ``Refused``."""
        if not self._redo:
            return Refused(t("redo.nothing"))
        entry = self._redo.pop()
        now = self._plain
        refused = self._restore(entry.plain)
        if refused is not None:
            self._redo.append(entry)
            return refused
        self._undo.append(_Entry(now, entry.label, None))
        self._last_key = None
        return Applied(entry.label)

    def _restore(self, plain: dict[str, Any]) -> Refused | None:
        """Put a state back into the session object (the same object, so views keep it)."""
        try:
            restored = Session.model_validate(plain)
        except ValidationError as err:
            return Refused(_refused_value(err))
        for name in type(self.session).model_fields:
            object.__setattr__(self.session, name, getattr(restored, name))
        changes.touch(self.session)
        self._plain = self._snapshot()
        self.version += 1
        self._changed()
        return None

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
        first = self._clock.first_unsaved if self._clock.first_unsaved is not None else now
        due = min(now + self.delay, first + self.max_wait)
        self._cancel_timer()
        self._clock.due = due
        self._clock.timer = self.host.call_later(max(0.0, due - now), self._timer_fired)

    def _cancel_timer(self) -> None:
        if self._clock.timer is not None:
            self._clock.timer.stop()
        self._clock.timer = None
        self._clock.due = None

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
        job = SaveJob(
            plain=self._plain,
            path=Path(target),
            version=self.version,
            purge=False,
            expected=None,
            check=False,
        )
        result = self.store.save(job)
        return result.error

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


def _refused_value(err: ValidationError) -> str:
    """The first problem of a refused value as a message (field and what is wrong)."""
    from fagworkshop.store.errors import loc_to_place, pydantic_message, render, terminal_safe

    first = err.errors(include_url=False)[0]
    place = loc_to_place(first.get("loc", ()))
    reason = render(pydantic_message(dict(first)))
    return terminal_safe(t("change.refused_value", place=place, reason=reason))
