"""How far each workshop step has come (fremdrift), as pure functions for the step bar."""

from __future__ import annotations

from dataclasses import dataclass, field

from fagworkshop.domain.session import ElementStatus, Person, Session, Status, Step


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` things in a step; ``total`` None means a plain count."""

    done: int
    total: int | None = None

    @property
    def complete(self) -> bool:
        """Whether everything countable is done (a plain count is never complete)."""
        return self.total is not None and self.total > 0 and self.done >= self.total

    def text(self) -> str:
        """``9/14``, ``5``, or nothing for a step with nothing to count yet."""
        if self.total is not None:
            return f"{self.done}/{self.total}"
        return str(self.done) if self.done else ""


def frame_progress(session: Session) -> Progress:
    """Filled-in frame fields: jobcenter, unit, date, core task, participants."""
    f = session.frame
    filled = [
        bool(f.jobcenter.strip()),
        bool(f.unit.strip()),
        f.date is not None,
        bool(f.core_task.strip()),
        bool(f.participants),
    ]
    return Progress(sum(filled), len(filled))


def basic_progress(session: Session) -> Progress:
    """Basic competences decided (included or not) of all."""
    return Progress(sum(1 for b in session.basics if b.decided), len(session.basics))


def blocks_progress(session: Session) -> Progress:
    """Block elements decided (kept or dropped) of all."""
    elements = [e for _, e in session.elements()]
    decided = sum(1 for e in elements if e.status != ElementStatus.UNDECIDED)
    return Progress(decided, len(elements))


@dataclass(slots=True)
class _PersonCount:
    """One person's share of the staff step: what it was counted from, and the counts."""

    profiles: tuple[str, ...]
    given: dict[str, int] | None  # the very dict counted (held, so its id is never reused)
    given_len: int
    done: int
    total: int


@dataclass(slots=True)
class StaffTally:
    """The staff step's progress, kept from one redraw to the next.

    The step bar redraws on every rating; counting every person's ratings
    each time took half of a digit key (about 10 ms at 300 staff x 120
    competences, 40 ms at 2,000 with the bar drawing twice). The tally
    counts a person again only when what their count depends on changed:
    their profiles, or their ratings dict (a rating set or cleared changes
    its length; a dict replaced is another object). Anything that changes
    what counts for everyone (the round, included basics, dropped elements,
    profile contents) changes ``structure`` and starts the tally over.
    ``set_rating`` keeps the count in step itself (:func:`note_rating`), so a
    rating costs the next redraw one look per person and no counting.
    """

    round_ref: object | None = None
    structure: tuple[object, ...] = ()
    relevant: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    people: dict[str, _PersonCount] = field(default_factory=dict)


def _structure(session: Session) -> tuple[object, ...]:
    """What decides, for everyone, which ratings count (cheap: the catalogue, not staff)."""
    return (
        tuple(b.id for b in session.basics if b.included),
        tuple(e.id for _, e in session.elements() if e.status != ElementStatus.DROPPED),
        tuple((p.id, tuple(p.elements)) for p in session.profiles),
    )


def _tally(session: Session) -> StaffTally:
    tally: StaffTally | None = getattr(session, "_staff_tally", None)
    current = session.round()
    structure = _structure(session)
    if tally is None or tally.round_ref is not current or tally.structure != structure:
        tally = StaffTally(round_ref=current, structure=structure)
        session._staff_tally = tally
    return tally


def _relevant(session: Session, tally: StaffTally, profiles: tuple[str, ...]) -> frozenset[str]:
    found = tally.relevant.get(profiles)
    if found is None:
        person = Person.model_construct(id="", name="", profiles=list(profiles))
        found = frozenset(session.relevant_competences(person))
        tally.relevant[profiles] = found
    return found


def _count(
    session: Session, tally: StaffTally, profiles: tuple[str, ...], given: dict[str, int] | None
) -> _PersonCount:
    relevant = _relevant(session, tally, profiles)
    # a set operation in C: the generator over every rating took most of the first
    # step bar at 2,000 staff (about 15 ms of 135,000 look-ups; issue 13, opening)
    done = len(relevant.intersection(given)) if given else 0
    return _PersonCount(profiles, given, len(given) if given else 0, done, len(relevant))


def note_rating(session: Session, person_id: str, competence_id: str, had: bool) -> None:
    """Keep the tally in step after ``set_rating`` (``had``: the cell had a level before).

    Without this the next redraw would count that person again (120 look-ups);
    with it the redraw only confirms the person's count.
    """
    tally: StaffTally | None = getattr(session, "_staff_tally", None)
    current = session.round()
    if tally is None or tally.round_ref is not current or current is None:
        return
    entry = tally.people.get(person_id)
    given = current.ratings.get(person_id)
    if entry is None or given is None or entry.given is not given:
        return  # counted afresh at the next redraw
    has = competence_id in given
    if competence_id in tally.relevant.get(entry.profiles, frozenset()):
        entry.done += int(has) - int(had)
    entry.given_len = len(given)


def staff_progress(session: Session) -> Progress:
    """Ratings given in the latest round of the ratings that matter for each person."""
    tally = _tally(session)
    current = session.round()
    ratings = current.ratings if current is not None else {}
    people = tally.people
    seen: dict[str, _PersonCount] = {}
    done = total = 0
    for person in session.staff:
        given = ratings.get(person.id)
        entry = people.get(person.id)
        if (
            entry is None
            or entry.given is not given
            or entry.given_len != (len(given) if given else 0)
            or len(entry.profiles) != len(person.profiles)
            or any(a != b for a, b in zip(entry.profiles, person.profiles, strict=True))
        ):
            entry = _count(session, tally, tuple(person.profiles), given)
        seen[person.id] = entry
        done += entry.done
        total += entry.total
    tally.people = seen  # people removed or erased drop out
    return Progress(done, total)


def gaps_progress(session: Session) -> Progress:
    """Nothing to count: the gaps are derived from steps 2-4 (an empty count shows nothing)."""
    return Progress(0)


def plan_progress(session: Session) -> Progress:
    """Actions in the plan that are done, of all actions."""
    done = sum(1 for a in session.actions if a.status.value == "done")
    return Progress(done, len(session.actions)) if session.actions else Progress(0)


def summary_progress(session: Session) -> Progress:
    """1/1 once the workshop is agreed."""
    return Progress(1 if session.status == Status.AGREED else 0, 1)


_BY_STEP = {
    Step.FRAME: frame_progress,
    Step.BASIC: basic_progress,
    Step.BLOCKS: blocks_progress,
    Step.STAFF: staff_progress,
    Step.GAPS: gaps_progress,
    Step.PLAN: plan_progress,
    Step.SUMMARY: summary_progress,
}


def step_progress(session: Session, step: Step | int) -> Progress:
    """The progress of one step."""
    return _BY_STEP[Step(step)](session)


def all_progress(session: Session) -> dict[Step, Progress]:
    """The progress of every step, in order."""
    return {step: fn(session) for step, fn in _BY_STEP.items()}
