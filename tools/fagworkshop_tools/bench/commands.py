"""The commands that read no session: ``--help`` and ``catalogues`` against ``python -c pass``.

A person types ``fagworkshop --help`` or ``fagworkshop catalogues`` and waits
for the prompt to come back; issue 13 asks for at most 5 times what a bare
interpreter takes to start and stop. Each round runs ``python -c pass``,
``python -m fagworkshop --help`` and ``python -m fagworkshop catalogues`` in
turn (so a machine getting busier hits all three alike), each from its start to
its exit, output thrown away; the ratio is median against median.

All three get the measured children's environment (``child_env``: bytecode
cached as in an installed program, folders in the work folder) with a cache
folder of their own (``XDG_CACHE_HOME``), in which one untimed ``catalogues``
first keeps the listing (``store.catalogue_list``): the timed runs list from
it, as every run after the first does on a user's machine.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from fagworkshop_tools.bench.harness import Config, child_env, guarded
from fagworkshop_tools.bench.stats import Row, Summary

FLOOR = [sys.executable, "-c", "pass"]
HELP = [sys.executable, "-m", "fagworkshop", "--help"]
CATALOGUES = [sys.executable, "-m", "fagworkshop", "catalogues"]

#: The target against ``python -c pass`` (issue 13).
MAX_RATIO = 5.0


def _env(config: Config) -> dict[str, str]:
    """``child_env`` with a cache folder of this scenario's own (warmed by the first run)."""
    env = child_env(config)
    env["XDG_CACHE_HOME"] = str(config.workdir / "commands-cache")
    env.pop("FAGWORKSHOP_CACHE_DIR", None)  # the user's default cache place, not an override
    return env


def _run(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the start to the exit; a failed run raises."""
    start = time.perf_counter()
    proc = subprocess.run(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise RuntimeError(f"{' '.join(argv[1:])} exited {proc.returncode}: {' | '.join(tail)}")
    return elapsed


def commands(config: Config) -> list[Row]:
    """``--help`` and ``catalogues`` (listing cached) against ``python -c pass``."""
    return guarded("commands", "--help, catalogues", _commands, config)


def _commands(config: Config) -> list[Row]:
    env = _env(config)
    for argv in (FLOOR, HELP, CATALOGUES):  # untimed: bytecode and the listing cached
        _run(argv, env)
    if not any(Path(env["XDG_CACHE_HOME"]).rglob("catalogues.json")):
        raise RuntimeError("catalogues kept no listing in the cache folder")
    samples: dict[str, list[float]] = {"floor": [], "help": [], "catalogues": []}
    for _ in range(1 if config.quick else 21):
        for name, argv in (("floor", FLOOR), ("help", HELP), ("catalogues", CATALOGUES)):
            samples[name].append(_run(argv, env))
    floor = Summary.of(samples["floor"])
    cases = (
        ("help", "python -m fagworkshop --help"),
        ("catalogues", "python -m fagworkshop catalogues (listing cached)"),
    )
    return [
        Row(
            scenario="commands",
            case=case,
            value=Summary.of(samples[name]),
            floor=floor,
            floor_name="python -c pass",
            max_ratio=MAX_RATIO,
            target=f"<= {MAX_RATIO:.0f}x floor",
        )
        for name, case in cases
    ]
