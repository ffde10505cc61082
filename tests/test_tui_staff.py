"""Step 4 (Medarbejdere): the rating grid, the detail panel, staff add/edit/erase, speed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fagworkshop.domain.session import Decision, Session
from fagworkshop.generate import generate_session
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.bindings import description
from fagworkshop.tui.steps.staff.body import StaffBody
from fagworkshop.tui.steps.staff.confirm import ConfirmErase
from fagworkshop.tui.steps.staff.rating_grid import RatingGrid
from support.harness import BodyHost, at_step, screen_text
from support.narrow import present

HOSTILE = "[bold red]x[/] y"


def small() -> Session:
    session = generate_session(staff=6, competences=12, rounds=1, seed=5)
    session.rounds[0].ratings.clear()
    session.rounds[0].unused.clear()
    return session


def cell_text(grid: RatingGrid, row: int, column: int) -> str:
    return grid.cell(row, column)[0].strip()


async def test_digit_sets_level_and_moves_on() -> None:
    session = small()
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("3")
        await pilot.pause()
        pid, cid = grid.person_ids[0], grid.competence_ids[0]
        rnd = session.round()
        assert rnd is not None and rnd.ratings[pid][cid] == 3
        assert cell_text(grid, 0, 0) == "3"
        assert (grid.cursor_row, grid.cursor_column) == (0, 1)
        # the detail panel names the level and its meaning
        detail = str(app.query_one("#staff-detail-text").render())
        assert "Selvstændig" not in detail  # cursor moved to an unrated cell
        await pilot.press("left")
        detail = str(app.query_one("#staff-detail-text").render())
        assert "Selvstændig" in detail and "Arbejder selvstændigt" in detail
        # delete clears, u toggles unused, a digit off the scale changes nothing
        await pilot.press("delete")
        assert cid not in rnd.ratings.get(pid, {})
        assert (grid.cursor_row, grid.cursor_column) == (0, 0)
        await pilot.press("u")
        assert cid in rnd.unused[pid] and "u" in cell_text(grid, 0, 0)
        await pilot.press("u")
        assert pid not in rnd.unused
        await pilot.press("9")
        await pilot.pause()
        assert pid not in rnd.ratings
        # last column wraps to the next row, like a spreadsheet
        await pilot.press("end", "2")
        assert (grid.cursor_row, grid.cursor_column) == (1, 0)
        await app.workers.wait_for_complete()


async def test_keys_move_the_cursor() -> None:
    session = generate_session(staff=40, competences=50, rounds=1, seed=1)
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("end")
        assert grid.cursor_column == grid.column_count - 1
        assert grid.scroll_x > 0
        await pilot.press("home", "pagedown")
        assert grid.cursor_column == 0 and grid.cursor_row > 3
        assert grid.scroll_y > 0
        await pilot.press("ctrl+end")
        assert grid.cursor_row == grid.row_count - 1
        await pilot.press("ctrl+home", "down", "right")
        assert (grid.cursor_row, grid.cursor_column) == (1, 1)
        await app.workers.wait_for_complete()


async def test_rating_note_is_saved_as_typed() -> None:
    session = small()
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("right")
        app.query_one("#rating-note").focus()
        await pilot.press(*"Øver sig [/]")
        await pilot.pause()
        pid, cid = grid.person_ids[0], grid.competence_ids[1]
        rnd = session.round()
        assert rnd is not None and rnd.rating(pid, cid).note == "Øver sig [/]"
        assert "*" in cell_text(grid, 0, 1)
        await pilot.press("enter")
        assert grid.has_focus
        await app.workers.wait_for_complete()


async def test_add_edit_and_erase_a_person() -> None:
    session = small()
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(100, 30), notifications=True, tooltips=True) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("n")
        await pilot.press(*HOSTILE)
        await pilot.press("tab", *"XY", "tab", *"Rådgiver", "enter")
        await pilot.pause()
        person = session.staff[-1]
        assert person.name == HOSTILE and person.initials == "XY" and person.role == "Rådgiver"
        assert grid.labels[-1] == HOSTILE and grid.cursor_row == len(session.staff) - 1
        # an empty name is refused and the form keeps what was typed
        await pilot.press("e")
        name = app.query_one("#staff-name")
        name.value = "  "  # type: ignore[attr-defined]
        await pilot.press("tab", "tab", "end", *" 2", "enter")
        await pilot.pause()
        assert person.name == HOSTILE
        assert app.query_one("#staff-role").value == "Rådgiver 2"  # type: ignore[attr-defined]
        name.value = "Ny Person"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert person.name == "Ny Person" and person.role == "Rådgiver 2"
        # rate the person, then erase them after a confirmation
        grid.focus()
        await pilot.press("2")
        rnd = session.round()
        assert rnd is not None and person.id in rnd.ratings
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmErase)
        await pilot.press("escape")
        await pilot.pause()
        assert session.person(person.id) is not None
        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#erase-yes")
        await pilot.pause()
        assert session.person(person.id) is None
        assert all(person.id not in r.ratings for r in session.rounds)
        assert person.id not in grid.person_ids
        await app.workers.wait_for_complete()


async def test_hostile_names_render_literally() -> None:
    session = small()
    session.staff[0].name = HOSTILE
    session.staff[1].name = "x [/] y"
    session.staff[1].role = "[@click=app.quit]klik[/]"
    session.profiles[0].name = "[b]Profil[/b]"
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(100, 30), notifications=True, tooltips=True) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("down", "e")
        await pilot.pause()
        screen = app.export_screenshot()
        assert "[bold red]x[/] y" in screen.replace("&#160;", " ")
        assert "x [/] y" in screen.replace("&#160;", " ")
        assert "[b]Profil[/b]" in screen.replace("&#160;", " ")
        await pilot.press("escape", "x")
        await pilot.pause()
        assert "x [/] y" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("escape")
        await app.workers.wait_for_complete()


async def test_toggle_shows_all_competences() -> None:
    session = small()
    for basic in session.basics[:1]:
        basic.included = False
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(100, 30)) as pilot:
        grid = app.query_one(RatingGrid)
        before = grid.column_count
        grid.focus()
        await pilot.press("a")
        assert grid.column_count == len(session.competence_ids()) > before
        await pilot.press("a")
        assert grid.column_count == before
        await app.workers.wait_for_complete()


async def test_responsive_at_60_by_80() -> None:
    """A burst of digits at 60 x 80: each edit repaints a line or two, not the window."""
    session = generate_session(staff=60, competences=80, rounds=2, seed=7)
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(160, 48)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.pause()
        painted: list[int] = []
        original = grid.render_line

        def counting(y: int) -> Any:
            painted.append(y)
            return original(y)

        grid.render_line = counting  # type: ignore[method-assign]
        for digit in "01234012340123401234":
            await pilot.press(digit)
        await pilot.pause()
        rnd = session.round()
        assert rnd is not None
        assert rnd.ratings[grid.person_ids[0]][grid.competence_ids[19]] == 4
        # how long a digit takes is measured by `make bench` (keys in a real terminal);
        # here: only the header and the edited row were drawn again, never the whole window
        assert set(painted) <= {0, 1}, sorted(set(painted))
        assert len(painted) < 20 * grid.size.height / 2
        # the work itself, as the panel does it: the change lands in the session
        row, column = grid.cursor_row, grid.cursor_column
        message = RatingGrid.LevelTyped(grid, row, column, 2)
        app.query_one(StaffBody)._level_typed(message)
        for y in range(3):
            original(y)
        assert rnd.ratings[grid.person_ids[row]][grid.competence_ids[column]] == 2
        await app.workers.wait_for_complete()


async def test_large_grid_300_by_120_opens_and_edits() -> None:
    session = generate_session(staff=300, competences=120, rounds=1, seed=9)
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("ctrl+end", "end")
        await pilot.press("1")
        rnd = session.round()
        assert rnd is not None
        assert rnd.ratings[grid.person_ids[-1]][grid.competence_ids[-1]] == 1
        await app.workers.wait_for_complete()


# --- in the real app ------------------------------------------------------------


async def test_in_the_app_digits_rate_instead_of_switching_steps(tmp_path: Path) -> None:
    session = small()
    session.current_step = 4
    session.staff[0].name = HOSTILE
    path = tmp_path / "workshop.toml"
    save_session(session, path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(160, 48), notifications=True, tooltips=True) as pilot:
        await at_step(app, 4)
        grid = app.screen.query_one(RatingGrid)
        assert grid.has_focus
        await pilot.press("3")
        await pilot.pause()
        live = present(app.session)
        rnd = live.round()
        assert rnd is not None
        assert rnd.ratings[grid.person_ids[0]][grid.competence_ids[0]] == 3
        assert cell_text(grid, 0, 0) == "3"
        assert live.current_step == 4  # "3" rated; it did not jump to step 3
        assert HOSTILE in screen_text(app)
        await app.workers.wait_for_complete()
        assert app.save_now_sync()
    reloaded = load_session(path)
    rnd = reloaded.round()
    assert rnd is not None and rnd.ratings[grid.person_ids[0]][grid.competence_ids[0]] == 3


async def test_english_keys_and_labels() -> None:
    from fagworkshop import i18n

    i18n.set_language("en")
    try:
        app = BodyHost(small(), StaffBody)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            panel = app.query_one(StaffBody)
            panel.query_one(RatingGrid).focus()
            await pilot.pause()
            assert description(app.screen.active_bindings["n"].binding) == "Add member of staff"
            assert "Staff" in app.export_screenshot()
            await app.workers.wait_for_complete()
    finally:
        i18n.set_language("da")


async def test_in_the_app_an_edit_at_60_by_80_is_quick(tmp_path: Path) -> None:
    """The whole edit path in the real app (apply, save scheduling, step bar, the line)."""
    session = generate_session(staff=60, competences=80, rounds=2, seed=7)
    session.current_step = 4
    path = tmp_path / "workshop.toml"
    save_session(session, path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(160, 48)):
        await at_step(app, 4)
        panel = app.screen.query_one(StaffBody)
        grid = panel.grid
        # its speed is `make bench`'s (keypress scenario); here, that it works
        for level in [0, 1, 2, 3, 4] * 4:
            panel._level_typed(
                RatingGrid.LevelTyped(grid, grid.cursor_row, grid.cursor_column, level)
            )
            for y in range(3):
                grid.render_line(y)
        rnd = present(present(app.session).round())
        assert rnd.ratings[grid.person_ids[0]][grid.competence_ids[19]] == 4
        await app.workers.wait_for_complete()


async def test_detail_shows_local_wording_and_catalogue_text() -> None:
    session = small()
    grid_first = session.basics[0]
    grid_first.local_wording = "Vores [i]ord[/i]"
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        detail = str(app.query_one("#staff-detail-text").render())
        assert "Vores [i]ord[/i]" in detail
        assert "Katalogets tekst: " + grid_first.title in detail
        assert "Ikke vurderet endnu" in detail and "Målniveau" in detail
        await app.workers.wait_for_complete()


async def test_in_the_app_erase_leaves_no_trace_on_disk(tmp_path: Path) -> None:
    session = small()
    session.current_step = 4
    session.staff[0].name = "Sidsel Særnavn"
    path = tmp_path / "workshop.toml"
    save_session(session, path)
    save_session(session, path)  # a backup with the name in it
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await at_step(app, 4)
        app.screen.query_one(RatingGrid).focus()
        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#erase-yes")
        await pilot.pause()
        assert all(p.name != "Sidsel Særnavn" for p in present(app.session).staff)
        await app.workers.wait_for_complete()
        assert app.save_now_sync()
        await app.workers.wait_for_complete()
    for file in tmp_path.iterdir():
        if file.is_file():
            assert "Særnavn" not in file.read_text(encoding="utf-8", errors="replace"), file.name


async def test_first_person_in_an_empty_session() -> None:
    session = small()
    session.staff.clear()
    session.rounds[0].ratings.clear()
    session.rounds[0].notes.clear()
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Ingen medarbejdere endnu" in app.export_screenshot().replace("&#160;", " ")
        app.query_one(RatingGrid).focus()
        await pilot.press("3")  # nothing to rate, nothing breaks
        await pilot.press("n", *"AB", "enter")
        await pilot.pause()
        assert [p.name for p in session.staff] == ["AB"]
        grid = app.query_one(RatingGrid)
        assert grid.has_focus and grid.row_count == 1
        await pilot.press("2")
        rnd = session.round()
        assert rnd is not None and rnd.ratings[session.staff[0].id][grid.competence_ids[0]] == 2
        await app.workers.wait_for_complete()


def test_a_full_cell_is_not_cut() -> None:
    session = small()
    grid = RatingGrid()
    ids = session.competence_ids()
    person = session.staff[0].id
    rnd = session.round()
    assert rnd is not None
    rnd.ratings[person] = {ids[0]: 2}
    rnd.unused[person] = [ids[0]]
    rnd.notes[person] = {ids[0]: "note"}
    grid.load(session, [person], ["A"], ids, ["B1"] * len(ids), {person: frozenset(ids)})
    assert grid.cell(0, 0)[0] == "2u*"
    assert grid.cell(0, 1)[0] == " ·"


async def test_erase_confirmation_lists_where_the_name_is_replaced() -> None:
    """Issue 12: the facilitator sees step and field (never the text) before confirming."""
    session = small()
    person = session.staff[0]
    person.name, person.initials = "Sidsel Særnavn", "SS"
    session.step(6).notes = "Sidsel følger op; SS tager sig af det"
    session.step(2).decisions.append(Decision(text="SIDSEL  SÆRNAVN er tovholder"))
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(120, 36)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        grid.move_to(0, 0)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmErase)
        shown = str(app.screen.query_one("#erase-places").render())
        assert "Trin 6 Handlingsplan: noter" in shown
        assert "Trin 2 Basiskompetencer: aftale 1" in shown
        assert "følger op" not in shown and "tovholder" not in shown
        await pilot.click("#erase-yes")
        await pilot.pause()
        assert session.step(6).notes == "[slettet] følger op; [slettet] tager sig af det"
        assert session.step(2).decisions[-1].text == "[slettet] er tovholder"
        await app.workers.wait_for_complete()


async def test_editing_a_person_and_their_profiles_is_one_change() -> None:
    session = small()
    app = BodyHost(session, StaffBody)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.query_one(RatingGrid).focus()
        await pilot.press("e")
        await pilot.pause()
        app.query_one("#staff-name").value = "Ny Person"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert session.staff[0].name == "Ny Person"
        # one change (one undo step), not update_person then set_person_profiles
        assert app.applied == ["update_person"]
        await app.workers.wait_for_complete()
