"""One program at a time per session: a lock on a sidecar file ``NAME.toml.lock``.

The lock is an ``flock`` held through :mod:`filelock`, so the kernel releases
it when the holder dies: a crashed or killed program never leaves it stuck.
The sidecar is locked, never the session file itself, because saving swaps the
session file with ``os.replace``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from fagworkshop.store.errors import SaveFailed, SessionLocked, os_reason
from fagworkshop.store.permissions import FILE_MODE, ensure_folder


def lock_path(path: Path | str) -> Path:
    """The sidecar lock file of a session file."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


#: Lock files this process holds through a SessionLock (resolved paths).
_held: set[str] = set()
_held_guard = threading.Lock()


def _key(path: Path | str) -> str:
    return str(lock_path(path).resolve())


def held_elsewhere(path: Path | str) -> bool:
    """Whether another program holds the lock of session ``path`` right now.

    ``save_session`` asks this before writing, so a program that did not get
    the lock (or never asked for it) cannot overwrite the work of the one
    that has it. This process's own SessionLocks do not count; when the lock
    file cannot be probed the answer is False (saving is not blocked by doubt).
    """
    sidecar = lock_path(path)
    with _held_guard:
        if _key(path) in _held:
            return False
    if not sidecar.exists():
        return False
    probe = FileLock(str(sidecar), mode=FILE_MODE, thread_local=False, fallback_to_soft=False)
    try:
        probe.acquire(blocking=False)
    except Timeout:
        return True
    except OSError:
        return False
    probe.release(force=True)
    return False


class SessionLock:
    """The right to edit one session file (redigeringslås).

    ``acquire()`` raises :class:`SessionLocked` at once when another program
    holds it; the app then offers to open the session read-only.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = FileLock(
            str(lock_path(self.path)), mode=FILE_MODE, thread_local=False, fallback_to_soft=False
        )
        self._identity: tuple[int, int] | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock now."""
        return self._lock.is_locked

    def acquire(self) -> SessionLock:
        """Take the lock without waiting; SessionLocked if someone else has it."""
        try:
            ensure_folder(self.path.parent)
            self._lock.acquire(blocking=False)
        except Timeout:
            raise SessionLocked(self.path) from None
        except OSError as exc:
            raise SaveFailed(lock_path(self.path), os_reason(exc)) from None
        with _held_guard:
            _held.add(_key(self.path))
        self._identity = self._held_identity()
        return self

    def _held_identity(self) -> tuple[int, int] | None:
        """Device and inode of the lock file we hold (through our descriptor if we can)."""
        fd = getattr(getattr(self._lock, "_context", None), "lock_file_fd", None)
        try:
            info = os.fstat(fd) if isinstance(fd, int) else os.stat(lock_path(self.path))
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def still_ours(self) -> bool:
        """Whether the lock file on disk is still the one this object holds.

        False when the lock was released, or its file removed or replaced by
        someone else (then a second program may have taken a new lock and be
        writing the session): the app must stop saving unseen.
        """
        if not self.held or self._identity is None:
            return False
        try:
            info = os.stat(lock_path(self.path), follow_symlinks=False)
        except OSError:
            return False
        return (info.st_dev, info.st_ino) == self._identity

    def release(self) -> None:
        """Give the lock back (harmless when not held)."""
        if self._lock.is_locked:
            self._lock.release(force=True)
            with _held_guard:
                _held.discard(_key(self.path))

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
