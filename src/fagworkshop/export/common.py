"""What every export format shares: names leaving the room, labels, file names.

Exports (eksporter) leave the workshop room, so people appear by initials or a
pseudonym unless the team asks for full names; every export says which. Text
the user typed is cleaned of control characters here once more (a session
edited in memory is not re-validated) before each format escapes it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fagworkshop.domain.analysis import (
    CellState,
    CompetenceInfo,
    SessionIndex,
    classify,
    people_labels,
)
from fagworkshop.domain.names import NameMatch, participant_key, session_matcher
from fagworkshop.domain.self_view import CellDifference, cell_difference
from fagworkshop.domain.session import Round, Session
from fagworkshop.domain.session_parts import Action, Goal, Person
from fagworkshop.domain.text import clean_line, clean_text
from fagworkshop.export.command import EXPORT_FOLDER
from fagworkshop.export.report_model import Block, Bullets, Paragraph, Section
from fagworkshop.i18n import t

#: Format name -> default file suffix of its output.
SUFFIXES: dict[str, str] = {
    "md": ".md",
    "html": ".html",
    "csv": ".csv",
    "toml": "-profiler.toml",
    "xlsx": ".xlsx",
    "docx": ".docx",
}


def line(value: object) -> str:
    """One line of user text, safe to hand to any format's escaping."""
    return clean_line(str(value)).strip()


def text(value: object) -> str:
    """Multi-line user text, control characters removed, outer blank lines trimmed."""
    return clean_text(str(value)).strip("\n")


def labels(session: Session, with_names: bool) -> dict[str, str]:
    """Person id -> how the person appears in this export (unique, cleaned)."""
    return {pid: line(label) for pid, label in people_labels(session.staff, with_names).items()}


def names_notice(with_names: bool, replaced: int | None = None) -> str:
    """The sentence every export carries saying whether full names are in it; with
    ``replaced``, also how many mentions in free text were replaced."""
    if with_names:
        return t("export.names.full")
    if replaced is None:
        return t("export.names.hidden")
    return t("export.names.hidden") + " " + t("export.names.replaced", count=replaced)


def level_text(session: Session, level: int | None) -> str:
    """A level as ``3 (Selvstændig)``; empty for None."""
    if level is None:
        return ""
    entry = session.level(level)
    return f"{level} ({line(entry.label)})" if entry else str(level)


def date_text(value: dt.date | None) -> str:
    """A date as ISO text (readable in both languages); empty for None.

    For data meant for machines and spreadsheets (CSV, catalogue files); a
    report a person reads uses :func:`long_date`.
    """
    return value.isoformat() if value else ""


def long_date(value: dt.date | None) -> str:
    """A date as people write it: ``10. marts 2026`` (``10 March 2026``); empty for None."""
    if not value:
        return ""
    month = t(f"export.month.{value.month}")
    return t("export.long_date", day=value.day, month=month, year=value.year)


def competence_titles(idx: SessionIndex, ids: Iterable[str]) -> str:
    """The titles of the competences ``ids`` that the session knows, comma separated."""
    return ", ".join(line(idx.infos[c].title) for c in ids if c in idx.infos)


def for_whom(action: Action, names: dict[str, str]) -> str:
    """Who an action is for, as the export shows people; the whole group when it names nobody."""
    if not action.for_whom:
        return t("whole_group")
    return ", ".join(names[p] for p in action.for_whom if p in names)


def action_facts(
    action: Action, idx: SessionIndex, whom: str, date: Callable[[dt.date | None], str]
) -> list[tuple[str, str]]:
    """An action's head facts: kind, for whom, competences, owner, deadline, status."""
    return [
        (t("export.kind"), t(f"action.{action.kind.value}")),
        (t("export.for_whom"), whom),
        (t("export.competences"), competence_titles(idx, action.competences)),
        (t("export.owner"), line(action.owner)),
        (t("export.deadline"), date(action.deadline)),
        (t("export.action_status"), t(f"action_status.{action.status.value}")),
    ]


def goal_details(goal: Goal, idx: SessionIndex, date: Callable[[dt.date | None], str]) -> list[str]:
    """What a goal says besides its text: its competences, deadline and whether it is done."""
    parts: list[str] = []
    comps = competence_titles(idx, goal.competences)
    if comps:
        parts.append(comps)
    if goal.deadline:
        parts.append(t("export.goal_deadline", date=date(goal.deadline)))
    if goal.done:
        parts.append(t("export.goal_done"))
    return parts


@dataclass(frozen=True)
class RatingCell:
    """One row of a ratings export: a person and a competence in a round."""

    round: Round
    person: Person
    competence_id: str
    info: CompetenceInfo
    level: int | None
    relevant: bool
    state: CellState
    unused: bool
    note: str
    own: int | None
    wished: bool
    #: whether the person gave any own level or wish in the round
    self_assessed: bool
    difference: CellDifference | None


def rating_cells(session: Session, idx: SessionIndex) -> Iterator[RatingCell]:
    """The cells a ratings export lists, round by round and person by person.

    Every analysed competence, plus any other the person was rated on, flagged as
    unused, rated themselves on or wished to develop in that round.
    """
    analysed = set(idx.analysed)
    for rnd in sorted(session.rounds, key=lambda r: r.number):
        for person in session.staff:
            part = rnd.person_part(person.id)
            relevant = idx.relevant.get(person.id, frozenset())
            wanted = analysed | set(part.levels) | part.unused | set(part.own) | part.wishes
            for cid, info in idx.infos.items():
                if cid not in wanted:
                    continue
                level = part.levels.get(cid)
                yield RatingCell(
                    round=rnd,
                    person=person,
                    competence_id=cid,
                    info=info,
                    level=level,
                    relevant=cid in relevant,
                    state=classify(level, info.target, cid in relevant),
                    unused=cid in part.unused,
                    note=part.notes.get(cid, ""),
                    own=part.own.get(cid),
                    wished=cid in part.wishes,
                    self_assessed=bool(part.own or part.wishes),
                    difference=cell_difference(rnd, person.id, cid),
                )


def difference_text(difference: CellDifference | None) -> str:
    """Own level minus the leaders' as the exports show it: ``+2``, ``-1``, ``0``, with the
    talk mark when they are far apart; empty when there is no pair to compare."""
    if difference is None:
        return ""
    shown = f"{difference.difference:+d}" if difference.difference else "0"
    return shown + " " + t("selfview.export.flag_mark") if difference.flagged else shown


def bullets_or(items: Iterable[tuple[str, str]], empty: str) -> Block:
    """``items`` as bullets, or a paragraph saying ``empty`` when there are none."""
    listed = tuple(items)
    return Bullets(listed) if listed else Paragraph(empty)


def bullets_section(title: str, items: Iterable[tuple[str, str]], level: int = 3) -> Section:
    """A section of ``items`` as bullets, or with a paragraph saying there are none."""
    return Section(title, (bullets_or(items, t("export.none")),), level=level)


def long_datetime(value: dt.datetime) -> str:
    """A moment as ``1. december 2026 kl. 22.19`` (``1 December 2026 at 22:19``)."""
    time = t("export.clock", hour=f"{value.hour:02d}", minute=f"{value.minute:02d}")
    return f"{long_date(value.date())} {time}"


def export_time() -> dt.datetime:
    """When this export is made: local time, or ``SOURCE_DATE_EPOCH`` (UTC) when set.

    ``SOURCE_DATE_EPOCH`` is the reproducible-builds convention; the golden
    tests set it so the printed footer does not change with the clock.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now().astimezone()


def default_output(session_path: Path, fmt: str) -> Path:
    """Where an export goes when no ``-o`` is given: ``eksport/`` beside the session file.

    Never the sessions folder itself, where the home screen would list a
    ``.toml`` export among the workshops (issue 15 item 6); step 7 uses the
    same folder.
    """

    return session_path.parent / EXPORT_FOLDER / (session_path.stem + SUFFIXES[fmt])


class NameRedactor:
    """Replaces people's names inside free text, and counts what it replaced.

    Without names, every mention that :class:`~fagworkshop.domain.names.NameMatcher`
    finds (full name in any case or spacing, genitive, a name part one person
    owns) becomes the person's label (initials or pseudonym), a participant's
    their role, and a first name several people share all their labels
    (``AP/AH``). With names it changes nothing. ``count`` is the number of
    mentions replaced so far, for the sentence at the top of the export.
    """

    def __init__(self, session: Session, with_names: bool) -> None:
        self.count = 0
        self._matcher = None if with_names else session_matcher(session)
        self._labels = {pid: label for pid, label in labels(session, False).items()}
        for i, participant in enumerate(session.frame.participants):
            role = line(participant.role) or t("export.participant_n", number=i + 1)
            self._labels[participant_key(i)] = role

    def _label(self, match: NameMatch) -> str:
        return "/".join(dict.fromkeys(self._labels.get(o, "…") for o in match.owners))

    def __call__(self, value: str) -> str:
        if not self._matcher:
            return value
        new, count = self._matcher.replace(value, self._label)
        self.count += count
        return new


def name_redactor(session: Session, with_names: bool) -> NameRedactor:
    """A function that replaces people's names inside free text (see :class:`NameRedactor`)."""
    return NameRedactor(session, with_names)
