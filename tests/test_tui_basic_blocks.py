"""Steps 2 (Basiskompetencer) and 3 (Fagprofiler) in the real app, driven with the Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from fagworkshop.demo import build_demo
from fagworkshop.domain.session import (
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    Priority,
    Session,
)
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.basic.body import BasicList
from fagworkshop.tui.steps.blocks.body import BlocksEditor, ElementList
from support.harness import open_saved, saved_copy
from support.narrow import present

HOSTILE = "[bold red]x[/] y [/"


def opened_at(tmp_path: Path, step: int) -> tuple[Session, Path, FagworkshopApp]:
    session = build_demo()
    session.current_step = step
    app, path = open_saved(tmp_path, session, "demo.toml")
    return session, path, app


def shown(app: FagworkshopApp) -> str:
    parts = [str(w.render()) for w in app.screen.query(Static)]
    for listing in app.screen.query(OptionList):
        parts.extend(str(o.prompt) for o in listing.options)
    return "\n".join(parts)


def basic_in(session: Session, competence_id: str | None) -> BasicChoice:
    found = session.competence(competence_id or "")
    assert isinstance(found, BasicChoice)
    return found


def element_in(session: Session, competence_id: str | None) -> AdaptedElement:
    found = session.competence(competence_id or "")
    assert isinstance(found, AdaptedElement)
    return found


async def test_step2_keys_decide_level_priority_and_reword(tmp_path: Path) -> None:
    session, path, app = opened_at(tmp_path, 2)
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(BasicList)
        listing.focus()
        basic_id = listing.basic_id
        assert basic_id is not None
        await pilot.press("n")
        assert basic_in(session, basic_id).included is False
        await pilot.press("4")  # a level includes it again, with that minimum
        basic = basic_in(session, basic_id)
        assert basic.included is True and basic.min_level == 4
        await pilot.press("l")
        assert basic.priority == Priority.LOW
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#basic-wording", Input)
        app.screen.query_one("#basic-wording", Input).value = ""
        await pilot.press(*HOSTILE, "enter")
        assert basic.local_wording == HOSTILE
        assert app.focused is listing
        assert HOSTILE in shown(app)
        on_disk = await saved_copy(app, path)
        assert basic_in(on_disk, basic_id).local_wording == HOSTILE
        assert basic_in(on_disk, basic_id).min_level == 4


async def test_step2_add_own_basic_competence(tmp_path: Path) -> None:
    session, path, app = opened_at(tmp_path, 2)
    before = len(session.basics)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.screen.query_one(BasicList).focus()
        await pilot.press("a", *"Digital borgerkontakt", "enter")
        assert len(session.basics) == before + 1
        own = session.basics[-1]
        assert own.title == "Digital borgerkontakt" and own.included
        assert app.screen.query_one(BasicList).basic_id == own.id
        on_disk = await saved_copy(app, path)
        assert on_disk.basics[-1].title == "Digital borgerkontakt"


async def test_step3_keep_drop_target_and_compose_profile(tmp_path: Path) -> None:
    session, path, app = opened_at(tmp_path, 3)
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(ElementList)
        listing.focus()
        element_id = listing.item_id
        assert element_id is not None
        await pilot.press("f")
        element = element_in(session, element_id)
        assert element.status == ElementStatus.DROPPED
        assert all(element_id not in p.elements for p in session.profiles)
        await pilot.press("b", "3")
        assert element.status == ElementStatus.KEPT and element.target_level == 3
        # A new local profile becomes the active one; space puts the element in it.
        await pilot.press("p", *HOSTILE, "enter")
        profile = session.profiles[-1]
        assert profile.name == HOSTILE
        await pilot.press("space")
        assert profile.elements == [element_id]
        assert HOSTILE in shown(app)
        await pilot.press("space")
        assert profile.elements == []
        on_disk = await saved_copy(app, path)
        assert on_disk.profiles[-1].name == HOSTILE
        assert element_in(on_disk, element_id).target_level == 3


async def test_step3_add_own_element_and_needed_headcount(tmp_path: Path) -> None:
    session, path, app = opened_at(tmp_path, 3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.screen.query_one(ElementList).focus()
        await pilot.press("a", *"Jobrettet samtale", "enter")
        own = [e for _, e in session.elements() if e.title == "Jobrettet samtale"]
        assert len(own) == 1 and own[0].status == ElementStatus.KEPT
        needed = app.screen.query_one("#profile-needed", Input)
        needed.focus()
        needed.value = "7"
        await pilot.pause()
        active = app.screen.query_one(BlocksEditor).active_profile
        assert active is not None
        assert present(session.profile(active)).needed == 7
        on_disk = await saved_copy(app, path)
        assert present(on_disk.profile(active)).needed == 7


async def test_escape_leaves_the_list_so_digits_change_step(tmp_path: Path) -> None:
    session, path, app = opened_at(tmp_path, 2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(BasicList)
        listing.focus()
        basic_id = listing.basic_id
        before = basic_in(session, basic_id).min_level
        await pilot.press("escape", "3")
        await pilot.pause()
        assert basic_in(session, basic_id).min_level == before
        assert session.current_step == 3
        await app.workers.wait_for_complete()


async def test_escape_leaves_the_rating_grid_too(tmp_path: Path) -> None:
    from fagworkshop.tui.steps.staff.rating_grid import RatingGrid

    session, path, app = opened_at(tmp_path, 4)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one(RatingGrid).focus()
        await pilot.press("escape", "5")
        await pilot.pause()
        assert session.current_step == 5
        await app.workers.wait_for_complete()


async def test_catalogue_text_names_the_publication_and_marks_local_elaboration(
    tmp_path: Path,
) -> None:
    """Steps 2 and 3 show the item's source as a publication and say when it is ours."""
    session, _path, app = opened_at(tmp_path, 3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(ElementList)
        element = element_in(session, listing.item_id)
        assert element.local_elaboration is True
        original = str(app.screen.query_one("#element-original", Static).render())
        assert "Kilde: Fremfærd (2019): Sådan arbejder I med faglige profiler" in original
        assert "Lokal uddybning" in original
        assert ".txt" not in original


async def test_catalogue_text_of_a_publisher_s_item_is_not_marked(tmp_path: Path) -> None:
    session, _path, app = opened_at(tmp_path, 2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        basic = basic_in(session, app.screen.query_one(BasicList).basic_id)
        assert not basic.local_elaboration
        original = str(app.screen.query_one("#basic-original", Static).render())
        assert "Kilde: " in original and "Lokal uddybning" not in original
