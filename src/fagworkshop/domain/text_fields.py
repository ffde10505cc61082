"""Every free-text field of a session with its step (:func:`text_fields`).

Free text is what a person typed: notes, decisions, rewordings, titles, action
owners and transfer plans, goals, rating notes, participants; ids are not (a
field holds ids when its type says so). The erasure of a person and a person's
own export walk these fields with the name matcher of :mod:`.names`. No Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from fagworkshop.domain.session import Session, Step

#: Path segments: a field name, or a list position (0-based); dict keys (ids) are
#: left out of a place, since an id may have been typed from a name.
PathPart = str | int


@dataclass(frozen=True, slots=True)
class TextPlace:
    """Where a free-text field is: its step (None for the workshop title) and its
    path of field names and list positions, e.g. ``("actions", 2, "transfer_plan")``."""

    step: int | None
    path: tuple[PathPart, ...]

    @property
    def field(self) -> str:
        """The field's own name (``transfer_plan``, ``notes``, ``text``...)."""
        return next((p for p in reversed(self.path) if isinstance(p, str)), "")


@dataclass(frozen=True, slots=True)
class TextField:
    """One free-text value of a session, where it is, and how to change it."""

    place: TextPlace
    value: str
    owner: object  # the model, list or dict that holds it
    slot: str | int  # attribute name, list position or dict key

    def set(self, value: str) -> None:
        """Store a new value in the session (in place)."""
        if isinstance(self.owner, BaseModel) and isinstance(self.slot, str):
            setattr(self.owner, self.slot, value)
        elif isinstance(self.owner, list) and isinstance(self.slot, int):
            self.owner[self.slot] = value
        elif isinstance(self.owner, dict):
            self.owner[self.slot] = value


#: Fields typed as text that still hold a reference, never text a person typed.
_NOT_TEXT = frozenset({"catalogue_id"})


def _is_id_type(annotation: object) -> bool:
    """Whether a field's type holds ids (``Id``, ``list[Id]``, ``dict[Id, list[Id]]``...):
    strings with a pattern, never free text."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return any(getattr(m, "pattern", None) for m in args[1:]) or _is_id_type(args[0])
    if origin in (list, tuple, set, frozenset) and args:
        return _is_id_type(args[0])
    if origin is dict and len(args) == 2:
        return _is_id_type(args[1])
    if origin in (Union, UnionType):
        kinds = [a for a in args if a is not type(None)]
        return bool(kinds) and all(_is_id_type(a) for a in kinds)
    return False


_ID_FIELDS: dict[type, frozenset[str]] = {}


def _id_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of a model that hold ids (looked up once per model class)."""
    known = _ID_FIELDS.get(model)
    if known is None:
        known = frozenset(
            name
            for name, info in model.model_fields.items()
            if name in _NOT_TEXT
            or any(getattr(m, "pattern", None) for m in info.metadata)
            or _is_id_type(info.annotation)
        )
        _ID_FIELDS[model] = known
    return known


#: The step each top-level part of a session belongs to.
_STEP_OF = {
    "frame": 1,
    "levels": 2,
    "themes": 2,
    "basics": 2,
    "blocks": 3,
    "profiles": 3,
    "staff": 4,
    "rounds": 4,
    "courses": 6,
    "actions": 6,
}


def text_fields(session: Session, *, skip_person: str | None = None) -> list[TextField]:
    """Every free-text value of a session in file order: notes, decisions,
    rewordings, titles, descriptions, action titles, owners and transfer plans,
    goals, rating notes, participants. ``skip_person`` leaves out what belongs to
    one member of staff only (their entry, their rating notes, actions for them
    alone), for an erasure that removes those anyway."""
    found: list[TextField] = []

    def walk(node: object, path: tuple[PathPart, ...], step: int | None) -> None:
        if isinstance(node, BaseModel):
            skip = _id_fields(type(node))
            for name in type(node).model_fields:
                if name in skip:
                    continue
                value = getattr(node, name)
                here = step
                if not path:
                    here = _STEP_OF.get(name)
                    if name == "title":
                        here = None
                    elif here is None and name != "steps":
                        continue
                elif name == "goals":
                    here = int(Step.PLAN)
                if type(value) is str:
                    found.append(TextField(TextPlace(here, (*path, name)), value, node, name))
                else:
                    walk(value, (*path, name), here)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if skip_person and _belongs_to(value, skip_person):
                    continue
                if type(value) is str:
                    found.append(TextField(TextPlace(step, (*path, i)), value, node, i))
                else:
                    walk(value, (*path, i), step)
        elif isinstance(node, dict):
            for key, value in node.items():
                if skip_person and key == skip_person:
                    continue
                here = step
                if path == ("steps",):
                    here = _step_number(str(key))
                    if here is None:
                        continue
                if type(value) is str:
                    found.append(TextField(TextPlace(here, path), value, node, key))
                else:
                    walk(value, path if path != ("steps",) else (*path, str(key)), here)

    walk(session, (), None)
    return found


def _step_number(key: str) -> int | None:
    try:
        return int(Step[key.upper()])
    except KeyError:
        return None


def _belongs_to(value: object, person_id: str) -> bool:
    """Whether a list item is one person's alone: their staff entry or an action only for them."""
    if getattr(value, "id", None) == person_id and hasattr(value, "initials"):
        return True
    for_whom = getattr(value, "for_whom", None)
    return isinstance(for_whom, list) and for_whom == [person_id]


__all__ = ["PathPart", "TextField", "TextPlace", "text_fields"]
