"""The undo history's rules (fortryd): which changes are undo steps, which coalesce
while a field is typed in, which end the history, and how a step is named on screen
("niveau for AP på B3"). The controller keeps the history. No Textual here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fagworkshop import i18n
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.tui.widgets.grid_support import competence_codes


@dataclass
class Entry:
    """One undo step: the session before (or, on the redo stack, after) a change."""

    plain: dict[str, Any]
    label: str
    key: tuple[Any, ...] | None  # changes with the same key coalesce (typing one field)


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


def describe_change(session: Session, fn: Callable[..., Any], args: tuple[Any, ...]) -> str:
    """What a change did, in words for the undo message ("niveau for AP på B3")."""
    name = change_name(fn)
    try:
        cells = {"set_rating", "toggle_unused", "set_rating_note", "set_self_rating", "toggle_wish"}
        if name in cells and len(args) >= 2:
            return t(
                f"undo.what.{name}",
                person=_person_label(session, str(args[0])),
                code=competence_codes(session).get(str(args[1]), str(args[1])),
            )
        if name in {"set_frame_text"} and args:
            return t("undo.what.set_frame_text", field=t(f"undo.field.{args[0]}"))
    except KeyError:
        pass
    key = f"undo.what.{name}"
    if i18n.has(key):
        return t(key)
    return t("undo.what.other")


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
        before: dict[str, Any],
    ) -> None:
        """A change was made to ``session``; ``before`` is the state it changed."""
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
        self.undo.append(Entry(before, describe_change(session, fn, args), key))
        del self.undo[: -self.size]
        self.last_key = key


def shared_snapshot(plain: dict[str, Any], previous: dict[str, Any]) -> dict[str, Any]:
    """``plain`` with the rating dicts that did not change since ``previous`` shared with
    it, so a hundred undo steps of a large session do not hold a hundred copies of its
    ratings. Snapshots are never changed once made."""
    old_rounds = previous.get("rounds", [])
    for new, old in zip(plain.get("rounds", []), old_rounds, strict=False):
        before = old.get("ratings", {})
        ratings = new.get("ratings", {})
        for person, levels in ratings.items():
            kept = before.get(person)
            if kept == levels:
                ratings[person] = kept
    return plain
