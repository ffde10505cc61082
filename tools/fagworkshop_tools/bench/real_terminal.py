"""The real-terminal scenarios: the program itself on a pseudo-terminal (``bench.terminal``).

Timed as a person sees it, with the autosave running: from the key written to
the terminal to the bytes that show its effect read back. The floor is a
Textual app with one label, in a new process on the same kind of terminal, in
the same run. Keys come 0.1 to 0.6 s apart, so the debounced saves run while
typing, as they do in a workshop.

* ``terminal_start``: a new ``fagworkshop demo`` to its first complete screen
  (the step heading and the footer drawn), against the floor's first frame;
  and opening a 2,000-staff file to its step's grid.
* ``terminal_keys``: digits and arrow keys in step 4's grid (300 and 2,000 staff);
  done when the cell detail under the grid names the next cell.
* ``terminal_typing``: letters typed into a text field (step 1's jobcenter) at
  300 staff; done when the field shows them.
* ``terminal_steps``: step to step, forward and back through all seven with
  ctrl+pagedown / ctrl+pageup (twice: the second round meets kept views); done
  when the new step's heading and its own content are drawn. The tour starts once
  the program's log says the other steps' views were built in idle time
  (``tui.prebuild``), as after a word about the agenda.
* ``commands`` (``bench.commands``, no pty): ``--help`` and ``catalogues`` from start
  to exit against ``python -c pass``, run with these.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fagworkshop.generate import generate_session
from fagworkshop_tools.bench.commands import commands
from fagworkshop_tools.bench.harness import Config, Size, child_env, each_size, guarded, label
from fagworkshop_tools.bench.stats import Row, Summary
from fagworkshop_tools.bench.terminal import FLOOR_TEXT, KEYS, Check, Terminal, has

APP = [sys.executable, "-m", "fagworkshop"]
FLOOR = [sys.executable, "-m", "fagworkshop_tools.bench.terminal", "floor"]

#: What shows a step is on screen with its own content (heading, then a marker of it).
STEP_DRAWN: dict[int, tuple[str, ...]] = {
    1: ("Trin 1: Ramme", "Deltagere"),
    2: ("Trin 2: Basiskompetencer",),
    3: ("Trin 3: Fagprofiler",),
    4: ("Trin 4: Medarbejdere", "Medarbejder  "),
    5: ("Trin 5: Kompetencehuller", "Forklaring:"),
    6: ("Trin 6: Handlingsplan", "Handlinger"),
    7: ("Trin 7: Opsamling",),
}


def _file(config: Config, size: Size, step: int, seed: int) -> Path:
    """A fresh generated session saved at ``step`` (each run types into its own copy)."""
    from fagworkshop.store.writing import save_session

    session = generate_session(*size, seed=seed)
    session.current_step = step
    session.frame.jobcenter = ""  # the field the typing scenario types into
    path = config.workdir / "terminal" / f"t-{label(size)}-{step}-{seed}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    save_session(session, path)
    return path


def _pauses(n: int, seed: int = 7) -> list[float]:
    rng = random.Random(seed)
    return [rng.uniform(0.1, 0.6) for _ in range(n)]


def _idle(term: Terminal, pause: float) -> None:
    """Wait ``pause`` seconds reading the screen (the app saves meanwhile); never timed."""
    term.drain(quiet=pause, timeout=pause + 0.05)


# --- cold start ---------------------------------------------------------------------


def terminal_start(config: Config) -> list[Row]:
    """A new process to its first complete screen: the demo against the one-label floor."""
    return guarded("T1 cold start", "demo", _start, config) + guarded(
        "T1 open", "2000 staff", _open_large, config
    )


def _first_screen(argv: list[str], config: Config, check: Check) -> float:
    with Terminal(argv, child_env(config)) as term:
        return term.wait(check, timeout=120, what="first screen") - term.started


def _start(config: Config) -> list[Row]:
    demo = [*APP, "demo"]
    demo_drawn = has("Trin ", "Afslut")
    floor_drawn = has(FLOOR_TEXT)
    _first_screen(FLOOR, config, floor_drawn)  # bytecode cached for both
    _first_screen(demo, config, demo_drawn)
    app: list[float] = []
    floor: list[float] = []
    for _ in range(config.start_repeat):
        floor.append(_first_screen(FLOOR, config, floor_drawn))
        app.append(_first_screen(demo, config, demo_drawn))
    return [
        Row(
            scenario="T1 cold start",
            case="fagworkshop demo, to first complete screen",
            value=Summary.of(app),
            floor=Summary.of(floor),
            floor_name="one-label app, new process",
            max_ratio=1.5,
            target="<= 1.5x floor",
        )
    ]


def _open_large(config: Config) -> list[Row]:
    size = (40, 30, 1) if config.quick else (2000, 120, 2)
    path = _file(config, size, 4, seed=4)
    argv = [*APP, "open", str(path)]
    drawn = has(*STEP_DRAWN[4])
    _first_screen(argv, config, drawn)  # untimed: the page cache and the bytecode warm
    samples = [_first_screen(argv, config, drawn) for _ in range(config.start_repeat)]
    return [
        Row(
            scenario="T1 open",
            case=f"open a {label(size)} file to its step",
            value=Summary.of(samples),
            limit_median=0.8,
            target="< 0.8 s",
        )
    ]


# --- keys in the grid ---------------------------------------------------------------


def _detail(lines: list[str]) -> str:
    """The lines under the grid naming the current cell and its level
    (``B2 ... · Bo Juhl 1``, ``Niveau 3 · ...``)."""
    return " | ".join(line for line in lines if "  ·  " in line or "Niveau " in line)


def _level(detail: str) -> int:
    """The level of the current cell in the detail, 0 when it has none."""
    found = re.search(r"Niveau (\d)", detail)
    return int(found.group(1)) if found else 0


def terminal_keys(config: Config) -> list[Row]:
    sizes = [(10, 20, 1)] if config.quick else [(300, 120, 2), (2000, 120, 2)]
    keys = 4 if config.quick else 40
    return each_size("T3 keys", [(size, keys) for size in sizes], _keys, config)


def _key_floor(config: Config, keys: int) -> list[float]:
    samples: list[float] = []
    with Terminal(FLOOR, child_env(config)) as term:
        term.wait(has(FLOOR_TEXT), timeout=60)
        term.drain(0.3)
        for i, pause in enumerate(_pauses(keys)):
            digit = str(i % 10)
            sent = term.send(digit)
            samples.append(term.wait(has(f"digit {digit}"), timeout=30) - sent)
            _idle(term, pause)
    return samples


def _keys(config: Config, size: Size, keys: int) -> list[Row]:
    floor = _key_floor(config, keys)
    path = _file(config, size, 4, seed=2)
    samples: dict[str, list[float]] = {"digit": [], "arrow": []}
    with Terminal([*APP, "open", str(path)], child_env(config)) as term:
        term.wait(has(*STEP_DRAWN[4]), timeout=120, what="the grid")
        term.drain(0.5)
        for i, pause in enumerate(_pauses(keys)):
            before = _detail(term.text())
            # digit, right, digit, left, down: the cursor stays on the first basic
            # competences, which matter for everyone (other cells refuse digits); a digit
            # is always a new level, so the cell's detail changes whether or not it moves on
            kind = "digit" if i % 5 in (0, 2) else "arrow"
            arrow = {1: "right", 3: "left", 4: "down"}.get(i % 5, "down")
            key = str((_level(before) + 1) % 5) if kind == "digit" else KEYS[arrow]
            sent = term.send(key)

            def changed(lines: list[str], before: str = before) -> bool:
                return _detail(lines) != before

            done = term.wait(changed, 30, f"a change (key {i}: {key!r})")
            samples[kind].append(done - sent)
            _idle(term, pause)
    both = samples["digit"] + samples["arrow"]
    big = size[0] >= 2000
    median, p95 = (0.03, 0.06) if big else (0.02, 0.04)
    return [
        Row(
            scenario="T3 keys",
            case=f"digit or arrow in the grid {label(size)}",
            value=Summary.of(both),
            floor=Summary.of(floor),
            floor_name="digit updates one label",
            limit_median=median,
            limit_p95=p95,
            target=f"median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms",
            extra={k: Summary.of(v).__dict__ for k, v in samples.items()},
        )
    ]


# --- typing in a text field ---------------------------------------------------------


def terminal_typing(config: Config) -> list[Row]:
    size = (10, 20, 1) if config.quick else (300, 120, 2)
    return guarded("T4 typing", label(size), _typing, config, size)


def _typing(config: Config, size: Size) -> list[Row]:
    word = "Kompetenceudvikling i Jobcenter Nord"[: 6 if config.quick else 36]
    path = _file(config, size, 1, seed=5)
    samples: list[float] = []
    with Terminal([*APP, "open", str(path)], child_env(config)) as term:
        term.wait(has(*STEP_DRAWN[1]), timeout=120, what="step 1")
        term.drain(0.5)
        term.send(KEYS["tab"])  # the jobcenter field (empty)
        term.drain(0.3)
        pauses = _pauses(len(word), seed=11)
        for i, pause in enumerate(pauses):
            shown = "▊  " + word[: i + 1]
            sent = term.send(word[i])
            samples.append(term.wait(has(shown), 30, repr(shown)) - sent)
            _idle(term, pause / 3)  # typing is faster than rating
    return [
        Row(
            scenario="T4 typing",
            case=f"a letter in a text field {label(size)}",
            value=Summary.of(samples),
            limit_median=0.016,
            limit_p95=0.03,
            target="median 16 ms, p95 30 ms",
        )
    ]


# --- step to step -------------------------------------------------------------------


def terminal_steps(config: Config) -> list[Row]:
    sizes = [(10, 20, 1)] if config.quick else [(300, 120, 2), (2000, 120, 2)]
    tours = 1 if config.quick else 2
    return each_size("T5 steps", [(size, tours) for size in sizes], _steps, config)


def _steps(config: Config, size: Size, tours: int) -> list[Row]:
    path = _file(config, size, 4, seed=6)
    # ctrl+pagedown / ctrl+pageup: the app's step keys that work whatever has the focus
    # (a digit goes to a list that takes the keyboard after the step is drawn)
    tour = [5, 6, 7, 6, 5, 4, 3, 2, 1, 2, 3, 4] * tours
    samples: dict[str, list[float]] = {}
    # the program builds the other steps' views while the room is quiet after opening
    # (tui.prebuild); the tour starts once its log says so, as a facilitator would after
    # a word about the agenda (untimed)
    logs = config.workdir / f"steps-log-{label(size)}"
    env = {**child_env(config), "FAGWORKSHOP_LOG_DIR": str(logs)}
    with Terminal([*APP, "open", str(path)], env) as term:
        term.wait(has(*STEP_DRAWN[4]), timeout=120, what="the grid")
        _wait_for_log(term, logs, "step views built", timeout=90)
        term.drain(0.5)
        here = 4
        for step in tour:
            sent = term.send(KEYS["ctrl+pagedown" if step > here else "ctrl+pageup"])
            done = term.wait(has(*STEP_DRAWN[step]), 60, f"step {step}")
            samples.setdefault(f"{here} to {step}", []).append(done - sent)
            here = step
            term.drain(0.6)  # the step takes the focus, the switch's save runs
    every = [s for v in samples.values() for s in v]
    limit = 0.3 if size[0] >= 2000 else 0.1
    return [
        Row(
            scenario="T5 steps",
            case=f"any step to any step {label(size)}",
            value=Summary.of(every),
            limit_p95=limit,
            target=f"< {limit * 1000:.0f} ms",
            extra={k: Summary.of(v).__dict__ for k, v in samples.items()},
        )
    ]


def _wait_for_log(term: Terminal, folder: Path, needle: str, timeout: float) -> None:
    """Read the screen (never timed) until the program's log holds ``needle``."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for log in folder.glob("*.log*"):
            if needle in log.read_text(encoding="utf-8", errors="replace"):
                return
        term.drain(0.2, timeout=0.3)
    raise TimeoutError(f"no {needle!r} in the log after {timeout} s")


#: The real-terminal scenarios, in the order of their table.
TERMINAL_SCENARIOS: list[Callable[[Config], list[Row]]] = [
    terminal_start,
    terminal_keys,
    terminal_typing,
    terminal_steps,
    commands,
]
