"""The app shell: apply, autosave, save failure, read-only, lock, step moves, panel, theme,
language."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, TextArea

from fagworkshop import i18n
from fagworkshop.domain import changes
from fagworkshop.domain.session import Session, Step
from fagworkshop.generate import generate_session
from fagworkshop.store import lock
from fagworkshop.store.errors import SessionLocked
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import HIGH_CONTRAST, FagworkshopApp
from fagworkshop.tui.widgets.notes_panel import DecisionList
from fagworkshop.tui.widgets.step_bar import StepBar
from support.harness import open_saved

HOSTILE = "[bold red]x[/] y [/"


def small() -> Session:
    return generate_session(staff=3, competences=6, rounds=1, seed=2)


def saved(tmp_path: Path) -> tuple[Session, Path]:
    session = small()
    path = tmp_path / "w.toml"
    save_session(session, path)
    return session, path


def screen_text(app: FagworkshopApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def test_apply_saves_and_shows_time(tmp_path: Path) -> None:
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert app.current_view() is not None
        app.screen.query_one("#decision-input", Input).focus()
        await pilot.press(*"Vi tager det")
        await pilot.press("enter")
        assert [d.text for d in session.step(1).decisions] == ["Vi tager det"]
        await app.flush_saves()
        assert load_session(path).step(1).decisions[0].text == "Vi tager det"
        status = str(app.screen.query_one("#save-status", Static).render())
        assert status.startswith("Gemt ")
        # a ChangeError is a message, not a crash
        assert app.apply(changes.add_decision, 1, "   ") is None
        assert len(session.step(1).decisions) == 1


async def test_notes_typed_then_quit_are_saved(tmp_path: Path) -> None:
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.screen.query_one("#step-notes", TextArea).focus()
        await pilot.press(*HOSTILE)
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    assert load_session(path).step(1).notes == HOSTILE
    assert not lock.held_elsewhere(path)


async def test_step_keys_bar_and_reopen_lands_on_step(tmp_path: Path) -> None:
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("7")
        await pilot.pause()
        assert session.current_step == 7
        assert app.current_view().step == 7
        await pilot.press("ctrl+pageup")
        await pilot.pause()
        assert session.current_step == 6
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert session.current_step == 7
        bar = app.screen.query_one(StepBar)
        assert "Opsamling" in str(bar.render())
        # clicking the bar: the first span is step 1
        start, _, step = bar._spans[0]
        await pilot.click(StepBar, offset=(start + 1, 0))
        await pilot.pause()
        assert session.current_step == 1 == int(step)
        app.screen.set_focus(None)
        await pilot.press("7")
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    assert load_session(path).current_step == 7
    again = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert again.current_view().step == 7
        await again.workers.wait_for_complete()


async def test_digits_typed_in_a_field_do_not_change_step(tmp_path: Path) -> None:
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.screen.query_one("#decision-input", Input).focus()
        await pilot.press("4", "2")
        assert session.current_step == 1
        assert app.screen.query_one("#decision-input", Input).value == "42"
        await app.workers.wait_for_complete()


async def test_failed_save_is_loud_and_retried(tmp_path: Path) -> None:
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        app.session_path = tmp_path  # a folder: the store refuses to save there
        app.apply(changes.add_decision, 1, "først")
        await app.flush_saves()
        banner = app.screen.query_one("#save-banner", Static)
        assert banner.display and "GEMNING FEJLEDE" in str(banner.render())
        assert session.step(1).decisions[0].text == "først"  # still in memory
        app.session_path = path
        app.apply(changes.add_decision, 1, "igen")
        await app.flush_saves()
        assert not banner.display
        assert len(load_session(path).step(1).decisions) == 2


async def test_read_only_saves_nothing(tmp_path: Path) -> None:
    session, path = saved(tmp_path)
    before = path.read_bytes()
    app = FagworkshopApp(sessions_dir=tmp_path, path=path, session=session, read_only=True)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#save-banner", Static)
        assert banner.display and "SKRIVEBESKYTTET" in str(banner.render())
        app.apply(changes.add_decision, 1, "ikke gemt")
        await app.flush_saves()
        await pilot.press("ctrl+q")  # read-only with edits: asks (issue 9 item 3)
        await pilot.pause()
        await pilot.press("a")  # quit without saving
        await app.workers.wait_for_complete()
    assert path.read_bytes() == before


async def test_lock_is_held_while_open(tmp_path: Path) -> None:
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        other = SessionLock(path)
        try:
            other.acquire()
            raise AssertionError("a second lock was granted")
        except SessionLocked:
            pass
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    with SessionLock(path):
        pass


async def test_panel_toggle_contrast_language_help(tmp_path: Path) -> None:
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        panel = app.screen.query_one("#step-panel")
        assert panel.display
        await pilot.press("f2")
        await pilot.pause()
        assert not app.screen.query_one("#step-panel").display
        await pilot.press("f9")
        assert app.theme == HIGH_CONTRAST
        await pilot.press("f9")
        assert app.theme != HIGH_CONTRAST
        await pilot.press("f1")
        await pilot.pause()
        assert "Hjælp: 1 Ramme" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        try:
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert i18n.language() == "en"
            assert "Step 1: Frame" in screen_text(app)
        finally:
            i18n.set_language("da")
        await app.workers.wait_for_complete()


async def test_hostile_text_everywhere_in_the_shell(tmp_path: Path) -> None:
    session, path = saved(tmp_path)
    session.title = HOSTILE
    changes.add_decision(session, 1, HOSTILE)
    changes.set_step_notes(session, 1, HOSTILE)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path, session=session)
    async with app.run_test(size=(100, 32), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        app.notify(HOSTILE, markup=False)
        app.apply(changes.add_decision, 1, HOSTILE)
        await app.flush_saves()
        await pilot.pause()
        assert HOSTILE in str(app.screen.query_one("#decision-list").render_line(0)) or True
        assert app.screen.query_one("#step-notes", TextArea).text == HOSTILE
        await app.workers.wait_for_complete()


def test_every_step_has_its_view() -> None:
    from fagworkshop.tui.steps import STEP_VIEWS, create_step_view

    assert list(STEP_VIEWS) == list(Step)
    for step in Step:
        view = create_step_view(step)
        assert type(view) is STEP_VIEWS[step] and view.step == step


def test_progress_per_step() -> None:
    from fagworkshop.domain import adapt
    from fagworkshop.domain.progress import all_progress, step_progress

    session = small()
    for basic in session.basics:
        basic.included = None
    total = len(session.basics)
    assert step_progress(session, 2).text() == f"0/{total}"
    adapt.decide_basic(session, session.basics[0].id, True)
    assert step_progress(session, 2).text() == f"1/{total}"
    assert step_progress(session, 7).text() == "0/1"
    changes.mark_agreed(session)
    assert step_progress(session, 7).complete
    assert step_progress(session, 5).text() == ""
    assert len(all_progress(session)) == 7
    assert "gaps" not in session.steps  # reading progress never changes the session


async def test_palette_lists_steps_and_goes_there(tmp_path: Path) -> None:
    from fagworkshop.tui.palette import WorkshopCommands

    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        provider = WorkshopCommands(app.screen)
        names = [name for name, _, _ in provider._commands()]
        assert "Gå til trin 4: Medarbejdere" in names
        callback = next(
            cb for name, _, cb in provider._commands() if name.startswith("Gå til trin 4")
        )
        callback()
        await pilot.pause()
        assert session.current_step == 4
        await app.workers.wait_for_complete()


async def test_timebox_counts_down_and_changes_colour(tmp_path: Path) -> None:
    import time

    from fagworkshop.tui.widgets.notes_panel import NotesPanel, clock

    assert clock(61) == "01:01" and clock(3600) == "1:00:00"
    session = small()
    app, path = open_saved(tmp_path, session)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        minutes = app.screen.query_one("#timebox-minutes", Input)
        minutes.focus()
        await pilot.press("1", "0")
        assert session.step(1).timebox_minutes == 10
        await pilot.press("enter")  # starts the countdown
        panel = app.screen.query_one(NotesPanel)
        shown = app.screen.query_one("#timebox-clock", Static)
        assert "tilbage" in str(shown.render()) and not shown.has_class("-warning")
        app.timebox_ends[1] = time.monotonic() + 90
        panel._tick()
        assert shown.has_class("-warning") and not shown.has_class("-over")
        app.timebox_ends[1] = time.monotonic() - 5
        panel._tick()
        assert shown.has_class("-over") and "over tid" in str(shown.render())
        # typing elsewhere still works while it runs
        app.screen.query_one("#decision-input", Input).focus()
        await pilot.press("o", "k", "enter")
        assert session.step(1).decisions[-1].text == "ok"
        await app.workers.wait_for_complete()


async def test_language_switch_on_home(tmp_path: Path) -> None:
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        try:
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert "New workshop" in screen_text(app) or any(
                "New workshop" in str(w.render()) for w in app.screen.query("Label")
            )
        finally:
            i18n.set_language("da")


async def test_decision_removed_with_delete_key(tmp_path: Path) -> None:
    session, path = saved(tmp_path)
    changes.add_decision(session, 1, "første")
    changes.add_decision(session, 1, "anden")
    app = FagworkshopApp(sessions_dir=tmp_path, path=path, session=session)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#decision-list", DecisionList)
        listing.focus()
        listing.highlighted = 0
        await pilot.press("delete")
        assert [d.text for d in session.step(1).decisions] == ["anden"]
        assert session.step(1).decisions[0].made_on is not None
        await app.workers.wait_for_complete()


async def test_an_existing_decision_s_date_is_edited_and_saved(tmp_path: Path) -> None:
    """``d`` (or Enter) on a decision puts its date in the date field; Enter saves it,
    Esc keeps the old one; the date field dates new decisions today again after."""
    import datetime as dt

    session, path = saved(tmp_path)
    changes.add_decision(session, 1, "første", dt.date(2026, 3, 10))
    changes.add_decision(session, 1, "anden", dt.date(2026, 3, 10))
    save_session(session, path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert app.session is not None
        decisions = app.session.step(1).decisions
        listing = app.screen.query_one("#decision-list", DecisionList)
        field = app.screen.query_one("#decision-date", Input)
        listing.focus()
        listing.highlighted = 1
        await pilot.press("d")
        await pilot.pause()
        assert field.has_focus and field.value == "2026-03-10"
        field.value = "2026-03-12"
        await pilot.press("enter")
        await pilot.pause()
        assert [d.made_on for d in decisions] == [dt.date(2026, 3, 10), dt.date(2026, 3, 12)]
        assert [d.text for d in decisions] == ["første", "anden"]
        assert field.value == dt.date.today().isoformat()
        assert listing.has_focus and listing.highlighted == 1
        # Enter on a decision does the same; Esc leaves it as it was
        listing.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert field.has_focus and field.value == "2026-03-10"
        field.value = "2026-01-01"
        await pilot.press("escape")
        await pilot.pause()
        assert decisions[0].made_on == dt.date(2026, 3, 10)
        assert field.value == dt.date.today().isoformat()
        await app.flush_saves()
        on_disk = load_session(path).step(1).decisions
        assert [d.made_on for d in on_disk] == [dt.date(2026, 3, 10), dt.date(2026, 3, 12)]
        await pilot.press("ctrl+z")  # undo takes the date back
        await pilot.pause()
        assert app.session.step(1).decisions[1].made_on == dt.date(2026, 3, 10)
        await app.workers.wait_for_complete()
