"""Notes of every step in the Markdown and HTML exports (issue 11 item 8)."""

from __future__ import annotations

from fagworkshop.domain.session import Session, StepState
from fagworkshop.export.html import render_html
from fagworkshop.export.markdown import render_markdown
from test_export_sample import sample_session


def noted_session() -> Session:
    s = sample_session()
    s.steps["frame"] = StepState(notes="Fokus på samspil.\nAnden linje & mere.")
    s.steps["gaps"] = StepState(notes="Anna Holm står alene med analysen.")
    s.steps["plan"] = StepState(notes="   ")  # blank notes are left out
    return s


def test_markdown_has_every_steps_notes() -> None:
    md = render_markdown(noted_session())
    assert "## Noter fra trinnene" in md
    assert "- **Ramme:** Fokus på samspil.\n  Anden linje & mere." in md
    assert "- **Kompetencehuller:** AH står alene med analysen." in md  # name hidden
    assert "**Handlingsplan:**" not in md.split("## Noter fra trinnene")[1].split("\n## ")[0]


def test_html_has_every_steps_notes() -> None:
    page = render_html(noted_session())
    assert "Noter fra trinnene" in page
    assert "<dt>Ramme</dt><dd>Fokus på samspil.<br>Anden linje &amp; mere.</dd>" in page
    assert "AH står alene med analysen." in page and "Anna Holm" not in page


def test_notes_with_names_keep_the_name() -> None:
    assert "Anna Holm står alene" in render_markdown(noted_session(), with_names=True)


def test_no_notes_no_section() -> None:
    assert "Noter fra trinnene" not in render_markdown(sample_session())
