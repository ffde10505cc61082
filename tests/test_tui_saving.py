"""Saving, quitting, outside changes and undo through the Pilot (issues 9, 10, 11).

No test waits on the clock: ``await app.flush_saves()`` puts what is pending on disk.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from fagworkshop.domain import changes
from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.widgets.choice import ChoiceModal
from fagworkshop.tui.widgets.confirm import ConfirmModal
from support.harness import outside_change

SIZE = (120, 36)


def small() -> Session:
    return generate_session(staff=3, competences=6, rounds=1, seed=2)


def saved(tmp_path: Path) -> Path:
    path = tmp_path / "w.toml"
    save_session(small(), path)
    return path


def status(app: FagworkshopApp) -> str:
    screen = app._workshop_screen()
    assert screen is not None
    return str(screen.query_one("#save-status", Static).render())


def banner(app: FagworkshopApp) -> str:
    screen = app._workshop_screen()
    assert screen is not None
    widget = screen.query_one("#save-banner", Static)
    return str(widget.render()) if widget.display else ""


def messages(app: FagworkshopApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_status_says_saved_only_when_the_screen_is_on_disk(tmp_path: Path) -> None:
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.apply(changes.add_decision, 1, "en")
        assert status(app) == "Gemmer …"
        await app.flush_saves()
        assert status(app).startswith("Gemt ")
        assert load_session(path).step(1).decisions[0].text == "en"
        await pilot.press("ctrl+q")


async def test_try_apply_returns_a_typed_outcome(tmp_path: Path) -> None:
    from fagworkshop.tui.controller import Applied, Refused

    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        done = app.try_apply(changes.set_step_notes, 1, "x")
        assert isinstance(done, Applied) and done.value is None
        refused = app.try_apply(changes.add_decision, 1, "  ")
        await pilot.pause()
        assert isinstance(refused, Refused) and refused.reason in messages(app)
        await app.flush_saves()
        await pilot.press("ctrl+q")


async def test_ctrl_c_saves_and_quits(tmp_path: Path) -> None:
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.apply(changes.add_decision, 1, "gemt ved ctrl+c")
        await pilot.press("ctrl+c")
        await app.workers.wait_for_complete()
    assert load_session(path).step(1).decisions[0].text == "gemt ved ctrl+c"


async def test_quitting_read_only_with_edits_asks(tmp_path: Path) -> None:
    """Was: edits made read-only were dropped on quit without a question."""
    path = saved(tmp_path)
    before = path.read_bytes()
    with SessionLock(path):
        app = FagworkshopApp(sessions_dir=tmp_path, path=path, read_only=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.apply(changes.add_decision, 1, "ikke gemt")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceModal)
            text = str(app.screen.query_one("#choice-text", Static).render())
            assert "skrivebeskyttet" in text
            await pilot.press("escape")  # stay
            await pilot.pause()
            assert app.is_running and app.session is not None
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("a")  # quit without saving, named as such
            await pilot.pause()
        assert not app.is_running
    assert path.read_bytes() == before


async def test_quitting_after_a_failed_save_offers_another_file(tmp_path: Path) -> None:
    """Was: quitting after a failed save exited without a word."""
    path = saved(tmp_path)
    blocked = tmp_path / "mappe"
    blocked.mkdir()
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.session_path = blocked  # a folder: the store refuses to save there
        app.apply(changes.add_decision, 1, "redd mig")
        await app.flush_saves()
        assert "GEMNING FEJLEDE" in banner(app)
        assert not status(app).startswith("Gemt")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("g")  # save as another file
        await pilot.pause()
    copies = sorted(tmp_path.glob("* (kopi).toml"))
    assert copies, list(tmp_path.iterdir())
    assert load_session(copies[0]).step(1).decisions[0].text == "redd mig"


async def test_an_outside_change_stops_autosave_and_offers_a_choice(tmp_path: Path) -> None:
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await outside_change(app, path)  # edited by hand: the question is up
        assert "ÆNDRET UDEN FOR" in banner(app)
        assert [d.text for d in load_session(path).step(1).decisions] == ["deres"]
        await pilot.press("escape")  # wait: keep working, nothing is saved automatically
        await pilot.pause()
        app.apply(changes.add_decision, 1, "endnu mere")
        await app.flush_saves()
        assert [d.text for d in load_session(path).step(1).decisions] == ["deres"]
        app.action_save_now()  # ctrl+s / the palette asks again
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("w")  # overwrite with mine
        await pilot.pause()
        on_disk = [d.text for d in load_session(path).step(1).decisions]
        assert on_disk == ["mit", "mere", "endnu mere"]
        assert status(app).startswith("Gemt ")
        await pilot.press("ctrl+q")


async def test_open_the_version_on_disk_after_a_confirmation(tmp_path: Path) -> None:
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await outside_change(app, path)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmModal"
        await pilot.press("j")
        await pilot.pause()
        await pilot.pause()
        assert app.session is not None
        assert [d.text for d in app.session.step(1).decisions] == ["deres"]
        assert "ændret uden for fagworkshop" in " ".join(messages(app))
        await pilot.press("ctrl+q")
    assert [d.text for d in load_session(path).step(1).decisions] == ["deres"]


async def test_opening_the_disk_version_is_a_destructive_question(tmp_path: Path) -> None:
    """It throws away the work here: Enter answers no, and the work stays."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await outside_change(app, path)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.destructive and not app.screen.default
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert app.session is not None
        assert [d.text for d in app.session.step(1).decisions] == ["mit", "mere"]
        await pilot.press("ctrl+q")
        await pilot.pause()
        if isinstance(app.screen, ChoiceModal):  # unsaved work: leave without saving
            app.exit()


async def test_undo_and_redo_across_steps_named_in_footer_and_message(tmp_path: Path) -> None:
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        person = session.staff[0]
        competence = session.relevant_competences(person)[0]
        label = person.initials or person.name
        before = session.rounds[-1].ratings.get(person.id, {}).get(competence)
        new_level = 4 if before != 4 else 3
        app.apply(changes.set_rating, person.id, competence, new_level)
        footer = app.screen.active_bindings["ctrl+z"].binding.description
        assert footer.startswith(f"Fortryd: niveau for {label} på ")
        app.apply(changes.add_decision, 1, "aftale")
        app.action_go_to_step(3)
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session.step(1).decisions == []
        assert "Fortrudt: ny aftale" in messages(app)
        assert session.current_step == 1  # taken back where it was made
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session.rounds[-1].ratings.get(person.id, {}).get(competence) == before
        assert any(m.startswith(f"Fortrudt: niveau for {label} på ") for m in messages(app))
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert session.rounds[-1].ratings[person.id][competence] == new_level
        await app.flush_saves()
        on_disk = load_session(path).rounds[-1].ratings[person.id][competence]
        assert on_disk == new_level
        await pilot.press("ctrl+q")


async def test_a_file_edited_outside_opens_with_a_quiet_notice(tmp_path: Path) -> None:
    path = saved(tmp_path)
    session = load_session(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'title = "{session.title}"', 'title = "Ny titel"'))
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.session is not None and app.session.title == "Ny titel"
        assert any("ændret uden for fagworkshop" in m for m in messages(app))
        assert banner(app) == ""  # quiet: no red banner
        await pilot.press("ctrl+q")


async def test_going_home_read_only_with_edits_asks_too(tmp_path: Path) -> None:
    path = saved(tmp_path)
    with SessionLock(path):
        app = FagworkshopApp(sessions_dir=tmp_path, path=path, read_only=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.apply(changes.add_decision, 1, "ikke gemt")
            app.action_home()
            await pilot.pause()
            assert isinstance(app.screen, ChoiceModal)
            await pilot.press("a")
            await pilot.pause()
            await pilot.pause()
            assert app.session is None
            assert type(app.screen).__name__ == "HomeScreen"


async def test_opening_a_cut_short_disk_version_keeps_the_work_here(tmp_path: Path) -> None:
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.apply(changes.add_decision, 1, "mit")
        await app.flush_saves()
        path.write_bytes(path.read_bytes()[:300])  # cut short outside the program
        app.apply(changes.add_decision, 1, "mere")
        await app.flush_saves()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert app.session is not None  # still the work in memory
        assert [d.text for d in app.session.step(1).decisions] == ["mit", "mere"]
        assert app.controller is not None and app.controller.conflict is not None


async def test_undo_in_the_rating_grid_shows_the_old_level(tmp_path: Path) -> None:
    from fagworkshop.tui.steps.staff.rating_grid import RatingGrid
    from fagworkshop_tools.fuzz.typing_kills import counting_session

    path = tmp_path / "w.toml"
    save_session(counting_session(5), path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        grid = app.screen.query_one(RatingGrid)
        grid.focus()
        blank = grid.cell(1, 0)[0].strip()  # how an unrated cell looks
        await pilot.press("3", "2")
        assert grid.cell(0, 0)[0].strip() == "3" and grid.cell(1, 0)[0].strip() == "2"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert grid.cell(1, 0)[0].strip() == blank and grid.cell(0, 0)[0].strip() == "3"
        assert "Medarbejdere 1/5" in str(app.screen.query_one("#step-bar").render())
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert grid.cell(1, 0)[0].strip() == "2"
        await app.flush_saves()
        await pilot.press("ctrl+q")
    ratings = load_session(path).rounds[-1].ratings
    assert sorted(v for levels in ratings.values() for v in levels.values()) == [2, 3]


def test_the_app_is_a_workshop_host() -> None:
    from fagworkshop.tui.controller import WorkshopHost

    assert isinstance(FagworkshopApp(), WorkshopHost)


async def test_a_signal_saves_notes_still_being_typed(tmp_path: Path) -> None:
    """SIGHUP/SIGTERM flush what a field holds back (the notes) before saving."""
    import signal

    from textual.widgets import TextArea

    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#step-notes", TextArea).focus()
        await pilot.press(*"noter i sidste øjeblik")
        app._on_exit_signal(signal.SIGHUP)
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGHUP
    assert load_session(path).step(1).notes == "noter i sidste øjeblik"


async def test_a_signal_with_unsavable_work_writes_a_copy(tmp_path: Path) -> None:
    """Read-only edits cannot go in the file; on a signal there is nobody to ask: a copy."""
    import signal

    path = saved(tmp_path)
    before = path.read_bytes()
    with SessionLock(path):
        app = FagworkshopApp(sessions_dir=tmp_path, path=path, read_only=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.apply(changes.add_decision, 1, "redd mig")
            app._on_exit_signal(signal.SIGTERM)
            await pilot.pause()
    assert path.read_bytes() == before
    copies = sorted(tmp_path.glob("* (kopi).toml"))
    assert copies and load_session(copies[0]).step(1).decisions[0].text == "redd mig"


async def test_undo_while_typing_in_a_field_shows_the_old_text_there(tmp_path: Path) -> None:
    """Was: the focused field kept the undone text, and the next key typed the undo away."""
    from textual.widgets import Input

    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#frame-jobcenter", Input)
        before = field.value
        field.focus()
        await pilot.press("end", "X", "Y")
        assert app.session is not None and app.session.frame.jobcenter == before + "XY"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert field.value == before == app.session.frame.jobcenter
        assert app.focused is field  # the keyboard stays where it was
        await pilot.press("Z")
        assert app.session.frame.jobcenter == before + "Z"
        await app.flush_saves()
        await pilot.press("ctrl+q")


def test_a_failed_last_save_after_the_app_ended_does_not_crash(tmp_path: Path) -> None:
    """run_app's last close_session runs after the event loop: no timer may be asked for."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.session_path = tmp_path  # a folder: every save fails
            app.apply(changes.add_decision, 1, "x")

    import asyncio

    asyncio.run(run())
    app.close_session()  # as run_app's finally does; must not raise
    assert app.session is None


async def test_a_save_never_renders_the_session_on_the_ui_thread(tmp_path: Path) -> None:
    """Textual names a worker by the repr of its arguments unless it is given a name: the
    save job's repr was the whole session (40 to 90 ms of the UI thread a save at 2,000
    staff, keys waiting behind it)."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session is not None
        name = app.session.staff[0].name
        ctl = app.controller
        assert ctl is not None
        app.apply(changes.add_decision, 1, "en")
        job = ctl.begin_save(force=True)
        assert job is not None and name not in repr(job) and len(repr(job)) < 500
        ctl.finish_save(ctl.write(job))
        app.apply(changes.add_decision, 1, "to")
        await app.flush_saves()
        descriptions = [w.description for w in app.workers if w.group == "save"]
        assert all(len(d) < 100 and name not in d for d in descriptions)
        await pilot.press("ctrl+q")


async def test_flush_saves_waits_for_an_autosave_that_starts_while_it_waits(
    tmp_path: Path,
) -> None:
    """Was: when the autosave timer fired while flush_saves awaited another worker, it
    returned with that save still writing (begin_save said no: a save was in flight),
    so a test read 'pending' after it on a busy machine."""
    path = saved(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ctl = app.controller
        assert ctl is not None
        app.apply(changes.add_decision, 1, "en")

        async def timer_fires_meanwhile() -> None:
            job = ctl.begin_save()  # what the timer does when it fires
            assert job is not None
            ctl.host.run_save(job)

        app.run_worker(timer_fires_meanwhile())  # runs while flush_saves waits for workers
        await app.flush_saves()
        assert not ctl.saving and not ctl.dirty
        assert load_session(path).step(1).decisions[-1].text == "en"
        await app.workers.wait_for_complete()
