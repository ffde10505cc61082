"""Large and slow files: a session of 10,000 staff and a 50 MB file.

Each file is validated in a fresh process with a time limit. A file passes
when it either loads within its limit (exit 0) or is refused quickly with a
message that names it (exit 1); a process still working at the limit is a
hang. The suite runs a small variant; ``python -m fagworkshop_tools.fuzz --large``
runs the full sizes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from fagworkshop_tools.fuzz.runner import run_process

#: A big file must load within this many times the floor (tomllib parsing the
#: same bytes in this process), plus the start of a new interpreter; the
#: benchmark issue's target for loading is 2x the floor.
FLOOR_FACTOR = 2.0
START_SECONDS = 1.5
#: Seconds a refusal may take (plus the start of a new interpreter).
REFUSE_LIMIT = 2.0


def parse_floor(path: Path) -> float:
    """Seconds tomllib takes to parse the file in this process: what loading cannot beat."""
    import tomllib

    data = path.read_bytes()
    start = time.perf_counter()
    try:
        tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        pass
    return time.perf_counter() - start


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
            **{
                r.name: f"{r.outcome} in {r.seconds:.1f} s ({r.megabytes:.1f} MB; {r.message})"
                for r in rs
            },
        }


def check_large(path: Path, name: str) -> LargeResult:
    """Validate ``path`` in a fresh process and judge the outcome against the limits.

    Loading passes within ``FLOOR_FACTOR`` x the parse floor (+ start-up);
    a refusal within ``REFUSE_LIMIT`` (+ start-up) with the file named. A file
    over 4 MB must be announced before it is read (feedback, not silence).
    """
    size = path.stat().st_size / 1_048_576
    floor = parse_floor(path) if size <= 64 else 0.0
    load_limit = FLOOR_FACTOR * floor + START_SECONDS
    start = time.perf_counter()
    code, output = run_process(["validate", str(path)], timeout=max(load_limit, 30.0) * 3)
    seconds = time.perf_counter() - start
    note = f"floor {floor:.1f} s, limit {load_limit:.1f} s"
    if code is None:
        return LargeResult(name, size, "hang", seconds, f"no answer; {note}")
    announced = size <= 4 or "MB" in output  # the "reading a large file" line
    if code == 0:
        outcome = "loaded" if seconds <= load_limit and announced else "hang"
    elif code == 1 and path.name in output and "Traceback" not in output:
        outcome = "refused" if seconds <= REFUSE_LIMIT + START_SECONDS else "hang"
    else:
        outcome = "unclear"
    return LargeResult(name, size, outcome, seconds, note)


def fifty_megabytes(folder: Path, target_bytes: int = 50 * 1024 * 1024) -> Path:
    """A valid session file of about ``target_bytes``: a real session padded with rating notes."""
    from fagworkshop.generate import generate_session
    from fagworkshop.store.writing import to_toml

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
    path.write_bytes(to_toml(session))
    return path


def run_large(folder: Path, *, full: bool) -> LargeReport:
    """The 10,000-staff session and the 50 MB file (full) or small stand-ins (suite)."""
    from fagworkshop.generate import generate_session
    from fagworkshop.store.writing import save_session, to_toml

    folder.mkdir(parents=True, exist_ok=True)
    report = LargeReport()
    staff = 10_000 if full else 1_000
    session = generate_session(staff=staff, competences=80, rounds=1, seed=3)
    path = folder / f"staff-{staff}.toml"
    save_session(session, path)
    del session
    report.results.append(check_large(path, f"{staff}_staff"))
    if full:
        big = fifty_megabytes(folder)
    else:  # the same size without the time to write it: a valid head, then a sparse tail
        big = folder / "halvtreds-mb.toml"
        big.write_bytes(to_toml(generate_session(staff=3, competences=4, rounds=1)))
        with big.open("r+b") as f:
            f.truncate(50 * 1024 * 1024)
    report.results.append(check_large(big, "50_mb_file"))
    return report
