"""What every change shares: :class:`ChangeError`, new ids, the level check, look-ups.

The look-ups (:func:`find_person`, :func:`check_cell`, :func:`current_round`)
raise :class:`ChangeError` for what the session does not know, so the changes
of every aspect refuse alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable
from typing import Protocol, TypeVar

from fagworkshop.domain.session import Person, Round, Session, utc_now


class ChangeError(ValueError):
    """A change that cannot be applied; ``key`` names the user message in i18n."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def known_ids(ids: Iterable[str], known: Container[str], error: str) -> list[str]:
    """``ids`` in their order without repeats; ChangeError ``error`` (with ``id``) for the
    first that is not in ``known``."""
    listed = list(dict.fromkeys(ids))
    for item in listed:
        if item not in known:
            raise ChangeError(error, id=item)
    return listed


def new_id(prefix: str, existing: list[str] | set[str]) -> str:
    """The next free id of the form ``prefix-N`` (``p-1``, ``own-2``...)."""
    taken = set(existing)
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
    numbers = [int(m.group(1)) for i in taken if (m := pattern.match(i))]
    n = max(numbers, default=0) + 1
    while f"{prefix}-{n}" in taken:
        n += 1
    return f"{prefix}-{n}"


def touch(session: Session) -> None:
    """Record that the session changed now."""
    session.updated = utc_now()


def check_level(session: Session, level: int | None) -> None:
    """Refuse a level that is not on the session's scale (None means no level)."""
    if level is not None and level not in session.level_numbers():
        raise ChangeError("change.level_outside_scale", level=level)


def current_round(session: Session) -> Round:
    """The latest rating round, started (round 1, today) when the session has none."""
    current = session.round()
    if current is None:
        current = Round(number=1, date=dt.date.today())
        session.rounds.append(current)
    return current


def check_cell(session: Session, person_id: str, competence_id: str) -> None:
    """Refuse a rating cell whose person or competence the session does not know."""
    if session.person(person_id) is None:
        raise ChangeError("change.unknown_person", id=person_id)
    if session.competence(competence_id) is None:
        raise ChangeError("change.unknown_competence", id=competence_id)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T")
Identified = TypeVar("Identified", bound=_HasId)


def known(item: T | None, key: str, item_id: str) -> T:
    """``item`` as a session look-up found it; ChangeError ``key`` when it found nothing."""
    if item is None:
        raise ChangeError(key, id=item_id)
    return item


def find_by_id(items: Iterable[Identified], item_id: str, key: str) -> Identified:
    """The first of ``items`` with this id; ChangeError ``key`` when none has it."""
    return known(next((i for i in items if i.id == item_id), None), key, item_id)


def find_person(session: Session, person_id: str) -> Person:
    """The person with this id; ChangeError when the session has nobody by it."""
    return known(session.person(person_id), "change.unknown_person", person_id)
