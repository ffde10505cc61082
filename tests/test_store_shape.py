"""Schema 2's file shape (issue 13): one rating line per person and round, strict both ways."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from fagworkshop.domain.session import SESSION_SCHEMA_VERSION, Session
from fagworkshop.generate import generate_session
from fagworkshop.store import writing
from fagworkshop.store.errors import FileProblem, SaveFailed
from fagworkshop.store.reading import load_session
from fagworkshop.store.shape import Pairs, ShapeProblem, decode_line, encode_line
from fagworkshop.store.writing import save_session, to_toml


def _v1_text(session: Session) -> str:
    """The session as version 1 wrote it: one ``competence = level`` key per rating."""
    plain = writing.session_snapshot(session)
    plain["schema_version"] = 1
    return tomli_w.dumps(writing.utc(plain), multiline_strings=True)


def _problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(FileProblem) as info:
        load_session(path)
    return info.value.problems


def test_the_current_schema_is_2() -> None:
    assert SESSION_SCHEMA_VERSION == 2


def test_a_version_1_file_opens_as_the_same_session_and_saves_as_version_2(tmp_path: Path) -> None:
    session = generate_session(staff=6, competences=9, rounds=2, seed=4)
    p = tmp_path / "old.toml"
    p.write_text(_v1_text(session), encoding="utf-8")
    assert "[rounds.ratings.p-1]" in p.read_text()
    loaded = load_session(p)
    assert loaded.model_dump(exclude={"schema_version"}) == session.model_dump(
        exclude={"schema_version"}
    )
    assert loaded.schema_version == 2
    save_session(loaded, p)
    text = p.read_text()
    assert "\nschema_version = 2\n" in text and "[rounds.ratings.p-1]" not in text
    assert load_session(p) == loaded
    # the old version stays in the backup
    assert "[rounds.ratings.p-1]" in (tmp_path / "old.toml.bak").read_text()


def test_a_version_1_level_that_is_not_a_whole_number_is_refused_with_its_place(
    tmp_path: Path,
) -> None:
    session = generate_session(staff=3, competences=5, rounds=1, seed=2)
    text = _v1_text(session)
    text = re.sub(r"(\[rounds\.ratings\.p-2\]\n[a-z0-9-]+ = )\d", r'\1"3"', text, count=1)
    p = tmp_path / "old.toml"
    p.write_text(text, encoding="utf-8")
    [(place, message)] = _problems(p)
    assert place.startswith("rounds[0].ratings.p-2.") and "helt tal" in message


@pytest.mark.parametrize(
    ("line", "where", "words"),
    [
        ("b-1:x", "rounds[0].ratings.p-1", "'b-1:x' er ikke et kompetence:niveau-par"),
        ("b-1:2.5", "rounds[0].ratings.p-1", "'b-1:2.5'"),
        ("b-1:-1", "rounds[0].ratings.p-1", "'b-1:-1'"),
        ("b-1=2", "rounds[0].ratings.p-1", "'b-1=2'"),
        ("b-1:2 b-1:3", "rounds[0].ratings.p-1.b-1", "to gange"),
        ("b-1:9", "rounds[0].ratings.p-1.b-1", "niveau 9 ligger uden for skalaen"),
        ("zz-1:2", "rounds[0].ratings.p-1.zz-1", "ukendt kompetence 'zz-1'"),
    ],
)
def test_a_wrong_rating_line_is_refused_with_its_place(
    tmp_path: Path, line: str, where: str, words: str
) -> None:
    session = generate_session(staff=3, competences=5, rounds=1, seed=2)
    data = tomllib.loads(to_toml(session).decode())
    data["rounds"][0]["ratings"]["p-1"] = line
    p = tmp_path / "bad.toml"
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    problems = _problems(p)
    assert any(place == where and words in message for place, message in problems), problems


def test_a_rating_line_that_is_not_text_is_refused(tmp_path: Path) -> None:
    session = generate_session(staff=3, competences=5, rounds=1, seed=2)
    data = tomllib.loads(to_toml(session).decode())
    data["rounds"][0]["ratings"]["p-1"] = 3
    p = tmp_path / "bad.toml"
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    [(place, message)] = _problems(p)
    assert place == "rounds[0].ratings.p-1" and "kompetence:niveau" in message


def test_an_empty_line_is_no_ratings_and_spaces_are_forgiven() -> None:
    assert decode_line("", "x") == {}
    assert decode_line("  b-1:2\t e-3:0 ", "x") == {"b-1": 2, "e-3": 0}


ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(ids, st.integers(0, 9), max_size=30))
def test_a_line_reads_back_as_the_levels_it_was_written_from(levels: dict[str, int]) -> None:
    assert decode_line(encode_line(levels, "x"), "x") == levels


def test_saving_refuses_a_level_that_is_not_a_whole_number(tmp_path: Path) -> None:
    session = generate_session(staff=3, competences=5, rounds=1, seed=2)
    person = session.staff[0].id
    competence = next(iter(session.rounds[0].ratings[person]))
    session.rounds[0].ratings[person][competence] = True  # a bool is an int to Python, not a level
    with pytest.raises(SaveFailed) as info:
        save_session(session, tmp_path / "s.toml")
    assert f"rounds[0].ratings.{person}.{competence}" in info.value.describe()
    assert not (tmp_path / "s.toml").exists()
    with pytest.raises(ShapeProblem):
        encode_line({"b-1": "3"}, "x")  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda s, p, c: s.rounds[0].ratings[p].__setitem__(c, 7), ".{c}"),
        (lambda s, p, c: s.rounds[0].ratings[p].__setitem__("zz-9", 1), ".zz-9"),
        (lambda s, p, c: s.rounds[0].ratings.__setitem__("ghost", {c: 1}), "ghost"),
    ],
)
def test_saving_refuses_ratings_a_load_would_refuse(
    tmp_path: Path, change: Callable[[Session, str, str], object], where: str
) -> None:
    session = generate_session(staff=3, competences=5, rounds=1, seed=2)
    person = session.staff[0].id
    competence = next(iter(session.rounds[0].ratings[person]))
    change(session, person, competence)
    with pytest.raises(SaveFailed) as info:
        save_session(session, tmp_path / "s.toml")
    assert where.format(c=competence) in info.value.describe()
    assert not (tmp_path / "s.toml").exists()


def test_saving_checks_every_person_though_the_staff_go_in_pieces(tmp_path: Path) -> None:
    """The save validates the staff 200 at a time: a bad person late in the list is found."""
    session = generate_session(staff=450, competences=4, rounds=1, seed=2)
    session.staff[420].note = "x" * 300_000
    with pytest.raises(SaveFailed) as info:
        save_session(session, tmp_path / "s.toml")
    assert "staff[420].note" in info.value.describe()
    session.staff[420].note = ""
    session.staff[430].profiles = ["no-such-profile"]
    with pytest.raises(SaveFailed) as info:
        save_session(session, tmp_path / "s.toml")
    assert "staff[430].profiles" in info.value.describe()


def _read(line: str, pairs: Pairs | None) -> tuple[str, object]:
    try:
        return "ok", decode_line(line, "x", pairs)
    except ShapeProblem as problem:
        return "refused", (problem.place, problem.key, problem.params)


pieces = st.one_of(
    st.builds(lambda c, n: f"{c}:{n}", ids, st.integers(0, 999)),
    st.builds(lambda c, n: f"{c}:{n:03d}", ids, st.integers(0, 9)),
    st.sampled_from(["b-1:2", "b-1:3", "B-1:2", "b-1:", ":2", "b-1:1234", "b-1=2", "b 1:2", ""]),
    st.text(max_size=6),
)
blanks = st.sampled_from([" ", " ", " ", "  ", "\t", " \t", "\n", "\u00a0", "\u2028"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(pieces, blanks), max_size=12), st.booleans())
def test_the_line_read_from_pieces_seen_before_is_the_line_read_piece_by_piece(
    parts: list[tuple[str, str]], shared: bool
) -> None:
    """The shortcut (``Pairs``, issue 13) accepts, reads and refuses every line as before."""
    line = "".join(piece + blank for piece, blank in parts).rstrip(" ")
    pairs = Pairs()
    if shared:  # pieces seen on an earlier line of the same file
        decode_line("b-1:2 b-2:1 e-3:0", "y", pairs)
    assert _read(line, pairs) == _read(line, None)
    assert _read(line, pairs) == _read(line, None)  # and again, every piece now seen
