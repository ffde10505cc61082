"""The rating grid of step 4 (Medarbejdere): staff as rows, competences as columns.

Digits set a level at once and move on, like a spreadsheet; Delete or
Backspace clears; ``u`` toggles "has it but does not use it". The grid only
reports what was typed (messages); the step view applies the change through
the app and asks the grid to repaint that one line.
"""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.message import Message

from fagworkshop.domain.session import Round, Session
from fagworkshop.tui.widgets.grid_view import StaffCompetenceGrid

NOT_RELEVANT_STYLE = Style(color="grey50", bgcolor="grey19")
UNRATED_STYLE = Style(color="grey62")
RATED_STYLE = Style(bold=True)
UNUSED_STYLE = Style(bold=True, italic=True, color="#E69F00")


class RatingGrid(StaffCompetenceGrid):
    """Levels of each person on each competence in the latest round.

    Cell text: the level digit (``·`` when unrated), ``u`` when the person has
    the competence but does not use it, ``*`` when the rating has a note.
    Competences that do not matter for a person are greyed.
    """

    class LevelTyped(Message):
        """A digit (a level) or a clear (None) was typed on a cell."""

        def __init__(self, grid: RatingGrid, row: int, column: int, level: int | None) -> None:
            super().__init__()
            self.grid = grid
            self.row = row
            self.column = column
            self.level = level

        @property
        def control(self) -> RatingGrid:
            """The grid that sent the message."""
            return self.grid

    class UnusedToggled(Message):
        """``u`` was pressed on a cell: flip "has it but does not use it"."""

        def __init__(self, grid: RatingGrid, row: int, column: int) -> None:
            super().__init__()
            self.grid = grid
            self.row = row
            self.column = column

        @property
        def control(self) -> RatingGrid:
            """The grid that sent the message."""
            return self.grid

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.session: Session | None = None
        self.relevant: dict[str, frozenset[str]] = {}
        self.rnd: Round | None = None

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
        level = rnd.ratings.get(pid, {}).get(cid) if rnd else None
        unused = bool(rnd and cid in rnd.unused.get(pid, ()))
        noted = bool(rnd and cid in rnd.notes.get(pid, {}))
        relevant = cid in self.relevant.get(pid, frozenset())
        text = ("" if not relevant else "·") if level is None else str(level)
        text += ("u" if unused else "") + ("*" if noted else "")
        if not relevant:
            style = NOT_RELEVANT_STYLE
        elif unused:
            style = UNUSED_STYLE
        elif level is None:
            style = UNRATED_STYLE
        else:
            style = RATED_STYLE
        # a space before the digit when it fits; "2u*" needs the whole cell
        return (" " + text if len(text) < self.cell_width - 1 else text), style

    def on_key(self, event: events.Key) -> None:
        """Digits rate, Delete/Backspace clear, ``u`` toggles unused."""
        if not self.row_count or not self.column_count:
            return
        if event.character is not None and event.character.isdigit() and len(event.character) == 1:
            event.stop()
            event.prevent_default()
            self.post_message(
                self.LevelTyped(self, self.cursor_row, self.cursor_column, int(event.character))
            )
        elif event.key in ("delete", "backspace"):
            event.stop()
            event.prevent_default()
            self.post_message(self.LevelTyped(self, self.cursor_row, self.cursor_column, None))
        elif event.key == "u":
            event.stop()
            event.prevent_default()
            self.post_message(self.UnusedToggled(self, self.cursor_row, self.cursor_column))
