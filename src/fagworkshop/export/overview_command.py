"""``fagworkshop overview SESSION... [-o OUT] [--format html|xlsx|md] [--with-names]``.

Alias ``oversigt``. Reads several units' session files without taking their
locks (a session open in a running program is read as it is on disk, never
changed, never waited for) and writes one overview across them. With no
``-o`` the file goes to ``eksport/`` in the sessions folder, never into the
sessions list itself; an existing file is replaced only with ``--force``. The
subcommand is declared in ``export.subcommands``; this module loads when it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fagworkshop.export.command import (
    ExportFailed,
    check_replaceable,
    export_folder,
    free_target,
    make_folder,
    write_export,
)
from fagworkshop.i18n import t
from fagworkshop.store.errors import StoreError, terminal_safe

if TYPE_CHECKING:  # the models load when a command reads files, not for `--help`
    from fagworkshop.domain.session import Session

FORMATS = ("html", "xlsx", "md")


def default_output(folder: Path, fmt: str, today: dt.date | None = None) -> Path:
    """``eksport/oversigt-YYYY-MM-DD.<fmt>`` in the sessions folder."""
    day = (today or dt.date.today()).isoformat()
    return export_folder(folder) / f"oversigt-{day}.{fmt}"


def format_for(given: str | None, output: str | None) -> str:
    """The format asked for; else the output file's suffix when it names one; else html."""
    if given:
        return given.strip().lower()
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    return suffix if suffix in FORMATS else "html"


def checked_format(fmt: str) -> str:
    """``fmt`` in lower case when it is one of :data:`FORMATS`; else ExportFailed."""
    fmt = (fmt or "").strip().lower()
    if fmt not in FORMATS:
        raise ExportFailed(t("overview.error.format", format=fmt, choices=", ".join(FORMATS)))
    return fmt


def load_units(paths: Sequence[Path]) -> list[Session]:
    """The sessions, read as they are on disk (no lock taken, nothing written)."""
    from fagworkshop.store.reading import load_session  # pydantic and the models: not for --help

    return [load_session(p) for p in paths]


def write_overview(
    sessions: Sequence[Session],
    fmt: str,
    target: Path,
    *,
    with_names: bool = False,
    force: bool = False,
) -> Path:
    """Render and write the overview to ``target`` (folders made 0700); the path."""
    from fagworkshop.export.overview import render_overview  # the renderers: not for --help

    if not sessions:
        raise ExportFailed(t("overview.error.none"))
    fmt = checked_format(fmt)
    check_replaceable(target, force)
    data = render_overview(fmt, sessions, with_names)
    make_folder(target.parent)
    write_export(target, data)
    return target


def write_folder_overview(folder: Path, fmt: str = "html") -> tuple[Path, int, int]:
    """The overview of every workshop in a sessions folder, in a new file in its ``eksport/``.

    What the home screen offers. Files that cannot be read (broken, cut short)
    are left out and counted; nothing is replaced (a second overview the same
    day gets ``(2)`` in its name). Returns the path, units read and files left out.
    """
    # pydantic and the models: not for --help
    from fagworkshop.store.folders import EntryState, list_sessions
    from fagworkshop.store.reading import load_session

    sessions: list[Session] = []
    left_out = 0
    for entry in list_sessions(folder):
        if entry.state is not EntryState.OK:
            left_out += 1
            continue
        try:
            sessions.append(load_session(entry.path))
        except StoreError:  # changed since it was listed: left out, counted
            left_out += 1
    target = free_target(default_output(folder, fmt))
    return write_overview(sessions, fmt, target), len(sessions), left_out


def run(args: argparse.Namespace) -> int:
    """Carry out ``overview``; 0 on success, 1 with a message on stderr otherwise."""
    from fagworkshop.store.folders import sessions_dir  # pydantic and the models: not for --help

    try:
        fmt = checked_format(format_for(args.format, args.output))
        sessions = load_units([Path(p) for p in args.paths])
        if args.output == "-":
            from fagworkshop.export.overview import render_overview  # not for --help

            sys.stdout.buffer.write(render_overview(fmt, sessions, bool(args.with_names)))
            sys.stdout.flush()
            return 0
        target = (
            Path(args.output)
            if args.output
            else default_output(sessions_dir(args.sessions_dir), fmt)
        )
        written = write_overview(
            sessions, fmt, target, with_names=bool(args.with_names), force=bool(args.force)
        )
    except ExportFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(
        t("overview.done", count=len(sessions), path=terminal_safe(str(written))), file=sys.stderr
    )
    return 0
