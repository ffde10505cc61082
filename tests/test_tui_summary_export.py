"""Step 7's export form: format, folder, file name, names; never replace without asking."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from textual.widgets import Checkbox, Input, Select, Static

from fagworkshop.domain import changes
from fagworkshop.export.formats import ALL_FORMATS
from fagworkshop.generate import generate_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.summary.export_form import EXPORT_FORMATS, ExportForm
from fagworkshop.tui.steps.summary.view import SummaryStep
from fagworkshop.tui.widgets.choice import ChoiceModal
from support.harness import open_saved

HOSTILE = "[bold red]x[/] y [/"
SIZE = (120, 40)


def opened(tmp_path: Path) -> tuple[FagworkshopApp, Path]:
    session = generate_session(staff=4, competences=8, rounds=1, seed=3)
    changes.add_decision(session, 2, HOSTILE)
    session.staff[0].name = "Hanne " + HOSTILE
    session.current_step = 7
    return open_saved(tmp_path, session, "sum.toml")


def form(app: FagworkshopApp) -> ExportForm:
    return app.screen.query_one(ExportForm)


def result(app: FagworkshopApp) -> str:
    return str(app.screen.query_one("#export-result", Static).render())


def test_the_form_offers_every_format() -> None:
    assert EXPORT_FORMATS == ALL_FORMATS


async def test_defaults_format_switch_and_names(tmp_path: Path) -> None:
    app, _path = opened(tmp_path)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert isinstance(app.current_view(), SummaryStep)
        f = form(app)
        folder = app.screen.query_one("#export-folder", Input)
        name = app.screen.query_one("#export-name", Input)
        assert folder.value == str(tmp_path / "eksport")
        assert name.value == "sum.md"
        # choosing a format in the list changes the suffix of the name
        app.screen.query_one("#export-format", Select).value = "xlsx"
        await pilot.pause()
        assert f.fmt == "xlsx" and name.value == "sum.xlsx"
        # names on: the workbook holds the full name; folder created owner-only
        await pilot.click("#export-names")
        await pilot.pause()
        assert app.screen.query_one("#export-names", Checkbox).value
        await pilot.click("#export-go")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = tmp_path / "eksport" / "sum.xlsx"
        assert out.is_file() and (out.stat().st_mode & 0o777) == 0o600
        assert ((tmp_path / "eksport").stat().st_mode & 0o777) == 0o700
        wb = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
        people = {c.value for c in wb["Vurderinger"]["E"]}
        assert "Hanne " + HOSTILE in people
        assert "sum.xlsx" in result(app)
        # names off again, Word: no full name anywhere in the document
        await pilot.click("#export-names")
        f.export("docx")
        await app.workers.wait_for_complete()
        await pilot.pause()
        doc = tmp_path / "eksport" / "sum.docx"
        with zipfile.ZipFile(doc) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        assert "Hanne" not in xml and "Udviklingssamtale" in xml
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()


async def test_an_existing_file_is_never_replaced_without_asking(tmp_path: Path) -> None:
    app, _path = opened(tmp_path)
    folder = tmp_path / "eksport"
    folder.mkdir()
    old = folder / "sum.md"
    old.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        f = form(app)
        # Esc: nothing is written
        f.export("md")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert old.read_text(encoding="utf-8") == "keep me"
        assert sorted(p.name for p in folder.iterdir()) == ["sum.md"]
        # n: the next free name, said out loud and put in the name field
        form(app).export()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert old.read_text(encoding="utf-8") == "keep me"
        assert (folder / "sum (2).md").is_file()
        assert app.screen.query_one("#export-name", Input).value == "sum (2).md"
        assert "sum (2).md" in result(app)
        # o: overwrite, only when chosen
        app.screen.query_one("#export-name", Input).value = "sum.md"
        form(app).export()
        await pilot.pause()
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert old.read_text(encoding="utf-8") != "keep me"
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()


async def test_typed_folder_and_name(tmp_path: Path) -> None:
    app, _path = opened(tmp_path)
    target_folder = tmp_path / "ud" / "mus"
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        form(app).choose_format("html")
        app.screen.query_one("#export-folder", Input).value = str(target_folder)
        name = app.screen.query_one("#export-name", Input)
        name.value = ""
        await pilot.click("#export-name")
        await pilot.press(*"rapport", "enter")  # no suffix: the format's is added
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = target_folder / "rapport.html"
        assert out.is_file() and "<html" in out.read_text(encoding="utf-8")
        assert (target_folder.stat().st_mode & 0o777) == 0o700
        # a name with a folder in it is refused, nothing written
        name.value = "../ud.html"
        form(app).export()
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert "Ugyldigt filnavn" in result(app)
        assert not (tmp_path / "ud.html").exists()
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()


async def test_palette_command_exports_with_the_form(tmp_path: Path) -> None:
    app, _path = opened(tmp_path)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        view = app.current_view()
        assert isinstance(view, SummaryStep)
        view.run_command("csv")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "eksport" / "sum.csv").is_file()
        assert form(app).fmt == "csv"
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()


async def test_markup_in_folder_and_name_is_only_text(tmp_path: Path) -> None:
    app, _path = opened(tmp_path)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        app.screen.query_one("#export-folder", Input).value = str(tmp_path / "[/" / "x [b]y")
        name = app.screen.query_one("#export-name", Input)
        # a name with [/] holds a slash: refused, and the message shows it literally
        name.value = "[bold red]r[/] [/"
        form(app).export()
        await pilot.pause()
        assert "Ugyldigt filnavn" in result(app) and "[bold red]r[/] [/" in result(app)
        name.value = "[bold red]r[b] [@click=app.quit]"
        form(app).export()
        await app.workers.wait_for_complete()
        await pilot.pause()
        out = tmp_path / "[" / "x [b]y" / "[bold red]r[b] [@click=app.quit].md"
        assert out.is_file()
        assert "[bold red]r[b] [@click=app.quit].md" in result(app)
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()


async def test_a_late_format_message_does_not_change_what_was_asked_for(tmp_path: Path) -> None:
    """Found in the real program: the palette chose xlsx on a freshly mounted form, then the
    Select's own first Changed (md) arrived while the replace question was open, and the
    answer wrote Markdown into "demo (2).xlsx"."""
    app, _path = opened(tmp_path)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        f = form(app)
        select = app.screen.query_one("#export-format", Select)
        f.choose_format("xlsx")
        select.post_message(Select.Changed(select, "md"))  # stale: the list shows xlsx
        await pilot.pause()
        assert f.fmt == "xlsx"
        assert app.screen.query_one("#export-name", Input).value == "sum.xlsx"
        (tmp_path / "eksport").mkdir()
        (tmp_path / "eksport" / "sum.xlsx").write_bytes(b"old")
        f.export()
        await pilot.pause()
        # even if the form changed format while the question is open, the answer writes
        # what was asked for
        f.choose_format("md")
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "eksport" / "sum (2).xlsx").read_bytes().startswith(b"PK")
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()


async def test_word_one_file_per_person(tmp_path: Path) -> None:
    app, _path = opened(tmp_path)
    folder = tmp_path / "eksport"
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        f = form(app)
        per_person = app.screen.query_one("#export-per-person", Checkbox)
        assert per_person.disabled  # Markdown: one file only
        f.choose_format("docx")
        await pilot.pause()
        assert not per_person.disabled
        per_person.value = True
        f.export()
        await app.workers.wait_for_complete()
        await pilot.pause()
        files = sorted(p.name for p in folder.iterdir())
        assert len(files) == 4 and all(n.startswith("sum-") and n.endswith(".docx") for n in files)
        assert "4 filer" in result(app)
        first = {n: (folder / n).read_bytes() for n in files}
        # again: asked once for all of them; new names leave the first four alone
        f.export()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert {n: (folder / n).read_bytes() for n in files} == first
        assert len(list(folder.iterdir())) == 8
        assert all((folder / n.replace(".docx", " (2).docx")).is_file() for n in files)
        await pilot.press("ctrl+q")
        await app.workers.wait_for_complete()
