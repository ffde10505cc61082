"""Analysis (kompetencehuller): hand-worked examples on a tiny session and invariants."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fagworkshop.domain import changes
from fagworkshop.domain.analysis import (
    CellState,
    analyse,
    build_index,
    cell_text,
    classify,
    compare_rounds,
    people_labels,
    person_label,
    pseudonym,
)
from fagworkshop.domain.catalogue import Theme, default_levels
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
from support.narrow import present


def tiny_session() -> Session:
    """Three people, three basics, four elements, one local profile; worked by hand below."""
    return Session(
        id="tiny",
        title="Lille workshop",
        levels=default_levels(),
        themes=[Theme(id="t1", title="Tema")],
        basics=[
            BasicChoice(id="b1", theme="t1", title="Lovgivning", included=True, min_level=2),
            BasicChoice(
                id="b2",
                theme="t1",
                title="Samtale",
                included=True,
                min_level=3,
                local_wording="Den motiverende samtale",
            ),
            BasicChoice(id="b3", theme="t1", title="Uafklaret", min_level=2),  # undecided
        ],
        blocks=[
            AdaptedBlock(
                id="blk",
                title="Virksomhedsprofilen",
                elements=[
                    AdaptedElement(
                        id="e1", title="Kontakt", status=ElementStatus.KEPT, target_level=3
                    ),
                    AdaptedElement(id="e2", title="Match", target_level=2),  # undecided, in lp1
                    AdaptedElement(
                        id="e3", title="Væk", status=ElementStatus.DROPPED, target_level=2
                    ),
                    AdaptedElement(id="e4", title="Uden mål", status=ElementStatus.KEPT),
                    AdaptedElement(id="e5", title="Ikke brugt", target_level=2),  # undecided
                ],
            )
        ],
        profiles=[
            LocalProfile(id="lp1", name="Virksomhedskonsulent", elements=["e1", "e2"], needed=2)
        ],
        staff=[
            Person(id="anna", name="Anna Holm", initials="AH", profiles=["lp1"]),
            Person(id="bo", name="Bo Juhl", initials="BJ", profiles=["lp1"]),
            Person(id="carla", name="Carla Krogh"),  # no profile, no initials
        ],
        rounds=[
            Round(
                number=1,
                date=dt.date(2026, 3, 1),
                ratings={
                    "anna": {"b1": 3, "b2": 3, "e1": 4, "e2": 2},  # meets everything
                    "bo": {"b1": 1, "b2": 2, "e1": 3},  # b1 far below, b2 one below, e2 unrated
                    "carla": {"b1": 2, "e1": 3, "e2": 2},  # b2 unrated; e1/e2 not relevant
                },
                unused={"carla": ["e1"], "bo": ["b1"]},
            ),
            Round(
                number=2,
                date=dt.date(2026, 9, 1),
                ratings={
                    "anna": {"b1": 3, "b2": 3, "e1": 4, "e2": 2},
                    "bo": {"b1": 2, "b2": 3, "e1": 3, "e2": 1},
                    "carla": {"b1": 2, "b2": 3, "e1": 3, "e2": 2},
                },
            ),
        ],
    )


# --- hand-worked examples --------------------------------------------------------


def test_which_competences_are_analysed() -> None:
    a = analyse(tiny_session(), 1)
    # b3 undecided, e3 dropped, e5 undecided and in no profile: left out.
    assert [c.id for c in a.competences] == ["b1", "b2", "e1", "e2", "e4"]
    assert present(a.coverage("b2")).competence.title == "Den motiverende samtale"


def test_coverage_round_one_by_hand() -> None:
    a = analyse(tiny_session(), 1)
    b1 = present(a.coverage("b1"))
    assert (b1.relevant, b1.meets, b1.below, b1.unrated) == (3, 2, 1, 0)
    assert b1.distribution == {1: 1, 2: 1, 3: 1}
    assert b1.unused == 1 and b1.holders == ("anna", "carla")
    b2 = present(a.coverage("b2"))
    assert (b2.relevant, b2.meets, b2.below, b2.unrated) == (3, 1, 1, 1)
    assert b2.single_holder and b2.holders == ("anna",)
    e1 = present(a.coverage("e1"))
    # Carla meets e1 but it is not relevant for her: an extra holder, and she does not use it.
    assert (e1.relevant, e1.meets, e1.below, e1.unrated) == (2, 2, 0, 0)
    assert e1.extra_holders == ("carla",) and e1.unused == 1
    e2 = present(a.coverage("e2"))
    assert (e2.relevant, e2.meets, e2.below, e2.unrated) == (2, 1, 0, 1)
    e4 = present(a.coverage("e4"))  # kept, no target, in no profile: relevant for nobody
    assert e4.target is None and e4.relevant == 0 and e4.share_meeting == 0.0


def test_profile_qualification_by_hand() -> None:
    a = analyse(tiny_session(), 1)
    lp = present(a.profile("lp1"))
    assert lp.targeted == ("e1", "e2")
    # anna meets both; carla meets both too (not a member); bo has e2 unrated: not close.
    assert lp.qualified == ("anna", "carla") and lp.close == ()
    assert lp.members == ("anna", "bo") and lp.qualified_members == ("anna",)
    assert lp.shortfall == 0
    a2 = analyse(tiny_session(), 2)
    lp2 = present(a2.profile("lp1"))
    assert lp2.close == ("bo",)  # e2 at 1 against 2


def test_person_gaps_by_hand() -> None:
    a = analyse(tiny_session(), 1)
    bo = present(a.person("bo"))
    assert [(g.competence_id, g.level, g.target, g.shortfall) for g in bo.gaps] == [
        ("b1", 1, 2, 1),
        ("b2", 2, 3, 1),
    ]
    assert bo.unrated == ("e2",) and bo.total_shortfall == 2
    assert [(u.competence_id, u.level) for u in bo.unused] == [("b1", 1)]
    anna = present(a.person("anna"))
    assert anna.gaps == () and anna.unrated == () and anna.meets == 4
    carla = present(a.person("carla"))
    assert carla.relevant == ("b1", "b2") and carla.unrated == ("b2",)


def test_latest_round_is_the_default_and_unknown_round_is_refused() -> None:
    s = tiny_session()
    assert analyse(s).round_number == 2
    with pytest.raises(ValueError):
        analyse(s, 7)


def test_session_without_rounds_is_all_unrated() -> None:
    s = tiny_session()
    s.rounds = []
    a = analyse(s)
    assert a.round_number is None
    assert all(c.meets == 0 and c.unrated == c.relevant for c in a.competences)


def test_compare_rounds_by_hand() -> None:
    cmp = compare_rounds(tiny_session())
    assert (cmp.before, cmp.after) == (1, 2)
    assert [(c.person_id, c.competence_id, c.before, c.after) for c in cmp.ratings] == [
        ("bo", "b1", 1, 2),
        ("bo", "b2", 2, 3),
        ("bo", "e2", None, 1),
        ("carla", "b2", None, 3),
    ]
    assert cmp.for_person("bo")[0].delta == 1 and cmp.for_person("bo")[2].delta is None
    lp = cmp.profiles[0]
    assert (lp.qualified_before, lp.qualified_after, lp.delta) == (2, 2, 0)
    b2 = next(c for c in cmp.competences if c.competence_id == "b2")
    assert (b2.meets_before, b2.meets_after) == (1, 3)
    assert cmp.gaps_before["bo"] == 2 and cmp.gaps_after["bo"] == 1  # e2 now rated 1 of 2


def test_compare_needs_two_rounds() -> None:
    s = tiny_session()
    s.rounds = s.rounds[:1]
    with pytest.raises(ValueError):
        compare_rounds(s)


@pytest.mark.parametrize(
    ("level", "target", "relevant", "state"),
    [
        (3, 2, True, CellState.ABOVE),
        (2, 2, True, CellState.MEETS),
        (1, 2, True, CellState.ONE_BELOW),
        (0, 2, True, CellState.FAR_BELOW),
        (None, 2, True, CellState.UNRATED),
        (2, None, True, CellState.NO_TARGET),
        (4, 2, False, CellState.NOT_RELEVANT),
    ],
)
def test_classify(level: int | None, target: int | None, relevant: bool, state: CellState) -> None:
    assert classify(level, target, relevant) is state


def test_cell_text_reads_without_colour() -> None:
    assert cell_text(3, CellState.ABOVE) == "3+"
    assert cell_text(2, CellState.MEETS) == "2"
    assert cell_text(1, CellState.ONE_BELOW) == "1-"
    assert cell_text(0, CellState.FAR_BELOW) == "0!"
    assert cell_text(None, CellState.UNRATED) == "?"
    assert cell_text(None, CellState.NOT_RELEVANT) == "·"


def test_index_cell_matches_analysis() -> None:
    s = tiny_session()
    idx = build_index(s)
    r1 = s.round(1)
    assert idx.cell(r1, "bo", "b1") is CellState.ONE_BELOW
    assert idx.cell(r1, "carla", "e1") is CellState.NOT_RELEVANT
    assert idx.cell(r1, "bo", "e2") is CellState.UNRATED


def test_names_stay_in_the_room_by_default() -> None:
    s = tiny_session()
    anna, _, carla = s.staff
    assert person_label(anna) == "AH"
    assert person_label(anna, with_names=True) == "Anna Holm"
    assert person_label(carla) == pseudonym("carla")
    assert "carla" not in pseudonym("carla").lower() and pseudonym("carla") == pseudonym("carla")


def test_people_labels_are_unique() -> None:
    people = [Person(id="a", name="A", initials="AB"), Person(id="b", name="B", initials="AB")]
    assert people_labels(people) == {"a": "AB", "b": "AB (2)"}


# --- invariants ------------------------------------------------------------------

LEVELS = st.one_of(st.none(), st.integers(0, 4))


@st.composite
def rated_sessions(draw: st.DrawFn) -> Session:
    """The tiny session's shape, with arbitrary profiles, targets and ratings."""
    s = tiny_session()
    s.rounds = s.rounds[:1]
    for b in s.basics:
        b.included = draw(st.sampled_from([True, False, None]))
        b.min_level = draw(LEVELS)
    for _, e in s.elements():
        e.status = draw(st.sampled_from(list(ElementStatus)))
        e.target_level = draw(LEVELS)
    ids = s.competence_ids()
    s.profiles[0].elements = draw(st.lists(st.sampled_from(ids), max_size=5, unique=True))
    s.profiles[0].needed = draw(st.integers(0, 4))
    for p in s.staff:
        p.profiles = draw(st.sampled_from([[], ["lp1"]]))
    rnd = s.rounds[0]
    rnd.ratings = {}
    for p in s.staff:
        levels = {c: lv for c in ids if (lv := draw(LEVELS)) is not None}
        if levels:
            rnd.ratings[p.id] = levels
    rnd.unused = {
        p.id: draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)) for p in s.staff
    }
    return s


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(rated_sessions())
def test_counts_add_up(s: Session) -> None:
    a = analyse(s)
    for c in a.competences:
        assert c.rated + c.unrated == c.relevant
        assert sum(c.distribution.values()) == c.rated
        if c.target is not None:
            assert c.meets + c.below + c.unrated == c.relevant
            assert len(c.holders) == c.meets
        else:
            assert c.meets == c.below == 0
        assert 0 <= c.unused <= len(s.staff)
    for p in a.profiles:
        assert not set(p.qualified) & set(p.close)
        assert p.shortfall == max(0, p.needed - len(p.qualified))


@FAST
@given(rated_sessions())
def test_relevance_matches_the_session(s: Session) -> None:
    idx = build_index(s)
    for person in s.staff:
        assert list(idx.relevant_ordered[person.id]) == s.relevant_competences(person)
    for cid in idx.infos:
        assert idx.target(cid) == s.target(cid)


@FAST
@given(rated_sessions())
def test_meeting_every_target_means_no_gaps(s: Session) -> None:
    a = analyse(s)
    rnd = present(s.round())
    for person in s.staff:
        mine = rnd.ratings.get(person.id, {})
        meets_all = all(
            (t := s.target(c)) is None or (c in mine and mine[c] >= t)
            for c in s.relevant_competences(person)
        )
        gaps = present(a.person(person.id))
        assert (gaps.gaps == () and gaps.unrated == ()) == meets_all


@FAST
@given(rated_sessions(), st.data())
def test_raising_a_rating_never_lowers_coverage_or_qualification(
    s: Session, data: st.DataObject
) -> None:
    person = data.draw(st.sampled_from(s.staff))
    cid = data.draw(st.sampled_from(s.competence_ids()))
    current = present(s.round()).ratings.get(person.id, {}).get(cid)
    new = data.draw(st.integers(0 if current is None else current, 4))
    before = analyse(s)
    changes.set_rating(s, person.id, cid, new)
    after = analyse(s)
    for old_c, new_c in zip(before.competences, after.competences, strict=True):
        assert new_c.meets >= old_c.meets
        assert set(old_c.holders) <= set(new_c.holders)
    for old_p, new_p in zip(before.profiles, after.profiles, strict=True):
        assert set(old_p.qualified) <= set(new_p.qualified)
        assert new_p.shortfall <= old_p.shortfall
    if current is not None:  # rating an unrated competence may reveal a gap; raising never adds one
        assert len(present(after.person(person.id)).gaps) <= len(
            present(before.person(person.id)).gaps
        )
        assert (
            present(after.person(person.id)).total_shortfall
            <= present(before.person(person.id)).total_shortfall
        )


@FAST
@given(rated_sessions())
def test_cells_agree_with_gaps(s: Session) -> None:
    idx = build_index(s)
    a = analyse(s, index=idx)
    rnd = present(s.round())
    for person in s.staff:
        gap_ids = {g.competence_id for g in present(a.person(person.id)).gaps}
        cells = {c for c in idx.infos if idx.cell(rnd, person.id, c).is_gap}
        assert cells == gap_ids


def test_large_session_is_analysed() -> None:
    """A whole jobcentre analyses; how fast is `make bench`'s (the analysis scenario).

    Was a wall-clock assertion (< 1 s) that failed a fresh clone's `make test` on a
    machine with load 2 (issue 13).
    """
    from fagworkshop.generate import generate_session

    s = generate_session(2000, 120, 1, seed=1)
    a = analyse(s)
    assert len(a.people) == 2000 and len(a.competences) == 120
