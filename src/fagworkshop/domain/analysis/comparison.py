"""The change between two rating rounds (opfølgning): ratings, coverage, qualification.

Both rounds are analysed with :func:`~fagworkshop.domain.analysis.coverage.analyse`
over one shared index, so the numbers before and after are counted alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fagworkshop.domain.analysis.coverage import analyse
from fagworkshop.domain.analysis.index import SessionIndex, build_index, find_round
from fagworkshop.domain.session import Session

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
    r_before, r_after = find_round(session, before), find_round(session, after)
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
