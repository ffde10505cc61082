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
