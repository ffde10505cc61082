"""The footer (bundlinje): Textual's, with its key widgets kept and relabelled.

Textual's ``Footer`` composes all its key widgets anew whenever the bindings
may have changed: on every focus change and on every change that relabels a
key (the undo key names the last change, so every rating). At 300 staff that
rebuild was the largest part of a step switch and a good part of a digit key
(issue 13: 20 to 45 ms of composing and styling fifteen keys, then a layout of
the screen, at every switch). This footer keeps its key widgets: after a
change it gives each the key it now shows (key, text, action, enabled,
tooltip), mounts the few more a step may have and removes those it no longer
needs. Only keys whose text changed are drawn again, and the screen is laid out
again only when a key's width changed. What it shows is what Textual's own
compose would show (``tests/test_tui_footer.py`` compares them); bindings in
groups, which this program does not use, are composed by Textual as before.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class Shown(NamedTuple):
    """One key as the footer shows it."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str


def key_of(widget: FooterKey) -> Shown:
    """What a key widget shows (for comparing with what it should show)."""
    return Shown(
        widget.key,
        widget.key_display,
        widget.description,
        widget.action,
        widget.has_class("-disabled"),
        str(widget.tooltip or ""),
    )


class QuickFooter(Footer):
    """A ``Footer`` that relabels, adds and removes its key widgets instead of composing
    them all again."""

    def _keys_shown(self) -> list[tuple[Binding, bool, str]]:
        """The first binding of each action shown, in the order ``Footer.compose`` uses."""
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        return [items[0] for items in by_action.values()]

    def _wanted(self, bindings: list[tuple[Binding, bool, str]]) -> list[Shown]:
        """The keys as ``Footer.compose`` makes them (bindings not in a group)."""
        return [
            Shown(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                not enabled,
                tooltip,
            )
            for binding, enabled, tooltip in bindings
        ]

    def compose(self) -> ComposeResult:
        # The keys are in the first frame: Textual's Footer composes none until the
        # screen's first bindings signal, then draws them after one more layout (a frame
        # later; issue 13). The signal then finds the keys and relabels them.
        self._bindings_ready = True
        for widget in super().compose():
            _born_compact(widget, self.compact)
            yield widget

    _due = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._due:
            return
        keys = [k for k in self.query(FooterKey) if not k.has_class("-command-palette")]
        if [k.action for k in keys] == [b.action for b, _, _ in self._keys_shown()]:
            # the same keys, only their texts or states (the undo key after each rating,
            # the language): shown in the frame of the change itself
            self._follow()
        else:
            # one pass for a burst of changes, after the frame they come with: a step
            # switch lets go of the focus and gives it to the new step's list, two changes
            # of keys a moment apart (the first would remove keys the second adds again)
            self._due = True
            self.call_after_refresh(self._follow)

    def _follow(self) -> None:
        """Show the keys as they are now (after however many changes came meanwhile)."""
        self._due = False
        if not self.is_attached:
            return
        bindings = self._keys_shown()
        if any(binding.group is not None for binding, _, _ in bindings):
            self.call_after_refresh(self.recompose)  # groups: Textual's own compose
            return
        every = list(self.query(FooterKey))
        keys = [k for k in every if not k.has_class("-command-palette")]
        if any(k.has_class("-grouped") for k in keys):
            self.call_after_refresh(self.recompose)  # from groups back to plain keys
            return
        wanted = self._wanted(bindings)
        for widget, shown in zip(keys, wanted, strict=False):
            _show(widget, shown)
        if len(keys) > len(wanted):
            for widget in keys[len(wanted) :]:
                widget.remove()
        elif len(wanted) > len(keys):
            palette = [k for k in every if k.has_class("-command-palette")]
            with self._context():  # data_bind binds to the active message pump: the footer
                new = [_new_key(shown, self.compact) for shown in wanted[len(keys) :]]
            # before the palette key, as Textual composes them (it is docked right anyway)
            self.mount_all(new, before=palette[0] if palette else None)
        self._relabel_palette(every)

    def _relabel_palette(self, every: list[FooterKey]) -> None:
        """The palette key as Textual composes it (its text follows the language:
        ``tui.bindings``)."""
        palette = [k for k in every if k.has_class("-command-palette")]
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        wanted = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        if bool(palette) != (wanted and active is not None):
            self.call_after_refresh(self.recompose)  # shown or gone: Textual's own compose
            return
        if active is not None and palette:
            binding = active.binding
            shown = Shown(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                not active.enabled,
                binding.tooltip or binding.description,
            )
            _show(palette[0], shown)


def _new_key(shown: Shown, compact: bool) -> FooterKey:
    """A key as ``Footer.compose`` makes it, born with the footer's ``compact``."""
    widget = FooterKey(
        shown.key,
        shown.key_display,
        shown.description,
        shown.action,
        disabled=shown.disabled,
        tooltip=shown.tooltip,
    ).data_bind(compact=Footer.compact)
    _born_compact(widget, compact)
    return widget


def _show(widget: FooterKey, shown: Shown) -> None:
    """Make a key widget show ``shown``: drawn again only if it changed, and the footer (and
    the screen) laid out again only if its width did (the undo key is relabelled at every
    rating, mostly to a text as wide: "… på B3" after "… på B2")."""
    if key_of(widget) == shown:
        return
    wider = cell_len(widget.key_display) + cell_len(widget.description) != cell_len(
        shown.key_display
    ) + cell_len(shown.description)
    widget.key = shown.key
    widget.key_display = shown.key_display
    widget.description = shown.description
    widget.action = shown.action
    widget._disabled = shown.disabled  # what its mouse handler reads (Textual's own field)
    widget.set_class(shown.disabled, "-disabled")
    widget.tooltip = shown.tooltip or None
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
