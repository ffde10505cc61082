"""The overview across units (oversigt): three hand-counted units of different catalogues.

Unit A (Team Nord) and B (Team Syd) share basics b1; A also has b2, B has b3
and a block element e1 in a local profile; unit C (Team Øst) comes from
another catalogue (x1) and knows b1 without choosing it. Every figure below
is counted by hand from the ratings in ``units()``.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest

from fagworkshop import cli
from fagworkshop.domain.catalogue import Theme, default_levels
from fagworkshop.domain.overview import build_overview
from fagworkshop.domain.session import (
    Action,
    ActionKind,
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    Frame,
    LocalProfile,
    Person,
    Round,
    Session,
)
from fagworkshop.export.overview import build_overview_report, render_overview
from fagworkshop.store.folders import list_sessions
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.writing import save_session

STAFF_NAMES = (
    "Anne Nordahl",
    "Per Persen",
    "Sofie Sydgaard",
    "Karl Kvist",
    "Lis Lund",
    "Rasmus Øst",
)


def _basic(cid: str, min_level: int | None, included: bool | None = True) -> BasicChoice:
    return BasicChoice(
        id=cid, theme="t", title=f"Titel {cid}", included=included, min_level=min_level
    )


def units() -> list[Session]:
    themes = [Theme(id="t", title="Tema")]
    a = Session(
        id="nord",
        title="Workshop Nord",
        frame=Frame(jobcenter="Jobcenter Prøveby", unit="Team Nord"),
        levels=default_levels(),
        themes=themes,
        basics=[_basic("b1", 2), _basic("b2", 3)],
        staff=[Person(id="p1", name=STAFF_NAMES[0]), Person(id="p2", name=STAFF_NAMES[1])],
        rounds=[
            Round(
                number=1,
                date=dt.date(2026, 3, 10),
                ratings={"p1": {"b1": 3, "b2": 3}, "p2": {"b1": 1}},
                unused={"p1": ["b1"]},
            )
        ],
        actions=[
            Action(
                id="a1",
                kind=ActionKind.COURSE,
                title="Kursus i lovgivning for Per Persen",
                for_whom=["p2"],
                competences=["b1"],
                owner="Leder Lone",
                transfer_plan="Deler det lærte på teammødet",
            )
        ],
    )
    b = Session(
        id="syd",
        title="Workshop Syd",
        frame=Frame(jobcenter="Jobcenter Prøveby", unit="Team Syd"),
        levels=default_levels(),
        themes=themes,
        basics=[_basic("b1", 2), _basic("b3", 2)],
        blocks=[
            AdaptedBlock(
                id="blk",
                title="Virksomhedsprofilen",
                elements=[
                    AdaptedElement(
                        id="e1", title="Kontakt", status=ElementStatus.KEPT, target_level=2
                    )
                ],
            )
        ],
        profiles=[LocalProfile(id="lp", name="Virksomhedskonsulent", elements=["e1"], needed=2)],
        staff=[
            Person(id="q1", name=STAFF_NAMES[2], profiles=["lp"]),
            Person(id="q2", name=STAFF_NAMES[3]),
            Person(id="q3", name=STAFF_NAMES[4]),
        ],
        rounds=[
            Round(
                number=2,
                ratings={
                    "q1": {"b1": 2, "b3": 4, "e1": 3},
                    "q2": {"b1": 0, "b3": 1},
                    "q3": {"b3": 1},
                },
            )
        ],
    )
    c = Session(
        id="oest",
        title="Workshop Øst",
        frame=Frame(jobcenter="Jobcenter Prøveby", unit="Team Øst"),
        levels=default_levels(),
        themes=themes,
        basics=[_basic("x1", 1), _basic("b1", 2, included=False)],
        staff=[Person(id="r1", name=STAFF_NAMES[5]), Person(id="r2", name="Rikke Rask")],
        rounds=[Round(number=1, ratings={"r1": {"x1": 1}, "r2": {"x1": 0}}, unused={"r1": ["x1"]})],
    )
    return [a, b, c]


def test_coverage_per_unit_and_in_total_is_hand_counted() -> None:
    ov = build_overview(units())
    by_id = {c.id: c for c in ov.competences}
    assert [c.id for c in ov.competences] == ["b1", "b2", "b3", "e1", "x1"]
    b1 = by_id["b1"]
    a, b, c = b1.cells
    assert a is not None and (a.relevant, a.meets, a.short, a.unused) == (2, 1, 1, 1)
    assert b is not None and (b.relevant, b.meets, b.short, b.unrated) == (3, 1, 2, 1)
    assert c is None  # known in unit C but not chosen: absent, not zero
    assert (b1.relevant, b1.meets) == (5, 2)
    assert by_id["b2"].cells[1] is None and by_id["b2"].cells[2] is None  # not in B's, C's work
    b2a = by_id["b2"].cells[0]
    assert b2a is not None and (b2a.relevant, b2a.meets, b2a.unrated) == (2, 1, 1)
    assert by_id["x1"].present == (2,)
    assert [u.staff for u in ov.units] == [2, 3, 2]
    assert [u.round_number for u in ov.units] == [1, 2, 1]


def test_single_holders_across_the_whole_centre() -> None:
    ov = build_overview(units())
    # b1 has two holders (one in A, one in B); the others hang on one person each.
    assert [c.id for c in ov.single_holders] == ["b2", "b3", "e1", "x1"]
    assert {c.id: c.holders for c in ov.single_holders}["e1"] == ((1, "q1"),)


def test_unused_competence_another_unit_needs() -> None:
    ov = build_overview(units())
    # b1 lies unused with p1 in A while B falls short; x1 is unused in C but nobody else needs it.
    assert [c.id for c in ov.unused_needed_elsewhere] == ["b1"]
    assert ov.unused_needed_elsewhere[0].unused_needed_elsewhere == ((0, 1),)


def test_profiles_qualified_against_needed_per_unit() -> None:
    ov = build_overview(units())
    assert [(p.unit, p.name, p.needed, p.qualified, p.shortfall) for p in ov.profiles] == [
        (1, "Virksomhedskonsulent", 2, 1, 1)
    ]
    assert ov.profiles_of(0) == ()


def test_thinnest_first_by_people_short() -> None:
    ov = build_overview(units())
    # b1: 3 of 5 short; b3: 2 of 3; b2: 1 of 2; x1: 1 of 2 (r2 at 0 with target 1).
    assert [(c.id, c.relevant - c.meets) for c in ov.thin] == [
        ("b1", 3),
        ("b3", 2),
        ("b2", 1),
        ("x1", 1),
    ]


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx"])
def test_no_names_unless_asked(fmt: str) -> None:
    data = render_overview(fmt, units(), with_names=False)
    text = _text_of(fmt, data)
    for name in (*STAFF_NAMES, "Rikke Rask", "Leder Lone"):
        for part in name.split():
            if len(part) > 3:
                assert part not in text, (fmt, part)
    named = _text_of(fmt, render_overview(fmt, units(), with_names=True))
    assert "Rasmus Øst" in named and "Leder Lone" in named


def _text_of(fmt: str, data: bytes) -> str:
    if fmt != "xlsx":
        return data.decode("utf-8")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return "\n".join(
        str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value
    )


def test_absent_is_shown_as_such_in_the_report() -> None:
    report = build_overview_report(units())
    coverage = next(s for s in report.sections if s.title == "Dækning pr. kompetence")
    table = coverage.blocks[1]
    rows = {row[0]: row for row in table.rows}  # type: ignore[union-attr]
    assert rows["b2"][3:7] == ("1 af 2", "ikke med", "ikke med", "1 af 2")
    assert rows["b1"][3:7] == ("1 af 2", "1 af 3", "ikke med", "2 af 5")


def test_xlsx_has_a_sheet_per_section_with_numbers_as_numbers() -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render_overview("xlsx", units())))
    assert "Enhederne" in book.sheetnames
    units_sheet = book["Enhederne"]
    assert units_sheet["D2"].value == 2 and units_sheet["D3"].value == 3
    assert units_sheet.freeze_panes == "B2"


def _save_units(folder: Path) -> list[Path]:
    paths = []
    for session in units():
        path = folder / f"{session.id}.toml"
        save_session(session, path)
        paths.append(path)
    return paths


def test_command_reads_a_locked_session_without_changing_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _save_units(tmp_path)
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths}
    out = tmp_path / "ov.md"
    with SessionLock(paths[0]):  # open in a running program
        code = cli.main(["overview", *map(str, paths), "-o", str(out)])
    assert code == 0
    assert "Team Nord" in out.read_text(encoding="utf-8")
    assert {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths} == before
    assert "3" in capsys.readouterr().err


def test_command_default_goes_to_the_export_folder_and_never_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _save_units(tmp_path)
    sessions = tmp_path / "sessions"
    args = ["oversigt", *map(str, paths), "--sessions-dir", str(sessions), "--format", "xlsx"]
    assert cli.main(args) == 0
    written = list((sessions / "eksport").glob("oversigt-*.xlsx"))
    assert len(written) == 1
    assert oct(written[0].stat().st_mode & 0o777) == "0o600"
    first = written[0].read_bytes()
    assert cli.main(args) == 1  # exists: refused, file kept
    assert written[0].read_bytes() == first
    assert written[0].name in capsys.readouterr().err
    assert cli.main([*args, "--force"]) == 0


def test_command_names_a_broken_file_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _save_units(tmp_path)
    broken = tmp_path / "broken.toml"
    broken.write_text("title = [", encoding="utf-8")
    out = tmp_path / "ov.html"
    assert cli.main(["overview", str(paths[0]), str(broken), "-o", str(out)]) == 1
    assert "broken.toml" in capsys.readouterr().err
    assert not out.exists()


def test_units_with_the_same_name_are_told_apart() -> None:
    a, b, _ = units()
    b.frame.unit = a.frame.unit
    assert [u.label for u in build_overview([a, b]).units] == ["Team Nord", "Team Nord (2)"]


async def test_home_screen_writes_the_overview_of_the_folder(tmp_path: Path) -> None:
    from textual.widgets import Button

    from fagworkshop.tui.app import FagworkshopApp
    from fagworkshop.tui.home import HomeScreen

    _save_units(tmp_path)
    (tmp_path / "broken.toml").write_text("title = [", encoding="utf-8")
    app = FagworkshopApp(sessions_dir=tmp_path)
    async with app.run_test(size=(120, 40), notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen.query_one("#make-overview", Button).press()
        await pilot.pause()
        written = list((tmp_path / "eksport").glob("oversigt-*.html"))
        assert len(written) == 1
        page = written[0].read_text(encoding="utf-8")
        assert "Team Nord" in page and "Team Syd" in page and "Team Øst" in page
        assert "Per Persen" not in page and "Rasmus" not in page
        texts = [str(n.message) for n in app._notifications]
        assert any("3" in m and "1 fil" in m for m in texts)
        screen.make_overview()  # a second one the same day never replaces the first
        assert len(list((tmp_path / "eksport").glob("oversigt-*.html"))) == 2
        await pilot.press("ctrl+q")
    # the overview folder is not listed as a workshop
    assert all(e.path.parent == tmp_path for e in list_sessions(tmp_path))


def test_a_folder_named_as_a_session_gets_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: "Stien er en mappe, ikke en fil." followed by "Filen er ikke ændret."."""
    folder = tmp_path / "enheder"
    folder.mkdir()
    assert cli.main(["overview", str(folder), "-o", str(tmp_path / "o.html")]) == 1
    err = capsys.readouterr().err
    assert "Stien er en mappe, ikke en fil." in err
    assert "ikke ændret" not in err
    assert "workshopfil (.toml) i mappen" in err
    assert not (tmp_path / "o.html").exists()
