"""Exports that leave the room: Markdown, printable HTML, CSV, TOML profiles, Excel, Word.

Each text format has ``render_<format>(session, with_names=False) -> str``
(``FORMATS``); Excel and Word return bytes (``BINARY_FORMATS``); all are
fed by ``domain.analysis``. People appear by initials or pseudonym unless
``with_names`` is given. ``command`` holds the ``fagworkshop export`` CLI.
"""

from __future__ import annotations

import importlib
from typing import Any

# The names below are loaded on first use (PEP 562), not when the package is
# imported: the CLI imports ``fagworkshop.export.command`` on every start, and
# loading every renderer (with the analysis) there cost 0.1 to 0.2 s of cold start.
_WHERE = {
    "SUFFIXES": "common",
    "default_output": "common",
    "render_csv": "csv_export",
    "ALL_FORMATS": "formats",
    "BINARY_FORMATS": "formats",
    "FORMATS": "formats",
    "render": "formats",
    "render_bytes": "formats",
    "render_html": "html",
    "render_markdown": "markdown",
    "build_catalogue": "profiles_toml",
    "render_toml": "profiles_toml",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ALL_FORMATS",
    "BINARY_FORMATS",
    "FORMATS",
    "SUFFIXES",
    "build_catalogue",
    "default_output",
    "render",
    "render_bytes",
    "render_csv",
    "render_html",
    "render_markdown",
    "render_toml",
]
