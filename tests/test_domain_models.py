"""The session and catalogue models: cleaning, cross-references, core changes."""

import subprocess
import sys

import pytest
from pydantic import ValidationError

from fagworkshop.domain import changes
from fagworkshop.domain.catalogue import BasicItem, BlockItem, Catalogue, ElementItem, Theme
from fagworkshop.domain.session import Person, Session


def tiny_catalogue() -> Catalogue:
    return Catalogue(
        id="tiny",
        title="Lille katalog",
        themes=[Theme(id="t1", title="Tema")],
        basic=[BasicItem(id="b1", theme="t1", title="Lovgivning")],
        blocks=[
            BlockItem(
                id="blk", title="Blok", elements=[ElementItem(id="e1", title="Virksomhedskontakt")]
            )
        ],
    )


def test_domain_does_not_import_textual() -> None:
    code = "import fagworkshop.domain.changes, sys; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_control_characters_are_removed_on_entry() -> None:
    p = Person(id="p-1", name="Jane\x1b]0;pwn\x07 Doe\u202e")
    assert p.name == "Jane]0;pwn Doe"


def test_crlf_in_notes_becomes_lf() -> None:
    s = changes.new_session(tiny_catalogue(), "W")
    s.step(1).notes = "a"  # assignment is not validated; construction is
    state = type(s.step(1)).model_validate({"notes": "a\r\nb\rc"})
    assert state.notes == "a\nb\nc"


def test_rating_for_unknown_person_is_refused_by_the_model() -> None:
    s = changes.new_session(tiny_catalogue(), "W")
    data = s.model_dump()
    data["rounds"][0]["ratings"] = {"ghost": {"b1": 2}}
    with pytest.raises(ValidationError, match="unknown person 'ghost'"):
        Session.model_validate(data)


def test_erase_person_removes_every_trace() -> None:
    s = changes.new_session(tiny_catalogue(), "W")
    s.staff.append(Person(id="p-1", name="Anna"))
    changes.set_rating(s, "p-1", "b1", 3)
    changes.toggle_unused(s, "p-1", "e1")
    changes.erase_person(s, "p-1")
    assert "p-1" not in s.model_dump_json()


def test_follow_up_round_copies_ratings() -> None:
    s = changes.new_session(tiny_catalogue(), "W")
    s.staff.append(Person(id="p-1", name="Anna"))
    changes.set_rating(s, "p-1", "b1", 2)
    new = changes.start_follow_up_round(s)
    assert new.number == 2 and new.ratings == {"p-1": {"b1": 2}}
    changes.set_rating(s, "p-1", "b1", 3)
    first = s.round(1)
    assert first is not None and first.ratings["p-1"]["b1"] == 2
