"""Loading checks the rating lines without pydantic (issue 13) and still accepts and refuses
exactly what the full validation does, with the same words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fagworkshop.demo import SHIPPED_FILES
from fagworkshop.domain.session import Session, session_problems
from fagworkshop.generate import generate_session
from fagworkshop.store import parsing, reading
from fagworkshop.store.errors import FileProblem
from fagworkshop.store.migrate import migrate_session
from fagworkshop.store.shape import decode_session
from fagworkshop.store.writing import save_session


def _full(path: Path) -> Session:
    """The validation as it was: every level through pydantic."""
    data = decode_session(migrate_session(reading.read_toml(path)))
    return reading._validated(path, Session, data, reading._UncheckedSession, session_problems)


def _outcome(load: Any, path: Path) -> tuple[str, Any]:
    try:
        return "ok", load(path).model_dump(mode="json")
    except FileProblem as problem:
        return "refused", problem.describe()


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_the_demo_loads_as_the_full_validation_loads_it(path: Path) -> None:
    assert reading._with_rating_lines_checked(decode_session(reading.read_toml(path))) is not None
    assert _outcome(reading.load_session, path) == _outcome(_full, path)


def test_a_large_session_loads_equal(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(generate_session(staff=60, competences=30, rounds=3, seed=3), path)
    assert _outcome(reading.load_session, path) == _outcome(_full, path)


#: Rating-line edits the shape lets through and the model or the session refuses.
REFUSED = {
    "level above 9": (r"(ratings\]\n[^=]+= ')([a-z0-9-]+):\d", r"\g<1>\g<2>:12"),
    "person key not of the id form": (r"(ratings\]\n)([a-z0-9-]+) =", r'\g<1>"P 1" ='),
    "unknown person": (r"(ratings\]\n)([a-z0-9-]+) =", r"\g<1>nobody-here ="),
    "unknown competence": (r"(ratings\]\n[^=]+= ')([a-z0-9-]+):", r"\g<1>zz-unknown:"),
    "level off the scale": (r"(ratings\]\n[^=]+= ')([a-z0-9-]+):\d", r"\g<1>\g<2>:7"),
}


@pytest.mark.parametrize("edit", REFUSED.values(), ids=REFUSED.keys())
def test_a_wrong_rating_is_refused_in_the_same_words(edit: tuple[str, str], tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(generate_session(staff=5, competences=6, rounds=1, seed=1), path)
    text = path.read_text(encoding="utf-8")
    changed = re.sub(edit[0], edit[1], text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")  # edited by hand: the marker says so, no more
    quick, full = _outcome(reading.load_session, path), _outcome(_full, path)
    assert quick[0] == "refused"
    assert quick == full


DEEP = "a" + ".a" * 64 + " = 1\n"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x = 1\n" * 100,
        "note = '" + "." * 200 + "'\n",  # many dots, no key path
        DEEP,
        "x = 1\n" + DEEP,
        "[" + "a." * 64 + "a]\n",
        "a" + ".'x.y'" * 64 + " = 1\n",  # quoted parts with dots in them
        "a" + ".a" * 63 + " = 1\n",  # 64 parts: allowed
        "a" + ".a" * 40 + "\u2028" + ".a" * 30 + " = 1\n",  # one line for the regex
    ],
)
def test_the_deep_key_check_finds_what_the_search_finds(text: str) -> None:
    found, searched = parsing._deep_key(text), parsing._DEEP_KEY.search(text)
    assert (found and found.span()) == (searched and searched.span())


_LINES = st.one_of(
    st.builds(
        lambda n, tail: "a" + ".a" * n + tail, st.integers(0, 70), st.sampled_from(["", " = 1"])
    ),
    st.builds(lambda n: "[" + "a." * n + "a]", st.integers(60, 66)),
    st.builds(lambda n: "note = '" + "." * n + "'", st.integers(0, 200)),
    st.text(alphabet="a.'\" =[]\t", max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_the_deep_key_check_finds_what_the_search_finds_in_any_text(
    lines: list[str], newline: str
) -> None:
    text = newline.join(lines)
    found, searched = parsing._deep_key(text), parsing._DEEP_KEY.search(text)
    assert (found and found.span()) == (searched and searched.span())
