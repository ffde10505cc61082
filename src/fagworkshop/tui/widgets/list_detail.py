"""A list beside the details of its highlighted item: the shape of steps 2 and 3."""

from __future__ import annotations

from typing import Any, TypeVar, overload

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from fagworkshop.domain.session import AdaptedElement, BasicChoice, Session
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.host import host
from fagworkshop.tui.removal import unless_removed

W = TypeVar("W", bound=Widget)


def show_options(listing: OptionList, options: list[Option]) -> None:
    """Show ``options`` in ``listing``, keeping the highlighted item.

    The list is rebuilt only when items came or went; otherwise only the
    prompts are replaced, so the cursor and scroll position stay put.
    """
    wanted = [o.id for o in options]
    if wanted == [o.id for o in listing.options]:
        for option in options:
            if option.id is not None and not option.disabled:
                listing.replace_option_prompt(option.id, option.prompt)
        return
    current = listing.highlighted_option
    listing.set_options(options)
    if current is not None and current.id in wanted:
        listing.highlighted = wanted.index(current.id)
    else:
        listing.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)


def set_quietly(widget: Input | TextArea, value: str) -> None:
    """Show a value from the session without announcing a change; never while the user types."""
    if widget.has_focus:
        return
    if isinstance(widget, Input):
        if widget.value != value:
            with widget.prevent(Input.Changed):
                widget.value = value
    elif widget.text != value:
        with widget.prevent(TextArea.Changed):
            widget.load_text(value)


def level_label(session: Session, level: int) -> str:
    """A level with its label from the session's scale, e.g. ``3 Selvstændig``."""
    entry = session.level(level)
    return f"{level} {entry.label}" if entry else str(level)


def original_text(item: BasicChoice | AdaptedElement) -> str:
    """The catalogue's own title, description and source, shown beside the team's wording.

    An item the catalogue marks as a local elaboration says so under its source.
    """
    source = f"\n{t('basic.source')}: {item.source}" if item.source else ""
    elaboration = f"\n{t('basic.local_elaboration')}" if item.local_elaboration else ""
    return f"{t('basic.original')}: {item.title}\n{item.description}{source}{elaboration}"


class ItemList(OptionList):
    """The list of a list-and-detail step: items under disabled headings, whose option
    ids hold a ``:`` (``theme:...``, ``block:...``; item ids never do). Keys act on the
    highlighted item; Esc (``leave``) lets go of the keyboard."""

    @property
    def item_id(self) -> str | None:
        """The id of the highlighted item (None on a heading or with nothing highlighted)."""
        option = self.highlighted_option
        if option is None or option.id is None or ":" in option.id:
            return None
        return option.id

    def action_leave(self) -> None:
        """Let go of the keyboard, so digits move between steps again."""
        self.screen.set_focus(None)


class ListDetail(Horizontal):
    """A list on the left and a scrolling detail pane (class ``detail``) on the right.

    On a narrow terminal the details go below the list.
    """

    DEFAULT_CSS = """
    ListDetail { height: 1fr; min-height: 10; }
    ListDetail > OptionList { width: 1fr; min-width: 30; height: 1fr; }
    ListDetail > .detail { width: 1fr; height: 1fr; padding: 0 1; }
    ListDetail.-narrow { layout: vertical; }
    ListDetail.-narrow > OptionList { min-height: 5; }
    ListDetail.-narrow > .detail { min-height: 6; }
    ListDetail .detail-title { text-style: bold; }
    ListDetail .detail-original { color: $text-muted; margin-bottom: 1; }
    ListDetail .detail-keys { color: $text-muted; }
    ListDetail .section { text-style: bold; margin-top: 1; }
    ListDetail TextArea { height: 4; }
    ListDetail Label { margin-top: 1; }
    """

    #: Below this width the details go under the list.
    NARROW_WIDTH = 90

    @overload
    def part(self, selector: type[W]) -> W: ...
    @overload
    def part(self, selector: str) -> Widget: ...
    @overload
    def part(self, selector: str, expect: type[W]) -> W: ...

    def part(self, selector: str | type[Widget], expect: type[Widget] | None = None) -> Widget:
        """A child widget, looked up once: a refresh on every keystroke must not walk the DOM."""
        cache: dict[object, Widget] = self.__dict__.setdefault("_parts", {})
        found = cache.get(selector)
        if found is None:
            if isinstance(selector, str):
                found = self.query_one(selector, expect or Widget)
            else:
                found = self.query_one(selector)
            cache[selector] = found
        return found

    @unless_removed
    def on_mount(self) -> None:
        """Show the session, and give the list the keyboard (after an editor's own
        on_mount: Textual calls both, so an editor never calls this one)."""
        self.refresh_from_session()
        self.part(ItemList).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW_WIDTH, "-narrow")

    @property
    def session(self) -> Session | None:
        """The open session, held by the app."""
        return host(self).session

    def apply(self, change: Any, *args: Any) -> Any:
        """Change the session through the app's one way of changing it."""
        return host(self).apply(change, *args)

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        """Show the session again (each step's editor says how)."""
        raise NotImplementedError

    @staticmethod
    def compose_head(prefix: str, keys: str) -> ComposeResult:
        """The detail's head: ``#<prefix>-title``, ``-original`` and ``-state`` (filled by
        :meth:`show_head`), then the list's keys."""
        yield Static("", id=f"{prefix}-title", classes="detail-title", markup=False)
        yield Static("", id=f"{prefix}-original", classes="detail-original", markup=False)
        yield Static("", id=f"{prefix}-state", markup=False)
        yield Static(keys, classes="detail-keys", markup=False)

    def show_head(
        self, prefix: str, item: BasicChoice | AdaptedElement | None, empty: str
    ) -> Static | None:
        """Show the focused item's title and original in ``#<prefix>-title``/``-original``.

        Returns the ``#<prefix>-state`` line for the caller to fill in. With no item (or
        no session) the title says ``empty``, the other two are cleared and it is None.
        """
        title = self.part(f"#{prefix}-title", Static)
        original = self.part(f"#{prefix}-original", Static)
        state = self.part(f"#{prefix}-state", Static)
        if item is None or self.session is None:
            title.update(Content(empty))
            original.update("")
            state.update("")
            return None
        title.update(Content(item.shown_title))
        original.update(Content(original_text(item)))
        return state

    def show_added(self, listing: OptionList, new_id: str, field: Input) -> None:
        """After adding an item typed in ``field``: clear it, show the list, move to the item."""
        field.value = ""
        self.refresh_from_session()
        listing.highlighted = listing.get_option_index(new_id)
        listing.focus()
