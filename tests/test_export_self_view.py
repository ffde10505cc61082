"""The exports show the staff's own voice (issue 14 item 3): own level, the leaders' and the
difference where there is a self-assessment, in the report (Markdown, HTML, Word), the
Excel "Vurderinger" sheet, the CSV and the per-person appraisal sheet; nothing changes
for a session without one."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from fagworkshop.demo import build_demo
from fagworkshop.domain.session import Session
from fagworkshop.export.csv_export import render_csv
from fagworkshop.export.person_sheet import build_person_sheet
from fagworkshop.export.report import Bullets, Paragraph, Table, build_report
from fagworkshop.export.xlsx_export import render_xlsx
from fagworkshop.i18n import set_language, t


def without_self(s: Session) -> Session:
    latest = s.round()
    assert latest is not None
    latest.self_ratings, latest.wishes = {}, {}
    return s


def section(report: object, title: str) -> object:
    found = [s for s in report.sections if s.title == title]  # type: ignore[attr-defined]
    return found[0] if found else None


def test_the_report_has_own_leaders_and_difference_per_person_and_competence() -> None:
    report = build_report(build_demo())
    part = section(report, t("selfview.export.title"))
    assert part is not None
    lead, table = part.blocks  # type: ignore[attr-defined]
    assert isinstance(lead, Paragraph) and isinstance(table, Table)
    assert table.header[2:5] == ("Ledernes niveau", "Egen vurdering", "Forskel")
    rows = {(r[0], r[1]): r[2:] for r in table.rows}
    assert rows[("DS", "Undersøge den enkelte sag")] == ("1", "3", "+2 !", "")
    assert rows[("LA", "Den meningsfulde borgersamtale")] == ("4", "2", "-2 !", "")
    assert rows[("AP", "Den meningsfulde borgersamtale")] == ("2", "3", "+1", "")
    # a wish without an own level: leaders' level only, and the wish
    assert rows[("DS", "Kendskab til målgrupperne og deres kvalifikationer")] == ("3", "", "", "ja")
    assert {r[0] for r in table.rows} == {"AP", "DS", "EF", "KM", "LA"}  # initials, not names
    wishes = section(report, t("selfview.gaps.wish_gap"))
    assert wishes is not None
    (bullets,) = wishes.blocks  # type: ignore[attr-defined]
    assert isinstance(bullets, Bullets)
    assert [who for who, _ in bullets.items] == ["AP", "EF", "KM", "LA"]


def test_a_session_without_self_assessment_has_no_such_section() -> None:
    report = build_report(without_self(build_demo()))
    assert section(report, t("selfview.export.title")) is None
    assert section(report, t("selfview.gaps.wish_gap")) is None


def _csv_rows(s: Session) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(render_csv(s).removeprefix("\ufeff")), delimiter=";"))
    return rows[0], rows[1:]


def test_csv_ends_with_own_level_difference_and_wish() -> None:
    header, body = _csv_rows(build_demo())
    col = {name: i for i, name in enumerate(header)}
    ds = {r[col["kompetence-id"]]: r for r in body if r[4] == "DS" and r[2] == "2"}
    row = ds["b-undersoege"]
    assert (row[col["egen vurdering"]], row[col["forskel"]], row[col["ønsker at udvikle"]]) == (
        "3",
        "2",
        "0",
    )
    assert ds["match-maalgrupper"][-3:] == ["", "", "1"]
    # the first round and people without a self-assessment leave the three empty
    assert {tuple(r[-3:]) for r in body if r[2] == "1"} == {("", "", "")}
    assert {tuple(r[-3:]) for r in body if r[4] == "BT"} == {("", "", "")}


def test_xlsx_ratings_sheet_has_own_level_difference_and_wish_as_numbers() -> None:
    wb = load_workbook(io.BytesIO(render_xlsx(build_demo())))
    ws = wb["Vurderinger"]
    header = [c.value for c in ws[1]]
    assert header[-3:] == ["Egen vurdering", "Forskel", "Ønsker at udvikle"]
    col = {name: i for i, name in enumerate(header)}
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[col["Runde"]] == 2]
    la = {r[col["Kompetencekode"]]: r for r in rows if r[4] == "LA"}
    talk = la["b-borgersamtale"]
    assert (talk[col["Egen vurdering"]], talk[col["Forskel"]]) == (2, -2)
    assert la["udv-dokumentation"][col["Ønsker at udvikle"]] == "Ja"
    assert la["udv-dokumentation"][col["Egen vurdering"]] is None


def test_the_appraisal_sheet_shows_both_and_the_wishes_that_meet_a_gap() -> None:
    s = build_demo()
    sheet = build_person_sheet(s, "p-12")  # LA
    ratings = section(sheet, t("sheet.ratings"))
    assert ratings is not None
    lead, table = ratings.blocks  # type: ignore[attr-defined]
    assert isinstance(table, Table) and t("selfview.export.lead") == lead.text
    assert table.header[:5] == (
        "Kompetence",
        "Ledernes niveau",
        "Egen vurdering",
        "Forskel",
        "Ønsker at udvikle",
    )
    rows = {r[0]: r for r in table.rows}
    assert rows["Den meningsfulde borgersamtale"][1:5] == ("4", "2", "-2 !", "")
    assert rows["Fagligt skøn i det praksisfaglige handlerum"][1:5] == ("2", "2", "0", "ja")
    wish = section(sheet, t("selfview.gaps.wish_gap"))
    assert wish is not None
    assert "Fagligt skøn i det praksisfaglige handlerum" in wish.blocks[0].text  # type: ignore[attr-defined]
    # BT gave nothing: the sheet is as before
    bt = section(build_person_sheet(s, "p-2"), t("sheet.ratings"))
    assert bt is not None
    (table,) = bt.blocks  # type: ignore[attr-defined]
    assert table.header[1] == t("xlsx.col.level") and t("person.self_level") not in table.header
    assert section(build_person_sheet(s, "p-2"), t("selfview.gaps.wish_gap")) is None


def test_english_headers() -> None:
    set_language("en")
    report = build_report(build_demo())
    part = section(report, "Own rating and the leaders'")
    assert part is not None
    assert part.blocks[1].header[2:6] == (  # type: ignore[attr-defined]
        "Leaders' level",
        "Own assessment",
        "Difference",
        "Wants to develop",
    )
