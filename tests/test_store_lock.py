"""One program at a time per session; a killed holder leaves no stuck lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fagworkshop.generate import generate_session
from fagworkshop.i18n import set_language
from fagworkshop.store.errors import SessionLocked
from fagworkshop.store.lock import SessionLock, lock_path
from fagworkshop.store.writing import save_session

HOLDER = """
import sys
from fagworkshop.store.lock import SessionLock
lock = SessionLock(sys.argv[1]).acquire()
print("locked", flush=True)
sys.stdin.read()  # hold the lock until killed (or the test closes stdin), never on a clock
"""


def test_second_holder_in_the_same_process_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    save_session(generate_session(staff=1, competences=2, rounds=1), p)
    with SessionLock(p) as first:
        assert first.held
        with pytest.raises(SessionLocked) as info:
            SessionLock(p).acquire()
        set_language("en")
        try:
            assert "already open in another fagworkshop window" in info.value.describe()
            assert "read-only" in info.value.describe()
        finally:
            set_language("da")
        # the lock is on a sidecar, so saving still swaps the session file freely
        save_session(generate_session(staff=2, competences=2, rounds=1), p)
        assert lock_path(p).exists()
    assert not first.held
    SessionLock(p).acquire().release()  # free again


def test_killed_holder_leaves_no_stuck_lock(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(p)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(SessionLocked):
            SessionLock(p).acquire()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    # The kernel closed the holder's files, and so freed its flock, before wait() saw it dead.
    lock = SessionLock(p).acquire()
    assert lock.held
    lock.release()


def test_lock_file_is_owner_only(tmp_path: Path) -> None:
    p = tmp_path / "sub" / "w.toml"
    with SessionLock(p):
        assert (Path(lock_path(p)).stat().st_mode & 0o777) == 0o600
        assert (tmp_path / "sub").stat().st_mode & 0o777 == 0o700


def test_release_when_not_held_is_harmless(tmp_path: Path) -> None:
    lock = SessionLock(tmp_path / "w.toml")
    lock.release()
    assert not lock.held
