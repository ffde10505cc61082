"""Where session files live, what they are called, and what is in the folder.

The folder is the ``--sessions-dir`` option, else ``FAGWORKSHOP_SESSIONS_DIR``,
else ``sessions`` in the user's data folder (platformdirs). It is created
readable by its owner only: the files hold personal data.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from fagworkshop import logfile, user_folders
from fagworkshop.domain.session import Status
from fagworkshop.i18n import t
from fagworkshop.store.backup_info import BackupInfo
from fagworkshop.store.errors import (
    FileProblem,
    SaveFailed,
    SessionTruncated,
    os_reason,
    terminal_safe,
)
from fagworkshop.store.reading import (
    catalogue_from_data,
    is_session_data,
    load_session_file,
    parse_toml,
    read_bytes,
    read_toml,
    session_from_data,
)
from fagworkshop.store.writing import ensure_folder, write_atomic

log = logfile.logger(__name__)

ENV_SESSIONS_DIR = "FAGWORKSHOP_SESSIONS_DIR"
SUFFIX = ".toml"
#: Longest file-name stem taken from a title (before ``-2`` and ``.toml``).
MAX_STEM = 60
_DANISH = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"}
)
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def sessions_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The sessions folder (created 0700 when missing, if possible)."""
    if option:
        folder = Path(option).expanduser()
    elif os.environ.get(ENV_SESSIONS_DIR):
        folder = Path(os.environ[ENV_SESSIONS_DIR]).expanduser()
    else:
        folder = user_folders.data_dir() / "sessions"
    try:
        ensure_folder(folder)
    except OSError:
        pass  # saving into it will say why
    return folder


def slug(title: str) -> str:
    """A safe file-name stem from a title: ``Ældre Øst/Vest`` -> ``aeldre-oest-vest``.

    Only ``a-z``, ``0-9`` and single dashes; never empty, never ``..``, at most
    :data:`MAX_STEM` characters.
    """
    text = unicodedata.normalize("NFKC", title).translate(_DANISH)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    stem = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    stem = stem[:MAX_STEM].rstrip("-")
    if not stem:
        stem = "workshop"
    if stem in _RESERVED:
        stem += "-workshop"
    return stem


def new_session_path(folder: Path | str, title: str) -> Path:
    """A new file path for a session titled ``title`` that collides with no existing file.

    Adds ``-2``, ``-3``... when the name (or its backup) is taken.
    """
    folder = Path(folder)
    stem = slug(title)
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        path = folder / f"{name}{SUFFIX}"
        taken = (path, path.with_name(path.name + ".bak"), path.with_name(path.name + ".lock"))
        if not any(os.path.lexists(p) for p in taken):
            return path
        n += 1


def copy_path(path: Path | str) -> Path:
    """A free name beside ``path`` for a copy: ``NAME (kopi).toml``, then ``NAME (kopi 2).toml``.

    Free means that neither the file nor its ``.bak`` or ``.lock`` exists.
    """
    path = Path(path)
    suffix = path.suffix or SUFFIX
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    n = 1
    while True:
        label = "kopi" if n == 1 else f"kopi {n}"
        candidate = path.with_name(f"{stem} ({label}){suffix}")
        taken = (
            candidate,
            candidate.with_name(candidate.name + ".bak"),
            candidate.with_name(candidate.name + ".lock"),
        )
        if not any(os.path.lexists(p) for p in taken):
            return candidate
        n += 1


def copy_backup(path: Path | str) -> Path:
    """Copy the backup of a cut-short ``path`` to a free name beside it; the copy's path.

    The copy (``NAME (kopi).toml``, 0600) is what the app opens: neither the
    cut-short file nor its ``.bak`` is ever saved over this way. Raises
    FileProblem when the backup cannot be opened, SaveFailed when the copy
    cannot be written.
    """
    path = Path(path)
    backup = path.with_name(path.name + ".bak")
    raw = read_bytes(backup)
    data, _ = parse_toml(backup, raw, describe_backup=False)
    session_from_data(backup, data)  # refuse a backup that would not open either
    target = copy_path(path)
    try:
        write_atomic(target, raw, keep_backup=False)
    except OSError as exc:
        raise SaveFailed(target, os_reason(exc)) from None
    return target


class EntryState(StrEnum):
    """How a file in the sessions folder can be listed."""

    OK = "ok"  # opens
    PROBLEM = "problem"  # cannot be opened: ``problem`` says why
    CUT_SHORT = "cut_short"  # written by fagworkshop and cut short since: see ``backup``
    CATALOGUE = "catalogue"  # a catalogue (e.g. exported local profiles), not a workshop


@dataclass(frozen=True)
class SessionEntry:
    """One session file as the home screen lists it.

    For a file that cannot be read, ``problem`` holds the message, ``title`` is
    the file name and the session fields are empty. ``state`` says whether it
    opens, cannot be opened, or was cut short; a cut-short file comes with
    what its ``backup`` holds (None when there is none). ``edited_outside``:
    it opens, but was changed by hand since fagworkshop wrote it.
    """

    path: Path
    title: str
    unit: str
    modified: dt.datetime
    current_step: int | None
    status: Status | None
    delete_by: dt.date | None
    problem: str | None = None
    state: EntryState = EntryState.OK
    backup: BackupInfo | None = None
    edited_outside: bool = False

    @property
    def backup_can_open(self) -> bool:
        """Whether the home screen can offer to open a copy of the backup."""
        return self.state is EntryState.CUT_SHORT and self.backup is not None and self.backup.usable

    def delete_by_passed(self, today: dt.date | None = None) -> bool:
        """Whether the date by which the session should be deleted has passed."""
        if self.delete_by is None:
            return False
        return (today or dt.date.today()) > self.delete_by


def _entry(path: Path) -> SessionEntry:
    try:
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        modified = dt.datetime.fromtimestamp(0, dt.UTC)
    # A file name is shown as the title of a file that cannot be read: never raw.
    name = terminal_safe(path.stem)
    problem = EntryState.PROBLEM
    try:
        loaded = load_session_file(path)
    except SessionTruncated as exc:
        cut = EntryState.CUT_SHORT
        return SessionEntry(
            path, name, "", modified, None, None, None, exc.describe(), cut, exc.backup
        )
    except FileProblem as exc:
        catalogue = _catalogue_title(path)
        if catalogue is not None:
            # Not a broken workshop: a catalogue a new workshop can start from. It
            # keeps a ``problem`` so that nothing tries to open it as a session.
            why = t("store.entry.catalogue")
            state = EntryState.CATALOGUE
            return SessionEntry(path, catalogue, "", modified, None, None, None, why, state)
        return SessionEntry(path, name, "", modified, None, None, None, exc.describe(), problem)
    except Exception as exc:  # noqa: BLE001 - the list must never fail on one file
        logfile.caught(log, "reading a session for the list", exc)
        reason = terminal_safe(repr(exc))
        return SessionEntry(path, name, "", modified, None, None, None, reason, problem)
    s = loaded.session
    return SessionEntry(
        path,
        s.title,
        s.frame.unit,
        modified,
        s.current_step,
        s.status,
        s.delete_by,
        None,
        edited_outside=loaded.edited_outside,
    )


def _catalogue_title(path: Path) -> str | None:
    """The title of the catalogue in ``path``, or None when it holds no valid catalogue."""
    try:
        data = read_toml(path)
        if is_session_data(data):
            return None
        return terminal_safe(catalogue_from_data(path, data).title)
    except Exception:  # noqa: BLE001 - only asked to tell a catalogue from a broken file
        return None


def list_sessions(folder: Path | str) -> list[SessionEntry]:
    """Every ``*.toml`` session in the folder, newest first; a broken file comes with its problem.

    Never raises: a missing or unreadable folder gives an empty list.
    """
    folder = Path(folder)
    try:
        paths = [p for p in folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith(".")]
    except OSError:
        return []
    entries = [_entry(p) for p in paths if not p.is_dir()]
    entries.sort(key=lambda e: (e.modified, e.path.name), reverse=True)
    # Catalogues are listed after the workshops (stable: each kind stays newest first).
    entries.sort(key=lambda e: e.state is EntryState.CATALOGUE)
    return entries
