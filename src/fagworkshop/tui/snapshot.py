"""The plain data the controller keeps of the session: what is saved and what undo restores.

A whole snapshot (``store.encoding.session_snapshot``) is 8 to 17 ms of the UI thread at
2,000 staff; a key in the rating grid changes one person's part of one round. So:

- after a change of one person's ratings, :func:`with_person_part` makes the new plain
  data from the old: new dicts on the path down to that person's entries, every other
  part the very same object as before;
- after any other change, a whole snapshot is made and :func:`shared_snapshot` puts back
  the old objects of every part that is still equal.

Either way a part that did not change stays the same object from one version to the
next, and no part is changed once made. The save's memo (``store.reuse``) relies on
both: it takes over the text of a part that is the same object as in the save before.
No Textual here.
"""

from __future__ import annotations

from typing import Any

from fagworkshop.domain.session import Round, Session

#: A round's tables held per person: a rating key changes the person's entry in these.
ROUND_TABLES = ("ratings", "unused", "notes", "self_ratings", "wishes")

Plain = dict[str, Any]


def entry_copy(value: Any) -> Any:
    """A person's entry in a round table as plain data (its own dict or list)."""
    return dict(value) if isinstance(value, dict) else list(value)


def with_person_part(
    plain: Plain, session: Session, index: int, person_id: str, keys: tuple[str, ...] = ()
) -> Plain | None:
    """``plain`` with one person's entries in round ``index`` taken anew from ``session``
    (and the top-level ``keys``, ``updated`` always): exactly what a whole snapshot
    would give, every other part shared. None when ``plain`` does not have the shape
    expected (the caller then makes a whole snapshot)."""
    rounds = plain.get("rounds")
    if not isinstance(rounds, list) or not 0 <= index < len(rounds) == len(session.rounds):
        return None
    rnd = session.rounds[index]
    old_round = rounds[index]
    new_round = dict(old_round)
    for table in ROUND_TABLES:
        old_table = old_round.get(table)
        if not isinstance(old_table, dict):
            return None
        new_table = _table_with(old_table, getattr(rnd, table), person_id)
        if new_table is None:
            return None
        new_round[table] = new_table
    new = dict(plain)
    new["rounds"] = [*rounds[:index], new_round, *rounds[index + 1 :]]
    new["updated"] = session.updated
    for key in keys:
        new[key] = getattr(session, key)
    return new


def _table_with(
    old: dict[str, Any], source: dict[str, Any], person_id: str
) -> dict[str, Any] | None:
    """A round table's plain data with the person's entry as in ``source`` (the model),
    in the model's order; ``old`` itself when the entry did not change."""
    value = source.get(person_id)
    kept = old.get(person_id)
    if value is None:
        if person_id not in old:
            return old
        new = dict(old)
        del new[person_id]
        return new
    if kept is not None and kept == value:
        return old
    new = dict(old)
    if person_id in old or next(reversed(source)) == person_id:
        new[person_id] = entry_copy(value)  # keeps its place, or comes last as in the model
        return new
    try:  # put back in the middle (an undo): the model's order
        return {p: entry_copy(value) if p == person_id else old[p] for p in source}
    except KeyError:
        return None


def shared_snapshot(plain: Plain, previous: Plain) -> Plain:
    """``plain`` (a new whole snapshot) with every part that is equal to ``previous``'s
    replaced by that very object: top-level values, the tables of a list (people,
    basics, blocks...), each round's tables and each person's entries in them. So a
    hundred undo steps of a large session do not hold a hundred copies of it, and the
    save reuses the text of what did not change."""
    for key, value in plain.items():
        old = previous.get(key)
        if key == "rounds" and isinstance(value, list) and isinstance(old, list):
            plain[key] = _shared_rounds(value, old)
        elif value == old:
            plain[key] = old
        elif isinstance(value, list) and isinstance(old, list):
            plain[key] = _shared_items(value, old)
    return plain


def _shared_items(new: list[Any], old: list[Any]) -> list[Any]:
    """A list with the items equal to ``old``'s (by id when they have one) shared."""
    by_id = {item["id"]: item for item in old if isinstance(item, dict) and "id" in item}
    shared: list[Any] = []
    for i, item in enumerate(new):
        kept = by_id.get(item["id"]) if isinstance(item, dict) and "id" in item else None
        if kept is None and i < len(old):
            kept = old[i]
        shared.append(kept if kept is not None and kept == item else item)
    return shared


def _shared_rounds(new: list[Any], old: list[Any]) -> list[Any]:
    rounds: list[Any] = []
    for i, rnd in enumerate(new):
        before = old[i] if i < len(old) else None
        if not isinstance(rnd, dict) or not isinstance(before, dict):
            rounds.append(rnd)
            continue
        for table in ROUND_TABLES:
            mine, theirs = rnd.get(table), before.get(table)
            if not isinstance(mine, dict) or not isinstance(theirs, dict):
                continue
            if mine == theirs:
                rnd[table] = theirs
                continue
            for person, entry in mine.items():
                kept = theirs.get(person)
                if kept is not None and kept == entry:
                    mine[person] = kept
        rounds.append(before if rnd == before else rnd)
    return rounds


def round_index(session: Session, rnd: Round) -> int:
    """Where a round object is in ``session.rounds`` (by identity: models compare by value)."""
    return next(i for i, r in enumerate(session.rounds) if r is rnd)
