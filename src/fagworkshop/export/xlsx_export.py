"""The workshop as an Excel workbook (regneark), for leaders who live in Excel.

Sheets: "Varmekort" (the heat map coloured as in the HTML report, header row
and name column frozen, landscape, one page wide), "Vurderinger" (one row per
round, person and competence with real number, date and yes/no cells and an
autofilter, ending with the person's own level, the difference to the leaders'
and the wish where they gave one), "Lokale profiler", "Handlingsplan" and
"Udviklingsmål".

Written with openpyxl (the self-assessment forms are read back with it too).
Every text cell is stored as a string, never a formula: openpyxl would turn a
value starting with ``=`` into one, so the type is set by hand, and a cell
starting with ``= + - @`` also gets Excel's quote prefix so editing it in
Excel keeps it text. People appear as in the report (initials or pseudonym
unless ``with_names``), and names in free text are replaced the same way. The
cell rules are in :mod:`.xlsx_cells` (``put``, ``plain`` re-exported here).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fagworkshop.domain.analysis import CellState, analyse, build_index
from fagworkshop.domain.session import Session
from fagworkshop.export.common import (
    competence_titles,
    for_whom,
    labels,
    line,
    name_redactor,
    rating_cells,
    text,
)
from fagworkshop.export.html import HEAT_COLOURS, HEAT_INK
from fagworkshop.export.report import HeatMap, build_report
from fagworkshop.export.xlsx_cells import (
    BOLD,
    BOX,
    CENTRE,
    DATE_FORMAT,
    FORMULA_START,
    HEADER_FILL,
    MAX_CELL,
    Value,
    plain,
    print_setup,
    put,
    table,
    yes_no,
)
from fagworkshop.i18n import t

# --- sheets ----------------------------------------------------------------------


def _heat_map_sheet(ws: Worksheet, heat: HeatMap | None, notice: str) -> None:
    """Staff against competence codes; colour and sign carry the state, codes keyed below."""
    ws.column_dimensions["A"].width = 24
    if heat is None:
        ws.append([put(ws, t("export.staff"), font=BOLD)])
        ws.append([])
        ws.append([put(ws, t("export.none"))])
        return
    for c in range(2, len(heat.columns) + 2):
        ws.column_dimensions[get_column_letter(c)].width = 5.5
    ws.freeze_panes = "B3"
    ws.print_title_rows = "1:2"
    ws.print_title_cols = "A:A"
    print_setup(ws)
    ws.append(
        [
            put(ws, t("export.staff"), font=BOLD),
            *(
                put(ws, code, font=BOLD, alignment=CENTRE, fill=HEADER_FILL)
                for code, _title in heat.columns
            ),
        ]
    )
    ws.append(
        [
            put(ws, t("export.target_row"), font=BOLD),
            *(
                put(ws, int(target) if target.isdigit() else target, alignment=CENTRE)
                for target in heat.targets
            ),
        ]
    )
    fills = {
        state: PatternFill("solid", fgColor=colour.lstrip("#").upper())
        for state, colour in HEAT_COLOURS.items()
    }
    # The digit's colour per fill, as in the HTML report: white on the darkest fill.
    inks = {
        state: Font(bold=state != CellState.NOT_RELEVANT, color=HEAT_INK[state].lstrip("#").upper())
        for state in HEAT_COLOURS
    }
    for label, cells in heat.rows:
        row = [put(ws, label, font=BOLD)]
        for heat_cell in cells:
            sign = heat_cell.text + ("*" if heat_cell.unused else "")
            style: dict[str, object] = {
                "fill": fills[heat_cell.state],
                "border": BOX,
                "alignment": CENTRE,
                "font": inks[heat_cell.state],
            }
            row.append(put(ws, sign, **style))
        ws.append(row)
    # Below the map: what the colours mean, then the codes.
    ws.append([])
    ws.append([put(ws, t("xlsx.heat.legend"), font=BOLD)])
    for state in CellState:
        legend = t(f"export.state.{state.value}")
        ink = Font(color=inks[state].color)
        ws.append([put(ws, legend, fill=fills[state], border=BOX, font=ink)])
    ws.append([put(ws, t("export.heat_map.lead"))])
    ws.append([])
    ws.append([put(ws, t("xlsx.heat.codes"), font=BOLD)])
    for code, title in heat.columns:
        ws.append([put(ws, code), put(ws, title)])
    ws.append([])
    ws.append([put(ws, notice)])


@dataclass(frozen=True, slots=True)
class _Source:
    """What the sheets are written from: the session, and people shown as in the report."""

    session: Session
    names: dict[str, str]  # person id -> how the person appears
    redact: Callable[[str], str]  # free text with names replaced unless with_names
    with_names: bool

    @property
    def person_column(self) -> str:
        """The title of the column that shows people."""
        return t("xlsx.col.person_name") if self.with_names else t("xlsx.col.person_hidden")


def _ratings_rows(src: _Source) -> list[list[Value]]:
    session, names, redact = src.session, src.names, src.redact
    idx = build_index(session)
    profile_names = {p.id: line(p.name) for p in session.profiles}
    jobcenter, unit = line(session.frame.jobcenter), line(session.frame.unit)
    profiles = {
        person.id: ", ".join(profile_names[p] for p in person.profiles if p in profile_names)
        for person in session.staff
    }
    rows: list[list[Value]] = []
    for c in rating_cells(session, idx):
        info, level, person = c.info, c.level, c.person
        gap: int | None = None
        if c.relevant and level is not None and info.target is not None:
            gap = max(info.target - level, 0)
        rows.append(
            [
                jobcenter,
                unit,
                c.round.number,
                c.round.date,
                names[person.id],
                redact(line(person.role)),
                profiles[person.id],
                c.competence_id,
                line(info.title),
                t(f"export.kind.{info.kind.value}"),
                yes_no(c.relevant),
                level,
                info.target,
                gap,
                yes_no(c.unused),
                t(f"export.state.{c.state.value}"),
                redact(text(c.note)),
                # the staff's own voice (domain.self_view): own level, own minus
                # the leaders', wish; empty where the person said nothing
                c.own,
                None if c.difference is None else c.difference.difference,
                yes_no(True) if c.wished else None,
            ]
        )
    return rows


def _ratings_sheet(ws: Worksheet, src: _Source) -> None:
    header = [
        t("xlsx.col.jobcenter"),
        t("xlsx.col.unit"),
        t("xlsx.col.round"),
        t("xlsx.col.round_date"),
        src.person_column,
        t("xlsx.col.role"),
        t("xlsx.col.local_profiles"),
        t("xlsx.col.code"),
        t("xlsx.col.competence"),
        t("xlsx.col.kind"),
        t("xlsx.col.relevant"),
        t("xlsx.col.level"),
        t("xlsx.col.target"),
        t("xlsx.col.gap"),
        t("xlsx.col.unused"),
        t("xlsx.col.state"),
        t("xlsx.col.note"),
        t("person.self_level"),
        t("selfview.export.difference"),
        t("person.wish"),
    ]
    widths = [16, 16, 7, 11, 18, 18, 26, 16, 40, 14, 9, 8, 10, 9, 10, 14, 30, 10, 9, 10]
    table(ws, header, _ratings_rows(src), widths, wrap=frozenset())


def _profiles_sheet(ws: Worksheet, src: _Source) -> None:
    session = src.session
    idx = build_index(session)
    result = analyse(session, index=idx)
    block_of = {e.id: line(b.title) for b, e in session.elements()}
    rows: list[list[Value]] = []
    for profile in session.profiles:
        q = result.profile(profile.id)
        counts: list[Value] = [
            profile.needed,
            len(q.qualified) if q else 0,
            len(q.close) if q else 0,
            q.shortfall if q else profile.needed,
        ]
        elements: list[str | None] = [c for c in profile.elements if c in idx.infos] or [None]
        for cid in elements:
            info = idx.infos[cid] if cid else None
            rows.append(
                [
                    line(profile.name),
                    *counts,
                    line(info.title) if info else "",
                    block_of.get(cid, t("export.basic")) if cid else "",
                    info.target if info else None,
                ]
            )
    header = [
        t("xlsx.col.profile"),
        t("xlsx.col.needed"),
        t("xlsx.col.qualified"),
        t("xlsx.col.close"),
        t("xlsx.col.shortfall"),
        t("xlsx.col.element"),
        t("xlsx.col.block"),
        t("xlsx.col.target"),
    ]
    table(ws, header, rows, [32, 10, 12, 8, 9, 44, 28, 10])


def _plan_sheet(ws: Worksheet, src: _Source) -> None:
    session, redact = src.session, src.redact
    idx = build_index(session)
    courses = {c.id: line(c.name) for c in session.courses}
    rows: list[list[Value]] = []
    for a in session.actions:
        whom = for_whom(a, src.names)
        rows.append(
            [
                redact(line(a.title)),
                t(f"action.{a.kind.value}"),
                whom,
                competence_titles(idx, a.competences),
                redact(line(a.owner)),
                a.deadline,
                t(f"action_status.{a.status.value}"),
                courses.get(a.course_id or "", ""),
                redact(text(a.transfer_plan)),
                redact(text(a.note)),
            ]
        )
    header = [
        t("xlsx.col.action"),
        t("xlsx.col.kind"),
        t("xlsx.col.for_whom"),
        t("xlsx.col.competences"),
        t("xlsx.col.owner"),
        t("xlsx.col.deadline"),
        t("xlsx.col.status"),
        t("xlsx.col.course"),
        t("xlsx.col.transfer_plan"),
        t("xlsx.col.note"),
    ]
    table(ws, header, rows, [32, 18, 20, 36, 18, 11, 12, 20, 48, 30], wrap=frozenset({0, 3, 8, 9}))


def _goals_sheet(ws: Worksheet, src: _Source) -> None:
    session = src.session
    idx = build_index(session)
    rows: list[list[Value]] = []
    for person in session.staff:
        for goal in person.goals:
            rows.append(
                [
                    src.names[person.id],
                    src.redact(text(goal.text)),
                    competence_titles(idx, goal.competences),
                    goal.deadline,
                    yes_no(goal.done),
                ]
            )
    header = [
        src.person_column,
        t("xlsx.col.goal"),
        t("xlsx.col.competences"),
        t("xlsx.col.deadline"),
        t("xlsx.col.done"),
    ]
    table(ws, header, rows, [20, 50, 40, 11, 8], wrap=frozenset({1, 2}))


# --- the workbook ----------------------------------------------------------------


def build_workbook(session: Session, with_names: bool = False) -> Workbook:
    """The workbook of a session (for tests and callers that add sheets)."""
    report = build_report(session, with_names)
    heat = next(
        (b for s in report.sections for b in s.blocks if isinstance(b, HeatMap)),
        None,
    )
    redact = name_redactor(session, with_names)
    src = _Source(session, labels(session, with_names), redact, with_names)
    # Write-only: rows stream out as they come, so 2,000 staff do not need gigabytes.
    wb = Workbook(write_only=True)
    _heat_map_sheet(wb.create_sheet(t("xlsx.sheet.heat_map")), heat, report.notice)
    for title, sheet in (
        ("xlsx.sheet.ratings", _ratings_sheet),
        ("xlsx.sheet.profiles", _profiles_sheet),
        ("xlsx.sheet.plan", _plan_sheet),
        ("xlsx.sheet.goals", _goals_sheet),
    ):
        sheet(wb.create_sheet(t(title)), src)
    wb.properties.title = redact(line(session.title))[:255]
    wb.properties.creator = "fagworkshop"
    return wb


def render_xlsx(session: Session, with_names: bool = False) -> bytes:
    """The workbook of a session as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    build_workbook(session, with_names).save(buffer)
    return buffer.getvalue()


__all__ = [
    "DATE_FORMAT",
    "FORMULA_START",
    "MAX_CELL",
    "Value",
    "build_workbook",
    "plain",
    "put",
    "render_xlsx",
]
