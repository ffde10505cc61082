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


def _print(title: str, counts: dict[str, Any]) -> None:
    print(f"\n{title}")
    for key, value in counts.items():
        print(f"  {key:<26} {value}")


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
            _print("Fuzzed files", report.counts())
            for finding in report.findings[:20]:
                print(f"  ! {str(finding)[:400]}")
            results["files"] = report.counts()
            ok &= report.ok
        if args.kills:
            from fagworkshop_tools.fuzz import kills

            print(f"\nKilling {args.kills} saves of a growing {kills.FULL} session", flush=True)
            k = kills.run_kills(
                folder / "kills", args.kills, size=kills.FULL, max_delay=0.3, seed=args.seed
            )
            fresh = kills.run_fresh_kills(folder / "fresh", max(3, args.kills // 50))
            _print("Kills during save (forked children)", k.counts())
            _print("Kills during save (fresh interpreters)", fresh.counts())
            for kill_finding in (k.findings + fresh.findings)[:20]:
                print(f"  ! {kill_finding[:400]}")
            results["kills"] = k.counts()
            results["fresh_kills"] = fresh.counts()
            ok &= k.ok and fresh.ok
        if args.typing_kills:
            from fagworkshop_tools.fuzz import typing_kills

            print(
                f"\nRating in the real program, then {args.typing_kills} SIGKILLs "
                "(and SIGHUP, SIGTERM, ctrl+c, ctrl+q between them)",
                flush=True,
            )
            tk = typing_kills.run_typing_kills(folder / "typing", args.typing_kills, seed=args.seed)
            _print("Keys lost when the program ends", tk.counts())
            for text in tk.findings[:20]:
                print(f"  ! {text[:400]}")
            results["typing_kills"] = tk.counts()
            ok &= tk.ok
        if args.large:
            from fagworkshop_tools.fuzz import large

            print("\nLarge files", flush=True)
            lr = large.run_large(folder / "large", full=True)
            _print("Large files", lr.counts())
            results["large"] = lr.counts()
            ok &= lr.problems == 0
        if args.truncations:
            from fagworkshop_tools.fuzz import truncation

            print("\nCutting the demo file at every byte offset", flush=True)
            tr = truncation.sweep(folder / "truncations")
            _print("Truncations of the demo file", tr.counts())
            for text in tr.findings[:20]:
                print(f"  ! {text}")
            results["truncations"] = tr.counts()
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
