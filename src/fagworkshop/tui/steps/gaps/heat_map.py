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
from fagworkshop.tui.widgets.grid_view import StaffCompetenceGrid

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


#: Added to a cell whose person holds the competence without using it.
UNUSED_MARK = "u"


class HeatMap(StaffCompetenceGrid):
    """Staff x competences, each cell coloured by its state against the target."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rnd: Round | None = None
        self.index: SessionIndex | None = None

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
        self.set_axes(person_ids, labels, competence_ids, codes, corner)

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
        style = STATE_STYLES[state]
        if self.rnd is not None and cid in self.rnd.unused.get(pid, ()):
            # held but not used in the job: "u" and underlined, readable without colour
            text += UNUSED_MARK
            style = style + Style(underline=True)
        return (" " + text if len(text) < self.cell_width - 1 else text), style
