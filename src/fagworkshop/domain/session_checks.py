"""The cross-references a session's schema cannot express (:func:`session_problems`).

Run by :class:`~fagworkshop.domain.session.Session` on every validation, and by the
store to name each problem of a file it reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from fagworkshop.domain.session_parts import Status, Step

if TYPE_CHECKING:
    from fagworkshop.domain.session import Session


def session_problems(s: Session) -> list[tuple[str, str]]:
    """Cross-references a schema cannot express; ``(place, problem)`` pairs.

    Unique ids, references to known people, competences, profiles and courses,
    levels within the scale, unique round numbers, agreed status with a date.
    """
    problems: list[tuple[str, str]] = []
    levels = {lv.level for lv in s.levels}
    numbers_on_scale = [lv.level for lv in s.levels]
    if not numbers_on_scale:
        problems.append(("levels", "the level scale is empty"))
    elif len(levels) != len(numbers_on_scale) or sorted(levels) != list(
        range(min(levels), max(levels) + 1)
    ):
        problems.append(
            ("levels", f"levels must be consecutive and unique, got {numbers_on_scale}")
        )

    def check_level(value: int | None, where: str) -> None:
        if value is not None and levels and value not in levels:
            problems.append((where, f"level {value} is outside the scale {sorted(levels)}"))

    def known_refs(refs: Iterable[str], allowed: set[str], where: str, what: str) -> None:
        for ref in refs:
            if ref not in allowed:
                problems.append((where, f"unknown {what} '{ref}'"))

    def unique(ids: list[str], where: str) -> None:
        seen: set[str] = set()
        for i, item_id in enumerate(ids):
            if item_id in seen:
                problems.append((f"{where}[{i}].id", f"duplicate id '{item_id}'"))
            seen.add(item_id)

    competences = s.competence_ids()
    unique(competences, "competences")
    unique([t.id for t in s.themes], "themes")
    unique([b.id for b in s.blocks], "blocks")
    unique([p.id for p in s.profiles], "profiles")
    unique([p.id for p in s.staff], "staff")
    unique([a.id for a in s.actions], "actions")
    unique([c.id for c in s.courses], "courses")
    known = set(competences)
    theme_ids = {t.id for t in s.themes}
    staff_ids = {p.id for p in s.staff}
    profile_ids = {p.id for p in s.profiles}
    course_ids = {c.id for c in s.courses}

    for i, b in enumerate(s.basics):
        if b.theme not in theme_ids:
            problems.append((f"basics[{i}].theme", f"unknown theme '{b.theme}'"))
        check_level(b.min_level, f"basics[{i}].min_level")
    for i, block in enumerate(s.blocks):
        for j, e in enumerate(block.elements):
            check_level(e.target_level, f"blocks[{i}].elements[{j}].target_level")
    for i, p in enumerate(s.profiles):
        known_refs(p.elements, known, f"profiles[{i}].elements", "competence")
    for i, person in enumerate(s.staff):
        known_refs(person.profiles, profile_ids, f"staff[{i}].profiles", "local profile")
        for j, goal in enumerate(person.goals):
            where = f"staff[{i}].goals[{j}].competences"
            known_refs(goal.competences, known, where, "competence")
    numbers: set[int] = set()
    for i, r in enumerate(s.rounds):
        if r.number in numbers:
            problems.append((f"rounds[{i}].number", f"duplicate round number {r.number}"))
        numbers.add(r.number)
        tables: dict[str, Mapping[str, Iterable[str]]] = {
            "ratings": r.ratings,
            "unused": r.unused,
            "notes": r.notes,
            "self_ratings": r.self_ratings,
            "wishes": r.wishes,
        }
        for table, per_person in tables.items():
            for pid, per_competence in per_person.items():
                where = f"rounds[{i}].{table}.{pid}"
                if pid not in staff_ids:
                    problems.append((where, f"unknown person '{pid}'"))
                if known.issuperset(per_competence):  # set test first: 267,000 ratings
                    continue  # at 2,000 staff took 0.2 s one by one on every load
                for cid in per_competence:
                    if cid not in known:
                        problems.append((f"{where}.{cid}", f"unknown competence '{cid}'"))
        for table, scored in (("ratings", r.ratings), ("self_ratings", r.self_ratings)):
            for pid, per_competence in scored.items():
                if not levels or levels.issuperset(per_competence.values()):
                    continue
                for cid, level in per_competence.items():
                    check_level(level, f"rounds[{i}].{table}.{pid}.{cid}")
    for i, c in enumerate(s.courses):
        known_refs(c.serves, known, f"courses[{i}].serves", "competence")
    for i, a in enumerate(s.actions):
        known_refs(a.for_whom, staff_ids, f"actions[{i}].for_whom", "person")
        known_refs(a.competences, known, f"actions[{i}].competences", "competence")
        if a.course_id is not None and a.course_id not in course_ids:
            problems.append((f"actions[{i}].course_id", f"unknown course '{a.course_id}'"))
    for key in s.steps:
        if key not in {st.key for st in Step}:
            problems.append((f"steps.{key}", f"unknown step '{key}'"))
    if s.status == Status.AGREED and s.agreed_on is None:
        problems.append(("agreed_on", "an agreed workshop needs the date it was agreed"))
    return problems
