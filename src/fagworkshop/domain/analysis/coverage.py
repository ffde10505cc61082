"""Coverage, qualification and personal gaps for one round: the :class:`Analysis`.

:func:`analyse` walks the staff once and returns coverage per competence
(dækning), qualification per local profile, and each person's gaps;
:func:`biggest_gaps` ranks the competences (de største huller). The rules are
in :mod:`fagworkshop.domain.analysis`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from fagworkshop.domain.analysis.index import (
    CompetenceInfo,
    SessionIndex,
    build_index,
    find_round,
)
from fagworkshop.domain.session import Session

# --- results ------------------------------------------------------------------


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
    def short(self) -> int:
        """Relevant people who do not (yet) meet the target: rated below it or unrated."""
        return self.relevant - self.meets if self.target is not None else 0

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
    """The biggest gaps (de største huller), biggest first: the one definition.

    The rule is in the package docstring. ``limit`` keeps the first so many.
    """
    gaps = [
        (i, c) for i, c in enumerate(analysis.competences) if c.target is not None and c.below > 0
    ]
    gaps.sort(key=lambda ic: (-ic[1].below, -ic[1].levels_short, ic[0]))
    ranked = tuple(c for _, c in gaps)
    return ranked if limit is None else ranked[:limit]


# --- the analysis ---------------------------------------------------------------


def analyse(
    session: Session, round_number: int | None = None, index: SessionIndex | None = None
) -> Analysis:
    """The whole picture of a session in one round (the latest when none is given).

    Raises ``ValueError`` for a round number the session does not have. A
    session without rounds is analysed as if nobody were rated.
    """
    idx = index or build_index(session)
    rnd = find_round(session, round_number)
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
