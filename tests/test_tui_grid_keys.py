"""What a key in step 4's grid asks of the screen (issue 13), checked as behaviour, never
as time: no repaint of the whole screen, the cell detail drawn once for the cell the
cursor ends on and without laying the screen out again, and the save status and step
bar still saying what happened."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from textual import events
from textual._compositor import Compositor
from textual.widgets import Static

from fagworkshop.demo import build_demo
from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.staff.rating_grid import RatingGrid
from support.harness import after_refresh, at_step, open_saved
from support.narrow import present

SIZE = (160, 45)


@contextmanager
def counting(cls: type, name: str) -> Iterator[list[Any]]:
    """Record each call of ``cls.name`` (its instance) while in the block."""
    calls: list[Any] = []
    original = getattr(cls, name)

    def spy(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(self)
        return original(self, *args, **kwargs)

    setattr(cls, name, spy)
    try:
        yield calls
    finally:
        setattr(cls, name, original)


def _session() -> Session:
    return generate_session(staff=30, competences=20, rounds=1, seed=3)


async def _grid(app: FagworkshopApp, *, on_rated_cell: bool = True) -> tuple[StepView, RatingGrid]:
    """Step 4 shown, its grid with the keyboard and (unless told not to) the cursor on a
    cell that matters for its person (only those take digits)."""
    view = await at_step(app, 4)
    grid = view.query_one(RatingGrid)
    grid.focus()
    if on_rated_cell:
        for column, competence in enumerate(grid.competence_ids):
            if competence in grid.relevant.get(grid.person_ids[0], ()):
                grid.move_to(0, column)
                break
    return view, grid


async def test_a_digit_repaints_the_grid_line_not_the_whole_screen(tmp_path: Path) -> None:
    """The workshop screen's reactives (step, progress, save) repainted the whole screen
    on every change, every widget on it drawn again at each digit."""
    session = _session()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        view, grid = await _grid(app)
        await after_refresh(grid)
        await app.flush_saves()
        with counting(Compositor, "render_full_update") as full:
            levels = session.rounds[-1].ratings.get(grid.current_person or "", {})
            level = levels.get(grid.current_competence or "", 0)
            await pilot.press(str((level + 1) % 5))
            await after_refresh(grid)
            await pilot.press("down")
            await after_refresh(grid)
        assert full == []
        await app.flush_saves()
        assert "Gemt" in str(app.screen.query_one("#save-status", Static).render())
        await pilot.press("ctrl+q")


async def test_a_digit_draws_the_detail_once_without_a_layout(tmp_path: Path) -> None:
    """The detail under the grid was drawn three times per digit (after the change, by the
    key handler, after moving on), each a layout of the whole screen; its box has a fixed
    height, so the next cell's detail is drawn once and laid out never."""
    session = _session()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        view, grid = await _grid(app)
        await after_refresh(grid)
        detail = view.query_one("#staff-detail-text", Static)
        updates: list[bool] = []
        original = Static.update

        def spy(self: Static, content: Any = "", *, layout: bool = True) -> None:
            if self is detail:
                updates.append(layout)
            original(self, content, layout=layout)

        setattr(Static, "update", spy)  # noqa: B010 - a spy on Textual's method
        try:
            before = (grid.cursor_row, grid.cursor_column)
            await pilot.press("3")
            await after_refresh(grid)
        finally:
            setattr(Static, "update", original)  # noqa: B010
        assert (grid.cursor_row, grid.cursor_column) != before  # moved on
        assert updates == [False]
        person = session.person(grid.current_person or "")
        assert person is not None and person.name in str(detail.render())
        await app.flush_saves()
        await pilot.press("ctrl+q")


async def test_saving_while_typing_leaves_the_step_bar_where_it_is(tmp_path: Path) -> None:
    """ "Gemmer …" and "Gemt HH:MM:SS" took turns at different widths: the step bar beside
    the status was resized and the screen laid out again twice a save."""
    session = _session()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        view, grid = await _grid(app)
        await pilot.press("3")  # the first change: "Ikke ændret endnu" goes
        await app.flush_saves()
        await after_refresh(grid)
        bar = app.screen.query_one("#step-bar")
        status = app.screen.query_one("#save-status", Static)
        widths: set[tuple[int, int]] = set()
        texts: set[str] = set()
        for key in ("left", "2", "left", "1"):
            await pilot.press(key)
            await after_refresh(grid)
            texts.add(str(status.render()).split()[0])
            widths.add((bar.size.width, status.size.width))
            await app.flush_saves()
            await after_refresh(grid)
            texts.add(str(status.render()).split()[0])
            widths.add((bar.size.width, status.size.width))
        assert "Gemt" in texts  # both states were shown (Gemmer while typing, if seen)
        assert len(widths) == 1
        await pilot.press("ctrl+q")


async def test_the_undo_key_is_relabelled_without_a_layout_when_as_wide(
    tmp_path: Path,
) -> None:
    """The footer's undo key names the last change; at each rating it was laid out again
    (and every key after it redrawn), even when the new name was as wide as the old."""
    from textual.widgets._footer import FooterKey

    session = _session()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        view, grid = await _grid(app)
        await pilot.press("3")  # rates B1 and moves on to B2
        await after_refresh(grid)
        assert (grid.current_competence or "").startswith("b-")  # a basic one: B2
        undo = next(k for k in app.screen.query(FooterKey) if k.key == "ctrl+z")
        before = undo.description
        layouts: list[bool] = []
        original = FooterKey.refresh

        def spy(self: Any, *regions: Any, **kwargs: Any) -> Any:
            if self is undo:
                layouts.append(bool(kwargs.get("layout")))
            return original(self, *regions, **kwargs)

        setattr(FooterKey, "refresh", spy)  # noqa: B010 - a spy on Textual's method
        try:
            await pilot.press("2")  # B2: a new undo name, as wide as B1's
            await after_refresh(grid)
        finally:
            setattr(FooterKey, "refresh", original)  # noqa: B010
        assert undo.description != before and len(undo.description) == len(before)
        assert layouts and not any(layouts)
        await app.flush_saves()
        await pilot.press("ctrl+q")


async def test_the_detail_follows_the_cursor_in_the_same_frame(tmp_path: Path) -> None:
    """The detail was updated on the grid's CursorMoved message, handled after the grid
    had been drawn: the cell's detail came a frame later (20 to 50 ms in a terminal). It
    is shown as the cursor moves, before anything is drawn."""
    session = _session()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        view, grid = await _grid(app, on_rated_cell=False)
        await after_refresh(grid)
        detail = view.query_one("#staff-detail-text", Static)
        grid.move_to(3, 0)  # no pause: nothing has been handled or drawn since
        person = session.person(grid.person_ids[3])
        assert person is not None and person.name in str(detail.render())
        await app.flush_saves()
        await pilot.press("ctrl+q")


async def _burst(app: FagworkshopApp, grid: RatingGrid, keys: list[tuple[str, str | None]]) -> None:
    """Keys arriving at once, as from one read of a terminal: all queued before any is
    handled (the Pilot's ``press`` waits for each), then waited for."""
    for key, character in keys:
        app.post_message(events.Key(key, character))
    await app.flush_saves()
    await after_refresh(grid)


async def test_a_burst_of_digits_rates_one_cell_each(tmp_path: Path) -> None:
    """Each digit was posted as a message with the cursor of its arrival and applied when
    the message came round, behind the keys already queued: "1234" at once rated the
    first cell four times (it ended at 4) and moved the cursor four cells."""
    session = build_demo()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        _, grid = await _grid(app)
        assert grid.cursor_column == 0  # Anna's first four cells all matter for her
        await _burst(app, grid, [(digit, digit) for digit in "1234"])
        rnd = present(present(app.session).round())
        cells = [rnd.ratings["p-1"].get(c) for c in grid.competence_ids[:4]]
        assert cells == [1, 2, 3, 4]
        assert grid.cursor_column == 4
        await pilot.press("ctrl+q")


async def test_arrows_among_digits_keep_their_place(tmp_path: Path) -> None:
    """An arrow ran as a binding once the key had bubbled up to the app, after the digits
    that came with it (Textual issue 6605): "Right 0" rated the cell before the arrow."""
    session = build_demo()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        _, grid = await _grid(app)
        keys = [("right", None), ("0", "0"), ("left", None), ("left", None), ("4", "4")]
        await _burst(app, grid, keys)
        rnd = present(present(app.session).round())
        cells = [rnd.ratings["p-1"].get(c) for c in grid.competence_ids[:4]]
        assert cells == [4, 0, 3, 3]
        assert grid.cursor_column == 1
        await pilot.press("ctrl+q")


async def test_a_superscript_two_is_no_level_and_ends_nothing(tmp_path: Path) -> None:
    """ "²" (AltGr+2 on a Danish keyboard) counts as a digit for ``str.isdigit`` but not
    for ``int()``: the grid raised ValueError and the program ended."""
    session = build_demo()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        _, grid = await _grid(app)
        await _burst(app, grid, [("²", "²")])
        assert app.is_running
        rnd = present(present(app.session).round())
        assert rnd.ratings["p-1"].get(grid.competence_ids[0]) == 3
        assert grid.cursor_column == 0
        await pilot.press("ctrl+q")


async def test_esc_then_a_digit_at_once_changes_step(tmp_path: Path) -> None:
    """Esc (let go of the grid) ran as a binding after the digit that came with it, so
    "Esc 2" in one read rated the cell instead of going to step 2."""
    session = build_demo()
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=SIZE) as pilot:
        _, grid = await _grid(app)
        await _burst(app, grid, [("escape", None), ("2", "2")])
        await after_refresh(app.screen)
        live = present(app.session)
        assert present(live.round()).ratings["p-1"].get(grid.competence_ids[0]) == 3  # as it was
        assert int(live.current_step) == 2
        await pilot.press("ctrl+q")
