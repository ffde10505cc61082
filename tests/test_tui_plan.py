"""Step 6 (Handlingsplan): actions with the transfer-plan rule, course offers, goals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, OptionList, Select, SelectionList, TextArea

from fagworkshop.domain.catalogue import Course, CourseKind
from fagworkshop.domain.session import ActionKind, ActionStatus, Session
from fagworkshop.generate import generate_session
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.plan.body import ActionForm, PlanBody
from support.harness import BodyHost, at_step, screen_text
from support.narrow import present

HOSTILE = "[bold red]x[/] y"


def session() -> Session:
    s = generate_session(staff=5, competences=10, rounds=1, seed=4)
    s.staff[0].name = HOSTILE
    s.courses = [
        Course(id="c-1", name="[b]Samtalekursus[/b]", kind=CourseKind.COURSE, serves=["b-1"]),
        Course(id="c-2", name="Sidemandsoplæring", kind=CourseKind.ON_THE_JOB, serves=["b-2"]),
    ]
    return s


async def test_course_needs_transfer_plan_and_keeps_typed_text() -> None:
    s = session()
    app = BodyHost(s, PlanBody)
    async with app.run_test(size=(160, 48), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        app.query_one("#action-title", Input).focus()
        await pilot.press(*"Kursus [/] i samtaler")
        app.query_one("#action-owner", Input).value = "Leder"
        app.query_one("#action-deadline", Input).value = "2027-03-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert s.actions == []
        assert "transferplan" in str(app.query_one("#action-problem").render())
        assert app.query_one("#action-title", Input).value == "Kursus [/] i samtaler"
        assert app.query_one("#action-transfer", TextArea).has_focus
        await pilot.press(*"Deler på teammødet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(s.actions) == 1
        action = s.actions[0]
        assert action.kind == ActionKind.COURSE and action.title == "Kursus [/] i samtaler"
        assert action.transfer_plan == "Deler på teammødet"
        assert action.owner == "Leder" and action.deadline == dt.date(2027, 3, 1)
        assert action.for_whom == []
        assert "Kursus [/] i samtaler" in screen_text(app) and "Hele gruppen" in screen_text(app)
        await app.workers.wait_for_complete()


async def test_bad_date_is_told_and_nothing_lost() -> None:
    s = session()
    app = BodyHost(s, PlanBody)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        form = app.query_one(ActionForm)
        form.query_one("#action-kind", Select).value = ActionKind.MENTORING.value
        form.query_one("#action-title", Input).value = "Mentor"
        form.query_one("#action-deadline", Input).value = "1. marts"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert s.actions == []
        assert "ÅÅÅÅ-MM-DD" in str(form.query_one("#action-problem").render())
        assert form.query_one("#action-title", Input).value == "Mentor"
        await app.workers.wait_for_complete()


async def test_courses_offered_for_chosen_competences_and_edit_remove() -> None:
    s = session()
    app = BodyHost(s, PlanBody)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        form = app.query_one(ActionForm)
        competences = form.query_one("#action-competences", SelectionList)
        competences.select("b-2")
        await pilot.pause()
        course = form.query_one("#action-course", Select)
        assert [value for _, value in course._options if value != Select.NULL] == ["c-2"]
        assert "Sidemandsoplæring" in str(form.query_one("#action-courses-hint").render())
        course.value = "c-2"
        await pilot.pause()
        # picking an on-the-job course makes it that kind and fills an empty title
        assert form.query_one("#action-kind", Select).value == ActionKind.ON_THE_JOB.value
        assert form.query_one("#action-title", Input).value == "Sidemandsoplæring"
        people = form.query_one("#action-for-whom", SelectionList)
        people.select(s.staff[0].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        action = s.actions[0]
        assert action.course_id == "c-2" and action.competences == ["b-2"]
        assert action.for_whom == [s.staff[0].id]
        assert HOSTILE in screen_text(app)
        # edit: open it from the list, change the status, save
        actions = app.query_one("#action-list", OptionList)
        actions.focus()
        actions.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert form.action_id == action.id
        form.query_one("#action-status", Select).value = ActionStatus.DONE.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert s.actions[0].status == ActionStatus.DONE
        await pilot.click("#action-remove")
        await pilot.pause()
        assert s.actions == []
        await app.workers.wait_for_complete()


async def test_unsaved_draft_is_not_replaced_silently() -> None:
    s = session()
    app = BodyHost(s, PlanBody)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        app.query_one("#action-title", Input).focus()
        await pilot.press(*"Halvfærdig")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.query_one("#action-title", Input).value == "Halvfærdig"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.query_one("#action-title", Input).value == ""
        await app.workers.wait_for_complete()


async def test_personal_goals() -> None:
    s = session()
    app = BodyHost(s, PlanBody)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        person = app.query_one("#goal-person", Select)
        person.value = s.staff[0].id
        await pilot.pause()
        assert HOSTILE in screen_text(app)
        app.query_one("#goal-new", Input).focus()
        await pilot.press(*"Lede et [b]møde[/b]", "enter")
        await pilot.pause()
        assert [g.text for g in s.staff[0].goals] == ["Lede et [b]møde[/b]"]
        assert "[ ] Lede et [b]møde[/b]" in screen_text(app)
        goals = app.query_one("#goal-list", OptionList)
        goals.focus()
        goals.highlighted = 0
        await pilot.press("enter")
        assert s.staff[0].goals[0].done
        await pilot.press("delete")
        assert s.staff[0].goals == []
        await app.workers.wait_for_complete()


async def test_a_personal_goal_names_several_competences() -> None:
    """Each competence chosen is added to the next goal's (again: taken out), as the
    domain allows several."""
    s = session()
    app = BodyHost(s, PlanBody)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        app.query_one("#goal-person", Select).value = s.staff[0].id
        await pilot.pause()
        chooser = app.query_one("#goal-competence", Select)
        from fagworkshop.domain.analysis import analyse

        first, second, third = (c.id for c in analyse(s).competences[:3])  # offered
        for competence in (first, second, third, second):  # the second twice: out again
            chooser.value = competence
            await pilot.pause()
            assert chooser.is_blank()  # ready for the next one
        panel = app.query_one(PlanBody)
        assert panel.goal_competences == [first, third]
        shown = screen_text(app)
        assert "Målets kompetencer:" in shown
        app.query_one("#goal-new", Input).focus()
        await pilot.press(*"Tre ting", "enter")
        await pilot.pause()
        assert s.staff[0].goals[-1].competences == [first, third]
        assert panel.goal_competences == [] and "Målets kompetencer:" not in screen_text(app)
        await app.workers.wait_for_complete()


async def test_in_the_app(tmp_path: Path) -> None:
    s = session()
    s.current_step = 6
    path = tmp_path / "workshop.toml"
    save_session(s, path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(160, 48), notifications=True, tooltips=True) as pilot:
        await at_step(app, 6)
        form = app.screen.query_one(ActionForm)
        form.query_one("#action-kind", Select).value = ActionKind.MENTORING.value
        form.query_one("#action-title", Input).focus()
        await pilot.press(*"Sparring [/] med 3", "ctrl+s")
        await pilot.pause()
        assert [a.title for a in present(app.session).actions] == ["Sparring [/] med 3"]
        assert present(app.session).current_step == 6
        await app.workers.wait_for_complete()
        assert app.save_now_sync()
    assert [a.title for a in load_session(path).actions] == ["Sparring [/] med 3"]


async def test_competences_with_most_gaps_come_first() -> None:
    from fagworkshop.domain.analysis import analyse

    s = session()
    app = BodyHost(s, PlanBody)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        competences = app.query_one("#action-competences", SelectionList)
        shown = [competences.get_option_at_index(i).value for i in range(competences.option_count)]
        below = {c.id: c.below for c in analyse(s).competences}
        assert [below[c] for c in shown] == sorted(below.values(), reverse=True)
        top = competences.get_option_at_index(0)
        assert f"({below[shown[0]]} under mål)" in str(top.prompt)
        await app.workers.wait_for_complete()
