"""A person's own data (issue 12 item 5): ``export SESSION --person ID``, everything about
that one person, free-text mentions included, and nothing about anyone else."""

from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from fagworkshop.cli import main
from fagworkshop.demo import build_demo
from fagworkshop.domain import changes
from fagworkshop.domain.session import Decision, Goal, Session
from fagworkshop.export.person import (
    build_person_report,
    render_person_html,
    render_person_markdown,
)
from fagworkshop.store.writing import save_session


def session_with_mentions() -> Session:
    s = build_demo()
    anna, emil = s.staff[0], s.staff[4]  # Anna Prøvesen (AP), Emil Fiktivsen
    assert anna.name == "Anna Prøvesen" and emil.name == "Emil Fiktivsen"
    anna.goals.append(Goal(text="Anna vil lære mere om brancheanalyse"))
    s.step(2).decisions.append(
        Decision(text="Emil  Fiktivsen og Anna Prøvesens team starter. Ikke relevant her.")
    )
    s.step(5).notes = "Lise ved mest om jobrotation.\nANNA PRØVESEN holder oplæg."
    cid = s.relevant_competences(anna)[0]
    changes.set_rating_note(s, anna.id, cid, "Bruger det med Bilal hver uge")
    return s


def other_forms(s: Session, person_id: str) -> list[str]:
    """Every way the others in the session may be written."""
    forms = []
    for p in s.staff:
        if p.id != person_id:
            forms += [p.name, p.name.upper(), *p.name.split()]
    for participant in s.frame.participants:
        forms += [participant.name, *participant.name.split()]
    return forms


@pytest.mark.parametrize("render", [render_person_markdown, render_person_html])
def test_own_data_holds_the_person_and_nobody_else(render: Callable[[Session, str], str]) -> None:
    s = session_with_mentions()
    anna = s.staff[0]
    out = render(s, anna.id)
    assert "Anna Prøvesen" in out and "Virksomhedskonsulent" in out
    assert "Anna vil lære mere om brancheanalyse" in out
    assert "Bruger det med [anden person] hver uge" in out
    # mentions elsewhere: the sentence and its place, other people hidden
    assert "Trin 2 Basiskompetencer: aftale" in out
    assert "[anden person] og Anna Prøvesens team starter." in out
    assert "Ikke relevant her" not in out  # another sentence, not about her
    assert "ANNA PRØVESEN holder oplæg." in out
    assert "jobrotation" not in out
    assert "følger AP de første måneder" in out
    assert "[anden person] følger AP på virksomhedsbesøg" in out
    data = out.encode("utf-8")
    for form in other_forms(s, anna.id):
        if form in ("Anna",):  # her own first name, shared with nobody here
            continue
        assert not re.search(rb"(?<!\w)" + re.escape(form.encode()) + rb"(?!\w)", data), form
    for p in s.staff[1:]:
        assert f"**{p.initials}:**" not in out and f" {p.initials} " not in out


def test_own_data_report_is_a_report_model() -> None:
    s = session_with_mentions()
    report = build_person_report(s, s.staff[0].id)
    assert report.title == "Egne oplysninger: Anna Prøvesen"
    with pytest.raises(KeyError):
        build_person_report(s, "nobody")


def test_cli_writes_markdown_and_html_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = session_with_mentions()
    path = tmp_path / "w.toml"
    save_session(s, path)
    pid = s.staff[0].id
    assert main(["export", str(path), "--person", pid]) == 0
    md = tmp_path / "eksport" / f"w-{pid}-egne-data.md"
    html = tmp_path / "eksport" / f"w-{pid}-egne-data.html"
    docx = tmp_path / "eksport" / f"w-{pid}-egne-data.docx"
    for f in (md, html, docx):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
        data = f.read_bytes()
        if f == docx:  # a zip: read the document's XML
            with zipfile.ZipFile(docx) as z:
                data = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
        assert "Anna Prøvesen".encode() in data, f.name
        assert b"Emil" not in data and b"Fiktivsen" not in data, f.name
        assert b"[anden person]" in data, f.name
    assert main(["export", str(path), "--person", pid]) == 1  # exists: needs --force
    assert str(md) in capsys.readouterr().err
    assert main(["export", str(path), "--person", pid, "--force", "--format", "html"]) == 0
    assert main(["export", str(path), "--person", pid, "-f", "md", "-o", "-"]) == 0
    assert "# Egne oplysninger: Anna Prøvesen" in capsys.readouterr().out


def test_cli_output_file_names_the_format(tmp_path: Path) -> None:
    """Was: ``--person ID -o x.md`` made a folder named x.md holding all three formats."""
    s = session_with_mentions()
    path = tmp_path / "w.toml"
    save_session(s, path)
    pid = s.staff[0].id
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(path), "--person", pid, "-o", str(out / "x.md")]) == 0
    assert main(["export", str(path), "--person", pid, "-o", str(out / "y.HTML")]) == 0
    assert (out / "x.md").is_file() and (out / "y.HTML").is_file()
    assert (out / "x.md").read_text(encoding="utf-8").startswith("# Egne oplysninger: Anna")
    assert "<html" in (out / "y.HTML").read_text(encoding="utf-8").lower()
    assert sorted(p.name for p in out.iterdir()) == ["x.md", "y.HTML"]
    # a folder that exists keeps its meaning, whatever its name ends in
    (out / "mappe.md").mkdir()
    assert main(["export", str(path), "--person", pid, "-o", str(out / "mappe.md")]) == 0
    assert len(list((out / "mappe.md").iterdir())) == 3
    assert main(["export", str(path), "--person", pid, "-o", str(out / "ny.2026") + "/"]) == 0
    assert len(list((out / "ny.2026").iterdir())) == 3


def test_cli_output_file_in_no_person_format_is_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: ``-o x.txt`` made a folder named x.txt holding all three formats."""
    path = tmp_path / "w.toml"
    save_session(session_with_mentions(), path)
    assert main(["export", str(path), "--person", "p-1", "-o", str(tmp_path / "x.txt")]) == 1
    err = capsys.readouterr().err
    assert ".txt" in err and ".md, .html eller .docx" in err and "Traceback" not in err
    assert not (tmp_path / "x.txt").exists()


def test_cli_unknown_person_or_format_is_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = session_with_mentions()
    path = tmp_path / "w.toml"
    save_session(s, path)
    assert main(["export", str(path), "--person", "p-nobody"]) == 1
    err = capsys.readouterr().err
    assert "p-nobody" in err and "p-1" in err and "Traceback" not in err
    assert main(["export", str(path), "--person", "p-1", "--format", "csv"]) == 1
    assert "csv" in capsys.readouterr().err
    assert not [f for f in tmp_path.rglob("*") if f.suffix in (".md", ".html", ".docx")]


def test_export_without_format_or_person_says_what_to_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.toml"
    save_session(session_with_mentions(), path)
    assert main(["export", str(path)]) == 1
    err = capsys.readouterr().err
    assert "--format" in err and "--person" in err and "Traceback" not in err


def test_exports_naming_finds_earlier_exports_that_mention_the_person(tmp_path: Path) -> None:
    from fagworkshop.export.leftovers import exports_naming

    s = session_with_mentions()
    path = tmp_path / "w.toml"
    save_session(s, path)
    for args in (
        ["--format", "md"],
        ["--format", "xlsx"],
        ["--person", "p-2"],
        ["--person", "p-1"],
    ):
        assert main(["export", str(path), *args]) == 0
    (tmp_path / "eksport" / "andet.txt").write_text("Intet om nogen her", encoding="utf-8")
    found = {p.name for p in exports_naming(s, "p-1", path)}
    # the summary names her by initials, the workbook too, her own data by name;
    # Bilal's own data does not name her (she is [anden person] there)
    assert found == {
        "w.md",
        "w.xlsx",
        "w-p-1-egne-data.md",
        "w-p-1-egne-data.html",
        "w-p-1-egne-data.docx",
    }
    assert exports_naming(s, "p-1", None) == []


def test_cli_format_and_an_output_named_for_another_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: ``--person p-1 --format docx -o x.md`` wrote a Word file named x.md."""
    path = tmp_path / "w.toml"
    save_session(session_with_mentions(), path)
    out = tmp_path / "x.md"
    assert main(["export", str(path), "--person", "p-1", "--format", "docx", "-o", str(out)]) == 1
    assert "--format md" in capsys.readouterr().err
    assert not out.exists()
    assert main(["export", str(path), "--person", "p-1", "--format", "md", "-o", str(out)]) == 0
    assert out.is_file()
