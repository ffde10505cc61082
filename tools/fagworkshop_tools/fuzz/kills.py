"""Killing a saving process at random moments (SIGKILL during save).

A child process saves a *growing* session in a loop (one more member of
staff, with ratings, on every save) and reports each finished save on a pipe.
The parent kills it with SIGKILL after a random delay and then checks the
promise of the store: the session file loads and holds exactly the state of
the last finished save or of the save that was in flight, the backup
(``.bak``) holds the one before, a lock the child held does not block the next
program, and the next save sweeps the temporary files the kill left behind.

Children are forked from an interpreter that has imported everything already,
so a kill costs milliseconds; :func:`run_fresh_kills` also kills a few fresh
interpreters (start-up included).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fagworkshop.domain.session import Person, Session
from fagworkshop_tools import with_tools_path

#: How big the session that grows is: (staff, competences, rounds) to start from.
SMALL = (8, 20, 2)
FULL = (60, 80, 3)

_BASE: dict[tuple[int, int, int], Session] = {}


def _base(size: tuple[int, int, int]) -> Session:
    if size not in _BASE:
        from fagworkshop.generate import generate_session

        s = generate_session(*size, seed=11)
        s.created = s.updated = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
        _BASE[size] = s
    return _BASE[size]


def grow(session: Session, n: int) -> None:
    """Add save number ``n``'s change: a new member of staff rated in the latest round."""
    pid = f"k-{n}"
    profiles = [session.profiles[n % len(session.profiles)].id] if session.profiles else []
    person = Person(id=pid, name=f"Ny Medarbejder {n}", initials=f"N{n}", profiles=profiles)
    session.staff.append(person)
    latest = session.rounds[-1]
    levels = session.level_numbers()
    latest.ratings[pid] = {
        c: levels[(n + i) % len(levels)] for i, c in enumerate(session.relevant_competences(person))
    }
    session.title = f"Vækst {n}"


def state(n: int, size: tuple[int, int, int]) -> Session:
    """The session as it is after save number ``n`` (0 is the starting session)."""
    s = _base(size).model_copy(deep=True)
    s.title = "Vækst 0"
    for i in range(1, n + 1):
        grow(s, i)
    return s


class Reference:
    """The expected states, grown in place (saves never go backwards, so no copies)."""

    def __init__(self, size: tuple[int, int, int], start: int = 0) -> None:
        self.session = state(start, size)
        self.n = start

    def at(self, n: int) -> Session | None:
        """The state after save ``n``; None if ``n`` is older than the reference."""
        if n < self.n:
            return None
        while self.n < n:
            self.n += 1
            grow(self.session, self.n)
        return self.session


def generation(s: Session) -> int:
    """Which save a loaded session is (its title says so)."""
    return int(s.title.rsplit(" ", 1)[1])


@dataclass
class KillReport:
    """The counts of a kill run. ``lost``, ``corrupt``, ``wrong_state``, ``stuck_locks``
    and ``leftover_temp_after_save`` must be 0."""

    kills: int = 0
    mid_save: int = 0  # kills after which a temporary file was left: the save was in flight
    advanced: int = 0  # kills after which the file held a newer state than before
    corrupt: int = 0
    lost: int = 0
    wrong_state: int = 0
    stuck_locks: int = 0
    leftover_temp_after_save: int = 0
    seconds: float = 0.0
    findings: list[str] = field(default_factory=list)

    PROBLEM_COUNTS = ("corrupt", "lost", "wrong_state", "stuck_locks", "leftover_temp_after_save")

    @property
    def ok(self) -> bool:
        """Whether no kill lost or corrupted anything."""
        return all(getattr(self, k) == 0 for k in self.PROBLEM_COUNTS)

    @property
    def survived(self) -> int:
        """Kills after which everything the store promises held."""
        return self.kills - len({f.split(":")[0] for f in self.findings})

    def counts(self) -> dict[str, int | float]:
        """The figures, for printing and for docs/reliability.md."""
        names = ("kills", "mid_save", "advanced", *self.PROBLEM_COUNTS)
        out: dict[str, int | float] = {k: getattr(self, k) for k in names}
        out["survived"] = self.survived
        out["seconds"] = round(self.seconds, 1)
        return out


def _child(path: Path, start: int, reference: Reference, out_fd: int) -> None:
    """The forked child: hold the lock, save a growing session forever, report each save."""
    from fagworkshop.store.lock import SessionLock
    from fagworkshop.store.writing import save_session

    lock = SessionLock(path).acquire()
    session = reference.at(start)  # the child's own copy of the parent's memory
    assert session is not None
    n = start
    while True:
        n += 1
        grow(session, n)
        save_session(session, path)
        os.write(out_fd, struct.pack("<I", n))
    lock.release()  # pragma: no cover - never reached; the parent kills us


def _check_after_kill(
    report: KillReport, number: int, path: Path, done: int, reference: Reference
) -> int:
    """Check the files after a kill; returns the generation now on disk."""
    from fagworkshop.store.errors import SessionLocked, StoreError
    from fagworkshop.store.lock import SessionLock
    from fagworkshop.store.reading import load_session

    label = f"kill {number}"
    backup = path.with_name(path.name + ".bak")
    if any(p.name.endswith(".tmp") for p in path.parent.iterdir()):
        report.mid_save += 1
    try:
        on_disk = load_session(path)
    except StoreError as exc:
        report.corrupt += 1
        report.findings.append(f"{label}: the session file does not load: {exc.describe()}")
        return done
    n = generation(on_disk)
    if n not in (done, done + 1):
        kind = "lost" if n < done else "wrong_state"
        setattr(report, kind, getattr(report, kind) + 1)
        report.findings.append(f"{label}: file holds save {n}, expected {done} or {done + 1}")
    elif on_disk != reference.at(n):
        report.wrong_state += 1
        report.findings.append(f"{label}: file holds a mixed state of save {n}")
    if backup.exists() and n > 0:
        try:
            b = generation(load_session(backup))
        except StoreError as exc:
            report.corrupt += 1
            report.findings.append(f"{label}: the backup does not load: {exc.describe()}")
        else:
            if b not in (n - 1, n) or (b == n and n > done):
                report.wrong_state += 1
                report.findings.append(f"{label}: backup holds save {b} while the file holds {n}")
    lock = SessionLock(path)
    try:
        lock.acquire()
    except SessionLocked:
        report.stuck_locks += 1
        report.findings.append(f"{label}: the killed child's lock still blocks")
    else:
        lock.release()
    return n


def _first_save(folder: Path, name: str, size: tuple[int, int, int]) -> tuple[Path, Reference]:
    """The session file of a kill run with save 0 in it, and the states to check it against."""
    from fagworkshop.store.writing import save_session

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    save_session(state(0, size), path)
    return path, Reference(size)


def _kill_loop(
    report: KillReport,
    path: Path,
    kills: int,
    reference: Reference,
    kill_one: Callable[[int], int],
) -> int:
    """``kills`` times: ``kill_one(done)`` starts a child saving on from save ``done``,
    kills it at a random moment and returns the last save it reported (``done`` when
    none); the files are checked after each kill. Returns the save on disk at the end."""
    done = on_disk = 0
    for number in range(1, kills + 1):
        done = kill_one(done)
        report.kills += 1
        before = on_disk
        on_disk = _check_after_kill(report, number, path, done, reference)
        report.advanced += on_disk > before
        done = max(done, on_disk)
    return on_disk


def run_kills(
    folder: Path,
    kills: int,
    *,
    size: tuple[int, int, int] = SMALL,
    max_delay: float = 0.08,
    seed: int = 0,
) -> KillReport:
    """Fork, let the child save, SIGKILL it after a random delay; ``kills`` times."""
    from fagworkshop.store.writing import save_session

    if not hasattr(os, "fork"):
        raise RuntimeError("the kill test needs os.fork (Linux or macOS)")
    rng = random.Random(seed)
    report = KillReport()
    start_time = time.perf_counter()
    path, reference = _first_save(folder, "vaekst.toml", size)

    def kill_one(done: int) -> int:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns into the caller
            code = 0
            try:
                os.close(read_fd)
                _child(path, done, reference, write_fd)
            except BaseException:  # noqa: BLE001
                code = 3
            finally:
                os._exit(code)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        finished = _read_all(read_fd)
        os.close(read_fd)
        if len(finished) >= 4:  # 4-byte writes to a pipe are atomic: whole numbers only
            return int(struct.unpack("<I", finished[-4:])[0])
        return done

    on_disk = _kill_loop(report, path, kills, reference, kill_one)
    # The next save sweeps what the kills left behind.
    final = reference.at(on_disk)
    assert final is not None
    save_session(final, path)
    left = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
    if left:
        report.leftover_temp_after_save += len(left)
        report.findings.append(f"after the last save: temporary files left {left}")
    report.seconds = time.perf_counter() - start_time
    return report


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


_FRESH = """
import sys
from pathlib import Path
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.writing import save_session
from fagworkshop_tools.fuzz.kills import grow, state
path, start, size = Path(sys.argv[1]), int(sys.argv[2]), tuple(map(int, sys.argv[3:6]))
SessionLock(path).acquire()
session = state(start, size)
n = start
print("ready", flush=True)
while True:
    n += 1
    grow(session, n)
    save_session(session, path)
    print(n, flush=True)
"""


def run_fresh_kills(
    folder: Path, kills: int, *, size: tuple[int, int, int] = SMALL, seed: int = 1
) -> KillReport:
    """Like :func:`run_kills`, with a new interpreter each time (slower, start-up included)."""
    rng = random.Random(seed)
    report = KillReport()
    start_time = time.perf_counter()
    path, reference = _first_save(folder, "frisk.toml", size)

    def kill_one(done: int) -> int:
        child = subprocess.Popen(
            [sys.executable, "-c", _FRESH, str(path), str(done), *map(str, size)],
            env=with_tools_path(os.environ),
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        child.stdout.readline()  # "ready": it holds the lock and is about to save
        time.sleep(rng.uniform(0.0, 0.1))
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines = [ln for ln in child.stdout.read().split() if ln.isdigit()]
        child.stdout.close()
        return int(lines[-1]) if lines else done

    _kill_loop(report, path, kills, reference, kill_one)
    report.seconds = time.perf_counter() - start_time
    return report


def main_folder() -> Path:
    """A private scratch folder for a kill run."""
    return Path(tempfile.mkdtemp(prefix="fagworkshop-kills-"))
