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
from functools import partial
from typing import Any

import tomli_w

from fagworkshop.store.errors import DataProblem
from fagworkshop.store.reuse import Items, SaveMemo

Data = dict[str, Any]

_ID = r"[a-z0-9][a-z0-9_-]{0,63}"
_PAIR = rf"{_ID}:[0-9]{{1,3}}"
#: A whole line of pairs (spaces or tabs between them; an empty line is no ratings).
_LINE = re.compile(rf"[ \t]*(?:{_PAIR}(?:[ \t]+{_PAIR})*)?[ \t]*")
_PAIR_RE = re.compile(_PAIR)
_ID_RE = re.compile(_ID)

#: The ``schema_version`` of this shape: ``domain.session.SESSION_SCHEMA_VERSION``, here
#: without pydantic for the process that reads a file ahead (``store.read_ahead``; a
#: test keeps the two equal).
SHAPE_VERSION = 2

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


class _NotAPair(Exception):
    """A piece of a line that is not one ``competence:level`` pair (see :class:`Pairs`)."""


class Pairs(dict[str, tuple[str, int]]):
    """The ``competence:level`` pieces of one file's lines, each read once: ``(id, level)``.

    A 2,000-staff file has 480,000 pieces but a few hundred different ones (each
    competence at each level), so a line is split at its spaces and every piece
    looked up here: half the time of reading the pairs one by one, and every
    person's levels share one string per competence id (issue 13). Only a piece
    the pair pattern matches in full is ever kept.
    """

    def __missing__(self, piece: str) -> tuple[str, int]:
        if not _PAIR_RE.fullmatch(piece):
            raise _NotAPair
        competence, _, level = piece.partition(":")
        pair = self[piece] = (competence, int(level))
        return pair


def decode_line(line: object, place: str, pairs: Pairs | None = None) -> dict[str, int]:
    """One person's levels from their rating line; ShapeProblem naming ``place`` when wrong.

    With ``pairs`` (shared by the lines of one file) a line of pairs one space apart
    is read from the pieces seen before; any other line (other blanks, a wrong
    piece, a competence twice) is read and worded as without them.
    """
    if pairs is not None and isinstance(line, str):
        pieces = line.split(" ")
        try:
            levels = dict(map(pairs.__getitem__, pieces))
        except _NotAPair:
            pass
        else:
            if len(levels) == len(pieces):
                return levels
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
    pairs = Pairs()
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
                person: decode_line(line, f"rounds[{i}].{key}.{person}", pairs)
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


def check_ratings(plain: Data, memo: SaveMemo | None = None) -> None:
    """Refuse ratings a load would refuse: unknown people or competences, levels off the scale.

    The rest of a session is validated by its models; ratings are the bulk
    (hundreds of thousands at a whole jobcentre) and are checked here with
    set operations instead, so a save holds the interpreter only briefly. With a
    ``memo``, a round's ratings (or one person's) that passed against the same staff,
    competences and scale in the save before are not checked again.
    """
    staff = frozenset(p.get("id") for p in plain.get("staff", ()) if isinstance(p, dict))
    known = {b.get("id") for b in plain.get("basics", ())}
    for block in plain.get("blocks", ()):
        known.update(e.get("id") for e in block.get("elements", ()))
    scale = _scale(plain)
    against = (staff, frozenset(known), scale)
    checked = memo.context("checked", against) if memo is not None else ""
    for i, rnd in enumerate(plain.get("rounds", ())):
        ratings = rnd.get("ratings", {})
        if memo is None:
            _check_round(i, ratings, against, None)
        else:  # verdicts hold for these people, competences and scale only
            memo.get(f"{checked}.{i}", ratings, partial(_check_round, i, ratings, against))


def _check_round(
    index: int,
    ratings: dict[Any, Any],
    against: tuple[frozenset[Any], frozenset[Any], frozenset[int] | None],
    items: Items | None,
) -> bool:
    """Check one round's ratings (ShapeProblem at the first wrong one); True when they pass."""
    staff, known, scale = against
    for person, levels in ratings.items():
        place = f"rounds[{index}].ratings.{person}"
        if person not in staff:
            raise ShapeProblem(place, "store.x.unknown_person", id=person)
        if items is None:
            _check_levels(place, levels, known, scale)
        else:
            items.get(levels, partial(_check_levels, place, levels, known, scale))
    return True


def _check_levels(
    place: str, levels: dict[Any, Any], known: frozenset[Any], scale: frozenset[int] | None
) -> bool:
    if not known.issuperset(levels):
        competence = next(c for c in levels if c not in known)
        raise ShapeProblem(f"{place}.{competence}", "store.x.unknown_competence", id=competence)
    if scale and not scale.issuperset(levels.values()):
        competence, level = next((c, v) for c, v in levels.items() if v not in scale)
        raise ShapeProblem(
            f"{place}.{competence}",
            "store.x.level_outside",
            level=level,
            scale=str(sorted(scale)),
        )
    return True


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


def _dumps(table: Data) -> str:
    return tomli_w.dumps(utc(table), multiline_strings=True)


def _table_text(key: str, value: Any, items: Items) -> str:
    return _dumps({key: value})


def _round_table_text(key: str, value: Any, items: Items) -> str:
    return _dumps({"rounds": {key: value}})


#: A table ``tomli_w`` never writes inline (a line of its own longer than it allows).
_NEVER_INLINE: Data = {"x": "x" * 120}


def _item_toml(key: str, item: Data) -> tuple[bool, str]:
    """One table of an array: whether tomli_w would put it inline, and its ``[[key]]`` text."""
    alone = _dumps({key: [item]})
    if alone.startswith("[["):
        return False, alone
    # inline on its own; beside a table that is not, it is written as [[key]] too
    tail = "\n" + _dumps({key: [_NEVER_INLINE]})
    both = _dumps({key: [item, _NEVER_INLINE]})
    return True, both[: -len(tail)]


def _array_pieces(key: str, tables: list[Data], items: Items) -> list[str] | None:
    """The ``[[key]]`` texts of an array of tables, or None when tomli_w writes the whole
    array inline (every table fits on a line); each table's text taken over if it can."""
    found = [items.get(table, partial(_item_toml, key, table)) for table in tables]
    if all(inline for inline, _ in found):
        return None
    return [text for _, text in found]


def _top_level_toml(table: Data, memo: SaveMemo | None) -> str:
    """``tomli_w.dumps`` of ``table`` (UTC, multiline strings), made of remembered pieces.

    tomli_w writes the plain values first, then each table and each table of an array
    of tables, a blank line between them; an array whose tables all fit on a line is a
    plain (inline) value. The same here, each table's text remembered by its identity.
    """
    if memo is None:  # nothing to take over: one call (per-table calls cost 25% more)
        return _dumps(table)
    literals: Data = {}
    pieces: list[str] = []
    for key, value in table.items():
        if isinstance(value, dict):
            pieces.append(memo.get(f"table.{key}", value, partial(_table_text, key, value)))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            found = memo.get(f"array.{key}", value, partial(_array_pieces, key, value))
            if found is None:
                literals[key] = value
            else:
                pieces.extend(found)
        else:
            literals[key] = value
    return "\n".join(([_dumps(literals)] if literals else []) + pieces)


def _rating_lines(lines: dict[Any, Any], place: str, items: Items | None) -> str:
    """A round's rating lines (``p-1 = 'b-01:3 b-02:2'``), each taken over if it can."""
    if items is None:
        return "".join(_rating_line(p, v, f"{place}.{p}") for p, v in lines.items())
    out: list[str] = []
    for person, levels in lines.items():
        known, line = items.peek(levels)
        # (the same levels under another key would be another line: the key is checked)
        if not (
            known
            and isinstance(person, str)
            and line.startswith(person)
            and line.startswith(" = ", len(person))
        ):
            line = _rating_line(person, levels, f"{place}.{person}")
            items.put(levels, line)
        out.append(line)
    return "".join(out)


def _rating_line(person: object, levels: dict[str, int], place: str) -> str:
    """``p-1 = 'b-01:3 b-02:2'`` and its newline, checked to read back."""
    if not isinstance(person, str) or not _ID_RE.fullmatch(person):
        raise ShapeProblem(place, "store.shape.bad_person")
    return f"{person} = '{encode_line(levels, place)}'\n"


def _round_toml(rnd: Data, index: int, memo: SaveMemo | None) -> Iterable[str]:
    """``[[rounds]]``, its plain keys, the rating lines, then its other tables.

    Written piece by piece: ``tomli_w`` would put a round with few keys inline.
    """
    tables = {k: v for k, v in rnd.items() if k not in LINE_TABLES and isinstance(v, dict) and v}
    plain = {k: v for k, v in rnd.items() if k not in LINE_TABLES and not isinstance(v, dict)}
    yield "[[rounds]]\n"
    yield _dumps(plain)
    for key in LINE_TABLES:
        lines = rnd.get(key) or {}
        if not lines:
            continue  # an empty table is left out: files without self-ratings stay as they were
        yield f"\n[rounds.{key}]\n"
        place = f"rounds[{index}].{key}"
        if memo is None:
            yield _rating_lines(lines, place, None)
        else:
            yield memo.get(f"lines.{index}.{key}", lines, partial(_rating_lines, lines, place))
    if tables:
        yield "\n"
        if memo is None:
            yield _dumps({"rounds": tables})
        else:  # one piece per table, as tomli_w separates them: a blank line between
            yield "\n".join(
                memo.get(f"round.{index}.{k}", v, partial(_round_table_text, k, v))
                for k, v in tables.items()
            )


def session_toml(plain: Data, memo: SaveMemo | None = None) -> str:
    """The TOML text of a session (plain data, UTC datetimes) in the version 2 shape.

    Everything but the rating lines is written as ``tomli_w`` writes it; the rounds
    are written between the leading keys and the trailing tables, in field order.
    With a ``memo`` (``store.reuse``), the text of every part that is the same object
    as in the save before is taken from there.
    """
    rounds = plain.get("rounds") or []
    after = {k: plain[k] for k in _TABLE_KEYS_AFTER_ROUNDS if k in plain and _is_table(plain[k])}
    head = {k: v for k, v in plain.items() if k != "rounds" and k not in after}
    parts = [_top_level_toml(head, memo)]
    for i, rnd in enumerate(rounds):
        parts.append("\n")
        parts.extend(_round_toml(rnd, i, memo))
    if after:
        parts.append("\n")
        parts.append(_top_level_toml(after, memo))
    return "".join(parts)
