"""The save's memo (store.reuse, issue 13): a save takes over the text and checks of the
parts that are the same objects as in the save before, and the file is byte for byte
what a save from nothing writes, whatever changed in between."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings

from fagworkshop.demo import build_demo
from fagworkshop.domain.session import Person, Session
from fagworkshop.generate import generate_session
from fagworkshop.store import shape
from fagworkshop.store.encoding import reload_problems, session_snapshot
from fagworkshop.store.errors import SaveFailed
from fagworkshop.store.reuse import SaveMemo
from fagworkshop.store.writing import save_session, session_file_bytes
from test_store_roundtrip import sessions


def _reference_toml(plain: dict[str, Any]) -> str:
    """The file text as written before the memo: tomli_w for all but the rating lines."""
    rounds = plain.get("rounds") or []
    after = {k: plain[k] for k in ("actions", "steps") if k in plain and shape._is_table(plain[k])}
    head = shape.utc({k: v for k, v in plain.items() if k != "rounds" and k not in after})
    parts = [tomli_w.dumps(head, multiline_strings=True)]
    for i, rnd in enumerate(rounds):
        tables = {
            k: v for k, v in rnd.items() if k not in shape.LINE_TABLES and isinstance(v, dict) and v
        }
        scalars = {k: v for k, v in rnd.items() if not isinstance(v, dict)}
        parts += ["\n", "[[rounds]]\n", tomli_w.dumps(shape.utc(scalars), multiline_strings=True)]
        for key in shape.LINE_TABLES:
            lines = rnd.get(key) or {}
            if lines:
                parts.append(f"\n[rounds.{key}]\n")
                parts += [
                    f"{p} = '{shape.encode_line(v, f'rounds[{i}].{key}.{p}')}'\n"
                    for p, v in lines.items()
                ]
        if tables:
            parts += ["\n", tomli_w.dumps({"rounds": tables}, multiline_strings=True)]
    if after:
        parts += ["\n", tomli_w.dumps(shape.utc(after), multiline_strings=True)]
    return "".join(parts)


def _varied() -> Iterable[Session]:
    """Sessions whose tables tomli_w writes every way: inline arrays, arrays of tables with
    some tables short enough to go inline, notes, unused flags, own levels, wishes."""
    yield build_demo()
    yield generate_session(staff=12, competences=15, rounds=3, seed=5)
    mixed = generate_session(staff=6, competences=8, rounds=1, seed=1)
    mixed.staff.append(Person(id="p-99", name="Kort", profiles=[]))  # fits on a line alone
    yield mixed
    short = generate_session(staff=2, competences=3, rounds=1, seed=3)
    for person in short.staff:
        person.profiles = []  # every person fits on a line: the staff is an inline array
        person.name = person.initials
    short.profiles = []
    yield short


@pytest.mark.parametrize("session", list(_varied()), ids=lambda s: s.id)
def test_the_file_is_what_tomli_w_wrote_before_the_memo(session: Session) -> None:
    plain = session_snapshot(session)
    assert shape.session_toml(plain) == _reference_toml(plain)
    if session.id.startswith("gen-2x3"):
        assert "\nstaff = [\n" in _reference_toml(plain)  # the case is what it says
    memo = SaveMemo()
    for _ in range(2):  # from nothing, then every part taken over
        with memo.using() as held:
            assert shape.session_toml(plain, held) == _reference_toml(plain)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_the_memo_writes_what_tomli_w_wrote_for_any_session(session: Session) -> None:
    plain = session_snapshot(session)
    memo = SaveMemo()
    with memo.using() as held:
        first = shape.session_toml(plain, held)
    with memo.using() as held:
        assert shape.session_toml(plain, held) == first == _reference_toml(plain)


def test_a_part_is_taken_over_only_when_it_is_the_same_object() -> None:
    session = generate_session(staff=4, competences=6, rounds=1, seed=2)
    plain = session_snapshot(session)
    memo = SaveMemo()
    with memo.using() as held:
        shape.session_toml(plain, held)
    # an equal copy is not the same object: its text is made again (and is the same)
    person = plain["rounds"][0]["ratings"]["p-1"]
    changed = dict(person)
    changed[next(iter(changed))] = 4 if next(iter(person.values())) != 4 else 3
    ratings = {**plain["rounds"][0]["ratings"], "p-1": changed}
    edited = {**plain, "rounds": [{**plain["rounds"][0], "ratings": ratings}]}
    with memo.using() as held:
        text = shape.session_toml(edited, held)
    assert text == _reference_toml(edited) != _reference_toml(plain)


def test_checks_are_not_taken_over_when_what_they_checked_against_changed() -> None:
    session = generate_session(staff=3, competences=6, rounds=1, seed=2)
    plain = session_snapshot(session)
    memo = SaveMemo()
    with memo.using() as held:
        assert reload_problems(plain, held) is None
    # the same rating lines, but the person is no longer on the staff
    gone = {**plain, "staff": [p for p in plain["staff"] if p["id"] != "p-1"]}
    with memo.using() as held:
        problem = reload_problems(gone, held)
    assert problem is not None and "p-1" in problem
    # and a competence taken off the catalogue
    basics = plain["basics"][1:]
    fewer = {**plain, "basics": basics}
    with memo.using() as held:
        problem = reload_problems(fewer, held)
    assert problem is not None and plain["basics"][0]["id"] in problem


def test_a_memo_in_use_is_not_shared_by_a_second_save() -> None:
    memo = SaveMemo()
    with memo.using() as first, memo.using() as second:
        assert first is memo and second is None


def test_a_memo_remembers_only_the_last_save_and_forgets_on_request() -> None:
    session = generate_session(staff=5, competences=6, rounds=1, seed=2)
    plain = session_snapshot(session)
    memo = SaveMemo()
    with memo.using() as held:
        shape.session_toml(plain, held)
    remembered = len(memo)
    smaller = {**plain, "staff": plain["staff"][:1], "rounds": []}
    with memo.using() as held:
        shape.session_toml(smaller, held)
    assert 0 < len(memo) < remembered
    memo.forget()
    assert len(memo) == 0


def test_save_session_takes_no_memo_for_a_session_object(tmp_path: Path) -> None:
    """A Session is copied afresh on saving: nothing of it is what an earlier save had."""
    session = generate_session(staff=3, competences=6, rounds=1, seed=2)
    memo = SaveMemo()
    path = tmp_path / "w.toml"
    save_session(session, path, memo=memo)
    assert len(memo) == 0
    save_session(session_snapshot(session), path, memo=memo)
    assert len(memo) > 0
    assert path.read_bytes() == session_file_bytes(session)


def test_after_a_refused_save_the_memo_still_writes_what_is_given(tmp_path: Path) -> None:
    session = generate_session(staff=3, competences=6, rounds=1, seed=2)
    plain = session_snapshot(session)
    memo = SaveMemo()
    path = tmp_path / "w.toml"
    save_session(plain, path, memo=memo)
    bad = {**plain, "staff": plain["staff"][1:]}  # ratings of someone not on the staff
    with pytest.raises(SaveFailed, match="p-1"):
        save_session(bad, path, memo=memo)
    save_session(plain, path, memo=memo)
    assert path.read_bytes() == session_file_bytes(session)


def test_the_memo_holds_the_text_of_the_last_save_only(tmp_path: Path) -> None:
    """What a save no longer writes is not kept either (an erased person's text)."""
    session = generate_session(staff=3, competences=6, rounds=1, seed=2)
    plain = session_snapshot(session)
    memo = SaveMemo()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.toml"
        save_session(plain, path, memo=memo)
        name = plain["staff"][0]["name"]
        assert any(name in str(text) for text in memo.texts())
        without = {
            **plain,
            "staff": plain["staff"][1:],
            "rounds": [
                {**r, "ratings": {p: v for p, v in r["ratings"].items() if p != "p-1"}}
                for r in plain["rounds"]
            ],
        }
        save_session(without, path, memo=memo)
    assert not any(name in str(text) for text in memo.texts())


def test_one_levels_object_under_two_people_is_two_lines() -> None:
    session = generate_session(staff=3, competences=6, rounds=1, seed=2)
    plain = session_snapshot(session)
    ratings = plain["rounds"][0]["ratings"]
    shared = {**plain, "rounds": [{**plain["rounds"][0], "ratings": {**ratings}}]}
    shared["rounds"][0]["ratings"]["p-2"] = ratings["p-1"]  # the very same dict, twice
    memo = SaveMemo()
    for data in (plain, shared):
        with memo.using() as held:
            assert shape.session_toml(data, held) == _reference_toml(data)
