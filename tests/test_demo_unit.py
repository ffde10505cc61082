"""The demo's second unit (Team Ung): valid, deterministic, and what the overview shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from fagworkshop.demo import (
    DEMO_FILE,
    DEMO_SECOND_FILE,
    SECOND_ID,
    SHIPPED_FILE,
    SHIPPED_SECOND_FILE,
    build_demo,
    build_second_unit,
    save_demo,
    start_demo,
)
from fagworkshop.domain.overview import build_overview
from fagworkshop.domain.self_view import self_view
from fagworkshop.domain.session import Session
from fagworkshop.store.errors import SaveFailed, StoreError
from fagworkshop.store.integrity import file_stamp
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_session, load_session_file
from fagworkshop.store.writing import save_session, write_session_bytes


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


def test_start_demo_writes_what_save_demo_writes(tmp_path: Path) -> None:
    # the fast start (the shipped bytes copied) leaves the same two files, byte for byte,
    # as saving the demo built from them, and opens with the stamp of what it wrote
    saved = save_demo(build_demo(), tmp_path / "saved")
    path, loaded = start_demo(tmp_path / "started")
    assert path == tmp_path / "started" / DEMO_FILE
    assert path.read_bytes() == saved.read_bytes() == SHIPPED_FILE.read_bytes()
    second = (tmp_path / "started" / DEMO_SECOND_FILE).read_bytes()
    assert second == (tmp_path / "saved" / DEMO_SECOND_FILE).read_bytes()
    assert second == SHIPPED_SECOND_FILE.read_bytes()
    assert loaded.session == build_demo() == load_session_file(path).session
    assert loaded.stamp == file_stamp(path) and not loaded.edited_outside
    assert path.stat().st_mode & 0o777 == 0o600


def test_start_demo_open_elsewhere_gets_its_own_file(tmp_path: Path) -> None:
    with SessionLock(tmp_path / DEMO_FILE):
        path, loaded = start_demo(tmp_path)
    assert path != tmp_path / DEMO_FILE and not (tmp_path / DEMO_FILE).exists()
    assert load_session(path) == loaded.session


def test_start_demo_refuses_a_shipped_file_that_is_not_whole(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_bytes(SHIPPED_FILE.read_bytes()[:-40])
    with pytest.raises(StoreError):
        start_demo(tmp_path / "sessions", source=broken)
    assert not (tmp_path / "sessions" / DEMO_FILE).exists()


@pytest.mark.parametrize("cut", ["edited", "cut short", "unmarked", "empty"])
def test_write_session_bytes_copies_only_whole_files(tmp_path: Path, cut: str) -> None:
    raw = SHIPPED_SECOND_FILE.read_bytes()
    data = {
        "edited": raw.replace(b"Team Ung", b"Team Gammel", 1),
        "cut short": raw[: len(raw) // 2],
        "unmarked": raw.split(b"\n", 1)[1],
        "empty": b"",
    }[cut]
    target = tmp_path / "w.toml"
    save_session(build_second_unit(), target)
    before = target.read_bytes()
    with pytest.raises(SaveFailed):
        write_session_bytes(data, target)
    assert target.read_bytes() == before


def test_write_session_bytes_checks_the_file_it_replaces(tmp_path: Path) -> None:
    raw = SHIPPED_SECOND_FILE.read_bytes()
    target = tmp_path / "w.toml"
    stamp = write_session_bytes(raw, target)
    assert stamp == file_stamp(target)
    target.write_bytes(raw + b"\n")  # changed on disk since
    with pytest.raises(StoreError):
        write_session_bytes(raw, target, expected=stamp)
    target.write_bytes(b"schema_version = 99\n")  # written by a newer fagworkshop
    with pytest.raises(SaveFailed):
        write_session_bytes(raw, target)
    assert target.read_bytes() == b"schema_version = 99\n"


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
