"""Older session files, brought up to the current ``schema_version`` on load.

Each step turns the data of version N into version N+1 (plain dict to plain
dict, before validation). A file is migrated in memory only; the next save
writes the current version and the ``.bak`` keeps the old one.

Version 1 differed from version 2 (``store.shape``) in one way: ratings were
one ``competence = level`` key each, ``[rounds.ratings.p-1]`` ``b-01 = 3``,
instead of one line per person, ``p-1 = 'b-01:3 b-02:2'``.

Version 0 (the early prototype's files) differed from version 1 in two ways:

* the workshop title sat under ``[frame]`` as ``frame.title``;
* ratings were an array of tables per round,
  ``[[rounds.ratings]] person = "p-1", competence = "b-1", level = 2``
  with optional ``unused = true`` and ``note = "..."``, instead of one
  ``competence = level`` line per person.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fagworkshop.domain.session import SESSION_SCHEMA_VERSION
from fagworkshop.store.errors import DataProblem
from fagworkshop.store.shape import encode_line

Data = dict[str, Any]


class MigrationProblem(DataProblem):
    """Data of an old version that the migration cannot make sense of."""


def _v0_to_v1(data: Data) -> Data:
    """Move ``frame.title`` to ``title`` and ratings from a list to per-person tables."""
    data = dict(data)
    frame = data.get("frame")
    if isinstance(frame, dict) and "title" in frame:
        frame = dict(frame)
        title = frame.pop("title")
        data.setdefault("title", title)
        data["frame"] = frame
    rounds = data.get("rounds")
    if isinstance(rounds, list):
        data["rounds"] = [
            _v0_round(r, i) if isinstance(r, dict) else r for i, r in enumerate(rounds)
        ]
    return data


def _v0_round(rnd: Data, index: int) -> Data:
    old = rnd.get("ratings")
    if not isinstance(old, list):
        return rnd  # already a table, or wrong: validation will say where
    ratings: dict[str, dict[str, Any]] = {}
    unused: dict[str, list[Any]] = {}
    notes: dict[str, dict[str, Any]] = {}
    for j, row in enumerate(old):
        place = f"rounds[{index}].ratings[{j}]"
        if not isinstance(row, dict):
            raise MigrationProblem(place, "store.v.table")
        person, competence = row.get("person"), row.get("competence")
        if not isinstance(person, str) or not isinstance(competence, str):
            raise MigrationProblem(place, "store.migrate.person_competence")
        if row.get("level") is not None:
            ratings.setdefault(person, {})[competence] = row["level"]
        if row.get("unused") is True:
            unused.setdefault(person, []).append(competence)
        if row.get("note"):
            notes.setdefault(person, {})[competence] = row["note"]
    new = dict(rnd)
    new["ratings"] = ratings
    new.setdefault("unused", unused)
    new.setdefault("notes", notes)
    return new


def _v1_to_v2(data: Data) -> Data:
    """Ratings from one ``competence = level`` key each to one line per person.

    Version 1: ``[rounds.ratings.p-1]`` with ``b-01 = 3`` lines; version 2:
    ``[rounds.ratings]`` with ``p-1 = 'b-01:3 b-02:2'`` (see ``store.shape``).
    A level that is not a whole number is refused here, with its place.
    """
    rounds = data.get("rounds")
    if not isinstance(rounds, list):
        return data
    new_rounds: list[Any] = []
    for i, rnd in enumerate(rounds):
        ratings = rnd.get("ratings") if isinstance(rnd, dict) else None
        if not isinstance(ratings, dict):
            new_rounds.append(rnd)  # missing or wrong: validation says where
            continue
        lines: dict[str, Any] = {}
        for person, levels in ratings.items():
            place = f"rounds[{i}].ratings.{person}"
            if not isinstance(levels, dict):
                raise MigrationProblem(place, "store.v.table")
            lines[person] = encode_line(levels, place)
        new_rounds.append({**rnd, "ratings": lines})
    return {**data, "rounds": new_rounds}


#: ``MIGRATIONS[n]`` turns version ``n`` into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1, 1: _v1_to_v2}


class NewerVersion(Exception):
    """The file was written by a newer fagworkshop than this one."""

    def __init__(self, version: int, known: int) -> None:
        super().__init__(version)
        self.version = version
        self.known = known


def file_version(data: Data, current: int) -> int:
    """The ``schema_version`` of loaded data; a file without one is taken as current.

    Raises MigrationProblem for a value that is not a whole number.
    """
    version = data.get("schema_version", current)
    if isinstance(version, bool) or not isinstance(version, int):
        raise MigrationProblem("schema_version", "store.v.int")
    return version


def migrate_session(data: Data, current: int = SESSION_SCHEMA_VERSION) -> Data:
    """Session data brought up to ``current``; raises NewerVersion or MigrationProblem."""
    version = file_version(data, current)
    if version > current:
        raise NewerVersion(version, current)
    if version < min(MIGRATIONS, default=current):
        raise MigrationProblem("schema_version", "store.migrate.unknown", version=version)
    while version < current:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data
