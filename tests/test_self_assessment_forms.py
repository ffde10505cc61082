"""Self-assessment forms out and back in (issue 14 item 2): ``self-assessment SESSION``
writes one small form per person holding nothing about anyone else; ``import-forms
SESSION FORM...`` checks every form before any is used, names each problem with its
form, row and fix, and saves the session once. Real forms, written and read back with
openpyxl, and bad forms of every kind."""

from __future__ import annotations

import html
import stat
import tomllib
import zipfile
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from fagworkshop.cli import main
from fagworkshop.demo import build_demo
from fagworkshop.domain.analysis import build_index
from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.i18n import set_language
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session

#: What a test types into a cell.
Answer = int | float | str | None


def demo_session() -> Session:
    s = build_demo()
    for rnd in s.rounds:  # as before anyone has filled in a form
        rnd.self_ratings.clear()
        rnd.wishes.clear()
    # a wording naming a colleague: it must not reach anyone else's form
    s.basics[0].local_wording = "Organisation (spørg Emil Fiktivsen)"
    return s


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "w.toml"
    save_session(demo_session(), path)
    return path


def write_forms(saved: Path, *extra: str) -> Path:
    out = saved.parent / "skemaer"
    assert main(["self-assessment", str(saved), "-o", str(out), *extra]) == 0
    return out


def level_rows(ws) -> list[int]:  # type: ignore[no-untyped-def]
    """The sheet rows holding a competence (after the header row with 'Kode')."""
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "Kode")
    return [r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 2).value]


def fill(form: Path, target: Path, answers: dict[int, tuple[Answer, Answer]]) -> Path:
    """Fill in the n-th competence rows of an Excel form: ``{n: (level, wish)}``."""
    wb = load_workbook(form)
    ws = wb.worksheets[0]
    rows = level_rows(ws)
    for n, (level, wish) in answers.items():
        ws.cell(rows[n], 5).value = level
        ws.cell(rows[n], 6).value = wish
    wb.save(target)
    return target


def import_forms(saved: Path, *forms: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["import-forms", str(saved), *map(str, forms)])
    return code, capsys.readouterr().err


# --- forms out -------------------------------------------------------------------


def test_one_excel_form_per_person_with_their_competences_scale_and_drop_downs(
    saved: Path,
) -> None:
    session = load_session(saved)
    out = write_forms(saved)
    forms = sorted(out.iterdir())
    assert [f.name for f in forms] == sorted(f"selvvurdering-{p.id}.xlsx" for p in session.staff)
    idx = build_index(session)
    for person in session.staff:
        form = out / f"selvvurdering-{person.id}.xlsx"
        assert stat.S_IMODE(form.stat().st_mode) == 0o600
        wb = load_workbook(form)
        ident = wb["fagworkshop"]
        assert ident.sheet_state == "veryHidden" and ident.protection.sheet
        found = {ident.cell(r, 1).value: ident.cell(r, 2).value for r in range(1, 7)}
        assert found["kind"] == "fagworkshop-selvvurdering" and found["version"] == 1
        assert (found["session"], found["round"], found["person"]) == (
            session.id,
            session.round().number,  # type: ignore[union-attr]
            person.id,
        )
        ws = wb.worksheets[0]
        assert ws.title == "Selvvurdering" and ws.protection.sheet
        assert ws.column_dimensions["A"].hidden
        rows = level_rows(ws)
        assert [ws.cell(r, 2).value for r in rows] == list(idx.relevant_ordered[person.id])
        assert all(ws.cell(r, 1).value == person.id for r in rows)
        assert all(not ws.cell(r, 5).protection.locked for r in rows)  # answer cells open
        assert all(ws.cell(r, 5).value is None and ws.cell(r, 6).value is None for r in rows)
        texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        for lv in session.levels:
            assert any(x.startswith(f"{lv.level} – {lv.label}") for x in texts)
        validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
        first, last = rows[0], rows[-1]
        assert validations[f"E{first}:E{last}"].formula1 == '"0,1,2,3,4"'
        assert validations[f"F{first}:F{last}"].formula1 == '"ja,nej"'


def test_a_form_holds_nothing_about_anyone_else(saved: Path) -> None:
    session = load_session(saved)
    out = write_forms(saved)
    anna = session.staff[0]
    with zipfile.ZipFile(out / f"selvvurdering-{anna.id}.xlsx") as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml")).decode()
    xml = html.unescape(xml)  # openpyxl writes ø as &#248;
    assert anna.name in xml
    assert "[anden person]" in xml  # Emil in the wording was replaced
    for other in session.staff[1:]:
        for part in other.name.split():
            if part not in anna.name.split():
                assert part not in xml, (other.id, part)
        assert f">{other.id}<" not in xml
    rnd = session.round()
    assert rnd is not None
    # no leaders' level and no rating note is on the form: its answer cells start empty
    wb = load_workbook(out / f"selvvurdering-{anna.id}.xlsx")
    notes = [n for n in rnd.notes.get(anna.id, {}).values() if n]
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not any(n in cells for n in notes)


def test_the_toml_form_for_those_without_excel(saved: Path) -> None:
    session = load_session(saved)
    out = write_forms(saved, "--format", "toml", "--person", "p-2")
    [form] = list(out.iterdir())
    assert form.name == "selvvurdering-p-2.toml"
    text = form.read_text(encoding="utf-8")
    assert text.startswith("# Selvvurdering: ")
    assert "# 3 – Selvstændig" in text
    data = tomllib.loads(text)
    assert data["form"]["session"] == session.id and data["form"]["person"] == "p-2"
    codes = [r["code"] for r in data["row"]]
    assert codes == list(build_index(session).relevant_ordered["p-2"])
    assert all(r["level"] == "" and r["wish"] is False for r in data["row"])


def test_existing_forms_are_kept_unless_force(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_forms(saved, "--person", "p-1")
    form = out / "selvvurdering-p-1.xlsx"
    before = form.read_bytes()
    assert main(["selvvurdering", str(saved), "-o", str(out), "--person", "p-1"]) == 1
    assert str(form) in capsys.readouterr().err and form.read_bytes() == before
    assert main(["selvvurdering", str(saved), "-o", str(out), "--person", "p-1", "--force"]) == 0
    assert main(["selvvurdering", str(saved), "--person", "p-nobody", "-o", str(out)]) == 1
    assert "p-nobody" in capsys.readouterr().err


# --- forms back in ----------------------------------------------------------------


def test_filled_forms_are_read_in_and_the_session_saved_once(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_forms(saved)
    xlsx = fill(
        out / "selvvurdering-p-1.xlsx",
        saved.parent / "p1.xlsx",
        {0: (3, "ja"), 1: (1, None), 3: (None, "Ja")},
    )
    toml_out = write_forms(saved, "--format", "toml", "--person", "p-2", "--force")
    tform = toml_out / "selvvurdering-p-2.toml"
    tform.write_text(
        tform.read_text(encoding="utf-8").replace('level = ""', "level = 2", 1), encoding="utf-8"
    )
    original = saved.read_bytes()
    code, err = import_forms(saved, xlsx, tform, capsys=capsys)
    assert code == 0, err
    assert "p1.xlsx: p-1, 2 niveau(er), 2 ønske(r)" in err
    assert "2 skema(er) indlæst" in err
    # saved once: the backup is the file as it was before the import
    assert (saved.parent / "w.toml.bak").read_bytes() == original
    after = load_session(saved)
    rnd = after.round()
    assert rnd is not None
    p1 = list(build_index(after).relevant_ordered["p-1"])
    p2 = list(build_index(after).relevant_ordered["p-2"])
    assert rnd.self_ratings == {"p-1": {p1[0]: 3, p1[1]: 1}, "p-2": {p2[0]: 2}}
    assert rnd.wishes == {"p-1": [p1[0], p1[3]]}
    assert after.rounds[0].self_ratings == {}  # only the current round
    # the leaders' ratings are untouched
    before = load_session(saved.parent / "w.toml.bak")
    assert [r.ratings for r in after.rounds] == [r.ratings for r in before.rounds]
    # a new form carries the answers so far, and reading it in again changes nothing
    again = write_forms(saved, "--person", "p-1", "--force") / "selvvurdering-p-1.xlsx"
    ws = load_workbook(again).worksheets[0]
    rows = level_rows(ws)
    assert (ws.cell(rows[0], 5).value, ws.cell(rows[0], 6).value) == (3, "ja")
    assert import_forms(saved, again, capsys=capsys)[0] == 0
    assert load_session(saved).round().self_ratings["p-1"] == {p1[0]: 3, p1[1]: 1}  # type: ignore[union-attr]


def test_an_emptied_cell_clears_an_earlier_answer(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_forms(saved, "--person", "p-1")
    first = fill(
        out / "selvvurdering-p-1.xlsx", saved.parent / "a.xlsx", {0: (3, "ja"), 1: (2, None)}
    )
    assert import_forms(saved, first, capsys=capsys)[0] == 0
    second = fill(first, saved.parent / "b.xlsx", {0: (None, None)})
    assert import_forms(saved, second, capsys=capsys)[0] == 0
    rnd = load_session(saved).round()
    assert rnd is not None
    p1 = list(build_index(load_session(saved)).relevant_ordered["p-1"])
    assert rnd.self_ratings == {"p-1": {p1[1]: 2}} and rnd.wishes == {}


def _identity_changed(form: Path, target: Path, key: str, value: Answer) -> Path:
    wb = load_workbook(form)
    ident = wb["fagworkshop"]
    row = next(r for r in range(1, 10) if ident.cell(r, 1).value == key)
    ident.cell(row, 2).value = value
    ws = wb.worksheets[0]
    ws.cell(level_rows(ws)[0], 5).value = 2  # filled in, so only the identity is wrong
    wb.save(target)
    return target


def _row_copied_from(form: Path, other: Path, target: Path) -> Path:
    """p-1's form with a row of p-2's form pasted under its own rows."""
    wb = load_workbook(form)
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    ws.cell(level_rows(ws)[0], 5).value = 3
    theirs = load_workbook(other).worksheets[0]
    src = level_rows(theirs)[-1]
    dst = level_rows(ws)[-1] + 1
    for c in range(1, 7):
        ws.cell(dst, c).value = theirs.cell(src, c).value
    ws.cell(dst, 5).value = 4
    wb.save(target)
    return target


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("wrong person", ["er til en person, sessionen ikke kender (p-99)", "Skriv et nyt skema"]),
        ("wrong round", ["er til vurderingsrunde 1, men workshoppen er i runde 2", "nyt skema"]),
        ("wrong session", ["hører til en anden workshop (session andet-id", "den session"]),
        ("level outside the scale", ["række", "niveauet 7 er uden for skalaen (0, 1, 2, 3, 4)"]),
        ("text in a level cell", ["række", "niveauet 'tre' er ikke et helt tal", "Vælg et niveau"]),
        ("a wish that is not yes", ["række", "'måske' under Ønsker at udvikle", 'Skriv "ja"']),
        ("empty form", ["er tomt: intet niveau og intet ønske", "Udfyld mindst ét"]),
        ("another person's row", ["rækken hører til en anden person (p-2)", "Slet rækken"]),
        ("not a form", ["kan ikke læses som Excel-projektmappe"]),
        ("no identity", ["er ikke et selvvurderingsskema fra fagworkshop"]),
    ],
)
def test_a_bad_form_is_refused_with_form_row_and_fix_and_nothing_is_read_in(
    saved: Path, capsys: pytest.CaptureFixture[str], kind: str, words: list[str]
) -> None:
    out = write_forms(saved, "--person", "p-1", "--person", "p-2")
    form, other = out / "selvvurdering-p-1.xlsx", out / "selvvurdering-p-2.xlsx"
    bad = saved.parent / "bad.xlsx"
    if kind == "wrong person":
        _identity_changed(form, bad, "person", "p-99")
    elif kind == "wrong round":
        _identity_changed(form, bad, "round", 1)
    elif kind == "wrong session":
        _identity_changed(form, bad, "session", "andet-id")
    elif kind == "level outside the scale":
        fill(form, bad, {0: (3, None), 2: (7, None)})
    elif kind == "text in a level cell":
        fill(form, bad, {2: ("tre", None)})
    elif kind == "a wish that is not yes":
        fill(form, bad, {2: (2, "måske")})
    elif kind == "empty form":
        bad.write_bytes(form.read_bytes())
    elif kind == "another person's row":
        _row_copied_from(form, other, bad)
    elif kind == "not a form":
        bad.write_bytes(b"PK\x03\x04 this is no workbook")
    elif kind == "no identity":
        wb = load_workbook(form)
        del wb["fagworkshop"]
        wb.save(bad)
    # a good form beside the bad one is not read in either
    good = fill(other, saved.parent / "good.xlsx", {0: (2, "ja")})
    original = saved.read_bytes()
    code, err = import_forms(saved, good, bad, capsys=capsys)
    assert code == 1
    assert "bad.xlsx" in err and "good.xlsx" not in err
    for w in words:
        assert w in err, (kind, err)
    assert "Intet er ændret i sessionen" in err
    assert saved.read_bytes() == original  # not even saved
    assert not (saved.parent / "w.toml.bak").exists()
    assert "Traceback" not in err


def test_the_row_of_each_problem_is_named(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = write_forms(saved, "--person", "p-1")
    bad = fill(
        out / "selvvurdering-p-1.xlsx", saved.parent / "bad.xlsx", {1: ("x", None), 4: (9, None)}
    )
    rows = level_rows(load_workbook(bad).worksheets[0])
    code, err = import_forms(saved, bad, capsys=capsys)
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("  - ")]
    assert lines[0].startswith(f"  - bad.xlsx, række {rows[1]}: niveauet 'x'")
    assert lines[1].startswith(f"  - bad.xlsx, række {rows[4]}: niveauet 9 er uden for")


def test_a_row_that_is_not_on_the_persons_form_or_is_there_twice_is_refused(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = load_session(saved)
    idx = build_index(session)
    mine = idx.relevant["p-1"]
    outside = next(c for c in session.competence_ids() if c not in mine)
    out = write_forms(saved, "--person", "p-1")
    wb = load_workbook(out / "selvvurdering-p-1.xlsx")
    ws = wb.worksheets[0]
    rows = level_rows(ws)
    ws.cell(rows[0], 5).value = 2
    ws.cell(rows[-1] + 1, 1).value = "p-1"
    ws.cell(rows[-1] + 1, 2).value = outside
    ws.cell(rows[-1] + 2, 1).value = "p-1"
    ws.cell(rows[-1] + 2, 2).value = ws.cell(rows[0], 2).value
    bad = saved.parent / "bad.xlsx"
    wb.save(bad)
    code, err = import_forms(saved, bad, capsys=capsys)
    assert code == 1
    assert f"kompetencen {outside} er ikke på denne persons skema" in err
    assert f"står der to gange (også i række {rows[0]})" in err


def test_a_toml_form_is_checked_the_same_way_with_its_lines(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_forms(saved, "--format", "toml", "--person", "p-1")
    form = out / "selvvurdering-p-1.toml"
    text = form.read_text(encoding="utf-8")
    text = text.replace('level = ""', 'level = "tre"', 1).replace('level = ""', "level = 8", 1)
    text = text.replace("wish = false", 'wish = "kanske"', 1)
    form.write_text(text, encoding="utf-8")
    line = text.splitlines().index("[[row]]") + 1
    code, err = import_forms(saved, form, capsys=capsys)
    assert code == 1
    assert f"selvvurdering-p-1.toml, linje {line} (kompetence nr. 1): niveauet 'tre'" in err
    assert "niveauet 8 er uden for skalaen" in err and "'kanske'" in err
    form.write_text("[form\nkind = 1", encoding="utf-8")
    code, err = import_forms(saved, form, capsys=capsys)
    assert code == 1 and "er ikke gyldig TOML" in err


def test_two_forms_for_one_person_are_refused(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_forms(saved, "--person", "p-1")
    a = fill(out / "selvvurdering-p-1.xlsx", saved.parent / "a.xlsx", {0: (1, None)})
    b = fill(out / "selvvurdering-p-1.xlsx", saved.parent / "b.xlsx", {0: (2, None)})
    code, err = import_forms(saved, a, b, capsys=capsys)
    assert code == 1 and "b.xlsx: er det andet skema for p-1 (det første er a.xlsx)" in err


def test_a_session_open_in_the_program_is_not_changed(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_forms(saved, "--person", "p-1")
    form = fill(out / "selvvurdering-p-1.xlsx", saved.parent / "a.xlsx", {0: (1, None)})
    original = saved.read_bytes()
    with SessionLock(saved):  # as a running program holds it
        import subprocess
        import sys

        run = subprocess.run(
            [sys.executable, "-m", "fagworkshop", "import-forms", str(saved), str(form)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert run.returncode == 1
    assert "allerede åben i et andet fagworkshop-vindue" in run.stderr
    assert "Traceback" not in run.stderr
    assert saved.read_bytes() == original


def test_a_missing_file_a_folder_and_an_oversized_workbook_are_named(
    saved: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fagworkshop.export import form_import

    out = write_forms(saved, "--person", "p-1")
    form = fill(out / "selvvurdering-p-1.xlsx", saved.parent / "a.xlsx", {0: (1, None)})
    code, err = import_forms(saved, saved.parent / "nowhere.xlsx", out, capsys=capsys)
    assert code == 1
    assert "nowhere.xlsx: kan ikke læses (" in err and "Angiv stien" in err
    assert "skemaer: er ikke en fil" in err
    monkeypatch.setattr(form_import, "MAX_UNPACKED_BYTES", 1000)  # as a zip bomb would be
    code, err = import_forms(saved, form, capsys=capsys)
    assert code == 1 and "a.xlsx: er alt for stor til et skema" in err


def test_an_english_form_is_read_back(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = saved.parent / "en"
    assert (
        main(["--lang", "en", "self-assessment", str(saved), "-o", str(out), "--person", "p-3"])
        == 0
    )
    form = out / "self-assessment-p-3.xlsx"
    wb = load_workbook(form)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "Code")
    ws.cell(header + 1, 5).value = 4
    ws.cell(header + 1, 6).value = "yes"
    wb.save(form)
    set_language("da")
    code, err = import_forms(saved, form, capsys=capsys)
    assert code == 0, err
    first = build_index(load_session(saved)).relevant_ordered["p-3"][0]
    rnd = load_session(saved).round()
    assert (
        rnd is not None and rnd.self_ratings["p-3"] == {first: 4} and rnd.wishes["p-3"] == [first]
    )


def test_every_form_filled_in_full_reads_back_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = generate_session(staff=8, competences=20, rounds=2, seed=11)
    path = tmp_path / "g.toml"
    save_session(session, path)
    scale = session.level_numbers()
    idx = build_index(session)
    expected_levels: dict[str, dict[str, int]] = {}
    expected_wishes: dict[str, list[str]] = {}
    forms = []
    for n, person in enumerate(session.staff):
        fmt = "toml" if n % 2 else "xlsx"
        out = tmp_path / fmt
        args = ["self-assessment", str(path), "-o", str(out), "--person", person.id]
        assert main([*args, "--format", fmt]) == 0
        form = out / f"selvvurdering-{person.id}.{fmt}"
        codes = idx.relevant_ordered[person.id]
        assert codes
        levels = {c: scale[(n + i) % len(scale)] for i, c in enumerate(codes) if i % 4 != 3}
        wishes = [c for i, c in enumerate(codes) if i % 3 == 0]
        expected_levels[person.id] = levels
        if wishes:
            expected_wishes[person.id] = wishes
        if fmt == "xlsx":
            wb = load_workbook(form)
            ws = wb.worksheets[0]
            for r in level_rows(ws):
                code = str(ws.cell(r, 2).value)
                ws.cell(r, 5).value = levels.get(code)
                ws.cell(r, 6).value = "ja" if code in wishes else None
            wb.save(form)
        else:
            data = tomllib.loads(form.read_text(encoding="utf-8"))
            for row in data["row"]:
                row["level"] = levels.get(row["code"], "")
                row["wish"] = row["code"] in wishes
            form.write_text(tomli_w.dumps(data), encoding="utf-8")
        forms.append(form)
    capsys.readouterr()
    status, err = import_forms(path, *forms, capsys=capsys)
    assert status == 0, err
    rnd = load_session(path).round()
    assert rnd is not None
    assert rnd.self_ratings == expected_levels
    assert rnd.wishes == expected_wishes


def test_someone_with_no_competence_to_assess_gets_no_form_and_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = demo_session()
    for b in s.basics:
        b.included = False
    s.staff[1].profiles = []  # p-2: nothing left to assess
    path = tmp_path / "w.toml"
    save_session(s, path)
    out = tmp_path / "skemaer"
    assert main(["self-assessment", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Intet skema til p-2" in err
    assert not (out / "selvvurdering-p-2.xlsx").exists()
    assert (out / "selvvurdering-p-1.xlsx").exists()
    assert main(["self-assessment", str(path), "-o", str(out), "--person", "p-2"]) == 1
    assert "Ingen har kompetencer at vurdere endnu" in capsys.readouterr().err


def test_a_missing_session_is_named_and_no_lock_file_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.toml"
    form = tmp_path / "a.toml"
    form.write_text("[form]\n", encoding="utf-8")
    code, err = import_forms(missing, form, capsys=capsys)
    assert code == 1 and "nope.toml" in err and "findes ikke" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml"]


_ANY = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=True),
        st.text(max_size=12),
        st.sampled_from(["", " 3 ", "ja", "Nej", "p-1", "p-2", "b-lovgivning", "3.0", "=1+2"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_KEYS = st.sampled_from(["person", "code", "competence", "level", "wish", "other"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ident=st.dictionaries(st.sampled_from(["kind", "version", "session", "round", "person"]), _ANY),
    rows=st.lists(st.dictionaries(_KEYS, _ANY, max_size=6), max_size=5),
    real_identity=st.booleans(),
)
def test_any_toml_form_is_checked_without_an_exception(
    tmp_path: Path, ident: dict[str, object], rows: list[dict[str, object]], real_identity: bool
) -> None:
    from fagworkshop.export.form_import import apply_forms, check_forms, read_form

    session = _GENERATED
    if real_identity:  # reach the row checks, not only the identity
        ident = {
            "kind": "fagworkshop-selvvurdering",
            "version": 1,
            "session": session.id,
            "round": 2,
            "person": "p-1",
            **{k: v for k, v in ident.items() if k == "person"},
        }
    data: dict[str, object] = {"form": {k: v for k, v in ident.items() if v is not None}}
    data["row"] = [{k: v for k, v in r.items() if v is not None} for r in rows]
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):
        return  # not representable in TOML
    form_path = tmp_path / "f.toml"
    form_path.write_text(text, encoding="utf-8")
    form = read_form(form_path)
    problems = check_forms(session, [form])
    assert all(p.form == "f.toml" and p.what and p.fix for p in problems)
    if not problems:  # a clean form applies to a copy without complaint
        copy = session.model_copy(deep=True)
        apply_forms(copy, [form])


_GENERATED = generate_session(staff=3, competences=6, rounds=2, seed=5)
