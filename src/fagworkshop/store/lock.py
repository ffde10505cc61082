"""One program at a time per session: a lock on a sidecar file ``NAME.toml.lock``.

The lock is an ``flock`` held through :mod:`filelock`, so the kernel releases
it when the holder dies: a crashed or killed program never leaves it stuck.
The sidecar is locked, never the session file itself, because saving swaps the
session file with ``os.replace``.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from fagworkshop.store.errors import SaveFailed, SessionLocked, os_reason
from fagworkshop.store.writing import FILE_MODE, ensure_folder


def lock_path(path: Path | str) -> Path:
    """The sidecar lock file of a session file."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


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
        return self

    def release(self) -> None:
        """Give the lock back (harmless when not held)."""
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
