"""The step views (trin), one class per step, and showing a step in the workshop screen.

Each step is a package here (``frame``, ``basic``, ``blocks``, ``staff``, ``gaps``,
``plan``, ``summary``) holding its view (``view.py``, exported by the package), its
body and the widgets only it uses; :data:`STEP_VIEWS` says which class shows which step.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Final

from textual.widget import AwaitMount, Widget

from fagworkshop import i18n
from fagworkshop.domain.session import Step
from fagworkshop.tui.steps.base import StepView


class StepViews(Mapping[Step, type[StepView]]):
    """The view class of every step, in step order, each imported when first asked for.

    Only the step on screen is needed for the first frame: the other six views' modules
    (and what only they use) load when their view is first built, in idle time after
    the start (``tui.prebuild``) or on the first visit. Importing them all at start-up
    cost about 69 M instructions of ``fagworkshop demo``'s cold start (2%; issue 13).
    """

    #: The package and class of each step's view, in step order.
    WHERE: Final[Mapping[Step, tuple[str, str]]] = {
        Step.FRAME: ("frame", "FrameStep"),
        Step.BASIC: ("basic", "BasicStep"),
        Step.BLOCKS: ("blocks", "BlocksStep"),
        Step.STAFF: ("staff", "StaffStep"),
        Step.GAPS: ("gaps", "GapsStep"),
        Step.PLAN: ("plan", "PlanStep"),
        Step.SUMMARY: ("summary", "SummaryStep"),
    }

    def __getitem__(self, step: Step) -> type[StepView]:
        package, name = self.WHERE[Step(step)]
        view = getattr(importlib.import_module(f"{__name__}.{package}"), name)
        assert isinstance(view, type) and issubclass(view, StepView)
        return view

    def __iter__(self) -> Iterator[Step]:
        return iter(self.WHERE)

    def __len__(self) -> int:
        return len(self.WHERE)


#: The view class of every step, in step order (imported on first use: ``StepViews``).
STEP_VIEWS: Final[Mapping[Step, type[StepView]]] = StepViews()


def create_step_view(step: Step) -> StepView:
    """A new view of ``step``."""
    return STEP_VIEWS[Step(step)]()


def kept_views(host: Widget) -> list[StepView]:
    """The step views mounted in ``host``: the one shown and those kept hidden."""
    return [child for child in host.children if isinstance(child, StepView)]


def show_step_view(host: Widget, step: Step, edits: int | None = None) -> StepView:
    """Show ``step`` in ``host``: its kept view, refreshed, or a new one mounted.

    The views of steps already shown stay mounted, hidden (``display: none``
    costs no layout and no drawing), so going back to a step only refreshes it
    from the session instead of composing it anew: at 300 staff composing the
    plan or gaps step took most of a second (issue 13). Views of steps not yet
    visited are built hidden in idle time (``tui.prebuild``) and shown the same
    way. A view built in another language is built again. ``edits`` counts the
    changes to the session other than step switches: a kept view is refreshed
    only when it moved since the view was hidden (None: always), and then only
    in what it shows of the aspects changed meanwhile (``StepView.missed``).
    """
    kept = kept_views(host)
    view = next((v for v in kept if v.step == step and v.built_in == i18n.language()), None)
    for other in kept:
        if other is view:
            continue
        if other.step == step:  # the same step in the old language
            other.remove()
        else:
            focused = host.app.focused
            if focused is not None and other in focused.ancestors_with_self:
                host.app.set_focus(None)  # never leave the keyboard in a hidden view
            if other.display:
                other.hidden()
    if view is None:
        view = create_step_view(step)
        view.shown_at(edits)  # composed from the session as it is now
        host.mount(view)
    else:
        view.shown_again(edits)
    return view


def missing_step(host: Widget, near: Step) -> Step | None:
    """The step nearest ``near`` (the next before the previous) with no view in ``host``
    in the current language, if any: the one the team is likeliest to go to next."""
    have = {v.step for v in kept_views(host) if v.built_in == i18n.language()}
    missing = [step for step in Step if step not in have]
    return min(missing, key=lambda s: (abs(int(s) - int(near)), s < near), default=None)


def build_hidden_view(host: Widget, step: Step, edits: int | None) -> AwaitMount:
    """Mount a view of ``step`` hidden, ready to be shown (``tui.prebuild``); a view of it
    in another language goes. Awaiting the result waits until it is composed."""
    for old in kept_views(host):
        if old.step == step and not old.display:
            old.remove()
    view = create_step_view(step)
    view.was_shown = False
    view.hidden()
    view.shown_at(edits)  # composed from the session as it is now, shown later
    return host.mount(view)
