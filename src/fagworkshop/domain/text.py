"""Cleaning user text as it enters the program.

Text that reaches the terminal must not carry control codes (an ``ESC]0;``
title change, a C1 CSI byte, an OSC 8 link) or bidi overrides that reorder
what is shown. Markup is a separate matter: screens show user text literally
(``Content``/``Text``/``markup=False``), never inside a markup string.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, C1, and the bidi embedding/override/isolate
# controls. Carriage returns go too: newlines are normalised to "\n" first.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str) -> str:
    """Multi-line text with CRLF/CR normalised to LF and control codes removed."""
    if not _UNSAFE.search(value) and "\r" not in value:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", value)


def clean_line(value: str) -> str:
    """One-line text: like :func:`clean_text`, with line breaks and tabs turned to spaces."""
    value = clean_text(value)
    if "\n" in value or "\t" in value:
        value = value.replace("\n", " ").replace("\t", " ")
    return value
