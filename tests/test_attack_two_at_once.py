"""Attack: two programs on one session. The second is told, and cannot overwrite the first.

Program A (a real second process) opens a session: it takes the lock and
saves. Program B (this test) is refused the lock with a message naming the
file, and even a save that ignores the lock is refused by the store, so A's
work is never overwritten. A killed A leaves no lock behind: B gets it at once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fagworkshop.generate import generate_session
from fagworkshop.store.errors import SaveFailed, SessionLocked
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session

PROGRAM_A = """
import sys
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.writing import save_session
from fagworkshop.generate import generate_session
path = sys.argv[1]
lock = SessionLock(path).acquire()
session = generate_session(staff=3, competences=4, rounds=1, seed=1)
n = 0
for line in sys.stdin:
    n += 1
    session.title = f"A {n}"
    save_session(session, path)
    print(f"saved {n}", flush=True)
"""


# The file, the process holding it, and a call that makes it save once more.
ProgramA = tuple[Path, "subprocess.Popen[str]", Callable[[], str]]


@pytest.fixture
def program_a(tmp_path: Path) -> Iterator[ProgramA]:
    p = tmp_path / "faelles.toml"
    a = subprocess.Popen(
        [sys.executable, "-c", PROGRAM_A, str(p)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    stdin, stdout = a.stdin, a.stdout
    assert stdin and stdout

    def save() -> str:
        stdin.write("save\n")
        stdin.flush()
        return stdout.readline().strip()

    assert save() == "saved 1"
    yield p, a, save
    if a.poll() is None:
        a.kill()
    a.wait()


def test_the_second_program_is_told_clearly(program_a: ProgramA) -> None:
    p, _, _ = program_a
    with pytest.raises(SessionLocked) as info:
        SessionLock(p).acquire()
    message = info.value.describe()
    assert str(p) in message
    assert "Traceback" not in message


def test_the_second_program_cannot_overwrite_even_if_it_ignores_the_lock(
    program_a: ProgramA,
) -> None:
    p, _, save = program_a
    before = p.read_bytes()
    mine = generate_session(staff=5, competences=4, rounds=1, seed=2)
    mine.title = "B"
    with pytest.raises(SaveFailed) as info:
        save_session(mine, p)
    assert "andet program" in info.value.describe() and str(p) in info.value.describe()
    assert p.read_bytes() == before
    # the first program goes on saving its work
    assert save() == "saved 2"
    assert load_session(p).title == "A 2"


def test_a_killed_holder_does_not_block_and_its_work_is_there(program_a: ProgramA) -> None:
    p, a, save = program_a
    assert save() == "saved 2"
    os.kill(a.pid, signal.SIGKILL)
    a.wait(timeout=10)
    with SessionLock(p) as lock:  # taken at once: acquire never waits, it refuses
        assert lock.held
        s = load_session(p)
        assert s.title == "A 2"
        s.title = "B efter A"
        save_session(s, p)  # our own lock does not stop our own save
    assert load_session(p).title == "B efter A"


def test_a_lock_held_in_this_process_lets_this_process_save(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    with SessionLock(p):
        save_session(generate_session(staff=2, competences=2, rounds=1), p)
        with pytest.raises(SessionLocked):
            SessionLock(p).acquire()  # a second editor in the same process is refused too
    save_session(generate_session(staff=2, competences=2, rounds=1), p)  # free again
