"""The program's log (logfil): a rotating file in the user's state folder.

``setup()`` is called once by the command line. Records go to
``fagworkshop.log`` in ``platformdirs.user_log_path("fagworkshop")`` (on Linux
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
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from fagworkshop.store.permissions import ensure_folder

ENV_LOG_DIR = "FAGWORKSHOP_LOG_DIR"
LOG_FILE = "fagworkshop.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
#: The logger every module's logger hangs under (``logging.getLogger(__name__)``).
ROOT = "fagworkshop"

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _LogFile(RotatingFileHandler):
    """The handler :func:`setup` installs, told apart from any other."""


# Before setup (or when the log cannot be written) records go nowhere, never to
# stderr through logging's last resort, where they would land on the app's screen.
logging.getLogger(ROOT).addHandler(logging.NullHandler())


def log_dir() -> Path:
    """Where the log goes: ``FAGWORKSHOP_LOG_DIR``, else the user's log folder."""
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_log_path("fagworkshop", appauthor=False)


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
        handler = _LogFile(target, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        os.chmod(target, 0o600)
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
