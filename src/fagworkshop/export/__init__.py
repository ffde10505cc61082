"""Exports that leave the room: Markdown, printable HTML, CSV, TOML profiles.

Each format has ``render_<format>(session, with_names=False) -> str``; all are
fed by ``domain.analysis``. People appear by initials or pseudonym unless
``with_names`` is given. ``command`` holds the ``fagworkshop export`` CLI.
"""

from fagworkshop.export.common import SUFFIXES, default_output
from fagworkshop.export.csv_export import render_csv
from fagworkshop.export.formats import FORMATS, render
from fagworkshop.export.html import render_html
from fagworkshop.export.markdown import render_markdown
from fagworkshop.export.profiles_toml import build_catalogue, render_toml

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "build_catalogue",
    "default_output",
    "render",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_toml",
]
