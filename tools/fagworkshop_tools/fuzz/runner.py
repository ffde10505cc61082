"""Running fuzz cases through the loader and ``fagworkshop validate``.

Each case is written to a file and given to :func:`fagworkshop.store.load_any`
and to ``fagworkshop validate`` (in-process through ``cli.main(argv)``, and for
a sample of cases in a fresh process). A case passes when nothing raised
anything but a :class:`~fagworkshop.store.StoreError`, the command's exit code
matches the loader's verdict (0 accepted, 1 refused), a refusal names the
file, no control character reaches the terminal, nothing hangs, and the file
(and its folder) is byte for byte what it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from fagworkshop_tools.fuzz.mutators import Case

#: Bytes that must never reach a terminal: C0 except tab/newline, DEL, C1 (as text).
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Text that gives away a traceback or an internal error in a user message.
_INTERNAL = re.compile(
    r"Traceback \(most recent call last\)|errors\.pydantic\.dev|ValidationError|"
    r"TOMLDecodeError|UnicodeDecodeError|RecursionError|Exception:"
)

#: Seconds one case may take in-process before it counts as a hang.
CASE_TIME_LIMIT = 30.0
#: Seconds one subprocess may take.
PROCESS_TIME_LIMIT = 60.0


@dataclass
class Finding:
    """One problem found: what kind, in which case, and the evidence."""

    kind: str
    case: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.case}: {self.detail}"


@dataclass
class FuzzReport:
    """The counts of one fuzz run. Everything but ``cases``/``accepted``/``refused`` must be 0."""

    cases: int = 0
    accepted: int = 0
    refused: int = 0
    subprocess_runs: int = 0
    tracebacks: int = 0
    files_changed: int = 0
    unclear_messages: int = 0
    wrong_exit_codes: int = 0
    control_chars: int = 0
    hangs: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    PROBLEM_COUNTS = (
        "tracebacks",
        "files_changed",
        "unclear_messages",
        "wrong_exit_codes",
        "control_chars",
        "hangs",
    )

    def add(self, kind: str, case: str, detail: str) -> None:
        """Count a problem of ``kind`` (one of PROBLEM_COUNTS) and keep its evidence."""
        setattr(self, kind, getattr(self, kind) + 1)
        self.findings.append(Finding(kind, case, detail[-2000:]))

    @property
    def ok(self) -> bool:
        """Whether the run found no problem at all."""
        return all(getattr(self, k) == 0 for k in self.PROBLEM_COUNTS)

    def counts(self) -> dict[str, int | float]:
        """The figures, for printing and for docs/reliability.md."""
        names = ("cases", "accepted", "refused", "subprocess_runs", *self.PROBLEM_COUNTS)
        out: dict[str, int | float] = {k: getattr(self, k) for k in names}
        out["seconds"] = round(self.seconds, 1)
        return out


class _Hang(Exception):
    """Raised by the alarm when a case takes longer than its limit."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread on POSIX only; else no limit)."""
    usable = hasattr(signal, "setitimer") and _in_main_thread()
    if not usable:
        yield
        return

    def _alarm(signum: int, frame: FrameType | None) -> None:
        raise _Hang()

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable: {exc.errno}"


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: _digest(p) if p.is_file() else "dir" for p in sorted(folder.iterdir())}


def run_cli(argv: list[str]) -> tuple[int, str]:
    """``fagworkshop ARGV`` in-process: its exit code and everything it printed."""
    from fagworkshop import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code: Any = cli.main(argv)
        except SystemExit as exc:
            code = exc.code
    if code is None:
        code = 0
    if not isinstance(code, int):  # SystemExit("message") prints the message, exit status 1
        out.write(str(code))
        code = 1
    return code, out.getvalue()


def _command() -> list[str]:
    """How to start ``fagworkshop`` in a fresh process: the installed script if there is one."""
    script = Path(sys.executable).with_name("fagworkshop")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-c", "import sys; from fagworkshop.cli import main; sys.exit(main())"]


def run_process(argv: list[str], timeout: float = PROCESS_TIME_LIMIT) -> tuple[int | None, str]:
    """``fagworkshop ARGV`` in a new process: exit code (None on timeout) and output."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    try:
        done = subprocess.run(
            [*_command(), *argv],
            capture_output=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return None, ""
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")


def _unexpected_markers() -> list[str]:
    """The fixed start of the CLI's "unexpected error" message, in each language."""
    try:
        from fagworkshop.i18n.cli import STRINGS
    except ImportError:  # pragma: no cover
        return []
    pair = STRINGS.get("cli.unexpected")
    if not pair:
        return []
    return [text.split("{error}")[0].strip() for text in pair if text.split("{error}")[0].strip()]


def _check_message(
    report: FuzzReport, label: str, where: str, path: Path, message: str, refused: bool
) -> None:
    if _INTERNAL.search(message) or any(m in message for m in _unexpected_markers()):
        report.add("tracebacks", label, f"{where} met an internal error: {message}")
    if _TERMINAL_UNSAFE.search(message):
        bad = sorted({f"U+{ord(c):04X}" for c in _TERMINAL_UNSAFE.findall(message)})
        report.add("control_chars", label, f"{where} printed control characters {bad}")
    from fagworkshop.store.errors import terminal_safe

    if refused and path.name not in message and terminal_safe(path.name) not in message:
        report.add("unclear_messages", label, f"{where} did not name the file: {message!r:.500}")


def check_file(
    path: Path, label: str, report: FuzzReport, *, in_process_cli: bool, subprocess_cli: bool
) -> None:
    """Load ``path`` and validate it; add every problem seen to ``report``."""
    from fagworkshop.store.errors import StoreError
    from fagworkshop.store.reading import load_any

    folder = path.parent if path.parent.exists() else None
    before = _folder_state(folder) if folder else {}
    report.cases += 1
    refused: bool | None = None
    try:
        with _time_limit(CASE_TIME_LIMIT):
            try:
                load_any(path)
                refused = False
            except StoreError as exc:
                refused = True
                _check_message(report, label, "loader", path, exc.describe(), refused=True)
    except _Hang:
        report.add("hangs", label, f"the loader took over {CASE_TIME_LIMIT} s")
    except BaseException:  # noqa: BLE001 - any other exception is what we hunt
        report.add("tracebacks", label, "loader: " + traceback.format_exc())
    if refused is None:
        refused = True
    elif refused:
        report.refused += 1
    else:
        report.accepted += 1
    expected = 1 if refused else 0

    if in_process_cli:
        try:
            with _time_limit(CASE_TIME_LIMIT):
                code, output = run_cli(["validate", str(path)])
        except _Hang:
            report.add("hangs", label, f"validate took over {CASE_TIME_LIMIT} s")
        except BaseException:  # noqa: BLE001
            report.add("tracebacks", label, "validate: " + traceback.format_exc())
        else:
            _check_message(report, label, "validate", path, output, refused)
            if code != expected:
                detail = f"validate exit {code}, expected {expected}: {output:.300}"
                report.add("wrong_exit_codes", label, detail)
    if subprocess_cli:
        report.subprocess_runs += 1
        process_code, output = run_process(["validate", str(path)])
        if process_code is None:
            report.add("hangs", label, f"validate process took over {PROCESS_TIME_LIMIT} s")
        else:
            _check_message(report, label, "validate process", path, output, refused)
            if process_code != expected:
                report.add(
                    "wrong_exit_codes",
                    label,
                    f"validate process exit {process_code}, expected {expected}: {output:.300}",
                )
    if folder is not None:
        after = _folder_state(folder)
        if after != before:
            changed = sorted(set(after.items()) ^ set(before.items()))
            report.add("files_changed", label, f"the folder changed: {changed[:5]}")


def run_cases(
    cases: Iterable[Case],
    folder: Path,
    *,
    subprocess_every: int = 50,
    report: FuzzReport | None = None,
    progress: Any = None,
) -> FuzzReport:
    """Run every case in ``folder`` (one file at a time); a fresh process every Nth case."""
    report = report or FuzzReport()
    start = time.perf_counter()
    work = folder / "cases"
    work.mkdir(parents=True, exist_ok=True)
    for case in cases:
        suffix = ".toml"
        path = work / f"{case.kind}-{case.number}{suffix}"
        path.write_bytes(case.data)
        in_sub = subprocess_every > 0 and case.number % subprocess_every == 0
        check_file(path, case.label, report, in_process_cli=True, subprocess_cli=in_sub)
        for p in work.iterdir():
            p.unlink()
        if progress is not None:
            progress(report)
    report.seconds += time.perf_counter() - start
    return report


def special_paths(folder: Path) -> list[tuple[str, Path]]:
    """Paths that are not plain files: a folder, a missing file, a FIFO, devices, loops."""
    out: list[tuple[str, Path]] = []
    d = folder / "a-folder.toml"
    d.mkdir(exist_ok=True)
    out.append(("special: a directory", d))
    out.append(("special: a missing file", folder / "missing.toml"))
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.toml"
        if not fifo.exists():
            os.mkfifo(fifo)
        out.append(("special: a FIFO with no writer", fifo))
    for name, target in (("null", "/dev/null"), ("zero", "/dev/zero")):
        if os.path.exists(target):
            link = folder / f"dev-{name}.toml"
            if not os.path.lexists(link):
                link.symlink_to(target)
            out.append((f"special: a link to {target}", link))
    loop = folder / "loop.toml"
    if not os.path.lexists(loop):
        loop.symlink_to(loop)
    out.append(("special: a symlink loop", loop))
    long_name = folder / ("n" * 300 + ".toml")
    out.append(("special: a name too long", long_name))
    # Control characters in the file name: printed in every message that names the file.
    from fagworkshop_tools.fuzz.mutators import seeds

    valid = seeds(small=True)[0].data
    for name, data in (("ok-\x1b[2J\x9b31m.toml", valid), ("bad-\x1b]0;x\x07.toml", b"x = [")):
        hostile = folder / name
        hostile.write_bytes(data)
        out.append((f"special: control characters in the file name {name!r}", hostile))
    return out


def run_specials(
    folder: Path, report: FuzzReport | None = None, *, every_in_a_process: bool = True
) -> FuzzReport:
    """Validate every special path in-process and in a fresh process (or, to save time,
    only those where a process differs: the FIFO and the control characters in names)."""
    report = report or FuzzReport()
    start = time.perf_counter()
    work = folder / "specials"
    work.mkdir(parents=True, exist_ok=True)
    for label, path in special_paths(work):
        in_process = every_in_a_process or "FIFO" in label or "control" in label
        check_file(path, label, report, in_process_cli=True, subprocess_cli=in_process)
    report.seconds += time.perf_counter() - start
    return report
