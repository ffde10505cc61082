"""Filled self-assessment forms read back (indlæs skemaer), all checked before any is used.

:func:`read_form` turns one form file (Excel or TOML, as
``export.self_assessment`` writes them) into a :class:`FilledForm`, or
problems. :func:`check_forms` checks every form against the session: the
right workshop, the round it is in now, a known person and only once, each
row that person's own (a row copied from a colleague's form is refused), a
competence relevant to them and only once, a level on the scale or empty, a
wish yes or empty, something filled in at all. Every problem names the
form, the row and the fix. :func:`apply_forms` then sets the levels and
wishes through ``domain.changes``; the command saves the session once.

The reading is here; the types are in :mod:`.form_model`, the checking and
applying in :mod:`.form_check`, and every public name is importable from here.
"""

from __future__ import annotations

import io
import re
import tomllib
import zipfile
from pathlib import Path

from fagworkshop.export.form_check import Applied, apply_forms, check_forms
from fagworkshop.export.form_model import Answer, FilledForm, Problem, short_value
from fagworkshop.export.self_assessment import COLUMNS, ID_SHEET, LEVEL_COLUMN, WISH_COLUMN
from fagworkshop.i18n import t
from fagworkshop.i18n.self_assessment import STRINGS as SA_STRINGS
from fagworkshop.store.errors import os_reason

#: A filled form is a few kilobytes; anything far larger is not one of ours.
MAX_FORM_BYTES = 5_000_000
#: What an Excel form may unpack to (a small zip can unpack to gigabytes).
MAX_UNPACKED_BYTES = 50_000_000
#: Competence rows a form may hold (a catalogue has about a hundred).
MAX_ROWS = 2_000
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_YES = {"ja", "yes", "x", "true", "1"}
_NO = {"nej", "no", "false", "0"}


# --- reading values ---------------------------------------------------------------


def _level(form: FilledForm, row: str, value: object) -> int | None:
    """A level cell: empty, or a whole number (Excel may store 3 as 3.0 or "3")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 3:
        number = int(value.strip())
    else:
        number = None
    if number is None:
        form.problem(row, t("sa.bad.level", value=short_value(value)), t("sa.fix.level"))
    return number


def _wish(form: FilledForm, row: str, value: object) -> bool:
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, str) and value.strip().lower() in _YES:
        return True
    if isinstance(value, str) and (not value.strip() or value.strip().lower() in _NO):
        return False
    form.problem(row, t("sa.bad.wish", value=short_value(value)), t("sa.fix.wish"))
    return False


def _id_value(value: object) -> str | None:
    if isinstance(value, str) and _ID.fullmatch(value.strip()):
        return value.strip()
    return None


# --- the two formats --------------------------------------------------------------


def _read_xlsx(form: FilledForm, data: bytes) -> None:

    from openpyxl import load_workbook  # 0.14 s to import: only for an Excel form

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        form.problem(None, t("sa.bad.not_xlsx"), t("sa.fix.not_form"))
        return
    if unpacked > MAX_UNPACKED_BYTES:
        form.problem(None, t("sa.bad.too_big", size=unpacked), t("sa.fix.not_form"))
        return
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError):
        form.problem(None, t("sa.bad.not_xlsx"), t("sa.fix.not_form"))
        return
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        form.problem(None, t("sa.bad.not_xlsx"), t("sa.fix.not_form"))
        return
    if ID_SHEET not in wb.sheetnames:
        form.problem(None, t("sa.bad.no_identity"), t("sa.fix.not_form"))
        return
    ident = wb[ID_SHEET]
    for key, value, *_ in ident.iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
        if isinstance(key, str):
            form.identity[key] = value
    sheets = [ws for ws in wb.worksheets if ws.title != ID_SHEET]
    if not sheets:
        form.problem(None, t("sa.bad.no_rows"), t("sa.fix.empty"))
        return
    ws = sheets[0]
    headers = set(SA_STRINGS["sa.col.code"])  # a form written in either language
    header_row = None
    for r, (value,) in enumerate(
        ws.iter_rows(min_col=2, max_col=2, max_row=500, values_only=True), 1
    ):
        if isinstance(value, str) and value.strip() in headers:
            header_row = r
            break
    if header_row is None:
        form.problem(None, t("sa.bad.no_header"), t("sa.fix.not_form"))
        return
    width = len(COLUMNS)
    if ws.max_row > header_row + MAX_ROWS:
        form.problem(None, t("sa.bad.too_many_rows", rows=MAX_ROWS), t("sa.fix.not_form"))
        return
    for r, cells in enumerate(
        ws.iter_rows(min_row=header_row + 1, max_col=width, values_only=True), header_row + 1
    ):
        values = list(cells) + [None] * (width - len(cells))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        where = t("sa.place.row", row=r)
        form.at = r
        person, code = values[0], values[1]
        level = _level(form, where, values[LEVEL_COLUMN - 1])
        wish = _wish(form, where, values[WISH_COLUMN - 1])
        form.answers.append(
            Answer(
                row=where,
                order=r,
                person=_id_value(person) if person is not None else None,
                code=_id_value(code) if code is not None else None,
                level=level,
                wish=wish,
            )
        )
        if person is not None and _id_value(person) is None:
            form.problem(where, t("sa.bad.person_cell", value=short_value(person)), t("sa.fix.row"))
        if _id_value(code) is None:
            form.problem(where, t("sa.bad.code", value=short_value(code or "")), t("sa.fix.row"))


def _row_lines(raw: str) -> list[int]:
    return [n for n, text in enumerate(raw.splitlines(), 1) if text.strip() == "[[row]]"]


def _read_toml(form: FilledForm, data: bytes) -> None:
    try:
        raw = data.decode("utf-8")
        parsed = tomllib.loads(raw)
    except UnicodeDecodeError:
        form.problem(None, t("sa.bad.not_utf8"), t("sa.fix.not_form"))
        return
    except tomllib.TOMLDecodeError as exc:
        form.problem(None, t("sa.bad.toml", reason=short_value(exc)), t("sa.fix.toml"))
        return
    ident = parsed.get("form")
    if not isinstance(ident, dict):
        form.problem(None, t("sa.bad.no_identity"), t("sa.fix.not_form"))
        return
    form.identity.update(ident)
    rows = parsed.get("row", [])
    if not isinstance(rows, list):
        form.problem(None, t("sa.bad.no_rows"), t("sa.fix.not_form"))
        return
    if len(rows) > MAX_ROWS:
        form.problem(None, t("sa.bad.too_many_rows", rows=MAX_ROWS), t("sa.fix.not_form"))
        return
    lines = _row_lines(raw)
    for i, row in enumerate(rows):
        where = (
            t("sa.place.line", line=lines[i], number=i + 1)
            if i < len(lines)
            else t("sa.place.entry", number=i + 1)
        )
        form.at = i + 1
        if not isinstance(row, dict):
            form.problem(where, t("sa.bad.row_shape"), t("sa.fix.row"))
            continue
        unknown = sorted(set(row) - {"person", "code", "competence", "level", "wish"})
        if unknown:
            form.problem(where, t("sa.bad.keys", keys=", ".join(unknown)), t("sa.fix.row"))
        person, code = row.get("person"), row.get("code")
        wish_value = row.get("wish", False)
        if not isinstance(wish_value, bool | str):
            form.problem(where, t("sa.bad.wish", value=short_value(wish_value)), t("sa.fix.wish"))
            wish_value = False
        form.answers.append(
            Answer(
                row=where,
                order=i + 1,
                person=_id_value(person),
                code=_id_value(code),
                level=_level(form, where, row.get("level")),
                wish=_wish(form, where, wish_value),
            )
        )
        if person is not None and _id_value(person) is None:
            form.problem(where, t("sa.bad.person_cell", value=short_value(person)), t("sa.fix.row"))
        if _id_value(code) is None:
            form.problem(where, t("sa.bad.code", value=short_value(code)), t("sa.fix.row"))


def read_form(path: Path) -> FilledForm:
    """A form file read (not yet checked against a session); its problems listed."""
    form = FilledForm(path=path, name=path.name)
    try:
        if not path.is_file():  # a folder, a FIFO or a device is never read
            if path.exists():
                form.problem(None, t("sa.bad.not_file"), t("sa.fix.path"))
                return form
            path.stat()  # says why: not found, no permission
        size = path.stat().st_size
        if size > MAX_FORM_BYTES:
            form.problem(None, t("sa.bad.too_big", size=size), t("sa.fix.not_form"))
            return form
        data = path.read_bytes()
    except OSError as exc:
        form.problem(None, t("sa.bad.unreadable", reason=os_reason(exc)), t("sa.fix.path"))
        return form
    if data.startswith(b"PK"):
        _read_xlsx(form, data)
    else:
        _read_toml(form, data)
    return form


__all__ = [
    "MAX_FORM_BYTES",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "Answer",
    "Applied",
    "FilledForm",
    "Problem",
    "apply_forms",
    "check_forms",
    "read_form",
]
