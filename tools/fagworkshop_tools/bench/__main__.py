"""``python -m fagworkshop_tools.bench [--quick] [--json PATH] [--only NAME ...]``.

Prints the table and writes the same as JSON (``bench/results.json`` by
default). Exits 1 when a scenario could not run; a missed target is shown in
the table (and in the JSON as ``ok: false``) but is not an error of the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

from fagworkshop_tools.bench.real_terminal import TERMINAL_SCENARIOS
from fagworkshop_tools.bench.scenarios import SCENARIOS, Config, run_all, temporary_workdir
from fagworkshop_tools.bench.stats import Row


def machine() -> dict[str, Any]:
    """What the numbers were measured on: cores, CPU, Python, Textual, load."""
    import textual

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "textual": textual.__version__,
        "platform": platform.platform(),
        "loadavg": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.0f} MB"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def table(rows: list[Row]) -> str:
    """The results as a Markdown table (read as well in a terminal as in the docs)."""
    head = ["scenario", "case", "min", "median", "p95", "floor median", "ratio", "target", "ok"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if r.error:
            cells = [r.scenario, r.case, "-", "-", "-", "-", "-", r.target, f"ERROR: {r.error}"]
        else:
            v, f = r.value, r.floor
            cells = [
                r.scenario,
                r.case,
                _fmt(v.min if v else None, r.unit),
                _fmt(v.median if v else None, r.unit),
                _fmt(v.p95 if v and v.n > 1 else None, r.unit),
                (_fmt(f.median, r.unit) + f" ({r.floor_name})") if f else "-",
                f"{r.ratio:.2f}x" if r.ratio is not None else "-",
                r.target,
                {True: "yes", False: "NO", None: "-"}[r.ok],
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    everything = SCENARIOS + TERMINAL_SCENARIOS
    names = [s.__name__ for s in everything]
    parser = argparse.ArgumentParser(prog="python -m fagworkshop_tools.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument("--json", type=Path, default=Path("bench/results.json"), metavar="PATH")
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME", help=", ".join(names))
    parser.add_argument(
        "--in-process", action="store_true", help="only the in-process scenarios (no terminal)"
    )
    parser.add_argument(
        "--terminal", action="store_true", help="only the real-terminal scenarios (a pty)"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    info = machine()
    with temporary_workdir() as workdir:
        config = Config(quick=args.quick, workdir=Path(workdir))
        chosen = (
            SCENARIOS if args.in_process else TERMINAL_SCENARIOS if args.terminal else everything
        )
        rows = run_all(
            config,
            set(args.only) if args.only else None,
            progress=lambda name: print(f"running {name} ...", file=sys.stderr, flush=True),
            scenarios=chosen,
        )
    elapsed = time.perf_counter() - started
    info["loadavg_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(table(rows))
    print(
        f"\n{info['nproc']} cores, {info['cpu']}, Python {info['python']}, "
        f"Textual {info['textual']}; load average {info['loadavg']} before, "
        f"{info['loadavg_after']} after; {elapsed:.0f} s in all"
        + (" (quick)" if args.quick else "")
    )
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "elapsed_s": elapsed,
        "machine": info,
        "rows": [r.as_dict() for r in rows],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r.error for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
