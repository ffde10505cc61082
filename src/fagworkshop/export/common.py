"""What every export format shares: names leaving the room, labels, file names.

Exports (eksporter) leave the workshop room, so people appear by initials or a
pseudonym unless the team asks for full names; every export says which. Text
the user typed is cleaned of control characters here once more (a session
edited in memory is not re-validated) before each format escapes it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from fagworkshop.domain.analysis import people_labels
from fagworkshop.domain.session import Session
from fagworkshop.domain.text import clean_line, clean_text
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


def names_notice(with_names: bool) -> str:
    """The sentence every export carries saying whether full names are in it."""
    return t("export.names.full") if with_names else t("export.names.hidden")


def level_text(session: Session, level: int | None) -> str:
    """A level as ``3 (Selvstændig)``; empty for None."""
    if level is None:
        return ""
    entry = session.level(level)
    return f"{level} ({line(entry.label)})" if entry else str(level)


def date_text(value: dt.date | None) -> str:
    """A date as ISO text (readable in both languages); empty for None."""
    return value.isoformat() if value else ""


def default_output(session_path: Path, fmt: str) -> Path:
    """Where an export goes when no ``-o`` is given: next to the session file."""
    return session_path.with_name(session_path.stem + SUFFIXES[fmt])


def name_redactor(session: Session, with_names: bool) -> Callable[[str], str]:
    """A function that replaces people's full names inside free text.

    Without names, a staff member's name typed into a note, an action title or
    a transfer plan becomes their label, and a participant's name becomes their
    role. Whole words only, names of three letters or more (a short first name
    such as "Bo" is also an ordinary word). With names it changes nothing.
    """
    if with_names:
        return lambda value: value
    replacements: dict[str, str] = {}
    hidden = labels(session, False)
    for person in session.staff:
        replacements.setdefault(line(person.name), hidden[person.id])
    for participant in session.frame.participants:
        replacements.setdefault(line(participant.name), line(participant.role) or "…")
    # Index names by their first word, so each text is scanned once, word by word
    # (a regex alternation over thousands of names is far too slow).
    by_first: dict[str, list[str]] = {}
    for name in sorted((n for n in replacements if len(n) >= 3), key=len, reverse=True):
        first = _WORD.match(name)
        if first and first.start() == 0:
            by_first.setdefault(first.group(0), []).append(name)
    if not by_first:
        return lambda value: value

    def redact(value: str) -> str:
        out: list[str] = []
        done = 0
        for m in _WORD.finditer(value):
            if m.start() < done:
                continue
            for name in by_first.get(m.group(0), ()):
                end = m.start() + len(name)
                if value.startswith(name, m.start()) and not value[end : end + 1].isalnum():
                    out.append(value[done : m.start()])
                    out.append(replacements[name])
                    done = end
                    break
        if not out:
            return value
        out.append(value[done:])
        return "".join(out)

    return redact


_WORD = re.compile(r"\w+")
