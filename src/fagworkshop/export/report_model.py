"""The report model: a format-neutral document of titled sections and blocks.

A :class:`Report` holds :class:`Section` s of blocks (:class:`Paragraph`,
:class:`Facts`, :class:`Bullets`, :class:`Table`, :class:`HeatMap`); every
string is plain text, escaped by each renderer for its format. Built by
:func:`fagworkshop.export.report.build_report`; import the types from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fagworkshop.domain.analysis import CellState


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; line breaks are kept."""

    text: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Label-value pairs (a definition list); a value may span lines."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list; each item is an optional bold lead and the rest."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; ``numeric`` marks right-aligned columns."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class HeatCell:
    """One heat-map cell: the text that reads without colour and its state."""

    text: str
    state: CellState
    unused: bool = False


@dataclass(frozen=True, slots=True)
class HeatMap:
    """Staff against competences coloured by level against target (varmekort).

    ``columns`` are (short code, competence title); the codes head the
    columns and a legend maps them to titles.
    """

    columns: tuple[tuple[str, str], ...]
    targets: tuple[str, ...]
    rows: tuple[tuple[str, tuple[HeatCell, ...]], ...]


Block = Paragraph | Facts | Bullets | Table | HeatMap


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the report; ``level`` 2 opens a part, ``level`` 3 a sub-part.

    Parts flow on the printed page; ``css_class`` ``heatmap`` (landscape pages)
    and ``person`` (the per-person part) start a new one.
    """

    title: str
    blocks: tuple[Block, ...]
    level: int = 2
    css_class: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """The whole summary: title lines, then sections in reading order."""

    title: str
    lead: tuple[tuple[str, str], ...]  # workshop facts shown under the title
    notice: str  # whether names are in it
    sections: tuple[Section, ...] = field(default_factory=tuple)
    footer: str = ""  # when it was exported, from which round, the session's title
