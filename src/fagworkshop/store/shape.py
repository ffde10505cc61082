"""The shape of a session file since ``schema_version = 2``: one line per person and round.

A round's ratings are one TOML line per person, the person's levels as
``competence:level`` pairs in a literal string::

    [rounds.ratings]
    p-1 = 'b-01:3 b-02:2 e-07:1'
    p-2 = 'b-01:2'

A rating changed is a one-line diff, the file is a tenth of version 1's
(one ``competence = level`` key per rating, 285,588 keys at 2,000 staff x
120 competences x 2 rounds), and parsing it costs a few TOML strings instead
of a key each: TOML does the lines, :func:`decode_line` the pairs. Notes
and "has it but does not use it" flags are sparse and keep their tables
(``[rounds.unused]``, ``[rounds.notes.<person>]``). The staff's own levels
(``[rounds.self_ratings]``) are rating lines too, their wishes a table of
lists (``[rounds.wishes]``, ``p-1 = ["b-01"]``); both are left out when empty.

Both directions are strict: a level is a whole number, a competence id has
the id form, a competence appears once per line; every problem names its
place (``rounds[0].ratings.p-1``). Whether the level is on the scale and the
person and competence are known is the session's own check
(``domain.session.session_problems``) on loading, and :func:`check_ratings`
on saving.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import tomli_w

from fagworkshop.store.errors import DataProblem

Data = dict[str, Any]

_ID = r"[a-z0-9][a-z0-9_-]{0,63}"
_PAIR = rf"{_ID}:[0-9]{{1,3}}"
#: A whole line of pairs (spaces or tabs between them; an empty line is no ratings).
_LINE = re.compile(rf"[ \t]*(?:{_PAIR}(?:[ \t]+{_PAIR})*)?[ \t]*")
_PAIR_RE = re.compile(_PAIR)
_ID_RE = re.compile(_ID)

#: A round's tables written as one ``competence:level`` line per person: the leaders'
#: ratings and the staff's own (``self_ratings``, optional, absent in older files).
LINE_TABLES = ("ratings", "self_ratings")

#: Top-level keys written before the rounds; everything else (tables) after them.
_TABLE_KEYS_AFTER_ROUNDS = ("actions", "steps")


class ShapeProblem(DataProblem):
    """A rating line (or a rating about to be written) that is not what the shape allows."""


def _bad_pair(line: str) -> str:
    """The first piece of a line that is not ``competence:level`` (for the message)."""
    for piece in line.split():
        if not _PAIR_RE.fullmatch(piece):
            return piece[:40]
    return line.strip()[:40]  # pragma: no cover - the line matched piece by piece


def decode_line(line: object, place: str) -> dict[str, int]:
    """One person's levels from their rating line; ShapeProblem naming ``place`` when wrong."""
    if not isinstance(line, str):
        raise ShapeProblem(place, "store.shape.not_line")
    if not _LINE.fullmatch(line):
        raise ShapeProblem(place, "store.shape.bad_pair", piece=_bad_pair(line))
    tokens = line.replace(":", " ").split()
    ids = tokens[::2]
    levels = dict(zip(ids, map(int, tokens[1::2]), strict=True))
    if len(levels) != len(ids):
        seen: set[str] = set()
        for competence in ids:
            if competence in seen:
                raise ShapeProblem(f"{place}.{competence}", "store.shape.twice")
            seen.add(competence)
    return levels  # on the scale, people and competences known: session_problems checks


def _scale(data: Data) -> frozenset[int] | None:
    levels = data.get("levels")
    if not isinstance(levels, list):
        return None
    found = [lv.get("level") for lv in levels if isinstance(lv, dict)]
    whole = [n for n in found if type(n) is int]
    if not found or len(whole) != len(found):
        return None
    return frozenset(whole)


def decode_session(data: Data) -> Data:
    """Version 2 file data with each round's rating lines turned into per-person levels."""
    rounds = data.get("rounds")
    if not isinstance(rounds, list):
        return data
    decoded: list[Any] = []
    for i, rnd in enumerate(rounds):
        if not isinstance(rnd, dict):
            decoded.append(rnd)  # wrong: validation says where
            continue
        new = dict(rnd)
        for key in LINE_TABLES:
            lines = rnd.get(key)
            if not isinstance(lines, dict):
                continue  # missing or wrong: validation says where
            new[key] = {
                person: decode_line(line, f"rounds[{i}].{key}.{person}")
                for person, line in lines.items()
            }
        decoded.append(new)
    return {**data, "rounds": decoded}


def encode_line(levels: dict[str, int], place: str) -> str:
    """One person's levels as their rating line (``b-01:3 b-02:2``), checked to read back."""
    if set(map(type, levels.values())) - {int}:
        competence = next(c for c, v in levels.items() if type(v) is not int)
        raise ShapeProblem(f"{place}.{competence}", "store.shape.not_int")
    line = " ".join(map("%s:%d".__mod__, levels.items()))
    if not _LINE.fullmatch(line):
        raise ShapeProblem(place, "store.shape.bad_pair", piece=_bad_pair(line))
    return line


def check_ratings(plain: Data) -> None:
    """Refuse ratings a load would refuse: unknown people or competences, levels off the scale.

    The rest of a session is validated by its models; ratings are the bulk
    (hundreds of thousands at a whole jobcentre) and are checked here with
    set operations instead, so a save holds the interpreter only briefly.
    """
    staff = {p.get("id") for p in plain.get("staff", ()) if isinstance(p, dict)}
    known = {b.get("id") for b in plain.get("basics", ())}
    for block in plain.get("blocks", ()):
        known.update(e.get("id") for e in block.get("elements", ()))
    scale = _scale(plain)
    for i, rnd in enumerate(plain.get("rounds", ())):
        for person, levels in rnd.get("ratings", {}).items():
            place = f"rounds[{i}].ratings.{person}"
            if person not in staff:
                raise ShapeProblem(place, "store.x.unknown_person", id=person)
            if not known.issuperset(levels):
                competence = next(c for c in levels if c not in known)
                raise ShapeProblem(
                    f"{place}.{competence}", "store.x.unknown_competence", id=competence
                )
            if scale and not scale.issuperset(levels.values()):
                competence, level = next((c, v) for c, v in levels.items() if v not in scale)
                raise ShapeProblem(
                    f"{place}.{competence}",
                    "store.x.level_outside",
                    level=level,
                    scale=str(sorted(scale)),
                )


def utc(value: Any) -> Any:
    """Datetimes in UTC, recursively (TOML offsets with seconds are invalid)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.astimezone(dt.UTC)
        return value
    if isinstance(value, dict):
        return {k: utc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [utc(v) for v in value]
    return value


def _is_table(value: object) -> bool:
    """Whether tomli_w writes ``value`` as a table (or array of tables) rather than inline."""
    return isinstance(value, dict) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
    )


def _round_toml(rnd: Data, index: int) -> Iterable[str]:
    """``[[rounds]]``, its plain keys, the rating lines, then its other tables.

    Written piece by piece: ``tomli_w`` would put a round with few keys inline.
    """
    tables = {k: v for k, v in rnd.items() if k not in LINE_TABLES and isinstance(v, dict) and v}
    plain = {k: v for k, v in rnd.items() if k not in LINE_TABLES and not isinstance(v, dict)}
    yield "[[rounds]]\n"
    yield tomli_w.dumps(utc(plain), multiline_strings=True)
    for key in LINE_TABLES:
        lines = rnd.get(key) or {}
        if not lines:
            continue  # an empty table is left out: files without self-ratings stay as they were
        yield f"\n[rounds.{key}]\n"
        for person, levels in lines.items():
            place = f"rounds[{index}].{key}.{person}"
            if not isinstance(person, str) or not _ID_RE.fullmatch(person):
                raise ShapeProblem(place, "store.shape.bad_person")
            yield f"{person} = '{encode_line(levels, place)}'\n"
    if tables:
        yield "\n"
        yield tomli_w.dumps({"rounds": tables}, multiline_strings=True)


def session_toml(plain: Data) -> str:
    """The TOML text of a session (plain data, UTC datetimes) in the version 2 shape.

    Everything but the rating lines goes through ``tomli_w``; the rounds are
    written between the leading keys and the trailing tables, in field order.
    """
    rounds = plain.get("rounds") or []
    after = {k: plain[k] for k in _TABLE_KEYS_AFTER_ROUNDS if k in plain and _is_table(plain[k])}
    head = utc({k: v for k, v in plain.items() if k != "rounds" and k not in after})
    parts = [tomli_w.dumps(head, multiline_strings=True)]
    for i, rnd in enumerate(rounds):
        parts.append("\n")
        parts.extend(_round_toml(rnd, i))
    if after:
        parts.append("\n")
        parts.append(tomli_w.dumps(utc(after), multiline_strings=True))
    return "".join(parts)
