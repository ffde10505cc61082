"""The look-ups built once per session: competence facts, what is analysed, relevance.

:func:`build_index` turns a :class:`Session` into dicts (:class:`SessionIndex`)
so the analysis and the screens that classify many cells never scan lists in
a loop. Which competences are analysed and who they are relevant for is
decided here (the rules are in :mod:`fagworkshop.domain.analysis`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fagworkshop.domain.analysis.cells import CellState, classify
from fagworkshop.domain.session import ElementStatus, Round, Session

# --- what is known about a competence -----------------------------------------


class CompetenceKind(StrEnum):
    """Whether a competence is a basic competence or a block element."""

    BASIC = "basic"
    ELEMENT = "element"


@dataclass(frozen=True, slots=True)
class CompetenceInfo:
    """What the analysis needs to know about one competence, looked up once."""

    id: str
    title: str  # the team's wording where there is one
    kind: CompetenceKind
    group_id: str  # theme id for a basic, block id for an element
    target: int | None


# --- the index built once per session -----------------------------------------


@dataclass(frozen=True, slots=True)
class SessionIndex:
    """Dicts built once from a session so the analysis never scans lists in a loop.

    Screens that classify many cells can build one and reuse it.
    """

    infos: dict[str, CompetenceInfo]  # every competence the session knows
    analysed: tuple[str, ...]  # the competences the analysis reports on, in order
    relevant: dict[str, frozenset[str]]  # person id -> relevant competence ids
    relevant_ordered: dict[str, tuple[str, ...]]  # the same, in session order

    def target(self, competence_id: str) -> int | None:
        """The target level of a competence (None when unknown or without one)."""
        info = self.infos.get(competence_id)
        return info.target if info else None

    def cell(self, rnd: Round | None, person_id: str, competence_id: str) -> CellState:
        """The heat-map state of one person on one competence in a round."""
        level = rnd.ratings.get(person_id, {}).get(competence_id) if rnd else None
        relevant = competence_id in self.relevant.get(person_id, frozenset())
        return classify(level, self.target(competence_id), relevant)


def build_index(session: Session) -> SessionIndex:
    """The look-up dicts of :class:`SessionIndex` for a session."""
    infos: dict[str, CompetenceInfo] = {}
    for b in session.basics:
        infos[b.id] = CompetenceInfo(
            id=b.id,
            title=b.shown_title,
            kind=CompetenceKind.BASIC,
            group_id=b.theme,
            target=b.min_level if b.included else None,
        )
    dropped: set[str] = set()
    kept: set[str] = set()
    for block, e in session.elements():
        if e.status == ElementStatus.DROPPED:
            dropped.add(e.id)
        elif e.status == ElementStatus.KEPT:
            kept.add(e.id)
        infos[e.id] = CompetenceInfo(
            id=e.id,
            title=e.shown_title,
            kind=CompetenceKind.ELEMENT,
            group_id=block.id,
            target=e.target_level if e.status != ElementStatus.DROPPED else None,
        )
    order = {cid: i for i, cid in enumerate(infos)}
    included_basics = {b.id for b in session.basics if b.included}
    profile_elements: dict[str, frozenset[str]] = {
        p.id: frozenset(c for c in p.elements if c in infos and c not in dropped)
        for p in session.profiles
    }
    in_profiles: set[str] = set().union(*profile_elements.values()) if profile_elements else set()
    analysed_set = included_basics | in_profiles | kept
    analysed = tuple(sorted(analysed_set, key=order.__getitem__))

    relevant: dict[str, frozenset[str]] = {}
    relevant_ordered: dict[str, tuple[str, ...]] = {}
    cache: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] = {}
    for person in session.staff:
        key = tuple(person.profiles)
        if key not in cache:
            wanted = set(included_basics)
            for pid in key:
                wanted |= profile_elements.get(pid, frozenset())
            ids = frozenset(wanted)
            cache[key] = (ids, tuple(sorted(ids, key=order.__getitem__)))
        relevant[person.id], relevant_ordered[person.id] = cache[key]
    return SessionIndex(
        infos=infos, analysed=analysed, relevant=relevant, relevant_ordered=relevant_ordered
    )


def find_round(session: Session, round_number: int | None) -> Round | None:
    """The round asked for, the latest when none is; ValueError for an unknown number."""
    if round_number is None:
        return session.round()
    rnd = session.round(round_number)
    if rnd is None:
        raise ValueError(f"no rating round number {round_number}")
    return rnd
