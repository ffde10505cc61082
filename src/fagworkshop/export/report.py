"""The summary report (opsamling) as a format-neutral document.

Markdown and HTML render the same :class:`Report`, built here once from a
session and its :class:`~fagworkshop.domain.analysis.Analysis`. Every string in
the document is plain text (user text and our own alike); each renderer
escapes all of it for its format, so nothing typed by a user is ever treated
as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from fagworkshop.domain.analysis import (
    Analysis,
    CellState,
    RoundComparison,
    SessionIndex,
    analyse,
    biggest_gaps,
    build_index,
    cell_text,
    classify,
    compare_rounds,
)
from fagworkshop.domain.self_view import self_view
from fagworkshop.domain.session import ActionKind, Session, Step
from fagworkshop.export.common import (
    export_time,
    labels,
    level_text,
    line,
    long_date,
    long_datetime,
    name_redactor,
    names_notice,
    text,
)
from fagworkshop.i18n import t


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
        _frame(session, with_names),
        *_decisions(session),
        *_notes(session),
        _basics(session),
        *_profiles(session, idx),
        *_gaps(session, analysis, idx, names),
        *_change(session, comparison, idx),
        *_plan(session, idx, names),
        # Printed on landscape pages of their own, after the flowing parts.
        _heat_map(session, analysis, idx, names) if heat_map else Section("", ()),
        *_per_person(
            _personal_gaps(analysis, idx, names),
            _self_assessments(session, analysis, idx, names),
            _goals(session, idx, names),
        ),
    ]
    report = Report(
        title=line(session.title),
        lead=_lead(session, analysis),
        notice=names_notice(with_names),
        sections=tuple(s for s in sections if s.blocks),
        footer=_footer(session, analysis, now or export_time()),
    )
    if with_names:
        return report
    redact = name_redactor(session, with_names)
    hidden = _redacted(report, redact)
    return replace(hidden, notice=names_notice(with_names, redact.count))


def _redacted(report: Report, redact: Callable[[str], str]) -> Report:
    """The report with people's names in free text replaced (see ``name_redactor``)."""

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


def _lead(session: Session, analysis: Analysis) -> tuple[tuple[str, str], ...]:
    f = session.frame
    status = t(f"status.{session.status.value}")
    if session.agreed_on:
        status = f"{status} ({long_date(session.agreed_on)})"
    items = [
        (t("export.jobcenter"), line(f.jobcenter)),
        (t("export.unit"), line(f.unit)),
        (t("export.date"), long_date(f.date)),
        (t("export.status"), status),
    ]
    round_text = _round_text(session, analysis)
    if round_text:
        items.append((t("export.round"), round_text))
    return tuple((k, v) for k, v in items if v)


def _round_text(session: Session, analysis: Analysis) -> str:
    """``Runde 2 (16. juni 2026, Opfølgning)``; empty without a round."""
    rnd = session.round(analysis.round_number) if analysis.round_number else None
    if rnd is None:
        return ""
    label = t("export.round_n", number=rnd.number)
    extra = ", ".join(x for x in (long_date(rnd.date), line(rnd.label)) if x)
    return f"{label} ({extra})" if extra else label


def _footer(session: Session, analysis: Analysis, now: dt.datetime) -> str:
    """The line under every printed page: export time, round, session title."""
    return t(
        "export.footer",
        when=long_datetime(now),
        round=_round_text(session, analysis) or t("export.footer.no_round"),
        title=line(session.title),
    )


def _frame(session: Session, with_names: bool) -> Section:
    f = session.frame
    facts = [
        (t("export.purpose"), t(f"purpose.{f.purpose.value}")),
        (t("export.catalogue"), line(f.catalogue_title or f.catalogue_id)),
    ]
    people = []
    for p in f.participants:
        name, role = line(p.name), line(p.role)
        if with_names:
            people.append(f"{name} ({role})" if role and name else name or role)
        elif role:
            people.append(role)
    if people:
        facts.append((t("export.participants"), "; ".join(people)))
    elif f.participants:
        facts.append((t("export.participants"), str(len(f.participants))))
    facts.append((t("export.core_task"), text(f.core_task)))
    return Section(t("step.1"), (Facts(tuple((k, v) for k, v in facts if v)),))


def _decisions(session: Session) -> list[Section]:
    items: list[tuple[str, str]] = []
    for step in Step:
        state = session.steps.get(step.key)
        if not state:
            continue
        for d in state.decisions:
            body = text(d.text).replace("\n", " ")
            when = f" ({long_date(d.made_on)})" if d.made_on else ""
            items.append((t(f"step.{int(step)}"), body + when))
    return [Section(t("export.decisions"), (Bullets(tuple(items)),))] if items else []


def _notes(session: Session) -> list[Section]:
    """The notes field of every step that has one, in step order (issue 11 item 8)."""
    items: list[tuple[str, str]] = []
    for step in Step:
        state = session.steps.get(step.key)
        if state and text(state.notes).strip():
            items.append((t(f"step.{int(step)}"), text(state.notes)))
    return [Section(t("export.notes"), (Facts(tuple(items)),))] if items else []


def _basics(session: Session) -> Section:
    themes = {th.id: line(th.title) for th in session.themes}
    rows = []
    for b in session.basics:
        if not b.included:
            continue
        rows.append(
            (
                line(b.shown_title),
                themes.get(b.theme, b.theme),
                level_text(session, b.min_level),
                t(f"priority.{b.priority.value}") if b.priority else "",
            )
        )
    header = (t("export.basic"), t("export.theme"), t("export.min_level"), t("export.priority"))
    blocks: tuple[Block, ...] = (Table(header, tuple(rows)),) if rows else ()
    return Section(t("step.2"), blocks)


def _profiles(session: Session, idx: SessionIndex) -> list[Section]:
    if not session.profiles:
        return []
    block_of = {e.id: line(b.title) for b, e in session.elements()}
    sections = [Section(t("export.local_profiles"), (Paragraph(t("export.local_profiles.lead")),))]
    for profile in session.profiles:
        blocks: list[Block] = [Facts(((t("export.needed"), str(profile.needed)),))]
        if text(profile.description):
            blocks.append(Paragraph(text(profile.description)))
        rows = []
        for cid in profile.elements:
            info = idx.infos.get(cid)
            if info is None:
                continue
            rows.append(
                (
                    line(info.title),
                    block_of.get(cid, t("export.basic")),
                    level_text(session, info.target),
                )
            )
        if rows:
            header = (t("export.element"), t("export.block"), t("export.target"))
            blocks.append(Table(header, tuple(rows)))
        sections.append(Section(line(profile.name), tuple(blocks), level=3))
    return sections


#: How many of the biggest gaps (analysis.biggest_gaps) the report lists, as step 7 does.
BIGGEST_GAPS = 8


def _gaps(
    session: Session, analysis: Analysis, idx: SessionIndex, names: dict[str, str]
) -> list[Section]:
    title = lambda cid: line(idx.infos[cid].title)  # noqa: E731
    coverage_rows = tuple(
        (
            line(c.competence.title),
            level_text(session, c.target),
            str(c.meets),
            str(c.below),
            str(c.unrated),
            str(c.unused),
        )
        for c in analysis.competences
    )
    coverage = Table(
        (
            t("export.competence"),
            t("export.target"),
            t("export.meets"),
            t("export.below"),
            t("export.unrated"),
            t("export.unused"),
        ),
        coverage_rows,
        numeric=frozenset({2, 3, 4, 5}),
    )
    biggest = tuple(
        (line(c.competence.title), t("gaps.biggest_line", below=c.below, short=c.levels_short))
        for c in biggest_gaps(analysis, BIGGEST_GAPS)
    )
    sections = [
        Section(t("step.5"), (Paragraph(t("export.gaps.lead")),), level=2),
        Section(t("gaps.biggest_title"), (Bullets(biggest),) if biggest else (), level=3),
        Section(t("export.coverage"), (coverage,) if coverage_rows else (), level=3),
    ]
    profile_rows = tuple(
        (
            line(p.name),
            str(p.needed),
            str(len(p.qualified)),
            str(len(p.close)),
            str(p.shortfall),
        )
        for p in analysis.profiles
    )
    if profile_rows:
        header = (
            t("export.profile"),
            t("export.needed"),
            t("export.qualified"),
            t("export.close"),
            t("export.shortfall"),
        )
        sections.append(
            Section(
                t("export.qualification"),
                (Table(header, profile_rows, numeric=frozenset({1, 2, 3, 4})),),
                level=3,
            )
        )
    singles = tuple(
        (line(c.competence.title), names[c.holders[0]]) for c in analysis.single_holders
    )
    sections.append(
        Section(
            t("export.single_holders"),
            (Bullets(singles),) if singles else (Paragraph(t("export.none")),),
            level=3,
        )
    )
    unused: list[tuple[str, str]] = []
    for person in analysis.people:
        if person.unused:
            items = ", ".join(
                title(u.competence_id) + (f" ({u.level})" if u.level is not None else "")
                for u in person.unused
                if u.competence_id in idx.infos
            )
            unused.append((names[person.person_id], items))
    sections.append(
        Section(
            t("export.unused_title"),
            (Bullets(tuple(unused)),) if unused else (Paragraph(t("export.none")),),
            level=3,
        )
    )
    return sections


def _personal_gaps(analysis: Analysis, idx: SessionIndex, names: dict[str, str]) -> list[Section]:
    """Each person's gaps (den enkeltes huller); nothing when nobody is analysed."""
    if not analysis.people:
        return []
    title = lambda cid: line(idx.infos[cid].title)  # noqa: E731
    sections: list[Section] = []
    personal: list[tuple[str, str]] = []
    for person in analysis.people:
        if person.gaps:
            items = ", ".join(
                t(
                    "export.gap_item",
                    competence=title(g.competence_id),
                    level=g.level,
                    target=g.target,
                )
                for g in person.gaps
            )
            personal.append((names[person.person_id], items))
    sections.append(
        Section(
            t("export.personal_gaps"),
            (Bullets(tuple(personal)),) if personal else (Paragraph(t("export.none")),),
            level=3,
        )
    )
    return sections


def _self_assessments(
    session: Session, analysis: Analysis, idx: SessionIndex, names: dict[str, str]
) -> list[Section]:
    """Own level beside the leaders' and the difference (``domain.self_view``), per person
    and competence where the person gave an own level or a wish; the wishes that meet a
    gap. Nothing when nobody did in the round."""
    view = self_view(session, index=idx, analysis=analysis)
    rnd = session.round(analysis.round_number) if analysis.round_number else None
    if rnd is None or not view.has_self_assessment:
        return []
    rows: list[tuple[str, ...]] = []
    for person in session.staff:
        own = rnd.self_ratings.get(person.id, {})
        wished = set(rnd.wishes.get(person.id, ()))
        leaders = rnd.ratings.get(person.id, {})
        for cid in idx.infos:
            if cid not in own and cid not in wished:
                continue
            difference = view.difference(person.id, cid)
            shown = ""
            if difference is not None:
                shown = f"{difference.difference:+d}" if difference.difference else "0"
                if difference.flagged:
                    shown += " " + t("selfview.export.flag_mark")
            rows.append(
                (
                    names[person.id],
                    line(idx.infos[cid].title),
                    "" if leaders.get(cid) is None else str(leaders[cid]),
                    "" if own.get(cid) is None else str(own[cid]),
                    shown,
                    t("person.yes") if cid in wished else "",
                )
            )
    header = (
        t("export.staff"),
        t("export.competence"),
        t("selfview.export.leaders"),
        t("person.self_level"),
        t("selfview.export.difference"),
        t("person.wish"),
    )
    blocks: list[Block] = [
        Paragraph(t("selfview.export.lead")),
        Table(header, tuple(rows), numeric=frozenset({2, 3, 4})),
    ]
    sections = [Section(t("selfview.export.title"), tuple(blocks), level=3)]
    meeting: dict[str, list[str]] = {}
    for wish in view.wishes_meeting_gap:
        meeting.setdefault(wish.person_id, []).append(
            t(
                "export.gap_item",
                competence=line(idx.infos[wish.competence_id].title),
                level=wish.leader,
                target=wish.target,
            )
        )
    items = tuple((names[pid], ", ".join(found)) for pid, found in meeting.items())
    sections.append(
        Section(
            t("selfview.gaps.wish_gap"),
            (Bullets(items),) if items else (Paragraph(t("export.none")),),
            level=3,
        )
    )
    return sections


def _heat_map(
    session: Session, analysis: Analysis, idx: SessionIndex, names: dict[str, str]
) -> Section:
    rnd = session.round(analysis.round_number) if analysis.round_number else None
    ratings = rnd.ratings if rnd else {}
    unused = rnd.unused if rnd else {}
    cids = [c.id for c in analysis.competences]
    columns = tuple((f"K{i}", line(idx.infos[cid].title)) for i, cid in enumerate(cids, 1))
    targets = tuple(
        "" if idx.infos[cid].target is None else str(idx.infos[cid].target) for cid in cids
    )
    rows = []
    for person in session.staff:
        mine = ratings.get(person.id, {})
        relevant = idx.relevant.get(person.id, frozenset())
        flags = set(unused.get(person.id, ()))
        cells = []
        for cid in cids:
            level = mine.get(cid)
            state = classify(level, idx.infos[cid].target, cid in relevant)
            cells.append(HeatCell(_heat_text(level, state), state, cid in flags))
        rows.append((names[person.id], tuple(cells)))
    if not cids or not rows:
        return Section(t("export.heat_map"), ())
    legend = Table(
        (t("export.code"), t("export.competence")), tuple((c, title) for c, title in columns)
    )
    return Section(
        t("export.heat_map"),
        (Paragraph(t("export.heat_map.lead")), HeatMap(columns, targets, tuple(rows)), legend),
        css_class="heatmap",
    )


def _heat_text(level: int | None, state: CellState) -> str:
    if state == CellState.NOT_RELEVANT:
        return "" if level is None else str(level)
    return cell_text(level, state)


def _change(
    session: Session, comparison: RoundComparison | None, idx: SessionIndex
) -> list[Section]:
    if comparison is None:
        return []
    title = t("export.change", before=comparison.before, after=comparison.after)
    blocks: list[Block] = []
    if comparison.profiles:
        blocks.append(
            Table(
                (t("export.profile"), t("export.needed"), t("export.before"), t("export.after")),
                tuple(
                    (
                        line(p.name),
                        str(p.needed),
                        str(p.qualified_before),
                        str(p.qualified_after),
                    )
                    for p in comparison.profiles
                ),
                numeric=frozenset({1, 2, 3}),
            )
        )
    changed = tuple(
        (line(idx.infos[c.competence_id].title), str(c.meets_before), str(c.meets_after))
        for c in comparison.competences
        if c.delta
    )
    if changed:
        blocks.append(
            Table(
                (t("export.competence"), t("export.meets_before"), t("export.meets_after")),
                changed,
                numeric=frozenset({1, 2}),
            )
        )
    if not blocks:
        blocks.append(Paragraph(t("export.no_change")))
    return [Section(title, tuple(blocks))]


def _plan(session: Session, idx: SessionIndex, names: dict[str, str]) -> list[Section]:
    if not session.actions:
        return []
    sections = [Section(t("step.6"), (Paragraph(t("export.plan.lead")),))]
    for action in session.actions:
        whom = (
            ", ".join(names[p] for p in action.for_whom if p in names)
            if action.for_whom
            else t("whole_group")
        )
        facts = [
            (t("export.kind"), t(f"action.{action.kind.value}")),
            (t("export.for_whom"), whom),
            (
                t("export.competences"),
                ", ".join(line(idx.infos[c].title) for c in action.competences if c in idx.infos),
            ),
            (t("export.owner"), line(action.owner)),
            (t("export.deadline"), long_date(action.deadline)),
            (t("export.action_status"), t(f"action_status.{action.status.value}")),
        ]
        course = next((c for c in session.courses if c.id == action.course_id), None)
        if course is not None:
            facts.append((t("export.course"), line(course.name)))
        plan = text(action.transfer_plan)
        if not plan:
            missing = action.kind == ActionKind.COURSE
            plan = t("export.transfer_missing") if missing else t("export.none")
        facts.append((t("export.transfer_plan"), plan))
        if text(action.note):
            facts.append((t("export.note"), text(action.note)))
        sections.append(
            Section(line(action.title), (Facts(tuple((k, v) for k, v in facts if v)),), level=3)
        )
    return sections


def _goals(session: Session, idx: SessionIndex, names: dict[str, str]) -> list[Section]:
    items: list[tuple[str, str]] = []
    for person in session.staff:
        for goal in person.goals:
            parts = [text(goal.text).replace("\n", " ")]
            comps = ", ".join(line(idx.infos[c].title) for c in goal.competences if c in idx.infos)
            if comps:
                parts.append(comps)
            if goal.deadline:
                parts.append(t("export.goal_deadline", date=long_date(goal.deadline)))
            if goal.done:
                parts.append(t("export.goal_done"))
            items.append((names[person.id], " · ".join(parts)))
    return [Section(t("export.goals"), (Bullets(tuple(items)),), level=3)] if items else []


def _per_person(*parts: list[Section]) -> list[Section]:
    """The per-person part (den enkelte medarbejder): its own printed page onwards."""
    sections = [s for part in parts for s in part]
    if not sections:
        return []
    head = Section(
        t("export.per_person"), (Paragraph(t("export.per_person.lead")),), css_class="person"
    )
    return [head, *sections]
