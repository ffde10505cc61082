"""Files that know they are whole, stamps of exact bytes, and saves that never overwrite unseen.

Issue 9 items 4 and 5 (store side): the integrity marker, SessionTruncated with
what the backup holds, FileStamp and ``save_session(expected=)``,
``SessionLock.still_ours`` and ``copy_path``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.store import reading
from fagworkshop.store.errors import FileProblem, OutsideChange, SaveFailed, SessionTruncated
from fagworkshop.store.folders import EntryState, copy_path, list_sessions
from fagworkshop.store.integrity import FileStamp, check, file_stamp, looks_truncated, wrap
from fagworkshop.store.lock import SessionLock, lock_path
from fagworkshop.store.reading import load_session, load_session_file
from fagworkshop.store.writing import save_session, session_file_bytes, to_toml


def session(staff: int = 3, seed: int = 1) -> Session:
    return generate_session(staff=staff, competences=4, rounds=1, seed=seed)


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


# --- the marker ---------------------------------------------------------------


def test_saved_file_starts_and_ends_with_the_marker(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    stamp = save_session(session(), p)
    raw = p.read_bytes()
    assert raw.startswith(b"# fagworkshop session, schema ")
    assert raw.splitlines()[-1].startswith(b"# sha256 ")
    assert raw.endswith(b" end\n")
    assert stamp == FileStamp.of(raw) == file_stamp(p)
    loaded = load_session_file(p)
    assert loaded.has_marker and not loaded.edited_outside
    assert loaded.stamp == stamp
    assert loaded.session == load_session(p)


def test_hand_edited_complete_file_is_accepted_and_noticed(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    s = session()
    save_session(s, p)
    p.write_bytes(p.read_bytes().replace(s.title.encode(), b"Rettet i haanden", 1))
    loaded = load_session_file(p)
    assert loaded.edited_outside and loaded.has_marker
    assert loaded.session.title == "Rettet i haanden"


def test_file_without_marker_loads_silently(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    p.write_bytes(to_toml(session()))  # as a file written before issue 9, or by hand
    loaded = load_session_file(p)
    assert not loaded.has_marker and not loaded.edited_outside
    assert loaded.stamp == file_stamp(p)


def test_windows_line_ends_count_as_edited_not_cut(tmp_path: Path) -> None:
    data = session_file_bytes(session())
    assert check(data.replace(b"\n", b"\r\n")).edited
    assert not check(data.replace(b"\n", b"\r\n")).truncated


def test_every_cut_of_a_small_marked_file_is_truncated() -> None:
    data = wrap(b'title = "x"\n[a]\nb = 1\n', 1)
    assert not check(data).truncated
    assert all(check(data[:n]).truncated for n in range(len(data)))


# --- cut short -----------------------------------------------------------------


def saved_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    p = tmp_path / "w.toml"
    save_session(session(staff=5), p)  # becomes the backup: 5 staff
    save_session(session(staff=3, seed=2), p)
    return p, p.with_name("w.toml.bak")


def test_cut_short_file_is_refused_naming_the_backup(tmp_path: Path) -> None:
    p, bak = saved_with_backup(tmp_path)
    ratings = reading.count_ratings(load_session(bak))
    p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])
    before = digest(p), digest(bak)
    with pytest.raises(SessionTruncated) as info:
        load_session(p)
    e = info.value
    assert isinstance(e, FileProblem)  # every caller that refuses bad files refuses it
    assert e.backup is not None and e.backup.path == bak
    assert e.backup.people == 5 and e.backup.ratings == ratings
    text = e.describe()
    assert str(p) in text and str(bak) in text
    assert "afkortet" in text and "5 medarbejdere" in text and f"{ratings} vurderinger" in text
    with pytest.raises(SessionTruncated):
        load_session_file(p)
    assert (digest(p), digest(bak)) == before


def test_cut_short_without_backup_says_so(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    save_session(session(), p)
    p.write_bytes(p.read_bytes()[:-1])  # only the last newline is missing
    with pytest.raises(SessionTruncated) as info:
        load_session(p)
    assert info.value.backup is None
    assert "ingen sikkerhedskopi" in info.value.describe()


def test_cut_short_backup_is_named_as_unusable(tmp_path: Path) -> None:
    p, bak = saved_with_backup(tmp_path)
    bak.write_bytes(bak.read_bytes()[:100])
    p.write_bytes(p.read_bytes()[:200])
    with pytest.raises(SessionTruncated) as info:
        load_session(p)
    backup = info.value.backup
    assert backup is not None and not backup.usable and backup.people is None
    assert "kan heller ikke bruges" in info.value.describe()


def test_save_never_replaces_a_cut_short_file_or_its_backup(tmp_path: Path) -> None:
    p, bak = saved_with_backup(tmp_path)
    p.write_bytes(p.read_bytes()[:300])
    assert looks_truncated(p)
    before = digest(p), digest(bak)
    with pytest.raises(SaveFailed) as info:
        save_session(session(), p)
    assert "afkortet" in info.value.describe()
    assert (digest(p), digest(bak)) == before
    assert not [q for q in tmp_path.iterdir() if q.name.startswith(".")]  # no temp left


def test_looks_truncated_agrees_with_check(tmp_path: Path) -> None:
    data = session_file_bytes(session(staff=20))
    p = tmp_path / "w.toml"
    for n in [0, 1, 10, 100, len(data) // 2, len(data) - 80, len(data) - 2, len(data) - 1]:
        p.write_bytes(data[:n])
        assert looks_truncated(p), n
    p.write_bytes(data)
    assert not looks_truncated(p)
    p.write_bytes(to_toml(session())[:50])  # unmarked: never called cut short
    assert not looks_truncated(p)


# --- outside changes ---------------------------------------------------------------


def test_save_with_the_right_stamp_writes_and_returns_the_next(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    first = save_session(session(), p, expected=None)  # None: no file yet
    second = save_session(session(seed=2), p, expected=first)
    assert second == file_stamp(p) != first
    third = save_session(session(seed=3), p, expected=load_session_file(p).stamp)
    assert third == file_stamp(p)


def test_save_refuses_a_file_changed_on_disk(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    stamp = save_session(session(), p)
    p.write_bytes(p.read_bytes().replace(b"title", b"title", 1) + b"# a hand edit\n")
    before = digest(p), digest(p.with_name("w.toml.bak"))
    with pytest.raises(OutsideChange) as info:
        save_session(session(seed=2), p, expected=stamp)
    assert info.value.on_disk == file_stamp(p)
    assert str(p) in info.value.describe()
    assert (digest(p), digest(p.with_name("w.toml.bak"))) == before


def test_same_size_different_bytes_is_an_outside_change(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    stamp = save_session(session(), p)
    raw = bytearray(p.read_bytes())
    raw[-80] = ord("0") if raw[-80] != ord("0") else ord("1")  # one digest digit, same size
    p.write_bytes(bytes(raw))
    os.utime(p, ns=(stamp.mtime_ns, stamp.mtime_ns))  # even with the same time
    with pytest.raises(OutsideChange):
        save_session(session(), p, expected=stamp)


def test_save_refuses_when_the_file_appeared_or_vanished(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    stamp = save_session(session(), p)
    q = tmp_path / "new.toml"
    q.write_bytes(p.read_bytes())
    with pytest.raises(OutsideChange):  # expected None: there should be no file
        save_session(session(), q, expected=None)
    p.unlink()
    with pytest.raises(OutsideChange) as info:
        save_session(session(), p, expected=stamp)
    assert info.value.on_disk is None
    assert not p.exists()


def test_save_without_expected_is_unchecked_as_before(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    save_session(session(), p)
    p.write_bytes(p.read_bytes() + b"# edit\n")
    save_session(session(seed=2), p)  # the old keyword arguments keep working
    last = session(seed=3)  # one build: a second one made a second later has another `created`
    save_session(last, p, purge_backup=True)
    assert load_session(p) == last


# --- the lock and the copy name ----------------------------------------------------


def test_still_ours_follows_the_lock_file(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    lock = SessionLock(p)
    assert not lock.still_ours()
    lock.acquire()
    try:
        assert lock.still_ours()
        lock_path(p).unlink()
        assert not lock.still_ours()  # removed
        lock_path(p).write_text("")
        assert not lock.still_ours()  # replaced by another file
    finally:
        lock.release()
    assert not lock.still_ours()
    with SessionLock(p) as again:
        assert again.still_ours()


def test_copy_path_finds_a_free_name(tmp_path: Path) -> None:
    p = tmp_path / "ungeafdelingen.toml"
    first = copy_path(p)
    assert first == tmp_path / "ungeafdelingen (kopi).toml"
    first.write_text("")
    assert copy_path(p) == tmp_path / "ungeafdelingen (kopi 2).toml"
    (tmp_path / "ungeafdelingen (kopi 2).toml.bak").write_text("")
    assert copy_path(p) == tmp_path / "ungeafdelingen (kopi 3).toml"


def test_lines_added_after_the_last_line_are_an_edit_not_a_cut(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    save_session(session(), p)
    p.write_bytes(p.read_bytes() + b'\n[steps.plan]\nnotes = "tilfoejet i haanden"\n')
    loaded = load_session_file(p)
    assert loaded.edited_outside
    assert loaded.session.step(6).notes == "tilfoejet i haanden"
    assert not looks_truncated(p)
    save_session(loaded.session, p, expected=loaded.stamp)
    assert not load_session_file(p).edited_outside


# --- validate ----------------------------------------------------------------------


def test_validate_refuses_a_cut_short_file_naming_the_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fagworkshop.cli import main

    p, bak = saved_with_backup(tmp_path)
    p.write_bytes(p.read_bytes()[:-40])
    assert main(["validate", str(p)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Filen kan ikke åbnes: {p}")
    assert "afkortet" in err and str(bak) in err and "5 medarbejdere" in err


def test_validate_notes_a_hand_edit_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fagworkshop.cli import main

    p = tmp_path / "w.toml"
    save_session(session(), p)
    assert main(["validate", str(p)]) == 0
    assert "ændret uden for" not in capsys.readouterr().out
    p.write_bytes(p.read_bytes() + b"# a comment by hand\n")
    assert main(["validate", str(p)]) == 0
    assert "ændret uden for fagworkshop" in capsys.readouterr().out


def test_schema_1_file_without_marker_opens_without_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tomli_w

    from fagworkshop.cli import main

    data = session().model_dump(mode="json", exclude_none=True)
    data["schema_version"] = 1  # as every fagworkshop before the marker wrote it
    p = tmp_path / "old.toml"
    p.write_text(tomli_w.dumps(data), encoding="utf-8")
    loaded = load_session_file(p)
    assert not loaded.has_marker and not loaded.edited_outside
    assert main(["validate", str(p)]) == 0
    assert "ændret" not in capsys.readouterr().out
    [entry] = list_sessions(tmp_path)
    assert entry.state is EntryState.OK and not entry.edited_outside


def test_overwriting_a_cut_file_the_user_has_seen_keeps_the_good_backup(tmp_path: Path) -> None:
    p, bak = saved_with_backup(tmp_path)
    mine = load_session(p)
    loaded_stamp = file_stamp(p)
    p.write_bytes(p.read_bytes()[:500])  # cut short while the program had it open
    good_backup = digest(bak)
    with pytest.raises(OutsideChange) as info:
        save_session(mine, p, expected=loaded_stamp)  # the autosave stops here
    assert info.value.on_disk == file_stamp(p)
    save_session(mine, p, expected=info.value.on_disk)  # the user chose "overwrite"
    assert load_session(p) == mine
    assert digest(bak) == good_backup  # the cut version never became the backup


# --- properties --------------------------------------------------------------------

bodies = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=0, max_size=400).map(
    lambda s: s.encode("utf-8")
)


@settings(max_examples=150, deadline=None)
@given(body=bodies, data=st.data())
def test_any_cut_of_any_marked_body_is_truncated(body: bytes, data: st.DataObject) -> None:
    wrapped = wrap(body, 2)
    assert check(wrapped) == check(wrapped)  # pure
    assert not check(wrapped).truncated and not check(wrapped).edited
    n = data.draw(st.integers(0, len(wrapped) - 1))
    assert check(wrapped[:n]).truncated


@settings(max_examples=150, deadline=None)
@given(body=bodies.filter(lambda b: len(b) > 0), data=st.data())
def test_a_changed_body_is_never_taken_as_untouched(body: bytes, data: st.DataObject) -> None:
    wrapped = bytearray(wrap(body, 2))
    head = wrapped.index(b"\n") + 1
    i = data.draw(st.integers(head, head + len(body) - 1))
    wrapped[i] = (wrapped[i] + data.draw(st.integers(1, 255))) % 256
    result = check(bytes(wrapped))
    assert result.truncated or result.edited
