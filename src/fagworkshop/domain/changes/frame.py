"""Step 1 (rammen): a new workshop from a catalogue, its frame and its participants."""

from __future__ import annotations

import datetime as dt
import uuid

from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.changes.common import ChangeError
from fagworkshop.domain.session import (
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    Frame,
    Participant,
    Purpose,
    Round,
    Session,
)
from fagworkshop.domain.text import clean_line, clean_text


def new_session(
    catalogue: Catalogue,
    title: str,
    *,
    jobcenter: str = "",
    unit: str = "",
    date: dt.date | None = None,
) -> Session:
    """A fresh workshop that copies the catalogue's scale, themes, items and courses.

    From a catalogue whose ``choices_made`` is true (one exported from a
    workshop) the basic competences start included and the elements kept, with
    the levels and priorities that workshop chose; otherwise all start undecided.
    """
    chosen = bool(catalogue.choices_made)
    decided: dict[str, object] = {"included": True} if chosen else {}
    kept: dict[str, object] = {"status": ElementStatus.KEPT} if chosen else {}
    basics = [BasicChoice(**{**b.model_dump(), **decided}) for b in catalogue.basic]
    blocks = [
        AdaptedBlock(
            id=blk.id,
            title=blk.title,
            description=blk.description,
            source=blk.source,
            elements=[AdaptedElement(**{**e.model_dump(), **kept}) for e in blk.elements],
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


#: Frame fields that take one line of text.
FRAME_LINES = ("jobcenter", "unit")


def set_frame_text(session: Session, field: str, value: str) -> None:
    """Set a one-line frame field (jobcenter, unit) or the core task (kerneopgave)."""
    if field in FRAME_LINES:
        setattr(session.frame, field, clean_line(value))
    elif field == "core_task":
        session.frame.core_task = clean_text(value)
    else:
        raise ChangeError("change.unknown_field", field=field)


def set_frame_date(session: Session, value: dt.date | str | None) -> None:
    """Set the workshop date; a string must be YYYY-MM-DD, empty clears it."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            value = None
        else:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise ChangeError("change.bad_date", value=value) from None
    session.frame.date = value


def set_frame_purpose(session: Session, purpose: str) -> None:
    """Set why the team works with the profiles (development, recruitment or both)."""
    try:
        session.frame.purpose = Purpose(purpose)
    except ValueError:
        raise ChangeError("change.unknown_purpose", purpose=purpose) from None


def _participant_fields(name: str, role: str) -> tuple[str, str]:
    clean_name = clean_line(name).strip()
    if not clean_name:
        raise ChangeError("change.empty_participant")
    return clean_name, clean_line(role).strip()


def add_participant(session: Session, name: str, role: str = "") -> Participant:
    """Add a participant (deltager) with a role."""
    clean_name, clean_role = _participant_fields(name, role)
    participant = Participant(name=clean_name, role=clean_role)
    session.frame.participants.append(participant)
    return participant


def update_participant(session: Session, index: int, name: str, role: str = "") -> None:
    """Change a participant's name and role."""
    people = session.frame.participants
    if not 0 <= index < len(people):
        raise ChangeError("change.unknown_participant", index=index + 1)
    people[index].name, people[index].role = _participant_fields(name, role)


def remove_participant(session: Session, index: int) -> None:
    """Remove a participant by position."""
    people = session.frame.participants
    if not 0 <= index < len(people):
        raise ChangeError("change.unknown_participant", index=index + 1)
    del people[index]
