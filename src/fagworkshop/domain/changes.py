"""Changes to a session: the one way screens and commands edit it.

Each function applies one change to a :class:`Session` in place, checks what
it is given, and raises :class:`ChangeError` (with an i18n key) on a change
that would make the session invalid. The app calls these and then schedules a
save; nothing else mutates the session.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fagworkshop.domain import progress
from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.names import (
    FormKind,
    NameMatch,
    TextField,
    TextPlace,
    session_matcher,
    text_fields,
)
from fagworkshop.domain.session import (
    Action,
    ActionKind,
    ActionStatus,
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    Frame,
    Goal,
    Person,
    Round,
    Session,
    Status,
    Step,
    utc_now,
)
from fagworkshop.domain.text import clean_line, clean_text


class ChangeError(ValueError):
    """A change that cannot be applied; ``key`` names the user message in i18n."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def new_id(prefix: str, existing: list[str] | set[str]) -> str:
    """The next free id of the form ``prefix-N`` (``p-1``, ``own-2``...)."""
    taken = set(existing)
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
    numbers = [int(m.group(1)) for i in taken if (m := pattern.match(i))]
    n = max(numbers, default=0) + 1
    while f"{prefix}-{n}" in taken:
        n += 1
    return f"{prefix}-{n}"


def new_session(
    catalogue: Catalogue,
    title: str,
    *,
    jobcenter: str = "",
    unit: str = "",
    date: dt.date | None = None,
) -> Session:
    """A fresh workshop that copies the catalogue's scale, themes, items and courses.

    From a catalogue whose ``choices_made`` is true (one exported from a
    workshop) the basic competences start included and the elements kept, with
    the levels and priorities that workshop chose; otherwise all start undecided.
    """
    chosen = bool(catalogue.choices_made)
    decided: dict[str, object] = {"included": True} if chosen else {}
    kept: dict[str, object] = {"status": ElementStatus.KEPT} if chosen else {}
    basics = [BasicChoice(**{**b.model_dump(), **decided}) for b in catalogue.basic]
    blocks = [
        AdaptedBlock(
            id=blk.id,
            title=blk.title,
            description=blk.description,
            source=blk.source,
            elements=[AdaptedElement(**{**e.model_dump(), **kept}) for e in blk.elements],
        )
        for blk in catalogue.blocks
    ]
    return Session(
        id=uuid.uuid4().hex[:12],
        title=title,
        frame=Frame(
            jobcenter=jobcenter,
            unit=unit,
            date=date,
            catalogue_id=catalogue.id,
            catalogue_title=catalogue.title,
        ),
        levels=[lv.model_copy() for lv in catalogue.levels],
        themes=[t.model_copy() for t in catalogue.themes],
        basics=basics,
        blocks=blocks,
        courses=[c.model_copy(deep=True) for c in catalogue.courses],
        rounds=[Round(number=1, date=date or dt.date.today())],
    )


def touch(session: Session) -> None:
    """Record that the session changed now."""
    session.updated = utc_now()


def go_to_step(session: Session, step: int) -> None:
    """Remember the step the team is on, so a reopened session lands there."""
    session.current_step = int(Step(step))


def _current_round(session: Session) -> Round:
    current = session.round()
    if current is None:
        current = Round(number=1, date=dt.date.today())
        session.rounds.append(current)
    return current


def check_level(session: Session, level: int | None) -> None:
    """Refuse a level that is not on the session's scale (None means no level)."""
    if level is not None and level not in session.level_numbers():
        raise ChangeError("change.level_outside_scale", level=level)


def _check_cell(session: Session, person_id: str, competence_id: str) -> None:
    """Refuse a rating cell whose person or competence the session does not know."""
    if session.person(person_id) is None:
        raise ChangeError("change.unknown_person", id=person_id)
    if session.competence(competence_id) is None:
        raise ChangeError("change.unknown_competence", id=competence_id)


def set_rating(session: Session, person_id: str, competence_id: str, level: int | None) -> None:
    """Set (or clear, with None) a person's level on a competence in the latest round."""
    _check_cell(session, person_id, competence_id)
    check_level(session, level)
    rnd = _current_round(session)
    per_person = rnd.ratings.setdefault(person_id, {})
    had = competence_id in per_person
    if level is None:
        per_person.pop(competence_id, None)
        if not per_person:
            del rnd.ratings[person_id]
    else:
        per_person[competence_id] = level
    progress.note_rating(session, person_id, competence_id, had)


def toggle_unused(session: Session, person_id: str, competence_id: str) -> bool:
    """Flip "has it but does not use it" for a person and competence; returns the new flag."""
    _check_cell(session, person_id, competence_id)
    rnd = _current_round(session)
    flags = rnd.unused.setdefault(person_id, [])
    if competence_id in flags:
        flags.remove(competence_id)
        if not flags:
            del rnd.unused[person_id]
        return False
    flags.append(competence_id)
    return True


def set_self_rating(
    session: Session, person_id: str, competence_id: str, level: int | None
) -> None:
    """Set (or clear, with None) a person's own level (selvvurdering) on a competence in
    the latest round, beside the leaders' rating; checked like :func:`set_rating`."""
    _check_cell(session, person_id, competence_id)
    if level is not None and type(level) is not int:  # a bool or "3" is not a level
        raise ChangeError("change.level_outside_scale", level=level)
    check_level(session, level)
    rnd = _current_round(session)
    per_person = rnd.self_ratings.setdefault(person_id, {})
    if level is None:
        per_person.pop(competence_id, None)
        if not per_person:
            del rnd.self_ratings[person_id]
    else:
        per_person[competence_id] = level


def set_wish(session: Session, person_id: str, competence_id: str, wish: bool) -> None:
    """Say whether a person wants to develop a competence (ønsker at udvikle) in the
    latest round."""
    _check_cell(session, person_id, competence_id)
    rnd = _current_round(session)
    wished = rnd.wishes.setdefault(person_id, [])
    if wish and competence_id not in wished:
        wished.append(competence_id)
    elif not wish and competence_id in wished:
        wished.remove(competence_id)
    if not wished:
        del rnd.wishes[person_id]


def toggle_wish(session: Session, person_id: str, competence_id: str) -> bool:
    """Flip "wants to develop this" (ønsker at udvikle) for a person and competence in
    the latest round; returns the new flag."""
    _check_cell(session, person_id, competence_id)
    rnd = _current_round(session)
    wish = competence_id not in rnd.wishes.get(person_id, ())
    set_wish(session, person_id, competence_id, wish)
    return wish


def start_follow_up_round(session: Session, date: dt.date | None = None, label: str = "") -> Round:
    """A new rating round that starts from a copy of the latest round's ratings."""
    last = session.round()
    number = (last.number + 1) if last else 1
    new = Round(number=number, date=date or dt.date.today(), label=label)
    if last is not None:
        new.ratings = {p: dict(r) for p, r in last.ratings.items()}
        new.unused = {p: list(u) for p, u in last.unused.items()}
    session.rounds.append(new)
    return new


def mark_agreed(session: Session, on: dt.date | None = None) -> None:
    """Mark the workshop as agreed (aftalt) on a date."""
    session.status = Status.AGREED
    session.agreed_on = on or dt.date.today()


#: What an erased person's name becomes in free text (notes, decisions, titles).
ERASED_NAME = "[slettet]"


def _erasure_edits(
    session: Session, person_id: str, replacement: str
) -> list[tuple[TextField, str]]:
    """Each free-text field that mentions a person, with its new text (see ``erase_person``)."""
    matcher = session_matcher(session, short_forms=True)

    def hit(m: NameMatch) -> str | None:
        # a shared first name may be someone else's: only the full name, initials and
        # pseudonym of the person, and their name parts nobody else has, are theirs
        mine = m.only(person_id) if m.kind == FormKind.PART else person_id in m.owners
        return replacement if mine else None

    edits = []
    for text_field in text_fields(session, skip_person=person_id):
        new, count = matcher.replace(text_field.value, hit)
        if count:
            edits.append((text_field, new))
    return edits


def erasure_places(session: Session, person_id: str) -> list[TextPlace]:
    """Where erasing a person would change free text (step and field, not the text),
    for the facilitator to see before confirming. Changes nothing."""
    _person(session, person_id)
    return [f.place for f, _ in _erasure_edits(session, person_id, ERASED_NAME)]


def erase_person(
    session: Session, person_id: str, replacement: str = ERASED_NAME
) -> list[TextPlace]:
    """Remove a person completely: staff entry, ratings (the leaders' and their own) and
    wishes in every round, actions and goals.

    An action that was only for this person is removed; a shared action just
    loses them from ``for_whom``. Every mention of the person in free text
    anywhere in the session (notes, decisions, rewordings, action titles,
    owners and transfer plans, other people's goals, rating notes,
    participants) becomes ``replacement``, as found by
    :class:`~fagworkshop.domain.names.NameMatcher` with initials and
    pseudonym: the full name in any case and spacing, a genitive, each name
    part nobody else has. Returns the places changed (see
    :func:`erasure_places`). Saving afterwards with
    ``store.save_session(..., purge_backup=True)`` removes the person from the
    file on disk and its backup too; :func:`backup_purge_pending` tells the
    app to do so.
    """
    _person(session, person_id)
    edits = _erasure_edits(session, person_id, replacement)
    for text_field, new in edits:
        text_field.set(new)
    person = _person(session, person_id)
    session.staff.remove(person)
    session._backup_purge_pending = True
    for rnd in session.rounds:
        rnd.ratings.pop(person_id, None)
        rnd.unused.pop(person_id, None)
        rnd.notes.pop(person_id, None)
        rnd.self_ratings.pop(person_id, None)
        rnd.wishes.pop(person_id, None)
    kept = []
    for action in session.actions:
        if person_id in action.for_whom:
            action.for_whom = [p for p in action.for_whom if p != person_id]
            if not action.for_whom:
                continue  # the action was for this person alone
        kept.append(action)
    session.actions = kept
    return [f.place for f, _ in edits]


def backup_purge_pending(session: Session) -> bool:
    """Whether a person was erased since the last save that rewrote the backup.

    The app saves with ``store.save_session(..., purge_backup=True)`` while
    this is True and then calls :func:`backup_purged`, so an erased person is
    gone from ``NAME.toml.bak`` as well as from the file.
    """
    return session._backup_purge_pending


def backup_purged(session: Session) -> None:
    """Record that a save has rewritten the backup (see :func:`backup_purge_pending`)."""
    session._backup_purge_pending = False


# --- step 4: staff (medarbejdere) and rating notes ------------------------------


def _person(session: Session, person_id: str) -> Person:
    person = session.person(person_id)
    if person is None:
        raise ChangeError("change.unknown_person", id=person_id)
    return person


def _person_name(value: str) -> str:
    name = clean_line(value).strip()
    if not name:
        raise ChangeError("change.empty_name")
    return name


def _check_profiles(session: Session, profile_ids: list[str]) -> list[str]:
    for pid in profile_ids:
        if session.profile(pid) is None:
            raise ChangeError("change.unknown_profile", id=pid)
    return list(dict.fromkeys(profile_ids))


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
) -> None:
    """Change a person's name, initials, role or note (None leaves a field as it is)."""
    person = _person(session, person_id)
    if name is not None:
        person.name = _person_name(name)
    if initials is not None:
        person.initials = clean_line(initials).strip()
    if role is not None:
        person.role = clean_line(role).strip()
    if note is not None:
        person.note = clean_text(note)


def set_person_profiles(session: Session, person_id: str, profile_ids: list[str]) -> None:
    """The local profiles a person works in (decides which competences matter for them)."""
    _person(session, person_id).profiles = _check_profiles(session, profile_ids)


def set_rating_note(session: Session, person_id: str, competence_id: str, note: str) -> None:
    """A note on one person's rating of one competence in the latest round (empty removes it)."""
    _check_cell(session, person_id, competence_id)
    rnd = _current_round(session)
    text = clean_text(note)
    per_person = rnd.notes.setdefault(person_id, {})
    if text.strip():
        per_person[competence_id] = text
    else:
        per_person.pop(competence_id, None)
        if not per_person:
            del rnd.notes[person_id]


# --- step 6: actions (handlinger) and personal goals (udviklingsmål) -------------


def _action(session: Session, action_id: str) -> Action:
    for action in session.actions:
        if action.id == action_id:
            return action
    raise ChangeError("change.unknown_action", id=action_id)


def _checked_action(session: Session, action: Action) -> Action:
    from fagworkshop.domain.rules import action_problems

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
    person = _person(session, person_id)
    if not 0 <= index < len(person.goals):
        raise ChangeError("change.unknown_goal", index=index)
    return person.goals[index]


def _goal_competences(session: Session, competences: list[str]) -> list[str]:
    known = set(session.competence_ids())
    for cid in competences:
        if cid not in known:
            raise ChangeError("change.unknown_competence", id=cid)
    return list(dict.fromkeys(competences))


def add_goal(
    session: Session,
    person_id: str,
    text: str,
    competences: list[str] | None = None,
    deadline: dt.date | None = None,
) -> int:
    """A personal development goal for a member of staff; returns its index."""
    person = _person(session, person_id)
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
    del _person(session, person_id).goals[index]


# --- every step: notes, decisions, timebox; step 1: frame and participants ------

from fagworkshop.domain.session import Decision, Participant, Purpose  # noqa: E402


def set_step_notes(session: Session, step: int, notes: str) -> None:
    """Replace the notes (noter) of a step."""
    session.step(Step(step)).notes = clean_text(notes)


def add_decision(session: Session, step: int, text: str, on: dt.date | None = None) -> Decision:
    """Record a decision (aftale) in a step, dated today unless ``on`` is given."""
    body = clean_text(text).strip()
    if not body:
        raise ChangeError("change.empty_decision")
    decision = Decision(text=body, made_on=on or dt.date.today())
    session.step(Step(step)).decisions.append(decision)
    return decision


def remove_decision(session: Session, step: int, index: int) -> None:
    """Remove a decision of a step by its position."""
    decisions = session.step(Step(step)).decisions
    if not 0 <= index < len(decisions):
        raise ChangeError("change.unknown_decision", index=index + 1)
    del decisions[index]


def set_timebox(session: Session, step: int, minutes: int | None) -> None:
    """Set the timebox (tidsramme) of a step in minutes; None or 0 removes it."""
    if minutes is not None and not 0 <= minutes <= 1440:
        raise ChangeError("change.timebox_range", minutes=minutes)
    session.step(Step(step)).timebox_minutes = minutes or None


#: Frame fields that take one line of text.
FRAME_LINES = ("jobcenter", "unit")


def set_frame_text(session: Session, field: str, value: str) -> None:
    """Set a one-line frame field (jobcenter, unit) or the core task (kerneopgave)."""
    if field in FRAME_LINES:
        setattr(session.frame, field, clean_line(value))
    elif field == "core_task":
        session.frame.core_task = clean_text(value)
    else:
        raise ChangeError("change.unknown_field", field=field)


def set_frame_date(session: Session, value: dt.date | str | None) -> None:
    """Set the workshop date; a string must be YYYY-MM-DD, empty clears it."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            value = None
        else:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise ChangeError("change.bad_date", value=value) from None
    session.frame.date = value


def set_frame_purpose(session: Session, purpose: str) -> None:
    """Set why the team works with the profiles (development, recruitment or both)."""
    try:
        session.frame.purpose = Purpose(purpose)
    except ValueError:
        raise ChangeError("change.unknown_purpose", purpose=purpose) from None


def _participant_fields(name: str, role: str) -> tuple[str, str]:
    clean_name = clean_line(name).strip()
    if not clean_name:
        raise ChangeError("change.empty_participant")
    return clean_name, clean_line(role).strip()


def add_participant(session: Session, name: str, role: str = "") -> Participant:
    """Add a participant (deltager) with a role."""
    clean_name, clean_role = _participant_fields(name, role)
    participant = Participant(name=clean_name, role=clean_role)
    session.frame.participants.append(participant)
    return participant


def update_participant(session: Session, index: int, name: str, role: str = "") -> None:
    """Change a participant's name and role."""
    people = session.frame.participants
    if not 0 <= index < len(people):
        raise ChangeError("change.unknown_participant", index=index + 1)
    people[index].name, people[index].role = _participant_fields(name, role)


def remove_participant(session: Session, index: int) -> None:
    """Remove a participant by position."""
    people = session.frame.participants
    if not 0 <= index < len(people):
        raise ChangeError("change.unknown_participant", index=index + 1)
    del people[index]
