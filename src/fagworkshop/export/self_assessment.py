"""Self-assessment forms (selvvurderingsskemaer): one small form per member of staff.

A form holds one person and nothing about anyone else: their relevant
competences (``domain.analysis.build_index().relevant_ordered``), the level
scale explained, a level cell with a drop-down and a "wants to develop"
(ønsker at udvikle) cell per competence, and what identifies it (the session
id, the round number and the person id) in a hidden, protected place. It
never holds the leaders' levels, notes or anyone else's data; names of other
people typed into a competence's wording become ``[anden person]``. The
person's own answers already given in the round are filled in, so a second
form can correct the first.

Two formats: an Excel workbook (:func:`render_form_xlsx`, openpyxl) and a
TOML file for those without Excel (:func:`render_form_toml`). They are read
back by ``export.form_import``; :data:`FORM_KIND` and :data:`FORM_VERSION`
tell a form from anything else.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from fagworkshop.domain.analysis import build_index
from fagworkshop.domain.names import session_matcher
from fagworkshop.domain.session import Session
from fagworkshop.export.common import line, text
from fagworkshop.i18n import language, t

#: What a form says it is, in its hidden identity sheet or ``[form]`` table.
FORM_KIND = "fagworkshop-selvvurdering"
FORM_VERSION = 1
FORMATS = ("xlsx", "toml")
#: The hidden sheet that identifies an Excel form.
ID_SHEET = "fagworkshop"
#: The identity keys, in the order they are written.
ID_KEYS = ("kind", "version", "session", "round", "person", "language")
#: The columns of the form table: person id (hidden), code, competence, description,
#: own level, wish.
COLUMNS = ("person", "code", "competence", "description", "level", "wish")
LEVEL_COLUMN = COLUMNS.index("level") + 1
WISH_COLUMN = COLUMNS.index("wish") + 1


@dataclass(frozen=True)
class FormRow:
    """One competence on a form, with the person's own answer so far."""

    competence_id: str
    title: str
    description: str
    level: int | None
    wish: bool


@dataclass(frozen=True)
class FormSpec:
    """What one person's form holds; the same for both formats."""

    session_id: str
    round_number: int
    person_id: str
    person_name: str
    place: str  # jobcentre and unit
    round_date: dt.date | None
    levels: tuple[tuple[int, str, str], ...]  # level, label, meaning
    rows: tuple[FormRow, ...]


class NoRound(ValueError):
    """The session has no rating round to collect self-assessments for."""


def form_spec(session: Session, person_id: str) -> FormSpec:
    """The form of one person for the latest round (``KeyError`` for an unknown person)."""
    person = session.person(person_id)
    if person is None:
        raise KeyError(person_id)
    rnd = session.round()
    if rnd is None:
        raise NoRound(session.id)
    idx = build_index(session)
    matcher = session_matcher(session, short_forms=True)
    other = t("person.other")

    def own_only(value: str) -> str:
        return matcher.replace(value, lambda m: None if m.only(person_id) else other)[0]

    part = rnd.person_part(person_id)
    mine, wishes = part.own, part.wishes
    rows = []
    for cid in idx.relevant_ordered.get(person_id, ()):
        item = session.competence(cid)
        description = item.description if item is not None else ""
        rows.append(
            FormRow(
                competence_id=cid,
                title=own_only(line(idx.infos[cid].title)),
                description=own_only(text(description)),
                level=mine.get(cid),
                wish=cid in wishes,
            )
        )
    f = session.frame
    return FormSpec(
        session_id=session.id,
        round_number=rnd.number,
        person_id=person_id,
        person_name=line(person.name),
        place=own_only(", ".join(x for x in (line(f.jobcenter), line(f.unit)) if x)),
        round_date=rnd.date,
        levels=tuple(
            (lv.level, own_only(line(lv.label)), own_only(text(lv.meaning)))
            for lv in sorted(session.levels, key=lambda lv: lv.level)
        ),
        rows=tuple(rows),
    )


def identity(spec: FormSpec) -> dict[str, str | int]:
    """The identity of a form, as written in its hidden sheet or ``[form]`` table."""
    return {
        "kind": FORM_KIND,
        "version": FORM_VERSION,
        "session": spec.session_id,
        "round": spec.round_number,
        "person": spec.person_id,
        "language": language(),
    }


def _subtitle(spec: FormSpec) -> str:
    when = f" ({spec.round_date.isoformat()})" if spec.round_date else ""
    parts = [spec.place] if spec.place else []
    parts.append(t("sa.form.round", number=spec.round_number) + when)
    return " · ".join(parts)


def _scale_lines(spec: FormSpec) -> list[str]:
    return [
        f"{level} – {label}" + (f": {meaning}" if meaning else "")
        for level, label, meaning in spec.levels
    ]


# --- Excel ---------------------------------------------------------------------

_SURROGATES = re.compile("[\ud800-\udfff]")


def render_form_xlsx(spec: FormSpec) -> bytes:
    """One person's form as an Excel workbook (drop-downs, protected, identity hidden)."""
    # openpyxl (0.14 s to import) only when an Excel file is written or read
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    def drop_down(
        choices: str, error: tuple[str, str], prompt: tuple[str, str] | None = None
    ) -> DataValidation:
        """A drop-down of ``choices`` (comma-separated) that refuses anything else with
        ``error`` (title, text), and shows ``prompt`` (title, text) when one is given."""
        check = DataValidation(
            type="list",
            formula1=f'"{choices}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=error[0],
            error=error[1],
        )
        if prompt is not None:
            check.showInputMessage = True
            check.promptTitle, check.prompt = prompt
        return check

    def put(cell: Cell | MergedCell, value: str | int | None, **style: object) -> None:
        if isinstance(value, str):  # always text, never a formula
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", _SURROGATES.sub("", value))[:32_000]
            cell.data_type = "s"
            if cell.value.lstrip(" ").startswith(("=", "+", "-", "@")):
                cell.quotePrefix = True
        else:
            cell.value = value
        for name, setting in style.items():
            setattr(cell, name, setting)

    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = t("sa.form.sheet")[:31]
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    put(ws.cell(1, 2), t("sa.form.title", name=spec.person_name), font=Font(bold=True, size=14))
    put(ws.cell(2, 2), _subtitle(spec))
    put(ws.cell(3, 2), t("sa.form.how"), alignment=wrap)
    ws.merge_cells(start_row=3, start_column=2, end_row=3, end_column=len(COLUMNS))
    ws.row_dimensions[3].height = 60
    put(ws.cell(5, 2), t("sa.form.scale"), font=bold)
    row = 6
    for scale_line in _scale_lines(spec):
        put(ws.cell(row, 2), scale_line)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(COLUMNS))
        row += 1
    header_row = row + 1
    fill = PatternFill("solid", fgColor="EEEEEE")
    for c, key in enumerate(COLUMNS, 1):
        put(ws.cell(header_row, c), t(f"sa.col.{key}"), font=bold, fill=fill)
    yes, no = t("person.yes"), t("sa.no")
    open_cell = Protection(locked=False)
    for r, form_row in enumerate(spec.rows, header_row + 1):
        put(ws.cell(r, 1), spec.person_id)
        put(ws.cell(r, 2), form_row.competence_id)
        put(ws.cell(r, 3), form_row.title, alignment=wrap)
        put(ws.cell(r, 4), form_row.description, alignment=wrap)
        put(ws.cell(r, LEVEL_COLUMN), form_row.level, protection=open_cell)
        put(ws.cell(r, WISH_COLUMN), yes if form_row.wish else None, protection=open_cell)
    last = header_row + max(len(spec.rows), 1)
    numbers = ",".join(str(level) for level, _, _ in spec.levels)
    levels = drop_down(
        numbers,
        (t("sa.form.level_error_title"), t("sa.form.level_error", levels=numbers)),
        prompt=(t("sa.col.level"), t("sa.form.level_prompt")),
    )
    wishes = drop_down(
        f"{yes},{no}", (t("sa.form.wish_error_title"), t("sa.form.wish_error", yes=yes))
    )
    ws.add_data_validation(levels)
    ws.add_data_validation(wishes)
    if spec.rows:
        col_level = chr(ord("A") + LEVEL_COLUMN - 1)
        col_wish = chr(ord("A") + WISH_COLUMN - 1)
        levels.add(f"{col_level}{header_row + 1}:{col_level}{last}")
        wishes.add(f"{col_wish}{header_row + 1}:{col_wish}{last}")
    for letter, width in zip("ABCDEF", (8, 16, 44, 60, 14, 18), strict=True):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions["A"].hidden = True  # the person id, read back to refuse copied rows
    ws.freeze_panes = f"A{header_row + 1}"
    ws.protection.sheet = True  # only the answer cells can be changed
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ident = wb.create_sheet(ID_SHEET)
    for r, (key, value) in enumerate(identity(spec).items(), 1):
        put(ident.cell(r, 1), key)
        put(ident.cell(r, 2), value if isinstance(value, int) else str(value))
    ident.protection.sheet = True
    ident.sheet_state = "veryHidden"
    wb.active = 0
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- TOML ----------------------------------------------------------------------


def render_form_toml(spec: FormSpec) -> str:
    """One person's form as a TOML file: comments explain it, ``level`` and ``wish`` are
    the answers (``level = ""`` is not answered)."""

    comments = [
        t("sa.form.title", name=spec.person_name),
        _subtitle(spec),
        "",
        *t("sa.form.how_toml").splitlines(),
        "",
        t("sa.form.scale"),
        *_scale_lines(spec),
    ]
    head = "".join(f"# {c}".rstrip() + "\n" for c in comments if "\n" not in c)
    data = {
        "form": identity(spec),
        "row": [
            {
                "person": spec.person_id,
                "code": r.competence_id,
                "competence": r.title,
                "level": "" if r.level is None else r.level,
                "wish": r.wish,
            }
            for r in spec.rows
        ],
    }
    return head + "\n" + tomli_w.dumps(data, multiline_strings=True)


def render_form(spec: FormSpec, fmt: str) -> bytes:
    """A form in ``xlsx`` or ``toml``."""
    if fmt == "xlsx":
        return render_form_xlsx(spec)
    return render_form_toml(spec).encode("utf-8")


def form_name(spec: FormSpec, fmt: str) -> str:
    """A form's file name: the person id, never their name (``selvvurdering-p-3.xlsx``)."""
    return f"{t('sa.file_prefix')}-{spec.person_id}.{fmt}"


def forms_for(
    session: Session, folder: Path, fmt: str, people: Sequence[str] | None = None
) -> list[tuple[Path, bytes]]:
    """Every person's form (or those in ``people``), with the path it goes to in ``folder``.

    A person with no relevant competences yet (no included basics, no local
    profile) gets no form: see :func:`without_competences`.
    """
    chosen = [p.id for p in session.staff] if people is None else list(dict.fromkeys(people))
    out = []
    for person_id in chosen:
        spec = form_spec(session, person_id)
        if spec.rows:
            out.append((folder / form_name(spec, fmt), render_form(spec, fmt)))
    return out


def without_competences(session: Session, people: Sequence[str] | None = None) -> list[str]:
    """The people (of ``people``, else all staff) with no competence to assess yet."""
    idx = build_index(session)
    chosen = [p.id for p in session.staff] if people is None else list(dict.fromkeys(people))
    return [pid for pid in chosen if not idx.relevant_ordered.get(pid)]
