"""Attack: large files load within limits or are refused at once, never a silent wait.

The suite runs the small stand-ins (1,000 staff; a 50 MB file that is sparse,
so it costs nothing to make); ``python -m fagworkshop_tools.fuzz --large`` runs
10,000 staff and a real, valid 50 MB session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fagworkshop.i18n import set_language
from fagworkshop.store import parsing
from fagworkshop.store.errors import FileProblem, SaveFailed
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop_tools.fuzz import large


def test_large_files_load_in_time_or_are_refused_clearly(tmp_path: Path) -> None:
    report = large.run_large(tmp_path, full=False)
    assert report.problems == 0, report.results
    outcomes = {r.name: r.outcome for r in report.results}
    assert outcomes == {"1000_staff": "loaded", "50_mb_file": "refused"}


def test_the_refusal_says_how_big_the_file_is_and_the_limit(tmp_path: Path) -> None:
    set_language("en")
    try:
        p = tmp_path / "big.toml"
        with p.open("wb") as f:
            f.truncate(parsing.MAX_FILE_BYTES + 1)
        try:
            load_session(p)
        except FileProblem as exc:
            message = exc.describe()
        assert "32.0 MB" in message and "at most 32 MB" in message and str(p) in message
    finally:
        set_language("da")


def test_the_fifty_megabyte_maker_makes_a_valid_session(tmp_path: Path) -> None:
    p = large.fifty_megabytes(tmp_path, target_bytes=300_000)
    assert p.stat().st_size > 300_000
    assert len(load_session(p).staff) == 400


def test_the_store_never_writes_a_file_it_would_refuse_to_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fagworkshop.generate import generate_session

    p = tmp_path / "w.toml"
    small = generate_session(staff=2, competences=3, rounds=1)
    save_session(small, p)
    before = p.read_bytes()
    monkeypatch.setattr(parsing, "MAX_FILE_BYTES", len(before) + 10)
    bigger = generate_session(staff=20, competences=3, rounds=1)
    try:
        save_session(bigger, p)
    except SaveFailed as exc:
        assert "MB" in exc.describe() and str(p) in exc.describe()
    else:
        raise AssertionError("a file over the read limit was written")
    assert p.read_bytes() == before
    load_session(p)


def test_validate_says_so_before_reading_a_large_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fagworkshop import cli
    from fagworkshop.generate import generate_session
    from fagworkshop_tools.fuzz.runner import run_cli

    p = tmp_path / "w.toml"
    save_session(generate_session(staff=30, competences=10, rounds=1), p)
    assert "Læser" not in run_cli(["validate", str(p)])[1]
    monkeypatch.setattr(cli, "LARGE_FILE_BYTES", 1000)
    code, out = run_cli(["validate", str(p)])
    assert code == 0 and f"Læser {p}" in out and "MB" in out
