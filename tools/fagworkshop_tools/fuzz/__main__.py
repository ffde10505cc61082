"""``python -m fagworkshop_tools.fuzz``: the full-size attack run, with counts.

    python -m fagworkshop_tools.fuzz --cases 5000 --kills 500 --large --truncations

prints the counts of each part (cases tried, tracebacks, files changed,
unclear messages, wrong exit codes, control characters, hangs; kills survived,
lost and corrupt files, stuck locks; large files) and exits 1 if any count
that must be zero is not. ``--json PATH`` also writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m fagworkshop_tools.fuzz",
        description="Fuzz session and catalogue files, kill saves, try large files.",
    )
    p.add_argument("--cases", type=int, default=0, help="fuzzed files to try (0: none)")
    p.add_argument("--kills", type=int, default=0, help="SIGKILLs during save (0: none)")
    p.add_argument("--large", action="store_true", help="the 10,000-staff and 50 MB files")
    p.add_argument(
        "--truncations", action="store_true", help="the demo file cut at every byte offset"
    )
    p.add_argument(
        "--typing-kills",
        type=int,
        default=0,
        help="SIGKILLs of the real program while rating at 4-10 keys/s (0: none)",
    )
    p.add_argument("--seed", type=int, default=20261122, help="random seed of the run")
    p.add_argument(
        "--subprocess-every", type=int, default=100, help="also run every Nth case in a new process"
    )
    p.add_argument("--keep", action="store_true", help="keep the scratch folder")
    p.add_argument("--json", type=Path, default=None, help="also write the counts here")
    return p


def _show(results: dict[str, Any], key: str, title: str, counts: dict[str, Any]) -> None:
    """Print a part's counts under ``title`` and keep them as ``results[key]`` (the JSON)."""
    print(f"\n{title}")
    for name, value in counts.items():
        print(f"  {name:<26} {value}")
    results[key] = counts


def _findings(findings: Sequence[object]) -> None:
    """The first 20 findings of a part, each cut at 400 characters."""
    for finding in findings[:20]:
        print(f"  ! {str(finding)[:400]}")


def main(argv: list[str] | None = None) -> int:
    """Run the parts asked for; 0 when every count that must be zero is zero."""
    args = _parser().parse_args(argv)
    if not (args.cases or args.kills or args.large or args.truncations or args.typing_kills):
        args.cases, args.kills, args.large = 300, 30, False
    from fagworkshop.i18n import set_language

    set_language("da")
    folder = Path(tempfile.mkdtemp(prefix="fagworkshop-fuzz-"))
    results: dict[str, Any] = {"seed": args.seed, "started": time.strftime("%Y-%m-%d %H:%M")}
    ok = True
    try:
        if args.cases:
            from fagworkshop_tools.fuzz import mutators, runner

            def progress(report: runner.FuzzReport) -> None:
                if report.cases % 500 == 0:
                    found = len(report.findings)
                    print(f"  ... {report.cases} cases, {found} findings", flush=True)

            print(f"Fuzzing {args.cases} files (seed {args.seed})", flush=True)
            cases = mutators.cases(args.cases, seed=args.seed, small=False)
            report = runner.run_cases(
                cases, folder / "files", subprocess_every=args.subprocess_every, progress=progress
            )
            runner.run_specials(folder / "files", report)
            _show(results, "files", "Fuzzed files", report.counts())
            _findings(report.findings)
            ok &= report.ok
        if args.kills:
            from fagworkshop_tools.fuzz import kills

            print(f"\nKilling {args.kills} saves of a growing {kills.FULL} session", flush=True)
            k = kills.run_kills(
                folder / "kills", args.kills, size=kills.FULL, max_delay=0.3, seed=args.seed
            )
            fresh = kills.run_fresh_kills(folder / "fresh", max(3, args.kills // 50))
            _show(results, "kills", "Kills during save (forked children)", k.counts())
            _show(results, "fresh_kills", "Kills during save (fresh interpreters)", fresh.counts())
            _findings(k.findings + fresh.findings)
            ok &= k.ok and fresh.ok
        if args.typing_kills:
            from fagworkshop_tools.fuzz import typing_kills

            print(
                f"\nRating in the real program, then {args.typing_kills} SIGKILLs "
                "(and SIGHUP, SIGTERM, ctrl+c, ctrl+q between them)",
                flush=True,
            )
            tk = typing_kills.run_typing_kills(folder / "typing", args.typing_kills, seed=args.seed)
            _show(results, "typing_kills", "Keys lost when the program ends", tk.counts())
            _findings(tk.findings)
            ok &= tk.ok
        if args.large:
            from fagworkshop_tools.fuzz import large

            print("\nLarge files", flush=True)
            lr = large.run_large(folder / "large", full=True)
            _show(results, "large", "Large files", lr.counts())
            ok &= lr.problems == 0
        if args.truncations:
            from fagworkshop_tools.fuzz import truncation

            print("\nCutting the demo file at every byte offset", flush=True)
            tr = truncation.sweep(folder / "truncations")
            _show(results, "truncations", "Truncations of the demo file", tr.counts())
            _findings(tr.findings)
            ok &= tr.ok
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"\nScratch folder kept: {folder}")
    results["ok"] = ok
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print("\nRESULT:", "all zero where they must be" if ok else "PROBLEMS FOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
