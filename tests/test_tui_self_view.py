"""Step 4's self layer (issue 14 item 3): ctrl+d switches between the leaders' levels, the
staff's own and the difference, cells two or more apart are flagged, and "selvvurdering"
mode lets one person rate themselves at the keyboard, seeing only their own row."""

from __future__ import annotations

from pathlib import Path

import pytest

from fagworkshop.demo import build_demo
from fagworkshop.domain.session import Session
from fagworkshop.i18n import set_language, t
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.bindings import description
from fagworkshop.tui.steps.gaps.body import GapsBody
from fagworkshop.tui.steps.plan.body import PlanBody
from fagworkshop.tui.steps.staff.body import StaffBody
from fagworkshop.tui.steps.staff.rating_grid import FLAGGED_STYLE, Layer, RatingGrid
from support.harness import BodyHost, at_step, footer_says
from support.narrow import present

HOSTILE = "[bold red]Anna[/] ["


class Harness(BodyHost[StaffBody]):
    """Step 4's panel with the app's contract (the shared BodyHost)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, StaffBody)


def text(grid: RatingGrid, row: int, column: int) -> str:
    return grid.cell(row, column)[0].strip()


def column(grid: RatingGrid, competence_id: str) -> int:
    return grid.competence_ids.index(competence_id)


def demo() -> Session:
    s = build_demo()
    s.current_step = 4
    return s


async def test_ctrl_d_switches_leaders_own_and_difference_and_flags_two_apart() -> None:
    session = demo()
    ds = "p-4"  # DS: b-undersoege leaders 1, own 3 (+2, flagged); b-dokumentere 1 / 2
    app = Harness(session)
    async with app.run_test(size=(160, 40)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        row = grid.person_ids.index(ds)
        flagged, plain = column(grid, "b-undersoege"), column(grid, "b-dokumentere")
        round_line = app.query_one("#staff-round")
        assert grid.shown_layer == Layer.LEADERS
        assert text(grid, row, flagged) == "1" and grid.cell(row, flagged)[1] == FLAGGED_STYLE
        assert grid.cell(row, plain)[1] != FLAGGED_STYLE
        assert t("selfview.layer.leaders") in str(round_line.render())
        await pilot.press("ctrl+d")
        assert grid.shown_layer == Layer.SELF
        assert text(grid, row, flagged) == "3" and text(grid, row, plain) == "2"
        assert t("selfview.layer.self") in str(round_line.render())
        await pilot.press("ctrl+d")
        assert grid.shown_layer == Layer.DIFFERENCE
        assert text(grid, row, flagged) == "+2!" and grid.cell(row, flagged)[1] == FLAGGED_STYLE
        assert text(grid, row, plain) == "+1"
        la, conversation = grid.person_ids.index("p-12"), column(grid, "b-borgersamtale")
        assert text(grid, la, conversation) == "-2!"  # LA rates herself two below
        assert text(grid, 0, column(grid, "b-lovgivning")) == "·"  # no own level: no difference
        # digits do nothing in the difference layer: it is not a level
        before = session.model_dump()
        grid.move_to(row, flagged)
        await pilot.press("3")
        assert session.model_dump() == before and app.applied == []
        await pilot.press("ctrl+d")
        assert grid.shown_layer == Layer.LEADERS


async def test_own_layer_digits_and_w_change_the_own_level_and_wish_not_the_leaders() -> None:
    session = demo()
    app = Harness(session)
    async with app.run_test(size=(160, 40)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("ctrl+d")
        pid, cid = grid.person_ids[1], grid.competence_ids[0]  # BT: no own levels yet
        rnd = session.round()
        assert rnd is not None
        leaders = rnd.ratings[pid][cid]
        grid.move_to(1, 0)
        await pilot.press("4")
        assert rnd.self_ratings[pid][cid] == 4 and rnd.ratings[pid][cid] == leaders
        assert (grid.cursor_row, grid.cursor_column) == (1, 1)  # moved on
        await pilot.press("left", "w")
        assert rnd.wishes[pid] == [cid] and text(grid, 1, 0) == "4w"
        await pilot.press("delete")
        assert pid not in rnd.self_ratings
        assert app.applied == ["set_self_rating", "toggle_wish", "set_self_rating"]
        # u is the leaders' "has it but does not use it": not in the own layer
        await pilot.press("u")
        assert cid not in rnd.unused.get(pid, [])


async def test_selvvurdering_mode_shows_only_the_own_row_and_esc_ends_it() -> None:
    session = demo()
    session.staff[1].name = HOSTILE  # BT, row 1
    app = Harness(session)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        grid.move_to(1, 3)
        pid = grid.person_ids[1]
        await pilot.press("s")
        assert grid.person_ids == [pid] and grid.row_count == 1
        assert grid.self_person == pid and grid.shown_layer == Layer.SELF
        screen = app.export_screenshot().replace("&#160;", " ")
        assert HOSTILE in screen  # the name is shown literally
        assert session.staff[0].name not in screen and session.staff[2].name not in screen
        help_line = str(app.query_one("#staff-help").render())
        assert HOSTILE in help_line and "Esc" in help_line
        assert HOSTILE in str(app.query_one("#staff-round").render())  # also at 80x24
        assert not app.query_one("#rating-note").display  # the leaders' note is not shown
        detail = str(app.query_one("#staff-detail-text").render())
        assert t("staff.detail_unrated") not in detail and "Niveau " not in detail
        # only the person's relevant competences are columns
        relevant = set(session.relevant_competences(session.staff[1]))
        assert set(grid.competence_ids) == relevant
        # digits set the own level, w the wish; the leaders' layer is untouched
        rnd = session.round()
        assert rnd is not None
        leaders = dict(rnd.ratings[pid])
        await pilot.press("2", "w")
        first, second = grid.competence_ids[0], grid.competence_ids[1]
        assert rnd.self_ratings[pid] == {first: 2} and rnd.wishes[pid] == [second]
        assert rnd.ratings[pid] == leaders
        # the staff keys are off while a person rates themselves
        for key in ("n", "x", "e", "ctrl+d"):
            await pilot.press(key)
        assert len(session.staff) == 12 and grid.shown_layer == Layer.SELF
        assert app.query_one("#staff-form").has_class("-hidden")
        await pilot.press("escape")
        await pilot.pause()
        assert grid.self_person is None and grid.row_count == 12
        assert grid.shown_layer == Layer.LEADERS and grid.cursor_row == 1
        assert app.query_one("#rating-note").display and grid.has_focus


async def test_selvvurdering_esc_text_comes_from_its_own_binding_not_a_patched_table() -> None:
    """The footer's Esc says what it does in each mode, read through the public
    ``active_bindings``; the grid's own binding table is never rewritten."""
    app = Harness(demo())
    async with app.run_test(size=(160, 40)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.pause()
        table = {k: list(v) for k, v in grid._bindings.key_to_bindings.items()}

        def escape() -> tuple[str, str]:
            active = app.screen.active_bindings["escape"].binding
            return active.action, active.description

        assert escape() == ("leave", t("list.key.leave"))
        await pilot.press("s")
        await pilot.pause()
        assert grid.self_person is not None
        assert escape() == ("leave_self", t("selfview.key.leave"))
        assert {k: list(v) for k, v in grid._bindings.key_to_bindings.items()} == table
        await pilot.press("escape")
        await pilot.pause()
        assert grid.self_person is None and grid.has_focus
        assert escape() == ("leave", t("list.key.leave"))
        assert {k: list(v) for k, v in grid._bindings.key_to_bindings.items()} == table
        await pilot.press("escape")  # out of the mode, Esc lets go of the keyboard
        await pilot.pause()
        assert not grid.has_focus


async def test_in_the_app_self_mode_changes_are_saved_and_undone(tmp_path: Path) -> None:
    path = tmp_path / "demo.toml"
    save_session(demo(), path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await at_step(app, 4)
        grid = app.screen.query_one(RatingGrid)
        assert grid.has_focus
        # the footer is recomposed for the focused grid after the frame that shows it
        await footer_says(pilot, t("selfview.key.layer"), t("selfview.key.self_mode"))
        await pilot.press("s")
        await pilot.pause()
        pid = grid.person_ids[0]
        cid = grid.competence_ids[0]
        await pilot.press("1")
        await pilot.pause()
        rnd = present(app.session).round()
        assert rnd is not None and rnd.self_ratings[pid][cid] == 1
        assert present(app.session).current_step == 4  # "1" rated, it did not go to step 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        rnd = present(app.session).round()
        assert rnd is not None and cid not in rnd.self_ratings.get(pid, {})  # as before
        assert grid.self_person == pid and grid.person_ids == [pid]  # still in the mode
        grid.move_to(0, 0)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await app.flush_saves()
        await app.workers.wait_for_complete()
    saved = load_session(path).round()
    assert saved is not None and saved.self_ratings[pid][cid] == 3


async def test_english_layer_names_and_keys() -> None:
    set_language("en")
    app = Harness(demo())
    async with app.run_test(size=(160, 40)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        await pilot.press("ctrl+d")
        assert "Layer: own rating" in str(app.query_one("#staff-round").render())
        active = app.screen.active_bindings  # the grid has the focus: its keys and its panel's
        assert description(active["ctrl+d"].binding) == "Switch layer"
        assert description(active["w"].binding) == "Wants to develop"


class GapsHarness(BodyHost[GapsBody]):
    """Step 5's panel with the app's contract (the shared BodyHost)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, GapsBody)


async def test_step_5_lists_biggest_differences_wishes_meeting_a_gap_and_wishes_nobody_needs() -> (
    None
):
    session = demo()
    session.staff[3].name = HOSTILE  # DS, who has the biggest difference
    app = GapsHarness(session)
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await pilot.pause()
        shown = str(app.query_one("#gaps-self").render())
        assert t("selfview.gaps.differences") in shown
        assert t("selfview.gaps.wish_gap") in shown and t("selfview.gaps.wish_no_need") in shown
        lines = shown.splitlines()
        # DS first among the +-2 (staff order after size), flagged for the talk
        ds = next(line for line in lines if line.startswith(HOSTILE))
        assert "egen 3, ledere 1 (+2)" in ds and t("selfview.gaps.flag").strip(" ·") in ds
        la = next(line for line in lines if line.startswith("Lise Attrapsen") and "(-2)" in line)
        assert "egen 2, ledere 4" in la
        wish_part = shown.split(t("selfview.gaps.wish_gap"))[1].split(
            t("selfview.gaps.wish_no_need")
        )
        assert "Anna Prøvesen:" in wish_part[0] and "niveau 2, mål 3" in wish_part[0]
        no_need = wish_part[1]
        assert f"{HOSTILE}:" in no_need and "Lise Attrapsen:" in no_need
        assert "Anna Prøvesen" not in no_need
        assert HOSTILE in app.export_screenshot().replace("&#160;", " ")


async def test_step_5_says_when_the_round_has_no_self_assessment() -> None:
    session = demo()
    latest = session.round()
    assert latest is not None
    latest.self_ratings, latest.wishes = {}, {}
    app = GapsHarness(session)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        shown = str(app.query_one("#gaps-self").render())
        assert t("selfview.gaps.none_yet") in shown
        assert t("selfview.gaps.differences") not in shown


class PlanHarness(BodyHost[PlanBody]):
    """Step 6's panel with the app's contract (the shared BodyHost)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, PlanBody)


async def test_step_6_offers_an_action_for_a_wish_that_meets_a_gap() -> None:
    from textual.widgets import Input, OptionList, SelectionList, TextArea

    session = demo()
    session.staff[0].name = HOSTILE  # AP, whose wish is the first
    actions_before = len(session.actions)
    app = PlanHarness(session)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        wishes = app.query_one("#wish-list", OptionList)
        assert wishes.display and wishes.option_count == 6  # the demo's six (domain test)
        assert HOSTILE in str(wishes.get_option_at_index(0).prompt)
        wishes.focus()
        wishes.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        title = app.query_one("#action-title", Input)
        assert title.value.startswith("Beskæftigelsesfaglig analyse") and HOSTILE in title.value
        chosen = app.query_one("#action-competences", SelectionList).selected
        assert chosen == ["b-beskaeftigelsesanalyse"]
        assert app.query_one("#action-for-whom", SelectionList).selected == ["p-1"]
        assert len(session.actions) == actions_before  # a draft, not saved yet
        app.query_one("#action-transfer", TextArea).text = "Fremlægger på teammødet."
        title.focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(session.actions) == actions_before + 1
        new = session.actions[-1]
        assert new.for_whom == ["p-1"] and new.competences == ["b-beskaeftigelsesanalyse"]


async def test_step_6_shows_no_offer_without_wishes_that_meet_a_gap() -> None:
    from textual.widgets import OptionList

    session = demo()
    latest = session.round()
    assert latest is not None
    latest.wishes = {}
    app = PlanHarness(session)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert not app.query_one("#wish-list", OptionList).display
        assert not app.query_one("#wish-title").display


@pytest.mark.parametrize("step", [4, 5, 6])
async def test_f1_help_names_the_self_layer_keys(step: int) -> None:
    from textual.widgets import Static

    from fagworkshop.domain.session import Step
    from fagworkshop.tui.help import HelpScreen

    app = Harness(demo())
    async with app.run_test(size=(120, 48)) as pilot:
        await app.push_screen(HelpScreen(Step(step)))
        await pilot.pause()
        parts = [str(s.render()) for s in app.screen.query(Static)]
        assert t(f"selfview.help.step.{step}") in parts


def test_step_7_sums_up_the_staff_s_own_voice() -> None:
    from fagworkshop.tui.steps.summary.view import summary_sections

    sections = dict(summary_sections(demo()))
    body = sections[t("selfview.export.title")]
    assert body.startswith("5 har vurderet sig selv; 3 felt(er)")
    assert "Tal om: Dorte Skitsholm · Undersøge den enkelte sag: egen 3, ledere 1" in body
    assert "Vil gerne, og der er brug for det: Anna Prøvesen" in body
    session = demo()
    latest = session.round()
    assert latest is not None
    latest.self_ratings, latest.wishes = {}, {}
    assert t("selfview.export.title") not in dict(summary_sections(session))


def test_undo_names_an_own_level_and_a_wish() -> None:
    from fagworkshop.domain import changes
    from fagworkshop.tui.controller import describe_change

    session = demo()
    assert (
        describe_change(session, changes.set_self_rating, ("p-1", "b-organisation", 3))
        == "eget niveau for AP på B1"
    )
    assert (
        describe_change(session, changes.toggle_wish, ("p-1", "b-organisation"))
        == "ønske for AP på B1"
    )


async def test_selvvurdering_mode_keeps_an_own_level_outside_the_persons_profiles() -> None:
    session = demo()
    app = Harness(session)
    async with app.run_test(size=(160, 40)) as pilot:
        grid = app.query_one(RatingGrid)
        grid.focus()
        grid.move_to(grid.person_ids.index("p-4"), 0)  # DS rated virk-brancher, not hers
        await pilot.press("s")
        assert grid.person_ids == ["p-4"] and "virk-brancher" in grid.competence_ids
        assert text(grid, 0, column(grid, "virk-brancher")) == "4"
