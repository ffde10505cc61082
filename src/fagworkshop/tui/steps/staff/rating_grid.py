"""The rating grid of step 4 (Medarbejdere): staff as rows, competences as columns.

Digits set a level at once and move on, like a spreadsheet; Delete or
Backspace clears; ``u`` toggles "has it but does not use it". The grid only
reports what was typed (messages); the step view applies the change through
the app and asks the grid to repaint that one line. The step view hands the
grid its handler (:attr:`RatingGrid.on_cell`), which the grid calls inside its
key handler: a posted message came round only after every key already queued,
so a burst of digits ("1234" in one write) all named the first cell. For the
same reason the grid's own movement keys are taken in its key handler, in the
order they arrive, instead of as bindings (Textual runs a binding only after
the key has bubbled to the app, behind the printable keys of the same burst:
Textual issue 6605); so is Esc, and a key that reaches the grid after an Esc has let
go of it is passed on as if the grid had not had it.

The grid shows one of three layers (:class:`Layer`): the leaders' levels, the
staff's own (selvvurdering, ``w`` after the digit for "ønsker at udvikle") or
the difference between them (``domain.self_view``); cells two or more levels
apart are flagged in every layer. In "selvvurdering" mode it holds one
person's row only, and Esc ends the mode instead of letting go of the keys.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from rich.style import Style
from textual import events
from textual.actions import parse
from textual.binding import Binding
from textual.message import Message

from fagworkshop.domain.self_view import CellDifference, cell_difference
from fagworkshop.domain.session import Round, Session
from fagworkshop.i18n import t
from fagworkshop.tui.widgets.grid_view import CellMessage, StaffCompetenceGrid

NOT_RELEVANT_STYLE = Style(color="grey50", bgcolor="grey19")
UNRATED_STYLE = Style(color="grey62")
RATED_STYLE = Style(bold=True)
UNUSED_STYLE = Style(bold=True, italic=True, color="#E69F00")
#: Leader and self two or more levels apart (reddish purple of the Okabe-Ito palette).
FLAGGED_STYLE = Style(bold=True, color="black", bgcolor="#CC79A7")
SAME_STYLE = Style(color="grey62")


class Layer(StrEnum):
    """What the grid's cells show: the leaders' level, the person's own, or the difference."""

    LEADERS = "leaders"  # ledernes vurdering
    SELF = "self"  # egen vurdering (selvvurdering)
    DIFFERENCE = "difference"  # forskel

    def next(self) -> Layer:
        """The layer ctrl+d switches to."""
        order = list(Layer)
        return order[(order.index(self) + 1) % len(order)]


#: The grid's movement keys (its base class's bindings), as (action name, arguments),
#: taken in the key handler so they keep their place among the digits of a burst.
MOVES: dict[str, tuple[str, tuple[object, ...]]] = {
    binding.key: parse(binding.action)[1:]
    for binding in StaffCompetenceGrid.BINDINGS
    if isinstance(binding, Binding) and parse(binding.action)[1] in ("move", "edge", "page")
}


class RatingGrid(StaffCompetenceGrid):
    """Levels of each person on each competence in the latest round.

    Cell text: the level digit (``·`` when unrated), ``u`` when the person has
    the competence but does not use it, ``*`` when the rating has a note.
    Competences that do not matter for a person are greyed. See :class:`Layer`
    for the other two layers.
    """

    BINDINGS = [
        Binding("w", "toggle_wish", t("selfview.key.wish"), id="selfview.key.wish"),
        # Esc in "selvvurdering" mode ends the mode: its own binding (the id is its
        # i18n key, as tui/bindings.py's ``described`` makes them), shown instead of the
        # grid's "leave" by check_action, so no binding table is patched. Both are
        # listed here: a subclass's binding for a key replaces its base class's.
        Binding("escape", "leave_self", t("selfview.key.leave"), id="selfview.key.leave"),
        *(b for b in StaffCompetenceGrid.BINDINGS if isinstance(b, Binding) and b.key == "escape"),
    ]

    class WishToggled(CellMessage["RatingGrid"]):
        """``w`` was pressed on a cell in the own layer: flip "ønsker at udvikle"."""

    class SelfModeLeft(Message):
        """Esc in "selvvurdering" mode: the person is done."""

    class LevelTyped(CellMessage["RatingGrid"]):
        """A digit (a level) or a clear (None) was typed on a cell."""

        def __init__(self, grid: RatingGrid, row: int, column: int, level: int | None) -> None:
            super().__init__(grid, row, column)
            self.level = level

    class UnusedToggled(CellMessage["RatingGrid"]):
        """``u`` was pressed on a cell: flip "has it but does not use it"."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.session: Session | None = None
        self.relevant: dict[str, frozenset[str]] = {}
        self.rnd: Round | None = None
        self.shown_layer = Layer.LEADERS
        #: The person rating themselves in "selvvurdering" mode (their row only), else None.
        self.self_person: str | None = None
        #: The owner's handler of what was typed on a cell, called at once (see the
        #: module docstring); without one the grid posts the message.
        self.on_cell: Callable[[CellMessage[RatingGrid]], None] | None = None

    def _send(self, message: CellMessage[RatingGrid]) -> None:
        """Hand the owner what was typed: at once when it gave a handler, so the next
        key of a burst sees the cell and cursor this one left."""
        if self.on_cell is not None:
            self.on_cell(message)
        else:
            self.post_message(message)

    def load(
        self,
        session: Session,
        person_ids: list[str],
        labels: list[str],
        competence_ids: list[str],
        codes: list[str],
        relevant: dict[str, frozenset[str]],
        corner: str = "",
    ) -> None:
        """Point the grid at the session's people and competences (a full repaint)."""
        self.session = session
        self.relevant = relevant
        self.rnd = session.round()
        self.set_axes(person_ids, labels, competence_ids, codes, corner)

    def _round(self) -> Round | None:
        # cached at load(); a first rating may have created the round since
        if self.rnd is None and self.session is not None:
            self.rnd = self.session.round()
        return self.rnd

    def cell(self, row: int, column: int) -> tuple[str, Style]:
        rnd = self._round()
        pid = self.person_ids[row]
        cid = self.competence_ids[column]
        difference = cell_difference(rnd, pid, cid)
        if self.shown_layer != Layer.LEADERS:
            return self._self_cell(rnd, pid, cid, difference)
        level = rnd.ratings.get(pid, {}).get(cid) if rnd else None
        unused = bool(rnd and cid in rnd.unused.get(pid, ()))
        noted = bool(rnd and cid in rnd.notes.get(pid, {}))
        relevant = cid in self.relevant.get(pid, frozenset())
        text = ("" if not relevant else "·") if level is None else str(level)
        text += ("u" if unused else "") + ("*" if noted else "")
        if not relevant:
            style = NOT_RELEVANT_STYLE
        elif difference is not None and difference.flagged:
            style = FLAGGED_STYLE
        elif unused:
            style = UNUSED_STYLE
        elif level is None:
            style = UNRATED_STYLE
        else:
            style = RATED_STYLE
        return self._padded(text), style

    def _padded(self, text: str) -> str:
        # a space before the digit when it fits; "2u*" needs the whole cell
        return " " + text if len(text) < self.cell_width - 1 else text

    def _self_cell(
        self, rnd: Round | None, pid: str, cid: str, difference: CellDifference | None
    ) -> tuple[str, Style]:
        """A cell of the own or the difference layer."""
        relevant = cid in self.relevant.get(pid, frozenset())
        flagged = difference is not None and difference.flagged
        if self.shown_layer == Layer.SELF:
            own = rnd.self_ratings.get(pid, {}).get(cid) if rnd else None
            wish = bool(rnd and cid in rnd.wishes.get(pid, ()))
            text = ("" if not relevant else "·") if own is None else str(own)
            text += "w" if wish else ""
            if flagged:
                style = FLAGGED_STYLE
            elif not relevant:
                style = NOT_RELEVANT_STYLE
            else:
                style = UNRATED_STYLE if own is None else RATED_STYLE
            return self._padded(text), style
        if difference is None:
            return self._padded("" if not relevant else "·"), (
                UNRATED_STYLE if relevant else NOT_RELEVANT_STYLE
            )
        value = difference.difference
        text = (f"{value:+d}" if value else "0") + ("!" if flagged else "")
        if flagged:
            style = FLAGGED_STYLE
        elif not relevant:
            style = NOT_RELEVANT_STYLE
        else:
            style = SAME_STYLE if value == 0 else RATED_STYLE
        return self._padded(text), style

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``w`` only in the own layer (shown in the footer there)."""
        if action == "toggle_wish":
            return self.shown_layer == Layer.SELF
        if action == "leave":  # hidden and passed over in "selvvurdering" mode
            return self.self_person is None
        if action == "leave_self":
            return self.self_person is not None
        return True

    def set_layer(self, layer: Layer) -> None:
        """Show another layer (a repaint of the visible window)."""
        self.shown_layer = layer
        self.refresh()
        self.refresh_bindings()

    def set_self_person(self, person_id: str | None) -> None:
        """Start "selvvurdering" mode for one person (None ends it); the footer's Esc
        says which it does (:meth:`check_action` picks the binding). The caller reloads
        the rows."""
        self.self_person = person_id
        self.refresh_bindings()

    def action_toggle_wish(self) -> None:
        """``w``: flip "ønsker at udvikle" on the focused cell (own layer)."""
        if self.row_count and self.column_count and self.shown_layer == Layer.SELF:
            self._send(self.WishToggled(self, self.cursor_row, self.cursor_column))

    def action_leave_self(self) -> None:
        """Esc in "selvvurdering" mode: the person is done."""
        if self.self_person is not None:
            self.post_message(self.SelfModeLeft())

    def action_leave(self) -> None:
        """Esc: end "selvvurdering" mode, else let go of the keyboard."""
        if self.self_person is not None:
            self.action_leave_self()
            return
        super().action_leave()

    def on_key(self, event: events.Key) -> None:
        """Digits rate, Delete/Backspace clear, ``u`` toggles unused, ``w`` the wish;
        arrows, Home/End and Page up/down move (here, not as bindings: see the module
        docstring)."""
        if self.screen.focused is not self:
            # a key of a burst queued here before an Esc in the same burst let go of the
            # keyboard: passed on, so it does what it does without the grid (a digit
            # changes step); ``has_focus`` only changes when the Blur event comes round
            return
        if event.key == "escape" and self.self_person is None:
            event.stop()
            event.prevent_default()
            self.action_leave()  # here, so the keys after it in the burst see it
            return
        if not self.row_count or not self.column_count:
            return
        row, column = self.cursor_row, self.cursor_column
        move = MOVES.get(event.key)
        digit = event.character if event.character and len(event.character) == 1 else ""
        if move is not None:
            event.stop()
            event.prevent_default()
            name, arguments = move
            getattr(self, f"action_{name}")(*arguments)
        # isdecimal, not isdigit: "²" (AltGr+2 on a Danish keyboard) is a digit int() refuses
        elif digit.isdecimal():
            event.stop()
            event.prevent_default()
            self._send(self.LevelTyped(self, row, column, int(digit)))
        elif event.key in ("delete", "backspace"):
            event.stop()
            event.prevent_default()
            self._send(self.LevelTyped(self, row, column, None))
        elif event.key == "u" and self.shown_layer == Layer.LEADERS:
            event.stop()
            event.prevent_default()
            self._send(self.UnusedToggled(self, row, column))
        elif event.key == "w" and self.shown_layer == Layer.SELF:
            event.stop()
            event.prevent_default()
            self.action_toggle_wish()
