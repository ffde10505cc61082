"""The session controller (sessionsstyring): the open session without Textual.

``SessionController`` owns the session, its version counters, the snapshot that is
saved, *when* it is saved (a debounce with a maximum wait), the lock, the check that
the file on disk is still the one loaded or last written, and the undo history
(``tui.history``); the save half is its base class ``tui.autosave.Autosave``. The
app is a thin host (``tui.save_store.ControllerHost``).

Nothing here imports Textual, so every rule is tested with a fake clock and a
fake host (``tests/test_controller.py``), no sleeping.

The save rule: a change is saved ``SAVE_DELAY`` after the last change, but no
later than ``MAX_WAIT`` after the first change not yet on disk, however steady
the typing; the write itself then takes a few milliseconds, so no change is
unsaved for more than a second.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from fagworkshop.domain import changes
from fagworkshop.domain.changes import ChangeError
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.store.writing import session_snapshot
from fagworkshop.tui.aspects import aspect_of
from fagworkshop.tui.autosave import Autosave
from fagworkshop.tui.contract import Applied, Outcome, Refused, WorkshopHost, refused_value
from fagworkshop.tui.history import (
    FINAL,
    PERSON_PART,
    Entry,
    History,
    PersonPart,
    change_name,
    describe_change,
    person_part,
    put_back,
)
from fagworkshop.tui.save_store import Conflict, ControllerHost, SaveClock, SessionStore
from fagworkshop.tui.snapshot import round_index, shared_snapshot, with_person_part

# The outcome, the widget contract and the undo names live beside the controller and
# are re-exported here, where callers have always imported them; the save types are
# imported from tui.save_store.
__all__ = [
    "HISTORY",
    "MAX_WAIT",
    "SAVE_DELAY",
    "Applied",
    "Outcome",
    "Refused",
    "SessionController",
    "WorkshopHost",
    "describe_change",
]

#: Seconds of quiet after a change before it is saved.
SAVE_DELAY = 0.3
#: Seconds a change may wait for its save however steady the typing (the write follows).
MAX_WAIT = 0.75
#: Undo steps kept.
HISTORY = 100
#: Changes of top-level values only, and which: the plain data is made from the one before.
_SCALAR_CHANGES = {"go_to_step": ("current_step",)}

# --- the controller ------------------------------------------------------------------


class SessionController(Autosave):
    """The open session: the one way to change it, when it is saved, and undo.

    When and how it is saved is the base class's part (``tui.autosave``). Thread
    rule: everything runs on the host's thread except :meth:`write`, which the host
    may run on a worker thread; it touches only the job it is given and the write
    bookkeeping, under a lock.
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
        self.version = 0
        self.saved_version = 0
        self.saved_at: float | None = None
        self.save_error: str | None = None
        self.conflict: Conflict | None = None
        #: The stamp of the file found on disk at the last outside change (what the
        #: user overwrites when they choose to).
        self.disk_stamp: Any = None
        self.saving = False
        self._clock = SaveClock(delay, max_wait)
        self._write_lock = threading.Lock()
        self._written_version = 0
        self._plain = session_snapshot(session)
        self.history = History(history)

    # --- the one way to change the session ------------------------------------

    def apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Outcome:
        """Run a change; ``Applied(value)`` or ``Refused(reason)``. Schedules the save."""
        name = change_name(change_fn)
        part = self._part_before(name, args, kwargs)
        try:
            value = change_fn(self.session, *args, **kwargs)
        except ChangeError as err:
            return Refused(t(err.key, **err.params))
        except ValidationError as err:  # a value a model refuses: a pasted text too long
            return Refused(refused_value(err))
        changes.touch(self.session)
        before: dict[str, Any] | PersonPart = self._plain
        patched = self._patched(part) if part is not None else None
        if patched is not None and part is not None:
            self._plain, before = patched, part
        else:
            self._plain = self._snapshot(keys=_SCALAR_CHANGES.get(name))
        self.history.record(self.session, change_fn, args, before)
        if name in FINAL:  # nothing of the erased person stays in what the saves remember
            forget = getattr(self.store, "forget", None)
            if forget is not None:
                forget()
        self.version += 1
        self._changed()
        return Applied(value, aspect_of(change_fn))

    def _part_before(
        self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> PersonPart | None:
        """For a change of one person's ratings, their part of the latest round before it."""
        if name not in PERSON_PART or kwargs or not args or not isinstance(args[0], str):
            return None
        rnd = self.session.round()
        if rnd is None:  # the change starts the first round: a whole snapshot
            return None
        return person_part(self.session, rnd, args[0])

    def _patched(self, part: PersonPart) -> dict[str, Any] | None:
        """The plain data after a change of ``part``'s person, made from the plain data
        before; None when the round is no longer the latest (a whole snapshot then)."""
        rnd = self.session.round()
        if rnd is None or rnd.number != part.round_number:
            return None
        return with_person_part(
            self._plain, self.session, round_index(self.session, rnd), part.person_id
        )

    def break_coalescing(self) -> None:
        """The next change is an undo step of its own (a field lost the focus)."""
        self.history.last_key = None

    def _snapshot(self, keys: tuple[str, ...] | None = None) -> dict[str, Any]:
        """The session as plain data (what is saved and what undo keeps); with ``keys``
        (a change of those top-level values only) made from the plain data before."""
        if keys is not None:
            plain = {**self._plain, "updated": self.session.updated}
            plain.update((key, getattr(self.session, key)) for key in keys)
            return plain
        return shared_snapshot(session_snapshot(self.session), self._plain)

    # --- undo and redo -----------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self.history.undo)

    @property
    def can_redo(self) -> bool:
        return bool(self.history.redo)

    @property
    def undo_label(self) -> str | None:
        """What ctrl+z would take back, or None."""
        return str(self.history.undo[-1].label) if self.history.undo else None

    @property
    def redo_label(self) -> str | None:
        """What ctrl+y would do again, or None."""
        return str(self.history.redo[-1].label) if self.history.redo else None

    def undo(self) -> Outcome:
        """Take back the last change; ``Applied(label)`` or ``Refused`` when nothing to undo."""
        return self._go_back(self.history.undo, self.history.redo, "undo.nothing")

    def redo(self) -> Outcome:
        """Do again what was undone; ``Applied(label)`` or ``Refused``."""
        return self._go_back(self.history.redo, self.history.undo, "redo.nothing")

    def _go_back(self, source: list[Entry], target: list[Entry], nothing: str) -> Outcome:
        """Restore the newest state of ``source``; what is now goes onto ``target``."""
        if not source:
            return Refused(t(nothing))
        entry = source.pop()
        if entry.part is not None:
            now = self._put_back(entry.part)
            if now is None:  # pragma: no cover - the round is there: the stacks are in order
                source.append(entry)
                return Refused(t(nothing))
            target.append(Entry(None, entry.label, None, part=now))
        else:
            assert entry.plain is not None
            plain = self._plain
            refused = self._restore(entry.plain)
            if refused is not None:
                source.append(entry)
                return refused
            target.append(Entry(plain, entry.label, None))
        self.history.last_key = None
        return Applied(str(entry.label))

    def _put_back(self, part: PersonPart) -> PersonPart | None:
        """Put a person's part of a round back; their part as it was until now."""
        rnd = next((r for r in self.session.rounds if r.number == part.round_number), None)
        if rnd is None:
            return None
        now = person_part(self.session, rnd, part.person_id)
        put_back(self.session, rnd, part)
        changes.touch(self.session)
        patched = with_person_part(
            self._plain,
            self.session,
            round_index(self.session, rnd),
            part.person_id,
            keys=("current_step",),
        )
        self._plain = patched if patched is not None else self._snapshot()
        self.version += 1
        self._changed()
        return now

    def _restore(self, plain: dict[str, Any]) -> Refused | None:
        """Put a state back into the session object (the same object, so views keep it)."""
        try:
            restored = Session.model_validate(plain)
        except ValidationError as err:
            return Refused(refused_value(err))
        for name in type(self.session).model_fields:
            object.__setattr__(self.session, name, getattr(restored, name))
        changes.touch(self.session)
        self._plain = self._snapshot()
        self.version += 1
        self._changed()
        return None
