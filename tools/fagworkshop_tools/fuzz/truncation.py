"""The truncation sweep: the demo file cut at every byte offset must be reported as cut short.

The demo session is saved twice as ``fagworkshop demo --write`` saves it (the
first save becomes the ``.bak``), then the file is cut at each offset. For
every cut:

* loading it raises :class:`SessionTruncated` (``accepted`` counts cuts that
  loaded, ``other_problem`` cuts refused for another reason);
* the save guard sees it (``guard_missed``: ``looks_truncated`` said no);
* on a sample, a real save is tried and must leave the cut file and its
  ``.bak`` byte for byte as they were (``saved_over``), the home-screen list
  shows it as cut short (``listed_wrong``) and ``fagworkshop validate``
  exits 1 naming the backup (``validate_wrong``).

``make fuzz`` runs every offset; ``make test`` a sample that includes every
line end (tests/test_store_truncation.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fagworkshop.store.errors import SessionTruncated, StoreError
from fagworkshop.store.folders import EntryState, list_sessions
from fagworkshop.store.integrity import looks_truncated
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session


@dataclass
class TruncationReport:
    """Counts of a sweep; everything but ``offsets`` and ``deep_checks`` must be zero."""

    offsets: int = 0
    deep_checks: int = 0
    accepted: int = 0
    other_problem: int = 0
    guard_missed: int = 0
    saved_over: int = 0
    listed_wrong: int = 0
    validate_wrong: int = 0
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every cut was reported and none was saved over."""
        return not (
            self.accepted
            or self.other_problem
            or self.guard_missed
            or self.saved_over
            or self.listed_wrong
            or self.validate_wrong
        )

    def counts(self) -> dict[str, int]:
        """The counts for printing and JSON."""
        return {
            "offsets cut": self.offsets,
            "save, list, validate tried": self.deep_checks,
            "accepted (must be 0)": self.accepted,
            "refused, not as cut short": self.other_problem,
            "save guard missed": self.guard_missed,
            "saved over file or .bak": self.saved_over,
            "listed wrong on home": self.listed_wrong,
            "validate wrong": self.validate_wrong,
        }

    def _finding(self, text: str) -> None:
        if len(self.findings) < 50:
            self.findings.append(text)


def demo_bytes(folder: Path) -> tuple[bytes, bytes]:
    """The demo file's bytes and its backup's, saved as ``demo --write`` saves them."""
    from fagworkshop.demo import build_demo

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.toml"
    save_session(build_demo(), path)  # as two runs of ``demo --write``: the first
    save_session(build_demo(), path)  # becomes the backup
    data, backup = path.read_bytes(), path.with_name("demo.toml.bak").read_bytes()
    path.unlink()
    path.with_name("demo.toml.bak").unlink()
    return data, backup


def sample_offsets(data: bytes, extra: int = 300, seed: int = 9) -> list[int]:
    """Every line end (just before and just after each newline) plus ``extra`` random offsets."""
    ends = {i for i, b in enumerate(data) if b == 0x0A}
    chosen = ends | {i + 1 for i in ends if i + 1 < len(data)} | {0, 1, len(data) - 1}
    rng = random.Random(seed)
    chosen |= {rng.randrange(len(data)) for _ in range(extra)}
    return sorted(chosen)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _deep_check(report: TruncationReport, path: Path, bak: Path, n: int) -> None:
    from fagworkshop.cli import main as cli_main
    from fagworkshop.demo import build_demo

    report.deep_checks += 1
    before = _digest(path), _digest(bak)
    try:
        save_session(build_demo(), path)
    except StoreError:
        pass
    if (_digest(path), _digest(bak)) != before:
        report.saved_over += 1
        report._finding(f"offset {n}: a save replaced the cut file or its backup")
        return
    entries = list_sessions(path.parent)
    if [e.state for e in entries] != [EntryState.CUT_SHORT] or not entries[0].backup:
        report.listed_wrong += 1
        report._finding(f"offset {n}: listed as {[e.state for e in entries]}")
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli_main(["validate", str(path)])
    if code != 1 or str(bak) not in err.getvalue():
        report.validate_wrong += 1
        report._finding(f"offset {n}: validate exit {code}: {err.getvalue()[:200]!r}")


def sweep(
    folder: Path,
    offsets: Iterable[int] | None = None,
    *,
    deep_every: int = 40,
    deep_offsets: Sequence[int] = (),
) -> TruncationReport:
    """Cut the demo file at each offset (all when None) and check it is reported."""
    data, backup = demo_bytes(folder / "source")
    work = folder / "cut"
    work.mkdir(parents=True, exist_ok=True)
    path, bak = work / "demo.toml", work / "demo.toml.bak"
    bak.write_bytes(backup)
    report = TruncationReport()
    chosen = list(range(len(data)) if offsets is None else offsets)
    deep = set(deep_offsets) | {
        n for i, n in enumerate(chosen) if deep_every and i % deep_every == 0
    }
    for n in chosen:
        report.offsets += 1
        path.write_bytes(data[:n])
        try:
            load_session(path)
        except SessionTruncated:
            pass
        except StoreError as exc:
            report.other_problem += 1
            report._finding(f"offset {n}: refused as {type(exc).__name__}")
        else:
            report.accepted += 1
            report._finding(f"offset {n}: accepted")
        if not looks_truncated(path):
            report.guard_missed += 1
            report._finding(f"offset {n}: the save guard does not see the cut")
        if n in deep:
            _deep_check(report, path, bak, n)
    return report
