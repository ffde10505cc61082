"""End to end: home -> new workshop -> all seven steps -> agreed -> quit -> reopen,
all as it was."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from fagworkshop.domain import changes
from fagworkshop.domain.session import Status
from fagworkshop.store.reading import load_session
from fagworkshop.tui.app import FagworkshopApp, WorkshopScreen
from fagworkshop.tui.home import builtin_catalogues

HOSTILE = "[bold red]x[/] y [/"


async def test_a_whole_small_workshop(tmp_path: Path) -> None:
    assert builtin_catalogues(), "the built-in catalogues ship with the package"
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(100, 32), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        # home: a new workshop
        app.screen.query_one("#new-title", Input).focus()
        await pilot.press(*"Workshop E2E")
        app.screen.query_one("#new-unit", Input).value = "Team Match"
        await pilot.click("#new-create")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        s = app.session
        assert s is not None and app.current_view().step == 1
        # step 1: a participant and a decision typed on screen
        app.screen.query_one("#participant-name", Input).focus()
        await pilot.press(*HOSTILE, "enter")
        app.screen.query_one("#decision-input", Input).focus()
        await pilot.press(*"Vi bruger fagprofilerne", "enter")
        assert s.step(1).decisions[0].text == "Vi bruger fagprofilerne"
        # steps 2-6: visit each and make one change
        from fagworkshop.domain import adapt

        basic_id = s.basics[0].id
        element_id = next(e.id for _, e in s.elements())
        for step in range(2, 7):
            app.screen.set_focus(None)
            await pilot.press(str(step))
            await pilot.pause()
            assert s.current_step == step
            view = app.current_view()
            assert view.step == step
            if step == 2:
                app.apply(adapt.decide_basic, basic_id, True)
            elif step == 3:
                profile_id = app.apply(adapt.add_profile, "Matchkonsulent", 2)
                app.apply(adapt.set_element_status, element_id, "kept")
                app.apply(adapt.toggle_profile_element, profile_id, element_id)
            elif step == 4:
                person_id = app.apply(changes.add_person, "Bo", "BO", "", [profile_id])
                app.apply(changes.set_rating, person_id, basic_id, s.level_numbers()[-1])
            elif step == 6:
                app.apply(
                    changes.add_action,
                    "on_the_job",
                    "Sidemandsoplæring",
                    for_whom=[person_id],
                    competences=[element_id],
                )
        # step 7: agreed, with confirmation
        app.screen.set_focus(None)
        await pilot.press("7")
        await pilot.pause()
        await pilot.click("#summary-agreed")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert s.status == Status.AGREED
        await pilot.press("ctrl+pageup")  # leave it on step 6
        await pilot.pause()
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
    path = next(tmp_path.glob("*.toml"))
    saved = load_session(path)
    assert saved.title == "Workshop E2E" and saved.frame.unit == "Team Match"
    assert [p.name for p in saved.frame.participants] == [HOSTILE]
    assert saved.step(1).decisions[0].text == "Vi bruger fagprofilerne"
    assert saved.basics[0].included is True
    assert saved.profiles[0].name == "Matchkonsulent" and saved.profiles[0].needed == 2
    assert saved.staff[0].name == "Bo" and saved.actions[0].title == "Sidemandsoplæring"
    assert saved.status == Status.AGREED and saved.agreed_on is not None
    assert saved.current_step == 6
    # reopen from home: it lands on step 6 with everything there
    again = FagworkshopApp(sessions_dir=tmp_path)
    async with again.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        listing = again.screen.query_one("#resume-list", OptionList)
        listing.focus()
        listing.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert again.current_view().step == 6
        assert again.session is not None
        assert again.session.model_dump(exclude={"updated"}) == saved.model_dump(
            exclude={"updated"}
        )
        await pilot.press("ctrl+q")
        await again.workers.wait_for_complete()
