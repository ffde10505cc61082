"""Each export format: well-formed, escaped, readable back, names only on request."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from html.parser import HTMLParser

import pytest

from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.changes import new_session
from fagworkshop.export.csv_export import guard, render_csv
from fagworkshop.export.formats import FORMATS
from fagworkshop.export.html import render_html
from fagworkshop.export.markdown import escape as md_escape
from fagworkshop.export.markdown import render_markdown
from fagworkshop.export.profiles_toml import build_catalogue, render_toml
from fagworkshop.i18n import set_language
from test_export_sample import FULL_NAMES, hostile_session, sample_session

# --- HTML ---------------------------------------------------------------------------

VOID = {"meta", "br", "link", "img", "hr", "input", "col", "wbr"}


class Checker(HTMLParser):
    """Records tags, checks nesting, collects text and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    return checker


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "dl", "dt",
    "dd", "p", "section", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong",
    "br", "footer", "h4", "div", "ol", "span", "colgroup", "col",
}  # fmt: skip


def test_html_is_well_formed_and_self_contained() -> None:
    page = render_html(sample_session())
    assert page.startswith("<!DOCTYPE html>")
    checker = parse(page)
    assert checker.errors == [] and checker.stack == []
    assert set(checker.tags) <= ALLOWED_TAGS
    assert "<script" not in page and "http" not in page.split("</style>")[0]
    assert "src=" not in page and "<link" not in page
    assert "@page" in page and "A4" in page and "break-before: page" in page


def test_html_heat_map_reads_without_colour() -> None:
    page = render_html(sample_session())
    # Bo (BJ) is at 2 against 3 on "Tværfagligt samarbejde": a digit with a sign.
    assert '<td class="s-one_below">2-</td>' in page
    # Dorte holds "Virksomhedskontakt" without using it: marked in text, not only by colour.
    assert '<td class="s-not_relevant unused">3*</td>' in page
    assert 'class="heat"' in page and "Varmekort" in page
    assert "1. marts 2026" in page and "Aftalt" in page  # a Danish date (issue 15 item 1)


def test_hostile_text_is_escaped_in_html() -> None:
    page = render_html(hostile_session(), with_names=True)
    checker = parse(page)
    assert checker.errors == [] and checker.stack == []
    assert set(checker.tags) <= ALLOWED_TAGS  # no <script>, <img>, <h1> from user text
    text = "".join(checker.text)
    assert "<script>alert(1)</script>" in text  # shown literally
    assert "<img src=x onerror=alert(1)>" in text
    assert not any(name == "onerror" for name, _ in checker.attrs)
    assert "\x1b" not in page and "\u202e" not in page and "\x07" not in page


# --- Markdown ------------------------------------------------------------------------


def test_markdown_has_the_summary_parts() -> None:
    md = render_markdown(sample_session())
    for part in (
        "# Kompetenceværksted, Team Erhverv",
        "## Ramme",
        "## Aftaler",
        "## Basiskompetencer",
        "### Virksomhedskonsulent, Team Erhverv",
        "| Virksomhedskontakt | Virksomhedsprofilen | 3 (Selvstændig) |",
        "## Kompetencehuller",
        "## Handlingsplan",
        # first names alone are names too (issue 12)
        "- **Transferplan:** BJ tager med på besøg med AH.",
        "Mangler: et kursus skal have en transferplan.",
    ):
        assert part in md, part


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# overskrift", "\\# overskrift"),
        ("- liste", "\\- liste"),
        ("1. nummer", "1\\. nummer"),
        ("| a", "\\| a"),
        ("<b>x</b>", "\\<b>x\\</b>"),
        ("[l](http://x)", "\\[l\\](http://x)"),
        ("**fed** _k_ `c`", "\\*\\*fed\\*\\* \\_k\\_ \\`c\\`"),
        ("&amp; &#38;", "\\&amp; \\&#38;"),
        ("```", "\\`\\`\\`"),
        ("--", "\\--"),
        ("2026. året", "2026\\. året"),
        ("slut\\", "slut\\\\"),
    ],
)
def test_markdown_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


# Issue 15 item 5: text that means nothing special in Markdown is left as typed, so it
# pastes into a word processor without stray backslashes.
@pytest.mark.parametrize(
    "raw",
    [
        "Ydelse & Job_service",
        "Æble & pære",
        "a | b",
        "a < b og c > d",
        "2 * 3 = 6",
        "snake_case_navn",
        "C:\\Users\\team",
        "[uddybning] følger",
        "-5 grader",
        "+45 12 34 56 78",
        "#hashtag",
        "10 $",
        "~ca. 5",
        "e-mail: a@b.dk (se www.x.dk)",
    ],
)
def test_markdown_escapes_only_what_changes_the_meaning(raw: str) -> None:
    assert md_escape(raw) == raw


def test_markdown_table_cell_keeps_a_pipe_inside() -> None:
    s = sample_session()
    s.profiles[0].name = "Ydelse & Job_service | Team"
    md = render_markdown(s)
    assert "### Ydelse & Job_service | Team" in md
    assert "| Ydelse & Job_service \\| Team | 3 |" in md


def test_hostile_text_is_escaped_in_markdown() -> None:
    md = render_markdown(hostile_session(), with_names=True)
    # A "<" that could open a tag is escaped; a lone ">" after it is then plain text.
    assert not re.search(r"(?<!\\)<[A-Za-z/!?]", md), "an unescaped tag opening"
    assert "\\<script>" in md and "\\<img src=x" in md
    for line in md.splitlines():
        # No user text starts a heading, list or quote except the ones we write.
        if line.startswith(("#", "- ", "|", ">", "  ")) or not line or line.startswith("*"):
            continue
        # (Only a marker that starts a block counts: "+SUM(A1)" is plain text.)
        assert not re.match(r"\s*(#{1,6}(\s|$)|[-+*](\s|$)|[-=]+\s*$|>|\d+[.)](\s|$))", line), line
    assert "\x1b" not in md and "\u202e" not in md


# --- CSV ------------------------------------------------------------------------------


def read_csv(text: str) -> list[list[str]]:
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_shape_bom_and_danish_letters() -> None:
    s = sample_session()
    rows = read_csv(render_csv(s))
    header, body = rows[0], rows[1:]
    # Issue 15 item 4: jobcenter, unit, round date, role and local profiles, so a
    # spreadsheet can pivot by profile and combine units; Danish headers spelled one way.
    assert header == [
        "jobcenter", "enhed", "runde", "rundedato", "medarbejder (initialer/pseudonym)",
        "rolle", "lokale profiler", "kompetence-id", "kompetence", "type", "relevant",
        "niveau", "målniveau", "status", "ubrugt",
        # issue 14: the staff's own level, own minus the leaders', the wish
        "egen vurdering", "forskel", "ønsker at udvikle",
    ]  # fmt: skip
    assert all(len(r) == len(header) for r in body)
    # 2 rounds x 4 people x 5 analysed competences; no extra ratings outside them.
    assert len(body) == 2 * 4 * 5
    assert {r[2] for r in body} == {"1", "2"}
    assert {(r[0], r[1]) for r in body} == {("Jobcenter Prøveby", "Team Erhverv")}
    assert {r[3] for r in body if r[2] == "1"} == {"2026-03-01"}
    dorte = [r for r in body if r[4] == "DÆ" and r[2] == "1" and r[7] == "e-kontakt"]
    assert dorte == [
        ["Jobcenter Prøveby", "Team Erhverv", "1", "2026-03-01", "DÆ", "", "", "e-kontakt",
         "Virksomhedskontakt", "element", "0", "3", "3", "ikke relevant", "1", "", "", ""]
    ]  # fmt: skip
    bo = {r[6] for r in body if r[4] == "BJ"}
    assert bo == {"Virksomhedskonsulent, Team Erhverv; Helhedsorienteret sagsbehandler"}
    assert any("Navigere i lovgivningen" in r for r in body)
    assert "Tværfagligt samarbejde" in {r[8] for r in body}


def test_csv_headers_spell_the_target_like_the_states() -> None:
    header = read_csv(render_csv(sample_session()))[0]
    assert "maalniveau" not in header and "målniveau" in header
    assert all(h == h.lower() and "_" not in h for h in header)


def test_csv_role_column_holds_the_persons_role() -> None:
    s = sample_session()
    s.staff[0].role = "=Virksomhedskonsulent"
    rows = read_csv(render_csv(s))
    roles = {r[5] for r in rows[1:] if r[4] == "AH"}
    assert roles == {"'=Virksomhedskonsulent"}  # a role is guarded like any text cell


def test_csv_with_names_says_so() -> None:
    rows = read_csv(render_csv(sample_session(), with_names=True))
    assert rows[0][4] == "medarbejder (navn)"
    assert {r[4] for r in rows[1:]} == set(FULL_NAMES)


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r", " ="])
def test_csv_guard_neutralises_formulas(prefix: str) -> None:
    assert guard(prefix + "1+1").startswith("'")
    assert guard("Almindelig tekst") == "Almindelig tekst"


def test_hostile_text_in_csv_never_starts_a_formula() -> None:
    rows = read_csv(render_csv(hostile_session()))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    labels = {r[4] for r in rows[1:]}
    assert "'=1+1" in labels and "<AH>" in labels


# --- TOML -----------------------------------------------------------------------------


def test_toml_profiles_load_back_as_a_catalogue() -> None:
    text = render_toml(sample_session())
    assert text.startswith("# ")
    cat = Catalogue.model_validate(tomllib.loads(text))
    assert [b.title for b in cat.blocks] == [
        "Virksomhedskonsulent, Team Erhverv",
        "Helhedsorienteret sagsbehandler",
    ]
    assert [b.title for b in cat.basic] == ["Navigere i lovgivningen", "Fagligt skøn"]
    virk = cat.blocks[0]
    assert [e.title for e in virk.elements] == ["Virksomhedskontakt", "Match mellem ledig og job"]
    # Issue 15 item 6: levels and priority are fields, never pasted into descriptions.
    assert virk.elements[0].target_level == 3
    assert virk.elements[0].description == "Opsøger og plejer virksomheder."
    assert [(b.min_level, b.priority) for b in cat.basic] == [(3, "high"), (2, "medium")]
    assert "niveau" not in text.lower().replace("target_level", "").replace("min_level", "")
    assert "Prioritet" not in text
    assert cat.choices_made is True
    assert "Behov: 3" in virk.description
    # "Match" is in both profiles: its second copy gets its own id.
    ids = cat.competence_ids()
    assert len(ids) == len(set(ids))
    assert [c.id for c in cat.courses] == ["k-diplom"]
    assert cat.courses[0].serves == ["e-kontakt"]
    assert [lv.level for lv in cat.levels] == [0, 1, 2, 3, 4]
    for name in FULL_NAMES:
        assert name not in text


def test_toml_catalogue_starts_a_new_workshop() -> None:
    cat = build_catalogue(sample_session())
    fresh = new_session(cat, "Ny enhed")
    assert len(fresh.blocks) == 2 and len(fresh.basics) == 2
    # The agreed levels come along as the new workshop's starting point.
    source = sample_session()
    assert [b.min_level for b in fresh.basics] == [b.min_level for b in source.basics if b.included]
    assert fresh.blocks[0].elements[0].target_level == source.target(source.profiles[0].elements[0])
    # ... with the choices made: basics included with their priority, elements kept.
    chosen = [b for b in source.basics if b.included]
    assert [b.priority for b in fresh.basics] == [b.priority for b in chosen]
    assert all(b.included for b in fresh.basics)
    assert {e.status.value for blk in fresh.blocks for e in blk.elements} == {"kept"}
    # Each level is shown once: as the field, not again in the description text.
    for b in fresh.basics:
        assert "Minimumsniveau" not in b.description and "Prioritet" not in b.description


def test_hostile_text_survives_toml_literally() -> None:
    s = hostile_session()
    cat = Catalogue.model_validate(tomllib.loads(render_toml(s)))
    assert cat.blocks[0].title.startswith("<h1>=HYPERLINK(")
    assert "<script>alert(1)</script>" in cat.blocks[0].title


def test_toml_from_an_empty_session_is_valid() -> None:
    empty = new_session(Catalogue(id="x", title="X"), "Tom")
    Catalogue.model_validate(tomllib.loads(render_toml(empty)))


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_names_stay_out_without_with_names(fmt: str) -> None:
    s = sample_session()
    s.actions[0].transfer_plan = "Anna Holm viser Carla Krogh rundt. Mette Sørensen følger op."
    out = FORMATS[fmt](s, False)
    for name in (*FULL_NAMES, "Mette Sørensen", "Jens Ø. Lund"):
        assert name not in out, (fmt, name)
    if fmt != "toml":
        assert "initialer" in out


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_with_names_shows_names_and_says_so(fmt: str) -> None:
    out = FORMATS[fmt](sample_session(), True)
    assert "Bo Juhl" in out and "Dorte Ærø" in out
    assert ("fulde navne" in out) or ("medarbejder (navn)" in out)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_handles_a_session_without_people_or_rounds(fmt: str) -> None:
    s = new_session(Catalogue(id="x", title="X"), "Tom")
    s.rounds = []
    assert FORMATS[fmt](s, False)


def test_english_output() -> None:
    set_language("en")
    md = render_markdown(sample_session())
    assert "## Competence gaps" in md and "Staff appear by initials" in md


def test_name_redactor_replaces_whole_names_only() -> None:
    from fagworkshop.export.common import name_redactor

    redact = name_redactor(sample_session(), with_names=False)
    text = "Anna Holm og Bo Juhl; Anna Holmsen; xAnna Holm; Dorte Ærø. Jens Ø. Lund!"
    # "Anna" and "Holm" alone are Anna Holm's (issue 12); "xAnna" is another word
    assert redact(text) == "AH og BJ; AH Holmsen; xAnna AH; DÆ. Teamleder!"
    assert redact.count == 6
    assert name_redactor(sample_session(), with_names=True)(text) == text
