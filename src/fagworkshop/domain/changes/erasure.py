"""Erasing a person (sletning): staff entry, ratings, actions, and every mention in free
text; the backup purge that follows."""

from __future__ import annotations

from fagworkshop.domain.changes.common import find_person
from fagworkshop.domain.names import (
    FormKind,
    NameMatch,
    TextField,
    TextPlace,
    session_matcher,
    text_fields,
)
from fagworkshop.domain.session import Session

#: What an erased person's name becomes in free text (notes, decisions, titles).
ERASED_NAME = "[slettet]"


def _erasure_edits(
    session: Session, person_id: str, replacement: str
) -> list[tuple[TextField, str]]:
    """Each free-text field that mentions a person, with its new text (see ``erase_person``)."""
    matcher = session_matcher(session, short_forms=True)

    def hit(m: NameMatch) -> str | None:
        # a shared first name may be someone else's: only the full name, initials and
        # pseudonym of the person, and their name parts nobody else has, are theirs
        mine = m.only(person_id) if m.kind == FormKind.PART else person_id in m.owners
        return replacement if mine else None

    edits = []
    for text_field in text_fields(session, skip_person=person_id):
        new, count = matcher.replace(text_field.value, hit)
        if count:
            edits.append((text_field, new))
    return edits


def erasure_places(session: Session, person_id: str) -> list[TextPlace]:
    """Where erasing a person would change free text (step and field, not the text),
    for the facilitator to see before confirming. Changes nothing."""
    find_person(session, person_id)
    return [f.place for f, _ in _erasure_edits(session, person_id, ERASED_NAME)]


def erase_person(
    session: Session, person_id: str, replacement: str = ERASED_NAME
) -> list[TextPlace]:
    """Remove a person completely: staff entry, ratings (the leaders' and their own) and
    wishes in every round, actions and goals.

    An action that was only for this person is removed; a shared action just
    loses them from ``for_whom``. Every mention of the person in free text
    anywhere in the session (notes, decisions, rewordings, action titles,
    owners and transfer plans, other people's goals, rating notes,
    participants) becomes ``replacement``, as found by
    :class:`~fagworkshop.domain.names.NameMatcher` with initials and
    pseudonym: the full name in any case and spacing, a genitive, each name
    part nobody else has. Returns the places changed (see
    :func:`erasure_places`). Saving afterwards with
    ``store.save_session(..., purge_backup=True)`` removes the person from the
    file on disk and its backup too; :func:`backup_purge_pending` tells the
    app to do so.
    """
    find_person(session, person_id)
    edits = _erasure_edits(session, person_id, replacement)
    for text_field, new in edits:
        text_field.set(new)
    person = find_person(session, person_id)
    session.staff.remove(person)
    session._backup_purge_pending = True
    for rnd in session.rounds:
        rnd.ratings.pop(person_id, None)
        rnd.unused.pop(person_id, None)
        rnd.notes.pop(person_id, None)
        rnd.self_ratings.pop(person_id, None)
        rnd.wishes.pop(person_id, None)
    kept = []
    for action in session.actions:
        if person_id in action.for_whom:
            action.for_whom = [p for p in action.for_whom if p != person_id]
            if not action.for_whom:
                continue  # the action was for this person alone
        kept.append(action)
    session.actions = kept
    return [f.place for f, _ in edits]


def backup_purge_pending(session: Session) -> bool:
    """Whether a person was erased since the last save that rewrote the backup.

    The app saves with ``store.save_session(..., purge_backup=True)`` while
    this is True and then calls :func:`backup_purged`, so an erased person is
    gone from ``NAME.toml.bak`` as well as from the file.
    """
    return session._backup_purge_pending


def backup_purged(session: Session) -> None:
    """Record that a save has rewritten the backup (see :func:`backup_purge_pending`)."""
    session._backup_purge_pending = False
