"""The summary as one self-contained, printable HTML page (opsamling som HTML).

No scripts, no external assets: CSS is inline, with A4 print styles and a page
break before each main section. The heat map (varmekort) is a coloured table
whose cells also carry the level digit and a sign, so it reads in black and
white. Every string is HTML-escaped; user line breaks become ``<br>``.
"""

from __future__ import annotations

import html

from fagworkshop.domain.analysis import CellState
from fagworkshop.domain.session import Session
from fagworkshop.export.report import (
    Block,
    Bullets,
    Facts,
    HeatMap,
    Paragraph,
    Report,
    Table,
    build_report,
)
from fagworkshop.i18n import language, t

#: Background per heat-map state; light enough that black digits stay readable.
HEAT_COLOURS: dict[CellState, str] = {
    CellState.ABOVE: "#8fd19e",
    CellState.MEETS: "#d4f0db",
    CellState.ONE_BELOW: "#ffe08a",
    CellState.FAR_BELOW: "#f4a3a3",
    CellState.UNRATED: "#ffffff",
    CellState.NO_TARGET: "#e8e8e8",
    CellState.NOT_RELEVANT: "#f4f4f4",
}

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; color: #111;
  line-height: 1.4; margin: 2em auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .3em; }
h2 { font-size: 15pt; border-bottom: 2px solid #333; padding-bottom: .15em; margin-top: 1.6em; }
h3 { font-size: 12pt; margin: 1.2em 0 .4em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .5em 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
p.notice { border: 1px solid #333; padding: .3em .6em; display: inline-block; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #777; padding: .15em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ul { margin: .4em 0 1em; padding-left: 1.4em; }
table.heat { font-size: 9pt; }
table.heat td { text-align: center; min-width: 2.2em; font-weight: bold;
  font-variant-numeric: tabular-nums; }
table.heat td.unused { text-decoration: underline dotted; }
table.heat tr.targets th, table.heat tr.targets td { background: #fff; font-weight: normal; }
td.s-not_relevant { color: #888; font-weight: normal; }
footer { margin-top: 2em; font-size: 9pt; color: #555; }
@page { size: A4; margin: 15mm 12mm; }
@page landscape { size: A4 landscape; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  section.page { break-before: page; page-break-before: always; }
  section.heatmap { page: landscape; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, dl, ul { break-inside: auto; }
  tr, li, dt, dd { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def escape(value: str) -> str:
    """HTML-escape text for an element or attribute; line breaks become ``<br>``."""
    return "<br>".join(html.escape(part, quote=True) for part in value.split("\n"))


def _heat_css() -> str:
    return "\n".join(
        f"td.s-{state.value} {{ background: {colour}; }}" for state, colour in HEAT_COLOURS.items()
    )


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [f"<p>{escape(block.text)}</p>"]
    if isinstance(block, Facts):
        out = ['<dl class="facts">']
        for label, value in block.items:
            out.append(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
        return [*out, "</dl>"]
    if isinstance(block, Bullets):
        out = ["<ul>"]
        for lead, rest in block.items:
            if lead:
                out.append(f"<li><strong>{escape(lead)}:</strong> {escape(rest)}</li>")
            else:
                out.append(f"<li>{escape(rest)}</li>")
        return [*out, "</ul>"]
    if isinstance(block, Table):

        def cls(i: int) -> str:
            return ' class="num"' if i in block.numeric else ""

        out = ["<table>", "<thead><tr>"]
        out += [f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(block.header)]
        out += ["</tr></thead>", "<tbody>"]
        for row in block.rows:
            cells = "".join(f"<td{cls(i)}>{escape(c)}</td>" for i, c in enumerate(row))
            out.append(f"<tr>{cells}</tr>")
        return [*out, "</tbody>", "</table>"]
    if isinstance(block, HeatMap):
        return _heat_map(block)
    raise TypeError(f"unknown block {block!r}")


def _heat_map(block: HeatMap) -> list[str]:
    out = [
        '<table class="heat">',
        "<thead><tr>",
        f'<th scope="col">{escape(t("export.staff"))}</th>',
    ]
    out += [
        f'<th scope="col" title="{escape(title)}">{escape(code)}</th>'
        for code, title in block.columns
    ]
    out.append("</tr>")
    out.append(f'<tr class="targets"><th scope="row">{escape(t("export.target_row"))}</th>')
    out += [f"<td>{escape(target)}</td>" for target in block.targets]
    out += ["</tr></thead>", "<tbody>"]
    for label, cells in block.rows:
        row = [f'<tr><th scope="row">{escape(label)}</th>']
        for cell in cells:
            classes = f"s-{cell.state.value}" + (" unused" if cell.unused else "")
            sign = cell.text + ("*" if cell.unused else "")
            row.append(f'<td class="{classes}">{escape(sign)}</td>')
        row.append("</tr>")
        out.append("".join(row))
    return [*out, "</tbody>", "</table>"]


def render_report(report: Report) -> str:
    """The HTML page of a built report."""
    lang = "da" if language() == "da" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{_CSS}{_heat_css()}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(report.title)}</h1>",
        '<dl class="facts">',
    ]
    out += [f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in report.lead]
    out += ["</dl>", f'<p class="notice">{escape(report.notice)}</p>', "</header>"]
    open_section = False
    for section in report.sections:
        if section.level <= 2:
            if open_section:
                out.append("</section>")
            # The first section shares the page with the title; the rest start a new one.
            page = "page" if open_section else ""
            classes = " ".join(c for c in (page, section.css_class) if c)
            out.append(f'<section class="{classes}">')
            open_section = True
        out.append(f"<h{section.level}>{escape(section.title)}</h{section.level}>")
        for block in section.blocks:
            out.extend(_block(block))
    if open_section:
        out.append("</section>")
    out += [f"<footer>{escape(t('export.html.generated_by'))}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def render_html(session: Session, with_names: bool = False) -> str:
    """The workshop summary as a self-contained printable HTML page."""
    return render_report(build_report(session, with_names))
