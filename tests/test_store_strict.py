"""Strict files (issue 9 item 6): wrong types are refused with their place, never converted.

A bool, a string or a float is never a level, a step or a count; levels off
the scale, an empty scale, duplicate levels and references to unknown things
are refused with their place; a value quoted in a message is cut short.
The files here are schema 1 (what every fagworkshop before schema 2 wrote),
built from a generated session's plain data.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from fagworkshop.generate import generate_session
from fagworkshop.store.errors import QUOTE_LIMIT, FileProblem
from fagworkshop.store.reading import load_catalogue, load_session
from fagworkshop.store.writing import save_session


def good() -> dict[str, Any]:
    s = generate_session(staff=3, competences=4, rounds=1, seed=5)
    data = s.model_dump(mode="json", exclude_none=True)
    data["schema_version"] = 1  # ratings as tables per person: rounds[i].ratings.<p>.<c>
    return data


def first_rating(data: dict[str, Any]) -> tuple[str, str]:
    person = next(iter(data["rounds"][0]["ratings"]))
    competence = next(iter(data["rounds"][0]["ratings"][person]))
    return person, competence


def problems(tmp_path: Path, data: dict[str, Any], name: str = "s.toml") -> list[tuple[str, str]]:
    p = tmp_path / name
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    before = p.read_bytes()
    with pytest.raises(FileProblem) as info:
        load_session(p)
    assert p.read_bytes() == before
    return info.value.problems


def test_the_good_file_loads(tmp_path: Path) -> None:
    p = tmp_path / "s.toml"
    p.write_text(tomli_w.dumps(good()), encoding="utf-8")
    assert len(load_session(p).staff) == 3


@pytest.mark.parametrize("value", [True, "3", 3.0, 2.5])
def test_a_rating_is_a_whole_number(tmp_path: Path, value: Any) -> None:
    data = good()
    person, competence = first_rating(data)
    data["rounds"][0]["ratings"][person][competence] = value
    found = dict(problems(tmp_path, data))
    assert "helt tal" in found[f"rounds[0].ratings.{person}.{competence}"]


@pytest.mark.parametrize("value", ["6", 6.0, True])
def test_current_step_is_a_whole_number(tmp_path: Path, value: Any) -> None:
    data = good()
    data["current_step"] = value
    assert ("current_step", "skal være et helt tal") in problems(tmp_path, data)


def test_counts_and_levels_of_the_scale_are_whole_numbers(tmp_path: Path) -> None:
    data = good()
    data["levels"][1]["level"] = "1"
    data["rounds"][0]["number"] = 1.0
    data["steps"] = {"frame": {"timebox_minutes": True}}
    found = dict(problems(tmp_path, data))
    assert found["levels[1].level"] == "skal være et helt tal"
    assert found["rounds[0].number"] == "skal være et helt tal"
    assert found["steps.frame.timebox_minutes"] == "skal være et helt tal"


def test_yes_no_is_a_bool_not_a_number_or_text(tmp_path: Path) -> None:
    data = good()
    data["basics"][0]["included"] = 1
    data["staff"][0]["goals"] = [{"text": "Mål", "done": "true"}]
    found = dict(problems(tmp_path, data))
    assert found["basics[0].included"] == "skal være true eller false"
    assert found["staff[0].goals[0].done"] == "skal være true eller false"


def test_rating_outside_the_scale(tmp_path: Path) -> None:
    data = good()
    person, competence = first_rating(data)
    data["rounds"][0]["ratings"][person][competence] = 7
    found = problems(tmp_path, data)
    assert any(
        place == f"rounds[0].ratings.{person}.{competence}" and "7" in msg for place, msg in found
    ), found


def test_empty_scale_is_refused(tmp_path: Path) -> None:
    data = good()
    data["levels"] = []
    assert any(place == "levels" for place, _ in problems(tmp_path, data))


def test_session_without_levels_gets_the_usual_scale(tmp_path: Path) -> None:
    data = good()
    del data["levels"]  # a hand-made session may leave the scale out
    p = tmp_path / "s.toml"
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert load_session(p).level_numbers() == [0, 1, 2, 3, 4]


def test_duplicate_levels_are_refused(tmp_path: Path) -> None:
    data = good()
    data["levels"].append(copy.deepcopy(data["levels"][0]))
    assert any(place == "levels" for place, _ in problems(tmp_path, data))


def test_course_serving_an_unknown_competence(tmp_path: Path) -> None:
    data = good()
    data["courses"] = [{"id": "k-1", "name": "Kursus", "kind": "course", "serves": ["zz-9"]}]
    found = problems(tmp_path, data)
    assert ("courses[0].serves", "ukendt kompetence 'zz-9'") in found


def test_references_anywhere_are_checked(tmp_path: Path) -> None:
    data = good()
    data["staff"][0]["profiles"] = ["no-such-profile"]
    data["actions"] = [{"id": "a-1", "kind": "mentoring", "title": "X", "for_whom": ["ghost"]}]
    places = {place for place, _ in problems(tmp_path, data)}
    assert {"staff[0].profiles", "actions[0].for_whom"} <= places


def test_a_huge_value_is_quoted_cut_short(tmp_path: Path) -> None:
    data = good()
    huge = "x" * 1_000_000
    data["steps"] = {huge: {"notes": "a"}}  # an unknown step named by a huge key
    data[huge[:5000]] = 1  # an unknown key
    p = tmp_path / "s.toml"
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    with pytest.raises(FileProblem) as info:
        load_session(p)
    text = info.value.describe()
    assert len(text) < 20 * QUOTE_LIMIT + 2000
    for place, message in info.value.problems:
        assert len(place) <= 2 * QUOTE_LIMIT and len(message) <= 3 * QUOTE_LIMIT


def test_catalogue_levels_are_strict(tmp_path: Path) -> None:
    data = {
        "id": "k",
        "title": "K",
        "levels": [{"level": 0, "label": "A"}, {"level": True, "label": "B"}],
        "themes": [{"id": "t", "title": "T"}],
        "basic": [{"id": "b", "title": "B", "theme": "t", "min_level": "1"}],
    }
    p = tmp_path / "k.toml"
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    with pytest.raises(FileProblem) as info:
        load_catalogue(p)
    found = dict(info.value.problems)
    assert found["levels[1].level"] == "skal være et helt tal"
    assert found["basic[0].min_level"] == "skal være et helt tal"


def test_built_in_catalogues_and_demo_still_load(tmp_path: Path) -> None:
    from fagworkshop.demo import build_demo
    from fagworkshop.resources import builtin_catalogue_paths

    for path in builtin_catalogue_paths():
        load_catalogue(path)
    p = tmp_path / "demo.toml"
    save_session(build_demo(), p)
    assert load_session(p) == build_demo().model_copy(update={})
