"""The footer (issue 13): it keeps its key widgets and relabels them after a change of step,
focus or language, and then shows exactly what Textual's own compose of the same bindings
shows."""

from __future__ import annotations

from typing import Any

from textual.widgets._footer import FooterKey

from fagworkshop import i18n
from fagworkshop.domain import changes
from fagworkshop.domain.session import Step
from fagworkshop.generate import generate_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.widgets.quick_footer import QuickFooter, Shown, key_of
from support.harness import after_refresh, at_step

SIZE = (200, 48)


def _shown(app: FagworkshopApp) -> list[Shown]:
    return [key_of(k) for k in app.screen.query_one(QuickFooter).query(FooterKey)]


async def _composed(app: FagworkshopApp) -> list[Shown]:
    """What Textual's Footer composes for the bindings now (the footer composed anew)."""
    footer = app.screen.query_one(QuickFooter)
    with footer._context():  # as when Textual recomposes it: its keys bind to the footer
        await footer.recompose()
    return _shown(app)


async def _settled(app: FagworkshopApp, pilot: Any) -> None:
    """The bindings signal handled, and the keys it mounted or removed gone through."""
    for _ in range(3):
        await pilot.pause()
    await after_refresh(app.screen.query_one(QuickFooter))


async def test_after_every_switch_the_footer_shows_what_a_fresh_one_would() -> None:
    """Each step has its own keys (and the focus its own), so a switch changes how many
    keys there are and what each says: relabelled, added and removed in place, the
    footer must still match a footer composed from scratch, key for key, in order."""
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=SIZE) as pilot:
        seen: set[int] = set()
        for step in [1, 4, 2, 5, 3, 6, 7, 1, 7, 4]:
            await at_step(app, step)
            await _settled(app, pilot)
            relabelled = _shown(app)
            seen.add(len(relabelled))
            assert relabelled == await _composed(app), Step(step)
        assert len(seen) > 1  # the steps do differ in how many keys they show
        await app.workers.wait_for_complete()


async def test_the_footer_follows_the_focus_and_the_language() -> None:
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session, lang="da")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await at_step(app, 4)
            await _settled(app, pilot)
            app.screen.set_focus(None)  # the grid lets go of the keyboard: other keys
            await _settled(app, pilot)
            assert _shown(app) == await _composed(app)
            app.action_toggle_language()
            await _settled(app, pilot)
            await at_step(app, 4)
            await _settled(app, pilot)
            english = _shown(app)
            assert english == await _composed(app)
            assert any(k.description == "Commands" for k in english)
            await app.workers.wait_for_complete()
    finally:
        i18n.set_language("da")


async def test_a_switch_keeps_the_key_widgets() -> None:
    """Was: every switch composed all the keys anew (20 to 45 ms of composing and styling
    at 300 staff, then a layout of the screen). A view shown before (or built in idle
    time) takes the keyboard at once, so the keys change once: relabelled, one added."""
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=SIZE) as pilot:
        for step in (3, 2):  # both views kept from here on
            await at_step(app, step)
            await _settled(app, pilot)
        before = list(app.screen.query(FooterKey))
        await at_step(app, 3)
        await _settled(app, pilot)
        after = list(app.screen.query(FooterKey))
        kept = [k for k in after if k in before]
        assert len(kept) >= min(len(before), len(after)) - 1  # at most the count changes
        assert _shown(app) == await _composed(app)
        await app.workers.wait_for_complete()


async def test_a_relabelled_key_is_shown_with_the_change_itself() -> None:
    """The undo key names the last change; only its text changes, so it is relabelled as
    soon as the bindings signal comes (drawn in the change's own frame), not in a pass
    after the next frame."""
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=SIZE) as pilot:
        await at_step(app, 1)
        await _settled(app, pilot)
        footer = app.screen.query_one(QuickFooter)
        later: list[object] = []
        original = footer.call_after_refresh

        def spy(callback: Any, *args: Any, **kwargs: Any) -> bool:
            later.append(callback)
            return original(callback, *args, **kwargs)

        footer.call_after_refresh = spy  # type: ignore[method-assign]
        app.apply(changes.set_frame_text, "jobcenter", "Jobcenter Nord")
        await pilot.pause()
        undo = next(k for k in footer.query(FooterKey) if k.key == "ctrl+z")
        assert "Fortryd:" in undo.description
        assert later == []  # nothing left for after the frame
        await app.workers.wait_for_complete()
