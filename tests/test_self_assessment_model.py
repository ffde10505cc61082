"""The staff's own voice in the model (issue 14 item 1): per round, person and competence
the person's own level (selvvurdering) and "ønsker at udvikle", stored in the session
file, strict like the leaders' ratings, erased with the person, in their own-data export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fagworkshop.demo import build_demo
from fagworkshop.domain import changes
from fagworkshop.domain.changes import ChangeError
from fagworkshop.domain.session import Session
from fagworkshop.export.person import render_person_markdown
from fagworkshop.generate import generate_session
from fagworkshop.store import writing
from fagworkshop.store.errors import FileProblem, SaveFailed
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session


def small() -> Session:
    return generate_session(staff=4, competences=6, rounds=2, seed=3)


def _problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(FileProblem) as info:
        load_session(path)
    return info.value.problems


def test_own_levels_and_wishes_are_set_in_the_latest_round_beside_the_leaders() -> None:
    s = small()
    c1, c2 = s.competence_ids()[:2]
    leaders = s.round().rating("p-1", c1).level  # type: ignore[union-attr]
    changes.set_self_rating(s, "p-1", c1, 4)
    assert changes.toggle_wish(s, "p-1", c2) is True
    latest = s.round()
    assert latest is not None and latest.number == 2
    assert latest.self_ratings == {"p-1": {c1: 4}} and latest.wishes == {"p-1": [c2]}
    assert latest.rating("p-1", c1).self_level == 4
    assert latest.rating("p-1", c1).level == leaders  # the leaders' level is untouched
    assert latest.rating("p-1", c2).wish and not latest.rating("p-1", c1).wish
    assert s.rounds[0].self_ratings == {} and s.rounds[0].wishes == {}
    # clearing removes the person's entries altogether
    changes.set_self_rating(s, "p-1", c1, None)
    assert changes.toggle_wish(s, "p-1", c2) is False
    assert latest.self_ratings == {} and latest.wishes == {}
    changes.set_wish(s, "p-2", c1, True)
    changes.set_wish(s, "p-2", c1, True)
    assert latest.wishes == {"p-2": [c1]}


@pytest.mark.parametrize("level", [5, -1, True, "3", 2.0])
def test_a_self_rating_off_the_scale_or_not_a_whole_number_is_refused(level: object) -> None:
    s = small()
    with pytest.raises(ChangeError) as info:
        changes.set_self_rating(s, "p-1", s.competence_ids()[0], level)  # type: ignore[arg-type]
    assert info.value.key == "change.level_outside_scale"
    assert s.round().self_ratings == {}  # type: ignore[union-attr]


def test_unknown_people_and_competences_are_refused() -> None:
    s = small()
    c = s.competence_ids()[0]
    for call in (
        lambda: changes.set_self_rating(s, "p-99", c, 2),
        lambda: changes.toggle_wish(s, "p-99", c),
    ):
        with pytest.raises(ChangeError, match="change.unknown_person"):
            call()
    for call in (
        lambda: changes.set_self_rating(s, "p-1", "nope", 2),
        lambda: changes.toggle_wish(s, "p-1", "nope"),
    ):
        with pytest.raises(ChangeError, match="change.unknown_competence"):
            call()


def test_they_round_trip_through_the_file_as_one_line_per_person(tmp_path: Path) -> None:
    s = small()
    c1, c2, c3 = s.competence_ids()[:3]
    changes.set_self_rating(s, "p-1", c1, 3)
    changes.set_self_rating(s, "p-1", c2, 1)
    changes.set_self_rating(s, "p-3", c1, 0)
    changes.toggle_wish(s, "p-1", c3)
    changes.toggle_wish(s, "p-1", c1)
    p = tmp_path / "s.toml"
    save_session(s, p)
    text = p.read_text(encoding="utf-8")
    assert f"[rounds.self_ratings]\np-1 = '{c1}:3 {c2}:1'\np-3 = '{c1}:0'\n" in text
    assert f'[rounds.wishes]\np-1 = [\n    "{c3}",\n    "{c1}",\n]' in text
    loaded = load_session(p)
    assert loaded == s
    assert loaded.round().self_ratings == {"p-1": {c1: 3, c2: 1}, "p-3": {c1: 0}}  # type: ignore[union-attr]
    assert loaded.round().wishes == {"p-1": [c3, c1]}  # type: ignore[union-attr]


def test_a_file_without_them_is_unchanged_and_loads_with_none(tmp_path: Path) -> None:
    s = small()
    p = tmp_path / "s.toml"
    save_session(s, p)
    text = p.read_text(encoding="utf-8")
    assert "self_ratings" not in text and "wishes" not in text
    loaded = load_session(p)
    assert all(r.self_ratings == {} and r.wishes == {} for r in loaded.rounds)


def test_a_version_1_file_migrates_with_empty_self_ratings(tmp_path: Path) -> None:
    import tomli_w

    s = small()
    plain = writing.session_snapshot(s)
    plain["schema_version"] = 1
    for rnd in plain["rounds"]:
        rnd.pop("self_ratings", None)
        rnd.pop("wishes", None)
    p = tmp_path / "old.toml"
    p.write_text(tomli_w.dumps(writing.utc(plain)), encoding="utf-8")
    loaded = load_session(p)
    assert loaded.schema_version == 2
    assert all(r.self_ratings == {} and r.wishes == {} for r in loaded.rounds)


def _saved_with(tmp_path: Path, **edit: str) -> Path:
    """A saved small session, one self-rating and wish in round 2, then ``old -> new`` edits."""
    s = small()
    c1 = s.competence_ids()[0]
    changes.set_self_rating(s, "p-1", c1, 3)
    changes.toggle_wish(s, "p-1", c1)
    p = tmp_path / "s.toml"
    save_session(s, p)
    body = p.read_text(encoding="utf-8")
    for old, new in edit.items():
        assert old.format(c=c1) in body, old
        body = body.replace(old.format(c=c1), new.format(c=c1))
    p.write_text(body, encoding="utf-8")  # edited by hand: the marker's digest no longer fits
    return p


WISH = '[rounds.wishes]\np-1 = [\n    "{c}",\n]\n'


@pytest.mark.parametrize(
    ("old", "new", "place", "words"),
    [
        ("p-1 = '{c}:3'", "p-1 = '{c}:7'", "rounds[1].self_ratings.p-1.{c}", "7"),
        ("p-1 = '{c}:3'", "p-1 = '{c}:x'", "rounds[1].self_ratings.p-1", "{c}:x"),
        ("p-1 = '{c}:3'", "p-1 = 3", "rounds[1].self_ratings.p-1", ""),
        ("p-1 = '{c}:3'", "p-9 = '{c}:3'", "rounds[1].self_ratings.p-9", "p-9"),
        ("p-1 = '{c}:3'", "p-1 = 'zz-9:3'", "rounds[1].self_ratings.p-1.zz-9", "zz-9"),
        (WISH, WISH.replace('"{c}"', '"zz-9"'), "rounds[1].wishes.p-1", "zz-9"),
        (WISH, "[rounds.wishes]\np-1 = 3\n", "rounds[1].wishes.p-1", ""),
        (WISH, WISH.replace("p-1", "p-9"), "rounds[1].wishes.p-9", "p-9"),
    ],
)
def test_wrong_values_in_the_file_are_refused_with_their_place(
    tmp_path: Path, old: str, new: str, place: str, words: str
) -> None:
    p = _saved_with(tmp_path, **{old: new})
    found = _problems(p)
    c1 = small().competence_ids()[0]
    want = place.format(c=c1)
    assert any(where.startswith(want) and words.format(c=c1) in what for where, what in found), (
        found
    )


def test_a_self_rating_off_the_scale_in_memory_is_not_saved(tmp_path: Path) -> None:
    s = small()
    s.rounds[-1].self_ratings["p-1"] = {s.competence_ids()[0]: 7}  # assigned past the checks
    p = tmp_path / "s.toml"
    with pytest.raises(SaveFailed):
        save_session(s, p)
    assert not p.exists()


def test_erasure_removes_own_levels_and_wishes_in_every_round(tmp_path: Path) -> None:
    s = small()
    c1 = s.competence_ids()[0]
    for rnd in s.rounds:
        rnd.self_ratings["p-2"] = {c1: 2}
        rnd.wishes["p-2"] = [c1]
        rnd.self_ratings["p-3"] = {c1: 1}
    changes.erase_person(s, "p-2")
    assert all("p-2" not in r.self_ratings and "p-2" not in r.wishes for r in s.rounds)
    assert all(r.self_ratings == {"p-3": {c1: 1}} for r in s.rounds)
    p = tmp_path / "s.toml"
    save_session(s, p, purge_backup=True)
    assert not re.search(r"^p-2 = ", p.read_text(), flags=re.M)


def test_own_data_export_shows_their_own_level_and_wish_and_nobody_elses() -> None:
    s = build_demo()
    for rnd in s.rounds:  # as before anyone has filled in a form
        rnd.self_ratings.clear()
        rnd.wishes.clear()
    c1, c2 = s.competence_ids()[:2]
    changes.set_self_rating(s, "p-1", c1, 4)
    changes.toggle_wish(s, "p-1", c2)
    changes.set_self_rating(s, "p-2", c2, 0)
    md = render_person_markdown(s, "p-1")
    latest = md[md.index("### Runde 2") :]
    header = next(ln for ln in latest.splitlines() if ln.startswith("| Kompetence"))
    assert header.endswith("| Egen vurdering | Ønsker at udvikle |")
    info1, info2 = s.competence(c1), s.competence(c2)
    assert info1 is not None and info2 is not None

    def cells(title: str) -> list[str]:
        row = next(ln for ln in latest.splitlines() if ln.startswith(f"| {title} |"))
        return [c.strip() for c in row.strip("|").split("|")]

    assert cells(info1.shown_title)[-2:] == ["4 (Ekspert, der lærer fra sig)", ""]
    assert cells(info2.shown_title)[-2:] == ["", "ja"]  # p-2's own 0 is not in p-1's data
    # round 1, where p-1 said nothing, keeps the table as it was
    first = md[md.index("### Runde 1") : md.index("### Runde 2")]
    assert "Egen vurdering" not in first
    assert "Egen vurdering" in render_person_markdown(s, "p-2")
    assert "Egen vurdering" not in render_person_markdown(s, "p-3")
