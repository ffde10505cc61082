"""Changes to a session: the one way screens and commands edit it.

Each function applies one change to a :class:`Session` in place, checks what
it is given, and raises :class:`ChangeError` (with an i18n key) on a change
that would make the session invalid. The app calls these and then schedules a
save; nothing else mutates the session.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from pydantic import BaseModel

from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.session import (
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    Frame,
    Round,
    Session,
    Status,
    Step,
    utc_now,
)


class ChangeError(ValueError):
    """A change that cannot be applied; ``key`` names the user message in i18n."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def new_id(prefix: str, existing: list[str] | set[str]) -> str:
    """The next free id of the form ``prefix-N`` (``p-1``, ``own-2``...)."""
    taken = set(existing)
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
    numbers = [int(m.group(1)) for i in taken if (m := pattern.match(i))]
    n = max(numbers, default=0) + 1
    while f"{prefix}-{n}" in taken:
        n += 1
    return f"{prefix}-{n}"


def new_session(
    catalogue: Catalogue,
    title: str,
    *,
    jobcenter: str = "",
    unit: str = "",
    date: dt.date | None = None,
) -> Session:
    """A fresh workshop that copies the catalogue's scale, themes, items and courses."""
    basics = [BasicChoice(**b.model_dump()) for b in catalogue.basic]
    blocks = [
        AdaptedBlock(
            id=blk.id,
            title=blk.title,
            description=blk.description,
            source=blk.source,
            elements=[AdaptedElement(**e.model_dump()) for e in blk.elements],
        )
        for blk in catalogue.blocks
    ]
    return Session(
        id=uuid.uuid4().hex[:12],
        title=title,
        frame=Frame(
            jobcenter=jobcenter,
            unit=unit,
            date=date,
            catalogue_id=catalogue.id,
            catalogue_title=catalogue.title,
        ),
        levels=[lv.model_copy() for lv in catalogue.levels],
        themes=[t.model_copy() for t in catalogue.themes],
        basics=basics,
        blocks=blocks,
        courses=[c.model_copy(deep=True) for c in catalogue.courses],
        rounds=[Round(number=1, date=date or dt.date.today())],
    )


def touch(session: Session) -> None:
    """Record that the session changed now."""
    session.updated = utc_now()


def go_to_step(session: Session, step: int) -> None:
    """Remember the step the team is on, so a reopened session lands there."""
    session.current_step = int(Step(step))


def _current_round(session: Session) -> Round:
    current = session.round()
    if current is None:
        current = Round(number=1, date=dt.date.today())
        session.rounds.append(current)
    return current


def set_rating(
    session: Session, person_id: str, competence_id: str, level: int | None
) -> None:
    """Set (or clear, with None) a person's level on a competence in the latest round."""
    if session.person(person_id) is None:
        raise ChangeError("change.unknown_person", id=person_id)
    if session.competence(competence_id) is None:
        raise ChangeError("change.unknown_competence", id=competence_id)
    if level is not None and level not in session.level_numbers():
        raise ChangeError("change.level_outside_scale", level=level)
    rnd = _current_round(session)
    per_person = rnd.ratings.setdefault(person_id, {})
    if level is None:
        per_person.pop(competence_id, None)
        if not per_person:
            del rnd.ratings[person_id]
    else:
        per_person[competence_id] = level


def toggle_unused(session: Session, person_id: str, competence_id: str) -> bool:
    """Flip "has it but does not use it" for a person and competence; returns the new flag."""
    if session.person(person_id) is None:
        raise ChangeError("change.unknown_person", id=person_id)
    if session.competence(competence_id) is None:
        raise ChangeError("change.unknown_competence", id=competence_id)
    rnd = _current_round(session)
    flags = rnd.unused.setdefault(person_id, [])
    if competence_id in flags:
        flags.remove(competence_id)
        if not flags:
            del rnd.unused[person_id]
        return False
    flags.append(competence_id)
    return True


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


def mark_agreed(session: Session, on: dt.date | None = None) -> None:
    """Mark the workshop as agreed (aftalt) on a date."""
    session.status = Status.AGREED
    session.agreed_on = on or dt.date.today()


#: What an erased person's name becomes in free text (notes, decisions, titles).
ERASED_NAME = "(slettet)"


def _redact_text(node: object, pattern: re.Pattern[str], replacement: str) -> None:
    """Replace ``pattern`` in every string field of a model tree, in place (ids untouched:
    a name never matches an id, which has no spaces or capitals)."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, str):
                if pattern.search(value):
                    setattr(node, name, pattern.sub(replacement, value))
            else:
                _redact_text(value, pattern, replacement)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, str):
                node[i] = pattern.sub(replacement, value)
            else:
                _redact_text(value, pattern, replacement)
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                node[key] = pattern.sub(replacement, value)
            else:
                _redact_text(value, pattern, replacement)


def erase_person(session: Session, person_id: str, replacement: str = ERASED_NAME) -> None:
    """Remove a person completely: staff entry, ratings in every round, actions and goals.

    An action that was only for this person is removed; a shared action just
    loses them from ``for_whom``. The person's name typed into free text
    anywhere in the session (notes, decisions, action titles, transfer plans,
    other people's goals) becomes ``replacement``: whole words, any case, with
    a genitive ending, for names of three letters or more. Saving afterwards with
    ``store.save_session(..., purge_backup=True)`` removes the person from the
    file on disk and its backup too.
    """
    person = session.person(person_id)
    if person is None:
        raise ChangeError("change.unknown_person", id=person_id)
    session.staff.remove(person)
    name = person.name.strip()
    if len(name) >= 3:
        # whole words, with a Danish genitive "s" or "'s" ("Annes", "Jens'")
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?:'?s|')?(?!\w)", re.IGNORECASE)
        _redact_text(session, pattern, replacement)
    for rnd in session.rounds:
        rnd.ratings.pop(person_id, None)
        rnd.unused.pop(person_id, None)
        rnd.notes.pop(person_id, None)
    kept = []
    for action in session.actions:
        if person_id in action.for_whom:
            action.for_whom = [p for p in action.for_whom if p != person_id]
            if not action.for_whom:
                continue  # the action was for this person alone
        kept.append(action)
    session.actions = kept
