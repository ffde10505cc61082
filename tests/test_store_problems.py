"""Bad files get one clear message (file, place, what to do) and are never touched."""

from __future__ import annotations

import builtins
import hashlib
import os
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from fagworkshop.generate import generate_session
from fagworkshop.i18n import set_language
from fagworkshop.store.errors import FileProblem, SaveFailed
from fagworkshop.store.reading import load_any, load_catalogue, load_session
from fagworkshop.store.writing import save_session, to_toml

FIXTURES = Path(__file__).parent / "fixtures" / "store"


def good_text() -> str:
    return to_toml(generate_session(staff=4, competences=6, rounds=2, seed=3)).decode()


def good_data() -> dict:
    return tomllib.loads(good_text())


def dump(data: dict) -> str:
    return tomli_w.dumps(data)


def problem_of(path: Path, loader: Callable[[Path], object] = load_session) -> FileProblem:
    """Load a bad file; check it raised FileProblem and left the file byte for byte as it was."""
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    with pytest.raises(FileProblem) as info:
        loader(path)
    if before is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    text = info.value.describe()
    assert str(path) in text
    assert "Traceback" not in text
    # a folder is no file: it gets no "not changed" line (test_a_folder_gets_one_clear_message)
    assert ("Filen er ikke ændret." in text) is not path.is_dir()
    return info.value


def write(tmp_path: Path, text: str | bytes, name: str = "w.toml") -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def test_not_toml_names_line_and_column() -> None:
    e = problem_of(FIXTURES / "not-toml.toml")
    [(place, message)] = e.problems
    assert place == "linje 3, kolonne 16"  # the unclosed string
    assert message.startswith("Ikke gyldig TOML")
    assert "teksteditor" in e.describe()


def test_not_utf8_names_the_line() -> None:
    e = problem_of(FIXTURES / "not-utf8.toml")
    [(place, message)] = e.problems
    assert place.startswith("linje 3,")
    assert "UTF-8" in message and "UTF-8" in e.describe()


def test_empty_file() -> None:
    e = problem_of(FIXTURES / "empty.toml")
    assert e.problems == [("", "Filen er tom.")]


def test_whitespace_only_is_empty(tmp_path: Path) -> None:
    assert problem_of(write(tmp_path, "\n  \n")).problems == [("", "Filen er tom.")]


def test_wrong_type_names_the_place(tmp_path: Path) -> None:
    text = good_text().replace("current_step = 1", 'current_step = "four"')
    e = problem_of(write(tmp_path, text))
    assert ("current_step", "skal være et helt tal") in e.problems


def test_wrong_type_deep_in_a_list(tmp_path: Path) -> None:
    text = good_text()
    # the third member of staff gets a name that is a number
    parts = text.split("[[staff]]")
    parts[3] = parts[3].replace('name = "', 'name = 12\nx_old = "', 1)
    e = problem_of(write(tmp_path, "[[staff]]".join(parts)))
    places = dict(e.problems)
    assert places["staff[2].name"] == "skal være tekst i anførselstegn"
    assert places["staff[2].x_old"].startswith("ukendt felt")


def test_missing_field(tmp_path: Path) -> None:
    data = good_data()
    del data["title"]
    e = problem_of(write(tmp_path, dump(data)))
    assert ("title", "mangler (feltet skal være der)") in e.problems


def test_unknown_key(tmp_path: Path) -> None:
    text = good_text().replace("current_step = 1", 'current_step = 1\ncolour = "blue"')
    e = problem_of(write(tmp_path, text))
    assert e.problems == [("colour", "ukendt felt; fjern det eller ret stavningen")]


def test_duplicate_id(tmp_path: Path) -> None:
    text = good_text().replace('id = "p-2"', 'id = "p-1"')
    e = problem_of(write(tmp_path, text))
    assert ("staff[1].id", "id'et 'p-1' er brugt mere end én gang") in e.problems


def test_invalid_id(tmp_path: Path) -> None:
    text = good_text().replace('id = "p-2"', 'id = "P 2/../x"')
    e = problem_of(write(tmp_path, text))
    assert any(place == "staff[1].id" and "gyldigt id" in msg for place, msg in e.problems)


def test_rating_for_unknown_person() -> None:
    e = problem_of(FIXTURES / "unknown-person.toml")
    assert e.problems == [("rounds[0].ratings.ghost", "ukendt medarbejder 'ghost'")]


def test_rating_for_unknown_competence(tmp_path: Path) -> None:
    text = good_text().replace("\np-1 = '", "\np-1 = 'zz-9:1 ", 1)
    e = problem_of(write(tmp_path, text))
    assert ("rounds[0].ratings.p-1.zz-9", "ukendt kompetence 'zz-9'") in e.problems


def test_level_outside_the_scale(tmp_path: Path) -> None:
    data = good_data()
    line = data["rounds"][0]["ratings"]["p-1"]  # schema 2: 'b-1:3 e-2:1 ...'
    data["rounds"][0]["ratings"]["p-1"] = re.sub(r"\bb-1:\d", "b-1:7", line)
    e = problem_of(write(tmp_path, dump(data)))
    [(place, message)] = e.problems
    assert place == "rounds[0].ratings.p-1.b-1"
    assert message == "niveau 7 ligger uden for skalaen [0, 1, 2, 3, 4]"


def test_newer_schema_is_refused_and_never_overwritten(tmp_path: Path) -> None:
    p = write(tmp_path, (FIXTURES / "newer-schema.toml").read_text())
    before = p.read_bytes()
    e = problem_of(p)
    assert e.problems[0][0] == "schema_version"
    assert "99" in e.problems[0][1] and "Opdater programmet" in e.describe()
    with pytest.raises(SaveFailed) as info:
        save_session(generate_session(staff=1, competences=2, rounds=1), p)
    assert "nyere fagworkshop" in info.value.describe()
    assert p.read_bytes() == before
    assert not (tmp_path / "w.toml.bak").exists()


def test_unknown_old_version(tmp_path: Path) -> None:
    e = problem_of(write(tmp_path, 'schema_version = -3\nid = "x"\ntitle = "T"\n'))
    assert e.problems[0][0] == "schema_version"


def test_schema_version_of_wrong_type(tmp_path: Path) -> None:
    e = problem_of(write(tmp_path, 'schema_version = "1"\nid = "x"\ntitle = "T"\n'))
    assert e.problems == [("schema_version", "skal være et helt tal")]


def test_directory(tmp_path: Path) -> None:
    e = problem_of(tmp_path)
    assert e.problems == [("", "Stien er en mappe, ikke en fil.")]


def test_a_folder_gets_one_clear_message(tmp_path: Path) -> None:
    """Was: "Stien er en mappe" and then "Filen er ikke ændret" (which file?), with the hint
    to check that the file may be read."""
    message = problem_of(tmp_path).describe()
    assert "Filen er ikke ændret" not in message
    assert "lov at læse filen" not in message
    assert message.splitlines()[-1] == (
        "Angiv stien til en workshopfil (.toml) i mappen, ikke mappen selv."
    )


def test_missing_file(tmp_path: Path) -> None:
    e = problem_of(tmp_path / "nope.toml")
    assert "findes ikke" in e.problems[0][1]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = write(tmp_path, good_text())
    real_open = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(FileProblem) as info:
        load_session(p)
    assert "ingen adgang" in info.value.problems[0][1]
    assert str(p) in info.value.describe()
    assert builtins.open(p, "rb").read()  # still there


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    p = write(tmp_path, good_text())
    p.chmod(0)
    try:
        e = problem_of(p)
        assert "ingen adgang" in e.problems[0][1]
    finally:
        p.chmod(0o600)


def test_deep_nesting(tmp_path: Path) -> None:
    e = problem_of(write(tmp_path, "a = " + "[" * 5000 + "]" * 5000 + "\n"))
    assert "dybt" in e.problems[0][1]


def test_many_problems_are_capped(tmp_path: Path) -> None:
    text = good_text()
    extra = "".join(f"\nunknown_{i} = 1" for i in range(40))
    text = text.replace("current_step = 1", "current_step = 1" + extra)
    e = problem_of(write(tmp_path, text))
    assert len(e.problems) == 40
    assert "og 25 problemer mere" in e.describe()


def test_english_messages(tmp_path: Path) -> None:
    set_language("en")
    p = FIXTURES / "unknown-person.toml"
    with pytest.raises(FileProblem) as info:
        load_session(p)
    text = info.value.describe()
    assert text.startswith(f"The file cannot be opened: {p}")
    assert "rounds[0].ratings.ghost: unknown member of staff 'ghost'" in text
    assert "The file has not been changed." in text


def test_unknown_pydantic_error_falls_back_to_pydantic_text(tmp_path: Path) -> None:
    text = good_text().replace("[[staff]]", "staff = 3\n[[x]]", 1)
    e = problem_of(write(tmp_path, text))
    assert e.problems  # some message for every error, never a crash


def test_catalogue_problems_name_the_place(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        'id = "k"\ntitle = "K"\n[[themes]]\nid = "t"\ntitle = "T"\n'
        '[[basic]]\nid = "b"\ntheme = "nope"\ntitle = "B"\n',
    )
    e = problem_of(p, load_catalogue)
    assert e.problems == [("basic[0].theme", "ukendt tema 'nope'")]


def test_backup_is_pointed_out(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    save_session(generate_session(staff=1, competences=2, rounds=1), p)
    save_session(generate_session(staff=1, competences=2, rounds=1), p)
    p.write_text("oops = ")
    assert "w.toml.bak" in problem_of(p).describe()


def test_load_any_tells_session_from_catalogue(tmp_path: Path) -> None:
    s = generate_session(staff=1, competences=2, rounds=1)
    p = tmp_path / "s.toml"
    save_session(s, p)
    assert load_any(p) == s
    e = problem_of(FIXTURES / "unknown-person.toml", load_any)
    assert e.problems[0][0] == "rounds[0].ratings.ghost"
