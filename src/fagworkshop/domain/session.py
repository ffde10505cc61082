"""The workshop session (workshop): everything the team decides in the seven steps.

A session is self-contained: it keeps its own copy of the level scale, themes,
basic competences, blocks and courses it started from, so it opens the same
after a catalogue changes. Gaps and coverage are derived (see
``domain.analysis``), never stored.

In memory a round's ratings are ``ratings[person][competence] = level``; the
file holds one line per person and round (``store.shape``, schema_version 2).

The pieces are defined in :mod:`.session_parts` and the cross-reference checks in
:mod:`.session_checks`; every name is importable from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, PrivateAttr, Strict, model_validator

from fagworkshop.domain.catalogue import (
    Course,
    Id,
    Level,
    Model,
    Priority,
    Theme,
    Title,
    WholeNumber,
    default_levels,
)
from fagworkshop.domain.session_checks import session_problems
from fagworkshop.domain.session_parts import (
    Action,
    ActionKind,
    ActionStatus,
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    Decision,
    ElementStatus,
    Frame,
    Goal,
    LocalProfile,
    Origin,
    Participant,
    Person,
    PersonRound,
    PositiveInt,
    Purpose,
    Rating,
    Round,
    Status,
    Step,
    StepState,
)

SESSION_SCHEMA_VERSION = 2


def utc_now() -> dt.datetime:
    """Now, in UTC and whole seconds (TOML offsets with seconds are invalid)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Session(Model):
    """One workshop, as saved in one TOML file."""

    schema_version: WholeNumber = SESSION_SCHEMA_VERSION
    id: Id
    title: Title
    created: dt.datetime = Field(default_factory=utc_now)
    updated: dt.datetime = Field(default_factory=utc_now)
    current_step: Annotated[int, Strict(), Field(ge=1, le=7)] = 1
    status: Status = Status.IN_PROGRESS
    agreed_on: dt.date | None = None
    delete_by: dt.date | None = None
    frame: Frame = Field(default_factory=Frame)
    levels: list[Level] = Field(default_factory=default_levels)
    themes: list[Theme] = Field(default_factory=list)
    basics: list[BasicChoice] = Field(default_factory=list)
    blocks: list[AdaptedBlock] = Field(default_factory=list)
    courses: list[Course] = Field(default_factory=list)
    profiles: list[LocalProfile] = Field(default_factory=list)
    staff: list[Person] = Field(default_factory=list)
    rounds: list[Round] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    steps: dict[str, StepState] = Field(default_factory=dict)

    #: Set by ``changes.erase_person``: the next save must rewrite the backup
    #: too (``store.save_session(..., purge_backup=True)``), or the erased
    #: person stays in ``NAME.toml.bak``. Never written to the file.
    _backup_purge_pending: bool = PrivateAttr(default=False)
    #: The staff step's progress between redraws (``domain.progress.StaffTally``).
    _staff_tally: object | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _check_references(self) -> Session:
        problems = session_problems(self)
        if problems:
            raise ValueError("; ".join(f"{where}: {what}" for where, what in problems[:20]))
        return self

    # --- look-ups -----------------------------------------------------------

    def step(self, step: Step | int) -> StepState:
        """The notes, decisions and timebox of a step (created on first use)."""
        key = Step(step).key
        if key not in self.steps:
            self.steps[key] = StepState()
        return self.steps[key]

    def level_numbers(self) -> list[int]:
        """The levels of the scale, lowest first."""
        return sorted(lv.level for lv in self.levels)

    def level(self, number: int) -> Level | None:
        """The scale entry for a level number."""
        return next((lv for lv in self.levels if lv.level == number), None)

    def elements(self) -> Iterator[tuple[AdaptedBlock, AdaptedElement]]:
        """Every block element with its block, in order."""
        for block in self.blocks:
            for element in block.elements:
                yield block, element

    def competence(self, competence_id: str) -> BasicChoice | AdaptedElement | None:
        """A basic competence or block element by id."""
        for b in self.basics:
            if b.id == competence_id:
                return b
        for _, e in self.elements():
            if e.id == competence_id:
                return e
        return None

    def competence_ids(self) -> list[str]:
        """Every competence id the session knows, basic first, then elements."""
        return [b.id for b in self.basics] + [e.id for _, e in self.elements()]

    def target(self, competence_id: str) -> int | None:
        """The target level of a competence: a basic's minimum or an element's target."""
        item = self.competence(competence_id)
        if isinstance(item, BasicChoice):
            return item.min_level if item.included else None
        if isinstance(item, AdaptedElement):
            return item.target_level if item.status != ElementStatus.DROPPED else None
        return None

    def person(self, person_id: str) -> Person | None:
        """A member of staff by id."""
        return next((p for p in self.staff if p.id == person_id), None)

    def profile(self, profile_id: str) -> LocalProfile | None:
        """A local profile by id."""
        return next((p for p in self.profiles if p.id == profile_id), None)

    def round(self, number: int | None = None) -> Round | None:
        """A rating round by number; the latest when number is None."""
        if not self.rounds:
            return None
        if number is None:
            return max(self.rounds, key=lambda r: r.number)
        return next((r for r in self.rounds if r.number == number), None)

    def relevant_competences(self, person: Person) -> list[str]:
        """The competences that matter for a person: included basics plus their profiles'
        elements that are not dropped, in session order, without repeats."""
        wanted: set[str] = {b.id for b in self.basics if b.included}
        for pid in person.profiles:
            profile = self.profile(pid)
            if profile:
                wanted.update(profile.elements)
        dropped = {e.id for _, e in self.elements() if e.status == ElementStatus.DROPPED}
        return [c for c in self.competence_ids() if c in wanted and c not in dropped]

    def profiles_using(self, competence_id: str) -> list[LocalProfile]:
        """The local profiles that contain a competence."""
        return [p for p in self.profiles if competence_id in p.elements]


__all__ = [
    "Action",
    "ActionKind",
    "ActionStatus",
    "AdaptedBlock",
    "AdaptedElement",
    "BasicChoice",
    "Decision",
    "ElementStatus",
    "Frame",
    "Goal",
    "LocalProfile",
    "Origin",
    "Participant",
    "Person",
    "PositiveInt",
    "Priority",
    "Purpose",
    "Rating",
    "PersonRound",
    "Round",
    "SESSION_SCHEMA_VERSION",
    "Session",
    "Status",
    "Step",
    "StepState",
    "session_problems",
    "utc_now",
]
