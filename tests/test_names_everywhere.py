"""Issue 12, done when: every form of a name in every free-text field, and then no export
without names and no file after erasure (file, .bak, temp files, the sessions folder as a
whole) holds any of them, byte for byte, while text that only looks similar stays."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest

from fagworkshop.demo import build_demo
from fagworkshop.domain import changes
from fagworkshop.domain.names import text_fields
from fagworkshop.domain.session import Decision, Goal, Participant, Person, Session
from fagworkshop.export.formats import FORMATS, render
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session

#: Text that only looks like a name; it must come through every export and erasure.
LOOKALIKES = ("Annaberg", "camilla", "per uge", "km", "Emilie", "Fatimas-vej2", "kasper")

#: The three people erased in the erasure test (Anna Prøvesen, Kasper Mockholm, and a
#: name that starts with a symbol).
ERASED = ("p-1", "p-11", "p-formel")

#: Fields that hold one line (the models refuse a line break there).
MULTILINE = {"notes", "text", "note", "transfer_plan", "description", "core_task"}


def spellings(name: str) -> list[str]:
    """Every way issue 12 says a name gets typed (line breaks only where allowed)."""
    parts = name.split()
    return [
        name,
        name.upper(),
        name.lower(),
        "  ".join(parts),
        name + "s",
        "\n".join(parts),
        *(p.lstrip("=@") for p in parts),  # a name part alone, capitalised
    ]


def people_session() -> Session:
    s = build_demo()
    s.staff.append(Person(id="p-formel", name="=Formel Fjeldsted", initials="FF"))
    s.staff.append(Person(id="p-ad", name="@Ad Adsen", initials="AA"))
    s.frame.participants.append(Participant(name="Per Planlund-Øst", role="Chef"))
    s.step(3).decisions.append(Decision(text="x"))
    s.staff[2].goals.append(Goal(text="x"))
    changes.set_rating_note(s, "p-2", s.relevant_competences(s.staff[1])[0], "x")
    # every free-text field (not the people's own name fields) gets a name in some spelling
    people = [p.name for p in s.staff] + [p.name for p in s.frame.participants]
    forms = itertools.cycle(
        [(f, name) for name in people for f in spellings(name)]
        + [("KM følger AP de første måneder", ""), ("FF og AA", "")]
    )
    for field in text_fields(s):
        if field.place.field in {"name", "initials", "role"}:
            continue
        form, _ = next(forms)
        if "\n" in form and field.place.field not in MULTILINE:
            form = " ".join(form.split())
        field.set(f"{form} og {LOOKALIKES[len(field.value) % len(LOOKALIKES)]}")
    for name in ("Annaberg", "camilla", "per uge", "km"):
        s.step(7).notes += f" {name}"
    return Session.model_validate(s.model_dump())


def name_patterns(s: Session, person_ids: set[str] | None = None) -> list[re.Pattern[str]]:
    """Patterns for every form of the names of ``person_ids`` (default: everyone)."""
    patterns = []
    named = [(p.id, p.name, p.initials) for p in s.staff]
    named += [(f"part-{i}", p.name, "") for i, p in enumerate(s.frame.participants)]
    all_parts = [w for _, n, _ in named for w in re.findall(r"\w+", n)]
    for pid, name, initials in named:
        if person_ids is not None and pid not in person_ids:
            continue
        words = re.findall(r"\w+", name)
        # full name: any case, any whitespace (or a TOML escape of it) between the parts
        sep = r"(?:\s|\\n|\\t)+"
        patterns.append(re.compile(sep.join(map(re.escape, words)), re.IGNORECASE))
        for word in words:
            if len(word) >= 2 and all_parts.count(word) == 1:
                patterns.append(re.compile(rf"(?<!\w){re.escape(word)}(?!\w)"))
        if initials and person_ids is not None:
            patterns.append(re.compile(rf"(?<!\w){re.escape(initials)}(?!\w)"))
    return patterns


def leaks(data: bytes, patterns: list[re.Pattern[str]]) -> list[str]:
    text = data.decode("utf-8")
    return [m.group() for p in patterns for m in [p.search(text)] if m]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_export_without_names_holds_any_form_of_any_name(fmt: str) -> None:
    s = people_session()
    assert leaks(render(fmt, s, True).encode(), name_patterns(s)), "the set-up holds names"
    out = render(fmt, s, False).encode("utf-8")
    assert leaks(out, name_patterns(s)) == []
    if fmt in ("md", "html"):
        text = out.decode()
        assert "Navne i fritekst erstattet: " in text
        for lookalike in ("Annaberg", "camilla", "per uge", "km"):
            assert lookalike in text, lookalike


def test_export_command_files_hold_no_names(tmp_path: Path) -> None:
    from fagworkshop.export.command import export_file

    s = people_session()
    p = tmp_path / "w.toml"
    save_session(s, p)
    for fmt in FORMATS:
        out = tmp_path / f"out.{fmt}"
        export_file(p, fmt, str(out))
        assert leaks(out.read_bytes(), name_patterns(s)) == [], fmt


def test_with_names_keeps_free_text_as_typed() -> None:
    s = people_session()
    md = render("md", s, True)
    assert "ANNA PRØVESEN" in md or "Anna Prøvesen" in md
    assert "Navne i fritekst erstattet" not in md


def folder_leaks(folder: Path, patterns: list[re.Pattern[str]]) -> list[str]:
    found = []
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            found += [f"{f.name}: {x}" for x in leaks(f.read_bytes(), patterns)]
    return found


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_erasing_three_people_leaves_no_form_of_them_in_the_sessions_folder(
    tmp_path: Path,
) -> None:
    from test_attack_privacy import leave_a_temp_file_by_killing_a_save

    s = people_session()
    patterns = name_patterns(s, set(ERASED))
    folder = tmp_path / "sessions"
    folder.mkdir()
    p = folder / "w.toml"
    save_session(s, p)
    save_session(s, p)  # the backup holds them too
    leave_a_temp_file_by_killing_a_save(p, s)
    assert {f.name for f in folder.iterdir()} >= {"w.toml", "w.toml.bak"}
    assert any(f.name.endswith(".tmp") for f in folder.iterdir())
    assert folder_leaks(folder, patterns)

    places = [changes.erasure_places(s, pid) for pid in ERASED[:1]]
    for pid in ERASED:
        changes.erase_person(s, pid)
    save_session(s, p, purge_backup=changes.backup_purge_pending(s))
    changes.backup_purged(s)

    assert folder_leaks(folder, patterns) == []
    assert not any(f.name.endswith(".tmp") for f in folder.iterdir())
    kept = p.read_text(encoding="utf-8")
    assert "[slettet]" in kept
    for lookalike in ("Annaberg", "camilla", "per uge", "km"):
        assert lookalike in kept, lookalike
    # everybody else is still named where they were
    assert "Bilal" in kept and "Lise" in kept
    assert places[0] and all(pl.step in {None, 1, 2, 3, 4, 5, 6, 7} for pl in places[0])
    assert load_session(p) == s


def test_erasure_places_match_what_erasure_changes() -> None:
    s = people_session()
    before = {f.place: f.value for f in text_fields(s)}
    places = changes.erasure_places(s, "p-1")
    assert changes.erase_person(s, "p-1") == places
    assert len(places) == len(set(places)) > 3
    after = {f.place: f.value for f in text_fields(s, skip_person="p-1")}
    assert all("[slettet]" in after.get(pl, "[slettet]") for pl in places)
    assert any(before[pl] != "[slettet]" for pl in places)
