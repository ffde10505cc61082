"""A session or catalogue as the bytes of its file, checked to open again before it is written.

:func:`session_snapshot` copies a session as plain data (cheap enough for the UI
thread); :func:`to_toml` and :func:`session_file_bytes` turn it into the file
(``store.shape``, inside the integrity marker); :func:`reload_problems` says
what loading would refuse, so a save never writes a file that does not open.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import tomli_w
from pydantic import TypeAdapter, ValidationError

from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.session import Person, Session, session_problems
from fagworkshop.store import reading, shape
from fagworkshop.store.errors import render
from fagworkshop.store.integrity import wrap
from fagworkshop.store.reuse import Items, SaveMemo
from fagworkshop.store.shape import utc


def to_toml(model: Session | Catalogue) -> bytes:
    """The TOML bytes of a session or catalogue, keys in the models' field order.

    ``None`` is left out (TOML has no null); datetimes are written in UTC; a
    session has the file shape of ``store.shape`` (one rating line per person).
    """
    if isinstance(model, Session):
        return session_toml_bytes(session_snapshot(model))
    return _toml_bytes(model.model_dump(mode="python", exclude_none=True))


def session_file_bytes(session: Session) -> bytes:
    """The exact bytes ``save_session`` writes: the TOML body inside the integrity marker."""
    return wrap(to_toml(session), session.schema_version)


def _toml_bytes(plain: dict[str, Any]) -> bytes:
    return tomli_w.dumps(utc(plain), multiline_strings=True).encode("utf-8")


def session_toml_bytes(plain: dict[str, Any], memo: SaveMemo | None = None) -> bytes:
    return shape.session_toml(plain, memo).encode("utf-8")


def reload_problems(plain: dict[str, Any], memo: SaveMemo | None = None) -> str | None:
    """What loading would refuse in a session about to be saved, or None if it would open.

    Changes assign to the models without validation, so a session in memory
    can hold what the loader refuses (a 300,000-character pasted note, say).
    Saving it would write a file the team could not open again. With a ``memo``
    (``store.reuse``), people and ratings that passed in the save before, as the same
    objects, are not validated again.
    """
    # The ratings are the bulk (267,000 at 2,000 staff x 120 x 2): pydantic-core would
    # hold the interpreter for their whole validation (75 ms of the 2,000-staff save,
    # keys waiting behind it). The models check the rest; the ratings are checked
    # with set operations by shape.check_ratings and typed by the line writer.
    light = {**plain, "rounds": [_without_ratings(r) for r in plain.get("rounds", ())]}
    try:
        if not _passes_in_pieces(light, memo):  # the problems, with their places, from one pass
            Session.model_validate(light)
        shape.check_ratings(plain, memo)
    except ValidationError as exc:
        unchecked = reading._UncheckedSession
        found = reading._validation_problems(exc, light, unchecked, session_problems)
        shown = [f"{render(p)}: {render(m)}" if render(p) else render(m) for p, m in found[:5]]
        return "; ".join(shown)
    except shape.ShapeProblem as exc:
        return shape_message(exc)
    return None


#: People validated per pydantic call on saving: about 1 ms each at a time.
_PEOPLE_PER_PIECE = 200


_people_adapter: Any = None


def _passes_in_pieces(light: dict[str, Any], memo: SaveMemo | None) -> bool:
    """Whether a session (ratings left out) is valid, checked a few milliseconds at a time.

    pydantic-core holds the interpreter for a whole call: one call on 2,000 staff
    kept keys waiting 20 ms or more while an autosave ran. The staff go in pieces,
    the rest in one small call, the cross-references in Python. False means
    something is wrong; the caller then validates in one call for the messages.
    """
    staff = light.get("staff")
    if not isinstance(staff, list):
        return False
    try:
        if memo is None:
            people = _people(staff, None)
        else:
            people = memo.get("staff", staff, partial(_people, staff))
        model = reading._UncheckedSession.model_validate({**light, "staff": []})
    except (ValidationError, RecursionError):
        return False
    model.staff = people
    return not session_problems(model)


def _people(staff: list[Any], items: Items | None) -> list[Person]:
    """The staff validated as models, 200 at a time; a person whose data is the same
    object as in the save before is taken from there."""
    global _people_adapter
    if _people_adapter is None:
        _people_adapter = TypeAdapter(list[Person])
    if items is None:  # nothing to take over
        found: list[Person] = []
        for start in range(0, len(staff), _PEOPLE_PER_PIECE):
            found.extend(_people_adapter.validate_python(staff[start : start + _PEOPLE_PER_PIECE]))
        return found
    people: list[Person | None] = []
    missing: list[int] = []
    for i, person in enumerate(staff):
        known, model = items.peek(person)
        people.append(model if known else None)
        if not known:
            missing.append(i)
    for start in range(0, len(missing), _PEOPLE_PER_PIECE):
        piece = missing[start : start + _PEOPLE_PER_PIECE]
        models = _people_adapter.validate_python([staff[i] for i in piece])
        for i, model in zip(piece, models, strict=True):
            people[i] = model
            items.put(staff[i], model)
    return [p for p in people if p is not None]


def _without_ratings(rnd: Any) -> Any:
    return {**rnd, "ratings": {}} if isinstance(rnd, dict) else rnd


def shape_message(exc: shape.ShapeProblem) -> str:
    return f"{exc.place}: {render((exc.key, exc.params))}"


def session_snapshot(session: Session) -> dict[str, Any]:
    """The session as plain data, exactly what ``save_session`` writes.

    An independent copy made in pydantic-core (4 ms at 300 staff, 55 ms at
    2,000; ``model_copy(deep=True)`` took 180 ms and 950 ms), so the app can
    take it on the UI thread and hand it to ``save_session`` on another.
    """
    plain = session.model_dump(mode="python", exclude_none=True, exclude=_RATINGS)
    # the ratings as copies of their dicts: 5 ms instead of 20 at 2,000 staff
    for rnd, dumped in zip(session.rounds, plain.get("rounds", ()), strict=True):
        dumped["ratings"] = {person: dict(levels) for person, levels in rnd.ratings.items()}
    return plain


_RATINGS: Any = {"rounds": {"__all__": {"ratings"}}}
