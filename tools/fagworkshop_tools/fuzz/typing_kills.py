"""Rating in the real program at a steady pace, then ending it: what reaches the file.

The program runs on a pseudo-terminal (``tests/support/pty_app.py``) with a
session made for counting: one competence, many people, nobody rated yet. A
digit rates the person on the cursor and moves down to the next, so the file
holds the first *n* people rated exactly when the first *n* keys were saved.
A key counts as acknowledged once the program shows it on screen.

Ways to end it: ``kill`` (SIGKILL: at most the last second's keys may be
lost), ``hup`` (the terminal closed), ``term`` (SIGTERM), ``ctrl+c`` and
``ctrl+q`` (none may be lost). :func:`run_typing_kills` is the ``make fuzz``
mode; ``tests/test_pty_saving.py`` runs a few of each.
"""

from __future__ import annotations

import random
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fagworkshop.domain.session import Session

#: How the program is ended after the typing.
ENDINGS = ("kill", "hup", "term", "ctrl+c", "ctrl+q")
#: The most that a SIGKILL may lose: keys acknowledged less than this long before it.
KILL_WINDOW = 1.0


def _pty_app() -> Any:
    """The test suite's pseudo-terminal harness (one harness for tests and fuzz)."""
    tests = Path(__file__).resolve().parents[3] / "tests"
    if str(tests) not in sys.path:
        sys.path.insert(0, str(tests))
    from support.pty_app import PtyApp  # tests/support, on the path above (mypy: make lint)

    return PtyApp


def counting_session(people: int = 80) -> Session:
    """A session for counting keys: one competence, ``people`` people, nobody rated."""
    from fagworkshop.generate import generate_session

    session = generate_session(staff=people, competences=1, rounds=1, seed=7)
    for rnd in session.rounds:
        rnd.ratings = {}
        rnd.unused = {}
        rnd.notes = {}
    session.current_step = 4
    return session


def rated_prefix(session: Session, typed: list[int]) -> int:
    """How many of the first keys ``typed`` (levels, person by person) the session holds."""
    rnd = session.rounds[-1]
    n = 0
    for person, level in zip(session.staff, typed, strict=False):
        held = rnd.ratings.get(person.id, {})
        if list(held.values()) != [level]:
            break
        n += 1
    return n


@dataclass
class TypingRun:
    """One run: keys acknowledged, keys in the file after the ending, and how old the
    oldest lost key was when the program ended (0 when none was lost)."""

    ending: str
    acknowledged: int = 0
    saved: int = 0
    exit_code: int | None = None
    oldest_lost_age: float = 0.0
    problem: str = ""

    @property
    def lost(self) -> int:
        return max(0, self.acknowledged - self.saved)

    @property
    def ok(self) -> bool:
        """What the issue promises: no key lost except, on SIGKILL, the last second's."""
        if self.problem:
            return False
        if self.ending == "kill":
            return self.oldest_lost_age <= KILL_WINDOW + 0.25  # a frame's slack for the read
        return self.lost == 0


def _row_shows(screen: str, name: str, level: int) -> bool:
    pattern = re.compile(rf"(?m)^\s*{re.escape(name)}\s+{level}\b")
    return bool(pattern.search(screen))


def type_then_end(
    folder: Path,
    ending: str,
    *,
    keys: int,
    rate: float,
    rng: random.Random,
    size: tuple[int, int] = (160, 48),
    timeout: float = 30.0,
) -> TypingRun:
    """Open a fresh counting session, type ``keys`` digits at ``rate`` keys a second
    (each waited for on screen), then end the program as ``ending`` says."""
    from fagworkshop.store.errors import StoreError
    from fagworkshop.store.reading import load_session
    from fagworkshop.store.writing import save_session

    pty_app = _pty_app()
    folder.mkdir(parents=True, exist_ok=True)
    session = counting_session(max(keys + 5, 20))
    path = folder / f"taste-{rng.randrange(1_000_000)}.toml"
    save_session(session, path)
    run = TypingRun(ending)
    typed: list[int] = []
    acked_at: list[float] = []
    env = {"FAGWORKSHOP_SESSIONS_DIR": str(folder)}
    with pty_app(["open", str(path)], size=size, env=env) as app:
        app.wait_for(session.staff[0].name, timeout=timeout)
        app.settle(quiet=0.2)
        next_key = time.monotonic()
        for i in range(keys):
            while time.monotonic() < next_key:  # a person's pace, reading the screen meanwhile
                app.pump(max(0.0, next_key - time.monotonic()))
            level = 1 + i % 4
            app.send(str(level))
            name = session.staff[i].name
            app.wait_until(lambda s, n=name, v=level: _row_shows(s, n, v), timeout, f"key {i}")
            typed.append(level)
            acked_at.append(time.monotonic())
            next_key += rng.uniform(0.5, 1.5) / rate
        run.acknowledged = len(typed)
        if ending == "kill":
            # a random moment within one key's interval after the last acknowledged key
            until = time.monotonic() + rng.uniform(0.0, 1.0 / rate)
            while time.monotonic() < until:
                app.pump(max(0.0, until - time.monotonic()))
            ended = time.monotonic()
            app.signal(signal.SIGKILL)
        else:
            ended = time.monotonic()
            if ending == "hup":
                app.hang_up()
            elif ending == "term":
                app.signal(signal.SIGTERM)
            else:
                app.send_key(ending)
        try:
            run.exit_code = app.wait_exit(timeout=timeout)
        except AssertionError as exc:
            run.problem = f"did not end: {exc}"
    try:
        loaded = load_session(path)
    except StoreError as exc:
        run.problem = f"file does not load after {ending}: {exc.describe()}"
        return run
    run.saved = rated_prefix(loaded, typed)
    if run.lost:
        run.oldest_lost_age = ended - acked_at[run.saved]
    if ending != "kill" and run.exit_code not in (0, 128 + signal.SIGHUP, 128 + signal.SIGTERM):
        run.problem = run.problem or f"exit code {run.exit_code}"
    return run


@dataclass
class TypingKillReport:
    """The counts of a typing-and-ending run (``make fuzz``)."""

    runs: int = 0
    keys: int = 0
    lost_on_kill: int = 0
    kills_losing_keys: int = 0
    worst_lost_age: float = 0.0
    lost_on_clean_exit: int = 0
    failures: int = 0
    seconds: float = 0.0
    by_ending: dict[str, int] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failures == 0

    def counts(self) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "by_ending": dict(self.by_ending),
            "keys_acknowledged": self.keys,
            "lost_on_kill": self.lost_on_kill,
            "kills_losing_keys": self.kills_losing_keys,
            "worst_lost_key_age_s": round(self.worst_lost_age, 2),
            "lost_on_hup_term_ctrl_c_q": self.lost_on_clean_exit,
            "failures": self.failures,
            "seconds": round(self.seconds, 1),
        }


def run_typing_kills(
    folder: Path, kills: int, *, seed: int = 0, clean_every: int = 4
) -> TypingKillReport:
    """``kills`` SIGKILLs after typing at 4 to 10 keys a second, and every ``clean_every``
    runs one other ending (SIGHUP, SIGTERM, ctrl+c, ctrl+q in turn)."""
    rng = random.Random(seed)
    report = TypingKillReport()
    start = time.perf_counter()
    others = [e for e in ENDINGS if e != "kill"]
    plan: list[str] = []
    for i in range(kills):
        plan.append("kill")
        if clean_every and i % clean_every == clean_every - 1:
            plan.append(others[(i // clean_every) % len(others)])
    for number, ending in enumerate(plan, 1):
        run = type_then_end(
            folder / f"run-{number}",
            ending,
            keys=rng.randint(4, 24),
            rate=rng.uniform(4, 10),
            rng=rng,
        )
        report.runs += 1
        report.by_ending[ending] = report.by_ending.get(ending, 0) + 1
        report.keys += run.acknowledged
        if ending == "kill":
            report.lost_on_kill += run.lost
            report.kills_losing_keys += run.lost > 0
            report.worst_lost_age = max(report.worst_lost_age, run.oldest_lost_age)
        else:
            report.lost_on_clean_exit += run.lost
        if not run.ok:
            report.failures += 1
            report.findings.append(
                f"run {number} ({ending}): {run.acknowledged} keys shown, {run.saved} saved, "
                f"oldest lost {run.oldest_lost_age:.2f} s before the end {run.problem}".strip()
            )
    report.seconds = time.perf_counter() - start
    return report
