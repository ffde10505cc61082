"""Competence gaps as numbers (kompetencehuller): coverage, qualification, gaps, change.

Pure Python, no Textual. Everything here is derived from a :class:`Session`
and one rating round (vurderingsrunde); nothing is stored. The screens of
step 5 (Kompetencehuller) and 7 (Opsamling) and every export read the same
:class:`Analysis`, so the numbers agree wherever they are shown.

The rules, once:

* **Which competences are analysed.** Included basic competences
  (``included is True``), every competence used in a local profile (unless it
  is a dropped element), and block elements the team kept. Undecided basics
  and unused undecided elements are left out: nobody has agreed on them yet.
  Order is session order: basics first, then elements block by block.
* **Target level** (målniveau). A basic's ``min_level`` when it is included,
  an element's ``target_level`` unless dropped; otherwise ``None`` (as
  :meth:`Session.target`). A competence without a target has nobody meeting
  or below it; its levels are still counted.
* **Relevance.** A competence is relevant for a person when it is in
  :meth:`Session.relevant_competences`: the included basics for everyone,
  plus the (not dropped) elements of the person's local profiles. Coverage
  counts only relevant people, so ``meets + below + unrated == relevant``
  whenever there is a target, and ``rated + unrated == relevant`` always.
* **Meets** means ``level >= target``; **below** means rated under target;
  **unrated** means no level in this round.
* **Unused** (har men bruger ikke): counted for everyone flagged, relevant or
  not, because a competence held outside one's job is what "moving tasks so
  unused competences get used" is about.
* **Single holder** (enkeltperson-afhængighed): exactly one relevant person
  meets the target.
* **Local profile qualification** is counted over the whole staff, not only
  the people linked to the profile: a person qualifies when every element
  with a target is met; a person is *close* when every such element is rated,
  exactly one is one level short and the rest are met. A profile with no
  targeted elements qualifies nobody. ``shortfall = max(0, needed -
  qualified)``.
* **Personal gaps** are the relevant competences with a target that the
  person is rated below; relevant targeted competences without a rating are
  listed separately as unrated, not as gaps.
* **The biggest gaps** (de største huller, :func:`biggest_gaps`): the
  competences with a target that at least one relevant person is rated
  below, most people below first, then most levels short in all
  (:attr:`CompetenceCoverage.levels_short`), then session order. Unrated
  people are not gaps here either. Steps 5, 6 and 7 and every export list
  them from this one function.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from fagworkshop.domain.session import ElementStatus, Person, Round, Session

# --- heat-map cells -----------------------------------------------------------


class CellState(StrEnum):
    """How one person's level on one competence stands against its target (heat-map cell)."""

    ABOVE = "above"  # over målniveau
    MEETS = "meets"  # på målniveau
    ONE_BELOW = "one_below"  # ét niveau under
    FAR_BELOW = "far_below"  # to eller flere niveauer under
    UNRATED = "unrated"  # ikke vurderet
    NO_TARGET = "no_target"  # intet målniveau
    NOT_RELEVANT = "not_relevant"  # ikke relevant for personen

    @property
    def marker(self) -> str:
        """A short ASCII sign that carries the state without colour (print, black and white).

        Shown next to the level digit: ``3+`` above, ``3`` meets, ``2-`` one
        below, ``1!`` far below, ``?`` unrated, ``·`` not relevant.
        """
        return _MARKERS[self]

    @property
    def is_gap(self) -> bool:
        """Whether the cell is below target."""
        return self in (CellState.ONE_BELOW, CellState.FAR_BELOW)


_MARKERS: dict[CellState, str] = {
    CellState.ABOVE: "+",
    CellState.MEETS: "",
    CellState.ONE_BELOW: "-",
    CellState.FAR_BELOW: "!",
    CellState.UNRATED: "?",
    CellState.NO_TARGET: "",
    CellState.NOT_RELEVANT: "·",
}


def classify(level: int | None, target: int | None, relevant: bool = True) -> CellState:
    """The heat-map state of a cell: relevance first, then rating, then target."""
    if not relevant:
        return CellState.NOT_RELEVANT
    if level is None:
        return CellState.UNRATED
    if target is None:
        return CellState.NO_TARGET
    if level > target:
        return CellState.ABOVE
    if level == target:
        return CellState.MEETS
    if target - level == 1:
        return CellState.ONE_BELOW
    return CellState.FAR_BELOW


def cell_text(level: int | None, state: CellState) -> str:
    """The text of a heat-map cell that reads without colour: level digit plus marker."""
    if state == CellState.UNRATED:
        return "?"
    if level is None:
        return state.marker
    return f"{level}{state.marker}"


# --- names leaving the room ---------------------------------------------------


def pseudonym(person_id: str) -> str:
    """A stable pseudonym derived from a person's id, for exports without names.

    It does not contain the id (an id may have been typed from a name): a
    short hash, e.g. ``M-3FA2``.
    """
    digest = hashlib.sha256(person_id.encode("utf-8")).hexdigest()[:4].upper()
    return f"M-{digest}"


def person_label(person: Person, with_names: bool = False) -> str:
    """How a person is shown outside the room: full name only when asked for.

    Without names: the person's initials (initialer), else a pseudonym.
    """
    if with_names:
        return person.name
    initials = person.initials.strip()
    return initials or pseudonym(person.id)


def people_labels(people: Iterable[Person], with_names: bool = False) -> dict[str, str]:
    """Labels for many people at once, made unique (``AB``, ``AB (2)``) in staff order."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for person in people:
        base = person_label(person, with_names)
        n = seen.get(base, 0) + 1
        seen[base] = n
        labels[person.id] = base if n == 1 else f"{base} ({n})"
    return labels


# --- results ------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class CompetenceCoverage:
    """Coverage (dækning) of one competence across the staff it is relevant for."""

    competence: CompetenceInfo
    relevant: int
    meets: int
    below: int
    unrated: int
    distribution: Mapping[int, int]  # level -> number of relevant people rated at it
    unused: int  # people flagged "has it but does not use it" (relevant or not)
    holders: tuple[str, ...]  # relevant people who meet the target, staff order
    extra_holders: tuple[str, ...]  # people it is not relevant for who meet the target

    @property
    def id(self) -> str:
        """The competence id."""
        return self.competence.id

    @property
    def target(self) -> int | None:
        """The target level (målniveau), None when the team set none."""
        return self.competence.target

    @property
    def rated(self) -> int:
        """How many relevant people have a level in this round."""
        return self.relevant - self.unrated

    @property
    def single_holder(self) -> bool:
        """Exactly one relevant person meets the target: the unit hangs on one person."""
        return len(self.holders) == 1

    @property
    def levels_short(self) -> int:
        """Levels missing in all: the sum of ``target - level`` over people rated below."""
        target = self.target
        if target is None:
            return 0
        return sum((target - level) * n for level, n in self.distribution.items() if level < target)

    @property
    def share_meeting(self) -> float:
        """Share of relevant people meeting the target, 0.0 when nobody is relevant."""
        return self.meets / self.relevant if self.relevant else 0.0


@dataclass(frozen=True, slots=True)
class ProfileQualification:
    """How many people qualify for a local profile (lokal profil) against the need."""

    profile_id: str
    name: str
    needed: int
    targeted: tuple[str, ...]  # the profile's elements that have a target
    members: tuple[str, ...]  # people linked to the profile
    qualified: tuple[str, ...]  # anyone on the staff who meets every target
    close: tuple[str, ...]  # one level short on exactly one element

    @property
    def shortfall(self) -> int:
        """How many more qualified people the unit needs (0 when covered)."""
        return max(0, self.needed - len(self.qualified))

    @property
    def qualified_members(self) -> tuple[str, ...]:
        """Qualified people who are also linked to the profile."""
        members = set(self.members)
        return tuple(p for p in self.qualified if p in members)


@dataclass(frozen=True, slots=True)
class Gap:
    """One personal gap: a competence a person is rated below its target."""

    competence_id: str
    level: int
    target: int

    @property
    def shortfall(self) -> int:
        """Levels missing to reach the target (at least 1)."""
        return self.target - self.level


@dataclass(frozen=True, slots=True)
class UnusedCompetence:
    """A competence a person has but does not use in the current job."""

    competence_id: str
    level: int | None


@dataclass(frozen=True, slots=True)
class PersonGaps:
    """One person's picture: gaps, unrated targets, unused competences."""

    person_id: str
    relevant: tuple[str, ...]
    gaps: tuple[Gap, ...]
    unrated: tuple[str, ...]  # relevant competences with a target but no level
    unused: tuple[UnusedCompetence, ...]
    meets: int  # relevant targeted competences met

    @property
    def total_shortfall(self) -> int:
        """The sum of levels missing over all gaps."""
        return sum(g.shortfall for g in self.gaps)


@dataclass(frozen=True, slots=True)
class Analysis:
    """The whole picture for one round; look-ups by id are ready-made."""

    round_number: int | None
    competences: tuple[CompetenceCoverage, ...]
    profiles: tuple[ProfileQualification, ...]
    people: tuple[PersonGaps, ...]
    _by_competence: dict[str, CompetenceCoverage] = field(repr=False, compare=False)
    _by_profile: dict[str, ProfileQualification] = field(repr=False, compare=False)
    _by_person: dict[str, PersonGaps] = field(repr=False, compare=False)

    def coverage(self, competence_id: str) -> CompetenceCoverage | None:
        """Coverage of one analysed competence."""
        return self._by_competence.get(competence_id)

    def profile(self, profile_id: str) -> ProfileQualification | None:
        """Qualification for one local profile."""
        return self._by_profile.get(profile_id)

    def person(self, person_id: str) -> PersonGaps | None:
        """Gaps of one person."""
        return self._by_person.get(person_id)

    @property
    def single_holders(self) -> tuple[CompetenceCoverage, ...]:
        """Competences only one person meets."""
        return tuple(c for c in self.competences if c.single_holder)

    @property
    def unused(self) -> tuple[CompetenceCoverage, ...]:
        """Competences someone holds without using them."""
        return tuple(c for c in self.competences if c.unused)


def biggest_gaps(analysis: Analysis, limit: int | None = None) -> tuple[CompetenceCoverage, ...]:
    """The biggest gaps (de største huller), biggest first; the one definition (see above).

    ``limit`` keeps the first so many.
    """
    gaps = [
        (i, c) for i, c in enumerate(analysis.competences) if c.target is not None and c.below > 0
    ]
    gaps.sort(key=lambda ic: (-ic[1].below, -ic[1].levels_short, ic[0]))
    ranked = tuple(c for _, c in gaps)
    return ranked if limit is None else ranked[:limit]


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


def _round(session: Session, round_number: int | None) -> Round | None:
    if round_number is None:
        return session.round()
    rnd = session.round(round_number)
    if rnd is None:
        raise ValueError(f"no rating round number {round_number}")
    return rnd


# --- the analysis ---------------------------------------------------------------


def analyse(
    session: Session, round_number: int | None = None, index: SessionIndex | None = None
) -> Analysis:
    """The whole picture of a session in one round (the latest when none is given).

    Raises ``ValueError`` for a round number the session does not have. A
    session without rounds is analysed as if nobody were rated.
    """
    idx = index or build_index(session)
    rnd = _round(session, round_number)
    ratings: dict[str, dict[str, int]] = rnd.ratings if rnd else {}
    unused_flags: dict[str, list[str]] = rnd.unused if rnd else {}
    staff_ids = [p.id for p in session.staff]

    competences = _coverages(idx, staff_ids, ratings, unused_flags)
    profiles = tuple(
        _qualification(
            profile.id,
            profile.name,
            profile.needed,
            [c for c in dict.fromkeys(profile.elements) if idx.target(c) is not None],
            idx,
            session,
            ratings,
        )
        for profile in session.profiles
    )
    people = tuple(_person_gaps(pid, idx, ratings, unused_flags) for pid in staff_ids)
    return Analysis(
        round_number=rnd.number if rnd else None,
        competences=competences,
        profiles=profiles,
        people=people,
        _by_competence={c.id: c for c in competences},
        _by_profile={p.profile_id: p for p in profiles},
        _by_person={p.person_id: p for p in people},
    )


class _Counter:
    """Mutable tallies for one competence while the staff is walked once."""

    __slots__ = ("relevant", "meets", "below", "unrated", "distribution", "holders", "extra")

    def __init__(self) -> None:
        self.relevant = self.meets = self.below = self.unrated = 0
        self.distribution: dict[int, int] = {}
        self.holders: list[str] = []
        self.extra: list[str] = []


def _coverages(
    idx: SessionIndex,
    staff_ids: list[str],
    ratings: dict[str, dict[str, int]],
    unused_flags: dict[str, list[str]],
) -> tuple[CompetenceCoverage, ...]:
    counters = {cid: _Counter() for cid in idx.analysed}
    targets = {cid: idx.infos[cid].target for cid in idx.analysed}
    empty: dict[str, int] = {}
    for pid in staff_ids:
        mine = ratings.get(pid, empty)
        relevant = idx.relevant.get(pid, frozenset())
        for cid in idx.relevant_ordered.get(pid, ()):
            c = counters.get(cid)
            if c is None:
                continue
            c.relevant += 1
            level = mine.get(cid)
            if level is None:
                c.unrated += 1
                continue
            c.distribution[level] = c.distribution.get(level, 0) + 1
            target = targets[cid]
            if target is None:
                continue
            if level >= target:
                c.meets += 1
                c.holders.append(pid)
            else:
                c.below += 1
        if len(mine) > len(relevant) or not relevant.issuperset(mine):
            for cid, level in mine.items():
                if cid in relevant or cid not in counters:
                    continue
                target = targets[cid]
                if target is not None and level >= target:
                    counters[cid].extra.append(pid)
    unused: dict[str, int] = {}
    for flags in unused_flags.values():
        for cid in set(flags):
            unused[cid] = unused.get(cid, 0) + 1
    return tuple(
        CompetenceCoverage(
            competence=idx.infos[cid],
            relevant=c.relevant,
            meets=c.meets,
            below=c.below,
            unrated=c.unrated,
            distribution=dict(sorted(c.distribution.items())),
            unused=unused.get(cid, 0),
            holders=tuple(c.holders),
            extra_holders=tuple(c.extra),
        )
        for cid, c in counters.items()
    )


def _qualification(
    profile_id: str,
    name: str,
    needed: int,
    targeted: list[str],
    idx: SessionIndex,
    session: Session,
    ratings: dict[str, dict[str, int]],
) -> ProfileQualification:
    targets = [(cid, t) for cid in targeted if (t := idx.infos[cid].target) is not None]
    qualified: list[str] = []
    close: list[str] = []
    members: list[str] = []
    for person in session.staff:
        if profile_id in person.profiles:
            members.append(person.id)
        if not targets:
            continue
        mine = ratings.get(person.id, {})
        short_by_one = 0
        failed = False
        for cid, target in targets:
            level = mine.get(cid)
            if level is None:
                failed = True
                break
            if level < target:
                if target - level == 1 and short_by_one == 0:
                    short_by_one = 1
                else:
                    failed = True
                    break
        if failed:
            continue
        (close if short_by_one else qualified).append(person.id)
    return ProfileQualification(
        profile_id=profile_id,
        name=name,
        needed=needed,
        targeted=tuple(targeted),
        members=tuple(members),
        qualified=tuple(qualified),
        close=tuple(close),
    )


def _person_gaps(
    person_id: str,
    idx: SessionIndex,
    ratings: dict[str, dict[str, int]],
    unused_flags: dict[str, list[str]],
) -> PersonGaps:
    mine = ratings.get(person_id, {})
    gaps: list[Gap] = []
    unrated: list[str] = []
    meets = 0
    relevant = idx.relevant_ordered.get(person_id, ())
    for cid in relevant:
        target = idx.infos[cid].target
        if target is None:
            continue
        level = mine.get(cid)
        if level is None:
            unrated.append(cid)
        elif level < target:
            gaps.append(Gap(cid, level, target))
        else:
            meets += 1
    flagged = unused_flags.get(person_id, [])
    unused = tuple(UnusedCompetence(cid, mine.get(cid)) for cid in dict.fromkeys(flagged))
    return PersonGaps(
        person_id=person_id,
        relevant=relevant,
        gaps=tuple(gaps),
        unrated=tuple(unrated),
        unused=unused,
        meets=meets,
    )


# --- change between rounds ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatingChange:
    """A person's level on a competence that differs between two rounds."""

    person_id: str
    competence_id: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        """Levels gained (negative when lost); None when either side is unrated."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class ProfileChange:
    """Qualified head-count for a local profile before and after."""

    profile_id: str
    name: str
    needed: int
    qualified_before: int
    qualified_after: int

    @property
    def delta(self) -> int:
        """Change in qualified head-count."""
        return self.qualified_after - self.qualified_before


@dataclass(frozen=True, slots=True)
class CompetenceChange:
    """How many relevant people met a competence's target before and after."""

    competence_id: str
    meets_before: int
    meets_after: int

    @property
    def delta(self) -> int:
        """Change in people meeting the target."""
        return self.meets_after - self.meets_before


@dataclass(frozen=True, slots=True)
class RoundComparison:
    """The change between two rating rounds (opfølgning)."""

    before: int
    after: int
    ratings: tuple[RatingChange, ...]  # only what changed, staff then competence order
    competences: tuple[CompetenceChange, ...]
    profiles: tuple[ProfileChange, ...]
    gaps_before: Mapping[str, int]  # person id -> number of gaps
    gaps_after: Mapping[str, int]

    def for_person(self, person_id: str) -> tuple[RatingChange, ...]:
        """The changes of one person."""
        return tuple(c for c in self.ratings if c.person_id == person_id)


def compare_rounds(
    session: Session,
    before: int | None = None,
    after: int | None = None,
    index: SessionIndex | None = None,
) -> RoundComparison:
    """The change between two rounds; defaults to the last two.

    Raises ``ValueError`` when the session has fewer than two rounds or a
    round number is unknown.
    """
    numbers = sorted(r.number for r in session.rounds)
    if after is None:
        if not numbers:
            raise ValueError("the session has no rating rounds")
        after = numbers[-1]
    if before is None:
        earlier = [n for n in numbers if n < after]
        if not earlier:
            raise ValueError("there is no earlier round to compare with")
        before = earlier[-1]
    r_before, r_after = _round(session, before), _round(session, after)
    assert r_before is not None and r_after is not None
    idx = index or build_index(session)
    a_before = analyse(session, before, idx)
    a_after = analyse(session, after, idx)

    changes: list[RatingChange] = []
    order = {cid: i for i, cid in enumerate(idx.infos)}
    for person in session.staff:
        old = r_before.ratings.get(person.id, {})
        new = r_after.ratings.get(person.id, {})
        if old == new:
            continue
        differing = [c for c in set(old) | set(new) if old.get(c) != new.get(c)]
        differing.sort(key=lambda c: order.get(c, len(order)))
        changes.extend(RatingChange(person.id, c, old.get(c), new.get(c)) for c in differing)
    competences = tuple(
        CompetenceChange(c.id, c.meets, a_after.competences[i].meets)
        for i, c in enumerate(a_before.competences)
    )
    profiles = tuple(
        ProfileChange(
            p.profile_id, p.name, p.needed, len(p.qualified), len(a_after.profiles[i].qualified)
        )
        for i, p in enumerate(a_before.profiles)
    )
    return RoundComparison(
        before=before,
        after=after,
        ratings=tuple(changes),
        competences=competences,
        profiles=profiles,
        gaps_before={p.person_id: len(p.gaps) for p in a_before.people},
        gaps_after={p.person_id: len(p.gaps) for p in a_after.people},
    )


__all__ = [
    "Analysis",
    "CellState",
    "CompetenceChange",
    "CompetenceCoverage",
    "CompetenceInfo",
    "CompetenceKind",
    "Gap",
    "PersonGaps",
    "ProfileChange",
    "ProfileQualification",
    "RatingChange",
    "RoundComparison",
    "SessionIndex",
    "UnusedCompetence",
    "analyse",
    "build_index",
    "cell_text",
    "classify",
    "compare_rounds",
    "people_labels",
    "person_label",
    "pseudonym",
]
