"""Saving a session so that a crash or a killed process never loses it.

The session is turned into TOML bytes first (nothing is written when that
fails, nor when the file would not open again: :mod:`.encoding`), then
written atomically (:mod:`.atomic`): a temporary file in the same folder,
fsynced, moved over the old file, the previous version kept as
``NAME.toml.bak``. At every moment the file on disk is either the old version
or the new one. A file written by a newer fagworkshop, locked by another
program, or changed on disk since the caller saw it is never overwritten.
The names of :mod:`.encoding` and :mod:`.atomic` callers use are re-exported.
"""

from __future__ import annotations

import re
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Any

from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.session import SESSION_SCHEMA_VERSION, Session
from fagworkshop.i18n import t
from fagworkshop.store import parsing, shape
from fagworkshop.store.atomic import fsync_folder, refresh_backup, sweep_temp_files, write_atomic
from fagworkshop.store.encoding import (
    reload_problems,
    session_file_bytes,
    session_snapshot,
    session_toml_bytes,
    shape_message,
    to_toml,
)
from fagworkshop.store.errors import OutsideChange, SaveFailed, os_reason
from fagworkshop.store.integrity import FileStamp, file_stamp, looks_truncated, wrap
from fagworkshop.store.integrity import check as check_integrity
from fagworkshop.store.lock import held_elsewhere
from fagworkshop.store.permissions import ensure_folder
from fagworkshop.store.reuse import SaveMemo
from fagworkshop.store.shape import utc


def _newer_on_disk(target: Path) -> int | None:
    """The schema_version of the file at ``target`` if it is newer than ours."""
    try:
        with target.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    m = re.search(rb"(?m)^schema_version\s*=\s*(\d{1,9})\s*$", head)
    if m and int(m.group(1)) > SESSION_SCHEMA_VERSION:
        return int(m.group(1))
    return None


class _Unchecked(Enum):
    UNCHECKED = "unchecked"


#: ``save_session``'s default: the file on disk is not compared with a stamp.
UNCHECKED = _Unchecked.UNCHECKED


def _check_on_disk(target: Path, expected: FileStamp | None | _Unchecked) -> bool:
    """Refuse to replace what the caller has not seen; whether to keep the old file as .bak.

    Unchecked, a cut-short file on disk is never replaced (saving would also
    make the cut version the ``.bak``, the only good copy). With ``expected``,
    anything but those bytes raises OutsideChange; when the caller has seen
    the bytes and they are cut short (the user chose to overwrite them), they
    are replaced but not kept: the ``.bak`` stays as it was.
    """
    cut = looks_truncated(target)
    if expected is UNCHECKED:
        if cut:
            raise SaveFailed(target, t("store.save.truncated_on_disk"))
        return True
    try:
        on_disk = file_stamp(target)
    except OSError as exc:
        raise SaveFailed(target, t("store.outside.unreadable", reason=os_reason(exc))) from None
    if on_disk != expected:
        raise OutsideChange(target, on_disk)
    return not cut


def save_session(
    session: Session | dict[str, Any],
    path: Path | str,
    *,
    purge_backup: bool = False,
    expected: FileStamp | None | _Unchecked = UNCHECKED,
    memo: SaveMemo | None = None,
) -> FileStamp:
    """Save a session atomically (0600, previous version kept as ``NAME.toml.bak``).

    ``session`` may also be a :func:`session_snapshot` of one. The file is
    wrapped in the integrity marker (``store.integrity``); the stamp of the
    bytes written is returned.

    ``expected`` is what the caller believes is on disk: the stamp from
    ``load_session_file`` or from the last save, or None for "no file yet".
    When the file on disk is anything else, :class:`OutsideChange` is raised
    and nothing is written. Left out, the file is not compared, and a file on
    disk that is marked but cut short is never replaced (SaveFailed). A
    cut-short file the caller has seen (``expected`` is its stamp, from
    ``OutsideChange.on_disk``: the user chose to overwrite) is replaced, and
    the ``.bak`` is left as it was instead of receiving the cut version.

    ``purge_backup=True`` makes the backup a copy of the new file too, so
    nothing erased from the session (a person's data) survives in the old
    version; leftover temporary files are swept on every save. Raises
    :class:`SaveFailed` with the reason; the file on disk is then unchanged.
    A file written by a newer fagworkshop is never overwritten.

    ``memo`` (``store.reuse``) lets the save take over the text and checks of every
    part of a plain ``session`` that is the very object the save before had: only for
    callers that never change a part of the data they handed over (the controller).
    """
    target = Path(path)
    _refuse_unwritable(target)
    if isinstance(session, dict):
        plain = session
    else:  # a fresh copy: nothing in it is the object a save before had
        plain, memo = session_snapshot(session), None
    with memo.using() if memo is not None else nullcontext(None) as held:
        invalid = reload_problems(plain, held)  # never write a file that would not open again
        if invalid is not None:
            raise SaveFailed(target, t("store.save.invalid", problems=invalid))
        try:
            data = session_toml_bytes(plain, held)
        except shape.ShapeProblem as exc:
            problems = shape_message(exc)
            raise SaveFailed(target, t("store.save.invalid", problems=problems)) from None
        except (TypeError, ValueError, UnicodeError) as exc:
            detail = str(exc)
            raise SaveFailed(target, t("store.save.not_serialisable", detail=detail)) from None
    data = wrap(data, int(plain.get("schema_version", SESSION_SCHEMA_VERSION)))
    return _write_checked(target, data, expected, purge_backup)


def write_session_bytes(
    data: bytes, path: Path | str, *, expected: FileStamp | None | _Unchecked = UNCHECKED
) -> FileStamp:
    """Write the bytes of a whole session file as they are, with every check of
    :func:`save_session` on the file they replace; the stamp of the bytes written.

    For bytes fagworkshop wrote that the caller has read and validated itself
    (``load_session_bytes``): the shipped demo is copied so, instead of being turned
    into TOML again (issue 13: the save was about 3% of the demo's cold start). Bytes
    without a complete, matching integrity marker are refused (SaveFailed), so a file
    cut short or edited by hand is never copied as if fagworkshop had written it.
    """
    target = Path(path)
    _refuse_unwritable(target)
    integrity = check_integrity(data)
    if not integrity.marked or integrity.truncated or integrity.edited:  # blank bytes are cut short
        raise SaveFailed(target, t("store.save.not_whole"))
    return _write_checked(target, data, expected, purge_backup=False)


def _refuse_unwritable(target: Path) -> None:
    """SaveFailed for a folder, a file of a newer fagworkshop, or one open elsewhere."""
    if target.is_dir():
        raise SaveFailed(target, t("store.os.is_directory"))
    newer = _newer_on_disk(target)
    if newer is not None:
        raise SaveFailed(target, t("store.save.newer", version=newer))
    if held_elsewhere(target):  # never overwrite the work of the program that has it open
        raise SaveFailed(target, t("store.save.locked"))


def _write_checked(
    target: Path, data: bytes, expected: FileStamp | None | _Unchecked, purge_backup: bool
) -> FileStamp:
    """Write whole file bytes atomically once the file on disk is what ``expected`` says."""
    if len(data) > parsing.MAX_FILE_BYTES:  # never write a file that would not open again
        size, limit = f"{len(data) / 1_048_576:.1f}", f"{parsing.MAX_FILE_BYTES // 1_048_576}"
        raise SaveFailed(target, t("store.save.too_big", size=size, limit=limit))
    try:
        write_atomic(target, data, before_replace=lambda: _check_on_disk(target, expected))
        if purge_backup:
            backup = target.with_name(target.name + ".bak")
            refresh_backup(target, backup)
            fsync_folder(target.parent)
        mtime = target.stat().st_mtime_ns
    except OSError as exc:
        raise SaveFailed(target, os_reason(exc)) from None
    return FileStamp.of(data, mtime)


def save_catalogue(catalogue: Catalogue, path: Path | str) -> None:
    """Save a catalogue atomically (used by the TOML export of local profiles)."""
    target = Path(path)
    try:
        data = to_toml(catalogue)
    except (TypeError, ValueError, UnicodeError) as exc:
        raise SaveFailed(target, t("store.save.not_serialisable", detail=str(exc))) from None
    try:
        write_atomic(target, data, keep_backup=False)
    except OSError as exc:
        raise SaveFailed(target, os_reason(exc)) from None


__all__ = [
    "UNCHECKED",
    "ensure_folder",
    "fsync_folder",
    "save_catalogue",
    "save_session",
    "session_file_bytes",
    "session_snapshot",
    "sweep_temp_files",
    "to_toml",
    "utc",
    "write_atomic",
    "write_session_bytes",
]
