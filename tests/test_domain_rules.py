"""Rules and changes of steps 4 and 6: staff, rating notes, actions, goals, courses."""

from __future__ import annotations

import datetime as dt

import pytest

from fagworkshop.domain import changes, rules
from fagworkshop.domain.catalogue import Course, CourseKind
from fagworkshop.domain.changes import ChangeError
from fagworkshop.domain.session import Action, ActionKind, ActionStatus, Session
from fagworkshop.generate import generate_session
from fagworkshop.i18n import has


@pytest.fixture
def session() -> Session:
    s = generate_session(staff=4, competences=10, rounds=1, seed=3)
    s.courses = [
        Course(id="c-1", name="Kursus A", kind=CourseKind.COURSE, serves=["b-1", "e-1"]),
        Course(id="c-2", name="Uddannelse B", kind=CourseKind.EDUCATION, serves=["e-1"]),
        Course(id="c-3", name="Læring C", kind=CourseKind.ON_THE_JOB, serves=["b-2"]),
    ]
    return s


def test_add_update_person(session: Session) -> None:
    pid = changes.add_person(session, " [bold red]x[/] ", initials="XY", role="Rådgiver")
    person = session.person(pid)
    assert person is not None and person.name == "[bold red]x[/]"
    assert person.initials == "XY" and person.role == "Rådgiver"
    changes.update_person(session, pid, name="AB", role="Leder\x1b]0;x")
    assert person.name == "AB" and person.role == "Leder]0;x"
    with pytest.raises(ChangeError) as err:
        changes.update_person(session, pid, name="   ")
    assert err.value.key == "change.empty_name" and person.name == "AB"
    with pytest.raises(ChangeError):
        changes.add_person(session, "")


def test_update_person_with_profiles_is_one_change(session: Session) -> None:
    pid = session.staff[0].id
    changes.update_person(session, pid, name="Ny", profiles=["lp-2", "lp-2"])
    person = session.staff[0]
    assert person.name == "Ny" and person.profiles == ["lp-2"]
    # a refused profile leaves the whole person as it was (nothing half saved)
    with pytest.raises(ChangeError) as err:
        changes.update_person(session, pid, name="Andet", profiles=["nope"])
    assert err.value.key == "change.unknown_profile"
    assert person.name == "Ny" and person.profiles == ["lp-2"]


def test_person_profiles(session: Session) -> None:
    pid = session.staff[0].id
    changes.set_person_profiles(session, pid, ["lp-1", "lp-1", "lp-2"])
    assert session.staff[0].profiles == ["lp-1", "lp-2"]
    with pytest.raises(ChangeError) as err:
        changes.set_person_profiles(session, pid, ["nope"])
    assert err.value.key == "change.unknown_profile"


def test_rating_note_set_and_clear(session: Session) -> None:
    pid = session.staff[0].id
    changes.set_rating_note(session, pid, "b-1", "Godt på vej")
    rnd = session.round()
    assert rnd is not None and rnd.rating(pid, "b-1").note == "Godt på vej"
    changes.set_rating_note(session, pid, "b-1", "  ")
    assert pid not in rnd.notes
    with pytest.raises(ChangeError):
        changes.set_rating_note(session, pid, "unknown", "x")


def test_course_needs_transfer_plan(session: Session) -> None:
    with pytest.raises(ChangeError) as err:
        changes.add_action(session, ActionKind.COURSE, "Kursus i samtaler")
    assert err.value.key == "rules.transfer_plan_required"
    assert session.actions == []
    aid = changes.add_action(
        session, "course", "Kursus i samtaler", transfer_plan="Deler på teammøde", course_id="c-1"
    )
    # the rule holds on edits too, and a refused edit changes nothing
    with pytest.raises(ChangeError):
        changes.update_action(session, aid, transfer_plan=" ")
    assert session.actions[0].transfer_plan == "Deler på teammøde"
    # other kinds need no transfer plan
    changes.update_action(session, aid, kind=ActionKind.MENTORING, transfer_plan="")
    assert session.actions[0].kind == ActionKind.MENTORING


def test_action_fields_and_remove(session: Session) -> None:
    p1, p2 = session.staff[0].id, session.staff[1].id
    aid = changes.add_action(
        session,
        ActionKind.ON_THE_JOB,
        "Følg en kollega",
        for_whom=[p1, p2, p1],
        competences=["b-1"],
        owner="Leder",
        deadline=dt.date(2027, 3, 1),
    )
    action = session.actions[0]
    assert action.for_whom == [p1, p2] and action.status == ActionStatus.PLANNED
    changes.update_action(session, aid, status="done", for_whom=[])
    assert session.actions[0].status == ActionStatus.DONE and session.actions[0].for_whom == []
    with pytest.raises(ChangeError) as err:
        changes.update_action(session, aid, for_whom=["ghost"])
    assert err.value.key == "rules.unknown_person"
    with pytest.raises(ChangeError):
        changes.update_action(session, aid, title="")
    with pytest.raises(ChangeError):
        changes.update_action(session, aid, id="x")
    changes.remove_action(session, aid)
    assert session.actions == []
    with pytest.raises(ChangeError):
        changes.remove_action(session, aid)


def test_action_problems_and_transfer_rule(session: Session) -> None:
    assert rules.needs_transfer_plan(ActionKind.COURSE)
    assert not any(rules.needs_transfer_plan(k) for k in ActionKind if k != ActionKind.COURSE)
    bad = Action(id="a-1", kind=ActionKind.COURSE, title="x", course_id="c-9")
    fields = [f for f, _ in rules.action_problems(session, bad)]
    assert fields == ["transfer_plan", "course_id"]
    for _, key in rules.action_problems(session, bad):
        assert has(key), key


def test_courses_serving(session: Session) -> None:
    assert [c.id for c in rules.courses_serving(session, ["e-1", "b-1"])] == ["c-1", "c-2"]
    assert [c.id for c in rules.courses_serving(session, ["b-2"])] == ["c-3"]
    assert rules.courses_serving(session, []) == []
    assert rules.action_kind_for_course(session.courses[2]) == ActionKind.ON_THE_JOB
    assert rules.action_kind_for_course(session.courses[1]) == ActionKind.COURSE


def test_goals(session: Session) -> None:
    pid = session.staff[0].id
    i = changes.add_goal(session, pid, "Blive tryg i samtaler", ["b-1"], dt.date(2027, 1, 1))
    goal = session.staff[0].goals[i]
    assert goal.competences == ["b-1"] and not goal.done
    changes.update_goal(session, pid, i, done=True, clear_deadline=True)
    assert goal.done and goal.deadline is None
    with pytest.raises(ChangeError):
        changes.update_goal(session, pid, i, text=" ")
    with pytest.raises(ChangeError):
        changes.add_goal(session, pid, "x", ["nope"])
    changes.remove_goal(session, pid, i)
    assert session.staff[0].goals == []
    with pytest.raises(ChangeError) as err:
        changes.remove_goal(session, pid, 0)
    assert err.value.key == "change.unknown_goal"


def test_change_keys_are_translated() -> None:
    for key in (
        "change.empty_name",
        "change.unknown_action",
        "change.unknown_goal",
        "change.empty_goal",
        "change.unknown_field",
        "change.invalid_action",
        "rules.title_required",
        "rules.transfer_plan_required",
    ):
        assert has(key), key


def test_a_decision_s_date_can_be_changed(session: Session) -> None:
    changes.add_decision(session, 2, "aftale", dt.date(2026, 3, 10))
    changes.set_decision_date(session, 2, 0, dt.date(2026, 3, 12))
    assert session.step(2).decisions[0].made_on == dt.date(2026, 3, 12)
    assert session.step(2).decisions[0].text == "aftale"
    with pytest.raises(ChangeError) as err:
        changes.set_decision_date(session, 2, 1, dt.date(2026, 3, 12))
    assert has(err.value.key)
