"""The heat map of step 5 (Kompetencehuller): each person's level against the target.

Colours follow the Okabe-Ito palette (blue for at or above target, orange
and vermilion for below), which colour-blind viewers can tell apart; every
cell also carries the level digit and a marker (``+``, ``-``, ``!``, ``?``,
``·``) from :func:`fagworkshop.domain.analysis.cell_text`, so it reads
without colour too. The states come from the domain (``SessionIndex.cell``);
nothing is computed here.
"""

from __future__ import annotations

from rich.style import Style

from fagworkshop.domain.analysis import CellState, SessionIndex, cell_text
from fagworkshop.domain.session import Round
from fagworkshop.tui.widgets.grid_view import GridView

#: One style per cell state; background carries the state, the text says it again.
STATE_STYLES: dict[CellState, Style] = {
    CellState.ABOVE: Style(color="#ffffff", bgcolor="#0072B2", bold=True),
    CellState.MEETS: Style(color="#000000", bgcolor="#56B4E9", bold=True),
    CellState.ONE_BELOW: Style(color="#000000", bgcolor="#E69F00", bold=True),
    CellState.FAR_BELOW: Style(color="#ffffff", bgcolor="#A3410A", bold=True),
    CellState.UNRATED: Style(color="#dddddd", bgcolor="#555555"),
    CellState.NO_TARGET: Style(color="#dddddd", bgcolor="#333333"),
    CellState.NOT_RELEVANT: Style(color="grey50", dim=True),
}

#: Order of the legend, best first.
LEGEND_ORDER: tuple[CellState, ...] = (
    CellState.ABOVE,
    CellState.MEETS,
    CellState.ONE_BELOW,
    CellState.FAR_BELOW,
    CellState.UNRATED,
    CellState.NO_TARGET,
    CellState.NOT_RELEVANT,
)

#: A sample cell for each state in the legend (digit plus marker, as in the map).
LEGEND_SAMPLES: dict[CellState, str] = {
    CellState.ABOVE: "4+",
    CellState.MEETS: "3",
    CellState.ONE_BELOW: "2-",
    CellState.FAR_BELOW: "1!",
    CellState.UNRATED: "?",
    CellState.NO_TARGET: "2",
    CellState.NOT_RELEVANT: "·",
}


class HeatMap(GridView):
    """Staff x competences, each cell coloured by its state against the target."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name_width=18, cell_width=4, id=id, classes=classes)
        self.rnd: Round | None = None
        self.index: SessionIndex | None = None
        self.person_ids: list[str] = []
        self.labels: list[str] = []
        self.competence_ids: list[str] = []
        self.codes: list[str] = []
        self.corner = ""

    def load(
        self,
        rnd: Round | None,
        index: SessionIndex,
        person_ids: list[str],
        labels: list[str],
        competence_ids: list[str],
        codes: list[str],
        corner: str = "",
    ) -> None:
        """Show these people (rows, in this order) and competences (columns)."""
        self.rnd = rnd
        self.index = index
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

    def state(self, row: int, column: int) -> CellState:
        """The domain's state of one cell."""
        assert self.index is not None
        return self.index.cell(self.rnd, self.person_ids[row], self.competence_ids[column])

    def cell(self, row: int, column: int) -> tuple[str, Style]:
        pid = self.person_ids[row]
        cid = self.competence_ids[column]
        level = self.rnd.ratings.get(pid, {}).get(cid) if self.rnd else None
        state = self.state(row, column)
        text = cell_text(level, state)
        return (" " + text if len(text) < self.cell_width - 1 else text), STATE_STYLES[state]
