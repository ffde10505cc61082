"""The notes panel: its headings, and a step shown again not rebuilding what did not change."""

from __future__ import annotations

from pathlib import Path

from fagworkshop.domain import changes
from fagworkshop.generate import generate_session
from fagworkshop.tui.widgets.notes_panel import DecisionList
from support.harness import at_step, open_saved, screen_text


def _rebuilds(listing: DecisionList) -> list[int]:
    """Count the list's rebuilds (``clear_options`` calls) from now on."""
    calls: list[int] = []
    original = listing.clear_options

    def counted() -> DecisionList:
        calls.append(1)
        return original()

    listing.clear_options = counted  # type: ignore[method-assign]
    return calls


async def test_headings_read_in_both_languages(tmp_path: Path) -> None:
    app, _ = open_saved(tmp_path, generate_session(staff=3, competences=6, rounds=1, seed=2))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Noter" in text and "Aftaler" in text and "Tidsramme" in text
        app.action_toggle_language()
        await at_step(app, 1)
        await pilot.pause()
        text = screen_text(app)
        assert "Notes" in text and "Decisions" in text and "Timebox" in text
        assert "No decisions yet." in text
        await app.workers.wait_for_complete()


async def test_a_step_shown_again_keeps_its_decision_list(tmp_path: Path) -> None:
    session = generate_session(staff=3, competences=6, rounds=1, seed=2)
    changes.add_decision(session, 1, "Første aftale", None)
    app, _ = open_saved(tmp_path, session)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        listing = app.current_view().query_one("#decision-list", DecisionList)
        rebuilds = _rebuilds(listing)
        await at_step(app, 2)
        app.apply(changes.set_step_notes, 2, "ændret")  # an edit elsewhere: step 1 missed it
        await at_step(app, 1)
        assert rebuilds == []  # same lines: not cleared and filled again
        app.apply(changes.add_decision, 1, "Anden aftale", None)
        await pilot.pause()
        assert rebuilds == [1] and listing.option_count == 2
        assert "Anden aftale" in screen_text(app)
        await app.workers.wait_for_complete()
