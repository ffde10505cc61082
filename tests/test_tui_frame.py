"""Step 1, Ramme: frame fields and participants through the screen, shown literally."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Button, Input, OptionList, Select, TextArea

from fagworkshop.generate import generate_session
from fagworkshop.store.reading import load_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.frame.view import FrameStep
from support.harness import open_saved

HOSTILE = "[bold red]x[/] y [/"


def opened(tmp_path: Path) -> tuple[FagworkshopApp, Path]:
    session = generate_session(staff=2, competences=4, rounds=1, seed=1)
    return open_saved(tmp_path, session, "frame.toml")


async def test_frame_fields_and_participants(tmp_path: Path) -> None:
    app, path = opened(tmp_path)
    async with app.run_test(size=(100, 32), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        view = app.current_view()
        assert isinstance(view, FrameStep)
        s = app.session
        assert s is not None
        screen = app.screen
        jobcenter = screen.query_one("#frame-jobcenter", Input)
        jobcenter.focus()
        # focus no longer selects the text (issue 11: a digit replaced it): clear it first
        jobcenter.value = ""
        await pilot.press(*"Jobcenter Å")
        unit = screen.query_one("#frame-unit", Input)
        unit.focus()
        unit.value = ""
        await pilot.press(*HOSTILE)
        date_field = screen.query_one("#frame-date", Input)
        date_field.focus()
        date_field.value = ""
        await pilot.press(*"2026-12-01", "enter")
        assert s.frame.jobcenter == "Jobcenter Å" and s.frame.unit == HOSTILE
        assert s.frame.date == dt.date(2026, 12, 1)
        # a bad date is refused with a message, the old one stays
        date_input = screen.query_one("#frame-date", Input)
        date_input.value = "1. dec"
        await pilot.press("enter")
        assert s.frame.date == dt.date(2026, 12, 1)
        screen.query_one("#frame-core-task", TextArea).focus()
        await pilot.press(*"Vi hjælper borgere i job")
        screen.query_one("#frame-purpose", Select).value = "both"
        await pilot.pause()
        assert s.frame.purpose.value == "both"
        # participants: add two, edit one, remove one
        screen.query_one("#participant-name", Input).focus()
        await pilot.press(*HOSTILE, "tab", *"leder", "enter")
        screen.query_one("#participant-name", Input).focus()
        await pilot.press(*"Bo", "enter")
        assert [(p.name, p.role) for p in s.frame.participants] == [(HOSTILE, "leder"), ("Bo", "")]
        listing = screen.query_one("#participant-list", OptionList)
        assert HOSTILE in str(listing.get_option_at_index(0).prompt)
        listing.highlighted = 1
        await pilot.pause()
        screen.query_one("#participant-role", Input).value = "TR"
        await pilot.click("#participant-save")
        assert s.frame.participants[1].role == "TR"
        listing.highlighted = 0
        await pilot.pause()
        await pilot.click("#participant-remove")
        assert [p.name for p in s.frame.participants] == ["Bo"]
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    saved = load_session(path)
    assert saved.frame.core_task == "Vi hjælper borgere i job"
    assert saved.frame.unit == HOSTILE and saved.frame.purpose.value == "both"
    assert [p.role for p in saved.frame.participants] == ["TR"]


async def test_frame_shows_catalogue_and_hostile_values_literally(tmp_path: Path) -> None:
    app, _ = opened(tmp_path)
    assert app._start_session is not None
    app._start_session.frame.jobcenter = HOSTILE
    app._start_session.frame.catalogue_title = HOSTILE
    async with app.run_test(size=(80, 24), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#frame-jobcenter", Input).value == HOSTILE
        assert HOSTILE in str(app.screen.query_one("#frame-catalogue").render())
        assert app.screen.query(Button)
        await app.workers.wait_for_complete()


def test_filling_participants_of_a_view_without_children_does_not_crash() -> None:
    """Leaving step 1 at once on a busy machine removed the list before on_mount filled it."""
    from fagworkshop.tui.steps.frame.view import FrameStep

    view = FrameStep()
    view._fill_participants()  # no children composed: nothing to fill, no NoMatches
