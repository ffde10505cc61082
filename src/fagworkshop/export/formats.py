"""The export formats by name, for the command line and the summary screen."""

from __future__ import annotations

from collections.abc import Callable

from fagworkshop.domain.session import Session
from fagworkshop.export.csv_export import render_csv
from fagworkshop.export.html import render_html
from fagworkshop.export.markdown import render_markdown
from fagworkshop.export.profiles_toml import render_toml

Renderer = Callable[[Session, bool], str]

#: Format name -> function ``(session, with_names) -> text``.
FORMATS: dict[str, Renderer] = {
    "md": render_markdown,
    "html": render_html,
    "csv": render_csv,
    "toml": render_toml,
}


def render(fmt: str, session: Session, with_names: bool = False) -> str:
    """The export text of a session in a format (``KeyError`` for an unknown one)."""
    return FORMATS[fmt](session, with_names)


def _xlsx(session: Session, with_names: bool) -> bytes:
    # openpyxl and python-docx load only when a workbook or document is made.
    from fagworkshop.export.xlsx_export import render_xlsx

    return render_xlsx(session, with_names)


def _docx(session: Session, with_names: bool) -> bytes:
    from fagworkshop.export.docx_export import render_docx  # python-docx, 0.1 s: only for Word

    return render_docx(session, with_names)


#: Formats that are files, not text (Excel, Word): name -> ``(session, with_names) -> bytes``.
BINARY_FORMATS: dict[str, Callable[[Session, bool], bytes]] = {"xlsx": _xlsx, "docx": _docx}

#: Every format name, text formats first, for the command line and step 7.
ALL_FORMATS: tuple[str, ...] = (*FORMATS, *BINARY_FORMATS)


def render_bytes(fmt: str, session: Session, with_names: bool = False) -> bytes:
    """The file content of an export in any format (text as UTF-8); ``KeyError`` if unknown."""
    if fmt in BINARY_FORMATS:
        return BINARY_FORMATS[fmt](session, with_names)
    return render(fmt, session, with_names).encode("utf-8")
