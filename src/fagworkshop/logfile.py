"""The program's log (logfil): a rotating file in the user's state folder.

``setup()`` is called once by the command line. Records go to
``fagworkshop.log`` in ``user_folders.log_dir()`` (platformdirs' user log folder; on Linux
``~/.local/state/fagworkshop/log/``), or in the folder named by
``FAGWORKSHOP_LOG_DIR``; the file rotates at :data:`MAX_BYTES` and keeps
:data:`BACKUPS` old files. The folder is readable by its owner only.

No personal data: a record names sessions, people and competences by id,
files by their name (not their path, which holds the user's name), and never
carries an exception's message, which may quote a loaded name. A catch-all
logs what it caught through :func:`caught`: the exception's type and where it
was raised. A log that cannot be written never stops the program.

Every module gets its logger from :func:`logger` (never ``logging.getLogger``, a
test checks): the first one asked for sends the package's records to the file.
Until then the command line writes its own records with :func:`record`, without
importing ``logging`` at all: ``fagworkshop catalogues`` logs what it ran and its
exit code and nothing else, and logging's import (traceback, threading, string:
about 3 ms) was a twelfth of that command (issue 13). Both ways write the same
lines through one writer (:func:`_append`), which rotates the file.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

from fagworkshop import user_folders
from fagworkshop.store.permissions import FILE_MODE, ensure_folder

TYPE_CHECKING = False  # not typing's: the command line starts without it (issue 13)
if TYPE_CHECKING:
    import logging

ENV_LOG_DIR = "FAGWORKSHOP_LOG_DIR"
LOG_FILE = "fagworkshop.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
#: The logger every module's logger hangs under (``logger(__name__)``).
ROOT = "fagworkshop"


class _Target:
    """The open log: its file, where it rotates and how many old files it keeps."""

    __slots__ = ("path", "max_bytes", "backups")

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups


#: Set by :func:`setup`, cleared by :func:`close`.
_target: _Target | None = None
#: The handler on the ``fagworkshop`` logger while there is a target and logging is in use.
_handler: logging.Handler | None = None


def log_dir() -> Path:
    """Where the log goes: ``FAGWORKSHOP_LOG_DIR``, else the user's log folder."""
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override).expanduser()
    return user_folders.log_dir()


def _line(created: float, level: str, name: str, message: str) -> str:
    """One record as it is written: ``2026-12-02 04:10:11,123 INFO fagworkshop.cli: ...``
    (``logging``'s ``%(asctime)s %(levelname)s %(name)s: %(message)s``)."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(created))
    return f"{stamp},{int((created - int(created)) * 1000):03d} {level} {name}: {message}\n"


def _append(target: _Target, line: str) -> None:
    """Append ``line`` to the log file, moving it aside first when it would grow past
    ``max_bytes``: ``.N`` -> ``.N+1`` (the oldest dropped), the file -> ``.1``. Every file
    is made owner-only. Raises OSError."""
    data = line.encode("utf-8", errors="replace")
    path = str(target.path)
    if target.max_bytes > 0 and target.backups > 0:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            info = None
        if info is not None and _full(info, len(data), target.max_bytes):
            _rotate(path, len(data), target)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def _full(info: os.stat_result, more: int, max_bytes: int) -> bool:
    """Whether ``more`` bytes would take the log past ``max_bytes``: a non-empty regular
    file only (not /dev/null, say: logging's rule, bpo-45401)."""
    return stat.S_ISREG(info.st_mode) and 0 < info.st_size and info.st_size + more >= max_bytes


def _rotate(path: str, more: int, target: _Target) -> None:
    """Move the full log aside, unless another program writing it (a second workshop
    open) has done so since: one at a time, under an exclusive ``flock`` of the full
    file, each checks that the file is still the log and still full. Unlocked, the
    later one's move found the file gone (its record lost) or moved the other's fresh
    file aside again (a backup lost)."""
    try:
        import fcntl  # here, not at the top: only a rotation needs it
    except ImportError:  # pragma: no cover - Windows: one program at a time, as logging's
        try:
            _move_aside(path, target.backups)
        except FileNotFoundError:
            pass
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return  # moved aside by the other program
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released when fd is closed
        mine = os.fstat(fd)
        try:
            still = os.path.samestat(mine, os.stat(path))
        except FileNotFoundError:
            still = False
        if still and _full(mine, more, target.max_bytes):
            _move_aside(path, target.backups)
    finally:
        os.close(fd)


def _move_aside(path: str, backups: int) -> None:
    """``.N`` -> ``.N+1`` (the oldest dropped), the file -> ``.1``."""
    for n in range(backups - 1, 0, -1):
        if os.path.exists(f"{path}.{n}"):
            os.replace(f"{path}.{n}", f"{path}.{n + 1}")
    os.replace(path, f"{path}.1")


def setup(
    folder: Path | None = None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path | None:
    """Send the package's records to the rotating log file; returns its path.

    Calling it again moves the log (tests point it at a temporary folder).
    None when the folder cannot be created or written: the program then runs
    without a log. When ``logging`` is in use already its records go there at once;
    otherwise from the first :func:`logger` on.
    """
    global _target
    close()
    target = (folder if folder is not None else log_dir()) / LOG_FILE
    try:
        ensure_folder(target.parent)  # 0700, parents included, whatever the umask
        os.chmod(target.parent, 0o700)
        os.close(os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE))
        os.chmod(target, FILE_MODE)
    except OSError:
        return None
    _target = _Target(target, max_bytes, backups)
    if "logging" in sys.modules:  # loaded already: no import to save
        _use_logging()
    return target


def close() -> None:
    """Stop writing to the log file (harmless when there is none)."""
    global _target, _handler
    _target = None
    if _handler is not None:
        import logging  # loaded: the handler is one of its

        logging.getLogger(ROOT).removeHandler(_handler)
        _handler = None


def logger(name: str) -> logging.Logger:
    """The logger of module ``name`` (``logger(__name__)``), its records in the log file."""
    import logging  # here, not at the top: see the module docstring (issue 13)

    _use_logging()
    return logging.getLogger(name)


def _use_logging() -> None:
    """Hang the file's handler on the package's logger (once per :func:`setup`); before
    setup, or without a log, records go nowhere, never to stderr through logging's last
    resort, where they would land on the app's screen."""
    global _handler
    import logging  # the callers use logging already

    root = logging.getLogger(ROOT)
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    root.setLevel(logging.INFO)
    root.propagate = False  # never onto the terminal the app draws on
    if _target is None or _handler is not None:
        return
    from fagworkshop.log_handler import FileRecords  # imports logging: see above

    _handler = FileRecords()
    root.addHandler(_handler)


def record(name: str, level: str, message: str) -> None:
    """Write one record (``level`` ``"INFO"``, ``"WARNING"``...) for logger ``name``: through
    logging when it is in use, else straight to the file (the command line's own records)."""
    if _handler is not None:
        import logging  # loaded: the handler is one of its

        logging.getLogger(name).log(logging.getLevelName(level), "%s", message)
        return
    try:
        write(time.time(), level, name, message)
    except OSError:
        pass  # a log that cannot be written never stops the program


def write(created: float, level: str, name: str, message: str) -> None:
    """Append one record to the log file, if there is one. Raises OSError."""
    target = _target
    if target is not None:
        _append(target, _line(created, level, name, message))


def where(exc: BaseException) -> str:
    """Where an exception was raised, as ``file:line in function`` frames, no values."""
    import traceback  # with linecache and tokenize: for a caught error, not every start

    frames = traceback.extract_tb(exc.__traceback__)
    return " <- ".join(
        f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in reversed(frames[-6:])
    )


def caught(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log that a catch-all caught ``exc`` while doing ``what``: its type and place only.

    The message is left out on purpose: it may quote a name or a note.
    """
    kind = type(exc)
    logger.error(
        "caught %s.%s while %s at %s", kind.__module__, kind.__qualname__, what, where(exc)
    )
