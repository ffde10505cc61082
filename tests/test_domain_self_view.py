"""The self layer (selvvurdering og ønsker, issue 14 item 3): differences between the
person's own level and the leaders', the cells flagged for the talk, the biggest
differences, wishes that meet a gap and wishes nobody needs; worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fagworkshop.demo import build_demo
from fagworkshop.domain import changes
from fagworkshop.domain.catalogue import Theme, default_levels
from fagworkshop.domain.self_view import TALK_DIFFERENCE, self_people, self_view
from fagworkshop.domain.session import (
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    LocalProfile,
    Person,
    Round,
    Session,
)


def tiny_session() -> Session:
    """Three people; anna and bo hold lp1 (b1, b2, e1, e2 relevant), carla only the basics.

    Targets: b1 2, b2 3, e1 3 (kept), e2 2 (in lp1), e4 kept without target, e5
    undecided and in no profile (not analysed). Round 1 has no self layer.
    """
    return Session(
        id="tiny",
        title="Lille workshop",
        levels=default_levels(),
        themes=[Theme(id="t1", title="Tema")],
        basics=[
            BasicChoice(id="b1", theme="t1", title="Lovgivning", included=True, min_level=2),
            BasicChoice(id="b2", theme="t1", title="Samtale", included=True, min_level=3),
        ],
        blocks=[
            AdaptedBlock(
                id="blk",
                title="Virksomhedsprofilen",
                elements=[
                    AdaptedElement(
                        id="e1", title="Kontakt", status=ElementStatus.KEPT, target_level=3
                    ),
                    AdaptedElement(id="e2", title="Match", target_level=2),
                    AdaptedElement(id="e4", title="Uden mål", status=ElementStatus.KEPT),
                    AdaptedElement(id="e5", title="Ikke brugt", target_level=2),
                ],
            )
        ],
        profiles=[LocalProfile(id="lp1", name="Konsulent", elements=["e1", "e2"], needed=2)],
        staff=[
            Person(id="anna", name="Anna Holm", profiles=["lp1"]),
            Person(id="bo", name="Bo Juhl", profiles=["lp1"]),
            Person(id="carla", name="Carla Krogh"),
        ],
        rounds=[
            Round(number=1, date=dt.date(2026, 3, 1), ratings={"anna": {"b1": 1}}),
            Round(
                number=2,
                date=dt.date(2026, 6, 1),
                ratings={
                    "anna": {"b1": 3, "b2": 3, "e1": 4, "e2": 2},
                    "bo": {"b1": 1, "b2": 2, "e1": 3},  # e2 unrated
                    "carla": {"b1": 2, "b2": 3, "e1": 3},  # e1 not relevant for her
                },
                self_ratings={
                    "anna": {"e4": 2, "e1": 4, "b1": 1},  # e4: no leaders' level
                    "bo": {"b1": 3, "b2": 3, "e2": 3},  # e2: no leaders' level
                    "carla": {"b2": 0, "e1": 2},
                },
                wishes={
                    "anna": ["e5", "e2", "e4"],
                    "bo": ["e1", "b2"],
                    "carla": ["e1", "b1"],
                },
            ),
        ],
    )


def cells(items: object) -> list[tuple[str, str]]:
    return [(x.person_id, x.competence_id) for x in items]  # type: ignore[attr-defined]


def test_differences_are_self_minus_leader_for_cells_with_both_in_staff_then_session_order() -> (
    None
):
    view = self_view(tiny_session())
    assert view.round_number == 2
    got = [
        (d.person_id, d.competence_id, d.leader, d.self_level, d.difference)
        for d in view.differences
    ]
    assert got == [
        ("anna", "b1", 3, 1, -2),
        ("anna", "e1", 4, 4, 0),
        ("bo", "b1", 1, 3, 2),
        ("bo", "b2", 2, 3, 1),
        ("carla", "b2", 3, 0, -3),
        ("carla", "e1", 3, 2, -1),  # not relevant for carla, still a difference
    ]
    assert view.difference("bo", "e2") is None  # only her own level
    assert view.difference("anna", "e4") is None
    d = view.difference("carla", "b2")
    assert d is not None and d.size == 3 and d.flagged


def test_cells_two_or_more_apart_either_way_are_flagged_for_the_talk() -> None:
    assert TALK_DIFFERENCE == 2
    view = self_view(tiny_session())
    assert cells(view.flagged) == [("anna", "b1"), ("bo", "b1"), ("carla", "b2")]


def test_biggest_differences_largest_first_then_staff_and_session_order_without_zeros() -> None:
    view = self_view(tiny_session())
    assert cells(view.biggest_differences()) == [
        ("carla", "b2"),
        ("anna", "b1"),
        ("bo", "b1"),
        ("bo", "b2"),
        ("carla", "e1"),
    ]
    assert cells(view.biggest_differences(2)) == [("carla", "b2"), ("anna", "b1")]


def test_a_wish_meets_a_gap_only_where_the_leaders_rated_the_person_below_a_relevant_target() -> (
    None
):
    view = self_view(tiny_session())
    assert cells(view.wishes) == [
        ("anna", "e2"),
        ("anna", "e4"),
        ("anna", "e5"),
        ("bo", "b2"),
        ("bo", "e1"),
        ("carla", "b1"),
        ("carla", "e1"),
    ]
    assert cells(view.wishes_meeting_gap) == [("bo", "b2")]
    (wish,) = view.wishes_meeting_gap
    assert (wish.leader, wish.self_level, wish.target, wish.shortfall) == (2, 3, 3, 1)


def test_wishes_nobody_needs_no_target_not_analysed_or_everyone_relevant_meets_it() -> None:
    view = self_view(tiny_session())
    # anna e4: kept without target; anna e5: not analysed; bo e1 and carla e1:
    # both people e1 is relevant for (anna 4, bo 3) meet its target 3.
    assert cells(view.wishes_without_need) == [
        ("anna", "e4"),
        ("anna", "e5"),
        ("bo", "e1"),
        ("carla", "e1"),
    ]
    # neither list: anna e2 (she meets it, bo is unrated on it: not known yet) and
    # carla b1 (she meets it, bo is below: the unit needs it)
    listed = set(cells(view.wishes_meeting_gap)) | set(cells(view.wishes_without_need))
    assert {("anna", "e2"), ("carla", "b1")}.isdisjoint(listed)


def test_an_unrated_person_with_a_low_own_level_is_not_a_gap() -> None:
    s = tiny_session()
    changes.set_wish(s, "bo", "e2", True)  # bo: own level 3, no leaders' level on e2
    view = self_view(s)
    assert ("bo", "e2") not in cells(view.wishes_meeting_gap)
    changes.set_rating(s, "bo", "e2", 1)
    assert ("bo", "e2") in cells(self_view(s).wishes_meeting_gap)


def test_per_person_look_ups_and_who_took_part() -> None:
    view = self_view(tiny_session())
    assert cells(view.for_person("bo")) == [("bo", "b1"), ("bo", "b2")]
    assert cells(view.wishes_of("carla")) == [("carla", "b1"), ("carla", "e1")]
    assert view.has_self_assessment
    s = tiny_session()
    assert self_people(s.round()) == {"anna", "bo", "carla"}
    assert self_people(s.round(1)) == set()


def test_an_earlier_round_without_a_self_layer_and_an_unknown_round() -> None:
    s = tiny_session()
    first = self_view(s, 1)
    assert first.round_number == 1 and not first.has_self_assessment
    assert first.flagged == () and first.wishes_meeting_gap == ()
    with pytest.raises(ValueError):
        self_view(s, 7)
    s.rounds = []
    assert self_view(s).round_number is None


def test_the_demo_has_a_flagged_difference_and_a_wish_that_meets_a_gap() -> None:
    view = self_view(build_demo())
    people = {d.person_id for d in view.differences} | {w.person_id for w in view.wishes}
    assert len(people) == 5
    assert cells(view.flagged) == [
        ("p-4", "b-undersoege"),
        ("p-11", "b-dokumentere"),
        ("p-12", "b-borgersamtale"),
    ]
    assert ("p-1", "b-beskaeftigelsesanalyse") in cells(view.wishes_meeting_gap)
    assert cells(view.wishes_without_need) == [
        ("p-4", "match-maalgrupper"),
        ("p-12", "udv-dokumentation"),
    ]
    assert self_view(build_demo(), 1).has_self_assessment is False  # only the follow-up


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    own=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 15), st.integers(0, 4)), max_size=40),
    wishes=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 15)), max_size=20),
)
def test_the_rules_hold_for_any_self_layer(
    seed: int, own: list[tuple[int, int, int]], wishes: list[tuple[int, int]]
) -> None:
    from fagworkshop.domain.analysis import analyse
    from fagworkshop.generate import generate_session

    s = generate_session(staff=8, competences=16, rounds=2, seed=seed)
    people, ids = [p.id for p in s.staff], s.competence_ids()
    for p, c, level in own:
        changes.set_self_rating(s, people[p % len(people)], ids[c % len(ids)], level)
    for p, c in wishes:
        changes.set_wish(s, people[p % len(people)], ids[c % len(ids)], True)
    view = self_view(s)
    rnd = s.round()
    assert rnd is not None
    picture = analyse(s)
    # every cell with both levels is there once, and its difference is own minus leaders'
    both = {
        (p, c)
        for p, levels in rnd.self_ratings.items()
        for c in levels
        if c in rnd.ratings.get(p, {})
    }
    assert set(cells(view.differences)) == both and len(view.differences) == len(both)
    for d in view.differences:
        assert d.difference == rnd.self_ratings[d.person_id][d.competence_id] - d.leader
    assert set(cells(view.flagged)) == {
        (d.person_id, d.competence_id) for d in view.differences if abs(d.difference) >= 2
    }
    sizes = [d.size for d in view.biggest_differences()]
    assert sizes == sorted(sizes, reverse=True) and 0 not in sizes
    # the two wish lists never overlap; a wish meeting a gap is a personal gap
    gap, none = set(cells(view.wishes_meeting_gap)), set(cells(view.wishes_without_need))
    assert not gap & none
    assert len(view.wishes) == sum(len(set(w)) for w in rnd.wishes.values())
    for w in view.wishes_meeting_gap:
        person = picture.person(w.person_id)
        assert person is not None
        assert w.competence_id in {g.competence_id for g in person.gaps}
    for w in view.wishes_without_need:
        coverage = picture.coverage(w.competence_id)
        assert coverage is None or coverage.target is None or coverage.below == 0
        assert w.competence_id not in {
            g.competence_id
            for g in picture.person(w.person_id).gaps  # type: ignore[union-attr]
        }
