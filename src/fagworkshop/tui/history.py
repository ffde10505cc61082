"""The undo history's rules (fortryd): which changes are undo steps, which coalesce
while a field is typed in, which end the history, and how a step is named on screen
("niveau for AP på B3"). The controller keeps the history. No Textual here.

An undo step holds what the change altered: for a change of one person's ratings
(:data:`PERSON_PART`, the keys of the rating grid) that person's part of the round
as it was (:class:`PersonPart`, a few hundred bytes); for any other change the whole
session as plain data before it (shared with the steps around it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fagworkshop import i18n
from fagworkshop.domain.session import Round, Session
from fagworkshop.i18n import t
from fagworkshop.tui.snapshot import ROUND_TABLES, entry_copy
from fagworkshop.tui.widgets.grid_support import competence_codes


@dataclass(frozen=True)
class PersonPart:
    """One person's entries in one rating round as they were (ratings, unused flags,
    notes, own levels, wishes), where each stood among the round's people, and the step
    the workshop was on: what undo of a rating puts back."""

    round_number: int
    person_id: str
    step: int
    entries: dict[str, Any]  # table -> a copy of the person's entry (absent: none)
    places: dict[str, int]  # table -> the entry's place among the table's people


def person_part(session: Session, rnd: Round, person_id: str) -> PersonPart:
    """The person's part of ``rnd`` now (copies: the session may change on)."""
    entries: dict[str, Any] = {}
    places: dict[str, int] = {}
    for table in ROUND_TABLES:
        found = getattr(rnd, table)
        if person_id in found:
            entries[table] = entry_copy(found[person_id])
            places[table] = list(found).index(person_id)
    return PersonPart(rnd.number, person_id, session.current_step, entries, places)


def put_back(session: Session, rnd: Round, part: PersonPart) -> None:
    """Make the person's part of ``rnd`` what ``part`` holds, each entry in its old place,
    and go back to the step it was made on."""
    person = part.person_id
    for table in ROUND_TABLES:
        target: dict[str, Any] = getattr(rnd, table)
        if table not in part.entries:
            target.pop(person, None)
        elif person in target:
            target[person] = entry_copy(part.entries[table])
        else:
            items = list(target.items())
            items.insert(part.places[table], (person, entry_copy(part.entries[table])))
            target.clear()
            target.update(items)
    session.current_step = part.step


@dataclass
class Entry:
    """One undo step: the session before (or, on the redo stack, after) a change, as
    plain data or, for a change of one person's ratings, as that person's part."""

    plain: dict[str, Any] | None
    label: ChangeLabel
    key: tuple[Any, ...] | None  # changes with the same key coalesce (typing one field)
    part: PersonPart | None = None


#: Changes that alter one person's part of the latest round and nothing else (their first
#: argument is the person): their undo step is that part (PersonPart), not the session.
PERSON_PART = {
    "set_rating",
    "toggle_unused",
    "set_self_rating",
    "set_wish",
    "toggle_wish",
    "set_rating_note",
}
#: Changes that are not undo steps (moving between steps is not a change of content).
NOT_RECORDED = {"go_to_step"}
#: Changes after which nothing before may be brought back (the person's data is gone).
FINAL = {"erase_person"}
#: Changes that coalesce while the same field is typed into (one undo step per field).
#: Not update_person: the staff form saves a person at once, each save its own step.
COALESCE = {
    "set_frame_text",
    "set_step_notes",
    "set_timebox",
    "set_basic_wording",
    "set_basic_note",
    "set_element_wording",
    "set_element_note",
    "rename_profile",
    "set_profile_description",
    "set_profile_needed",
    "set_rating_note",
    "update_participant",
    "update_action",
    "update_goal",
}


def change_name(fn: Callable[..., Any]) -> str:
    inner = getattr(fn, "__wrapped__", fn)
    return str(getattr(inner, "__name__", "change"))


def _person_label(session: Session, person_id: str) -> str:
    person = session.person(person_id)
    if person is None:
        return person_id
    return (person.initials or person.name).strip() or person_id


@dataclass(frozen=True)
class ChangeLabel:
    """What a change did, kept as the text's key and its parts: ``str()`` says it in the
    language shown now (a label made in Danish reads in English after ctrl+l)."""

    key: str
    person: str | None = None
    code: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        if self.field is not None:
            return t(self.key, field=t(f"undo.field.{self.field}"))
        if self.person is not None:
            return t(self.key, person=self.person, code=self.code or "")
        return t(self.key)


def change_label(session: Session, fn: Callable[..., Any], args: tuple[Any, ...]) -> ChangeLabel:
    """What a change did, for the undo message and the footer ("niveau for AP på B3")."""
    name = change_name(fn)
    cells = {"set_rating", "toggle_unused", "set_rating_note", "set_self_rating", "toggle_wish"}
    if name in cells and len(args) >= 2:
        return ChangeLabel(
            f"undo.what.{name}",
            person=_person_label(session, str(args[0])),
            code=competence_codes(session).get(str(args[1]), str(args[1])),
        )
    if name == "set_frame_text" and args and i18n.has(f"undo.field.{args[0]}"):
        return ChangeLabel("undo.what.set_frame_text", field=str(args[0]))
    key = f"undo.what.{name}"
    return ChangeLabel(key if i18n.has(key) else "undo.what.other")


def describe_change(session: Session, fn: Callable[..., Any], args: tuple[Any, ...]) -> str:
    """What a change did, in words in the current language ("niveau for AP på B3")."""
    return str(change_label(session, fn, args))


class History:
    """The undo and redo stacks: the session as plain data before each change (on the
    redo stack, after it), newest last, at most ``size`` undo steps."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.undo: list[Entry] = []
        self.redo: list[Entry] = []
        self.last_key: tuple[Any, ...] | None = None

    def record(
        self,
        session: Session,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        before: dict[str, Any] | PersonPart,
    ) -> None:
        """A change was made to ``session``; ``before`` is the state it changed (the whole
        session as plain data, or the person's part of the round)."""
        name = change_name(fn)
        if name in NOT_RECORDED:
            return
        if name in FINAL:  # older states hold the erased person: forget them all
            self.undo.clear()
            self.redo.clear()
            self.last_key = None
            return
        key = (name, *args[:-1]) if name in COALESCE else None
        self.redo.clear()
        if key is not None and key == self.last_key and self.undo:
            return  # typing on in the same field: the step before it stays the undo step
        label = change_label(session, fn, args)
        if isinstance(before, PersonPart):
            self.undo.append(Entry(None, label, key, part=before))
        else:
            self.undo.append(Entry(before, label, key))
        del self.undo[: -self.size]
        self.last_key = key
