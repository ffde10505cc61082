"""Writing a file atomically: temporary file, fsync, backup by hard link, rename.

The new bytes go to a temporary file in the same folder (created 0600 by
``mkstemp`` and held with an flock while written), are flushed and fsynced,
and replace the old file with ``os.replace``; the folder is fsynced so the
move itself survives a power cut. Before the move, the previous version
becomes ``NAME.toml.bak`` through a hard link (or a copy) that is itself moved
into place atomically. Temporary files a killed writer left behind are swept.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from fagworkshop.store.permissions import FILE_MODE, ensure_folder

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]


_TEMP_SUFFIX = ".tmp"


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; ignored where folders cannot be fsynced."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


#: Temporary files this process is writing now (never swept from under a save).
_in_flight: set[str] = set()


_in_flight_lock = threading.Lock()


def _hold(fd: int) -> None:
    """Hold an flock on a temporary file while it is being written.

    The kernel drops it when the writer dies, so a sweep can tell a live
    writer's file (locked) from one a killed process left behind (free),
    without guessing from process ids, which the system reuses.
    """
    if fcntl is None:  # pragma: no cover
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass  # a file system without flock: the sweep then skips nothing it should keep


def _is_abandoned(p: Path) -> bool:
    if fcntl is None:  # pragma: no cover - no flock: only files older than an hour
        try:
            return time.time() - p.stat().st_mtime > 3600
        except OSError:
            return False
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # a live save holds it
    except OSError:
        return True
    finally:
        os.close(fd)
    return True


_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")


def sweep_temp_files(target: Path) -> list[Path]:
    """Remove temporary files a killed save of ``target`` left behind; returns them.

    A temporary file is left behind when no save holds its flock any more
    (see :func:`_hold`); they may hold personal data, so they go at once.
    """
    removed: list[Path] = []
    folder = target.parent
    prefix = _temp_prefix(target)
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    with _in_flight_lock:
        busy = set(_in_flight)
    for p in candidates:
        m = _TEMP_NAME.match(p.name)
        if not m or m.group("name") != target.name or str(p) in busy:
            continue
        if _is_abandoned(p):
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                continue
    return removed


def _mkstemp(folder: Path, target: Path) -> tuple[int, Path]:
    with _in_flight_lock:
        fd, name = tempfile.mkstemp(
            prefix=f"{_temp_prefix(target)}{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=folder
        )
        _in_flight.add(name)
    _hold(fd)
    return fd, Path(name)


def _done(temp: Path) -> None:
    with _in_flight_lock:
        _in_flight.discard(str(temp))


def _write_temp(folder: Path, target: Path, data: bytes) -> tuple[int, Path]:
    """Write ``data`` to a new temporary file; returns its still open (locked) fd and path."""
    fd, temp = _mkstemp(folder, target)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        _done(temp)
        raise
    return fd, temp


def refresh_backup(target: Path, backup: Path) -> None:
    """Make ``backup`` the current content of ``target``, atomically, mode 0600."""
    fd, staged = _mkstemp(target.parent, backup)
    os.close(fd)
    held = -1
    try:
        try:
            staged.unlink()
            os.link(target, staged)  # same inode: cheap, and the old bytes stay put
        except OSError:
            shutil.copyfile(target, staged)
            with staged.open("rb") as f:
                os.fsync(f.fileno())
        held = os.open(staged, os.O_RDONLY)
        _hold(held)
        os.chmod(staged, FILE_MODE)
        os.replace(staged, backup)
        # rename(2) does nothing when both names are links to one file (a save
        # killed after its backup step leaves .bak linked to the file): the
        # staged name is then still there, and the backup already holds it.
        if os.path.lexists(staged):
            staged.unlink()
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    finally:
        if held >= 0:
            os.close(held)
        _done(staged)


def write_atomic(
    target: Path,
    data: bytes,
    *,
    keep_backup: bool = True,
    before_replace: Callable[[], bool] | None = None,
) -> None:
    """Replace ``target`` with ``data`` atomically, keeping the old file as ``.bak``.

    ``before_replace`` runs once the new bytes are on disk, just before the old
    file is touched; what it raises stops the save, and when it returns False
    the old file is not kept as ``.bak``. Raises OSError; the file at
    ``target`` is then unchanged.
    """
    folder = target.parent
    ensure_folder(folder)
    sweep_temp_files(target)
    sweep_temp_files(target.with_name(target.name + ".bak"))
    fd, temp = _write_temp(folder, target, data)
    try:
        if before_replace is not None and not before_replace():
            keep_backup = False
        if keep_backup and target.is_file():
            refresh_backup(target, target.with_name(target.name + ".bak"))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
        _done(temp)
    fsync_folder(folder)
