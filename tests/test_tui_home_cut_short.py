"""The home screen lists a cut-short file as such and opens a copy of its backup with one key.

Issue 9 item 4: the cut file and its ``.bak`` are never saved over.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from textual.widgets import Input, OptionList

from fagworkshop.generate import generate_session
from fagworkshop.store.folders import EntryState, list_sessions
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp, WorkshopScreen
from fagworkshop.tui.home import HomeScreen


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cut_short_with_backup(folder: Path) -> tuple[Path, Path]:
    p = folder / "ungeafdelingen.toml"
    save_session(generate_session(staff=6, competences=4, rounds=1, seed=1), p)
    save_session(generate_session(staff=2, competences=4, rounds=1, seed=2), p)
    p.write_bytes(p.read_bytes()[:400])
    return p, p.with_name(p.name + ".bak")


def prompts(app: FagworkshopApp) -> list[str]:
    listing = app.screen.query_one("#resume-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def test_list_sessions_marks_the_cut_short_file(tmp_path: Path) -> None:
    p, bak = cut_short_with_backup(tmp_path)
    [entry] = list_sessions(tmp_path)
    assert entry.state is EntryState.CUT_SHORT
    assert entry.backup is not None and entry.backup.path == bak and entry.backup.people == 6
    assert entry.backup_can_open


async def test_home_lists_cut_short_and_opens_a_copy_of_the_backup(tmp_path: Path) -> None:
    p, bak = cut_short_with_backup(tmp_path)
    before = digest(p), digest(bak)
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(120, 36), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [shown] = prompts(app)
        assert "AFKORTET" in shown and str(bak) in shown and "6 medarbejdere" in shown
        assert "Tryk s" in shown
        await pilot.press("enter")  # selecting it never opens the cut file
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#resume-list", OptionList).focus()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        copy = tmp_path / "ungeafdelingen (kopi).toml"
        assert app.session_path == copy
        assert app.session is not None and len(app.session.staff) == 6
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    assert (digest(p), digest(bak)) == before
    assert len(load_session(copy).staff) == 6


async def test_s_in_a_field_types_an_s(tmp_path: Path) -> None:
    cut_short_with_backup(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#new-title", Input)
        field.focus()
        await pilot.press("s")
        await pilot.pause()
        assert field.value == "s"
        assert isinstance(app.screen, HomeScreen)
        assert not (tmp_path / "ungeafdelingen (kopi).toml").exists()
