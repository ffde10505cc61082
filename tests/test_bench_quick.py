"""The benchmark's quick variant: every scenario runs at a small size and gives sane numbers.

Timings are not asserted at all here (the suite runs on busy machines); the
point is that the scenarios cannot rot unnoticed. ``make bench`` runs the
full sizes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fagworkshop_tools.bench import scenarios
from fagworkshop_tools.bench.__main__ import main, table
from fagworkshop_tools.bench.scenarios import Config
from fagworkshop_tools.bench.stats import Row, Summary, percentile


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(quick=True, workdir=tmp_path)


def _sane(rows: list[Row], *, at_most: float = float("inf")) -> None:
    """Every row ran and its numbers are ordered; no bound on a duration (make bench)."""
    assert rows
    for row in rows:
        assert row.error is None, f"{row.scenario} {row.case}: {row.error}"
        assert row.value is not None and row.floor is not None
        assert 0 < row.value.min <= row.value.median <= row.value.p95 < at_most
        assert 0 < row.floor.min <= row.floor.median < at_most
        assert row.ratio is not None and row.ratio > 0
        assert row.ok is not None


def test_percentile_and_summary() -> None:
    assert percentile([5.0], 95) == 5.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0
    s = Summary.of([3.0, 1.0, 2.0])
    assert (s.n, s.min, s.median, s.p95) == (3, 1.0, 2.0, 3.0)


def test_row_checks_ratio_and_limits() -> None:
    row = Row("x", "y", value=Summary.of([1.0]), floor=Summary.of([0.5]), max_ratio=1.5)
    assert row.ratio == 2.0 and row.ok is False
    row = Row("x", "y", value=Summary.of([0.1, 0.3]), floor=Summary.of([0.1]), limit_p95=0.2)
    assert row.ok is False
    assert Row("x", "y", error="boom").ok is None


def test_load_and_save(config: Config) -> None:
    rows = scenarios.load_and_save(config)
    _sane(rows)
    assert {r.case.split()[0] for r in rows} == {"load", "save"}


def test_analysis(config: Config) -> None:
    _sane(scenarios.analysis(config))


def test_cold_start(config: Config) -> None:
    _sane(scenarios.cold_start(config))


def test_memory(config: Config) -> None:
    rows = scenarios.memory(config)
    _sane(rows, at_most=5000.0)  # MB, not seconds
    assert rows[0].floor is not None and rows[0].floor.min > 10  # MB: Python + Textual


def test_keypress(config: Config) -> None:
    rows = scenarios.keypress(config)
    _sane(rows)
    assert rows[0].extra["last_change_on_disk_after_s"] > 0  # the file was checked


def test_gaps_step(config: Config) -> None:
    _sane(scenarios.gaps(config))


def test_commands(config: Config) -> None:
    """--help and the cached catalogue listing against python -c pass (issue 13)."""
    from fagworkshop_tools.bench.commands import commands

    rows = commands(config)
    _sane(rows)
    assert [r.case.split()[3] for r in rows] == ["--help", "catalogues"]
    assert {r.max_ratio for r in rows} == {5.0}


def test_main_writes_json_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    assert main(["--quick", "--only", "analysis", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["quick"] is True and data["machine"]["nproc"] >= 1
    assert data["rows"][0]["scenario"] == "4 analysis"
    assert "| 4 analysis |" in capsys.readouterr().out


def test_table_shows_errors() -> None:
    assert "ERROR: boom" in table([Row("1 cold start", "demo", error="boom")])


def test_cli_start_does_not_load_the_exporters() -> None:
    """Cold start: the renderers (and the analysis) load only when an export is made, and
    the export commands' own modules only when one of them runs (issue 13: they were
    imported for their declarations, about 8 ms of every start)."""
    import subprocess
    import sys

    code = (
        "import sys, fagworkshop.cli as c; p = c.build_parser(); "
        "print(p.parse_args(['export', 'x.toml']).command_name); "
        "print(sorted(m for m in sys.modules if m.startswith('fagworkshop.export.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("export\n")  # the subcommand is still registered
    assert "fagworkshop.export.formats" not in out.stdout
    assert "fagworkshop.export.command" not in out.stdout


def test_save_from_a_snapshot(tmp_path: Path) -> None:
    """The app saves a plain snapshot taken on the UI thread; later changes stay out of it."""
    from fagworkshop.domain import changes
    from fagworkshop.generate import generate_session
    from fagworkshop.store.reading import load_session
    from fagworkshop.store.writing import save_session, session_snapshot

    session = generate_session(5, 10, 1, seed=4)
    snapshot = session_snapshot(session)
    before = session.model_dump()
    person = session.staff[0]
    competence = session.relevant_competences(person)[0]
    old = session.rounds[-1].ratings[person.id][competence]
    changes.set_rating(session, person.id, competence, (old + 1) % 5)
    save_session(snapshot, tmp_path / "s.toml")
    assert load_session(tmp_path / "s.toml").model_dump() == before


def test_staff_progress_counts_as_per_person() -> None:
    """The step bar's cached count equals counting person by person."""
    from fagworkshop.domain.progress import staff_progress
    from fagworkshop.generate import generate_session

    session = generate_session(30, 25, 1, seed=5)
    session.rounds[-1].ratings.pop(session.staff[0].id)
    rnd = session.rounds[-1]
    done = total = 0
    for person in session.staff:
        relevant = session.relevant_competences(person)
        total += len(relevant)
        done += sum(1 for c in relevant if c in rnd.ratings.get(person.id, {}))
    progress = staff_progress(session)
    assert (progress.done, progress.total) == (done, total)


def test_real_terminal_scenarios_run(config: Config) -> None:
    """The pseudo-terminal scenarios (issue 13) run the real program at a small size."""
    from fagworkshop_tools.bench import real_terminal

    for scenario in real_terminal.TERMINAL_SCENARIOS:
        rows = scenario(config)
        assert rows
        for row in rows:
            assert row.error is None, f"{row.scenario} {row.case}: {row.error}"
            assert row.value is not None and 0 < row.value.min <= row.value.median
