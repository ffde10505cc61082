"""The summary as Markdown (opsamling som Markdown): reads as plain text, renders well.

Every string from the report is escaped: Markdown and HTML-significant
characters get a backslash, and line-start markers (``#``, ``-``, ``1.``...)
are neutralised, so text a user typed never becomes a heading, link, list,
table cell break or raw HTML. The heat map is left to HTML (a wide table does
not read as plain text).
"""

from __future__ import annotations

import re

from fagworkshop.domain.session import Session
from fagworkshop.export.report import (
    Block,
    Bullets,
    Facts,
    HeatMap,
    Paragraph,
    Report,
    Section,
    Table,
    build_report,
)

# Characters that mean something anywhere in a line (CommonMark/GFM, raw HTML, math).
_INLINE = re.compile(r"([\\`*_\[\]<>|&~$])")
# Markers that mean something at the start of a line: headings, lists, quotes,
# setext underlines, ordered lists, tables, fences.
_LINE_START = re.compile(r"^(\s*)([#+\-=>:]|\d+(?=[.)]))")


def escape_inline(value: str) -> str:
    """Markdown-escape text for one line (line breaks become spaces)."""
    return escape(" ".join(value.splitlines()))


def _escape_line_start(value: str) -> str:
    stripped = value.lstrip()
    m = _LINE_START.match(stripped)
    if not m:
        return stripped
    marker = m.group(2)
    if marker[0].isdigit():
        # "1." or "1)" starts an ordered list: escape the punctuation after the number.
        return marker + "\\" + stripped[len(marker) :]
    return "\\" + stripped


def escape(value: str) -> str:
    """Markdown-escape text that may start a line (each line handled on its own)."""
    lines = []
    for raw in value.splitlines() or [""]:
        lines.append(_escape_line_start(_INLINE.sub(r"\\\1", raw)))
    return "\n".join(lines)


def _cell(value: str) -> str:
    return escape(" ".join(value.splitlines())) or " "


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [escape(block.text), ""]
    if isinstance(block, Facts):
        out = []
        for label, value in block.items:
            first, *rest = escape(value).split("\n")
            out.append(f"- **{escape(label)}:** {first}".rstrip())
            out.extend(f"  {r}" if r else "" for r in rest)
        return [*out, ""]
    if isinstance(block, Bullets):
        out = []
        for lead, item in block.items:
            body = escape(" ".join(item.splitlines()))
            out.append(f"- **{escape(lead)}:** {body}" if lead else f"- {body}")
        return [*out, ""]
    if isinstance(block, Table):
        header = "| " + " | ".join(_cell(h) for h in block.header) + " |"
        rule = (
            "|"
            + "|".join("---:" if i in block.numeric else "---" for i in range(len(block.header)))
            + "|"
        )
        rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        return [header, rule, *rows, ""]
    if isinstance(block, HeatMap):
        return []
    raise TypeError(f"unknown block {block!r}")


def _section(section: Section) -> list[str]:
    if section.css_class == "heatmap":
        return []
    out = ["#" * section.level + " " + escape(" ".join(section.title.splitlines())), ""]
    for block in section.blocks:
        out.extend(_block(block))
    return out


def render_report(report: Report) -> str:
    """Markdown text of a built report."""
    out = ["# " + escape(report.title), ""]
    for label, value in report.lead:
        out.append(f"- **{escape(label)}:** {escape(' '.join(value.splitlines()))}")
    out += ["", f"*{escape(report.notice)}*", ""]
    for section in report.sections:
        out.extend(_section(section))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def render_markdown(session: Session, with_names: bool = False) -> str:
    """The workshop summary as Markdown; full names only when ``with_names``."""
    return render_report(build_report(session, with_names, heat_map=False))
