"""One overview across several units' workshops (oversigt for hele jobcentret).

Each unit's workshop is its own session file. A director's questions need them
all at once: where is the whole centre thin, who is the only holder across the
units, which local profiles are short everywhere, which competences lie unused
in one unit while another needs them, and the units' action plans side by
side. :func:`build_overview` answers them from the sessions' own analyses
(:func:`fagworkshop.domain.analysis.analyse`, each unit in its latest round), so
every figure here is the unit's own figure added up, never computed anew.

Units are matched by competence id: units started from one catalogue share
ids; a competence a unit does not work with (not in its catalogue, or not
chosen there) is *absent* in that unit, never a zero.

Pure Python: no Textual, no I/O. Person ids stay in the results so a renderer
can name people only when asked to; everything else is counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fagworkshop.domain.analysis import CompetenceCoverage, CompetenceKind, analyse, build_index
from fagworkshop.domain.session import ActionKind, ActionStatus, Session


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit's workshop in the overview."""

    session_id: str
    title: str
    jobcenter: str
    unit: str
    staff: int
    round_number: int | None
    round_date: dt.date | None
    label: str  # its unit name, else the workshop title; numbered when two are alike


@dataclass(frozen=True, slots=True)
class CompetenceAcross:
    """One competence across the units; ``cells[i]`` is unit i's own coverage of it
    (from its analysis), None where unit i lacks it."""

    id: str
    title: str
    kind: CompetenceKind
    cells: tuple[CompetenceCoverage | None, ...]

    @property
    def present(self) -> tuple[int, ...]:
        """Indexes of the units that work with this competence."""
        return tuple(i for i, c in enumerate(self.cells) if c is not None)

    @property
    def relevant(self) -> int:
        """Relevant people in all units that have it."""
        return sum(c.relevant for c in self.cells if c is not None)

    @property
    def meets(self) -> int:
        """People meeting their unit's target, in all units."""
        return sum(c.meets for c in self.cells if c is not None)

    @property
    def holders(self) -> tuple[tuple[int, str], ...]:
        """(unit index, person id) of everyone meeting the target, across the centre."""
        return tuple((i, p) for i, c in enumerate(self.cells) if c is not None for p in c.holders)

    @property
    def single_holder(self) -> bool:
        """Exactly one person in the whole centre meets the target."""
        return len(self.holders) == 1

    @property
    def short_units(self) -> tuple[int, ...]:
        """Units where relevant people fall short of the target."""
        return tuple(i for i, c in enumerate(self.cells) if c is not None and c.short > 0)

    @property
    def unused_units(self) -> tuple[int, ...]:
        """Units where someone holds the competence without using it."""
        return tuple(i for i, c in enumerate(self.cells) if c is not None and c.unused > 0)

    @property
    def unused_needed_elsewhere(self) -> tuple[tuple[int, int], ...]:
        """(unit with unused holders, another unit that falls short) pairs."""
        short = self.short_units
        return tuple((u, s) for u in self.unused_units for s in short if s != u)


@dataclass(frozen=True, slots=True)
class ProfileRow:
    """A unit's local profile: qualified people against the number needed."""

    unit: int
    name: str
    needed: int
    qualified: int

    @property
    def shortfall(self) -> int:
        """How many more qualified people the unit needs."""
        return max(0, self.needed - self.qualified)


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One action of a unit's plan; people as a count, competences by id."""

    unit: int
    kind: ActionKind
    title: str
    competences: tuple[str, ...]
    people: tuple[str, ...]  # person ids the action is for
    owner: str
    deadline: dt.date | None
    status: ActionStatus


@dataclass(frozen=True, slots=True)
class Overview:
    """The whole centre: units, competences across them, profiles and plans."""

    units: tuple[Unit, ...]
    competences: tuple[CompetenceAcross, ...]
    profiles: tuple[ProfileRow, ...]
    plans: tuple[PlanRow, ...]
    names: dict[tuple[int, str], str]  # (unit index, person id) -> full name

    @property
    def single_holders(self) -> tuple[CompetenceAcross, ...]:
        """Competences that only one person in the whole centre meets."""
        return tuple(c for c in self.competences if c.single_holder)

    @property
    def unused_needed_elsewhere(self) -> tuple[CompetenceAcross, ...]:
        """Competences unused in one unit while another unit falls short of them."""
        return tuple(c for c in self.competences if c.unused_needed_elsewhere)

    @property
    def thin(self) -> tuple[CompetenceAcross, ...]:
        """Competences with people short of target, most people short first."""
        short = [c for c in self.competences if c.relevant > c.meets and c.short_units]
        return tuple(sorted(short, key=lambda c: (-(c.relevant - c.meets), c.id)))

    def profiles_of(self, unit: int) -> tuple[ProfileRow, ...]:
        """One unit's local profiles."""
        return tuple(p for p in self.profiles if p.unit == unit)


def _label(session: Session, taken: list[str]) -> str:
    base = session.frame.unit.strip() or session.title
    label, n = base, 1
    while label in taken:
        n += 1
        label = f"{base} ({n})"
    return label


def build_overview(sessions: Sequence[Session]) -> Overview:
    """The overview of several units' sessions, in the order given."""
    units: list[Unit] = []
    order: list[str] = []  # competence ids, first unit's order, then new ones as met
    titles: dict[str, tuple[str, CompetenceKind]] = {}
    per_unit: list[dict[str, CompetenceCoverage]] = []
    profiles: list[ProfileRow] = []
    plans: list[PlanRow] = []
    names: dict[tuple[int, str], str] = {}

    for index, session in enumerate(sessions):
        idx = build_index(session)
        analysis = analyse(session, index=idx)
        rnd = session.round(analysis.round_number) if analysis.round_number else None
        units.append(
            Unit(
                session_id=session.id,
                title=session.title,
                jobcenter=session.frame.jobcenter,
                unit=session.frame.unit,
                staff=len(session.staff),
                round_number=analysis.round_number,
                round_date=rnd.date if rnd is not None else None,
                label=_label(session, [u.label for u in units]),
            )
        )
        for cov in analysis.competences:
            if cov.id not in titles:
                titles[cov.id] = (cov.competence.title, cov.competence.kind)
                order.append(cov.id)
        per_unit.append({cov.id: cov for cov in analysis.competences})
        profiles.extend(
            ProfileRow(index, q.name, q.needed, len(q.qualified)) for q in analysis.profiles
        )
        plans.extend(
            PlanRow(
                unit=index,
                kind=a.kind,
                title=a.title,
                competences=tuple(a.competences),
                people=tuple(a.for_whom),
                owner=a.owner,
                deadline=a.deadline,
                status=a.status,
            )
            for a in session.actions
        )
        names.update({(index, p.id): p.name for p in session.staff})

    competences = tuple(
        CompetenceAcross(
            id=cid,
            title=titles[cid][0],
            kind=titles[cid][1],
            cells=tuple(cells.get(cid) for cells in per_unit),
        )
        for cid in order
    )
    return Overview(
        units=tuple(units),
        competences=competences,
        profiles=tuple(profiles),
        plans=tuple(plans),
        names=names,
    )


__all__ = [
    "CompetenceAcross",
    "Overview",
    "PlanRow",
    "ProfileRow",
    "Unit",
    "build_overview",
]
