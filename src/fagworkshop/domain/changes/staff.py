"""Step 4: the staff (medarbejdere), their names, roles, notes and local profiles."""

from __future__ import annotations

from fagworkshop.domain.changes.common import ChangeError, find_person, known_ids, new_id
from fagworkshop.domain.session import Person, Session
from fagworkshop.domain.text import clean_line, clean_text


def _person_name(value: str) -> str:
    name = clean_line(value).strip()
    if not name:
        raise ChangeError("change.empty_name")
    return name


def _check_profiles(session: Session, profile_ids: list[str]) -> list[str]:
    return known_ids(profile_ids, {p.id for p in session.profiles}, "change.unknown_profile")


def add_person(
    session: Session,
    name: str,
    initials: str = "",
    role: str = "",
    profiles: list[str] | None = None,
) -> str:
    """Add a member of staff (name may be initials or a pseudonym); returns the new id."""
    person = Person(
        id=new_id("p", [p.id for p in session.staff]),
        name=_person_name(name),
        initials=clean_line(initials).strip(),
        role=clean_line(role).strip(),
        profiles=_check_profiles(session, profiles or []),
    )
    session.staff.append(person)
    return person.id


def update_person(
    session: Session,
    person_id: str,
    *,
    name: str | None = None,
    initials: str | None = None,
    role: str | None = None,
    note: str | None = None,
    profiles: list[str] | None = None,
) -> None:
    """Change a person's name, initials, role, note or local profiles, as one change
    (None leaves a field as it is); nothing changes when any value is refused."""
    person = find_person(session, person_id)
    checked = _check_profiles(session, profiles) if profiles is not None else None
    new_name = _person_name(name) if name is not None else None
    if new_name is not None:
        person.name = new_name
    if initials is not None:
        person.initials = clean_line(initials).strip()
    if role is not None:
        person.role = clean_line(role).strip()
    if note is not None:
        person.note = clean_text(note)
    if checked is not None:
        person.profiles = checked


def set_person_profiles(session: Session, person_id: str, profile_ids: list[str]) -> None:
    """The local profiles a person works in (decides which competences matter for them)."""
    find_person(session, person_id).profiles = _check_profiles(session, profile_ids)
