"""The profiles (TOML) export and the sessions list (issue 15 item 6).

The export goes to ``eksport/`` beside the sessions, never into the list of
workshops; a catalogue that is in the sessions folder anyway (an older export)
is listed as a catalogue, after the workshops, not as a broken workshop, and
Enter on it starts a new workshop from it with the choices made there.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.changes import new_session
from fagworkshop.export.command import export_file
from fagworkshop.export.profiles_toml import render_toml
from fagworkshop.generate import generate_session
from fagworkshop.store.folders import EntryState, list_sessions
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp, WorkshopScreen
from fagworkshop.tui.home import HomeScreen, entry_text
from test_export_sample import sample_session


def test_cli_export_never_lands_in_the_sessions_list(tmp_path: Path) -> None:
    path = tmp_path / "workshop.toml"
    save_session(sample_session(), path)
    export_file(path, "toml", None)
    assert (tmp_path / "eksport" / "workshop-profiler.toml").is_file()
    entries = list_sessions(tmp_path)
    assert [e.path.name for e in entries] == ["workshop.toml"]


def test_a_catalogue_in_the_sessions_folder_is_listed_as_one(tmp_path: Path) -> None:
    save_session(sample_session(), tmp_path / "workshop.toml")
    exported = tmp_path / "workshop-profiler.toml"
    exported.write_text(render_toml(sample_session()), encoding="utf-8")
    (tmp_path / "broken.toml").write_text("title = [", encoding="utf-8")
    entries = list_sessions(tmp_path)
    states = {e.path.name: e.state for e in entries}
    assert states["workshop-profiler.toml"] is EntryState.CATALOGUE
    assert states["broken.toml"] is EntryState.PROBLEM
    assert entries[-1].path == exported  # after the workshops, even when newest
    text = entry_text(entries[-1])
    assert text.startswith("KATALOG: Lokale profiler: Kompetenceværksted, Team Erhverv")
    assert "KAN IKKE ÅBNES" not in text and "ikke en workshop" in text


def test_a_built_in_catalogue_starts_undecided() -> None:
    cat = Catalogue.model_validate(
        {
            "id": "x",
            "title": "X",
            "themes": [{"id": "t", "title": "T"}],
            "basic": [{"id": "b", "theme": "t", "title": "B", "min_level": 2}],
            "blocks": [{"id": "k", "title": "K", "elements": [{"id": "e", "title": "E"}]}],
        }
    )
    fresh = new_session(cat, "Ny")
    assert fresh.basics[0].included is None and fresh.basics[0].min_level == 2
    assert fresh.blocks[0].elements[0].status.value == "undecided"


async def test_enter_on_a_listed_catalogue_starts_a_workshop_from_it(tmp_path: Path) -> None:
    older = generate_session(staff=2, competences=4, rounds=1, seed=1)
    save_session(older, tmp_path / "a.toml")
    (tmp_path / "profiler.toml").write_text(render_toml(sample_session()), encoding="utf-8")
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#resume-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert not any("KAN IKKE ÅBNES" in p for p in prompts)
        assert prompts[-1].startswith("KATALOG: ")
        listing.focus()
        listing.highlighted = len(prompts) - 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # not opened as a workshop
        assert app.screen.query_one("#new-catalogue-file", Input).value == str(
            tmp_path / "profiler.toml"
        )
        assert app.focused is app.screen.query_one("#new-title", Input)
        await pilot.press(*"Ny enhed", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        session = app.session
        assert session is not None
        source = [b for b in sample_session().basics if b.included]
        assert [(b.included, b.min_level, b.priority) for b in session.basics] == [
            (True, b.min_level, b.priority) for b in source
        ]
        assert all("Minimumsniveau" not in b.description for b in session.basics)
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
