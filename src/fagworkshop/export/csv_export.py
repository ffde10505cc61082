"""The ratings as CSV for a spreadsheet (vurderinger som CSV).

One row per round, person and competence, with the jobcenter and unit, the
round and its date, the person's role and local profiles (so a spreadsheet can
pivot by profile or combine units' files), level, target, state and the
unused flag, then the person's own level (selvvurdering), own minus the
leaders' level and the wish (``domain.self_view``), empty where none was
given. Headers are lower-case Danish words spelled one way (``målniveau``,
not ``maalniveau``). UTF-8 with a byte-order mark and ``;`` as separator, the
list separator of Danish Excel, so a double-click opens it in columns with
æøå intact; dates are ISO (``2026-03-10``), which every spreadsheet reads as
a date. Text cells that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from fagworkshop.domain.analysis import build_index
from fagworkshop.domain.session import Session
from fagworkshop.export.common import date_text, labels, line, name_redactor, rating_cells
from fagworkshop.i18n import t

BOM = "\ufeff"
DELIMITER = ";"
#: Between a person's local profiles in one cell (profile names may hold commas).
PROFILE_SEPARATOR = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def guard(value: str) -> str:
    """A text cell that no spreadsheet runs as a formula (OWASP CSV injection)."""
    if value.startswith(_FORMULA_START) or value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def header(with_names: bool) -> list[str]:
    """The header row; the person column says whether it holds names."""
    return [
        t("export.csv.jobcenter"),
        t("export.csv.unit"),
        t("export.csv.round"),
        t("export.csv.round_date"),
        t("export.csv.person_name") if with_names else t("export.csv.person_hidden"),
        t("export.csv.role"),
        t("export.csv.profiles"),
        t("export.csv.competence_id"),
        t("export.csv.competence"),
        t("export.csv.kind"),
        t("export.csv.relevant"),
        t("export.csv.level"),
        t("export.csv.target"),
        t("export.csv.state"),
        t("export.csv.unused"),
        t("selfview.export.csv.self_level"),
        t("selfview.export.csv.difference"),
        t("selfview.export.csv.wish"),
    ]


def render_csv(session: Session, with_names: bool = False) -> str:
    """All rounds' ratings as CSV text, starting with a byte-order mark.

    Rows cover, per round and person, every analysed competence plus any other
    competence the person was rated on or flagged as unused in that round.
    Write the text as UTF-8; the BOM is part of it.
    """
    idx = build_index(session)
    names = labels(session, with_names)
    # names typed into free text (a reworded title, a role) leave the room as labels too
    redact = name_redactor(session, with_names)
    jobcenter = guard(redact(line(session.frame.jobcenter)))
    unit = guard(redact(line(session.frame.unit)))
    profile_names = {p.id: redact(line(p.name)) for p in session.profiles}
    titles = {cid: guard(redact(line(info.title))) for cid, info in idx.infos.items()}
    roles = {p.id: guard(redact(line(p.role))) for p in session.staff}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header(with_names))
    profiles = {
        person.id: guard(
            PROFILE_SEPARATOR.join(profile_names[p] for p in person.profiles if p in profile_names)
        )
        for person in session.staff
    }
    for c in rating_cells(session, idx):
        info, level, pid = c.info, c.level, c.person.id
        writer.writerow(
            [
                jobcenter,
                unit,
                c.round.number,
                date_text(c.round.date),
                guard(names[pid]),
                roles[pid],
                profiles[pid],
                c.competence_id,
                titles[c.competence_id],
                t(f"export.kind.{info.kind.value}"),
                1 if c.relevant else 0,
                "" if level is None else level,
                "" if info.target is None else info.target,
                t(f"export.state.{c.state.value}"),
                1 if c.unused else 0,
                "" if c.own is None else c.own,
                "" if c.difference is None else c.difference.difference,
                (1 if c.wished else 0) if c.self_assessed else "",
            ]
        )
    return BOM + buffer.getvalue()
