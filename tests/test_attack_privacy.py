"""Attack: personal data. File modes, names in exports, and erasing a person completely.

Session files hold ratings of named staff (personal data under GDPR): files
and backups are owner-only even under a permissive umask, exports carry no
full names unless asked, and erasing a person leaves no byte of them in the
session file, its backup or a temporary file left by a killed save.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from fagworkshop.domain import changes
from fagworkshop.domain.session import (
    Action,
    ActionKind,
    Decision,
    Goal,
    Participant,
    Person,
    Session,
)
from fagworkshop.export.formats import FORMATS, render
from fagworkshop.generate import generate_session
from fagworkshop.store.folders import new_session_path, sessions_dir
from fagworkshop.store.lock import SessionLock, lock_path
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session

SECRET_NAME = "Quirina Zwetschke-Øberg"
SECRET_ID = "p-quirina"
SECRET_INITIALS = "QZØ"
PARTICIPANT = "Bartholomæus Ingeborgsen"


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def with_secret_person() -> Session:
    """A session where one person's name is everywhere a name can be typed."""
    s = generate_session(staff=5, competences=10, rounds=1, seed=4)
    s.frame.participants.append(Participant(name=PARTICIPANT, role="HR-konsulent"))
    profile = s.profiles[0].id
    s.staff.append(
        Person(
            id=SECRET_ID,
            name=SECRET_NAME,
            initials=SECRET_INITIALS,
            role="Jobkonsulent",
            profiles=[profile],
            goals=[Goal(text=f"{SECRET_NAME} tager diplommodulet", deadline=dt.date(2027, 6, 1))],
            note=f"{SECRET_NAME} er ny i teamet",
        )
    )
    latest = s.rounds[-1]
    for c in s.relevant_competences(s.staff[-1]):
        changes.set_rating(s, SECRET_ID, c, 2)
    changes.toggle_unused(s, SECRET_ID, s.competence_ids()[0])
    latest.notes[SECRET_ID] = {s.competence_ids()[0]: f"{SECRET_NAME} bruger det ikke"}
    s.actions.append(
        Action(id="a-alone", kind=ActionKind.COURSE, title="Kursus", for_whom=[SECRET_ID])
    )
    s.actions.append(
        Action(
            id="a-shared",
            kind=ActionKind.MENTORING,
            title=f"Sparring mellem {SECRET_NAME} og kollega",
            for_whom=[SECRET_ID, s.staff[0].id],
            transfer_plan=f"{SECRET_NAME} fortæller på teammødet",
        )
    )
    s.step(4).notes = f"Vi talte om {SECRET_NAME}."
    s.step(6).decisions.append(Decision(text=f"{SECRET_NAME} får en mentor"))
    return Session.model_validate(s.model_dump())


# --- file modes -----------------------------------------------------------------


def test_files_backups_locks_and_folder_are_owner_only_under_umask_0(
    tmp_path: Path, open_umask: None
) -> None:
    folder = sessions_dir(tmp_path / "new" / "sessions")
    assert mode(folder) == 0o700
    p = new_session_path(folder, "Privat")
    save_session(with_secret_person(), p)
    save_session(with_secret_person(), p)
    with SessionLock(p):
        for f in (p, p.with_name(p.name + ".bak"), lock_path(p)):
            assert mode(f) == 0o600, f


def test_export_files_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    from fagworkshop.export.command import export_file

    p = tmp_path / "w.toml"
    save_session(with_secret_person(), p)
    for fmt in FORMATS:
        export_file(p, fmt, str(tmp_path / f"out.{fmt}"))
        assert mode(tmp_path / f"out.{fmt}") == 0o600


# --- names in exports -------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_carry_no_full_name_without_with_names(fmt: str) -> None:
    s = with_secret_person()
    out = render(fmt, s, with_names=False)
    for person in s.staff:
        assert person.name not in out, (fmt, person.name)
    assert PARTICIPANT not in out
    assert "Zwetschke" not in out


def test_exports_with_names_do_carry_them() -> None:
    out = render("md", with_secret_person(), with_names=True)
    assert SECRET_NAME in out


def test_export_command_without_with_names_has_no_names(tmp_path: Path) -> None:
    from fagworkshop.export.command import export_file

    p = tmp_path / "w.toml"
    save_session(with_secret_person(), p)
    for fmt in FORMATS:
        out = tmp_path / f"e.{fmt}"
        export_file(p, fmt, str(out))
        assert SECRET_NAME.encode() not in out.read_bytes()


# --- erasing a person -------------------------------------------------------------


def traces(folder: Path) -> list[str]:
    """Every file in ``folder`` that still holds a byte-level trace of the secret person."""
    found = []
    needles = [SECRET_NAME, SECRET_ID, "Zwetschke", "Quirina"]
    for f in sorted(folder.iterdir()):
        data = f.read_bytes()
        for needle in needles:
            if needle.encode() in data:
                found.append(f"{f.name}: {needle}")
    return found


def leave_a_temp_file_by_killing_a_save(p: Path, s: Session) -> None:
    """A child saves ``s`` and is killed (SIGKILL) at its first ``os.replace``: the temp
    file it wrote is left behind, as a kill -9 in the middle of a save leaves it. (Was:
    kills after a sleep of a few milliseconds, retried until one landed, else skipped.)"""

    def killed(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    pid = os.fork()
    if pid == 0:
        try:
            os.replace = killed  # only in this child, which dies at it
            save_session(s, p)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert any(x.name.endswith(".tmp") for x in p.parent.iterdir())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_erase_leaves_no_trace_in_file_backup_or_temp_files(tmp_path: Path) -> None:
    s = with_secret_person()
    p = tmp_path / "w.toml"
    save_session(s, p)
    changes.start_follow_up_round(s)
    save_session(s, p)
    leave_a_temp_file_by_killing_a_save(p, s)
    assert traces(tmp_path), "the set-up should hold the person"

    changes.erase_person(s, SECRET_ID)
    assert changes.backup_purge_pending(s)  # what tells the app to purge on its next save
    save_session(s, p, purge_backup=changes.backup_purge_pending(s))
    changes.backup_purged(s)
    assert traces(tmp_path) == []
    assert load_session(p) == s


def test_erase_then_two_ordinary_saves_also_clear_the_backup(tmp_path: Path) -> None:
    s = with_secret_person()
    p = tmp_path / "w.toml"
    save_session(s, p)
    changes.erase_person(s, SECRET_ID)
    save_session(s, p)
    held = [f"w.toml.bak: {n}" for n in (SECRET_NAME, SECRET_ID, "Zwetschke", "Quirina")]
    assert traces(tmp_path) == held  # an ordinary save keeps the old version as .bak
    save_session(s, p)
    assert traces(tmp_path) == []


def test_erase_removes_the_name_from_free_text_too() -> None:
    s = with_secret_person()
    changes.erase_person(s, SECRET_ID)
    dumped = str(s.model_dump())
    assert "Zwetschke" not in dumped and "Quirina" not in dumped
    assert SECRET_ID not in dumped
    # the shared action stays, for the colleague, without the erased person
    shared = next(a for a in s.actions if a.id == "a-shared")
    assert shared.for_whom == [s.staff[0].id]
    assert not any(a.id == "a-alone" for a in s.actions)


def test_erase_replaces_the_name_in_any_case_but_not_inside_other_words() -> None:
    s = with_secret_person()
    s.step(1).notes = f"{SECRET_NAME.upper()} og {SECRET_NAME}s kollega; X{SECRET_NAME}"
    changes.erase_person(s, SECRET_ID)
    # "XQuirina" is part of another word and stays; the surname alone is the person's
    # (issue 12: each name part nobody else has is matched on its own).
    assert s.step(1).notes == "[slettet] og [slettet] kollega; XQuirina [slettet]"


def test_the_purge_flag_is_set_by_erase_only_and_never_saved(tmp_path: Path) -> None:
    s = with_secret_person()
    assert not changes.backup_purge_pending(s)
    changes.set_rating(s, s.staff[0].id, s.competence_ids()[0], 1)
    assert not changes.backup_purge_pending(s)
    changes.erase_person(s, SECRET_ID)
    assert changes.backup_purge_pending(s)
    p = tmp_path / "w.toml"
    save_session(s, p, purge_backup=True)
    assert "purge" not in p.read_text()
    assert not changes.backup_purge_pending(load_session(p))
    changes.backup_purged(s)
    assert not changes.backup_purge_pending(s)
