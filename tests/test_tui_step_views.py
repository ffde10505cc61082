"""Step views: kept between visits (issue 13), shown again refreshed, never stale; each in
the package named after its step (issue 10)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.widgets import Input

from fagworkshop.domain import changes
from fagworkshop.domain.session import Step
from fagworkshop.generate import generate_session
from fagworkshop.tui import steps
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps import STEP_VIEWS
from fagworkshop.tui.steps.base import StepView
from support.harness import at_step


async def test_a_step_shown_again_is_the_same_view_refreshed() -> None:
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)):
        first = await at_step(app, 1)
        await at_step(app, 3)
        assert not first.display  # kept, hidden
        app.apply(changes.set_frame_text, "jobcenter", "Jobcenter Nord")  # made elsewhere
        again = await at_step(app, 1)
        assert again is first and again.display
        assert again.query_one("#frame-jobcenter", Input).value == "Jobcenter Nord"
        shown = [v for v in app.screen.query(StepView) if v.display]
        assert shown == [again]
        assert app.focused is None or again in app.focused.ancestors_with_self


async def test_a_language_switch_builds_the_views_again() -> None:
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=(160, 48)) as pilot:
        danish = await at_step(app, 2)
        await at_step(app, 1)
        app.action_toggle_language()
        await pilot.pause()
        english = await at_step(app, 2)
        assert english is not danish
        assert len([v for v in app.screen.query(StepView) if int(v.step) == 2]) == 1
        app.action_toggle_language()
        await pilot.pause()


async def test_the_footer_relabels_its_keys_instead_of_rebuilding_them() -> None:
    """Was: Textual's Footer composed every key anew on each change of the undo label."""
    from textual.widgets._footer import FooterKey

    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        await at_step(app, 1)
        await pilot.pause()
        before = {k.key: k for k in app.screen.query(FooterKey)}
        app.apply(changes.set_frame_text, "jobcenter", "Jobcenter Nord")
        await pilot.pause()
        await pilot.pause()
        after = {k.key: k for k in app.screen.query(FooterKey)}
        assert after.keys() == before.keys()
        assert all(after[key] is before[key] for key in before)  # the same widgets
        assert "Fortryd:" in after["ctrl+z"].description


def test_each_step_view_comes_from_the_package_named_after_its_step() -> None:
    for step in Step:
        view = STEP_VIEWS[step]
        package = importlib.import_module(f"fagworkshop.tui.steps.{step.key}")
        assert view.__module__ == f"{package.__name__}.view", step
        assert package.__all__ == [view.__name__] and getattr(package, view.__name__) is view


def test_no_step_body_calls_itself_a_panel() -> None:
    """'Panel' is the notes sidebar (widgets/notes_panel.py) and nothing else."""
    panels = []
    for found in pkgutil.walk_packages(steps.__path__, f"{steps.__name__}."):
        module = importlib.import_module(found.name)
        panels += [
            f"{module.__name__}.{name}"
            for name, member in vars(module).items()
            if inspect.isclass(member)
            and member.__module__ == module.__name__
            and "panel" in name.lower()
        ]
    assert panels == []


async def test_every_step_view_runs_the_base_on_mount_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual calls the ``on_mount`` of every class along the MRO itself: a view that
    also called ``super().on_mount()`` ran ``StepView.on_mount`` twice, with two
    countdown timers (steps 1 and 7 did; failed before: 2 for them). The same for the
    list-and-detail bodies of steps 2 and 3 (``ListDetail.on_mount``)."""
    from fagworkshop.tui.widgets.list_detail import ListDetail

    mounted: list[str] = []
    view_mount, body_mount = StepView.on_mount, ListDetail.on_mount

    def count_view(self: StepView) -> None:
        mounted.append(f"view {int(self.step)}")
        view_mount(self)

    def count_body(self: ListDetail) -> None:
        mounted.append(f"body {type(self).__name__}")
        body_mount(self)

    monkeypatch.setattr(StepView, "on_mount", count_view)
    monkeypatch.setattr(ListDetail, "on_mount", count_body)
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)):
        for step in Step:
            await at_step(app, int(step))
    views = [m for m in mounted if m.startswith("view")]
    assert sorted(views) == sorted(f"view {int(s)}" for s in Step), mounted
    assert sorted(m for m in mounted if m.startswith("body")) == [
        "body BasicEditor",
        "body BlocksEditor",
    ], mounted
