"""The demo's second unit (Team Ung): valid, deterministic, and what the overview shows."""

from __future__ import annotations

from pathlib import Path

from fagworkshop.demo import (
    DEMO_FILE,
    DEMO_SECOND_FILE,
    SECOND_ID,
    build_demo,
    build_second_unit,
    save_demo,
)
from fagworkshop.domain.overview import build_overview
from fagworkshop.domain.self_view import self_view
from fagworkshop.domain.session import Session
from fagworkshop.store.reading import load_session


def test_second_unit_is_valid_deterministic_and_its_own() -> None:
    first = build_second_unit()
    assert first == build_second_unit()
    assert Session.model_validate(first.model_dump()) == first
    assert first.id == SECOND_ID != build_demo().id
    assert first.frame.jobcenter == build_demo().frame.jobcenter
    names = {p.name for p in first.staff}
    assert len(names) == 6 and not names & {p.name for p in build_demo().staff}


def test_save_demo_writes_both_units(tmp_path: Path) -> None:
    path = save_demo(build_demo(), tmp_path)
    assert path == tmp_path / DEMO_FILE
    second = load_session(tmp_path / DEMO_SECOND_FILE)
    assert second.id == SECOND_ID


def test_overview_of_the_demo_shows_what_a_director_asks() -> None:
    ov = build_overview([build_demo(), build_second_unit()])
    by_id = {c.id: c for c in ov.competences}
    analysis = by_id["b-beskaeftigelsesanalyse"]
    # HE (Team Virksomhed og Match) is the only one in the whole centre at the target.
    assert analysis.single_holder and analysis.holders[0][0] == 0
    assert analysis.present == (0, 1)
    # Company knowledge lies unused in the first unit while Team Ung falls short of it.
    assert (0, 1) in by_id["virk-brancher"].unused_needed_elsewhere
    # Elements Team Ung works with and the first unit dropped are absent there, not zero.
    assert by_id["match-uddannelse"].cells[0] is None


def test_second_unit_has_own_levels_and_wishes_of_three_people() -> None:
    unit = build_second_unit()
    initials = {p.id: p.initials for p in unit.staff}
    rnd = unit.rounds[-1]
    assert {initials[p] for p in rnd.self_ratings} == {"NS", "PF", "RR"}
    assert {initials[p] for p in rnd.wishes} == {"NS", "PF", "RR"}
    view = self_view(unit)
    flagged = {(initials[d.person_id], d.competence_id, d.difference) for d in view.flagged}
    assert flagged == {
        ("NS", "helhed-koordinering", 2),
        ("PF", "match-uddannelse", -2),
        ("RR", "virk-brancher", 2),
    }
    meeting = {(initials[w.person_id], w.competence_id) for w in view.wishes_meeting_gap}
    assert meeting == {("NS", "b-beskaeftigelsesanalyse"), ("RR", "virk-brancher")}
    unneeded = {(initials[w.person_id], w.competence_id) for w in view.wishes_without_need}
    assert unneeded == {("PF", "b-organisation")}
    # saved and read back, the self layer is the same
    assert Session.model_validate(unit.model_dump()).rounds[-1] == rnd
