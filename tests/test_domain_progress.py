"""The staff step's progress is kept between redraws; it must always equal a fresh count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fagworkshop.domain import adapt, changes
from fagworkshop.domain.progress import Progress, staff_progress
from fagworkshop.domain.session import ElementStatus, Session
from fagworkshop.generate import generate_session


def _recount(session: Session) -> Progress:
    """What the step bar showed before the tally: every person counted afresh."""
    current = session.round()
    done = total = 0
    for person in session.staff:
        relevant = session.relevant_competences(person)
        total += len(relevant)
        if current is not None:
            given = current.ratings.get(person.id, {})
            done += sum(1 for c in relevant if c in given)
    return Progress(done, total)


def _step(session: Session, op: int, a: int, b: int, level: int) -> None:
    person = session.staff[a % len(session.staff)]
    ids = session.competence_ids()
    competence = ids[b % len(ids)]
    levels = session.level_numbers()
    if op == 0:
        changes.set_rating(session, person.id, competence, levels[level % len(levels)])
    elif op == 1:
        changes.set_rating(session, person.id, competence, None)
    elif op == 2:
        chosen = [p.id for p in session.profiles][: level % (len(session.profiles) + 1)]
        changes.set_person_profiles(session, person.id, chosen)
    elif op == 3:
        elements = [e.id for _, e in session.elements()]
        status = [ElementStatus.DROPPED, ElementStatus.KEPT][level % 2]
        adapt.set_element_status(session, elements[b % len(elements)], status)
    elif op == 4:
        basic = session.basics[b % len(session.basics)]
        adapt.decide_basic(session, basic.id, level % 2 == 0)
    elif op == 5:
        changes.start_follow_up_round(session)
    elif op == 6 and session.profiles:
        profile = session.profiles[a % len(session.profiles)]
        adapt.toggle_profile_element(session, profile.id, competence)
    elif op == 7:
        changes.erase_person(session, person.id)
    elif op == 8:
        # a bulk import replacing a person's ratings with a new dict
        current = session.round()
        assert current is not None
        current.ratings[person.id] = {c: levels[0] for c in ids[: level % 7]}


ops = st.lists(
    st.tuples(st.integers(0, 8), st.integers(0, 50), st.integers(0, 200), st.integers(0, 20)),
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(ops)
def test_kept_progress_equals_a_fresh_count_after_any_changes(
    steps: list[tuple[int, int, int, int]],
) -> None:
    session = generate_session(12, 20, 1, seed=3)
    assert staff_progress(session) == _recount(session)
    for op, a, b, level in steps:
        try:
            _step(session, op, a, b, level)
        except changes.ChangeError:
            continue
        assert staff_progress(session) == _recount(session), (op, a, b, level)


def test_a_rating_updates_the_kept_count_without_counting_again() -> None:
    session = generate_session(20, 30, 1, seed=1)
    before = staff_progress(session)
    person = session.staff[0]
    relevant = session.relevant_competences(person)
    current = session.round()
    assert current is not None
    rated = next(c for c in relevant if c in current.ratings.get(person.id, {}))
    changes.set_rating(session, person.id, rated, None)
    assert staff_progress(session).done == before.done - 1
    changes.set_rating(session, person.id, rated, session.level_numbers()[0])
    assert staff_progress(session) == before
