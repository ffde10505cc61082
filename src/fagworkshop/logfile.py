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
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

from fagworkshop import user_folders
from fagworkshop.store.permissions import FILE_MODE, ensure_folder

TYPE_CHECKING = False  # not typing's: the command line starts without it (issue 13)
if TYPE_CHECKING:
    from io import TextIOWrapper

ENV_LOG_DIR = "FAGWORKSHOP_LOG_DIR"
LOG_FILE = "fagworkshop.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
#: The logger every module's logger hangs under (``logging.getLogger(__name__)``).
ROOT = "fagworkshop"

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _LogFile(logging.FileHandler):
    """The handler :func:`setup` installs: a file that rotates at ``max_bytes``, keeping
    ``backups`` older files (``.1`` the newest), each made owner-only.

    What ``logging.handlers.RotatingFileHandler`` does, without importing
    ``logging.handlers`` (socket, pickle, queue: about 3 ms of every command, issue 13).
    """

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, mode="a", encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        """The file for appending, created 0600 (a rotated log's new file too)."""
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_after(record):
                self._rotate()
        except Exception:  # noqa: BLE001 - a log that cannot rotate must not stop the program
            self.handleError(record)
            return
        super().emit(record)

    def _full_after(self, record: logging.LogRecord) -> bool:
        """Whether writing ``record`` would take a non-empty file to ``max_bytes``."""
        if self.max_bytes <= 0 or self.backups <= 0:
            return False
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # /dev/null, say: never moved aside (as logging's, bpo-45401)
        if self.stream is None:
            self.stream = self._open()
        position = self.stream.seek(0, os.SEEK_END)
        return bool(position) and position + len(self.format(record)) + 1 >= self.max_bytes

    def _rotate(self) -> None:
        """``fagworkshop.log.N`` -> ``.N+1`` (the oldest dropped), the file -> ``.1``."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened below (or on the next record if this fails)
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


# Before setup (or when the log cannot be written) records go nowhere, never to
# stderr through logging's last resort, where they would land on the app's screen.
logging.getLogger(ROOT).addHandler(logging.NullHandler())


def log_dir() -> Path:
    """Where the log goes: ``FAGWORKSHOP_LOG_DIR``, else the user's log folder."""
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override).expanduser()
    return user_folders.log_dir()


def setup(
    folder: Path | None = None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path | None:
    """Send the package's records to the rotating log file; returns its path.

    Calling it again moves the log (tests point it at a temporary folder).
    None when the folder cannot be created or written: the program then runs
    without a log.
    """
    logger = logging.getLogger(ROOT)
    close()
    logger.setLevel(logging.INFO)
    logger.propagate = False  # never onto the terminal the app draws on
    target = (folder if folder is not None else log_dir()) / LOG_FILE
    try:
        ensure_folder(target.parent)  # 0700, parents included, whatever the umask
        os.chmod(target.parent, 0o700)
        handler = _LogFile(target, max_bytes=max_bytes, backups=backups)
        os.chmod(target, FILE_MODE)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    return target


def close() -> None:
    """Close the log file and stop writing to it (harmless when there is none)."""
    logger = logging.getLogger(ROOT)
    for handler in list(logger.handlers):
        if isinstance(handler, _LogFile):
            logger.removeHandler(handler)
            handler.close()


def where(exc: BaseException) -> str:
    """Where an exception was raised, as ``file:line in function`` frames, no values."""
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
