"""The workshop as a Word document (python-docx), and the sheets for the appraisal talk.

:func:`render_docx` writes the summary report, then one page per person
("Udviklingssamtale", for the MUS talk), each starting on a new page.
:func:`render_docx_people` gives one document per person instead
(``--per-person``), :func:`render_person_docx` one person's sheet alone, and
:func:`render_report_docx` any report (a person's own-data export).
Everything comes from the report model (:mod:`~fagworkshop.export.report`,
:mod:`~fagworkshop.export.person_sheet`), so names are hidden exactly as in
the other formats unless ``with_names``.

Word has no markup in plain text, so user text is written as runs as it is;
characters XML cannot hold are dropped. The heat map goes on landscape pages,
split into column groups that each repeat the name column and carry their own
code key, so a wide map is never cut.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from fagworkshop.domain.analysis import analyse, build_index
from fagworkshop.domain.session import Session
from fagworkshop.export import report_model as model
from fagworkshop.export.common import labels
from fagworkshop.export.html import HEAT_COLOURS, HEAT_INK
from fagworkshop.export.person_sheet import build_person_sheet
from fagworkshop.export.report import build_report
from fagworkshop.i18n import t

#: Heat-map columns per table on a landscape A4 page (the name column comes on top).
HEAT_COLUMNS_PER_TABLE = 24
#: The paragraph style of table cells (made in every new document).
TABLE_STYLE = "FwTableText"
#: Empty lines left for notes taken during the talk.
TALK_NOTE_LINES = 4

# Characters an XML 1.0 document cannot hold (python-docx refuses them), and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: str) -> str:
    """Text Word can store: characters XML 1.0 forbids are dropped."""
    return _NOT_XML.sub("", value)


# --- low-level helpers ---------------------------------------------------------------


def _runs(paragraph: DocxParagraph, value: str, *, bold: bool = False) -> None:
    """Add text as runs, user line breaks kept as breaks."""
    for i, part in enumerate(xml_safe(value).split("\n")):
        if i:
            paragraph.add_run().add_break()
        run = paragraph.add_run(part)
        if bold:  # setting None would still add an empty run-properties element
            run.bold = True


def _shade(cell: _Cell, colour: str) -> None:
    """Fill a table cell with a colour (``#rrggbb``)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shd)


def _ink(cell: _Cell, colour: str) -> None:
    """Colour the text of a table cell (``#rrggbb``), so it reads on the cell's fill."""
    rgb = RGBColor.from_string(colour.lstrip("#").upper())
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = rgb


def _repeat_header(table: DocxTable) -> None:
    """The first row repeats at the top of each page the table runs onto."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _cell_text(
    cell: _Cell, value: str, *, bold: bool = False, align: WD_ALIGN_PARAGRAPH | None = None
) -> None:
    paragraph = cell.paragraphs[0]
    paragraph._p.style = TABLE_STYLE  # 9 pt, no space after: one attribute, not one per run
    _runs(paragraph, value, bold=bold)
    if align is not None:
        paragraph.alignment = align


def _styled(doc: DocumentObject, style_id: str) -> DocxParagraph:
    """A new paragraph in a style given by id (python-docx's look-up by name costs ms)."""
    paragraph = doc.add_paragraph()
    paragraph._p.style = style_id
    return paragraph


def _grid_table(doc: DocumentObject, rows: int, cols: int) -> DocxTable:
    table = doc.add_table(rows=rows, cols=cols)
    table._tbl.tblStyle_val = "TableGrid"
    return table


def _new_section(doc: DocumentObject, landscape: bool) -> None:
    """Start a new page in portrait or landscape A4."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape)


def _page(section: Section, landscape: bool) -> None:
    short, long = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = long if landscape else short
    section.page_height = short if landscape else long
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _new_document(title: str) -> DocumentObject:
    doc = Document()
    _page(doc.sections[0], landscape=False)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    # Compact headings, so a person's sheet fits on one page.
    for name, size, before in (("Heading 1", 15, 10), ("Heading 2", 12, 8), ("Heading 3", 11, 6)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(2)
    table_text = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(0)
    doc.core_properties.title = xml_safe(title)[:255]
    doc.core_properties.author = "fagworkshop"
    return doc


# --- blocks ---------------------------------------------------------------------------


def _block(doc: DocumentObject, block: model.Block) -> None:
    if isinstance(block, model.Paragraph):
        _runs(doc.add_paragraph(), block.text)
    elif isinstance(block, model.Facts):
        for label, value in block.items:
            paragraph = doc.add_paragraph()
            _runs(paragraph, f"{label}: ", bold=True)
            _runs(paragraph, value)
    elif isinstance(block, model.Bullets):
        for lead, rest in block.items:
            paragraph = _styled(doc, "ListBullet")
            if lead:
                _runs(paragraph, f"{lead}: " if rest else lead, bold=True)
            _runs(paragraph, rest)
    elif isinstance(block, model.Table):
        _table(doc, block)
    elif isinstance(block, model.HeatMap):
        _heat_map(doc, block)
    else:  # pragma: no cover - a new block type must be added here
        raise TypeError(f"unknown block {block!r}")


def _table(doc: DocumentObject, block: model.Table) -> None:
    table = _grid_table(doc, 1, len(block.header))
    header = table.rows[0].cells
    for i, title in enumerate(block.header):
        cell = header[i]
        right = WD_ALIGN_PARAGRAPH.RIGHT if i in block.numeric else None
        _cell_text(cell, title, bold=True, align=right)
        _shade(cell, "#EEEEEE")
    for row in block.rows:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            right = WD_ALIGN_PARAGRAPH.RIGHT if i in block.numeric else None
            _cell_text(cells[i], value, align=right)
    _repeat_header(table)
    doc.add_paragraph()


def _heat_map(doc: DocumentObject, block: model.HeatMap) -> None:
    total = len(block.columns)
    for start in range(0, total, HEAT_COLUMNS_PER_TABLE):
        stop = min(start + HEAT_COLUMNS_PER_TABLE, total)
        if total > HEAT_COLUMNS_PER_TABLE:
            if start:
                doc.add_page_break()
            _runs(
                doc.add_paragraph(),
                t("docx.heat_map.split", first=start + 1, last=stop, total=total),
                bold=True,
            )
        table = _grid_table(doc, 2, 1 + stop - start)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        codes, targets = table.rows[0].cells, table.rows[1].cells
        _cell_text(codes[0], t("export.staff"), bold=True)
        _cell_text(targets[0], t("export.target_row"), bold=True)
        centre = WD_ALIGN_PARAGRAPH.CENTER
        for j, i in enumerate(range(start, stop), 1):
            _cell_text(codes[j], block.columns[i][0], bold=True, align=centre)
            _shade(codes[j], "#EEEEEE")
            _cell_text(targets[j], block.targets[i], align=centre)
        for label, cells in block.rows:
            row = table.add_row().cells
            _cell_text(row[0], label, bold=True)
            for j, i in enumerate(range(start, stop), 1):
                heat = cells[i]
                _cell_text(row[j], heat.text + ("*" if heat.unused else ""), align=centre)
                _shade(row[j], HEAT_COLOURS[heat.state])
                _ink(row[j], HEAT_INK[heat.state])
        _repeat_header(table)
        for row_ in table.rows:
            row_.cells[0].width = Cm(3.2)
        # Each group carries its own code key.
        key = "; ".join(f"{code} {title}" for code, title in block.columns[start:stop])
        paragraph = doc.add_paragraph()
        _runs(paragraph, f"{t('export.code')}: ", bold=True)
        _runs(paragraph, key)
        for run in paragraph.runs:
            run.font.size = Pt(8)


def _heading(doc: DocumentObject, value: str, level: int) -> None:
    if value:
        _runs(_styled(doc, f"Heading{level}"), value)


def _report(doc: DocumentObject, report: model.Report, *, first: bool = True) -> None:
    """Write a report into the document: title, lead facts, notice, sections."""
    _runs(_styled(doc, "Title" if first else "Heading1"), report.title)
    if first:
        for label, value in report.lead:
            paragraph = doc.add_paragraph()
            _runs(paragraph, f"{label}: ", bold=True)
            _runs(paragraph, value)
    else:  # a one-page sheet: the facts on one line
        paragraph = doc.add_paragraph()
        for i, (label, value) in enumerate(report.lead):
            _runs(paragraph, (" · " if i else "") + f"{label}: ", bold=True)
            _runs(paragraph, value)
    notice = doc.add_paragraph()
    _runs(notice, report.notice)
    for run in notice.runs:
        run.italic = True
        run.font.size = Pt(8)
    for section in report.sections:
        has_map = any(isinstance(b, model.HeatMap) for b in section.blocks)
        if has_map:
            _new_section(doc, landscape=True)
        _heading(doc, section.title, max(1, section.level - 1))
        for block in section.blocks:
            _block(doc, block)
        if section.css_class == "notes":
            for _ in range(TALK_NOTE_LINES):
                doc.add_paragraph("_" * 80)
        if has_map:
            _new_section(doc, landscape=False)


def _save(doc: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --- entry points ---------------------------------------------------------------------


def person_sheets(session: Session, with_names: bool = False) -> Iterable[tuple[str, model.Report]]:
    """``(person id, sheet)`` for every member of staff, in staff order (one analysis)."""
    idx = build_index(session)
    result = analyse(session, index=idx)
    for person in session.staff:
        yield (
            person.id,
            build_person_sheet(session, person.id, with_names, index=idx, analysis=result),
        )


def render_docx(session: Session, with_names: bool = False) -> bytes:
    """The summary report, then one "Udviklingssamtale" page per person, as .docx bytes."""
    report = build_report(session, with_names)
    doc = _new_document(report.title)
    _report(doc, report)
    for _pid, sheet in person_sheets(session, with_names):
        doc.add_page_break()
        _report(doc, sheet, first=False)
    return _save(doc)


def render_report_docx(report: model.Report, *, sheet: bool = True) -> bytes:
    """Any report of the report model as a Word document (``sheet``: compact, as a
    person's page; else laid out as the summary). A person's own-data export
    (``export.person.build_person_report``) is written with this."""
    doc = _new_document(report.title)
    _report(doc, report, first=not sheet)
    return _save(doc)


def render_person_docx(session: Session, person_id: str, with_names: bool = False) -> bytes:
    """One person's sheet alone (``KeyError`` for an unknown id), as .docx bytes."""
    sheet = build_person_sheet(session, person_id, with_names)
    doc = _new_document(sheet.title)
    _report(doc, sheet, first=False)
    return _save(doc)


def render_docx_people(session: Session, with_names: bool = False) -> list[tuple[str, bytes]]:
    """One document per person: ``(how the person appears, .docx bytes)`` in staff order."""
    shown = labels(session, with_names)
    out: list[tuple[str, bytes]] = []
    for pid, sheet in person_sheets(session, with_names):
        doc = _new_document(sheet.title)
        _report(doc, sheet, first=False)
        out.append((shown[pid], _save(doc)))
    return out
