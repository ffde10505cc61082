"""Every step: the step the team is on, its notes, decisions and timebox; the agreement."""

from __future__ import annotations

import datetime as dt

from fagworkshop.domain.changes.common import ChangeError
from fagworkshop.domain.session import Decision, Session, Status, Step
from fagworkshop.domain.text import clean_text


def go_to_step(session: Session, step: int) -> None:
    """Remember the step the team is on, so a reopened session lands there."""
    session.current_step = int(Step(step))


def set_step_notes(session: Session, step: int, notes: str) -> None:
    """Replace the notes (noter) of a step."""
    session.step(Step(step)).notes = clean_text(notes)


def add_decision(session: Session, step: int, text: str, on: dt.date | None = None) -> Decision:
    """Record a decision (aftale) in a step, dated today unless ``on`` is given."""
    body = clean_text(text).strip()
    if not body:
        raise ChangeError("change.empty_decision")
    decision = Decision(text=body, made_on=on or dt.date.today())
    session.step(Step(step)).decisions.append(decision)
    return decision


def set_decision_date(session: Session, step: int, index: int, on: dt.date) -> None:
    """Change the date of a decision of a step (by its position): the day it was made."""
    decisions = session.step(Step(step)).decisions
    if not 0 <= index < len(decisions):
        raise ChangeError("change.unknown_decision", index=index + 1)
    decisions[index].made_on = on


def remove_decision(session: Session, step: int, index: int) -> None:
    """Remove a decision of a step by its position."""
    decisions = session.step(Step(step)).decisions
    if not 0 <= index < len(decisions):
        raise ChangeError("change.unknown_decision", index=index + 1)
    del decisions[index]


def set_timebox(session: Session, step: int, minutes: int | None) -> None:
    """Set the timebox (tidsramme) of a step in minutes; None or 0 removes it."""
    if minutes is not None and not 0 <= minutes <= 1440:
        raise ChangeError("change.timebox_range", minutes=minutes)
    session.step(Step(step)).timebox_minutes = minutes or None


def mark_agreed(session: Session, on: dt.date | None = None) -> None:
    """Mark the workshop as agreed (aftalt) on a date."""
    session.status = Status.AGREED
    session.agreed_on = on or dt.date.today()
