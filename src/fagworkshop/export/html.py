"""The summary as one self-contained, printable HTML page (opsamling som HTML).

No scripts, no external assets: CSS is inline. Printed on A4 the parts flow
(no page per section); a new page starts only before the heat map, which has
landscape pages of its own, and before the per-person part. Every printed page
carries a footer with the export time, the round and the session's title, and
its page number. The heat map (varmekort) is never cut at the page edge: a map
wider than a landscape page is split into column groups, one after the other,
each repeating the name column and carrying its own code key. Its fills get
darker the further a level is below target, each at least 15 points of
lightness from the next, and every cell also carries the level digit and a
sign, so it reads in greyscale, for red-green colour blindness and in black
and white. On screen the page fits a 1280 px window. Every string is
HTML-escaped; user line breaks become ``<br>``.
"""

from __future__ import annotations

import html
import math

from fagworkshop.domain.analysis import CellState
from fagworkshop.domain.session import Session
from fagworkshop.export import report_model as model
from fagworkshop.export.report import build_report
from fagworkshop.i18n import language, t

#: Fill per heat-map state. On the scale (far below, one below, on, above target)
#: each is at least 15 points of CIE lightness (L*) from its neighbour (38, 57, 77,
#: 96), also as seen with protanopia or deuteranopia, running from red to pale blue
#: through orange and cyan: never red against green of the same tone.
HEAT_COLOURS: dict[CellState, str] = {
    CellState.FAR_BELOW: "#a62c24",
    CellState.ONE_BELOW: "#c57532",
    CellState.MEETS: "#69cdd9",
    CellState.ABOVE: "#e7f6fc",
    CellState.UNRATED: "#ffffff",
    CellState.NO_TARGET: "#e8e8e8",
    CellState.NOT_RELEVANT: "#f4f4f4",
}
#: Text colour on each fill: white on the darkest, where black would read poorly, and
#: grey for cells that do not count (not relevant to the person).
HEAT_INK: dict[CellState, str] = {
    **{state: "#111111" for state in CellState},
    CellState.FAR_BELOW: "#ffffff",
    CellState.NOT_RELEVANT: "#666666",
}
#: The states on the level scale, from the biggest gap up, as the colour key lists them.
HEAT_SCALE: tuple[CellState, ...] = (
    CellState.FAR_BELOW,
    CellState.ONE_BELOW,
    CellState.MEETS,
    CellState.ABOVE,
)
#: Most heat-map columns on one landscape A4 page beside the name column (see the CSS).
HEAT_MAX_COLUMNS = 32
#: Printed widths in millimetres: the name column and each competence column.
_NAME_MM = 36.0
_CELL_MM = 7.2

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; color: #111;
  line-height: 1.4; margin: 2em auto; max-width: 72em; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .3em; }
h2 { font-size: 15pt; border-bottom: 2px solid #333; padding-bottom: .15em; margin-top: 1.6em; }
h3 { font-size: 12pt; margin: 1.2em 0 .4em; }
h4 { font-size: 10.5pt; margin: .8em 0 .3em; }
p, li, dd { overflow-wrap: anywhere; }
td { overflow-wrap: break-word; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15em 1em;
  margin: .5em 0; }
dl.facts dt { font-weight: bold; max-width: 16em; }
dl.facts dd { margin: 0; }
p.notice { border: 1px solid #333; padding: .3em .6em; display: inline-block; }
table { border-collapse: collapse; margin: .5em 0 1em; max-width: 100%; }
table:not(.heat) { width: 100%; }
th, td { border: 1px solid #777; padding: .15em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
ul { margin: .4em 0 1em; padding-left: 1.4em; }
div.heat-group { overflow-x: auto; max-width: 100%; }
table.heat { font-size: 8pt; table-layout: fixed; line-height: 1.25; margin-top: .3em; }
table.heat th, table.heat td { padding: .1em .15em; overflow: hidden; }
table.heat th.name { text-align: left; overflow-wrap: anywhere; }
table.heat thead th { text-align: center; }
table.heat thead th.name { text-align: left; }
table.heat td { text-align: center; font-weight: bold; font-variant-numeric: tabular-nums; }
table.heat td.unused { text-decoration: underline dotted; }
table.heat tr.targets th, table.heat tr.targets td { background: #fff; font-weight: normal; }
td.s-not_relevant { font-weight: normal; }
ol.heat-key { columns: 3; column-gap: 1.5em; font-size: 8pt; margin: .2em 0 .4em;
  padding: 0; list-style: none; }
ol.heat-key li { break-inside: avoid; page-break-inside: avoid; }
ol.heat-key b { display: inline-block; min-width: 2.6em; }
ul.swatches { list-style: none; padding: 0; margin: .2em 0; font-size: 8pt; }
ul.swatches li { display: inline-block; margin-right: 1.2em; }
ul.swatches span { display: inline-block; min-width: 2.2em; text-align: center;
  border: 1px solid #777; font-weight: bold; margin-right: .3em; }
footer { margin-top: 2em; font-size: 9pt; color: #555; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@page landscape { size: A4 landscape; margin: 10mm 10mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13pt; margin-top: 1.1em; }
  h3 { font-size: 11pt; margin-top: .9em; }
  th, td { padding: .08em .4em; }
  table { margin: .3em 0 .7em; }
  section.heatmap { page: landscape; break-before: page; }
  section.person { break-before: page; page-break-before: always; }
  div.heat-group { overflow: visible; }
  div.heat-group + div.heat-group { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, dl, ul { break-inside: auto; }
  tr, li, dt, dd { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  body > footer { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def css_string(value: str) -> str:
    """A CSS string literal of any text: quotes, backslashes, angle brackets and
    control characters as hex escapes, so nothing can end the string or ``</style>``."""
    out = []
    for ch in value:
        # The space after the six hex digits ends the escape and is not shown.
        safe = ch.isprintable() and ch not in '"\\<>&'
        out.append(ch if safe else f"\\{ord(ch):06x} ")
    return '"' + "".join(out) + '"'


def _page_css(footer: str) -> str:
    """Margin boxes for every printed page: the footer text and "Side n af m"."""
    marker_page, marker_pages = "\x00page\x00", "\x00pages\x00"
    parts = []
    for piece in t("export.page_of", page=marker_page, pages=marker_pages).split("\x00"):
        if piece == "page":
            parts.append("counter(page)")
        elif piece == "pages":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    box = "font-family: Arial, Helvetica, sans-serif; font-size: 7.5pt; color: #444;"
    return (
        "@page {\n"
        f"  @bottom-left {{ content: {css_string(footer)}; {box} width: 85%; }}\n"
        f"  @bottom-right {{ content: {' '.join(parts)}; {box} width: 15%; text-align: right; }}\n"
        "}\n"
    )


def escape(value: str) -> str:
    """HTML-escape text for an element or attribute; line breaks become ``<br>``."""
    return "<br>".join(html.escape(part, quote=True) for part in value.split("\n"))


def _heat_css() -> str:
    return "\n".join(
        f"td.s-{state.value}, span.s-{state.value} "
        f"{{ background: {colour}; color: {HEAT_INK[state]}; }}"
        for state, colour in HEAT_COLOURS.items()
    )


def _block(block: model.Block) -> list[str]:
    if isinstance(block, model.Paragraph):
        return [f"<p>{escape(block.text)}</p>"]
    if isinstance(block, model.Facts):
        out = ['<dl class="facts">']
        for label, value in block.items:
            out.append(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
        return [*out, "</dl>"]
    if isinstance(block, model.Bullets):
        out = ["<ul>"]
        for lead, rest in block.items:
            if lead:
                out.append(f"<li><strong>{escape(lead)}:</strong> {escape(rest)}</li>")
            else:
                out.append(f"<li>{escape(rest)}</li>")
        return [*out, "</ul>"]
    if isinstance(block, model.Table):

        def cls(i: int) -> str:
            return ' class="num"' if i in block.numeric else ""

        out = ["<table>", "<thead><tr>"]
        out += [f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(block.header)]
        out += ["</tr></thead>", "<tbody>"]
        for row in block.rows:
            cells = "".join(f"<td{cls(i)}>{escape(c)}</td>" for i, c in enumerate(row))
            out.append(f"<tr>{cells}</tr>")
        return [*out, "</tbody>", "</table>"]
    if isinstance(block, model.HeatMap):
        return _heat_map(block)
    raise TypeError(f"unknown block {block!r}")


def heat_groups(count: int, most: int = HEAT_MAX_COLUMNS) -> list[range]:
    """Column groups of a heat map: as few as fit ``most`` columns, sizes balanced."""
    if count <= 0:
        return []
    groups = math.ceil(count / most)
    size = math.ceil(count / groups)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _swatches() -> list[str]:
    """The colour key: one sample cell per state, with its sign and its name."""
    out = [f'<ul class="swatches" aria-label="{escape(t("export.heat_colours"))}">']
    for state in (*HEAT_SCALE, CellState.UNRATED, CellState.NOT_RELEVANT):
        sample = "?" if state == CellState.UNRATED else f"3{state.marker}".rstrip("·")
        if state == CellState.NOT_RELEVANT:
            sample = ""
        out.append(
            f'<li><span class="s-{state.value}">{escape(sample) or "&nbsp;"}</span>'
            f"{escape(t(f'export.state.{state.value}'))}</li>"
        )
    return [*out, "</ul>"]


def _heat_map(block: model.HeatMap) -> list[str]:
    """The heat map in column groups that each fit a landscape page, with their keys."""
    groups = heat_groups(len(block.columns))
    out: list[str] = []
    for n, cols in enumerate(groups, 1):
        first, last = block.columns[cols[0]][0], block.columns[cols[-1]][0]
        out.append('<div class="heat-group">')
        if len(groups) > 1:
            span = t("export.heat_group", first=first, last=last)
            part = t("export.heat_group.part", n=n, total=len(groups))
            out.append(f"<h3>{escape(t('export.heat_map'))} {escape(span)} ({escape(part)})</h3>")
        width = _NAME_MM + _CELL_MM * len(cols)
        out += [
            *_swatches(),
            f'<table class="heat" style="width: {width:.1f}mm">',
            f'<colgroup><col style="width: {_NAME_MM:.1f}mm">'
            + f'<col style="width: {_CELL_MM:.1f}mm">' * len(cols)
            + "</colgroup>",
            "<thead><tr>",
            f'<th scope="col" class="name">{escape(t("export.staff"))}</th>',
        ]
        out += [
            f'<th scope="col" title="{escape(block.columns[i][1])}">'
            f"{escape(block.columns[i][0])}</th>"
            for i in cols
        ]
        out.append("</tr>")
        out.append(
            f'<tr class="targets"><th scope="row" class="name">'
            f"{escape(t('export.target_row'))}</th>"
        )
        out += [f"<td>{escape(block.targets[i])}</td>" for i in cols]
        out += ["</tr></thead>", "<tbody>"]
        for label, cells in block.rows:
            row = [f'<tr><th scope="row" class="name">{escape(label)}</th>']
            for i in cols:
                cell = cells[i]
                classes = f"s-{cell.state.value}" + (" unused" if cell.unused else "")
                sign = cell.text + ("*" if cell.unused else "")
                row.append(f'<td class="{classes}">{escape(sign)}</td>')
            row.append("</tr>")
            out.append("".join(row))
        out += ["</tbody>", "</table>"]
        # The group's own code key, right under its map (the report's full legend
        # table is not printed: each page names the codes it shows).
        out.append(f"<h4>{escape(t('export.heat_key', first=first, last=last))}</h4>")
        out.append('<ol class="heat-key">')
        out += [
            f"<li><strong>{escape(block.columns[i][0])}</strong> {escape(block.columns[i][1])}</li>"
            for i in cols
        ]
        out += ["</ol>", "</div>"]
    return out


def _section_blocks(section: model.Section) -> list[str]:
    out: list[str] = []
    has_map = any(isinstance(b, model.HeatMap) for b in section.blocks)
    for block in section.blocks:
        if has_map and isinstance(block, model.Table):
            continue  # the code legend: each column group carries its own
        out.extend(_block(block))
    return out


def render_report(report: model.Report) -> str:
    """The HTML page of a built report."""
    lang = "da" if language() == "da" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{_CSS}{_heat_css()}\n{_page_css(report.footer)}</style>",
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
            # Parts flow on the page; the CSS breaks only before the heat map and
            # the per-person part (by their class).
            classes = f' class="{section.css_class}"' if section.css_class else ""
            out.append(f"<section{classes}>")
            open_section = True
        out.append(f"<h{section.level}>{escape(section.title)}</h{section.level}>")
        out.extend(_section_blocks(section))
    if open_section:
        out.append("</section>")
    made_by = escape(t("export.html.generated_by"))
    footer = f"{escape(report.footer)}<br>{made_by}" if report.footer else made_by
    out += [f"<footer>{footer}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def render_html(session: Session, with_names: bool = False) -> str:
    """The workshop summary as a self-contained printable HTML page."""
    return render_report(build_report(session, with_names))
