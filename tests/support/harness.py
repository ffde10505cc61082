"""The one Pilot harness for app tests: no test waits on the clock.

- ``open_saved``: the real app on a session saved to a file (autosave on).
- ``at_step``: show a step and await its view being mounted (not a pause).
- ``saved_copy``: await the pending save and read the file back; ``outside_change``:
  the open file edited by hand, and the question that raises.
- ``screen_text``: what the screen shows, as text; ``footer_says``: await the footer's keys.
- ``BodyHost``: one step body hosted with the app's contract in small
  (``WorkshopHost``: session, apply, try_apply, show_step, flush_saves), for
  testing a step body without the whole app.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import AwaitMount, Widget

from fagworkshop.domain import changes
from fagworkshop.domain.changes import ChangeError
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.aspects import aspect_of
from fagworkshop.tui.controller import Applied, Refused
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.choice import ChoiceModal


def open_saved(
    tmp_path: Path, session: Session, name: str = "w.toml"
) -> tuple[FagworkshopApp, Path]:
    """The app on ``session``, saved first as ``tmp_path/name``; and that path."""
    path = tmp_path / name
    save_session(session, path)
    return FagworkshopApp(sessions_dir=tmp_path, path=path, session=session), path


async def at_step(app: FagworkshopApp, step: int) -> StepView:
    """Show ``step`` and wait until its view is mounted (a kept view already is)."""
    app.show_step(step)
    view = app.current_view()
    assert isinstance(view, StepView) and int(view.step) == step, (step, view)
    # Textual's own awaitable for a mount (show_step mounts a new view and drops it);
    # its first argument is only refreshed afterwards.
    await AwaitMount(view, [view])
    await after_refresh(view)
    return view


async def after_refresh(widget: Widget) -> None:
    """Wait until the messages now queued are handled and the screen is laid out again."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def refreshed() -> None:
        if not done.done():
            done.set_result(None)

    widget.call_after_refresh(refreshed)
    await done


async def outside_change(app: FagworkshopApp, path: Path) -> ChoiceModal:
    """Edit the open file by hand ("mit" becomes "deres") between two changes; the second
    change finds it and raises the outside-change question, returned."""
    app.apply(changes.add_decision, 1, "mit")
    await app.flush_saves()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("mit", "deres"), encoding="utf-8")
    app.apply(changes.add_decision, 1, "mere")
    await app.flush_saves()
    await app.workers.wait_for_complete()
    screen = app.screen
    assert isinstance(screen, ChoiceModal)
    return screen


async def saved_copy(app: FagworkshopApp, path: Path) -> Session:
    """Save what is pending, wait until it is on disk, and load the file."""
    await app.flush_saves()
    return load_session(path)


def screen_text(app: App[Any]) -> str:
    """The screen as the user reads it (the SVG export's text, spaces restored)."""
    return app.export_screenshot().replace("&#160;", " ")


async def footer_says(pilot: Pilot[Any], *texts: str, tries: int = 50) -> str:
    """Wait until the screen (its footer) shows every one of ``texts``; the screen's text.

    The footer rebuilds its keys after the frame that shows a change of focus or step
    (``QuickFooter``), so one pause is not always enough: this waits through idle steps
    (``pilot.pause()``), never the clock, and fails after ``tries`` of them.
    """
    shown = screen_text(pilot.app)
    for _ in range(tries):
        if all(text in shown for text in texts):
            return shown
        await pilot.pause()
        shown = screen_text(pilot.app)
    raise AssertionError(f"the screen never showed {texts!r}")


BodyT = TypeVar("BodyT", bound=Widget)


class BodyHost(App[None], Generic[BodyT]):
    """One step body with the app's contract in small: ``session``; ``apply`` runs a change,
    says a refused one the way the app does, and refreshes the body; ``applied`` names
    the changes that went through, in order."""

    def __init__(self, session: Session, body: type[BodyT]) -> None:
        super().__init__()
        self.session = session
        self.body_type = body
        self.applied: list[str] = []
        self.steps_shown: list[int] = []
        self.session_path: Path | None = None  # no file
        self.sessions_dir: Path | None = None
        self.timebox_ends: dict[int, float] = {}

    def compose(self) -> ComposeResult:
        yield self.body_type()

    @property
    def body(self) -> BodyT:
        return self.query_one(self.body_type)

    def try_apply(self, change: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            value = change(self.session, *args, **kwargs)
        except ChangeError as err:
            reason = t(err.key, **err.params)
            self.notify(reason, severity="error", markup=False)
            return Refused(reason)
        self.applied.append(getattr(change, "__wrapped__", change).__name__)
        aspect = aspect_of(change)
        body: Any = self.body  # every step body has refresh_from_session
        body.refresh_from_session(aspect)
        return Applied(value, aspect)

    def apply(self, change: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        outcome = self.try_apply(change, *args, **kwargs)
        return outcome.value if isinstance(outcome, Applied) else None

    def show_step(self, step: int, remember: bool = True) -> None:
        self.steps_shown.append(step)

    async def flush_saves(self) -> None:
        """Nothing is saved here: the host has no file."""
