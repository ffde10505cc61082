"""The benchmark's scenarios: each times the application next to its floor.

Every scenario is a function ``(Config) -> list[Row]``; a scenario whose code
is missing or fails returns a row with ``error`` set instead of raising, so
one broken part never hides the others' numbers.

What every scenario shares (sizes, sessions, child processes) is in
:mod:`.harness`; the scenarios without a screen in :mod:`.headless`, those
that drive the app in :mod:`.in_app`. This module lists them and runs them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from fagworkshop_tools.bench.harness import (
    Config,
    Size,
    child_env,
    guarded,
    label,
    run_child,
    session_file,
    session_of,
    temporary_workdir,
)
from fagworkshop_tools.bench.headless import (
    analysis,
    cold_start,
    load_and_save,
    memory,
)
from fagworkshop_tools.bench.in_app import (
    TERMINAL,
    gaps,
    keypress,
    open_app_for_memory,
)
from fagworkshop_tools.bench.stats import Row

#: Every scenario in the order of the table.
SCENARIOS: list[Callable[[Config], list[Row]]] = [
    cold_start,
    load_and_save,
    keypress,
    gaps,
    analysis,
    memory,
]


def run_all(
    config: Config,
    only: set[str] | None = None,
    progress: Callable[[str], None] | None = None,
    scenarios: list[Callable[[Config], list[Row]]] | None = None,
) -> list[Row]:
    """Every scenario (or those whose name is in ``only``), in order."""
    rows: list[Row] = []
    for scenario in SCENARIOS if scenarios is None else scenarios:
        if only and scenario.__name__ not in only:
            continue
        if progress:
            progress(scenario.__name__)
        gc.collect()
        rows += scenario(config)
    return rows


__all__ = [
    "Config",
    "SCENARIOS",
    "Size",
    "TERMINAL",
    "analysis",
    "child_env",
    "cold_start",
    "gaps",
    "guarded",
    "keypress",
    "label",
    "load_and_save",
    "memory",
    "open_app_for_memory",
    "run_all",
    "run_child",
    "session_file",
    "session_of",
    "temporary_workdir",
]
