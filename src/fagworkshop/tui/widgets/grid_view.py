"""A fast staff x competence grid on the Line API, shared by the rating grid and the heat map.

``DataTable`` repaints every column of every visible row on any cell update
and has no lazy mode, which makes it far too slow at 60 x 80 and beyond (see
the project's Textual notes). This widget draws only the visible window line
by line: a fixed header row with short column codes, a fixed name column,
and cells whose text and style come from :meth:`GridView.cell`. Moving the
cursor repaints two lines plus the header; an edit repaints one line.

Subclasses supply the data (``row_label``, ``column_code``, ``cell``); the
grid never stores a copy of the session, it asks for each visible cell.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from fagworkshop.tui.bindings import described

#: Styles of the grid furniture; cell colours come from the subclasses.
HEADER_STYLE = Style(bold=True)
HEADER_CURSOR_STYLE = Style(bold=True, reverse=True)
NAME_STYLE = Style()
NAME_CURSOR_STYLE = Style(bold=True, reverse=True)
CURSOR_STYLE = Style(reverse=True, bold=True)
SEPARATOR = " "


def fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells (an ellipsis marks a cut)."""
    if width <= 0:
        return ""
    if len(text) > width:
        return text[: width - 1] + "…" if width > 1 else text[:1]
    return text.ljust(width)


G = TypeVar("G", bound="GridView")


class CellMessage(Message, Generic[G]):
    """What a grid says about one cell: the grid, and the cell's row and column."""

    def __init__(self, grid: G, row: int, column: int) -> None:
        super().__init__()
        self.grid = grid
        self.row = row
        self.column = column

    @property
    def control(self) -> G:
        """The grid that sent the message."""
        return self.grid


class GridView(ScrollView, can_focus=True):
    """A virtual grid: rows of people, columns of competences, one focused cell.

    The first line is the header (column codes, fixed while scrolling down);
    the first ``name_width`` cells of every line are the row labels (fixed
    while scrolling sideways).
    """

    DEFAULT_CSS = """
    GridView {
        height: 1fr;
        min-height: 4;
        scrollbar-size: 1 1;
    }
    GridView:focus {
        border: none;
    }
    """

    BINDINGS = [
        Binding("up", "move(0, -1)", show=False),
        Binding("down", "move(0, 1)", show=False),
        Binding("left", "move(-1, 0)", show=False),
        Binding("right", "move(1, 0)", show=False),
        Binding("home", "edge('home')", show=False),
        Binding("end", "edge('end')", show=False),
        Binding("ctrl+home", "edge('top')", show=False),
        Binding("ctrl+end", "edge('bottom')", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        described("escape", "leave", "list.key.leave"),
    ]

    def action_leave(self) -> None:
        """Let go of the keyboard, so digits move between steps again."""
        self.screen.set_focus(None)

    class CursorMoved(CellMessage["GridView"]):
        """The focused cell changed (row and column indexes)."""

    #: The focused cell as (row, column), set when the cursor moves. A message reaches the
    #: owner a frame late (the grid is drawn first, what the owner shows about the cell
    #: in the next frame, 20 to 50 ms later); an owner that shows the cell beside the grid
    #: watches this instead (``self.watch(grid, "cursor", ...)``: called at once).
    cursor: reactive[tuple[int, int]] = reactive((0, 0), repaint=False, init=False)

    def __init__(
        self,
        *,
        name_width: int = 16,
        cell_width: int = 4,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.name_width = name_width
        self.cell_width = cell_width
        self.cursor_row = 0
        self.cursor_column = 0
        self._rows = 0
        self._columns = 0

    # --- what subclasses provide ---------------------------------------------

    def row_label(self, row: int) -> str:
        """The text of a row's name cell (user text: shown literally)."""
        return str(row)

    def column_code(self, column: int) -> str:
        """The short code of a column in the header."""
        return str(column + 1)

    def cell(self, row: int, column: int) -> tuple[str, Style]:
        """The text and style of one cell."""
        return "", Style()

    def header_label(self) -> str:
        """The text above the name column."""
        return ""

    # --- shape ----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the grid has."""
        return self._rows

    @property
    def column_count(self) -> int:
        """How many columns the grid has."""
        return self._columns

    def set_shape(self, rows: int, columns: int, *, name_width: int | None = None) -> None:
        """Tell the grid how many rows and columns it has; keeps the cursor inside and
        repaints everything (a structural change)."""
        self._rows = rows
        self._columns = columns
        if name_width is not None:
            self.name_width = name_width
        self.cursor_row = min(self.cursor_row, max(0, rows - 1))
        self.cursor_column = min(self.cursor_column, max(0, columns - 1))
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        """Room for every cell, padded so the last scroll position shows whole cells."""
        cells = self._columns * self.cell_width
        room = self._view_width - self.name_width
        pad = (room - cells) % self.cell_width if room > 0 and cells > room else 0
        self.virtual_size = Size(self.name_width + cells + pad, self._rows + 1)

    def on_resize(self) -> None:
        """Keep the padding right for the new width."""
        self._update_virtual_size()

    @property
    def _view_width(self) -> int:
        return self.scrollable_content_region.width

    @property
    def _view_rows(self) -> int:
        """How many data rows fit under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    # --- painting -------------------------------------------------------------

    def refresh_cell(self, row: int, column: int) -> None:
        """Repaint the line of one cell (after an edit)."""
        self._refresh_row(row)

    def _refresh_row(self, row: int) -> None:
        y = row - round(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh_line(y + round(self.scroll_y))

    def render_line(self, y: int) -> Strip:
        """One screen line: the header at y = 0, else a data row under the scroll offset."""
        width = self.size.width
        if y == 0:
            strip = self._header_strip()
        else:
            row = round(self.scroll_y) + y - 1
            if row >= self._rows:
                return Strip.blank(width, self.rich_style)
            strip = self._row_strip(row)
        return strip.crop_extend(0, width, self.rich_style)

    def _visible_columns(self) -> tuple[int, int, int]:
        """First visible column, how many, and the cells cut off the first one."""
        scroll_x = max(0, round(self.scroll_x))
        first, cut = divmod(scroll_x, self.cell_width)
        room = max(0, self._view_width - self.name_width) + cut
        count = min(self._columns - first, -(-room // self.cell_width))
        return first, max(0, count), cut

    def _cells(self, segments: list[Segment], cut: int) -> Strip:
        cells = Strip(segments)
        if cut:
            cells = cells.crop(cut, cells.cell_length)
        return cells

    def _header_strip(self) -> Strip:
        first, count, cut = self._visible_columns()
        name = Segment(fit(self.header_label(), self.name_width), HEADER_STYLE)
        cw = self.cell_width
        segments = [
            Segment(
                fit(self.column_code(c), cw - 1) + SEPARATOR,
                HEADER_CURSOR_STYLE if c == self.cursor_column else HEADER_STYLE,
            )
            for c in range(first, first + count)
        ]
        return Strip.join([Strip([name]), self._cells(segments, cut)])

    def _row_strip(self, row: int) -> Strip:
        first, count, cut = self._visible_columns()
        on_row = row == self.cursor_row
        name = Segment(
            fit(self.row_label(row), self.name_width - 1) + SEPARATOR,
            NAME_CURSOR_STYLE if on_row else NAME_STYLE,
        )
        cw = self.cell_width
        segments: list[Segment] = []
        for c in range(first, first + count):
            text, style = self.cell(row, c)
            if on_row and c == self.cursor_column:
                style = style + CURSOR_STYLE
            segments.append(Segment(fit(text, cw - 1), style))
            segments.append(Segment(SEPARATOR))
        return Strip.join([Strip([name]), self._cells(segments, cut)])

    # --- moving ---------------------------------------------------------------

    def move_to(self, row: int, column: int) -> None:
        """Put the cursor on a cell, scroll it into view and repaint what changed."""
        if not self._rows or not self._columns:
            return
        row = max(0, min(row, self._rows - 1))
        column = max(0, min(column, self._columns - 1))
        old_row, old_column = self.cursor_row, self.cursor_column
        self.cursor_row, self.cursor_column = row, column
        if self._scroll_into_view():
            self.refresh()
        else:
            self._refresh_row(old_row)
            self._refresh_row(row)
            if column != old_column:
                self.refresh_line(round(self.scroll_y))
        if (row, column) != (old_row, old_column):
            self.cursor = (row, column)
            self.post_message(self.CursorMoved(self, row, column))

    def _scroll_into_view(self) -> bool:
        """Scroll so the cursor cell is visible; returns whether the view moved."""
        y = round(self.scroll_y)
        rows = self._view_rows
        new_y = y
        if self.cursor_row < y:
            new_y = self.cursor_row
        elif self.cursor_row >= y + rows:
            new_y = self.cursor_row - rows + 1
        x = round(self.scroll_x)
        room = max(self.cell_width, self._view_width - self.name_width)
        left = self.cursor_column * self.cell_width
        new_x = x
        if left < x:
            new_x = left
        elif left + self.cell_width > x + room:
            new_x = left + self.cell_width - room
            # keep whole cells at the left edge
            new_x = -(-new_x // self.cell_width) * self.cell_width
        if (new_x, new_y) == (x, y):
            return False
        self.scroll_to(new_x, new_y, animate=False, force=True)
        return True

    def action_move(self, dx: int, dy: int) -> None:
        """Arrow keys: one cell in a direction."""
        self.move_to(self.cursor_row + dy, self.cursor_column + dx)

    def action_edge(self, where: str) -> None:
        """Home/End: first or last column; ctrl+Home/End: first or last row."""
        if where == "home":
            self.move_to(self.cursor_row, 0)
        elif where == "end":
            self.move_to(self.cursor_row, self._columns - 1)
        elif where == "top":
            self.move_to(0, self.cursor_column)
        else:
            self.move_to(self._rows - 1, self.cursor_column)

    def action_page(self, direction: int) -> None:
        """Page up/down: a screenful of rows."""
        self.move_to(self.cursor_row + direction * self._view_rows, self.cursor_column)

    def advance(self) -> None:
        """Move on after an edit, like a spreadsheet: the next column, then the next row."""
        if self.cursor_column + 1 < self._columns:
            self.move_to(self.cursor_row, self.cursor_column + 1)
        elif self.cursor_row + 1 < self._rows:
            self.move_to(self.cursor_row + 1, 0)

    def on_click(self, event: object) -> None:
        """A click on a cell focuses it."""
        offset = getattr(event, "offset", None)
        if offset is None:
            return
        x, y = offset.x, offset.y
        if y < 1 or x < self.name_width:
            return
        row = round(self.scroll_y) + y - 1
        column = (x - self.name_width + round(self.scroll_x)) // self.cell_width
        if row < self._rows and column < self._columns:
            self.move_to(row, column)


class StaffCompetenceGrid(GridView):
    """A grid of staff (rows) against competences (columns): the rating grid and the heat map."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name_width=18, cell_width=4, id=id, classes=classes)
        self.person_ids: list[str] = []
        self.labels: list[str] = []
        self.competence_ids: list[str] = []
        self.codes: list[str] = []
        self.corner = ""

    def set_axes(
        self,
        person_ids: list[str],
        labels: list[str],
        competence_ids: list[str],
        codes: list[str],
        corner: str,
    ) -> None:
        """Show these people (rows, in this order) and competences (columns, by code)."""
        self.person_ids = person_ids
        self.labels = labels
        self.competence_ids = competence_ids
        self.codes = codes
        self.corner = corner
        widest = max((len(c) for c in codes), default=2)
        self.cell_width = max(4, widest + 1)
        longest = max((len(label) for label in labels), default=8)
        self.set_shape(
            len(person_ids), len(competence_ids), name_width=min(24, max(10, longest + 2))
        )

    @property
    def current_person(self) -> str | None:
        """The id of the person on the cursor row."""
        if 0 <= self.cursor_row < len(self.person_ids):
            return self.person_ids[self.cursor_row]
        return None

    @property
    def current_competence(self) -> str | None:
        """The id of the competence under the cursor."""
        if 0 <= self.cursor_column < len(self.competence_ids):
            return self.competence_ids[self.cursor_column]
        return None

    def header_label(self) -> str:
        return self.corner

    def row_label(self, row: int) -> str:
        return self.labels[row]

    def column_code(self, column: int) -> str:
        return self.codes[column]
