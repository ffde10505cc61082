"""Step 5 (Kompetencehuller): heat map cells, legend, numbers from the analysis, sort, filter."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style

from fagworkshop.domain import changes
from fagworkshop.domain.analysis import CellState, analyse
from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.gaps.body import GapsBody
from fagworkshop.tui.steps.gaps.heat_map import STATE_STYLES, HeatMap
from support.harness import BodyHost, at_step, screen_text
from support.narrow import present

HOSTILE = "[bold red]x[/] y"


def session() -> Session:
    s = generate_session(staff=8, competences=15, rounds=1, seed=11)
    s.staff[0].name = HOSTILE
    s.staff[1].name = "x [/] y"
    s.profiles[0].name = "[b]P[/b]"
    return s


async def test_cells_read_without_colour_and_match_the_analysis() -> None:
    s = session()
    app = BodyHost(s, GapsBody)
    async with app.run_test(size=(160, 48), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        heat = app.query_one(HeatMap)
        analysis = analyse(s)
        assert heat.competence_ids == [c.id for c in analysis.competences]
        rnd = s.round()
        assert rnd is not None
        for row in range(heat.row_count):
            for column in range(heat.column_count):
                text, style = heat.cell(row, column)
                state = heat.state(row, column)
                pid, cid = heat.person_ids[row], heat.competence_ids[column]
                # held but unused (issue 11): marked "u" and underlined on top of the state
                if cid in rnd.unused.get(pid, ()):
                    assert text.endswith("u") and style == STATE_STYLES[state] + Style(
                        underline=True
                    )
                    text = text[:-1]
                else:
                    assert style == STATE_STYLES[state]
                level = rnd.ratings.get(pid, {}).get(cid)
                if state.is_gap:
                    assert text.strip() in (f"{level}-", f"{level}!")
                if state == CellState.ABOVE:
                    assert text.strip() == f"{level}+"
        # colour-blind safe: no red or green backgrounds
        for style in STATE_STYLES.values():
            if style.bgcolor is not None and style.bgcolor.triplet is not None:
                r, g, b = style.bgcolor.triplet
                assert not (g > 150 and r < 100 and b < 100)  # no green
                assert not (r > 150 and g < 60 and b < 60)  # no red
        text = screen_text(app)
        assert "Forklaring" in text and "over mål" in text and "ikke vurderet" in text
        assert HOSTILE in text and "x [/] y" in text
        # profile numbers and single holders are the analysis' numbers
        q = analysis.profiles[0]
        assert f"[b]P[/b]: {len(q.qualified)} / {q.needed}" in text
        for coverage in analysis.single_holders:
            assert coverage.competence.title in text
        await app.workers.wait_for_complete()


async def test_selection_shows_coverage_and_person_gaps() -> None:
    s = session()
    app = BodyHost(s, GapsBody)
    async with app.run_test(size=(160, 48)) as pilot:
        heat = app.query_one(HeatMap)
        heat.focus()
        await pilot.press("down", "right")
        analysis = analyse(s)
        coverage = analysis.coverage(heat.competence_ids[1])
        assert coverage is not None
        focus = str(app.query_one("#gaps-focus").render())
        assert f"{coverage.meets} af {coverage.relevant} når målet" in focus
        person = str(app.query_one("#gaps-person").render())
        assert "x [/] y" in person
        gaps = analysis.person(heat.person_ids[1])
        assert gaps is not None
        for gap in gaps.gaps:
            assert f"{gap.level} → {gap.target}" in person
        await app.workers.wait_for_complete()


async def test_sort_and_filter() -> None:
    s = session()
    app = BodyHost(s, GapsBody)
    async with app.run_test(size=(160, 48)) as pilot:
        heat = app.query_one(HeatMap)
        heat.focus()
        all_columns = list(heat.competence_ids)
        await pilot.press("s")  # by name
        names = [p.name.casefold() for pid in heat.person_ids if (p := s.person(pid))]
        assert names == sorted(names)
        await pilot.press("s")  # by gaps, most first
        analysis = analyse(s)
        # "flest huller" sorts by the number of gaps, as it says (issue 11), levels short next
        weights = [
            (len(g.gaps), g.total_shortfall)
            for pid in heat.person_ids
            if (g := analysis.person(pid)) is not None
        ]
        assert weights == sorted(weights, reverse=True)
        await pilot.press("f")  # only competences with gaps
        assert heat.competence_ids == [c.id for c in analysis.competences if c.below]
        assert len(heat.competence_ids) <= len(all_columns)
        await pilot.press("f", "p")  # first local profile
        profile = s.profiles[0]
        assert set(heat.competence_ids) <= set(profile.elements)
        assert all(profile.id in s.person(pid).profiles for pid in heat.person_ids)  # type: ignore[union-attr]
        assert "[b]P[/b]" in screen_text(app)
        for _ in s.profiles:
            await pilot.press("p")
        assert heat.competence_ids == all_columns
        await app.workers.wait_for_complete()


async def test_refreshes_after_a_rating_change() -> None:
    s = session()
    app = BodyHost(s, GapsBody)
    async with app.run_test(size=(120, 36)) as pilot:
        heat = app.query_one(HeatMap)
        await pilot.pause()
        pid, cid = heat.person_ids[0], heat.competence_ids[0]
        target = s.target(cid)
        assert target is not None
        app.apply(changes.set_rating, pid, cid, max(s.level_numbers()))
        assert heat.state(0, 0) in (CellState.ABOVE, CellState.MEETS)
        app.apply(changes.set_rating, pid, cid, None)
        assert heat.state(0, 0) == CellState.UNRATED
        assert heat.cell(0, 0)[0].strip() == "?"
        await app.workers.wait_for_complete()


async def test_empty_session_shows_a_hint() -> None:
    s = generate_session(staff=0, competences=5, rounds=1, seed=1)
    app = BodyHost(s, GapsBody)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Intet at vise endnu" in screen_text(app)
        await app.workers.wait_for_complete()


async def test_in_the_app(tmp_path: Path) -> None:
    s = session()
    s.current_step = 5
    path = tmp_path / "workshop.toml"
    save_session(s, path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(80, 24), notifications=True, tooltips=True) as pilot:
        await at_step(app, 5)
        heat = app.screen.query_one(HeatMap)
        assert heat.has_focus
        await pilot.press("down", "s", "f")
        assert present(app.session).current_step == 5
        text = screen_text(app)
        assert "x [/] y" in text or HOSTILE in text
        await app.workers.wait_for_complete()
