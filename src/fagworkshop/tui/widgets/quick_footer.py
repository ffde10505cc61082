"""The footer (bundlinje): Textual's, rebuilt only when its keys change.

Textual's ``Footer`` composes all its key widgets anew whenever the bindings
may have changed: on every focus change and on every change that relabels a
key (the undo key names the last change, so every rating). At 300 staff that
rebuild was the largest part of a step switch and a good part of a digit key
(issue 13). This footer rebuilds only when the keys shown change; when only
their descriptions do, it relabels the key widgets it has.
"""

from __future__ import annotations

from collections import defaultdict

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class QuickFooter(Footer):
    """A ``Footer`` that relabels its keys in place when only their texts change."""

    _layout: tuple[tuple[str, str, bool], ...] | None = None

    def _shown(self) -> list[tuple[Binding, bool]]:
        """The first binding of each action shown, in the order ``Footer.compose`` uses."""
        by_action: defaultdict[str, list[tuple[Binding, bool]]] = defaultdict(list)
        for _, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        return [items[0] for items in by_action.values()]

    @staticmethod
    def _layout_of(shown: list[tuple[Binding, bool]]) -> tuple[tuple[str, str, bool], ...]:
        return tuple((b.key, b.action, enabled) for b, enabled in shown)

    def compose(self) -> ComposeResult:
        # The keys are in the first frame: Textual's Footer composes none until the
        # screen's first bindings signal, then draws them after one more layout (a frame
        # later; issue 13). When the signal finds the same keys, they are only relabelled.
        self._bindings_ready = True
        self._layout = self._layout_of(self._shown())
        for widget in super().compose():
            _born_compact(widget, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        shown = self._shown()
        layout = self._layout_of(shown)
        every = list(self.query(FooterKey))
        keys = [k for k in every if not k.has_class("-command-palette")]
        grouped = any(b.group is not None for b, _ in shown)
        if layout == self._layout and len(keys) == len(shown) and not grouped:
            for widget, (binding, _) in zip(keys, shown, strict=True):
                _relabel(widget, binding.description)
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            for widget in every:
                if palette is not None and widget.has_class("-command-palette"):
                    _relabel(widget, palette.binding.description)  # its text follows the language
            return
        self._layout = layout
        if not self._rebuild_due:
            # one rebuild for a burst of changes: a step switch lets go of the focus and
            # gives it to the new step's list, two changes of keys a moment apart, and
            # each rebuild cost 30 to 160 ms at 300 staff (issue 13)
            self._rebuild_due = True
            # after the frame that shows the change (a new step's content comes first)
            self.call_after_refresh(self.call_after_refresh, self._rebuild)

    _rebuild_due = False

    async def _rebuild(self) -> None:
        """Compose the keys as they are now (after however many changes came meanwhile)."""
        self._rebuild_due = False
        await self.recompose()


def _relabel(widget: FooterKey, text: str) -> None:
    """Give a key widget a new text, drawn at its new width: the footer (and the screen) is
    laid out again only when the width changed (the undo key is relabelled at every
    rating, mostly to a text as wide: "… på B3" after "… på B2")."""
    if widget.description != text:
        wider = cell_len(widget.description) != cell_len(text)
        widget.description = text
        widget.refresh(layout=wider)


def _born_compact(widget: Widget, compact: bool) -> None:
    """Give a new key bound to the footer's ``compact`` that value before it mounts.

    ``FooterKey.compact`` starts True and the binding sets the footer's after mount, so
    each key was styled three times (about 1 ms of processor time each, eight keys in
    the first frame; issue 13). The palette key is not bound and keeps its own; keys
    in a binding group are left as Textual makes them.
    """
    if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
        widget.set_reactive(FooterKey.compact, compact)
        widget.set_class(compact, "-compact", update=False)
