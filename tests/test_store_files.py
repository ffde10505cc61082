"""Saving, backups, permissions, migration, file names, the sessions folder and listing."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path

import pytest

from fagworkshop.domain import changes
from fagworkshop.domain.session import SESSION_SCHEMA_VERSION, Session, Status
from fagworkshop.generate import generate_session
from fagworkshop.store import atomic
from fagworkshop.store.errors import FileProblem, SaveFailed
from fagworkshop.store.folders import list_sessions, new_session_path, sessions_dir, slug
from fagworkshop.store.reading import load_any, load_catalogue, load_session
from fagworkshop.store.writing import save_catalogue, save_session, sweep_temp_files, to_toml
from support.narrow import present

FIXTURES = Path(__file__).parent / "fixtures" / "store"


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def small(seed: int = 0) -> Session:
    return generate_session(staff=3, competences=5, rounds=2, seed=seed)


# --- saving -------------------------------------------------------------------


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    s = small()
    p = tmp_path / "w.toml"
    save_session(s, p)
    assert load_session(p) == s


def test_files_are_owner_only_and_backup_keeps_previous(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    first, second = small(1), small(2)
    save_session(first, p)
    assert mode(p) == 0o600
    assert not (tmp_path / "w.toml.bak").exists()
    save_session(second, p)
    bak = tmp_path / "w.toml.bak"
    assert mode(p) == 0o600 and mode(bak) == 0o600
    assert load_session(p) == second
    assert load_session(bak) == first
    assert sorted(x.name for x in tmp_path.iterdir()) == ["w.toml", "w.toml.bak"]


def test_existing_world_readable_file_becomes_owner_only(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    p.write_bytes(to_toml(small()))
    p.chmod(0o644)
    save_session(small(), p)
    assert mode(p) == 0o600 and mode(tmp_path / "w.toml.bak") == 0o600


def test_missing_folder_is_created_owner_only(tmp_path: Path) -> None:
    p = tmp_path / "new" / "deeper" / "w.toml"
    save_session(small(), p)
    assert mode(tmp_path / "new" / "deeper") == 0o700


def test_file_is_diff_friendly(tmp_path: Path) -> None:
    s = small()
    s.step(1).notes = 'Første linje\nanden "linje" med \\ skråstreg'
    p = tmp_path / "w.toml"
    save_session(s, p)
    text = p.read_text()
    # the body sits between the integrity marker's first and last line (issue 9)
    assert text.startswith("# fagworkshop session, schema 2.")
    assert text.split("\n", 1)[1].startswith("schema_version = 2\nid = ")
    # schema 2 (issue 13): one line per person and round, competence:level pairs
    assert "\n[rounds.ratings]\n" in text
    block = text.split("[rounds.ratings]\n", 1)[1].split("\n\n", 1)[0]
    lines = block.splitlines()
    assert [line.split(" = ")[0] for line in lines] == [p.id for p in s.staff]
    for line in lines:
        person, levels = line.split(" = ")
        assert levels.startswith("'") and levels.endswith("'")
        expected = s.rounds[0].ratings[person]
        assert levels.strip("'") == " ".join(f"{c}:{n}" for c, n in expected.items())
    assert '"""\nFørste linje\nanden' in text or '"""Første linje\nanden' in text
    assert "null" not in text and "None" not in text
    # stable: saving the same session twice gives the same bytes
    assert to_toml(s) == to_toml(load_session(p))


def test_a_rating_changed_is_a_one_line_diff(tmp_path: Path) -> None:
    """Schema 2 (issue 13): the file changes in the person's line and the marker only."""
    import difflib

    from fagworkshop.domain import changes

    s = small()
    p = tmp_path / "w.toml"
    save_session(s, p)
    before = p.read_text().splitlines()
    person = s.staff[1]
    competence = next(iter(s.rounds[-1].ratings[person.id]))
    old = s.rounds[-1].ratings[person.id][competence]
    changes.set_rating(s, person.id, competence, (old + 1) % 5)
    save_session(s, p)
    after = p.read_text().splitlines()
    changed = [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    body = [line for line in changed if not line[1:].startswith("# sha256")]
    assert len(body) == 2 and body[0].startswith(f"-{person.id} = '")
    assert body[1].startswith(f"+{person.id} = '") and f"{competence}:{(old + 1) % 5}" in body[1]


def test_datetimes_are_written_in_utc(tmp_path: Path) -> None:
    s = small()
    s.updated = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2, seconds=7)))
    p = tmp_path / "w.toml"
    save_session(s, p)
    assert "updated = 2026-05-01 09:59:53+00:00" in p.read_text()
    assert load_session(p).updated == s.updated


def test_failed_write_leaves_the_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "w.toml"
    save_session(small(1), p)
    before = p.read_bytes()

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(SaveFailed) as info:
        save_session(small(2), p)
    assert "ikke mere plads" in info.value.describe()
    assert str(p) in info.value.describe()
    assert p.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["w.toml"]  # no temp file left


def test_permission_denied_is_a_save_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "w.toml"
    save_session(small(1), p)
    before = p.read_bytes()

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(SaveFailed, match="ingen adgang"):
        save_session(small(2), p)
    assert p.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    first = small(1)  # one build: a second build made a second later has another `created`
    save_session(first, p)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SaveFailed):
            save_session(small(2), p)
    finally:
        tmp_path.chmod(0o700)
    assert load_session(p) == first


def test_unserialisable_session_writes_nothing(tmp_path: Path) -> None:
    s = small()
    s.frame.core_task = "lone surrogate \ud800"  # assignment skips validation
    p = tmp_path / "w.toml"
    with pytest.raises(SaveFailed):
        save_session(s, p)
    assert list(tmp_path.iterdir()) == []


def test_saving_onto_a_directory_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(SaveFailed, match="mappe"):
        save_session(small(), tmp_path)


def test_stale_temp_files_are_swept(tmp_path: Path) -> None:
    import fcntl

    p = tmp_path / "w.toml"
    save_session(small(), p)
    # left behind by killed saves (nobody holds their flock), whatever the process id
    dead = tmp_path / ".w.toml.999999999.abc123.tmp"
    dead_bak = tmp_path / ".w.toml.bak.999999999.xyz.tmp"
    reused_pid = tmp_path / f".w.toml.{os.getppid()}.ghi789.tmp"
    # a save in progress elsewhere holds its flock; another session's file is not ours
    live = tmp_path / f".w.toml.{os.getppid()}.def456.tmp"
    other = tmp_path / ".other.toml.999999999.abc123.tmp"
    for f in (dead, dead_bak, reused_pid, live, other):
        f.write_text("personal data")
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        save_session(small(), p)
        assert not dead.exists() and not dead_bak.exists() and not reused_pid.exists()
        assert live.exists() and other.exists()
    finally:
        os.close(fd)
    assert sweep_temp_files(p) == [live]


def test_backup_already_linked_to_the_file_leaves_no_temp_file(tmp_path: Path) -> None:
    # A save killed between its backup step and the final rename leaves .bak and
    # the file as two links to one inode; rename(2) of a third link onto .bak then
    # does nothing, which once left a temp copy with personal data behind.
    p = tmp_path / "w.toml"
    first = small(1)  # one build: a second build made a second later has another `created`
    save_session(first, p)
    os.link(p, tmp_path / "w.toml.bak")
    save_session(small(2), p)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["w.toml", "w.toml.bak"]
    assert load_session(tmp_path / "w.toml.bak") == first
    save_session(small(2), p, purge_backup=True)
    save_session(small(2), p, purge_backup=True)  # .bak is now linked to the file
    assert sorted(x.name for x in tmp_path.iterdir()) == ["w.toml", "w.toml.bak"]


def test_purge_backup_leaves_no_trace_of_an_erased_person(tmp_path: Path) -> None:
    s = small()
    p = tmp_path / "w.toml"
    save_session(s, p)
    name = s.staff[0].name
    changes.erase_person(s, s.staff[0].id)
    save_session(s, p)
    assert name in (tmp_path / "w.toml.bak").read_text()  # an ordinary save keeps it
    save_session(s, p, purge_backup=True)
    assert name not in (tmp_path / "w.toml.bak").read_text()
    assert mode(tmp_path / "w.toml.bak") == 0o600


def test_catalogue_save_and_load(tmp_path: Path) -> None:
    from fagworkshop.domain.catalogue import BasicItem, Catalogue, Theme

    cat = Catalogue(
        id="egen",
        title="Eget katalog",
        themes=[Theme(id="t", title="Tema")],
        basic=[BasicItem(id="b", theme="t", title="Lov")],
    )
    p = tmp_path / "k.toml"
    save_catalogue(cat, p)
    assert load_catalogue(p) == cat
    assert load_any(p) == cat


# --- migration ------------------------------------------------------------------


def test_version_0_file_is_migrated_on_load(tmp_path: Path) -> None:
    src = FIXTURES / "session-v0.toml"
    before = src.read_bytes()
    s = load_session(src)
    assert src.read_bytes() == before  # loading never writes
    assert s.schema_version == SESSION_SCHEMA_VERSION
    assert s.title == "Kompetenceworkshop, Ungeafdelingen"
    assert s.frame.unit == "Ungeafdelingen"
    r = present(s.round(1))
    assert r.ratings == {"p-1": {"b-lov": 3, "b-samtale": 1}, "p-2": {"b-lov": 2}}
    assert r.unused == {"p-1": ["b-samtale"]}
    assert r.notes == {"p-1": {"b-samtale": "Har erfaring fra\ntidligere job."}}
    # saved again, it is a current file and the backup is the old one
    p = tmp_path / "w.toml"
    p.write_bytes(before)
    save_session(s, p)
    assert load_session(p) == s
    assert (tmp_path / "w.toml.bak").read_bytes() == before
    # after the integrity marker's first line (issue 9)
    body = p.read_text().split("\n", 1)[1]
    assert body.startswith(f"schema_version = {SESSION_SCHEMA_VERSION}\n")


def test_broken_version_0_rating_is_a_clear_problem(tmp_path: Path) -> None:
    text = (FIXTURES / "session-v0.toml").read_text().replace('person = "p-2"', "person = 2")
    p = tmp_path / "w.toml"
    p.write_text(text)
    with pytest.raises(FileProblem) as info:
        load_session(p)
    assert info.value.problems[0][0] == "rounds[0].ratings[2]"


# --- file names and the folder ----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Ældre Øst på Ærø", "aeldre-oest-paa-aeroe"),
        ("Café Señor Ünter", "cafe-senor-unter"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("..", "workshop"),
        ("", "workshop"),
        ("\x1b]0;x\x07\x00", "0-x"),
        ("///", "workshop"),
        ("CON", "con-workshop"),
        ("Ω≈ç√", "c"),
    ],
)
def test_slug(title: str, stem: str) -> None:
    assert slug(title) == stem


def test_slug_is_capped() -> None:
    s = slug("Jobcenter " * 50)
    assert len(s) <= 60 and not s.endswith("-")


def test_new_session_path_never_collides(tmp_path: Path) -> None:
    first = new_session_path(tmp_path, "Workshop Syd")
    assert first == tmp_path / "workshop-syd.toml"
    first.write_text("x")
    second = new_session_path(tmp_path, "Workshop  syd!")
    assert second == tmp_path / "workshop-syd-2.toml"
    (tmp_path / "workshop-syd-3.toml.bak").write_text("x")  # a backup counts as taken
    second.write_text("x")
    assert new_session_path(tmp_path, "workshop syd") == tmp_path / "workshop-syd-4.toml"
    assert new_session_path(tmp_path, "../x").parent == tmp_path


def test_sessions_dir_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAGWORKSHOP_SESSIONS_DIR", str(tmp_path / "env"))
    assert sessions_dir(tmp_path / "opt") == tmp_path / "opt"
    assert mode(tmp_path / "opt") == 0o700
    assert sessions_dir() == tmp_path / "env"
    monkeypatch.delenv("FAGWORKSHOP_SESSIONS_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert sessions_dir() == tmp_path / "xdg" / "fagworkshop" / "sessions"


def test_list_sessions_newest_first_with_broken_files(tmp_path: Path) -> None:
    a, b = small(1), small(2)
    a.title, b.title = "Ældst", "Nyest"
    b.frame.unit = "Ungeafdelingen"
    b.current_step = 4
    b.delete_by = dt.date(2020, 1, 1)
    save_session(a, tmp_path / "a.toml")
    save_session(b, tmp_path / "b.toml")
    save_session(b, tmp_path / "b.toml")  # makes b.toml.bak, not listed
    (tmp_path / "broken.toml").write_text("not = toml = here")
    (tmp_path / "notes.txt").write_text("not a session")
    (tmp_path / "folder.toml").mkdir()
    for i, name in enumerate(["a.toml", "b.toml", "broken.toml"]):
        os.utime(tmp_path / name, (1_000_000 + i, 1_000_000 + i))
    entries = list_sessions(tmp_path)
    assert [e.path.name for e in entries] == ["broken.toml", "b.toml", "a.toml"]
    broken, newest, oldest = entries
    assert broken.problem and "broken.toml" in broken.problem and broken.title == "broken"
    assert newest.problem is None and newest.title == "Nyest" and newest.unit == "Ungeafdelingen"
    assert newest.current_step == 4 and newest.status == Status.IN_PROGRESS
    assert newest.delete_by_passed() and not oldest.delete_by_passed()
    assert newest.modified.tzinfo is not None


def test_list_sessions_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert list_sessions(tmp_path / "nope") == []
