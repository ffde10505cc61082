"""``fagworkshop self-assessment SESSION [-o DIR] [--format xlsx|toml] [--person ID]``
(alias ``selvvurdering``) and ``fagworkshop import-forms SESSION FORM...`` (alias
``indlaes``).

The first writes one form per member of staff (``export.self_assessment``)
into ``DIR`` (default: ``eksport/selvvurdering-<session>-runde-<n>/`` in the
sessions folder), all or none, owner-only, an existing form replaced only
with ``--force``. The second reads filled forms back (``export.form_import``):
every form is checked before any is applied, every problem is listed with
the form, the row and the fix, and when there is none the session is
changed and saved once, atomically, holding its lock (a session open in the
program is refused, never waited for or saved over). Both are declared in
``export.subcommands``; this module loads when one of them runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fagworkshop.export.command import ExportFailed, write_exports
from fagworkshop.i18n import t
from fagworkshop.store.errors import StoreError, terminal_safe
from fagworkshop.store.permissions import ensure_folder

EXPORT_FOLDER = "eksport"


def default_folder(sessions_folder: Path, session_path: Path, round_number: int) -> Path:
    """``eksport/selvvurdering-<session file name>-runde-<n>`` in the sessions folder."""
    name = f"{t('sa.file_prefix')}-{session_path.stem}-{t('sa.round_word')}-{round_number}"
    return sessions_folder / EXPORT_FOLDER / name


def write_forms(
    session_path: Path,
    fmt: str,
    output: str | None,
    *,
    people: list[str] | None = None,
    force: bool = False,
    sessions_dir: str | None = None,
) -> list[Path]:
    """Write the forms; the paths written. ExportFailed or StoreError with the message."""
    # pydantic and the models: not for --help
    from fagworkshop.export.self_assessment import forms_for, without_competences
    from fagworkshop.store import folders
    from fagworkshop.store.reading import load_session

    session = load_session(session_path)
    rnd = session.round()
    if rnd is None:
        raise ExportFailed(t("sa.error.no_round"))
    if not session.staff:
        raise ExportFailed(t("sa.error.no_staff"))
    for person_id in people or ():
        if session.person(person_id) is None:
            known = ", ".join(p.id for p in session.staff)
            raise ExportFailed(t("person.error.unknown", id=person_id, known=known))
    folder = (
        Path(output)
        if output
        else default_folder(folders.sessions_dir(sessions_dir), session_path, rnd.number)
    )
    if folder.exists() and not folder.is_dir():
        raise ExportFailed(t("sa.error.not_folder", path=str(folder)))
    files = forms_for(session, folder, fmt, people)
    if not files:
        raise ExportFailed(t("sa.error.no_competences"))
    if not force:
        taken = [p for p, _ in files if p.exists() or p.is_symlink()]
        if taken:
            raise ExportFailed(t("export.error.exists", path=str(taken[0])))
    for target, _ in files:
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise ExportFailed(t("export.error.exists", path=str(target)))
    ensure_folder(folder)
    write_exports(files)
    left_out = without_competences(session, people)
    if left_out:
        print(terminal_safe(t("sa.left_out", people=", ".join(left_out))), file=sys.stderr)
    return [p for p, _ in files]


def run_forms(args: argparse.Namespace) -> int:
    """Carry out ``self-assessment``; 0 on success, 1 with a message otherwise."""
    try:
        written = write_forms(
            Path(args.path),
            args.format,
            args.output,
            people=args.people,
            force=bool(args.force),
            sessions_dir=getattr(args, "sessions_dir", None),
        )
    except ExportFailed as exc:
        print(terminal_safe(str(exc)), file=sys.stderr)
        return 1
    except StoreError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    folder = written[0].parent if written else Path(args.output or ".")
    print(
        terminal_safe(t("sa.done.forms", count=len(written), folder=str(folder))),
        file=sys.stderr,
    )
    return 0


def import_forms(session_path: Path, form_paths: list[Path]) -> tuple[list[str], list[str]]:
    """Check every form, then apply them all and save once: ``(done lines, problem lines)``.

    With any problem nothing is changed and the session file is not touched.
    Raises StoreError (a locked, unreadable or unsavable session).
    """
    # pydantic and the models: not for --help
    from fagworkshop.export.form_import import apply_forms, check_forms, read_form
    from fagworkshop.store.lock import SessionLock
    from fagworkshop.store.reading import load_session_file
    from fagworkshop.store.writing import save_session

    if not session_path.is_file():  # say so without leaving a lock file beside nothing
        load_session_file(session_path)
    with SessionLock(session_path):
        loaded = load_session_file(session_path)
        session = loaded.session
        forms = [read_form(p) for p in form_paths]
        problems = check_forms(session, forms)
        if problems:
            return [], [p.describe() for p in problems]
        applied = apply_forms(session, forms)
        save_session(session, session_path, expected=loaded.stamp)
    lines = [
        t("sa.done.form", form=a.form, person=a.person_id, levels=a.levels, wishes=a.wishes)
        for a in applied
    ]
    return lines, []


def run_import(args: argparse.Namespace) -> int:
    """Carry out ``import-forms``; 0 when every form was read in, 1 with the problems."""
    try:
        done, problems = import_forms(Path(args.path), [Path(f) for f in args.forms])
    except StoreError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    if problems:
        print(terminal_safe(t("sa.problem.head", count=len(problems))), file=sys.stderr)
        for line in problems:
            print(terminal_safe(f"  - {line}"), file=sys.stderr)
        print(terminal_safe(t("sa.problem.nothing")), file=sys.stderr)
        return 1
    for line in done:
        print(terminal_safe(line), file=sys.stderr)
    print(terminal_safe(t("sa.done.import", count=len(done), path=str(args.path))), file=sys.stderr)
    return 0
