"""One person's sheet for the appraisal talk (udviklingssamtale, MUS).

A :class:`~fagworkshop.export.report.Report` like the summary, so every
renderer of the report model can show it: the person's local profiles, their
ratings against target in the latest round, their gaps, the competences they
hold but do not use, their development goals and the actions they take part
in (named for them, or for the whole group). Where the person rated themselves
or wished to develop something (selvvurdering), the ratings table shows their
own level and the difference beside the leaders' (``domain.self_view``), and
their wishes that meet a gap are listed. The same sheet serves a person's
own-data export.

People appear as in the summary: initials or pseudonym unless ``with_names``,
and names typed into free text are replaced the same way.
"""

from __future__ import annotations

from fagworkshop.domain.analysis import (
    Analysis,
    Gap,
    SessionIndex,
    analyse,
    build_index,
    cell_text,
    classify,
)
from fagworkshop.domain.self_view import cell_difference
from fagworkshop.domain.session import PersonRound, Session
from fagworkshop.export.common import (
    bullets_section,
    difference_text,
    for_whom,
    goal_details,
    labels,
    level_text,
    line,
    long_date,
    name_redactor,
    names_notice,
    text,
)
from fagworkshop.export.report import (
    Block,
    Bullets,
    Paragraph,
    Report,
    Section,
    Table,
    redacted,
)
from fagworkshop.i18n import t


def build_person_sheet(
    session: Session,
    person_id: str,
    with_names: bool = False,
    *,
    index: SessionIndex | None = None,
    analysis: Analysis | None = None,
) -> Report:
    """The one-page sheet of one person (``KeyError`` for an unknown id).

    ``index`` and ``analysis`` may be passed in when many sheets are built
    from one session, so the analysis runs once.
    """
    person = session.person(person_id)
    if person is None:
        raise KeyError(person_id)
    idx = index or build_index(session)
    result = analysis or analyse(session, index=idx)
    names = labels(session, with_names)
    label = names[person_id]
    rnd = session.round(result.round_number) if result.round_number else None
    part = rnd.person_part(person_id) if rnd else PersonRound()
    mine, flags, notes, own, wished = part.levels, part.unused, part.notes, part.own, part.wishes
    voiced = bool(own or wished)  # the own columns only where the person said something
    title_of = lambda cid: line(idx.infos[cid].title)  # noqa: E731

    lead = [
        (t("export.jobcenter"), line(session.frame.jobcenter)),
        (t("export.unit"), line(session.frame.unit)),
        (t("sheet.role"), line(person.role)),
    ]
    if rnd is not None:
        when = long_date(rnd.date)
        number = t("export.round_n", number=rnd.number)
        lead.append((t("export.round"), f"{number} ({when})" if when else number))

    sections: list[Section] = [Section("", (Paragraph(t("sheet.lead")),), level=3)]

    by_id = {p.id: p for p in session.profiles}
    profile_items: list[tuple[str, str]] = []
    for pid in person.profiles:
        profile = by_id.get(pid)
        if profile is None:
            continue
        q = result.profile(pid)
        state = ""
        if q is not None:
            if person_id in q.qualified:
                state = t("sheet.profile_met")
            elif person_id in q.close:
                state = t("sheet.profile_close")
            else:
                state = t("sheet.profile_not_yet")
        profile_items.append((line(profile.name), state))
    sections.append(
        Section(
            t("sheet.profiles"),
            (Bullets(tuple(profile_items)),)
            if profile_items
            else (Paragraph(t("sheet.no_profiles")),),
            level=3,
        )
    )

    rows: list[tuple[str, ...]] = []
    shown_ids = list(idx.relevant_ordered.get(person_id, ()))
    relevant = set(shown_ids)
    # an own level or wish outside the person's profiles is shown too, after the rest
    shown_ids += [c for c in idx.infos if c not in relevant and (c in own or c in wished)]
    for cid in shown_ids:
        info = idx.infos[cid]
        level = mine.get(cid)
        state = classify(level, info.target, cid in relevant)
        row: tuple[str, ...] = (
            line(info.title),
            "" if level is None else str(level),
        )
        if voiced:
            shown = difference_text(cell_difference(rnd, person_id, cid))
            row += (
                "" if own.get(cid) is None else str(own[cid]),
                shown,
                t("person.yes") if cid in wished else "",
            )
        rows.append(
            row
            + (
                "" if info.target is None else str(info.target),
                cell_text(level, state) + ("*" if cid in flags else ""),
                text(notes.get(cid, "")).replace("\n", " "),
            )
        )
    if rows:
        leaders = t("selfview.export.leaders") if voiced else t("xlsx.col.level")
        header: tuple[str, ...] = (t("export.competence"), leaders)
        if voiced:
            header += (
                t("person.self_level"),
                t("selfview.export.difference"),
                t("person.wish"),
            )
        header += (
            t("export.target"),
            t("sheet.sign"),
            t("export.note"),
        )
        if not any(row[-1] for row in rows):  # no notes: no empty column on a tight page
            header, rows = header[:-1], [row[:-1] for row in rows]
        numeric = frozenset({1, 2, 3, 5}) if voiced else frozenset({1, 2})
        blocks: tuple[Block, ...] = (Table(header, tuple(rows), numeric=numeric),)
        if voiced:
            blocks = (Paragraph(t("selfview.export.lead")), *blocks)
        sections.append(Section(t("sheet.ratings"), blocks, level=3))

    # The gaps in one paragraph, biggest first: the table above holds the detail.
    gaps = result.person(person_id)
    found = sorted(
        (g for g in (gaps.gaps if gaps else ()) if g.competence_id in idx.infos),
        key=lambda g: g.level - g.target,
    )

    def gap_line(g: Gap) -> str:
        return t(
            "sheet.gap_item", competence=title_of(g.competence_id), level=g.level, target=g.target
        )

    gap_text = "; ".join(gap_line(g) for g in found)
    sections.append(Section(t("sheet.gaps"), (Paragraph(gap_text or t("export.none")),), level=3))
    # "vil gerne, og der er brug for det": domain.self_view's rule (a wish on one of the
    # person's gaps by the leaders' level), read from the analysis the sheet already has
    wish_gaps = [g for g in found if g.competence_id in wished]
    if wish_gaps:
        wish_text = "; ".join(gap_line(g) for g in wish_gaps)
        sections.append(Section(t("selfview.gaps.wish_gap"), (Paragraph(wish_text),), level=3))
    if gaps is not None and gaps.unused:
        items = tuple(
            (title_of(u.competence_id), level_text(session, u.level))
            for u in gaps.unused
            if u.competence_id in idx.infos
        )
        sections.append(Section(t("sheet.unused"), (Bullets(items),), level=3))

    goal_items: list[tuple[str, str]] = []
    for goal in person.goals:
        parts = goal_details(goal, idx, long_date)
        goal_items.append((text(goal.text).replace("\n", " "), " · ".join(parts)))
    sections.append(bullets_section(t("sheet.goals"), goal_items))

    action_items: list[tuple[str, str]] = []
    for action in session.actions:
        if action.for_whom and person_id not in action.for_whom:
            continue
        whom = for_whom(action, names)
        parts = [
            t(f"action.{action.kind.value}"),
            whom,
            long_date(action.deadline),
            t(f"action_status.{action.status.value}"),
        ]
        plan = text(action.transfer_plan).replace("\n", " ")
        if plan:
            parts.append(f"{t('export.transfer_plan')}: {plan}")
        action_items.append((line(action.title), " · ".join(p for p in parts if p)))
    sections.append(bullets_section(t("sheet.actions"), action_items))
    sections.append(Section(t("sheet.talk_notes"), (Paragraph(""),), level=3, css_class="notes"))

    report = Report(
        title=t("sheet.title", person=label),
        lead=tuple((k, v) for k, v in lead if v),
        notice=names_notice(with_names),
        sections=tuple(sections),
    )
    return report if with_names else redacted(report, name_redactor(session, with_names))
