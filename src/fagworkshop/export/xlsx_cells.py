"""Cells of the Excel workbook: text that is always text (never a formula), dates in
the Danish format, header rows, print setup and the styles the sheets share.

openpyxl would turn a value starting with ``=`` into a formula, so the type is set
by hand, and a cell starting with ``= + - @`` also gets Excel's quote prefix so
editing it in Excel keeps it text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from fagworkshop.i18n import t

#: Excel's limit on the characters of one cell.
MAX_CELL = 32_767
DATE_FORMAT = "dd-mm-yyyy"
#: A text starting with one of these is a formula when typed into a spreadsheet.
FORMULA_START = ("=", "+", "-", "@")

Value = str | int | float | bool | dt.date | None
_SURROGATES = re.compile("[\ud800-\udfff]")

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="EEEEEE")
_THIN = Side(style="thin", color="777777")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center")


def put(ws: Worksheet, value: Value, **style: object) -> Cell:
    """One cell for ``ws.append``: text is always text (never a formula), dates get a format.

    ``style`` sets cell attributes (``font``, ``fill``, ``border``, ``alignment``).
    """
    cell = WriteOnlyCell(ws, value=None)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", _SURROGATES.sub("", value))[:MAX_CELL]
        cell.value = value
        # openpyxl makes "=..." a formula; a stored string is never run by Excel.
        cell.data_type = "s"
        if value.lstrip(" ").startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def plain(ws: Worksheet, value: Value) -> Value | Cell:
    """A value as ``ws.append`` takes it: as it is when openpyxl stores it right, else a cell.

    Numbers, yes/no and ordinary text pass straight through (most of a big
    ratings sheet); text that could be read as a formula or holds characters
    Excel refuses, and dates (for the Danish date format), become cells.
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if (
        isinstance(value, str)
        and len(value) <= MAX_CELL
        and not value.lstrip(" ").startswith(FORMULA_START)
        and not ILLEGAL_CHARACTERS_RE.search(value)
        and not _SURROGATES.search(value)
    ):
        return value
    return put(ws, value)


def table(
    ws: Worksheet,
    header: Sequence[str],
    rows: Sequence[Sequence[Value]],
    widths: Sequence[int],
    wrap: frozenset[int] = frozenset(),
) -> None:
    """A header row, frozen, then the rows, with an autofilter over all of it."""
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    print_setup(ws)
    top = Alignment(wrap_text=True, vertical="top")
    ws.append([put(ws, title, font=BOLD, fill=HEADER_FILL, alignment=top) for title in header])
    for row in rows:
        ws.append(
            [put(ws, v, alignment=WRAP) if c in wrap else plain(ws, v) for c, v in enumerate(row)]
        )
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def print_setup(ws: Worksheet) -> None:
    """A4 landscape, as many pages down as needed but one page wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def yes_no(value: bool) -> str:
    """Ja or Nej (Yes or No) in the language of the export."""
    return t("xlsx.yes") if value else t("xlsx.no")
