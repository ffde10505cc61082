"""Attack: fuzzed files. Broken, odd and hostile session and catalogue files.

300 mutated files (the full run, ``python -m fagworkshop_tools.fuzz --cases 5000``,
makes 5,000) go through the loader and ``fagworkshop validate``, in-process and
for a sample in a fresh process: no traceback, exit status 1 with the file
named for every refusal (0 for what loads), no control character printed,
nothing hangs, and the file is unchanged. Below that, one test per problem the
fuzzer found, each of which failed before its fix.
"""

from __future__ import annotations

import os
import random
import tomllib
from pathlib import Path
from typing import Any

import pytest

from fagworkshop.store import parsing, reading
from fagworkshop.store.reading import load_any
from fagworkshop_tools.fuzz import mutators, runner


@pytest.fixture(scope="module")
def seeds() -> list[mutators.Seed]:
    return mutators.seeds(small=True)


def test_300_fuzzed_files_give_clear_answers_and_stay_untouched(tmp_path: Path) -> None:
    cases = mutators.cases(300, seed=20261122, max_bytes=300_000)
    report = runner.run_cases(cases, tmp_path, subprocess_every=60)
    assert report.cases == 300
    assert report.subprocess_runs == 5
    assert report.ok, "\n".join(str(f) for f in report.findings[:10])
    # the mutations are not all harmless: most files are refused, some still load
    assert report.refused > 150 and report.accepted > 10


def test_special_paths_give_clear_answers(tmp_path: Path) -> None:
    report = runner.run_specials(tmp_path, every_in_a_process=False)
    assert report.cases == 9 and report.subprocess_runs == 3
    assert report.ok, "\n".join(str(f) for f in report.findings)


def test_every_mutation_changes_the_file_and_is_deterministic(seeds: list[mutators.Seed]) -> None:
    for mutation in mutators.ALL_MUTATIONS:
        for base in seeds:
            desc, data = mutators.mutate(random.Random(1), base, mutation, 100_000)
            again = mutators.mutate(random.Random(1), base, mutation, 100_000)
            assert (desc, data) == again, mutation.__name__
            assert data != base.data or "crlf" in mutation.__name__, (mutation.__name__, desc)


def test_the_seeds_are_valid_files(seeds: list[mutators.Seed], tmp_path: Path) -> None:
    kinds = {s.kind for s in seeds}
    assert kinds == {"session", "catalogue"}
    for s in seeds:
        p = tmp_path / "seed.toml"
        p.write_bytes(s.data)
        load_any(p)


def test_the_checker_catches_what_it_should(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runner itself: a traceback, a silent message and a changed file are all counted."""
    p = tmp_path / "x.toml"
    p.write_bytes(b"x = [")
    report = runner.FuzzReport()

    def broken(path: Path) -> None:
        path.write_bytes(b"changed")
        raise KeyError("boom")

    monkeypatch.setattr(reading, "load_any", broken)
    runner.check_file(p, "self-test", report, in_process_cli=False, subprocess_cli=False)
    assert report.tracebacks == 1 and report.files_changed == 1
    report = runner.FuzzReport()
    runner._check_message(report, "t", "w", p, "bad \x1b[2J no name", refused=True)
    assert report.control_chars == 1 and report.unclear_messages == 1


# --- problems the fuzzer found, one test each ----------------------------------------------


def validate(path: Path) -> tuple[int, str]:
    return runner.run_cli(["validate", str(path)])


def test_a_deeply_dotted_key_is_refused_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: 12 to 30 s in tomllib for a 46 KB file (quadratic in the depth).

    "At once" means before the parser sees it (not a wall-clock bound, issue 13).
    """

    def never(*args: object, **kwargs: object) -> object:
        raise AssertionError("the parser was given the deep key")

    monkeypatch.setattr(parsing.toml_parser, "loads", never)
    p = tmp_path / "deep.toml"
    p.write_text("deep" + ".a" * 20_000 + " = 1\n")
    code, out = validate(p)
    assert code == 1 and "dybt" in out and "linje 1" in out


def test_a_table_header_of_many_parts_is_refused_but_normal_nesting_loads(tmp_path: Path) -> None:
    p = tmp_path / "deep.toml"
    p.write_text("[deep" + ".a" * 5_000 + "]\nx = 1\n")
    assert validate(p)[0] == 1
    tomllib.loads("a" + ".a" * 63 + " = 1")  # the limit is far beyond any real file


def test_control_characters_in_a_key_are_shown_escaped(
    tmp_path: Path, seeds: list[mutators.Seed]
) -> None:
    """Was: the ESC of a key like "x\\u001b[2J" reached the terminal in the problem's place."""
    p = tmp_path / "w.toml"
    p.write_bytes(b'"fuzz\\u001b]0;pwned\\u0007key" = 1\n' + seeds[0].data)
    code, out = validate(p)
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "\\u001b" in out  # shown, so the user can find it in the file


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """Was: validate blocked forever opening a named pipe with no writer."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    p = tmp_path / "pipe.toml"
    os.mkfifo(p)
    code, out = runner.run_process(["validate", str(p)], timeout=20)
    assert code == 1 and "almindelig fil" in out


def test_a_device_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a link to /dev/zero read 200 MB before it was refused."""
    p = tmp_path / "zero.toml"
    p.symlink_to("/dev/zero")
    opened: list[object] = []
    real_open = Path.open

    def watched(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watched)
    code, out = validate(p)
    assert code == 1 and "almindelig fil" in out
    assert p not in opened  # refused from its stat, never read (not a wall-clock bound)


def test_a_file_name_too_long_is_a_clear_problem(tmp_path: Path) -> None:
    """Was: a traceback from describe() asking whether NAME.toml.bak exists."""
    p = tmp_path / ("n" * 300 + ".toml")
    code, out = validate(p)
    assert code == 1 and "Traceback" not in out and "for lang" in out


def test_control_characters_in_a_file_name_are_not_printed(
    tmp_path: Path, seeds: list[mutators.Seed]
) -> None:
    """Was: the OK line of validate printed the raw ESC and C1 bytes of the file name."""
    p = tmp_path / "ok-\x1b[2J\x9b31m.toml"
    p.write_bytes(seeds[0].data)
    code, out = validate(p)
    assert code == 0
    assert "\x1b" not in out and "\x9b" not in out and "\\u001b" in out


def test_every_mutation_copes_with_an_empty_document() -> None:
    """Was: a stacked mutation on a whitespace-only file stopped the 5,000-case run."""
    for data in (b"", b" \n", b"x = 1\n"):
        base = mutators.Seed("tiny", "session", data, tomllib.loads(data.decode()))
        for mutation in mutators.ALL_MUTATIONS:
            desc, out = mutators.mutate(random.Random(3), base, mutation, 10_000)
            assert isinstance(out, bytes) and desc
