"""The overview across units (oversigt) as a report, in Markdown, HTML or Excel.

:func:`build_overview_report` turns :func:`fagworkshop.domain.overview.build_overview`
into the same format-neutral :class:`~fagworkshop.export.report.Report` the
workshop summary uses, so the Markdown and HTML renderers print it as they
print a summary; :func:`render_overview_xlsx` writes each of its tables to a
sheet of its own. Without ``with_names`` no person is named: every figure is a
count, and staff or participant names typed into action titles are replaced
as in every other export.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence

from fagworkshop.domain.overview import CompetenceAcross, Overview, build_overview
from fagworkshop.domain.session import Session
from fagworkshop.export.common import bullets_or, date_text, line, name_redactor, names_notice
from fagworkshop.export.html import render_report as render_html
from fagworkshop.export.markdown import render_report as render_md
from fagworkshop.export.report import Bullets, Paragraph, Report, Section, Table
from fagworkshop.i18n import t

#: Output formats of the overview.
OVERVIEW_FORMATS = ("html", "xlsx", "md")


def _share(meets: int, relevant: int) -> str:
    return t("overview.share", meets=meets, relevant=relevant) if relevant else "–"


def _cell(comp: CompetenceAcross, unit: int) -> str:
    cell = comp.cells[unit]
    if cell is None:
        return t("overview.absent")
    if cell.target is None:
        return t("overview.no_target")
    return _share(cell.meets, cell.relevant)


def _round_text(number: int | None, date: dt.date | None) -> str:
    if number is None:
        return "–"
    text = t("export.round_n", number=number)
    return f"{text} ({date_text(date)})" if date else text


def _kind(comp: CompetenceAcross) -> str:
    return t(f"overview.kind.{comp.kind.value}")


def _people(count: int) -> str:
    return t("overview.people", count=count)


def _coverage_table(ov: Overview) -> Table:
    header = (
        t("overview.col.code"),
        t("overview.col.competence"),
        t("overview.col.kind"),
        *(line(u.label) for u in ov.units),
        t("overview.col.total"),
    )
    rows = tuple(
        (
            comp.id,
            line(comp.title),
            _kind(comp),
            *(_cell(comp, i) for i in range(len(ov.units))),
            _share(comp.meets, comp.relevant),
        )
        for comp in ov.competences
    )
    return Table(header, rows, numeric=frozenset(range(3, 4 + len(ov.units))))


def _holder_text(ov: Overview, comp: CompetenceAcross, with_names: bool) -> str:
    unit, person = comp.holders[0]
    where = line(ov.units[unit].label)
    if with_names:
        return t(
            "overview.single.named", name=line(ov.names.get((unit, person), person)), unit=where
        )
    return t("overview.single.counted", unit=where)


def _unused_text(ov: Overview, comp: CompetenceAcross) -> str:
    pairs = comp.unused_needed_elsewhere
    unused_in = sorted({u for u, _ in pairs})
    needed_in = sorted({s for _, s in pairs})
    return t(
        "overview.unused.text",
        unused=", ".join(
            f"{line(ov.units[u].label)} ({_people(comp.cells[u].unused)})"  # type: ignore[union-attr]
            for u in unused_in
        ),
        needed=", ".join(
            f"{line(ov.units[s].label)} ({_people(comp.cells[s].short)})"  # type: ignore[union-attr]
            for s in needed_in
        ),
    )


def _plans(ov: Overview, redactors: Sequence[Callable[[str], str]], with_names: bool) -> Table:
    titles = {c.id: c.title for c in ov.competences}
    header = [
        t("overview.col.unit"),
        t("overview.col.action"),
        t("overview.col.kind"),
        t("overview.col.competences"),
        t("overview.col.people"),
        t("overview.col.deadline"),
        t("overview.col.status"),
    ]
    if with_names:
        header.append(t("overview.col.owner"))
    rows = []
    for row in ov.plans:
        redact = redactors[row.unit]
        cells = [
            line(ov.units[row.unit].label),
            redact(line(row.title)),
            t(f"action.{row.kind.value}"),
            ", ".join(f"{c} {line(titles.get(c, ''))}".strip() for c in row.competences),
            str(len(row.people)),
            date_text(row.deadline),
            t(f"action_status.{row.status.value}"),
        ]
        if with_names:
            cells.append(line(row.owner))
        rows.append(tuple(cells))
    return Table(tuple(header), tuple(rows), numeric=frozenset({4}))


def build_overview_report(sessions: Sequence[Session], with_names: bool = False) -> Report:
    """The overview of several units' sessions as a report (no names unless asked)."""
    ov = build_overview(sessions)
    redactors = [name_redactor(s, with_names) for s in sessions]
    units = Table(
        (
            t("overview.col.unit"),
            t("overview.col.jobcenter"),
            t("overview.col.workshop"),
            t("overview.col.staff"),
            t("overview.col.round"),
        ),
        tuple(
            (
                line(u.label),
                line(u.jobcenter),
                line(u.title),
                str(u.staff),
                _round_text(u.round_number, u.round_date),
            )
            for u in ov.units
        ),
        numeric=frozenset({3}),
    )
    single = bullets_or(
        ((f"{c.id} {line(c.title)}", _holder_text(ov, c, with_names)) for c in ov.single_holders),
        t("overview.single.none"),
    )
    thin = bullets_or(
        (
            (
                f"{c.id} {line(c.title)}",
                t("overview.thin.text", short=c.relevant - c.meets, relevant=c.relevant)
                + " · "
                + ", ".join(line(ov.units[i].label) for i in c.short_units),
            )
            for c in ov.thin[:15]
        ),
        t("overview.thin.none"),
    )
    unused = bullets_or(
        ((f"{c.id} {line(c.title)}", _unused_text(ov, c)) for c in ov.unused_needed_elsewhere),
        t("overview.unused.none"),
    )
    profiles = Table(
        (
            t("overview.col.unit"),
            t("overview.col.profile"),
            t("overview.col.needed"),
            t("overview.col.qualified"),
            t("overview.col.shortfall"),
        ),
        tuple(
            (
                line(ov.units[p.unit].label),
                line(p.name),
                str(p.needed),
                str(p.qualified),
                str(p.shortfall),
            )
            for p in ov.profiles
        ),
        numeric=frozenset({2, 3, 4}),
    )
    sections = (
        Section(t("overview.section.units"), (units,)),
        Section(
            t("overview.section.coverage"),
            (Paragraph(t("overview.coverage.lead")), _coverage_table(ov)),
        ),
        Section(t("overview.section.thin"), (thin,)),
        Section(t("overview.section.single"), (single,)),
        Section(t("overview.section.unused"), (unused,)),
        Section(t("overview.section.profiles"), (profiles,)),
        Section(
            t("overview.section.plans"),
            (_plans(ov, redactors, with_names),)
            if ov.plans
            else (Paragraph(t("overview.plans.none")),),
        ),
    )
    jobcentres = sorted({line(u.jobcenter) for u in ov.units if u.jobcenter})
    return Report(
        title=t("overview.title"),
        lead=(
            (t("overview.col.jobcenter"), ", ".join(jobcentres) or "–"),
            (t("overview.units"), str(len(ov.units))),
            (t("overview.col.staff"), str(sum(u.staff for u in ov.units))),
        ),
        notice=names_notice(with_names),
        sections=sections,
    )


def _xlsx_value(value: str) -> str | int:
    """A number stays a number; text that a spreadsheet would run as a formula stays text."""
    if value.isdigit() and len(value) < 10:
        return int(value)
    return value


def render_overview_xlsx(report: Report) -> bytes:
    """Each table of the report on a sheet of its own, lists as one-column sheets."""
    # openpyxl (0.14 s to import) only when an Excel file is written or read
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # openpyxl: active may be None
    used: set[str] = set()
    for section in report.sections:
        name = re.sub(r"[\\/?*\[\]:]", "", section.title)[:31].strip()
        while name in used:
            name = name[:28] + f" {len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        for block in section.blocks:
            if isinstance(block, Table):
                sheet.append(list(block.header))
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
                for row in block.rows:
                    sheet.append([_xlsx_value(v) for v in row])
                    for cell in sheet[sheet.max_row]:
                        if isinstance(cell.value, str):
                            cell.data_type = "s"  # never a formula
                sheet.freeze_panes = "B2"
                sheet.auto_filter.ref = sheet.dimensions
            elif isinstance(block, Bullets):
                for lead, rest in block.items:
                    sheet.append([lead, rest])
            elif isinstance(block, Paragraph):
                sheet.append([block.text])
        for column in sheet.columns:
            width = max((len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render_overview(fmt: str, sessions: Sequence[Session], with_names: bool = False) -> bytes:
    """The overview in one of :data:`OVERVIEW_FORMATS`, as the bytes to write."""
    report = build_overview_report(sessions, with_names)
    if fmt == "xlsx":
        return render_overview_xlsx(report)
    if fmt == "md":
        return render_md(report).encode("utf-8")

    return render_html(report).encode("utf-8")


__all__ = ["OVERVIEW_FORMATS", "build_overview_report", "render_overview", "render_overview_xlsx"]
