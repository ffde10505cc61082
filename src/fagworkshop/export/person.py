"""A person's own data (indsigtsret, GDPR art. 15): everything a session holds about one
member of staff, and nothing about anyone else.

:func:`build_person_report` is the entry point: it makes a
:class:`~fagworkshop.export.report.Report`, so every renderer of the report
model shows it (:func:`render_person_markdown`, :func:`render_person_html`,
:func:`render_person_word` through ``docx_export.render_report_docx``). It holds the
person's entry (name, initials, role, local profiles, note), their ratings
with notes and unused flags in every round (and their own level and wish to
develop each, where they gave them), their gaps in the latest round,
the actions named for them, their development goals, and every sentence of
free text elsewhere in the session that mentions them, with where it stands
(step and field). Anyone else named in any of it (full name, a name part,
initials, pseudonym) becomes ``[anden person]``; actions for the whole group
are not about the person and are left out.

``fagworkshop export SESSION --person ID`` writes it (:func:`export_person`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from fagworkshop.domain.analysis import analyse, build_index
from fagworkshop.domain.names import (
    NameMatch,
    NameMatcher,
    TextPlace,
    session_matcher,
    text_fields,
)
from fagworkshop.domain.session import Person, Session
from fagworkshop.export import html, markdown
from fagworkshop.export.command import (
    ExportFailed,
    check_output_suffix,
    extension,
    make_folder,
    write_export,
)
from fagworkshop.export.common import (
    action_facts,
    bullets_section,
    date_text,
    default_output,
    goal_details,
    level_text,
    line,
    text,
)
from fagworkshop.export.report import (
    Block,
    Bullets,
    Facts,
    Paragraph,
    Report,
    Section,
    Table,
    redacted,
)
from fagworkshop.i18n import t
from fagworkshop.i18n.names import place_text
from fagworkshop.store.reading import load_session

#: The formats a person's own data is written in when none is asked for.
PERSON_FORMATS = ("md", "html", "docx")


def build_person_report(session: Session, person_id: str) -> Report:
    """Everything the session holds about one person, as a report (``KeyError`` if unknown).

    The person's own name stays (the report is for them); everyone else is
    ``[anden person]`` wherever they are named.
    """
    person = session.person(person_id)
    if person is None:
        raise KeyError(person_id)
    matcher = session_matcher(session, short_forms=True)
    sections = [
        _about(session, person),
        *_ratings(session, person),
        *_gaps(session, person),
        *_actions(session, person),
        *_goals(session, person),
        _mentions(session, person, matcher),
    ]
    f = session.frame
    lead = [
        (t("person.workshop"), line(session.title)),
        (t("export.jobcenter"), line(f.jobcenter)),
        (t("export.unit"), line(f.unit)),
        (t("export.date"), date_text(f.date)),
    ]
    report = Report(
        title=t("person.title", name=line(person.name)),
        lead=tuple((k, v) for k, v in lead if v),
        notice=t("person.notice"),
        sections=tuple(s for s in sections if s.blocks),
    )
    other = t("person.other")

    def others_hidden(value: str) -> str:
        return matcher.replace(value, lambda m: None if m.only(person_id) else other)[0]

    hidden = redacted(report, others_hidden)
    return replace(hidden, title=report.title)


def _about(session: Session, person: Person) -> Section:
    profiles = ", ".join(
        line(p.name) for pid in person.profiles if (p := session.profile(pid)) is not None
    )
    facts = [
        (t("person.name"), line(person.name)),
        (t("person.initials"), line(person.initials)),
        (t("person.role"), line(person.role)),
        (t("export.local_profiles"), profiles),
        (t("export.note"), text(person.note)),
    ]
    return Section(t("person.about"), (Facts(tuple((k, v) for k, v in facts if v)),))


def _ratings(session: Session, person: Person) -> list[Section]:
    idx = build_index(session)
    sections: list[Section] = []
    for rnd in sorted(session.rounds, key=lambda r: r.number):
        part = rnd.person_part(person.id)
        voiced = bool(part.own or part.wishes)  # their own columns only where they said something
        held = {*part.levels, *part.unused, *part.notes, *part.own, *part.wishes}
        rows = []
        for cid, info in idx.infos.items():
            if cid not in held:
                continue
            row: tuple[str, ...] = (
                line(info.title),
                level_text(session, part.levels.get(cid)) or t("person.unrated"),
                level_text(session, info.target),
                t("person.yes") if cid in part.unused else "",
                text(part.notes.get(cid, "")),
            )
            if voiced:
                row += (
                    level_text(session, part.own.get(cid)),
                    t("person.yes") if cid in part.wishes else "",
                )
            rows.append(row)
        extra = ", ".join(x for x in (date_text(rnd.date), line(rnd.label)) if x)
        title = t("export.round_n", number=rnd.number) + (f" ({extra})" if extra else "")
        header: tuple[str, ...] = (
            t("export.competence"),
            t("person.level"),
            t("export.target"),
            t("export.unused"),
            t("export.note"),
        )
        if voiced:
            header += (t("person.self_level"), t("person.wish"))
        blocks: tuple[Block, ...] = (
            (Table(header, tuple(rows)),) if rows else (Paragraph(t("export.none")),)
        )
        sections.append(Section(title, blocks, level=3))
    if not sections:
        return []
    return [Section(t("person.ratings"), (Paragraph(t("person.ratings.lead")),)), *sections]


def _gaps(session: Session, person: Person) -> list[Section]:
    idx = build_index(session)
    mine = analyse(session, index=idx).person(person.id)
    if mine is None:
        return []
    items: list[tuple[str, str]] = []
    for g in mine.gaps:
        title = line(idx.infos[g.competence_id].title)
        items.append(("", t("export.gap_item", competence=title, level=g.level, target=g.target)))
    for u in mine.unused:
        if u.competence_id in idx.infos:
            title = line(idx.infos[u.competence_id].title)
            items.append((t("export.unused"), title))
    return [bullets_section(t("export.personal_gaps"), items, level=2)]


def _actions(session: Session, person: Person) -> list[Section]:
    idx = build_index(session)
    sections: list[Section] = []
    for action in session.actions:
        if person.id not in action.for_whom:
            continue
        others = len(action.for_whom) - 1
        whom = t("person.for_you") if not others else t("person.for_you_and", count=others)
        facts = [
            *action_facts(action, idx, whom, date_text),
            (t("export.transfer_plan"), text(action.transfer_plan)),
            (t("export.note"), text(action.note)),
        ]
        sections.append(
            Section(line(action.title), (Facts(tuple((k, v) for k, v in facts if v)),), level=3)
        )
    if not sections:
        return []
    return [Section(t("step.6"), (Paragraph(t("person.actions.lead")),)), *sections]


def _goals(session: Session, person: Person) -> list[Section]:
    idx = build_index(session)
    items: list[tuple[str, str]] = []
    for goal in person.goals:
        parts = [text(goal.text).replace("\n", " "), *goal_details(goal, idx, date_text)]
        items.append(("", " · ".join(parts)))
    return [Section(t("export.goals"), (Bullets(tuple(items)),))] if items else []


# Where a sentence ends: after . ! ? followed by space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _sentences(value: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(value):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(value)))
    return [(a, b) for a, b in spans if value[a:b].strip()]


def mention_snippet(value: str, matches: list[NameMatch], person_id: str) -> str:
    """The sentences of ``value`` that mention ``person_id`` (joined by `` … ``); empty if none."""
    spans = _sentences(value)
    wanted: list[tuple[int, int]] = []
    for m in matches:
        if not m.only(person_id):
            continue
        for span in spans:
            if span[0] < m.end and m.start < span[1] and span not in wanted:
                wanted.append(span)
    wanted.sort()
    return " … ".join(" ".join(value[a:b].split()) for a, b in wanted)


def _mentions(session: Session, person: Person, matcher: NameMatcher) -> Section:
    """Every sentence of free text outside the person's own entries that names them."""
    items: list[tuple[str, str]] = []
    for field in text_fields(session, skip_person=person.id):
        if field.place.path[:1] == ("actions",) and _action_for(session, field.place, person):
            continue  # shown in full above
        found = matcher.matches(field.value)
        if not any(m.only(person.id) for m in found):
            continue
        snippet = mention_snippet(field.value, found, person.id)
        items.append((place_text(field.place.step, field.place.path), snippet))
    blocks: tuple[Block, ...] = (
        (Paragraph(t("person.mentions.lead")), Bullets(tuple(items)))
        if items
        else (Paragraph(t("person.mentions.none")),)
    )
    return Section(t("person.mentions"), blocks)


def _action_for(session: Session, place: TextPlace, person: Person) -> bool:
    path = place.path
    if len(path) < 2 or not isinstance(path[1], int) or path[1] >= len(session.actions):
        return False
    return person.id in session.actions[path[1]].for_whom


# --- rendering and writing -------------------------------------------------------


def render_person_markdown(session: Session, person_id: str) -> str:
    """A person's own data as Markdown."""
    return markdown.render_report(build_person_report(session, person_id))


def render_person_html(session: Session, person_id: str) -> str:
    """A person's own data as a self-contained printable HTML page."""
    return html.render_report(build_person_report(session, person_id))


def render_person_word(session: Session, person_id: str) -> bytes:
    """A person's own data as a Word document (python-docx is loaded only here)."""
    from fagworkshop.export.docx_export import render_report_docx  # python-docx, 0.1 s

    return render_report_docx(build_person_report(session, person_id))


#: Format -> renderer of a person's own data.
PERSON_RENDERERS: dict[str, Callable[[Session, str], str | bytes]] = {
    "md": render_person_markdown,
    "html": render_person_html,
    "docx": render_person_word,
}


def person_output(session_path: Path, person_id: str, fmt: str) -> Path:
    """Where a person's own data goes by default: ``eksport/`` beside the session file,
    like every export (``common.default_output``)."""

    suffix = ".md" if fmt == "md" else f".{fmt}"
    name = f"{session_path.stem}-{person_id}-egne-data{suffix}"
    return default_output(session_path, fmt).with_name(name)


def _format_named_by(output: str | None) -> str | None:
    """The person format whose suffix ``-o`` ends in (``x.md``: ``md``); None when ``-o``
    is missing, ``-``, a folder that exists, ends in ``/`` or has no suffix (a folder for
    all three). Another suffix (``x.txt``) raises ExportFailed: it names a file, in no
    format of this export, and was made a folder of that name."""
    if not output or output == "-" or output.endswith(("/", os.sep)) or Path(output).is_dir():
        return None
    suffix = Path(output).suffix.lower()
    if not suffix:
        return None
    named = next((f for f in PERSON_FORMATS if suffix == extension(f)), None)
    if named is None:
        raise ExportFailed(t("person.error.output_suffix", path=output, suffix=suffix))
    return named


def export_person(
    session_path: Path,
    person_id: str,
    fmt: str | None,
    output: str | None,
    *,
    force: bool = False,
) -> str:
    """``fagworkshop export SESSION --person ID [--format md|html|docx] [-o OUT]``.

    Without ``--format`` the format is the one ``-o``'s file name ends in (``.md``,
    ``.html``, ``.docx``), one file; otherwise Markdown, HTML and Word are written
    (``-o`` is then a folder). Returns the message to show; raises ``ExportFailed``
    with a message for the user, or the store's ``StoreError``.
    """

    formats = PERSON_FORMATS if not fmt else ((fmt or "").strip().lower(),)
    named = _format_named_by(output) if not fmt else None
    if named is not None:  # Was: -o x.md made a folder x.md holding all three formats
        formats = (named,)
    for f in formats:
        if f not in PERSON_RENDERERS:
            choices = ", ".join(PERSON_RENDERERS)
            raise ExportFailed(t("person.error.format", format=f, choices=choices))
    if fmt and not (output and Path(output).is_dir()):
        check_output_suffix(output, formats[0])  # --format docx -o x.md: no Word file named .md
    session = load_session(session_path)
    if session.person(person_id) is None:
        known = ", ".join(p.id for p in session.staff) or "-"
        raise ExportFailed(t("person.error.unknown", id=person_id, known=known))
    contents = [(f, PERSON_RENDERERS[f](session, person_id)) for f in formats]
    if output == "-":
        if len(contents) > 1:
            raise ExportFailed(t("person.error.stdout"))

        content = contents[0][1]
        if isinstance(content, bytes):
            if sys.stdout.isatty():
                raise ExportFailed(t("export.error.binary_tty", format=contents[0][0]))
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        sys.stdout.flush()
        return ""
    targets = []
    for f, content in contents:
        if output and len(contents) == 1:
            target = Path(output)
        elif output:
            target = Path(output) / person_output(session_path, person_id, f).name
        else:
            target = person_output(session_path, person_id, f)
        if target.exists() and not force:
            raise ExportFailed(t("export.error.exists", path=str(target)))
        targets.append((target, content))
    for target, content in targets:
        make_folder(target.parent)
        write_export(target, content)
    return "\n".join(t("export.done", path=str(target)) for target, _ in targets)
