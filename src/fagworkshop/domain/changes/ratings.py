"""Step 4 (vurdering): levels, unused flags, self-assessment, wishes, rating notes, rounds."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from fagworkshop.domain import progress
from fagworkshop.domain.changes.common import ChangeError, check_cell, check_level, current_round
from fagworkshop.domain.session import Round, Session
from fagworkshop.domain.text import clean_text

V = TypeVar("V")


def _put(
    table: dict[str, dict[str, V]], person_id: str, competence_id: str, value: V | None
) -> None:
    """Set a person's value for a competence in a round's table, or drop it with None
    (and the person's entry with their last value)."""
    per_person = table.setdefault(person_id, {})
    if value is None:
        per_person.pop(competence_id, None)
        if not per_person:
            del table[person_id]
    else:
        per_person[competence_id] = value


def _flag(table: dict[str, list[str]], person_id: str, competence_id: str, on: bool) -> None:
    """Raise or lower a person's flag for a competence in a round's table (unused, wish),
    dropping the person's entry with their last flag."""
    flags = table.setdefault(person_id, [])
    if on and competence_id not in flags:
        flags.append(competence_id)
    elif not on and competence_id in flags:
        flags.remove(competence_id)
    if not flags:
        del table[person_id]


def set_rating(session: Session, person_id: str, competence_id: str, level: int | None) -> None:
    """Set (or clear, with None) a person's level on a competence in the latest round."""
    check_cell(session, person_id, competence_id)
    check_level(session, level)
    rnd = current_round(session)
    had = competence_id in rnd.ratings.get(person_id, {})
    _put(rnd.ratings, person_id, competence_id, level)
    progress.note_rating(session, person_id, competence_id, had)


def toggle_unused(session: Session, person_id: str, competence_id: str) -> bool:
    """Flip "has it but does not use it" for a person and competence; returns the new flag."""
    check_cell(session, person_id, competence_id)
    rnd = current_round(session)
    unused = competence_id not in rnd.unused.get(person_id, ())
    _flag(rnd.unused, person_id, competence_id, unused)
    return unused


def set_self_rating(
    session: Session, person_id: str, competence_id: str, level: int | None
) -> None:
    """Set (or clear, with None) a person's own level (selvvurdering) on a competence in
    the latest round, beside the leaders' rating; checked like :func:`set_rating`."""
    check_cell(session, person_id, competence_id)
    if level is not None and type(level) is not int:  # a bool or "3" is not a level
        raise ChangeError("change.level_outside_scale", level=level)
    check_level(session, level)
    _put(current_round(session).self_ratings, person_id, competence_id, level)


def set_wish(session: Session, person_id: str, competence_id: str, wish: bool) -> None:
    """Say whether a person wants to develop a competence (ønsker at udvikle) in the
    latest round."""
    check_cell(session, person_id, competence_id)
    _flag(current_round(session).wishes, person_id, competence_id, wish)


def toggle_wish(session: Session, person_id: str, competence_id: str) -> bool:
    """Flip "wants to develop this" (ønsker at udvikle) for a person and competence in
    the latest round; returns the new flag."""
    check_cell(session, person_id, competence_id)
    rnd = current_round(session)
    wish = competence_id not in rnd.wishes.get(person_id, ())
    set_wish(session, person_id, competence_id, wish)
    return wish


def set_rating_note(session: Session, person_id: str, competence_id: str, note: str) -> None:
    """A note on one person's rating of one competence in the latest round (empty removes it)."""
    check_cell(session, person_id, competence_id)
    text = clean_text(note)
    _put(current_round(session).notes, person_id, competence_id, text if text.strip() else None)


def start_follow_up_round(session: Session, date: dt.date | None = None, label: str = "") -> Round:
    """A new rating round that starts from a copy of the latest round's ratings."""
    last = session.round()
    number = (last.number + 1) if last else 1
    new = Round(number=number, date=date or dt.date.today(), label=label)
    if last is not None:
        new.ratings = {p: dict(r) for p, r in last.ratings.items()}
        new.unused = {p: list(u) for p, u in last.unused.items()}
    session.rounds.append(new)
    return new
