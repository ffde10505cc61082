"""The summary as Markdown (opsamling som Markdown): reads as plain text, renders well.

Every string from the report is escaped, but only where a character would
change the meaning: ``Ydelse & Job_service`` stays as typed, while ``&amp;``,
``<b>``, ``*fed*``, ``[l](x)`` and line-start markers (``#``, ``-``, ``1.``...)
get a backslash, so text a user typed never becomes a heading, link, list,
emphasis, table cell break or raw HTML, and pastes into a word processor as
written. The heat map is left to HTML (a wide table does
not read as plain text).
"""

from __future__ import annotations

import re

from fagworkshop.domain.session import Session
from fagworkshop.export import report_model as model
from fagworkshop.export.report import build_report

# Markers that mean something at the start of a line: headings, lists, quotes,
# setext underlines, ordered lists, tables, fences.
_LINE_START = re.compile(
    r"^(\s*)(#{1,6}(?=\s|$)|[-+*](?=\s|$)|[-=]+(?=\s*$)|>|\||:(?=-)|`{3,}|~{3,}"
    r"|\d{1,9}(?=[.)](?:\s|$)))"
)
# An entity or character reference ("&amp;", "&#38;"): only then is "&" special.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)")
# "<" that opens raw HTML, a comment or an autolink ("a < b" stays as it is).
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
# A backslash before punctuation or at the end of a line is an escape or a line break.
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
# Square brackets make a link, image, reference or footnote only in these shapes.
_LINK_SHAPE = re.compile(r"\]\(|\]\[|\]:|\[\^")


def _flanked(raw: str, i: int, intraword_ok: bool) -> bool:
    """Whether the ``*`` or ``_`` at ``i`` can never open or close emphasis."""
    before = raw[i - 1] if i > 0 else " "
    after = raw[i + 1] if i + 1 < len(raw) else " "
    if before.isspace() and after.isspace():
        return True  # "2 * 3", "a _ b"
    # "Job_service": an underscore inside a word never emphasises (CommonMark 6.2).
    return intraword_ok and before.isalnum() and after.isalnum()


def _escape_inline_chars(raw: str) -> str:
    """Backslash only the characters that would change this line's meaning."""
    raw = _BACKSLASH.sub(r"\\\\", raw)
    raw = _ENTITY.sub(r"\\&", raw)
    raw = _TAG_OPEN.sub(r"\\<", raw)
    pairs = {c for c in "`~$" if raw.count(c) >= 2}  # code span, strikethrough, math
    brackets = bool(_LINK_SHAPE.search(raw))
    out: list[str] = []
    for i, ch in enumerate(raw):
        if ch == "*" and not _flanked(raw, i, intraword_ok=False):
            out.append("\\*")
        elif ch == "_" and not _flanked(raw, i, intraword_ok=True):
            out.append("\\_")
        elif ch in pairs or (brackets and ch in "[]"):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


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


def escape_after_lead(value: str) -> str:
    """Escape text whose first line follows other text (``- **Dato:** 1. marts``).

    Its first line cannot start a block, so only inline characters count there;
    the lines after it are escaped as line starts.
    """
    first, *rest = value.splitlines() or [""]
    return "\n".join([_escape_inline_chars(first.strip()), *(escape(r) for r in rest)])


def escape(value: str) -> str:
    """Markdown-escape text that may start a line (each line handled on its own)."""
    lines = []
    for raw in value.splitlines() or [""]:
        lines.append(_escape_line_start(_escape_inline_chars(raw)))
    return "\n".join(lines)


def _cell(value: str) -> str:
    """A table cell: never at a line start, and a pipe never ends the cell."""
    return _escape_inline_chars(" ".join(value.split())).replace("|", "\\|") or " "


def _block(block: model.Block) -> list[str]:
    if isinstance(block, model.Paragraph):
        return [escape(block.text), ""]
    if isinstance(block, model.Facts):
        out = []
        for label, value in block.items:
            first, *rest = escape_after_lead(value).split("\n")
            out.append(f"- **{escape(label)}:** {first}".rstrip())
            out.extend(f"  {r}" if r else "" for r in rest)
        return [*out, ""]
    if isinstance(block, model.Bullets):
        out = []
        for lead, item in block.items:
            body = " ".join(item.splitlines())
            out.append(
                f"- **{escape(lead)}:** {escape_after_lead(body)}" if lead else f"- {escape(body)}"
            )
        return [*out, ""]
    if isinstance(block, model.Table):
        header = "| " + " | ".join(_cell(h) for h in block.header) + " |"
        rule = (
            "|"
            + "|".join("---:" if i in block.numeric else "---" for i in range(len(block.header)))
            + "|"
        )
        rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        return [header, rule, *rows, ""]
    if isinstance(block, model.HeatMap):
        return []
    raise TypeError(f"unknown block {block!r}")


def _section(section: model.Section) -> list[str]:
    if section.css_class == "heatmap":
        return []
    title = escape_after_lead(" ".join(section.title.splitlines()))
    out = ["#" * section.level + " " + title, ""]
    for block in section.blocks:
        out.extend(_block(block))
    return out


def render_report(report: model.Report) -> str:
    """Markdown text of a built report."""
    out = ["# " + escape_after_lead(" ".join(report.title.splitlines())), ""]
    for label, value in report.lead:
        out.append(f"- **{escape(label)}:** {escape_after_lead(' '.join(value.splitlines()))}")
    out += ["", f"*{escape(report.notice)}*", ""]
    for section in report.sections:
        out.extend(_section(section))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def render_markdown(session: Session, with_names: bool = False) -> str:
    """The workshop summary as Markdown; full names only when ``with_names``."""
    return render_report(build_report(session, with_names, heat_map=False))
