"""Excel and Word exports: opened back with openpyxl and python-docx and checked.

No office suite is installed here, so these check structure (sheets, cell
types, frozen panes, print settings, page breaks), not how a page looks.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from fagworkshop.cli import main
from fagworkshop.demo import build_demo
from fagworkshop.domain.analysis import CellState
from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.changes import new_session
from fagworkshop.export.common import default_output
from fagworkshop.export.docx_export import (
    HEAT_COLUMNS_PER_TABLE,
    render_docx,
    render_docx_people,
    render_person_docx,
)
from fagworkshop.export.formats import ALL_FORMATS, render_bytes
from fagworkshop.export.html import HEAT_COLOURS, HEAT_INK
from fagworkshop.export.xlsx_export import render_xlsx
from fagworkshop.generate import generate_session
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from test_export_sample import FULL_NAMES, hostile_session, sample_session

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def workbook(data: bytes) -> Any:  # openpyxl's cell values are a wide union
    return openpyxl.load_workbook(io.BytesIO(data))


def document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def xlsx_text(data: bytes) -> str:
    """Every value of every sheet, and the document title, as one text."""
    wb = workbook(data)
    out = [str(wb.properties.title or "")]
    for ws in wb:
        out.append(ws.title)
        for row in ws.iter_rows(values_only=True):
            out.append("\t".join("" if v is None else str(v) for v in row))
    return "\n".join(out)


def body_text(data: bytes) -> str:
    """Every paragraph and table cell of a document, one line each."""
    body = document(data).element.body
    return "\n".join(
        "".join(t.text or "" for t in node.iter(qn("w:t"))) for node in body.iter(qn("w:p"))
    )


def docx_text(data: bytes) -> str:
    """The body text and the document's title (what leaves the room)."""
    return str(document(data).core_properties.title or "") + "\n" + body_text(data)


def xlsx_dump(data: bytes) -> str:
    """A readable dump of a workbook for golden files: per sheet its settings and rows."""
    wb = workbook(data)
    out: list[str] = []
    for ws in wb:
        out.append(f"## {ws.title} (frozen {ws.freeze_panes}, filter {ws.auto_filter.ref})")
        for row in ws.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                if isinstance(value, dt.datetime):
                    value = value.date().isoformat()
                shown = "" if value is None else str(value)
                if cell.fill.fill_type == "solid" and ws.title == wb.sheetnames[0]:
                    shown += f"#{cell.fill.fgColor.rgb[-6:]}"
                cells.append(shown)
            out.append("\t".join(cells).rstrip("\t"))
    return "\n".join(out) + "\n"


def docx_dump(data: bytes) -> str:
    """A readable dump of a document for golden files: styled paragraphs, tables, breaks."""
    doc = document(data)
    out: list[str] = []
    for node in doc.element.body.iterchildren():
        if node.tag == qn("w:p"):
            text = "".join(t.text or "" for t in node.iter(qn("w:t")))
            style = node.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = style.get(qn("w:val")) if style is not None else ""
            if any(b.get(qn("w:type")) == "page" for b in node.iter(qn("w:br"))):
                out.append("---- page ----")
            if node.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                out.append("---- section ----")
            if text:
                out.append(f"[{name}] {text}" if name else text)
        elif node.tag == qn("w:tbl"):
            for tr in node.iter(qn("w:tr")):
                cells = [
                    "".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))
                ]
                out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


# --- Excel ------------------------------------------------------------------------------


def test_xlsx_sheets_cell_types_panes_filter_and_print_settings() -> None:
    demo = build_demo()
    wb = workbook(render_xlsx(demo))
    assert wb.sheetnames == [
        "Varmekort",
        "Vurderinger",
        "Lokale profiler",
        "Handlingsplan",
        "Udviklingsmål",
    ]
    heat = wb["Varmekort"]
    assert heat.freeze_panes == "B3"  # header and target rows, name column
    assert heat.print_title_cols == "$A:$A" and heat.print_title_rows == "$1:$2"
    for ws in wb:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert int(ws.page_setup.paperSize) == 9  # A4
    ratings = wb["Vurderinger"]
    assert ratings.freeze_panes == "A2"
    assert ratings.auto_filter.ref == f"A1:T{ratings.max_row}"  # R-T: own, difference, wish
    header = [c.value for c in ratings[1]]
    assert header[:5] == ["Jobcenter", "Enhed", "Runde", "Rundedato", header[4]]
    assert "initialer" in header[4]
    col = {name: i for i, name in enumerate(header)}
    rows = list(ratings.iter_rows(min_row=2, values_only=True))
    assert len(rows) > 100
    rated = [r for r in rows if r[col["Niveau"]] is not None]
    assert rated and all(isinstance(r[col["Niveau"]], int) for r in rated)
    assert all(isinstance(r[col["Runde"]], int) for r in rows)
    assert all(isinstance(r[col["Rundedato"]], dt.datetime) for r in rows)
    gaps = [r[col["Hul (niveauer)"]] for r in rows if r[col["Hul (niveauer)"]] is not None]
    assert gaps and all(isinstance(g, int) and g >= 0 for g in gaps) and max(gaps) >= 1
    assert ratings.cell(2, col["Rundedato"] + 1).number_format == "dd-mm-yyyy"
    assert {r[col["Har men bruger ikke"]] for r in rows} == {"Ja", "Nej"}
    # every person of every round is there
    assert {r[col["Runde"]] for r in rows} == {rnd.number for rnd in demo.rounds}
    assert len({r[4] for r in rows}) == len(demo.staff)
    # local profiles with real numbers, the plan with date cells
    profiles = wb["Lokale profiler"]
    first = [c.value for c in profiles[2]]
    assert isinstance(first[1], int) and isinstance(first[2], int)
    plan = wb["Handlingsplan"]
    deadlines = [r[5] for r in plan.iter_rows(min_row=2, values_only=True) if r[5] is not None]
    assert deadlines and all(isinstance(d, dt.datetime) for d in deadlines)
    assert plan.max_row == len(demo.actions) + 1


def test_xlsx_heat_map_is_coloured_as_the_report() -> None:
    wb = workbook(render_xlsx(build_demo()))
    ws = wb["Varmekort"]
    by_sign: dict[str, set[str]] = {}
    for row in ws.iter_rows(min_row=3, min_col=2, max_row=14):
        for cell in row:
            if isinstance(cell.value, str) and cell.value:
                by_sign.setdefault(cell.value[-1], set()).add(cell.fill.fgColor.rgb[-6:])
    assert by_sign["+"] == {HEAT_COLOURS[CellState.ABOVE].lstrip("#").upper()}
    assert by_sign["!"] == {HEAT_COLOURS[CellState.FAR_BELOW].lstrip("#").upper()}
    assert by_sign["-"] == {HEAT_COLOURS[CellState.ONE_BELOW].lstrip("#").upper()}
    # the legend under the map names every state and the codes
    text = xlsx_text(render_xlsx(build_demo()))
    assert "Farvernes betydning" in text and "over målet" in text and "\nK1\t" in text


def test_xlsx_heat_map_digits_read_on_their_fill() -> None:
    """Each cell's text has the HTML report's ink for its fill: white on the dark red."""
    ws = workbook(render_xlsx(build_demo()))["Varmekort"]
    ink = {
        HEAT_COLOURS[state].lstrip("#").upper(): HEAT_INK[state].lstrip("#").upper()
        for state in CellState
    }
    seen: set[str] = set()
    for row in ws.iter_rows(min_row=3, min_col=2, max_row=14):
        for cell in row:
            if isinstance(cell.value, str) and cell.value:
                fill = cell.fill.fgColor.rgb[-6:]
                seen.add(fill)
                assert cell.font.color is not None and cell.font.color.rgb[-6:] == ink[fill]
    assert HEAT_COLOURS[CellState.FAR_BELOW].lstrip("#").upper() in seen
    assert HEAT_INK[CellState.FAR_BELOW] == "#ffffff"


@pytest.mark.parametrize("with_names", [False, True], ids=["initials", "names"])
def test_xlsx_hostile_text_is_text_never_a_formula(with_names: bool) -> None:
    data = render_xlsx(hostile_session(), with_names)
    wb = workbook(data)
    starts = 0
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                value = cell.value
                if isinstance(value, str):
                    assert not UNSAFE.search(value), (ws.title, cell.coordinate)
                    if value.lstrip(" ").startswith(("=", "+", "-", "@")):
                        starts += 1
                        assert cell.quotePrefix, (ws.title, cell.coordinate, value)
    assert starts >= 4  # = in the initials, @ in the unit, + and - in wordings and owners
    text = xlsx_text(data)
    assert "[b]fed[/b]" in text and "<script>alert(1)</script>" in text
    assert ("=1+1" in text) != with_names  # the hostile initials, shown when names are not
    # and the raw file holds no formula element at all
    assert b"<f>" not in _zip_members(data)


def _zip_members(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))


# --- Word -------------------------------------------------------------------------------


def _page_break_before(paragraph_element: Any) -> bool:
    """Whether a page break or a new-page section ends right before this paragraph."""
    prev = paragraph_element.getprevious()
    if prev is None:
        return False
    breaks = [b for b in prev.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    return bool(breaks) or prev.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None


def test_docx_has_the_report_then_one_page_per_person() -> None:
    demo = build_demo()
    doc = document(render_docx(demo))
    sheets = [p for p in doc.paragraphs if p.text.startswith("Udviklingssamtale: ")]
    assert len(sheets) == len(demo.staff)
    assert all(_page_break_before(p._p) for p in sheets)
    assert doc.paragraphs[0].style.name == "Title"
    text = docx_text(render_docx(demo))
    for heading in ("Ramme", "Lokale profiler", "Kompetencehuller", "Varmekort", "Handlingsplan"):
        assert heading in text, heading
    # each sheet: profiles, ratings against target, gaps, goals, actions, room for notes
    for heading in (
        "Niveau mod målniveau",
        "Huller",
        "Udviklingsmål",
        "Handlinger personen er med i",
        "Noter fra samtalen",
    ):
        assert text.count(heading) >= len(demo.staff), heading
    # the heat map sits on a landscape page between portrait pages
    orientations = [s.orientation for s in doc.sections]
    assert [int(o) for o in orientations] == [0, 1, 0]


def test_docx_person_sheet_content() -> None:
    demo = build_demo()
    person = next(p for p in demo.staff if p.goals)
    text = body_text(render_person_docx(demo, person.id))
    assert text.count("Udviklingssamtale: ") == 1
    assert f"Udviklingssamtale: {person.initials}" in text
    assert person.goals[0].text in text
    mine = [a for a in demo.actions if person.id in a.for_whom]
    assert mine and all(a.title in text for a in mine)
    profile = next(p for p in demo.profiles if p.id in person.profiles)
    assert profile.name in text
    others = [a for a in demo.actions if a.for_whom and person.id not in a.for_whom]
    assert all(a.title not in text for a in others)


def test_docx_per_person_files_and_names() -> None:
    demo = build_demo()
    files = render_docx_people(demo)
    assert [label for label, _ in files] == [p.initials for p in demo.staff]
    for _label, data in files:
        assert body_text(data).count("Udviklingssamtale: ") == 1


def test_docx_renders_any_report_for_other_exports() -> None:
    from fagworkshop.export.docx_export import render_report_docx
    from fagworkshop.export.person_sheet import build_person_sheet

    demo = build_demo()
    sheet = build_person_sheet(demo, demo.staff[0].id)
    doc = document(render_report_docx(sheet))
    assert doc.paragraphs[0].style.name == "Heading 1"
    assert doc.paragraphs[0].text == sheet.title
    assert "Niveau mod målniveau" in body_text(render_report_docx(sheet))


def test_docx_wide_heat_map_is_split_into_groups_with_their_own_key() -> None:
    session = generate_session(staff=6, competences=60, rounds=1, seed=5)
    doc = document(render_docx(session))
    heat_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Medarbejder"]
    assert len(heat_tables) == -(-60 // HEAT_COLUMNS_PER_TABLE)  # 3 groups of at most 24
    codes = [c.text for t in heat_tables for c in t.rows[0].cells[1:]]
    assert len(codes) >= 60 and len(set(codes)) == len(codes)
    keys = [p.text for p in doc.paragraphs if p.text.startswith("Kode: ")]
    assert len(keys) == len(heat_tables)
    # every table repeats the name column and has no more columns than fit a landscape page
    assert all(len(t.columns) <= HEAT_COLUMNS_PER_TABLE + 1 for t in heat_tables)


def test_docx_heat_map_digits_read_on_their_fill() -> None:
    """Each heat-map cell's runs have the HTML report's ink for its fill: white on dark red."""
    doc = document(render_docx(build_demo()))
    ink = {
        HEAT_COLOURS[state].lstrip("#").upper(): HEAT_INK[state].lstrip("#").upper()
        for state in CellState
    }
    heat_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Medarbejder"]
    assert heat_tables
    seen: set[str] = set()
    for table in heat_tables:
        for row in table.rows[2:]:
            for cell in row.cells[1:]:
                shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
                if shd is None:  # another table with a staff column, not the heat map
                    continue
                fill = shd.get(qn("w:fill"))
                seen.add(fill)
                for run in (r for p in cell.paragraphs for r in p.runs if r.text):
                    assert str(run.font.color.rgb) == ink[fill]
    assert HEAT_COLOURS[CellState.FAR_BELOW].lstrip("#").upper() in seen


def test_docx_hostile_text_is_kept_literally() -> None:
    data = render_docx(hostile_session(), True)
    text = docx_text(data)
    assert not UNSAFE.search(text)
    assert "[b]fed[/b]" in text and "<script>alert(1)</script>" in text
    assert "=cmd|' /C calc'!A0" in text


# --- both -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_office_formats_hold_no_full_names_without_with_names(fmt: str) -> None:
    s = sample_session()
    s.actions[0].transfer_plan = "Anna Holm viser Carla Krogh rundt. Mette Sørensen følger op."
    extract = xlsx_text if fmt == "xlsx" else docx_text
    hidden = extract(render_bytes(fmt, s, False))
    for name in (*FULL_NAMES, "Mette Sørensen", "Jens Ø. Lund"):
        assert name not in hidden, (fmt, name)
    assert "initialer" in hidden
    shown = extract(render_bytes(fmt, s, True))
    assert "Bo Juhl" in shown and "Dorte Ærø" in shown


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_office_formats_handle_a_session_without_people_or_rounds(fmt: str) -> None:
    s = new_session(Catalogue(id="x", title="X"), "Tom")
    s.rounds = []
    data = render_bytes(fmt, s, False)
    assert data.startswith(b"PK")
    if fmt == "docx":
        assert "Udviklingssamtale" not in docx_text(data)


def test_all_formats_listed() -> None:
    assert ALL_FORMATS == ("md", "html", "csv", "toml", "xlsx", "docx")


# --- the command ------------------------------------------------------------------------


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.toml"
    save_session(build_demo(), path)
    return path


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_command_writes_office_files_owner_only(
    demo_file: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(demo_file), "--format", fmt]) == 0
    out = default_output(demo_file, fmt)
    assert out.read_bytes().startswith(b"PK") and (out.stat().st_mode & 0o777) == 0o600
    assert main(["export", str(demo_file), "--format", fmt]) == 1
    assert "findes allerede" in capsys.readouterr().err


def test_command_per_person(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mus"
    assert main(["export", str(demo_file), "-f", "docx", "--per-person", "-o", str(folder)]) == 0
    files = sorted(folder.glob("*.docx"))
    assert len(files) == len(build_demo().staff)
    assert all((f.stat().st_mode & 0o777) == 0o600 for f in files)
    assert folder / "demo-AP.docx" in files
    # a second run refuses before writing anything, and --per-person is for docx only
    assert main(["export", str(demo_file), "-f", "docx", "--per-person", "-o", str(folder)]) == 1
    assert main(["export", str(demo_file), "-f", "md", "--per-person"]) == 1
    assert "docx" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("with_names", [False, True], ids=["initials", "names"])
def test_hostile_session_file_exports_cleanly(tmp_path: Path, fmt: str, with_names: bool) -> None:
    """The fuzz's hostile file (markup, control codes, bidi, formulas, ../) loaded by the store."""
    from fagworkshop_tools.fuzz.hostile import hostile_session_file

    session = load_session(hostile_session_file(tmp_path))
    data = render_bytes(fmt, session, with_names)
    text = xlsx_text(data) if fmt == "xlsx" else docx_text(data)
    assert not UNSAFE.search(text)
    assert "[@click=app.quit]" in text or "x [/] y" in text
    if fmt == "xlsx":
        assert b"<f>" not in _zip_members(data)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_any_text_is_stored_as_text_never_a_formula(values: list[str]) -> None:
    """The cell rule of the workbook, for every text: a string comes back, never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from fagworkshop.export.xlsx_export import plain

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("x")
    for value in values:
        ws.append([plain(ws, value)])
    buffer = io.BytesIO()
    wb.save(buffer)
    back = workbook(buffer.getvalue())["x"]
    for row, value in zip(back.iter_rows(), values, strict=True):
        cell = row[0]
        assert cell.data_type != "f"
        expected = ILLEGAL_CHARACTERS_RE.sub("", re.sub("[\ud800-\udfff]", "", value))
        assert (cell.value or "") == expected, (value, cell.value)
