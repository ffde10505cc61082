"""The report's sections on what the team decided: the lead and footer, the frame,
decisions and notes of every step, basic competences, local profiles, the plan,
personal goals, and the per-person part that opens a printed page.
"""

from __future__ import annotations

import datetime as dt

from fagworkshop.domain.analysis import (
    Analysis,
    SessionIndex,
)
from fagworkshop.domain.session import ActionKind, Session, Step
from fagworkshop.export.common import (
    action_facts,
    for_whom,
    goal_details,
    level_text,
    line,
    long_date,
    long_datetime,
    text,
)
from fagworkshop.export.report_model import (
    Block,
    Bullets,
    Facts,
    Paragraph,
    Section,
    Table,
)
from fagworkshop.i18n import t


def report_lead(session: Session, analysis: Analysis) -> tuple[tuple[str, str], ...]:
    """The workshop facts under the title: jobcenter, unit, date, status, round."""
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
    round_text = round_label(session, analysis)
    if round_text:
        items.append((t("export.round"), round_text))
    return tuple((k, v) for k, v in items if v)


def round_label(session: Session, analysis: Analysis) -> str:
    """``Runde 2 (16. juni 2026, Opfølgning)``; empty without a round."""
    rnd = session.round(analysis.round_number) if analysis.round_number else None
    if rnd is None:
        return ""
    label = t("export.round_n", number=rnd.number)
    extra = ", ".join(x for x in (long_date(rnd.date), line(rnd.label)) if x)
    return f"{label} ({extra})" if extra else label


def report_footer(session: Session, analysis: Analysis, now: dt.datetime) -> str:
    """The line under every printed page: export time, round, session title."""
    return t(
        "export.footer",
        when=long_datetime(now),
        round=round_label(session, analysis) or t("export.footer.no_round"),
        title=line(session.title),
    )


def frame_section(session: Session, with_names: bool) -> Section:
    """Step 1: purpose, catalogue, participants (roles only without names), core task."""
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


def decision_sections(session: Session) -> list[Section]:
    """Every step's decisions (aftaler), dated, in step order."""
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


def note_sections(session: Session) -> list[Section]:
    """The notes field of every step that has one, in step order (issue 11 item 8)."""
    items: list[tuple[str, str]] = []
    for step in Step:
        state = session.steps.get(step.key)
        if state and text(state.notes).strip():
            items.append((t(f"step.{int(step)}"), text(state.notes)))
    return [Section(t("export.notes"), (Facts(tuple(items)),))] if items else []


def basics_section(session: Session) -> Section:
    """Step 2: the included basic competences with theme, minimum level and priority."""
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


def profile_sections(session: Session, idx: SessionIndex) -> list[Section]:
    """Step 3: each local profile with its need and its elements' targets."""
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


def plan_sections(session: Session, idx: SessionIndex, names: dict[str, str]) -> list[Section]:
    """Step 6: each action with its kind, people, competences, owner, deadline, transfer plan."""
    if not session.actions:
        return []
    sections = [Section(t("step.6"), (Paragraph(t("export.plan.lead")),))]
    for action in session.actions:
        whom = for_whom(action, names)
        facts = action_facts(action, idx, whom, long_date)
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


def goal_sections(session: Session, idx: SessionIndex, names: dict[str, str]) -> list[Section]:
    """Personal development goals (udviklingsmål), person by person."""
    items: list[tuple[str, str]] = []
    for person in session.staff:
        for goal in person.goals:
            parts = [text(goal.text).replace("\n", " "), *goal_details(goal, idx, long_date)]
            items.append((names[person.id], " · ".join(parts)))
    return [Section(t("export.goals"), (Bullets(tuple(items)),), level=3)] if items else []


def per_person_sections(*parts: list[Section]) -> list[Section]:
    """The per-person part (den enkelte medarbejder): its own printed page onwards."""
    sections = [s for part in parts for s in part]
    if not sections:
        return []
    head = Section(
        t("export.per_person"), (Paragraph(t("export.per_person.lead")),), css_class="person"
    )
    return [head, *sections]
