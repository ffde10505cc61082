"""The summary report (opsamling) as a format-neutral document.

Markdown and HTML render the same :class:`Report`, built here once from a
session and its :class:`~fagworkshop.domain.analysis.Analysis`. Every string in
the document is plain text (user text and our own alike); each renderer
escapes all of it for its format, so nothing typed by a user is ever treated
as markup.

The types are in :mod:`.report_model`, the sections in :mod:`.report_workshop` and
:mod:`.report_gaps`; this module builds the whole and re-exports the types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from fagworkshop.domain.analysis import RoundComparison, analyse, build_index, compare_rounds
from fagworkshop.domain.session import Session
from fagworkshop.export.common import export_time, labels, line, name_redactor, names_notice
from fagworkshop.export.report_gaps import (
    BIGGEST_GAPS,
    change_sections,
    gap_sections,
    heat_map_section,
    personal_gap_sections,
    self_assessment_sections,
)
from fagworkshop.export.report_model import (
    Block,
    Bullets,
    Facts,
    HeatCell,
    HeatMap,
    Paragraph,
    Report,
    Section,
    Table,
)
from fagworkshop.export.report_workshop import (
    basics_section,
    decision_sections,
    frame_section,
    goal_sections,
    note_sections,
    per_person_sections,
    plan_sections,
    profile_sections,
    report_footer,
    report_lead,
)

# --- building ------------------------------------------------------------------------


def build_report(
    session: Session,
    with_names: bool = False,
    heat_map: bool = True,
    now: dt.datetime | None = None,
) -> Report:
    """The summary report of a session in its latest round (``heat_map=False`` skips it).

    ``now`` is the export time named in the footer (default :func:`export_time`).
    """
    idx = build_index(session)
    analysis = analyse(session, index=idx)
    names = labels(session, with_names)
    comparison: RoundComparison | None = None
    if len(session.rounds) >= 2:
        comparison = compare_rounds(session, index=idx)
    sections: list[Section] = [
        frame_section(session, with_names),
        *decision_sections(session),
        *note_sections(session),
        basics_section(session),
        *profile_sections(session, idx),
        *gap_sections(session, analysis, idx, names),
        *change_sections(session, comparison, idx),
        *plan_sections(session, idx, names),
        # Printed on landscape pages of their own, after the flowing parts.
        heat_map_section(session, analysis, idx, names) if heat_map else Section("", ()),
        *per_person_sections(
            personal_gap_sections(analysis, idx, names),
            self_assessment_sections(session, analysis, idx, names),
            goal_sections(session, idx, names),
        ),
    ]
    report = Report(
        title=line(session.title),
        lead=report_lead(session, analysis),
        notice=names_notice(with_names),
        sections=tuple(s for s in sections if s.blocks),
        footer=report_footer(session, analysis, now or export_time()),
    )
    if with_names:
        return report
    redact = name_redactor(session, with_names)
    hidden = redacted(report, redact)
    return replace(hidden, notice=names_notice(with_names, redact.count))


def redacted(report: Report, redact: Callable[[str], str]) -> Report:
    """The report with every text passed through ``redact`` (``export.common.name_redactor``
    replaces people's names in free text); the notice is kept as it is."""

    def pairs(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return tuple((redact(a), redact(b)) for a, b in items)

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            return Paragraph(redact(b.text))
        if isinstance(b, Facts):
            return Facts(pairs(b.items))
        if isinstance(b, Bullets):
            return Bullets(pairs(b.items))
        if isinstance(b, Table):
            rows = tuple(tuple(redact(c) for c in row) for row in b.rows)
            return Table(tuple(redact(h) for h in b.header), rows, b.numeric)
        return HeatMap(pairs(b.columns), b.targets, b.rows)

    return Report(
        title=redact(report.title),
        lead=pairs(report.lead),
        notice=report.notice,
        sections=tuple(
            Section(redact(s.title), tuple(block(b) for b in s.blocks), s.level, s.css_class)
            for s in report.sections
        ),
        footer=redact(report.footer),
    )


__all__ = [
    "BIGGEST_GAPS",
    "Block",
    "Bullets",
    "Facts",
    "HeatCell",
    "HeatMap",
    "Paragraph",
    "Report",
    "Section",
    "Table",
    "build_report",
    "redacted",
]
