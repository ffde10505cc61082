"""Large and slow files: a session of 10,000 staff and a 50 MB file.

Each file is validated in a fresh process with a time limit. A file passes
when it either loads within its limit (exit 0) or is refused quickly with a
message that names it (exit 1); a process still working at the limit is a
hang. The suite runs a small variant; ``python -m fagworkshop.fuzz --large``
runs the full sizes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from fagworkshop.fuzz.runner import run_process

#: Seconds a big file may take to load (5x the 2,000-staff target of the
#: benchmark issue for 5x the staff), and to be refused.
LOAD_LIMIT = 10.0
REFUSE_LIMIT = 2.0


@dataclass
class LargeResult:
    """What happened to one large file."""

    name: str
    megabytes: float
    outcome: str  # "loaded", "refused", "hang" or "unclear"
    seconds: float
    message: str = ""

    @property
    def ok(self) -> bool:
        """Loaded within the limit, or refused quickly and clearly."""
        return self.outcome in ("loaded", "refused")


@dataclass
class LargeReport:
    """Every large file tried; ``problems`` must be 0."""

    results: list[LargeResult] = field(default_factory=list)

    @property
    def problems(self) -> int:
        """Large files that hung, took too long, or were refused without a clear message."""
        return sum(not r.ok for r in self.results)

    def counts(self) -> dict[str, object]:
        """The figures, for printing and for docs/reliability.md."""
        rs = self.results
        return {
            "large_files": len(rs),
            "large_problems": self.problems,
            **{r.name: f"{r.outcome} in {r.seconds:.1f} s ({r.megabytes:.1f} MB)" for r in rs},
        }


def check_large(path: Path, name: str, load_limit: float = LOAD_LIMIT) -> LargeResult:
    """Validate ``path`` in a fresh process and judge the outcome against the limits."""
    size = path.stat().st_size / 1_048_576
    start = time.perf_counter()
    code, output = run_process(["validate", str(path)], timeout=max(load_limit, REFUSE_LIMIT) * 3)
    seconds = time.perf_counter() - start
    if code is None:
        return LargeResult(name, size, "hang", seconds, "no answer")
    if code == 0:
        outcome = "loaded" if seconds <= load_limit else "hang"
    elif code == 1 and path.name in output and "Traceback" not in output:
        outcome = "refused" if seconds <= REFUSE_LIMIT + 1.0 else "hang"  # +1 s interpreter start
    else:
        outcome = "unclear"
    first_line = output.strip().splitlines()[0] if output.strip() else ""
    return LargeResult(name, size, outcome, seconds, first_line)


def fifty_megabytes(folder: Path, target_bytes: int = 50 * 1024 * 1024) -> Path:
    """A valid session file of about ``target_bytes``: a real session padded with rating notes."""
    from fagworkshop import store
    from fagworkshop.generate import generate_session

    session = generate_session(staff=400, competences=40, rounds=1, seed=5)
    latest = session.rounds[-1]
    slots = [(pid, c) for pid, ratings in latest.ratings.items() for c in ratings]
    per_note = max(1_000, target_bytes // len(slots) + 1)  # notes can hold up to 200,000
    note = ("Bemærkning om vurderingen, skrevet i workshoppen. " * (per_note // 50 + 1))[:per_note]
    needed = target_bytes // (per_note + 40) + 1
    for pid, c in slots[:needed]:
        latest.notes.setdefault(pid, {})[c] = note
    path = folder / "halvtreds-mb.toml"
    # Written with the store's own serialiser but without its size check, as a
    # file from elsewhere would be.
    path.write_bytes(store.to_toml(session))
    return path


def run_large(folder: Path, *, full: bool) -> LargeReport:
    """The 10,000-staff session and the 50 MB file (full) or small stand-ins (suite)."""
    from fagworkshop import store
    from fagworkshop.generate import generate_session

    folder.mkdir(parents=True, exist_ok=True)
    report = LargeReport()
    staff = 10_000 if full else 1_000
    session = generate_session(staff=staff, competences=80, rounds=1, seed=3)
    path = folder / f"staff-{staff}.toml"
    store.save_session(session, path)
    del session
    report.results.append(check_large(path, f"{staff}_staff"))
    if full:
        big = fifty_megabytes(folder)
    else:  # the same size without the time to write it: a valid head, then a sparse tail
        big = folder / "halvtreds-mb.toml"
        big.write_bytes(store.to_toml(generate_session(staff=3, competences=4, rounds=1)))
        with big.open("r+b") as f:
            f.truncate(50 * 1024 * 1024)
    report.results.append(check_large(big, "50_mb_file"))
    return report
