"""The pieces a workshop session is made of: the step and status kinds, the frame,
the adapted catalogue items, local profiles, staff, rating rounds, actions and the
state of each step. :class:`~fagworkshop.domain.session.Session` holds them; import
them from :mod:`fagworkshop.domain.session`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Annotated

from pydantic import Field, Strict

from fagworkshop.domain.catalogue import (
    BasicItem,
    ElementItem,
    Id,
    LevelNumber,
    Line,
    Model,
    Priority,
    Text,
    Title,
    YesNo,
)

PositiveInt = Annotated[int, Strict(), Field(ge=0, le=100_000)]


class Step(IntEnum):
    """The seven workshop steps, numbered as the team sees them."""

    FRAME = 1  # Ramme
    BASIC = 2  # Basiskompetencer
    BLOCKS = 3  # Fagprofiler
    STAFF = 4  # Medarbejdere
    GAPS = 5  # Kompetencehuller
    PLAN = 6  # Handlingsplan
    SUMMARY = 7  # Opsamling

    @property
    def key(self) -> str:
        """The key of this step's notes in the session file: ``frame``, ``basic``..."""
        return self.name.lower()


class Status(StrEnum):
    """Whether the workshop is still running or has been agreed (aftalt)."""

    IN_PROGRESS = "in_progress"
    AGREED = "agreed"


class Purpose(StrEnum):
    """Why the team works with the profiles: development, recruitment or both."""

    DEVELOPMENT = "development"
    RECRUITMENT = "recruitment"
    BOTH = "both"


class Origin(StrEnum):
    """Whether an item came from the catalogue or was added by the team."""

    CATALOGUE = "catalogue"
    OWN = "own"


class ElementStatus(StrEnum):
    """What the team did with a block element: not yet decided, kept or dropped."""

    UNDECIDED = "undecided"
    KEPT = "kept"
    DROPPED = "dropped"


class ActionKind(StrEnum):
    """The kinds of action in the plan (handlingsplan)."""

    COURSE = "course"  # kursus eller uddannelse
    ON_THE_JOB = "on_the_job"  # læring i jobbet
    MENTORING = "mentoring"  # sparring eller mentor
    RECRUITMENT = "recruitment"  # rekruttering
    TASK_SHIFT = "task_shift"  # flytte opgaver, så ubrugte kompetencer kommer i spil


class ActionStatus(StrEnum):
    """Progress of an action."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Participant(Model):
    """A person in the workshop room (deltager) and their role."""

    name: Line
    role: Line = ""


class Frame(Model):
    """Step 1, Ramme: who, where, why and from which catalogue."""

    jobcenter: Line = ""
    unit: Line = ""
    date: dt.date | None = None
    participants: list[Participant] = Field(default_factory=list)
    core_task: Text = ""
    purpose: Purpose = Purpose.DEVELOPMENT
    catalogue_id: Line = ""
    catalogue_title: Line = ""


class BasicChoice(BasicItem):
    """A basic competence as the team decided it: included, level, priority, wording.

    ``included`` is None until the team has decided.
    """

    origin: Origin = Origin.CATALOGUE
    included: YesNo | None = None
    min_level: LevelNumber | None = None
    priority: Priority | None = None
    local_wording: Text = ""
    note: Text = ""

    @property
    def decided(self) -> bool:
        """Whether the team has taken a stand on this competence."""
        return self.included is not None

    @property
    def shown_title(self) -> str:
        """The team's wording where there is one, else the catalogue title."""
        return self.local_wording.strip() or self.title


class AdaptedElement(ElementItem):
    """A building-block element as the team adapted it."""

    origin: Origin = Origin.CATALOGUE
    status: ElementStatus = ElementStatus.UNDECIDED
    local_wording: Text = ""
    target_level: LevelNumber | None = None
    note: Text = ""

    @property
    def shown_title(self) -> str:
        """The team's wording where there is one, else the catalogue title."""
        return self.local_wording.strip() or self.title


class AdaptedBlock(Model):
    """A specialised building block (fagprofil) with the team's adapted elements."""

    id: Id
    title: Title
    description: Text = ""
    source: Text = ""
    origin: Origin = Origin.CATALOGUE
    elements: list[AdaptedElement] = Field(default_factory=list)
    note: Text = ""


class LocalProfile(Model):
    """A local profile (lokal profil): a named role built from elements of any block.

    ``elements`` lists competence ids: block elements and, if the team wants,
    basic competences. ``needed`` is how many people the unit needs who hold it.
    """

    id: Id
    name: Title
    description: Text = ""
    elements: list[Id] = Field(default_factory=list)
    needed: PositiveInt = 1


class Goal(Model):
    """A personal development goal (udviklingsmål) for one member of staff."""

    text: Text
    competences: list[Id] = Field(default_factory=list)
    deadline: dt.date | None = None
    done: YesNo = False


class Person(Model):
    """A member of staff (medarbejder).

    ``name`` is shown as the team prefers: a full name, initials or a pseudonym.
    ``initials`` is what leaves the room in exports without names; when empty,
    a pseudonym is derived from the id.
    """

    id: Id
    name: Title
    initials: Line = ""
    role: Line = ""
    profiles: list[Id] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    note: Text = ""


class Rating(Model):
    """One person's rating on one competence in a round (derived view, not stored as is).

    ``self_level`` is the person's own level (selvvurdering), ``wish`` that they
    want to develop it (ønsker at udvikle).
    """

    level: int | None = None
    unused: bool = False
    note: str = ""
    self_level: int | None = None
    wish: bool = False


@dataclass(frozen=True, slots=True)
class PersonRound:
    """One person's part of a round (derived view): levels, unused competences, notes,
    own levels and wishes, each empty where the person has none."""

    levels: Mapping[str, int] = field(default_factory=dict)
    unused: frozenset[str] = frozenset()
    notes: Mapping[str, str] = field(default_factory=dict)
    own: Mapping[str, int] = field(default_factory=dict)
    wishes: frozenset[str] = frozenset()


class Round(Model):
    """A rating round (vurderingsrunde): the first workshop, then each follow-up.

    ``ratings[person][competence] = level``; ``unused[person]`` lists the
    competences the person has but does not use in the current job;
    ``notes[person][competence]`` holds a note on a rating.

    The staff's own voice, beside the leaders' level: ``self_ratings[person]
    [competence] = level`` is the person's own level (selvvurdering, optional),
    ``wishes[person]`` the competences they want to develop (ønsker at
    udvikle). Both are optional and empty in files from before they existed;
    the file keeps self-ratings as rating lines like ``ratings`` (``store.shape``).
    """

    number: Annotated[int, Strict(), Field(ge=1, le=1000)]
    date: dt.date | None = None
    label: Line = ""
    ratings: dict[Id, dict[Id, LevelNumber]] = Field(default_factory=dict)
    unused: dict[Id, list[Id]] = Field(default_factory=dict)
    notes: dict[Id, dict[Id, Text]] = Field(default_factory=dict)
    self_ratings: dict[Id, dict[Id, LevelNumber]] = Field(default_factory=dict)
    wishes: dict[Id, list[Id]] = Field(default_factory=dict)

    def person_part(self, person_id: str) -> PersonRound:
        """Everything this round holds about one person."""
        return PersonRound(
            levels=self.ratings.get(person_id, {}),
            unused=frozenset(self.unused.get(person_id, ())),
            notes=self.notes.get(person_id, {}),
            own=self.self_ratings.get(person_id, {}),
            wishes=frozenset(self.wishes.get(person_id, ())),
        )

    def rating(self, person_id: str, competence_id: str) -> Rating:
        """The rating of one person on one competence (level None when unrated)."""
        return Rating(
            level=self.ratings.get(person_id, {}).get(competence_id),
            unused=competence_id in self.unused.get(person_id, ()),
            note=self.notes.get(person_id, {}).get(competence_id, ""),
            self_level=self.self_ratings.get(person_id, {}).get(competence_id),
            wish=competence_id in self.wishes.get(person_id, ()),
        )


class Action(Model):
    """An action in the plan (handling) that closes gaps.

    ``for_whom`` lists person ids; empty means the whole group.
    ``transfer_plan`` (transferplan) says how the learning is used in daily
    work and shared with colleagues; required for courses (see
    ``domain.rules``).
    """

    id: Id
    kind: ActionKind
    title: Title
    for_whom: list[Id] = Field(default_factory=list)
    competences: list[Id] = Field(default_factory=list)
    owner: Line = ""
    deadline: dt.date | None = None
    status: ActionStatus = ActionStatus.PLANNED
    transfer_plan: Text = ""
    course_id: Id | None = None
    note: Text = ""


class Decision(Model):
    """A decision (aftale) the team made in a step."""

    text: Text
    made_on: dt.date | None = None


class StepState(Model):
    """Per-step notes, decisions and timebox (tidsramme) in minutes."""

    notes: Text = ""
    decisions: list[Decision] = Field(default_factory=list)
    timebox_minutes: Annotated[int, Strict(), Field(ge=0, le=1440)] | None = None
