"""A keyboard a facilitator can trust (issue 11): the focus rule, step keys, dialogs.

Each test walks what was seen in a real terminal. The focus rule and the step keys are
also tested against the real program in a pseudo-terminal (test_pty_keyboard.py).
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import ScrollableContainer
from textual.pilot import Pilot
from textual.scroll_view import ScrollView
from textual.widgets import Input, TextArea

from fagworkshop.demo import build_demo
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.blocks.body import ElementList
from support.harness import at_step


async def test_palette_then_escape_then_digit_moves_step_not_field() -> None:
    session = build_demo()
    jobcenter = session.frame.jobcenter
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 1)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.focused, Input)
        await pilot.press("2")
        await pilot.pause()
        assert session.current_step == 2
        assert session.frame.jobcenter == jobcenter


async def test_palette_closed_gives_the_field_back_without_selecting_its_text() -> None:
    session = build_demo()
    jobcenter = session.frame.jobcenter
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 1)
        field: Input = app.current_view().query_one("#frame-jobcenter", Input)
        field.focus()
        await pilot.pause()
        await pilot.press("end")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is field
        assert field.selection.is_empty
        await pilot.press("x")
        assert session.frame.jobcenter == jobcenter + "x"


async def test_escape_leaves_a_field_for_the_main_list_then_digits_are_step_keys() -> None:
    session = build_demo()
    jobcenter = session.frame.jobcenter
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 1)
        app.current_view().query_one("#frame-jobcenter", Input).focus()
        await pilot.pause()
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "participant-list"
        await pilot.press("2")
        await pilot.pause()
        assert session.frame.jobcenter == jobcenter
        assert session.current_step == 2
        # step 2's list takes digits as levels; Esc lets go and digits move on again
        await pilot.press("escape", "7")
        await pilot.pause()
        assert session.current_step == 7


async def test_escape_in_step_3_field_does_not_rename_on_the_next_digit() -> None:
    session = build_demo()
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 3)
        listing = app.current_view().query_one(ElementList)
        await pilot.press("enter")  # reword the highlighted element
        await pilot.pause()
        field = app.focused
        assert isinstance(field, Input)
        before = field.value
        await pilot.press("escape")
        assert app.focused is listing
        await pilot.press("escape")
        assert app.focused is None
        await pilot.press("6")
        await pilot.pause()
        assert session.current_step == 6
        app.show_step(3)
        await pilot.pause()
        await pilot.pause()
        assert app.current_view().query_one("#element-wording", Input).value == before


async def test_escape_in_notes_goes_to_the_main_list() -> None:
    session = build_demo()
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 2)
        app.current_view().query_one("#step-notes", TextArea).focus()
        await pilot.pause()
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "basic-list"


async def test_tab_never_stops_on_an_invisible_or_empty_widget() -> None:
    session = build_demo()
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        for step in range(1, 8):
            await at_step(app, step)
            view = app.current_view()
            main = view.main_widget()
            for _ in range(20):
                await pilot.press("tab")
                focused = app.focused
                assert focused is not None
                where = f"step {step}: {focused!r}"
                assert focused.region.area > 0 and focused.visible, where
                if focused is not main and not focused.has_class("-scroll-stop"):
                    assert not (
                        isinstance(focused, ScrollableContainer)
                        and not isinstance(focused, ScrollView)
                    ), where


async def test_help_closed_gives_the_focus_back() -> None:
    session = build_demo()
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 1)
        field: Input = app.current_view().query_one("#frame-unit", Input)
        field.focus()
        await pilot.press("end")
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is field
        assert field.selection.is_empty


async def test_mark_agreed_dialog_names_enter_and_enter_confirms() -> None:
    from textual.widgets import Static

    from fagworkshop.domain.session import Status
    from fagworkshop.tui.widgets.confirm import ConfirmModal

    session = build_demo()
    session.status = Status.IN_PROGRESS
    session.agreed_on = None
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 7)
        app.current_view().ask_agreed()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        keys = str(app.screen.query_one("#confirm-keys", Static).render())
        assert "Enter: Ja" in keys and "j" in keys and "Esc" in keys
        await pilot.press("enter")
        await pilot.pause()
        assert session.status == Status.AGREED


async def test_confirmation_keys_j_n_escape() -> None:
    from fagworkshop.tui.widgets.confirm import ConfirmModal

    app = FagworkshopApp(session=build_demo())
    answers: list[bool | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in ("j", "n", "escape", "enter"):
            app.push_screen(ConfirmModal("Slet?", destructive=True, default=True), answers.append)
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
    # a destructive question never says yes on Enter, even when asked to
    assert answers == [True, False, False, False]


async def test_step_bar_names_every_step_from_the_first_frame(tmp_path: Path) -> None:
    from fagworkshop.i18n import t
    from fagworkshop.store.writing import save_session
    from fagworkshop.tui.widgets.step_bar import StepBar

    for size, key in (((160, 48), "step.{n}"), ((80, 24), "step.{n}.short")):
        session = build_demo()
        session.current_step = 1
        path = tmp_path / f"demo-{size[0]}.toml"
        save_session(session, path)
        app = FagworkshopApp(sessions_dir=tmp_path, path=path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            bar = app.screen.query_one(StepBar)
            drawn = str(bar.render())
            for n in range(1, 8):
                assert t(key.format(n=n)) in drawn, (size, drawn)
            assert len(drawn) <= bar.size.width, (size, drawn)


async def test_help_explains_the_step_bar_numbers() -> None:
    from textual.widgets import Static

    app = FagworkshopApp(session=build_demo())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "12/13" in text and "Trinlinjen" in text


# --- step 6: the action form and the goals ------------------------------------------------


async def test_ctrl_n_gives_an_empty_form_without_the_last_course() -> None:
    from textual.widgets import OptionList, Select

    from fagworkshop.tui.steps.plan.body import ActionForm

    session = build_demo()
    with_course = next(i for i, a in enumerate(session.actions) if a.course_id)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await at_step(app, 6)
        actions = app.current_view().query_one("#action-list", OptionList)
        actions.focus()
        actions.highlighted = with_course
        await pilot.press("enter")
        await pilot.pause()
        form = app.current_view().query_one(ActionForm)
        assert form.course_id() == session.actions[with_course].course_id
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert form.action_id is None
        assert form.course_id() is None
        assert app.current_view().query_one("#action-title", Input).value == ""
        assert form.query_one("#action-kind", Select).value == "course"


async def _open_action_with_course(pilot: Pilot[None], app: FagworkshopApp) -> int:
    """Step 6 with an action that has a course opened in the form; its index."""
    from textual.widgets import OptionList

    session = app.session
    assert session is not None
    index = next(i for i, a in enumerate(session.actions) if a.course_id)
    await at_step(app, 6)
    actions = app.current_view().query_one("#action-list", OptionList)
    actions.focus()
    actions.highlighted = index
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()
    return index


async def test_ticking_a_competence_keeps_the_kind_the_user_chose() -> None:
    from textual.widgets import Select, SelectionList

    from fagworkshop.tui.steps.plan.body import ActionForm

    session = build_demo()
    before = len(session.actions)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await _open_action_with_course(pilot, app)  # as seen: the last action had a course
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.current_view().query_one(ActionForm)
        if form.action_id is not None:  # asked once about unsaved changes
            await pilot.press("ctrl+n")
            await pilot.pause()
        form.query_one("#action-kind", Select).value = "task_shift"
        await pilot.pause()
        competences = form.query_one("#action-competences", SelectionList)
        # a competence some course serves: the course list is filled again
        served = next(c.serves[0] for c in session.courses if c.serves)
        competences.select(served)
        await pilot.pause()
        await pilot.pause()
        assert form.query_one("#action-kind", Select).value == "task_shift"
        form.query_one("#action-title", Input).value = "Flyt opgaver til Kim"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(session.actions) == before + 1
        assert session.actions[-1].kind.value == "task_shift"


async def test_ctrl_n_right_after_ctrl_s_does_not_warn() -> None:
    from textual.widgets import Select

    from fagworkshop.tui.steps.plan.body import ActionForm

    session = build_demo()
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        index = await _open_action_with_course(pilot, app)
        form = app.current_view().query_one(ActionForm)
        assert form.action_id == session.actions[index].id
        form.query_one("#action-status", Select).value = "done"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert session.actions[index].status.value == "done"
        assert not form.dirty
        await pilot.press("ctrl+n")  # one press: nothing unsaved to warn about
        await pilot.pause()
        assert form.action_id is None
        assert app.current_view().query_one("#action-title", Input).value == ""


async def test_a_goal_typed_after_choosing_a_person_stays_in_the_goal_field() -> None:
    from textual.widgets import Select

    session = build_demo()
    person = session.staff[0]
    goals_before = len(person.goals)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await at_step(app, 6)
        chooser = app.current_view().query_one("#goal-person", Select)
        chooser.focus()
        await pilot.pause()
        chooser.value = person.id
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        field = app.focused
        assert isinstance(field, Input) and field.id == "goal-new"
        await pilot.press(*"3 samtaler med 2 virksomheder", "enter")
        await pilot.pause()
        assert session.current_step == 6
        assert person.goals[-1].text == "3 samtaler med 2 virksomheder"
        assert len(person.goals) == goals_before + 1
        assert app.focused is field
        # an optional deadline and competence
        competence = session.basics[0].id
        app.current_view().query_one("#goal-competence", Select).value = competence
        await pilot.press(*"4 mere", "tab", *"2027-01-31", "enter")
        await pilot.pause()
        goal = person.goals[-1]
        assert goal.text == "4 mere" and session.current_step == 6
        assert goal.deadline is not None and goal.deadline.isoformat() == "2027-01-31"
        assert goal.competences == [competence]


# --- step 5 uses the whole screen ------------------------------------------------------------


async def test_step_5_lists_scroll_by_keyboard_to_their_last_item() -> None:
    from textual.containers import VerticalScroll

    for size in ((80, 24), (160, 48)):
        app = FagworkshopApp(session=build_demo())
        async with app.run_test(size=size) as pilot:
            await at_step(app, 5)
            heat = app.current_view().query_one("#heat-map")
            if size == (160, 48):
                # the map takes what its rows need (header and scrollbar), the lists the rest
                assert heat.region.height <= heat.row_count + 2
                assert app.current_view().query_one("#gaps-lists-box").region.height >= 12
            for name in ("lists", "profiles", "person"):
                box: VerticalScroll = app.current_view().query_one(
                    f"#gaps-{name}-box", VerticalScroll
                )
                for _ in range(8):
                    if app.focused is box:
                        break
                    await pilot.press("tab")
                assert app.focused is box, (size, name, app.focused)
                # End and Home scroll with an animation: await its end, not a moment of idle
                await pilot.press("end")
                await pilot.wait_for_scheduled_animations()
                assert box.scroll_y == box.max_scroll_y, (size, name)
                await pilot.press("home")
                await pilot.wait_for_scheduled_animations()
                assert box.scroll_y == 0


async def test_a_running_timebox_counts_down_on_every_step() -> None:
    from textual.widgets import Static

    from fagworkshop.tui.widgets.notes_panel import NotesPanel

    session = build_demo()
    session.step(2).timebox_minutes = 10
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(80, 24)):  # the side panel is hidden at 80
        await at_step(app, 2)
        app.current_view().query_one(NotesPanel).toggle_timer()
        for step in (4, 5, 7):
            await at_step(app, step)
            shown = app.current_view().query_one("#running-timebox", Static)
            assert shown.display
            text = str(shown.render())
            assert "Trin 2" in text and "tilbage" in text, (step, text)
        await at_step(app, 2)
        app.current_view().query_one(NotesPanel).toggle_timer()  # stopped: gone everywhere
        await at_step(app, 6)
        assert not app.current_view().query_one("#running-timebox", Static).display


async def test_grid_a_keeps_the_competence_under_the_cursor() -> None:
    from fagworkshop.tui.steps.staff.rating_grid import RatingGrid

    session = build_demo()
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 4)
        grid = app.current_view().query_one(RatingGrid)
        grid.focus()
        for _ in range(5):
            await pilot.press("right")
        before = grid.current_competence
        assert before is not None
        await pilot.press("a")  # every competence
        await pilot.pause()
        assert grid.current_competence == before
        await pilot.press("a")  # back to those that matter
        await pilot.pause()
        assert grid.current_competence == before


async def test_step_4_shows_the_round_and_the_new_person_checkboxes_work_at_once() -> None:
    from textual.widgets import SelectionList, Static

    session = build_demo()
    rnd = session.round()
    assert rnd is not None
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 4)
        shown = str(app.current_view().query_one("#staff-round", Static).render())
        assert f"Vurderingsrunde {rnd.number} (af {len(session.rounds)})" in shown
        await pilot.press("n")  # the new-person form
        await pilot.pause()
        profiles = app.current_view().query_one("#staff-profiles", SelectionList)
        profiles.focus()
        await pilot.pause()
        assert profiles.highlighted == 0
        await pilot.press("space")
        assert list(profiles.selected) == [session.profiles[0].id]


async def test_home_lists_the_teams_own_catalogues_by_name_and_speaks_the_language(
    tmp_path: Path, monkeypatch: object
) -> None:
    from textual.widgets import Select

    from fagworkshop import i18n
    from fagworkshop.resources import builtin_catalogue_paths
    from fagworkshop.store.reading import load_catalogue
    from fagworkshop.store.writing import save_catalogue
    from fagworkshop.tui.home import HomeScreen

    own_dir = tmp_path / "profiles"
    own_dir.mkdir()
    catalogue = load_catalogue(builtin_catalogue_paths()[0])
    catalogue = catalogue.model_copy(
        update={"id": "team-erhverv", "title": "Team Erhvervs katalog"}
    )
    save_catalogue(catalogue, own_dir / "team.toml")
    monkeypatch.setenv("FAGWORKSHOP_CATALOGUES_DIR", str(own_dir))  # type: ignore[attr-defined]
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    for lang, own, prompt in (
        ("da", "(eget katalog)", "Vælg"),
        ("en", "(own catalogue)", "Choose"),
    ):
        app = FagworkshopApp(sessions_dir=sessions, lang=lang)
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, HomeScreen)
                select = app.screen.query_one("#new-catalogue", Select)
                titles = [str(prompt_) for prompt_, _ in select._options]
                assert any("Team Erhvervs katalog" in x and own in x for x in titles), titles
                assert str(select.prompt).startswith(prompt) and "Select" not in titles
        finally:
            i18n.set_language("da")


async def test_textuals_own_palette_commands_are_in_danish() -> None:
    from textual.command import CommandInput

    app = FagworkshopApp(session=build_demo())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert "Farvetema" in names and "Afslut" in names and "Taster" in names
        assert not {"Theme", "Quit", "Keys", "Screenshot", "Maximize"} & set(names)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Søg efter kommandoer…"
        await pilot.press("escape")


async def test_the_theme_is_remembered_between_runs(_config_dir: Path) -> None:
    first = FagworkshopApp(session=build_demo())
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first.theme = "nord"
        await pilot.pause()
    assert "nord" in (_config_dir / "settings.toml").read_text(encoding="utf-8")
    again = FagworkshopApp(session=build_demo())
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_step_7_shows_every_steps_notes_and_dates_can_be_edited() -> None:
    import datetime as dt

    from textual.widgets import Static

    from fagworkshop.domain.session import Status

    session = build_demo()
    session.status = Status.IN_PROGRESS
    session.agreed_on = None
    session.step(3).notes = "Profilerne [b]samles[/b] i to roller"
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        # a decision dated by the room, not always today
        await at_step(app, 2)
        date = app.current_view().query_one("#decision-date", Input)
        assert date.value == dt.date.today().isoformat()
        date.value = "2026-01-15"
        app.current_view().query_one("#decision-input", Input).focus()
        await pilot.press(*"Vi beholder alle", "enter")
        await pilot.pause()
        decision = session.step(2).decisions[-1]
        assert decision.text == "Vi beholder alle"
        assert decision.made_on == dt.date(2026, 1, 15)
        await at_step(app, 7)
        text = str(app.current_view().query_one("#summary-sections", Static).render())
        assert "Noter fra trinnene" in text
        assert "Profilerne [b]samles[/b] i to roller" in text
        for step in (1, 2, 5):
            assert session.step(step).notes.splitlines()[0] in text
        # the agreed date: today unless changed
        agreed = app.current_view().query_one("#agreed-date", Input)
        assert agreed.value == dt.date.today().isoformat()
        agreed.value = "2026-02-01"
        app.current_view().ask_agreed()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert session.status == Status.AGREED
        assert session.agreed_on == dt.date(2026, 2, 1)


async def test_step_bar_keeps_every_short_name_on_a_long_step_at_80_columns(tmp_path: Path) -> None:
    from fagworkshop.i18n import t
    from fagworkshop.store.writing import save_session
    from fagworkshop.tui.widgets.step_bar import StepBar

    session = build_demo()
    path = tmp_path / "demo.toml"
    save_session(session, path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(80, 24)):
        await at_step(app, 2)  # "Basiskompetencer" does not fit in full beside the rest
        drawn = str(app.screen.query_one(StepBar).render())
        for n in range(1, 8):
            assert t(f"step.{n}.short") in drawn, drawn


async def test_tab_into_a_field_then_a_digit_adds_to_the_text_not_replaces_it() -> None:
    session = build_demo()
    jobcenter = session.frame.jobcenter
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_step(app, 1)
        await pilot.pause()
        app.screen.set_focus(None)  # nothing has the keyboard: Tab goes to the first field
        await pilot.press("tab")
        assert isinstance(app.focused, Input) and app.focused.id == "frame-jobcenter"
        await pilot.press("3")
        assert session.frame.jobcenter == jobcenter + "3"
