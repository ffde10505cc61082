"""The workshop session (workshop): everything the team decides in the seven steps.

A session is self-contained: it keeps its own copy of the level scale, themes,
basic competences, blocks and courses it started from, so it opens the same
after a catalogue changes. Gaps and coverage are derived (see
``domain.analysis``), never stored.

In memory a round's ratings are ``ratings[person][competence] = level``; the
file holds one line per person and round (``store.shape``, schema_version 2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from enum import IntEnum, StrEnum
from typing import Annotated

from pydantic import Field, PrivateAttr, Strict, model_validator

from fagworkshop.domain.catalogue import (
    BasicItem,
    Course,
    ElementItem,
    Id,
    Level,
    LevelNumber,
    Line,
    Model,
    Priority,
    Text,
    Theme,
    Title,
    WholeNumber,
    YesNo,
    default_levels,
)

SESSION_SCHEMA_VERSION = 2

PositiveInt = Annotated[int, Strict(), Field(ge=0, le=100_000)]


def utc_now() -> dt.datetime:
    """Now, in UTC and whole seconds (TOML offsets with seconds are invalid)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


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


def session_problems(s: Session) -> list[tuple[str, str]]:
    """Cross-references a schema cannot express; ``(place, problem)`` pairs.

    Unique ids, references to known people, competences, profiles and courses,
    levels within the scale, unique round numbers, agreed status with a date.
    """
    problems: list[tuple[str, str]] = []
    levels = {lv.level for lv in s.levels}
    numbers_on_scale = [lv.level for lv in s.levels]
    if not numbers_on_scale:
        problems.append(("levels", "the level scale is empty"))
    elif len(levels) != len(numbers_on_scale) or sorted(levels) != list(
        range(min(levels), max(levels) + 1)
    ):
        problems.append(
            ("levels", f"levels must be consecutive and unique, got {numbers_on_scale}")
        )

    def check_level(value: int | None, where: str) -> None:
        if value is not None and levels and value not in levels:
            problems.append((where, f"level {value} is outside the scale {sorted(levels)}"))

    def unique(ids: list[str], where: str) -> None:
        seen: set[str] = set()
        for i, item_id in enumerate(ids):
            if item_id in seen:
                problems.append((f"{where}[{i}].id", f"duplicate id '{item_id}'"))
            seen.add(item_id)

    competences = s.competence_ids()
    unique(competences, "competences")
    unique([t.id for t in s.themes], "themes")
    unique([b.id for b in s.blocks], "blocks")
    unique([p.id for p in s.profiles], "profiles")
    unique([p.id for p in s.staff], "staff")
    unique([a.id for a in s.actions], "actions")
    unique([c.id for c in s.courses], "courses")
    known = set(competences)
    theme_ids = {t.id for t in s.themes}
    staff_ids = {p.id for p in s.staff}
    profile_ids = {p.id for p in s.profiles}
    course_ids = {c.id for c in s.courses}

    for i, b in enumerate(s.basics):
        if b.theme not in theme_ids:
            problems.append((f"basics[{i}].theme", f"unknown theme '{b.theme}'"))
        check_level(b.min_level, f"basics[{i}].min_level")
    for i, block in enumerate(s.blocks):
        for j, e in enumerate(block.elements):
            check_level(e.target_level, f"blocks[{i}].elements[{j}].target_level")
    for i, p in enumerate(s.profiles):
        for ref in p.elements:
            if ref not in known:
                problems.append((f"profiles[{i}].elements", f"unknown competence '{ref}'"))
    for i, person in enumerate(s.staff):
        for ref in person.profiles:
            if ref not in profile_ids:
                problems.append((f"staff[{i}].profiles", f"unknown local profile '{ref}'"))
        for j, goal in enumerate(person.goals):
            for ref in goal.competences:
                if ref not in known:
                    problems.append(
                        (f"staff[{i}].goals[{j}].competences", f"unknown competence '{ref}'")
                    )
    numbers: set[int] = set()
    for i, r in enumerate(s.rounds):
        if r.number in numbers:
            problems.append((f"rounds[{i}].number", f"duplicate round number {r.number}"))
        numbers.add(r.number)
        tables: dict[str, Mapping[str, Iterable[str]]] = {
            "ratings": r.ratings,
            "unused": r.unused,
            "notes": r.notes,
            "self_ratings": r.self_ratings,
            "wishes": r.wishes,
        }
        for table, per_person in tables.items():
            for pid, per_competence in per_person.items():
                where = f"rounds[{i}].{table}.{pid}"
                if pid not in staff_ids:
                    problems.append((where, f"unknown person '{pid}'"))
                if known.issuperset(per_competence):  # set test first: 267,000 ratings
                    continue  # at 2,000 staff took 0.2 s one by one on every load
                for cid in per_competence:
                    if cid not in known:
                        problems.append((f"{where}.{cid}", f"unknown competence '{cid}'"))
        for table, scored in (("ratings", r.ratings), ("self_ratings", r.self_ratings)):
            for pid, per_competence in scored.items():
                if not levels or levels.issuperset(per_competence.values()):
                    continue
                for cid, level in per_competence.items():
                    check_level(level, f"rounds[{i}].{table}.{pid}.{cid}")
    for i, c in enumerate(s.courses):
        for ref in c.serves:
            if ref not in known:
                problems.append((f"courses[{i}].serves", f"unknown competence '{ref}'"))
    for i, a in enumerate(s.actions):
        for ref in a.for_whom:
            if ref not in staff_ids:
                problems.append((f"actions[{i}].for_whom", f"unknown person '{ref}'"))
        for ref in a.competences:
            if ref not in known:
                problems.append((f"actions[{i}].competences", f"unknown competence '{ref}'"))
        if a.course_id is not None and a.course_id not in course_ids:
            problems.append((f"actions[{i}].course_id", f"unknown course '{a.course_id}'"))
    for key in s.steps:
        if key not in {st.key for st in Step}:
            problems.append((f"steps.{key}", f"unknown step '{key}'"))
    if s.status == Status.AGREED and s.agreed_on is None:
        problems.append(("agreed_on", "an agreed workshop needs the date it was agreed"))
    return problems
