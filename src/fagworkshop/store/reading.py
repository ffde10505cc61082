"""Reading session and catalogue files: TOML, migration, validation, clear problems.

Every way a file can be wrong ends in one :class:`FileProblem` (never a
traceback), and reading never changes the file. From bytes to a TOML table
(size, encoding, depth, syntax) is ``store.parsing``.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from fagworkshop.domain.catalogue import CATALOGUE_SCHEMA_VERSION, Catalogue, catalogue_problems
from fagworkshop.domain.session import SESSION_SCHEMA_VERSION, Session, session_problems
from fagworkshop.i18n import t
from fagworkshop.store.backup_info import BackupInfo
from fagworkshop.store.errors import (
    FileProblem,
    Part,
    SessionTruncated,
    cut_quote,
    domain_message,
    loc_to_place,
    pydantic_message,
)
from fagworkshop.store.integrity import FileStamp, Integrity
from fagworkshop.store.integrity import check as check_integrity
from fagworkshop.store.migrate import (
    MigrationProblem,
    NewerVersion,
    file_version,
    migrate_session,
)
from fagworkshop.store.parsing import mtime_ns, read_bytes, toml_table
from fagworkshop.store.shape import LINE_TABLES, ShapeProblem, decode_session

if TYPE_CHECKING:
    from fagworkshop.store.read_ahead import ReadAhead

#: A model the store reads from a file (a session, a catalogue).
M = TypeVar("M", bound=BaseModel)


#: Keys only a session has; a file with one of them is read as a session.
_SESSION_KEYS = frozenset(
    {"frame", "basics", "staff", "rounds", "actions", "steps", "current_step", "status", "created"}
)


class _UncheckedSession(Session):
    """A session validated field by field, without the cross-reference check.

    Used only to list every cross-reference problem with its own place.
    """

    def _check_references(self) -> Session:  # type: ignore[override]
        return self


class _UncheckedCatalogue(Catalogue):
    """A catalogue validated without its cross-reference check (see above)."""

    def _check_references(self) -> Catalogue:  # type: ignore[override]
        return self


def read_toml(path: Path | str) -> dict[str, Any]:
    """The TOML table in a file, or a FileProblem saying why it cannot be read.

    A file fagworkshop wrote and that was cut short since raises
    :class:`SessionTruncated` (see ``store.integrity``).
    """
    path = Path(path)
    return parse_toml(path, read_bytes(path))[0]


def parse_toml(
    path: Path, raw: bytes, *, describe_backup: bool = True
) -> tuple[dict[str, Any], Integrity]:
    """The TOML table in a file's bytes and what its integrity marker says.

    Raises SessionTruncated for a marked file cut short (and an empty one),
    FileProblem for bytes that are not TOML.
    """
    integrity = check_integrity(raw)
    if integrity.truncated:
        backup = backup_info(path) if describe_backup else None
        raise SessionTruncated(path, backup, empty=not raw.strip())
    return toml_table(path, raw), integrity


def _validation_problems(
    exc: ValidationError, data: dict[str, Any], unchecked: type[Any], cross: Any
) -> list[tuple[Part, Part]]:
    errors = exc.errors(include_url=False)
    field_errors = [e for e in errors if e["loc"]]
    if field_errors or not errors:
        return [(loc_to_place(e["loc"]), pydantic_message(dict(e))) for e in field_errors]
    # Only the model-level cross-reference check failed: list its problems one by one.
    try:
        model = unchecked.model_validate(data)
        return [(place, domain_message(what)) for place, what in cross(model)]
    except (ValidationError, RecursionError):  # pragma: no cover - fields passed above
        return [("", pydantic_message(dict(e))) for e in errors]


def _refuse_newer(path: Path, version: int, known: int) -> FileProblem:
    return FileProblem(
        path,
        [("schema_version", ("store.read.newer", {"version": version, "known": known}))],
        hint_key="store.hint.newer",
    )


def _validated(
    path: Path, model: type[M], data: dict[str, Any], unchecked: type[Any], cross: Any
) -> M:
    """``data`` as a ``model``; FileProblem with every problem when it is not one."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FileProblem(path, _validation_problems(exc, data, unchecked, cross)) from None
    except RecursionError:
        raise FileProblem(path, [("", ("store.read.too_deep", {}))]) from None


def session_from_data(path: Path | str, data: dict[str, Any]) -> Session:
    """A validated session from parsed TOML (migrated first); FileProblem when it is wrong."""
    path = Path(path)
    try:
        data = decode_session(migrate_session(data))  # rating lines to levels (store.shape)
    except NewerVersion as exc:
        raise _refuse_newer(path, exc.version, exc.known) from None
    except (MigrationProblem, ShapeProblem) as exc:
        raise FileProblem(path, [(exc.place, (exc.key, exc.params))]) from None
    return session_from_decoded(path, data)


def session_from_decoded(path: Path, data: dict[str, Any]) -> Session:
    """A validated session from current-version data whose rating lines are decoded
    (``store.shape.decode_session``); FileProblem when it is wrong."""
    quick = _with_rating_lines_checked(data)
    if quick is not None:
        return quick
    return _validated(path, Session, data, _UncheckedSession, session_problems)


def _with_rating_lines_checked(data: dict[str, Any]) -> Session | None:
    """The session, its rating tables checked without pydantic; None: let pydantic say.

    The rating tables (``ratings``, ``self_ratings``) are the bulk of a large file
    (240,000 levels at 2,000 staff) and pydantic checked every level again after
    ``store.shape`` had read it: about 40 % of the time to load (issue 13). The
    shape already guarantees competence ids of the id form and whole numbers; what
    the model adds (person ids of the id form, levels of at most 9) the session's
    own cross-reference check finds (see ``_levels_fit``), which runs on the whole
    session, ratings included; the rest is validated by pydantic as before. Any
    problem at all returns None: the full validation then finds it and words it as
    it always has, so a file is accepted or refused exactly as before.
    """
    rounds = data.get("rounds")
    if not isinstance(rounds, list) or not all(isinstance(r, dict) for r in rounds):
        return None
    aside: list[dict[str, Any]] = []
    bare_rounds: list[dict[str, Any]] = []
    for rnd in rounds:
        tables = {key: rnd[key] for key in LINE_TABLES if key in rnd}
        if not all(_levels_fit(table) for table in tables.values()):
            return None
        aside.append(tables)
        bare_rounds.append({**rnd, **{key: {} for key in tables}})
    try:
        session = Session.model_validate({**data, "rounds": bare_rounds})
    except (ValidationError, RecursionError):
        return None
    for rnd_model, tables in zip(session.rounds, aside, strict=True):
        for key, table in tables.items():
            setattr(rnd_model, key, table)
    return None if session_problems(session) else session


def _levels_fit(table: object) -> bool:
    """Whether decoded rating lines have the shape ``Round`` takes: id -> {id: level}.

    What the model adds (person ids of the id form, levels of at most 9) the session's
    own check finds on the whole session after: an id not of the form is no person of
    the staff, whose ids are, and a level above 9 is on no scale, whose levels are at
    most 9. Checking both here too took 6 ms at 2,000 staff (issue 13).
    """
    return isinstance(table, dict) and all(isinstance(levels, dict) for levels in table.values())


def catalogue_from_data(path: Path | str, data: dict[str, Any]) -> Catalogue:
    """A validated catalogue from parsed TOML; FileProblem when it is wrong."""
    path = Path(path)
    try:
        version = file_version(data, CATALOGUE_SCHEMA_VERSION)
    except MigrationProblem as exc:
        raise FileProblem(path, [(exc.place, (exc.key, exc.params))]) from None
    if version > CATALOGUE_SCHEMA_VERSION:
        raise _refuse_newer(path, version, CATALOGUE_SCHEMA_VERSION)
    return _validated(path, Catalogue, data, _UncheckedCatalogue, catalogue_problems)


def load_session(path: Path | str) -> Session:
    """The session in a file (older versions migrated); FileProblem when it cannot be used."""
    return session_from_data(path, read_toml(path))


@dataclass(frozen=True)
class LoadedSession:
    """A session as read from its file, with what the app needs to save it safely.

    ``stamp`` names the exact bytes read (pass it to ``save_session(expected=)``);
    ``has_marker`` says fagworkshop wrote the file; ``edited_outside`` that it
    was changed by hand since (accepted; the app says so quietly).
    """

    session: Session
    stamp: FileStamp
    edited_outside: bool
    has_marker: bool


def load_session_file(path: Path | str, *, ahead: ReadAhead | None = None) -> LoadedSession:
    """The session in a file with its stamp and marker state.

    ``ahead``: the file being read by a second process (``store.read_ahead``); its
    data is validated here, and anything it could not do is done here as without it.
    Raises SessionTruncated for a file cut short, FileProblem for any other
    file that cannot be used; reading never changes the file.
    """
    with _collector_paused():
        return _load_session_file(Path(path), ahead)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file's objects are made.

    Loading makes a great many objects that stay (2,000 staff: the data, then the
    models) and no garbage cycles; counted as they come, they set off collections of
    everything the program holds, a full one among them: 45 ms of opening a
    2,000-staff file (issue 13).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_session_file(path: Path, ahead: ReadAhead | None) -> LoadedSession:
    parsed = ahead.parsed() if ahead is not None else None
    if parsed is not None:
        return LoadedSession(
            session=session_from_decoded(path, parsed.data),
            stamp=parsed.stamp,
            edited_outside=parsed.integrity.edited,
            has_marker=parsed.integrity.marked,
        )
    raw = read_bytes(path)
    return load_session_bytes(path, raw, mtime_ns(path))


def load_session_bytes(path: Path | str, raw: bytes, mtime_ns: int = 0) -> LoadedSession:
    """The session in ``raw``, the bytes of the file at ``path`` (named in messages),
    checked exactly as :func:`load_session_file` checks a file it reads."""
    path = Path(path)
    data, integrity = parse_toml(path, raw)
    session = session_from_data(path, data)
    return LoadedSession(
        session=session,
        stamp=FileStamp.of(raw, mtime_ns),
        edited_outside=integrity.edited,
        has_marker=integrity.marked,
    )


def count_ratings(session: Session) -> int:
    """How many rating cells (a level for a person on a competence) the session holds."""
    return sum(len(levels) for rnd in session.rounds for levels in rnd.ratings.values())


#: Backups already read, by path and identity (the home screen lists them on every visit).
_backup_cache: dict[str, tuple[tuple[int, int, int, int], BackupInfo]] = {}


def backup_info(path: Path | str) -> BackupInfo | None:
    """What the backup ``NAME.toml.bak`` of ``path`` holds; None when there is none."""
    path = Path(path)
    backup = path.with_name(path.name + ".bak")
    try:
        if not os.path.lexists(backup):
            return None
        info = backup.stat()
        saved_at: dt.datetime | None = dt.datetime.fromtimestamp(info.st_mtime, dt.UTC)
        identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    except (OSError, ValueError):
        saved_at, identity = None, (0, 0, -1, 0)
    cached = _backup_cache.get(str(backup))
    if cached is not None and cached[0] == identity and identity[2] >= 0:
        return cached[1]
    found = _read_backup(backup, saved_at)
    if len(_backup_cache) > 64:
        _backup_cache.clear()
    _backup_cache[str(backup)] = (identity, found)
    return found


def _read_backup(backup: Path, saved_at: dt.datetime | None) -> BackupInfo:
    try:
        data, _ = parse_toml(backup, read_bytes(backup), describe_backup=False)
        session = session_from_data(backup, data)
    except SessionTruncated:
        return BackupInfo(backup, saved_at, problem=t("store.truncated.problem"))
    except FileProblem as exc:
        shown = [f"{p}: {m}" if p else m for p, m in exc.problems[:3]]
        return BackupInfo(backup, saved_at, problem=cut_quote("; ".join(shown)))
    return BackupInfo(backup, saved_at, people=len(session.staff), ratings=count_ratings(session))


def load_catalogue(path: Path | str) -> Catalogue:
    """The catalogue in a file; FileProblem when it cannot be used."""
    return catalogue_from_data(path, read_toml(path))


def is_session_data(data: dict[str, Any]) -> bool:
    """Whether parsed TOML looks like a session rather than a catalogue."""
    if _SESSION_KEYS & data.keys():
        return True
    return not ({"basic", "blocks", "levels", "themes", "courses"} & data.keys())


def load_any(path: Path | str) -> Session | Catalogue:
    """A session or a catalogue, whichever the file holds."""
    data = read_toml(path)
    if is_session_data(data):
        return session_from_data(path, data)
    return catalogue_from_data(path, data)


# Kept for readers who look for the version constant here.
__all__ = [
    "SESSION_SCHEMA_VERSION",
    "is_session_data",
    "load_any",
    "load_catalogue",
    "load_session",
    "load_session_file",
    "read_toml",
]
