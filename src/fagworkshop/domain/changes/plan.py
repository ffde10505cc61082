"""Step 6: actions (handlinger) checked by ``rules.action_problems``, and personal goals
(udviklingsmål)."""

from __future__ import annotations

import datetime as dt

from fagworkshop.domain.changes.common import (
    ChangeError,
    find_by_id,
    find_person,
    known_ids,
    new_id,
)
from fagworkshop.domain.rules import action_problems
from fagworkshop.domain.session import Action, ActionKind, ActionStatus, Goal, Session
from fagworkshop.domain.text import clean_line, clean_text


def _action(session: Session, action_id: str) -> Action:
    return find_by_id(session.actions, action_id, "change.unknown_action")


def _checked_action(session: Session, action: Action) -> Action:
    problems = action_problems(session, action)
    if problems:
        raise ChangeError(problems[0][1])
    return action


def add_action(
    session: Session,
    kind: ActionKind | str,
    title: str,
    *,
    for_whom: list[str] | None = None,
    competences: list[str] | None = None,
    owner: str = "",
    deadline: dt.date | None = None,
    status: ActionStatus | str = ActionStatus.PLANNED,
    transfer_plan: str = "",
    course_id: str | None = None,
    note: str = "",
) -> str:
    """Add an action to the plan; returns its id. Checked by ``rules.action_problems``
    (a course or education needs a transfer plan)."""
    action = Action(
        id=new_id("a", [a.id for a in session.actions]),
        kind=ActionKind(kind),
        title=clean_line(title).strip() or "-",
        for_whom=list(dict.fromkeys(for_whom or [])),
        competences=list(dict.fromkeys(competences or [])),
        owner=clean_line(owner).strip(),
        deadline=deadline,
        status=ActionStatus(status),
        transfer_plan=clean_text(transfer_plan),
        course_id=course_id or None,
        note=clean_text(note),
    )
    if not clean_line(title).strip():
        raise ChangeError("rules.title_required")
    session.actions.append(_checked_action(session, action))
    return action.id


def update_action(session: Session, action_id: str, **fields: object) -> None:
    """Change fields of an action (kind, title, for_whom, competences, owner, deadline,
    status, transfer_plan, course_id, note); the result is checked before it is stored."""
    current = _action(session, action_id)
    data = current.model_dump()
    allowed = set(Action.model_fields) - {"id"}
    for key, value in fields.items():
        if key not in allowed:
            raise ChangeError("change.unknown_field", field=key)
        data[key] = value
    if not clean_line(str(data.get("title") or "")).strip():
        raise ChangeError("rules.title_required")
    try:
        candidate = Action.model_validate(data)
    except ValueError as exc:
        raise ChangeError("change.invalid_action", reason=str(exc).splitlines()[0]) from exc
    _checked_action(session, candidate)
    session.actions[session.actions.index(current)] = candidate


def remove_action(session: Session, action_id: str) -> None:
    """Take an action out of the plan."""
    session.actions.remove(_action(session, action_id))


def _goal(session: Session, person_id: str, index: int) -> Goal:
    person = find_person(session, person_id)
    if not 0 <= index < len(person.goals):
        raise ChangeError("change.unknown_goal", index=index)
    return person.goals[index]


def _goal_competences(session: Session, competences: list[str]) -> list[str]:
    return known_ids(competences, set(session.competence_ids()), "change.unknown_competence")


def add_goal(
    session: Session,
    person_id: str,
    text: str,
    competences: list[str] | None = None,
    deadline: dt.date | None = None,
) -> int:
    """A personal development goal for a member of staff; returns its index."""
    person = find_person(session, person_id)
    body = clean_text(text).strip()
    if not body:
        raise ChangeError("change.empty_goal")
    goal_competences = _goal_competences(session, competences or [])
    person.goals.append(Goal(text=body, competences=goal_competences, deadline=deadline))
    return len(person.goals) - 1


def update_goal(
    session: Session,
    person_id: str,
    index: int,
    *,
    text: str | None = None,
    competences: list[str] | None = None,
    deadline: dt.date | None = None,
    clear_deadline: bool = False,
    done: bool | None = None,
) -> None:
    """Change a personal goal (None leaves a field as it is)."""
    goal = _goal(session, person_id, index)
    if text is not None:
        body = clean_text(text).strip()
        if not body:
            raise ChangeError("change.empty_goal")
        goal.text = body
    if competences is not None:
        goal.competences = _goal_competences(session, competences)
    if deadline is not None or clear_deadline:
        goal.deadline = deadline
    if done is not None:
        goal.done = done


def remove_goal(session: Session, person_id: str, index: int) -> None:
    """Remove a personal goal."""
    _goal(session, person_id, index)
    del find_person(session, person_id).goals[index]
