"""The workshop screen (arbejdsskærmen): step bar, save status, the current step, footer.

The screen holds what its bars show as reactives (``step``, ``progress``, ``save``);
the app sets them after a change or a save, and the step bar and the save status
are bound to them. The focus rule lives here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, ScrollableContainer
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Header, Input, Select, TextArea

from fagworkshop.domain.progress import Progress
from fagworkshop.domain.session import Step
from fagworkshop.tui.app_screen import AppScreen
from fagworkshop.tui.prebuild import ViewBuilder
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.widgets.quick_footer import QuickFooter
from fagworkshop.tui.widgets.save_status import SaveBanner, SaveInfo, SaveStatus
from fagworkshop.tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    pass

#: Widgets where every printable key types (Esc leaves them for the step's main list).
TEXT_FIELDS: tuple[type[Widget], ...] = (Input, TextArea, Select)


def _in_hidden_step(widget: Widget) -> bool:
    """Whether ``widget`` is inside a step view that is not shown."""
    return any(
        isinstance(node, StepView) and not node.display for node in widget.ancestors_with_self
    )


class WorkshopScreen(AppScreen):
    """The screen of an open workshop: step bar, the current step, save status.

    The focus rule (fokus): in a text field every printable key types; Esc leaves it for
    the step's main list or grid, and Esc there lets go of the keyboard, so digits move
    between steps. Nothing is focused behind the facilitator's back: no auto-focus when
    the palette, a dialog or the help closes (the widget that had the focus keeps it,
    its text not selected), and Tab skips containers that only scroll and widgets that
    are not drawn.
    """

    # Auto-focus on resume put the first field (jobcenter) under the cursor, text selected.
    AUTO_FOCUS = ""

    BINDINGS = [Binding("escape", "leave_field", show=False)]

    # The screen draws none of these itself: the bars bound to them redraw. A repaint of
    # the screen on each change redrew every widget on it, at every key in the grid.
    #: The step the team is on, and how far each step has come (the step bar shows them).
    step: reactive[Step] = reactive(Step.FRAME, repaint=False)
    progress: reactive[dict[Step, Progress]] = reactive(dict, repaint=False)
    #: What the file holds (the save status and the banner show it).
    save: reactive[SaveInfo] = reactive(SaveInfo, repaint=False)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        if widget is not None and _in_hidden_step(widget):
            # a step view built or kept hidden (tui.prebuild) never takes the keyboard:
            # its body's own focus on mount would pull it away from the step on screen
            return
        if isinstance(widget, Input):
            # Tab into a field must not select its text: the next digit replaced it, saved
            # (walked in a real terminal: Tab, 3 made the jobcenter "3")
            widget.select_on_focus = False
        super().set_focus(widget, scroll_visible, from_app_focus)

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab's order, without containers that only scroll and widgets not drawn."""
        view = self.workshop.current_view()
        main = view.main_widget() if view is not None else None

        def worth_a_stop(widget: Widget) -> bool:
            if widget is self.focused or widget is main or widget.has_class("-scroll-stop"):
                return True  # "-scroll-stop": a list that scrolls by keyboard (step 5)
            if widget.region.area == 0:
                return False
            return not (
                isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView)
            )

        return [w for w in super().focus_chain if worth_a_stop(w)]

    def action_leave_field(self) -> None:
        """Esc: from a text field to the step's main list; from anywhere else, let go."""
        focused = self.focused
        view = self.workshop.current_view()
        main = view.main_widget() if view is not None else None
        if isinstance(focused, TEXT_FIELDS) and main is not None and main is not focused:
            main.focus()
        else:
            self.set_focus(None)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="top-row"):
            yield StepBar(id="step-bar").data_bind(
                current=WorkshopScreen.step, progress=WorkshopScreen.progress
            )
            yield SaveStatus().data_bind(info=WorkshopScreen.save)
        yield SaveBanner().data_bind(info=WorkshopScreen.save)
        yield Container(id="step-host")
        yield QuickFooter()  # Textual's Footer, rebuilt only when its keys change

    #: Builds the other steps' views in idle time (``tui.prebuild``), when the app does.
    builder: ViewBuilder | None = None

    def on_mount(self) -> None:
        app = self.workshop
        if not app.panel_chosen:
            # below 100 columns the step's own work needs the width; F2 shows the panel
            app.panel_visible = app.size.width >= 100
        app.show_step(app.current_step, remember=False)
        app.update_save_status()
        if app.prebuild_views:
            self.builder = ViewBuilder(app, self.query_one("#step-host", Container))
            self.builder.start()

    def on_unmount(self) -> None:
        if self.builder is not None:
            self.builder.stop()

    def relabel(self) -> None:
        """Say the step bar and the save status again in the current language (their
        state did not change, so nothing else draws them again)."""
        for bar in self.query(StepBar):
            bar.refresh()
        for widget in self.query(SaveStatus):
            widget.relabel()
        for banner in self.query(SaveBanner):
            banner.relabel()
