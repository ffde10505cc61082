"""Heat-map cells and how people are named outside the room.

A cell (celle) is one person's level on one competence against its target,
classified into a :class:`CellState` that reads without colour
(:func:`cell_text`). People leave the room by initials or a pseudonym unless
names are asked for (:func:`person_label`, :func:`people_labels`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import StrEnum

from fagworkshop.domain.session import Person

# --- heat-map cells -----------------------------------------------------------


class CellState(StrEnum):
    """How one person's level on one competence stands against its target (heat-map cell)."""

    ABOVE = "above"  # over målniveau
    MEETS = "meets"  # på målniveau
    ONE_BELOW = "one_below"  # ét niveau under
    FAR_BELOW = "far_below"  # to eller flere niveauer under
    UNRATED = "unrated"  # ikke vurderet
    NO_TARGET = "no_target"  # intet målniveau
    NOT_RELEVANT = "not_relevant"  # ikke relevant for personen

    @property
    def marker(self) -> str:
        """A short ASCII sign that carries the state without colour (print, black and white).

        Shown next to the level digit: ``3+`` above, ``3`` meets, ``2-`` one
        below, ``1!`` far below, ``?`` unrated, ``·`` not relevant.
        """
        return _MARKERS[self]

    @property
    def is_gap(self) -> bool:
        """Whether the cell is below target."""
        return self in (CellState.ONE_BELOW, CellState.FAR_BELOW)


_MARKERS: dict[CellState, str] = {
    CellState.ABOVE: "+",
    CellState.MEETS: "",
    CellState.ONE_BELOW: "-",
    CellState.FAR_BELOW: "!",
    CellState.UNRATED: "?",
    CellState.NO_TARGET: "",
    CellState.NOT_RELEVANT: "·",
}


def classify(level: int | None, target: int | None, relevant: bool = True) -> CellState:
    """The heat-map state of a cell: relevance first, then rating, then target."""
    if not relevant:
        return CellState.NOT_RELEVANT
    if level is None:
        return CellState.UNRATED
    if target is None:
        return CellState.NO_TARGET
    if level > target:
        return CellState.ABOVE
    if level == target:
        return CellState.MEETS
    if target - level == 1:
        return CellState.ONE_BELOW
    return CellState.FAR_BELOW


def cell_text(level: int | None, state: CellState) -> str:
    """The text of a heat-map cell that reads without colour: level digit plus marker."""
    if state == CellState.UNRATED:
        return "?"
    if level is None:
        return state.marker
    return f"{level}{state.marker}"


# --- names leaving the room ---------------------------------------------------


def pseudonym(person_id: str) -> str:
    """A stable pseudonym derived from a person's id, for exports without names.

    It does not contain the id (an id may have been typed from a name): a
    short hash, e.g. ``M-3FA2``.
    """
    digest = hashlib.sha256(person_id.encode("utf-8")).hexdigest()[:4].upper()
    return f"M-{digest}"


def person_label(person: Person, with_names: bool = False) -> str:
    """How a person is shown outside the room: full name only when asked for.

    Without names: the person's initials (initialer), else a pseudonym.
    """
    if with_names:
        return person.name
    initials = person.initials.strip()
    return initials or pseudonym(person.id)


def people_labels(people: Iterable[Person], with_names: bool = False) -> dict[str, str]:
    """Labels for many people at once, made unique (``AB``, ``AB (2)``) in staff order."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for person in people:
        base = person_label(person, with_names)
        n = seen.get(base, 0) + 1
        seen[base] = n
        labels[person.id] = base if n == 1 else f"{base} ({n})"
    return labels
