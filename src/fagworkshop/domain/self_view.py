"""The staff's own voice beside the leaders' rating (selvvurdering og ønsker), as numbers.

Pure Python, no Textual. Derived from a :class:`Session` and one rating round
(the latest unless told); nothing is stored. Step 4's self and difference
layers, step 5's lists, step 6's offer and the exports read the same
:class:`SelfView`, so they agree wherever they are shown.

The rules, once:

* **Difference** (forskel) of a cell: ``self_level - leader level``, for every
  cell where the round has both (relevant to the person or not); positive
  when the person rates themselves higher than the leaders do. A cell with
  only one of the two has no difference.
* **Flagged for the talk**: a difference of :data:`TALK_DIFFERENCE` (2) or
  more levels either way.
* **The biggest differences** (de største forskelle): the cells with a
  difference other than 0, largest size first, then staff order, then
  session order of competences (:meth:`Session.competence_ids`).
* **A wish that meets a gap** ("vil gerne, og der er brug for det"): a wish
  (ønsker at udvikle) on a competence that is relevant for the person, has a
  target level, and that the leaders rated the person below. The leaders'
  level decides, as in ``domain.analysis``: a person without a leaders'
  level there is not a gap, whatever their own level says.
* **A wish nobody needs** (ønske uden behov): a wish on a competence that
  the analysis leaves out or that has no target level, or where every person
  it is relevant for is rated by the leaders and meets the target (this
  holds too when it is relevant for nobody). A wish on a competence someone
  relevant is below in, or has no leaders' level in yet, is neither: the
  unit needs it, or it is not known yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from fagworkshop.domain.analysis import Analysis, SessionIndex, analyse, build_index
from fagworkshop.domain.session import Round, Session

#: A difference of this many levels or more (either way) is flagged for the talk.
TALK_DIFFERENCE = 2


@dataclass(frozen=True, slots=True)
class CellDifference:
    """One cell with both the leaders' level and the person's own level."""

    person_id: str
    competence_id: str
    leader: int
    self_level: int

    @property
    def difference(self) -> int:
        """``self_level - leader``: positive when the person rates themselves higher."""
        return self.self_level - self.leader

    @property
    def size(self) -> int:
        """How many levels apart the two are."""
        return abs(self.difference)

    @property
    def flagged(self) -> bool:
        """Whether they differ by :data:`TALK_DIFFERENCE` or more (to take up in the talk)."""
        return self.size >= TALK_DIFFERENCE


@dataclass(frozen=True, slots=True)
class Wish:
    """A wish to develop a competence (ønsker at udvikle) and what the analysis says of it.

    ``leader`` and ``self_level`` are the round's levels (None when not given),
    ``target`` the competence's target level (None when it has none).
    """

    person_id: str
    competence_id: str
    leader: int | None
    self_level: int | None
    target: int | None

    @property
    def shortfall(self) -> int:
        """Levels the leaders' rating is below the target (0 when not below or unknown)."""
        if self.leader is None or self.target is None:
            return 0
        return max(0, self.target - self.leader)


@dataclass(frozen=True, slots=True)
class SelfView:
    """The self layer of one round: differences and wishes, with look-ups ready-made."""

    round_number: int | None
    differences: tuple[CellDifference, ...]  # every cell with both, staff then session order
    wishes: tuple[Wish, ...]  # every wish, staff then session order
    wishes_meeting_gap: tuple[Wish, ...]  # "vil gerne, og der er brug for det"
    wishes_without_need: tuple[Wish, ...]
    _by_cell: dict[tuple[str, str], CellDifference] = field(repr=False, compare=False)

    def difference(self, person_id: str, competence_id: str) -> CellDifference | None:
        """The difference of one cell (None when the cell lacks either level)."""
        return self._by_cell.get((person_id, competence_id))

    @property
    def flagged(self) -> tuple[CellDifference, ...]:
        """The cells that differ by :data:`TALK_DIFFERENCE` or more, staff then session order."""
        return tuple(d for d in self.differences if d.flagged)

    def biggest_differences(self, limit: int | None = None) -> tuple[CellDifference, ...]:
        """The cells where self and leaders differ, largest first (see the rules above)."""
        ranked = sorted(
            (d for d in self.differences if d.size), key=lambda d: -d.size
        )  # sorted is stable: staff then session order among equals
        return tuple(ranked if limit is None else ranked[:limit])

    def for_person(self, person_id: str) -> tuple[CellDifference, ...]:
        """One person's differences, in session order."""
        return tuple(d for d in self.differences if d.person_id == person_id)

    def wishes_of(self, person_id: str) -> tuple[Wish, ...]:
        """One person's wishes, in session order."""
        return tuple(w for w in self.wishes if w.person_id == person_id)

    @property
    def has_self_assessment(self) -> bool:
        """Whether anyone has given an own level or a wish in this round."""
        return bool(self.differences or self.wishes)


def cell_difference(rnd: Round | None, person_id: str, competence_id: str) -> CellDifference | None:
    """The difference of one cell in a round (None unless it has both levels).

    The grid of step 4 asks this per visible cell; :func:`self_view` uses it too.
    """
    if rnd is None:
        return None
    leader = rnd.ratings.get(person_id, {}).get(competence_id)
    own = rnd.self_ratings.get(person_id, {}).get(competence_id)
    if leader is None or own is None:
        return None
    return CellDifference(person_id, competence_id, leader, own)


def self_people(rnd: Round | None) -> set[str]:
    """The people who gave an own level or a wish in a round."""
    if rnd is None:
        return set()
    return {p for p, levels in rnd.self_ratings.items() if levels} | {
        p for p, wished in rnd.wishes.items() if wished
    }


def self_view(
    session: Session,
    round_number: int | None = None,
    index: SessionIndex | None = None,
    analysis: Analysis | None = None,
) -> SelfView:
    """The self layer of a round (the latest when none is given).

    Raises ``ValueError`` for a round number the session does not have.
    ``index`` and ``analysis`` (of the same round) may be passed in when the caller
    has them; a round without any own level or wish is not analysed at all.
    """
    rnd = session.round(round_number)
    if rnd is None and round_number is not None:
        raise ValueError(f"no rating round number {round_number}")
    if rnd is None or not (rnd.self_ratings or rnd.wishes):
        # nothing to compare: no analysis (0.2 s at 2,000 staff on every redraw of step 6)
        return SelfView(rnd.number if rnd else None, (), (), (), (), {})
    idx = index or build_index(session)
    picture = analysis or analyse(session, rnd.number, idx)
    order = {cid: i for i, cid in enumerate(idx.infos)}
    ratings: Mapping[str, Mapping[str, int]] = rnd.ratings
    differences: list[CellDifference] = []
    wishes: list[Wish] = []
    for person in session.staff:
        leader = ratings.get(person.id, {})
        own = rnd.self_ratings.get(person.id, {})
        for cid in sorted(own, key=lambda c: order.get(c, len(order))):
            if (difference := cell_difference(rnd, person.id, cid)) is not None:
                differences.append(difference)
        for cid in sorted(dict.fromkeys(rnd.wishes.get(person.id, ())), key=order.__getitem__):
            wishes.append(Wish(person.id, cid, leader.get(cid), own.get(cid), idx.target(cid)))
    meeting_gap: list[Wish] = []
    without_need: list[Wish] = []
    for wish in wishes:
        relevant = wish.competence_id in idx.relevant.get(wish.person_id, frozenset())
        if relevant and wish.shortfall > 0:
            meeting_gap.append(wish)
            continue
        coverage = picture.coverage(wish.competence_id)
        if (
            coverage is None
            or coverage.target is None
            or (coverage.below == 0 and coverage.unrated == 0)
        ):
            without_need.append(wish)
    return SelfView(
        round_number=rnd.number,
        differences=tuple(differences),
        wishes=tuple(wishes),
        wishes_meeting_gap=tuple(meeting_gap),
        wishes_without_need=tuple(without_need),
        _by_cell={(d.person_id, d.competence_id): d for d in differences},
    )


__all__ = [
    "TALK_DIFFERENCE",
    "CellDifference",
    "SelfView",
    "Wish",
    "cell_difference",
    "self_people",
    "self_view",
]
