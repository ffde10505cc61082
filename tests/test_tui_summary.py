"""Step 7, Opsamling: the one-screen summary, mark agreed, follow-up round, exports."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from fagworkshop.domain import changes
from fagworkshop.domain.session import Status
from fagworkshop.generate import generate_session
from fagworkshop.store.reading import load_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.summary.view import SummaryStep, summary_sections
from support.harness import open_saved

HOSTILE = "[bold red]x[/] y [/"


def opened(tmp_path: Path, rounds: int = 1) -> tuple[FagworkshopApp, Path]:
    session = generate_session(staff=4, competences=8, rounds=rounds, seed=3)
    changes.add_decision(session, 2, HOSTILE)
    session.profiles[0].name = HOSTILE
    session.current_step = 7
    return open_saved(tmp_path, session, "sum.toml")


def sections_text(app: FagworkshopApp) -> str:
    return str(app.screen.query_one("#summary-sections", Static).render())


async def test_summary_agreed_follow_up_and_export(tmp_path: Path) -> None:
    app, path = opened(tmp_path)
    async with app.run_test(size=(100, 32), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert isinstance(app.current_view(), SummaryStep)
        text = sections_text(app)
        assert HOSTILE in text and "Aftaler" in text and "Lokale profiler" in text
        s = app.session
        assert s is not None
        # mark agreed: "no" changes nothing, "yes" records today
        await pilot.click("#summary-agreed")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert s.status == Status.IN_PROGRESS
        await pilot.click("#summary-agreed")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert s.status == Status.AGREED and s.agreed_on is not None
        assert "Aftalt" in str(app.screen.query_one("#summary-status", Static).render())
        # follow-up round, then the comparison appears
        rounds = len(s.rounds)
        await pilot.click("#summary-follow-up")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(s.rounds) == rounds + 1
        assert "Ændring fra runde" in sections_text(app)
        # exports go to eksport/ in the sessions folder (issue 15 item 8; they used to
        # go beside the session file, where the home screen listed them)
        view = app.current_view()
        assert isinstance(view, SummaryStep)
        view.export("md")
        await app.workers.wait_for_complete()
        view.export("csv")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "eksport" / "sum.md").is_file()
        assert (tmp_path / "eksport" / "sum.csv").is_file()
        assert not path.with_name("sum.md").exists()
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    saved = load_session(path)
    assert saved.status == Status.AGREED and len(saved.rounds) == rounds + 1


def test_sections_show_change_per_person_with_two_rounds() -> None:
    session = generate_session(staff=3, competences=6, rounds=2, seed=4)
    headings = [h for h, _ in summary_sections(session)]
    assert any(h.startswith("Ændring fra runde 1 til runde 2") for h in headings)
