"""Saving a session so that a crash or a killed process never loses it.

The session is turned into TOML bytes first (nothing is written when that
fails), then written to a temporary file in the same folder (created 0600 by
``mkstemp``), flushed and fsynced, and moved over the old file with
``os.replace``; the folder is fsynced so the move itself survives a power
cut. Before the move, the previous version becomes ``NAME.toml.bak`` through a
hard link (or a copy) that is itself moved into place atomically. At every
moment the file on disk is either the old version or the new one.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import tomli_w

from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.session import SESSION_SCHEMA_VERSION, Session
from fagworkshop.i18n import t
from fagworkshop.store import reading, shape
from fagworkshop.store.errors import OutsideChange, SaveFailed, os_reason
from fagworkshop.store.integrity import FileStamp, file_stamp, looks_truncated, wrap
from fagworkshop.store.lock import held_elsewhere
from fagworkshop.store.permissions import FILE_MODE, ensure_folder
from fagworkshop.store.shape import utc

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS
    fcntl = None  # type: ignore[assignment]

_TEMP_SUFFIX = ".tmp"


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def to_toml(model: Session | Catalogue) -> bytes:
    """The TOML bytes of a session or catalogue, keys in the models' field order.

    ``None`` is left out (TOML has no null); datetimes are written in UTC; a
    session has the file shape of ``store.shape`` (one rating line per person).
    """
    if isinstance(model, Session):
        return _session_bytes(session_snapshot(model))
    return _toml_bytes(model.model_dump(mode="python", exclude_none=True))


def session_file_bytes(session: Session) -> bytes:
    """The exact bytes ``save_session`` writes: the TOML body inside the integrity marker."""
    return wrap(to_toml(session), session.schema_version)


def _toml_bytes(plain: dict[str, Any]) -> bytes:
    return tomli_w.dumps(utc(plain), multiline_strings=True).encode("utf-8")


def _session_bytes(plain: dict[str, Any]) -> bytes:
    return shape.session_toml(plain).encode("utf-8")


def _reload_problems(plain: dict[str, Any]) -> str | None:
    """What loading would refuse in a session about to be saved, or None if it would open.

    Changes assign to the models without validation, so a session in memory
    can hold what the loader refuses (a 300,000-character pasted note, say).
    Saving it would write a file the team could not open again.
    """
    from pydantic import ValidationError

    from fagworkshop.domain.session import session_problems
    from fagworkshop.store.errors import render

    # The ratings are the bulk (267,000 at 2,000 staff x 120 x 2): pydantic-core would
    # hold the interpreter for their whole validation (75 ms of the 2,000-staff save,
    # keys waiting behind it). The models check the rest; the ratings are checked
    # with set operations by shape.check_ratings and typed by the line writer.
    light = {**plain, "rounds": [_without_ratings(r) for r in plain.get("rounds", ())]}
    try:
        if not _passes_in_pieces(light):  # the problems, with their places, from one pass
            Session.model_validate(light)
        shape.check_ratings(plain)
    except ValidationError as exc:
        unchecked = reading._UncheckedSession
        found = reading._validation_problems(exc, light, unchecked, session_problems)
        shown = [f"{render(p)}: {render(m)}" if render(p) else render(m) for p, m in found[:5]]
        return "; ".join(shown)
    except shape.ShapeProblem as exc:
        return _shape_message(exc)
    return None


#: People validated per pydantic call on saving: about 1 ms each at a time.
_PEOPLE_PER_PIECE = 200
_people_adapter: Any = None


def _passes_in_pieces(light: dict[str, Any]) -> bool:
    """Whether a session (ratings left out) is valid, checked a few milliseconds at a time.

    pydantic-core holds the interpreter for a whole call: one call on 2,000 staff
    kept keys waiting 20 ms or more while an autosave ran. The staff go in pieces,
    the rest in one small call, the cross-references in Python. False means
    something is wrong; the caller then validates in one call for the messages.
    """
    global _people_adapter
    from pydantic import TypeAdapter, ValidationError

    from fagworkshop.domain.session import Person, session_problems

    staff = light.get("staff")
    if not isinstance(staff, list):
        return False
    if _people_adapter is None:
        _people_adapter = TypeAdapter(list[Person])
    try:
        people: list[Person] = []
        for i in range(0, len(staff), _PEOPLE_PER_PIECE):
            people.extend(_people_adapter.validate_python(staff[i : i + _PEOPLE_PER_PIECE]))
        model = reading._UncheckedSession.model_validate({**light, "staff": []})
    except (ValidationError, RecursionError):
        return False
    model.staff = people
    return not session_problems(model)


def _without_ratings(rnd: Any) -> Any:
    return {**rnd, "ratings": {}} if isinstance(rnd, dict) else rnd


def _shape_message(exc: shape.ShapeProblem) -> str:
    from fagworkshop.store.errors import render

    return f"{exc.place}: {render((exc.key, exc.params))}"


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


def _keep_backup(target: Path, backup: Path) -> None:
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
            _keep_backup(target, target.with_name(target.name + ".bak"))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
        _done(temp)
    fsync_folder(folder)


def session_snapshot(session: Session) -> dict[str, Any]:
    """The session as plain data, exactly what ``save_session`` writes.

    An independent copy made in pydantic-core (4 ms at 300 staff, 55 ms at
    2,000; ``model_copy(deep=True)`` took 180 ms and 950 ms), so the app can
    take it on the UI thread and hand it to ``save_session`` on another.
    """
    plain = session.model_dump(mode="python", exclude_none=True, exclude=_RATINGS)
    # the ratings as copies of their dicts: 5 ms instead of 20 at 2,000 staff
    for rnd, dumped in zip(session.rounds, plain.get("rounds", ()), strict=True):
        dumped["ratings"] = {person: dict(levels) for person, levels in rnd.ratings.items()}
    return plain


_RATINGS: Any = {"rounds": {"__all__": {"ratings"}}}


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
    """
    target = Path(path)
    if target.is_dir():
        raise SaveFailed(target, t("store.os.is_directory"))
    newer = _newer_on_disk(target)
    if newer is not None:
        raise SaveFailed(target, t("store.save.newer", version=newer))
    if held_elsewhere(target):  # never overwrite the work of the program that has it open
        raise SaveFailed(target, t("store.save.locked"))
    plain = session if isinstance(session, dict) else session_snapshot(session)
    invalid = _reload_problems(plain)  # never write a file that would not open again
    if invalid is not None:
        raise SaveFailed(target, t("store.save.invalid", problems=invalid))
    try:
        data = _session_bytes(plain)
    except shape.ShapeProblem as exc:
        raise SaveFailed(target, t("store.save.invalid", problems=_shape_message(exc))) from None
    except (TypeError, ValueError, UnicodeError) as exc:
        raise SaveFailed(target, t("store.save.not_serialisable", detail=str(exc))) from None
    data = wrap(data, int(plain.get("schema_version", SESSION_SCHEMA_VERSION)))
    if len(data) > reading.MAX_FILE_BYTES:  # never write a file that would not open again
        size, limit = f"{len(data) / 1_048_576:.1f}", f"{reading.MAX_FILE_BYTES // 1_048_576}"
        raise SaveFailed(target, t("store.save.too_big", size=size, limit=limit))
    try:
        write_atomic(target, data, before_replace=lambda: _check_on_disk(target, expected))
        if purge_backup:
            backup = target.with_name(target.name + ".bak")
            _keep_backup(target, backup)
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
