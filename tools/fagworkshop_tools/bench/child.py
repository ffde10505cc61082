"""Entry points for the benchmark's own processes (cold start and memory).

``python -m fagworkshop_tools.bench.child MODE [PATH]`` runs one job headless and
prints one line of JSON: the wall-clock time of the first frame drawn and the
peak resident memory (``ru_maxrss``). The parent measures from just before it
starts the process.

Modes: ``floor`` (OneLabelApp), ``demo`` (``fagworkshop demo``, exactly as the
console script runs it), ``memory-floor PATH`` (the file as plain dicts plus
OneLabelApp), ``memory-app PATH`` (the session loaded by the store and open in
the app, showing steps 4 and 5).

To see the first frame, ``textual.app.App.run`` is made headless and
``App._display`` exits the app after its first frame of the app's first
complete screen.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any

#: Set by this module in the environment of the process it measures; the app
#: can look at it, but the hook below works without the app's help.
EXIT_AFTER_FIRST_PAINT = "FAGWORKSHOP_BENCH_EXIT_AFTER_FIRST_PAINT"

_first_paint: list[float] = []


def _install_first_paint_exit() -> None:
    """Make every Textual app in this process headless and exit at its first frame."""
    from textual.app import App

    original_run = App.run
    original_display = App._display

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        kwargs["headless"] = True
        return original_run(self, *args, **kwargs)

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        original_display(self, screen, renderable)
        if renderable is None or _first_paint or not _ready(self):
            return
        _first_paint.append(time.time())
        self.exit()

    App.run = run  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]


def _ready(app: Any) -> bool:
    """Whether the app's first complete screen is up.

    fagworkshop's app is ready once its step view is mounted (before that a
    frame shows an empty screen); any other app is ready at its first frame.
    """
    current_view = getattr(app, "current_view", None)
    if current_view is None:
        return True
    view = current_view()
    return view is not None and view.is_mounted


def _report(**extra: Any) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out = {
        "first_paint": _first_paint[0] if _first_paint else None,
        "maxrss_kb": usage.ru_maxrss,
        **extra,
    }
    stdout = sys.__stdout__  # the real one: the app has replaced sys.stdout
    assert stdout is not None
    stdout.write(json.dumps(out) + "\n")
    stdout.flush()


def main(argv: list[str]) -> int:
    """Run one measured job; see the module docstring."""
    mode = argv[0]
    if mode != "memory-app":
        os.environ[EXIT_AFTER_FIRST_PAINT] = "1"
        _install_first_paint_exit()
    code = 0
    if mode == "floor":
        from fagworkshop_tools.bench.floors import OneLabelApp

        OneLabelApp().run()
    elif mode == "demo":
        from fagworkshop.cli import main as cli_main

        result = cli_main(["demo"])
        code = result if isinstance(result, int) else 0
    elif mode == "memory-floor":
        from pathlib import Path

        from fagworkshop_tools.bench.floors import OneLabelApp, load_plain

        data = load_plain(Path(argv[1]))
        OneLabelApp().run()
        del data
    elif mode == "memory-app":
        from pathlib import Path

        from fagworkshop_tools.bench.scenarios import open_app_for_memory

        open_app_for_memory(Path(argv[1]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    _report()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
