"""Attack: hostile text. Markup, control codes, bidi marks, formulas, HTML and ``../`` in user text.

The text is written into a session file by hand (as an editor or another
program could), loaded through the store, and exported in every format, with
and without names. Nothing may crash, no control character may come out, the
text must survive as text (escaped, never interpreted), and file names made
from titles stay inside the sessions folder.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from typing import Any

import pytest

from fagworkshop.domain.session import Session
from fagworkshop.export.formats import FORMATS, render
from fagworkshop.generate import generate_session
from fagworkshop.store import parsing
from fagworkshop.store.folders import list_sessions, new_session_path, sessions_dir
from fagworkshop.store.reading import load_catalogue, load_session
from fagworkshop.store.writing import save_session
from fagworkshop_tools.fuzz.hostile import hostile_session_file
from fagworkshop_tools.fuzz.mutators import HOSTILE_TEXTS

#: What must never reach a terminal or a file meant for people: C0 but tab/newline, DEL, C1,
#: bidi overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Hostile texts that survive loading unchanged (no control characters in them).
LITERAL = [t for t in HOSTILE_TEXTS if not UNSAFE.search(t) and "\r" not in t and "\t" not in t]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Session:
    return load_session(hostile_session_file(tmp_path_factory.mktemp("hostile")))


def strings(node: Any) -> list[str]:
    """Every string value in a dumped model."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return []


def test_loading_cleans_control_codes_but_keeps_the_text(hostile: Session) -> None:
    everything = "\n".join(strings(hostile.model_dump()))
    assert not UNSAFE.search(everything)
    for text in LITERAL:
        assert text in everything, text
    # what a control code wrapped is still there, as plain text
    assert "]0;hacked titleOle" in everything


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("with_names", [False, True])
def test_every_export_survives_and_carries_no_control_codes(
    hostile: Session, fmt: str, with_names: bool
) -> None:
    out = render(fmt, hostile, with_names)
    if fmt == "csv":
        out = out.replace("\r\n", "\n")  # the CSV record separator is CRLF by the standard
    assert not UNSAFE.search(out), sorted({hex(ord(c)) for c in UNSAFE.findall(out)})


def test_html_export_shows_markup_and_html_as_text(hostile: Session) -> None:
    out = render("html", hostile, True)
    assert "<script>alert(1)</script>" not in out
    assert html.escape("<script>alert(1)</script>") in out
    text = html.unescape(re.sub(r"<[^>]+>", "", out))
    assert "[link=https://x.example]klik[/link]" in text
    assert "x [/] y" in text


def test_csv_export_has_no_live_formulas(hostile: Session) -> None:
    out = render("csv", hostile, True).removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_toml_export_loads_as_a_catalogue_with_the_text_intact(
    hostile: Session, tmp_path: Path
) -> None:
    p = tmp_path / "profiler.toml"
    p.write_text(render("toml", hostile, False), encoding="utf-8")
    catalogue = load_catalogue(p)
    everything = "\n".join(strings(catalogue.model_dump()))
    assert not UNSAFE.search(everything)
    wanted = {p.shown_title for _, p in hostile.elements() if p.local_wording} | {
        p.name for p in hostile.profiles
    }
    assert wanted and all(w in everything for w in wanted), wanted


@pytest.mark.parametrize(
    "title", [*HOSTILE_TEXTS, "..", ".", "/", "\\..\\..\\x", "~root", "a/../../b"]
)
def test_file_names_from_titles_stay_inside_the_sessions_folder(tmp_path: Path, title: str) -> None:
    folder = sessions_dir(tmp_path / "sessions")
    path = new_session_path(folder, title)
    assert path.parent == folder
    assert path.resolve().parent == folder.resolve()
    assert re.fullmatch(r"[a-z0-9-]+\.toml", path.name), path.name
    session = generate_session(staff=1, competences=2, rounds=1)
    session.title = "x"
    save_session(session, path)
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def test_export_default_output_stays_in_the_eksport_folder_beside_the_session(
    tmp_path: Path,
) -> None:
    from fagworkshop.export.common import default_output

    folder = sessions_dir(tmp_path / "sessions")
    path = new_session_path(folder, "../../etc/passwd")
    for fmt in FORMATS:
        assert default_output(path, fmt).parent == folder / "eksport"


# --- any text at all ----------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fagworkshop.domain.text import clean_line  # noqa: E402

_ANY_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60
).filter(lambda s: clean_line(s).strip())  # a title that is only control codes is refused


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_ANY_TEXT, note=st.text(max_size=200), title=_ANY_TEXT)
def test_any_text_round_trips_and_never_leaks_control_codes(
    tmp_path_factory: pytest.TempPathFactory, name: str, note: str, title: str
) -> None:
    s = generate_session(staff=2, competences=3, rounds=1, seed=1)
    doc = s.model_dump(exclude_none=True)
    doc["staff"][0]["name"] = name
    doc["staff"][0]["note"] = note
    doc["title"] = title
    s = Session.model_validate(doc)  # text is cleaned as it enters
    everything = "\n".join(strings(s.model_dump()))
    assert not UNSAFE.search(everything)
    p = tmp_path_factory.mktemp("any") / "w.toml"
    save_session(s, p)
    assert load_session(p) == s
    for fmt in FORMATS:
        out = render(fmt, s, True).replace("\r\n", "\n")
        assert not UNSAFE.search(out), (fmt, sorted({hex(ord(c)) for c in UNSAFE.findall(out)}))


def test_the_session_list_survives_a_hostile_folder(tmp_path: Path) -> None:
    """What the home screen lists: no hang, no control codes, every file accounted for."""
    import os

    folder = sessions_dir(tmp_path / "sessions")
    good = generate_session(staff=2, competences=2, rounds=1)
    save_session(good, folder / "ok-\x1b[2J.toml")
    (folder / "bad-\x1b]0;x\x07.toml").write_bytes(b"x = [")
    (folder / "dir.toml").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.toml")
    with (folder / "huge.toml").open("wb") as f:
        f.truncate(parsing.MAX_FILE_BYTES + 1)
    entries = list_sessions(folder)
    assert len(entries) == 3 + hasattr(os, "mkfifo")
    for entry in entries:
        for text in (entry.title, entry.unit, entry.problem or ""):
            assert not UNSAFE.search(text), (entry.path.name, text)
    assert sum(e.problem is None for e in entries) == 1


# --- text typed in through the change functions -------------------------------------------


def _typed_everywhere(s: Session, text: str) -> None:
    """Every change that takes text, given ``text``."""
    from fagworkshop.domain import adapt, changes

    person = s.staff[0].id
    basic = s.basics[0].id
    element = next(e.id for _, e in s.elements())
    block = s.blocks[0].id
    changes.update_person(s, person, name=text, initials=text, role=text, note=text)
    changes.add_person(s, text, initials=text, role=text)
    changes.set_rating_note(s, person, basic, text)
    changes.add_action(s, "mentoring", text, owner=text, transfer_plan=text, note=text)
    changes.add_goal(s, person, text)
    adapt.set_basic_wording(s, basic, text)
    adapt.set_basic_note(s, basic, text)
    adapt.add_own_basic(s, s.themes[0].id, text, text)
    adapt.set_element_wording(s, element, text)
    adapt.set_element_note(s, element, text)
    adapt.add_own_element(s, block, text)
    profile = adapt.add_profile(s, text)
    adapt.rename_profile(s, profile, text)
    adapt.set_profile_description(s, profile, text)


@pytest.mark.parametrize("text", [t for t in HOSTILE_TEXTS if t.strip()])
def test_text_typed_into_every_change_is_cleaned_and_saves(tmp_path: Path, text: str) -> None:
    s = generate_session(staff=3, competences=6, rounds=1, seed=2)
    _typed_everywhere(s, text)
    assert not UNSAFE.search("\n".join(strings(s.model_dump())))
    p = tmp_path / "w.toml"
    save_session(s, p)
    assert load_session(p) == s
