"""Rules of the action plan (handlingsplan): what makes an action complete, which courses fit.

Pure Python, no Textual. The changes in ``domain.changes`` check actions with
:func:`action_problems` before they store them, and the plan screen (step 6)
offers :func:`courses_serving` for the competences an action closes.
"""

from __future__ import annotations

from collections.abc import Iterable

from fagworkshop.domain.catalogue import Course, CourseKind
from fagworkshop.domain.session import Action, ActionKind, Session

#: Kinds of action that need a transfer plan (transferplan): how the learning is
#: used in daily work and shared with colleagues. Courses and education only pay
#: off when the learning is carried back into the job.
TRANSFER_PLAN_REQUIRED: frozenset[ActionKind] = frozenset({ActionKind.COURSE})

#: The action kind a catalogue course becomes when the team picks it.
ACTION_KIND_FOR_COURSE: dict[CourseKind, ActionKind] = {
    CourseKind.EDUCATION: ActionKind.COURSE,
    CourseKind.COURSE: ActionKind.COURSE,
    CourseKind.ON_THE_JOB: ActionKind.ON_THE_JOB,
}


def needs_transfer_plan(kind: ActionKind | str) -> bool:
    """Whether an action of this kind must say how the learning is used and shared."""
    return ActionKind(kind) in TRANSFER_PLAN_REQUIRED


def action_problems(session: Session, action: Action) -> list[tuple[str, str]]:
    """What is missing or wrong in an action, as ``(field, i18n key)`` pairs; empty when fine.

    The keys are in ``i18n.tui_grid`` (``rules.*``).
    """
    problems: list[tuple[str, str]] = []
    if not action.title.strip():
        problems.append(("title", "rules.title_required"))
    if needs_transfer_plan(action.kind) and not action.transfer_plan.strip():
        problems.append(("transfer_plan", "rules.transfer_plan_required"))
    staff = {p.id for p in session.staff}
    if any(p not in staff for p in action.for_whom):
        problems.append(("for_whom", "rules.unknown_person"))
    known = set(session.competence_ids())
    if any(c not in known for c in action.competences):
        problems.append(("competences", "rules.unknown_competence"))
    if action.course_id is not None and all(c.id != action.course_id for c in session.courses):
        problems.append(("course_id", "rules.unknown_course"))
    return problems


def courses_serving(session: Session, competence_ids: Iterable[str]) -> list[Course]:
    """The session's catalogue courses that serve any of the competences.

    Best fit first: the course that serves the most of them, then catalogue order.
    Without competences there is nothing to match, so the list is empty.
    """
    wanted = set(competence_ids)
    if not wanted:
        return []
    scored = [
        (len(wanted.intersection(course.serves)), i, course)
        for i, course in enumerate(session.courses)
    ]
    return [course for score, _, course in sorted(scored, key=lambda s: (-s[0], s[1])) if score]


def action_kind_for_course(course: Course) -> ActionKind:
    """The kind of action a picked course becomes (course/education or on the job)."""
    return ACTION_KIND_FOR_COURSE.get(course.kind, ActionKind.COURSE)
