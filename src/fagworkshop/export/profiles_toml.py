"""The agreed local profiles as a catalogue file (lokale profiler som katalog).

The output is a TOML catalogue that ``Catalogue.model_validate`` (and so
``fagworkshop validate``) accepts and a new workshop can start from: the
session's level scale, the themes of the chosen basic competences, those
basics in the team's wording, and one block per local profile holding its
elements. Minimum levels, priorities and target levels travel as the fields
``min_level``, ``priority`` and ``target_level`` only (never pasted into the
descriptions, so a workshop started from the file shows each once), and
``choices_made = true`` makes that workshop start with the basics included and
the elements kept. The head-count, which a catalogue has no field for, is
written into the block's description.
Courses that serve an exported competence come along. No personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tomli_w

from fagworkshop.domain.catalogue import (
    BasicItem,
    BlockItem,
    Catalogue,
    Course,
    ElementItem,
    ElementKind,
    Theme,
    default_levels,
)
from fagworkshop.domain.session import AdaptedElement, BasicChoice, Session
from fagworkshop.export.common import date_text, line, name_redactor, text
from fagworkshop.i18n import t

_TITLE_MAX = 2_000
_ID_MAX = 64


class _Ids:
    """Hands out catalogue ids that are unique across themes, items and blocks."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        base = wanted[:_ID_MAX]
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            suffix = f"-{n}"
            candidate = base[: _ID_MAX - len(suffix)] + suffix
        self.taken.add(candidate)
        return candidate


def _title(value: str, fallback: str) -> str:
    return line(value)[:_TITLE_MAX].strip() or fallback


def _description(*parts: str) -> str:
    return "\n\n".join(p for p in (text(x) for x in parts) if p)


def build_catalogue(session: Session) -> Catalogue:
    """The local profiles and chosen basic competences of a session as a catalogue."""
    ids = _Ids()
    new_ids: dict[str, list[str]] = {}  # session competence id -> ids in the catalogue
    items: dict[str, BasicChoice | AdaptedElement] = {b.id: b for b in session.basics}
    items.update({e.id: e for _, e in session.elements()})

    basics = [b for b in session.basics if b.included]
    theme_ids = {b.theme for b in basics}
    themes: list[Theme] = []
    for th in session.themes:
        if th.id in theme_ids:
            themes.append(
                Theme(
                    id=ids.claim(th.id), title=_title(th.title, th.id), description=th.description
                )
            )
    known_themes = {th.id for th in themes}
    if any(b.theme not in known_themes for b in basics):
        fallback = Theme(id=ids.claim("tema"), title=t("export.toml.no_theme"))
        themes.append(fallback)
    basic_items: list[BasicItem] = []
    for b in basics:
        new_id = ids.claim(b.id)
        new_ids.setdefault(b.id, []).append(new_id)
        basic_items.append(
            BasicItem(
                id=new_id,
                theme=b.theme if b.theme in known_themes else themes[-1].id,
                title=_title(b.shown_title, b.id),
                description=_description(b.description, _original(b.title, b.shown_title)),
                source=b.source,
                local_elaboration=b.local_elaboration,
                min_level=b.min_level,
                priority=b.priority,
            )
        )

    dropped = {e.id for _, e in session.elements() if e.status.value == "dropped"}
    blocks: list[BlockItem] = []
    for profile in session.profiles:
        block_id = ids.claim(profile.id)
        elements: list[ElementItem] = []
        for cid in dict.fromkeys(profile.elements):
            item = items.get(cid)
            if item is None or cid in dropped:
                continue
            new_id = ids.claim(cid)
            new_ids.setdefault(cid, []).append(new_id)
            target = session.target(cid)
            elements.append(
                ElementItem(
                    id=new_id,
                    title=_title(item.shown_title, cid),
                    description=_description(
                        item.description, _original(item.title, item.shown_title)
                    ),
                    source=item.source,
                    local_elaboration=item.local_elaboration,
                    kind=item.kind if isinstance(item, AdaptedElement) else ElementKind.COMPETENCE,
                    target_level=target,
                )
            )
        blocks.append(
            BlockItem(
                id=block_id,
                title=_title(profile.name, profile.id),
                description=_description(
                    profile.description, t("export.toml.needed", needed=profile.needed)
                ),
                elements=elements,
            )
        )

    courses: list[Course] = []
    for course in session.courses:
        serves = [n for old in course.serves for n in new_ids.get(old, [])]
        if serves:
            courses.append(course.model_copy(update={"id": ids.claim(course.id), "serves": serves}))

    f = session.frame
    where = ", ".join(x for x in (line(f.jobcenter), line(f.unit), date_text(f.date)) if x)
    title = _title(session.title, session.id)
    return Catalogue.model_validate(
        {
            "id": f"lokale-profiler-{session.id}"[:_ID_MAX],
            "title": _title(t("export.toml.title", title=title), title),
            "description": t("export.toml.description"),
            "source": t("export.toml.source", title=title, where=f" ({where})" if where else ""),
            "choices_made": True,
            "levels": [lv.model_dump() for lv in (session.levels or default_levels())],
            "themes": [th.model_dump() for th in themes],
            "basic": [b.model_dump() for b in basic_items],
            "blocks": [b.model_dump() for b in blocks],
            "courses": [c.model_dump() for c in courses],
        }
    )


def _without_names(node: Any, redact: Callable[[str], str], key: str = "") -> Any:
    """Catalogue data with names in its text replaced; ids and id lists untouched."""
    if isinstance(node, dict):
        return {k: _without_names(v, redact, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_without_names(v, redact, key) for v in node]
    if isinstance(node, str) and key not in _ID_KEYS:
        return redact(node)
    return node


#: Catalogue keys that hold ids, never text a person typed.
_ID_KEYS = frozenset({"id", "theme", "serves", "elements", "kind"})


def _original(title: str, shown: str) -> str:
    return t("export.toml.original", title=line(title)) if line(title) != line(shown) else ""


def render_toml(session: Session, with_names: bool = False) -> str:
    """The catalogue file text. A name typed into a wording or description (free
    text) becomes the person's initials or pseudonym unless ``with_names``."""
    catalogue = build_catalogue(session)
    data: dict[str, Any] = _without_names(
        catalogue.model_dump(mode="json", exclude_none=True), name_redactor(session, with_names)
    )
    body = tomli_w.dumps(data, multiline_strings=True)
    head = "".join(f"# {line(x)}\n" for x in (t("export.toml.header"),))
    return head + "\n" + body
