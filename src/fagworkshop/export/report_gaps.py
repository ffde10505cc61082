"""The report's sections on gaps: coverage and the biggest gaps, qualification, single
holders, unused competences, each person's gaps, self-assessments, the heat map and
the change between rounds. All from the :class:`~fagworkshop.domain.analysis.Analysis`.
"""

from __future__ import annotations

from fagworkshop.domain.analysis import (
    Analysis,
    CellState,
    RoundComparison,
    SessionIndex,
    biggest_gaps,
    cell_text,
    classify,
)
from fagworkshop.domain.self_view import self_view
from fagworkshop.domain.session import Session
from fagworkshop.export.common import bullets_section, difference_text, level_text, line
from fagworkshop.export.report_model import (
    Block,
    Bullets,
    HeatCell,
    HeatMap,
    Paragraph,
    Section,
    Table,
)
from fagworkshop.i18n import t

#: How many of the biggest gaps (analysis.biggest_gaps) the report lists, as step 7 does.
BIGGEST_GAPS = 8


def gap_sections(
    session: Session, analysis: Analysis, idx: SessionIndex, names: dict[str, str]
) -> list[Section]:
    """Step 5: the biggest gaps, coverage, qualification, single holders, unused competences."""
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
    sections.append(bullets_section(t("export.single_holders"), singles))
    unused: list[tuple[str, str]] = []
    for person in analysis.people:
        if person.unused:
            items = ", ".join(
                title(u.competence_id) + (f" ({u.level})" if u.level is not None else "")
                for u in person.unused
                if u.competence_id in idx.infos
            )
            unused.append((names[person.person_id], items))
    sections.append(bullets_section(t("export.unused_title"), unused))
    return sections


def personal_gap_sections(
    analysis: Analysis, idx: SessionIndex, names: dict[str, str]
) -> list[Section]:
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
    sections.append(bullets_section(t("export.personal_gaps"), personal))
    return sections


def self_assessment_sections(
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
        part = rnd.person_part(person.id)
        own, wished, leaders = part.own, part.wishes, part.levels
        for cid in idx.infos:
            if cid not in own and cid not in wished:
                continue
            shown = difference_text(view.difference(person.id, cid))
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
    sections.append(bullets_section(t("selfview.gaps.wish_gap"), items))
    return sections


def heat_map_section(
    session: Session, analysis: Analysis, idx: SessionIndex, names: dict[str, str]
) -> Section:
    """Staff against competences, each cell against its target, with a legend of codes."""
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
    """A cell's text; a level given where the competence is not relevant is still shown."""
    if state == CellState.NOT_RELEVANT:
        return "" if level is None else str(level)
    return cell_text(level, state)


def change_sections(
    session: Session, comparison: RoundComparison | None, idx: SessionIndex
) -> list[Section]:
    """The change between the last two rounds: qualified head-counts and coverage."""
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
