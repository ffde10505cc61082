"""The body of step 4 (Medarbejdere): the rating grid, its detail panel and the staff form.

The grid takes digits without any dialog; the detail panel under it shows
the focused competence, the level's meaning and the person's note on the
rating (editable in place). ``n``/``e`` open the staff form beside the
detail panel, ``x`` erases a person after a confirmation (the base class
``PeopleHandling`` in ``people.py``).

Ctrl+D switches the grid between the leaders' layer, the staff's own and the
difference (``domain.self_view``); ``s`` starts "selvvurdering" mode for the
person on the cursor row: only their row, digits set their own level, ``w``
their wish, Esc ends it. Every change goes through the app's ``apply``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from fagworkshop.domain import changes
from fagworkshop.domain.analysis import build_index
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.host import host, session_of
from fagworkshop.tui.removal import unless_removed
from fagworkshop.tui.steps.staff.detail import detail_content, help_line, round_line
from fagworkshop.tui.steps.staff.form import StaffForm
from fagworkshop.tui.steps.staff.people import PeopleHandling
from fagworkshop.tui.steps.staff.rating_grid import Layer, RatingGrid
from fagworkshop.tui.widgets.grid_support import competence_codes
from fagworkshop.tui.widgets.grid_view import CellMessage


class StaffBody(PeopleHandling):
    """Step 4's working area: rating grid, detail panel with the rating note, staff form."""

    #: What it shows: refreshed only after a change of these (tui.aspects).
    SHOWS = (Aspect.STAFF, Aspect.RATINGS, Aspect.BASICS, Aspect.BLOCKS)

    # the compact rules below follow the step view's ``-compact`` class, an ancestor
    SCOPED_CSS = False

    DEFAULT_CSS = """
    StaffBody { height: 1fr; }
    StaffBody #staff-help { color: $text-muted; height: auto; }
    StaffBody #staff-round { height: 1; text-style: bold; }
    StaffBody #staff-empty { height: auto; padding: 1; }
    StaffBody #staff-lower { height: auto; max-height: 16; }
    StaffBody #staff-detail { width: 2fr; height: auto; padding: 0 1; }
    StaffBody #staff-detail-text { height: 6; overflow: hidden; }
    StaffBody #rating-note { margin-top: 1; }
    StaffBody RatingGrid { height: 1fr; min-height: 5; }
    .-compact StaffBody #staff-help { display: none; }
    StaffBody.-narrow.-form-open #staff-detail { display: none; }
    .-compact StaffBody #staff-detail-text { height: 3; }
    .-compact StaffBody #rating-note { margin-top: 0; }
    """

    BINDINGS = [
        Binding("n", "new_person", t("staff.add"), id="staff.add"),
        Binding("e", "edit_person", t("staff.key.edit"), id="staff.key.edit"),
        Binding("x", "erase_person", t("staff.erase"), id="staff.erase"),
        Binding("a", "toggle_all", t("staff.key.all"), show=False, id="staff.key.all"),
        Binding("ctrl+d", "switch_layer", t("selfview.key.layer"), id="selfview.key.layer"),
        Binding("s", "self_mode", t("selfview.key.self_mode"), id="selfview.key.self_mode"),
    ]

    #: What "selvvurdering" mode turns off: the person at the keyboard rates themselves only.
    _NOT_IN_SELF_MODE = frozenset(
        {"new_person", "edit_person", "erase_person", "switch_layer", "self_mode"}
    )

    def __init__(self, *, id: str | None = "staff-panel") -> None:
        super().__init__(id=id)
        self.show_all = False
        self._cell_edit = False
        self._layer_before = Layer.LEADERS  # restored when "selvvurdering" mode ends
        self._row_before = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="staff-help", markup=False)
        yield Static("", id="staff-round", markup=False)
        yield Static("", id="staff-empty", markup=False)
        yield RatingGrid(id="rating-grid")
        with Horizontal(id="staff-lower"):
            with Vertical(id="staff-detail"):
                yield Static("", id="staff-detail-text", markup=False)
                yield Input(placeholder=t("staff.note"), id="rating-note", compact=True)
            yield StaffForm()

    @unless_removed
    def on_mount(self) -> None:
        self.watch(self.grid, "cursor", self._moved, init=False)
        # what is typed on a cell is applied inside the grid's key handler, so the next
        # key of a burst rates the cell the cursor moved on to (rating_grid's docstring)
        self.grid.on_cell = self._cell_typed
        self.refresh_from_session()

    def on_resize(self) -> None:
        """On a narrow screen the staff form takes the detail panel's place."""
        self.set_class(self.size.width < 100, "-narrow")

    # --- from the session to the screen ---------------------------------------

    def _show_help(self, session: Session) -> None:
        """The key line over the grid: the leaders' keys, or the layer's or the mode's."""
        line = help_line(session, self.grid.self_person, self.grid.shown_layer)
        self.query_one("#staff-help", Static).update(Content(line))

    def _show_round(self, session: Session) -> None:
        """Which rating round the grid rates: a follow-up must not be mistaken for the first."""
        line = round_line(session, self.grid.self_person, self.grid.shown_layer)
        self.query_one("#staff-round", Static).update(Content(line))

    def _columns(self, session: Session, relevant: dict[str, frozenset[str]]) -> list[str]:
        ids = session.competence_ids()
        if self.show_all:
            return ids
        wanted: set[str] = set().union(*relevant.values()) if relevant else set()
        return [c for c in ids if c in wanted]

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        """Show the session as it is now; a rating typed here repaints only its own line."""
        session = session_of(self)
        rnd = session.round()
        if not aspect.touches(Aspect.STAFF, Aspect.BASICS, Aspect.BLOCKS):
            # same people and columns: a rating typed here repaints its own line and
            # shows the detail itself (once, for the cell the cursor ends on); any other
            # change only needs the visible window and the detail drawn again
            if self._cell_edit:
                self._cell_edit = False
                return
            self.grid.refresh()
            self._show_detail()
            return
        self._cell_edit = False
        index = build_index(session)
        columns = self._columns(session, index.relevant)
        codes = competence_codes(session)
        grid = self.grid
        if grid.self_person is not None and session.person(grid.self_person) is None:
            grid.set_self_person(None)  # erased or undone away: back to everyone
        people = [p for p in session.staff if grid.self_person in (None, p.id)]
        if grid.self_person is not None:
            # their relevant competences, and any they rated or wished for outside them
            mine = set(index.relevant.get(grid.self_person, frozenset()))
            if rnd is not None:
                mine |= set(rnd.self_ratings.get(grid.self_person, {}))
                mine |= set(rnd.wishes.get(grid.self_person, ()))
            columns = [c for c in columns if c in mine or self.show_all]
        grid.load(
            session,
            [p.id for p in people],
            [p.name for p in people],
            columns,
            [codes.get(c, c) for c in columns],
            index.relevant,
            corner=t("grid.corner"),
        )
        self._show_help(session)
        self._show_round(session)
        empty = self.query_one("#staff-empty", Static)
        if not session.staff:
            empty.update(Content(t("grid.no_staff")))
        elif not columns:
            empty.update(Content(t("grid.no_competences")))
        empty.display = not session.staff or not columns
        # the grid stays on screen (header only) so it holds the focus and the keys work
        self._show_detail()

    def _show_detail(self) -> None:
        session = session_of(self)
        grid = self.grid
        pid, cid = grid.current_person, grid.current_competence
        text = self.query_one("#staff-detail-text", Static)
        note = self.query_one("#rating-note", Input)
        person = session.person(pid) if pid else None
        item = session.competence(cid) if cid else None
        # the detail has a fixed height: a new text needs no layout of the screen (a
        # layout on every key in the grid was a good part of the key at 300 staff)
        if person is None or item is None:
            text.update(Content(t("staff.detail_empty")), layout=False)
            note.disabled = True
            return
        text.update(
            detail_content(session, person, item, cid or "", self.grid.self_person is not None),
            layout=False,
        )
        if self.grid.self_person is not None:
            note.display = False  # the leaders' note is not the person's to see or edit
            return
        note.display = True
        note.disabled = False
        rnd = session.round()
        stored = rnd.rating(person.id, item.id).note if rnd else ""
        if not note.has_focus and note.value != stored:
            note.value = stored

    # --- layers and "selvvurdering" mode ------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In "selvvurdering" mode only the person's own keys work (and show)."""
        if action in self._NOT_IN_SELF_MODE and self.grid.self_person is not None:
            return False
        return True

    def action_switch_layer(self) -> None:
        """Ctrl+D: the leaders' layer, the staff's own, the difference, and round again."""
        grid = self.grid
        grid.set_layer(grid.shown_layer.next())
        session = session_of(self)
        self._show_help(session)
        self._show_round(session)
        self._show_detail()

    def action_self_mode(self) -> None:
        """``s``: the person on the cursor row rates themselves, seeing only their own row."""
        session = session_of(self)
        grid = self.grid
        pid = grid.current_person
        person = session.person(pid) if pid else None
        if person is None:
            self.app.notify(t("selfview.mode.no_person"), markup=False)
            return
        self._layer_before = grid.shown_layer
        self._row_before = grid.cursor_row
        grid.set_self_person(person.id)
        grid.set_layer(Layer.SELF)
        grid.cursor_row = 0
        grid.cursor_column = 0
        self.refresh_from_session()
        self.refresh_bindings()
        grid.focus()

    @on(RatingGrid.SelfModeLeft)
    def _self_mode_left(self) -> None:
        grid = self.grid
        grid.set_self_person(None)
        grid.set_layer(self._layer_before)
        self.refresh_from_session()
        grid.move_to(self._row_before, 0)
        self.refresh_bindings()

    def _cell_typed(self, message: CellMessage[RatingGrid]) -> None:
        """The grid's handler, called at once from its key handler."""
        if isinstance(message, RatingGrid.LevelTyped):
            self._level_typed(message)
        elif isinstance(message, RatingGrid.UnusedToggled):
            self._unused(message)
        elif isinstance(message, RatingGrid.WishToggled):
            self._wish(message)

    @on(RatingGrid.WishToggled)
    def _wish(self, message: RatingGrid.WishToggled) -> None:
        self._toggle_cell(message, changes.toggle_wish)

    def _toggle_cell(
        self, message: CellMessage[RatingGrid], change: Callable[[Session, str, str], object]
    ) -> None:
        """Flip a yes/no of the cell the grid names (wish, unused) and show it again."""
        grid = message.grid
        self._cell_edit = True
        host(self).apply(
            change,
            grid.person_ids[message.row],
            grid.competence_ids[message.column],
        )
        self._cell_edit = False
        grid.refresh_cell(message.row, message.column)
        self._show_detail()

    # --- ratings --------------------------------------------------------------

    def _moved(self, cursor: tuple[int, int]) -> None:
        """The cursor moved: the cell's detail in the same frame as the grid (a watcher,
        not the grid's CursorMoved message, which came a frame later)."""
        self._show_detail()

    @on(RatingGrid.LevelTyped)
    def _level_typed(self, message: RatingGrid.LevelTyped) -> None:
        session = session_of(self)
        grid = message.grid
        numbers = session.level_numbers()
        if message.level is not None and message.level not in numbers:
            low, high = (min(numbers), max(numbers)) if numbers else (0, 0)
            self.app.notify(t("staff.level_outside", low=low, high=high), markup=False)
            return
        if grid.shown_layer == Layer.DIFFERENCE:
            self.app.notify(t("selfview.difference_read_only"), markup=False)
            return
        change = changes.set_self_rating if grid.shown_layer == Layer.SELF else changes.set_rating
        pid = grid.person_ids[message.row]
        cid = grid.competence_ids[message.column]
        self._cell_edit = True
        rated = host(self).try_apply(change, pid, cid, message.level)
        self._cell_edit = False
        grid.refresh_cell(message.row, message.column)
        at = (grid.cursor_row, grid.cursor_column)
        if rated and message.level is not None:
            grid.advance()
        if (grid.cursor_row, grid.cursor_column) == at:
            self._show_detail()  # moved on: the cursor's watcher shows the next cell's detail

    @on(RatingGrid.UnusedToggled)
    def _unused(self, message: RatingGrid.UnusedToggled) -> None:
        self._toggle_cell(message, changes.toggle_unused)

    @on(Input.Changed, "#rating-note")
    def _note_changed(self, event: Input.Changed) -> None:
        session = session_of(self)
        pid, cid = self.grid.current_person, self.grid.current_competence
        if pid is None or cid is None or session.person(pid) is None:
            return
        rnd = session.round()
        if rnd is not None and rnd.rating(pid, cid).note == event.value:
            return
        self._cell_edit = True
        host(self).apply(changes.set_rating_note, pid, cid, event.value)
        self._cell_edit = False
        self.grid.refresh_cell(self.grid.cursor_row, self.grid.cursor_column)
        self._show_detail()

    @on(Input.Submitted, "#rating-note")
    def _note_done(self) -> None:
        self.grid.focus()

    # --- staff ----------------------------------------------------------------

    def action_toggle_all(self) -> None:
        """Show every competence, or only those that matter to someone."""
        self.show_all = not self.show_all
        self.app.notify(
            t("staff.show_all_on") if self.show_all else t("staff.show_all_off"), markup=False
        )
        grid = self.grid
        competence = grid.current_competence
        self.refresh_from_session()
        # the cursor stays on the competence it was on, not on the same column number
        if competence is not None and competence in grid.competence_ids:
            grid.move_to(grid.cursor_row, grid.competence_ids.index(competence))
