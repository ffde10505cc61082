"""The home screen: new workshop, resume list (with broken files), demo, open by path, locked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, OptionList

from fagworkshop.generate import generate_session
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp, WorkshopScreen
from fagworkshop.tui.home import HomeScreen, builtin_catalogues

HOSTILE = "[bold red]x[/] y [/"


async def test_new_workshop_creates_file_and_opens_step_1(tmp_path: Path) -> None:
    assert builtin_catalogues(), "the built-in catalogues ship with the package"
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(100, 32), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#new-title", Input).value = HOSTILE
        app.screen.query_one("#new-unit", Input).value = "Team Erhverv"
        await pilot.click("#new-create")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert app.session is not None and app.session.title == HOSTILE
        assert app.session_path is not None and app.session_path.parent == tmp_path
        assert app.current_view().step == 1
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    assert load_session(next(tmp_path.glob("*.toml"))).frame.unit == "Team Erhverv"


async def test_resume_list_newest_first_with_broken_file(tmp_path: Path) -> None:
    older = generate_session(staff=2, competences=4, rounds=1, seed=1)
    older.title = HOSTILE
    older.current_step = 4
    older.delete_by = dt.date(2020, 1, 1)
    save_session(older, tmp_path / "a.toml")
    (tmp_path / "broken.toml").write_text("title = [", encoding="utf-8")
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(100, 32), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#resume-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any(HOSTILE in p and "trin 4" in p for p in prompts)
        assert any("skulle være slettet senest 2020-01-01" in p for p in prompts)
        assert any("KAN IKKE ÅBNES" in p for p in prompts)
        broken = next(i for i, p in enumerate(prompts) if "KAN IKKE" in p)
        listing.focus()
        listing.highlighted = broken
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # a broken file never opens
        good = next(i for i, p in enumerate(prompts) if HOSTILE in p)
        listing.highlighted = good
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen) and app.current_view().step == 4
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()


async def test_locked_session_offered_read_only_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "l.toml"
    save_session(generate_session(staff=2, competences=4, rounds=1, seed=1), path)
    with SessionLock(path):
        app = FagworkshopApp(sessions_dir=tmp_path)
        async with app.run_test(size=(100, 32), notifications=True) as pilot:
            await pilot.pause()
            app.screen.query_one("#open-path", Input).value = str(path)
            await pilot.click("#open-path-button")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            assert app.session is None and isinstance(app.screen, HomeScreen)
            await pilot.click("#open-path-button")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            assert app.session is not None and app.read_only
            await pilot.press("ctrl+q")
            await app.workers.wait_for_complete()


async def test_demo_opens_from_home(tmp_path: Path) -> None:
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        await pilot.click("#open-demo")
        await pilot.pause()
        assert app.session is not None and app.session_path is not None
        assert app.session_path.parent == tmp_path
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
