"""``fagworkshop export``: files written, clear errors with exit status 1."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from fagworkshop.cli import main
from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.store.writing import save_session
from test_export_sample import FULL_NAMES, sample_session


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.toml"
    save_session(sample_session(), path)
    return path


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("md", "workshop.md"), ("html", "workshop.html"), ("csv", "workshop.csv"),
     ("toml", "workshop-profiler.toml")],
)  # fmt: skip
def test_export_goes_to_the_eksport_folder(
    session_file: Path, fmt: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 15 item 6: beside the sessions, in eksport/, never among the workshops.
    assert main(["export", str(session_file), "--format", fmt]) == 0
    out = session_file.parent / "eksport" / name
    assert out.exists()
    assert sorted(p.name for p in session_file.parent.glob("*.toml")) == [session_file.name]
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    content = out.read_bytes().decode("utf-8")
    for full in FULL_NAMES:
        assert full not in content
    assert str(out) in capsys.readouterr().err
    if fmt == "toml":
        Catalogue.model_validate(tomllib.loads(content))


def test_with_names_and_output_option(session_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ud" / "navne.md"
    out.parent.mkdir()
    assert (
        main(["export", str(session_file), "--format", "md", "-o", str(out), "--with-names"]) == 0
    )
    assert "Bo Juhl" in out.read_text(encoding="utf-8")


def test_existing_file_needs_force(session_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = session_file.parent / "eksport" / "workshop.md"
    out.parent.mkdir()
    out.write_text("mine", encoding="utf-8")
    assert main(["export", str(session_file), "--format", "md"]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and str(out) in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "mine"
    assert main(["export", str(session_file), "--format", "md", "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Kompetenceværksted")


def test_unknown_format(session_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(session_file), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "pdf" in err and "md, html, csv, toml" in err


def test_bad_session_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("title = [unclosed\n", encoding="utf-8")
    assert main(["export", str(bad), "--format", "md"]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    assert not (tmp_path / "bad.md").exists()


def test_missing_session_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nope.toml"), "--format", "csv"]) == 1
    assert "nope.toml" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        assert (
            main(["export", str(session_file), "--format", "md", "-o", str(locked / "x.md")]) == 1
        )
        err = capsys.readouterr().err
        assert "x.md" in err and "Traceback" not in err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_missing_folder(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "findes-ikke" / "x.html"
    assert main(["export", str(session_file), "--format", "html", "-o", str(target)]) == 1
    assert "x.html" in capsys.readouterr().err


def test_output_that_is_a_folder(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["export", str(session_file), "--format", "md", "-o", str(tmp_path), "--force"]) == 1
    )
    assert str(tmp_path) in capsys.readouterr().err


def test_never_overwrites_the_session_itself(
    session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = session_file.read_bytes()
    args = ["export", str(session_file), "--format", "toml", "-o", str(session_file), "--force"]
    assert main(args) == 1
    assert session_file.read_bytes() == before
    assert "workshop" in capsys.readouterr().err


def test_stdout(session_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(session_file), "--format", "csv", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.lstrip("\ufeff").startswith("jobcenter;enhed;runde;rundedato;")


def test_english_messages(session_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "export", str(session_file), "--format", "odt"]) == 1
    assert "Unknown format" in capsys.readouterr().err


def test_path_under_a_file_is_unwritable_even_for_root(
    session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = session_file / "x.md"  # a "folder" that is a file
    assert main(["export", str(session_file), "--format", "md", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "x.md" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("fmt", "name", "named"),
    [("md", "x.xlsx", "xlsx"), ("csv", "x.HTML", "html"), ("xlsx", "x.docx", "docx")],
)
def test_output_named_for_another_format_is_refused(
    session_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    name: str,
    named: str,
) -> None:
    """Was: ``--format md -o x.xlsx`` wrote Markdown text into x.xlsx (found in a walk)."""
    out = tmp_path / name
    assert main(["export", str(session_file), "--format", fmt, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"--format {named}" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(("fmt", "name"), [("md", "x.txt"), ("toml", "x.toml"), ("md", "x")])
def test_output_in_its_own_or_no_export_suffix_is_written(
    session_file: Path, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    assert main(["export", str(session_file), "--format", fmt, "-o", str(out)]) == 0
    assert out.is_file()
