"""``fagworkshop export PATH --format md|html|csv|toml [-o OUT] [--with-names] [--force]``.

The CLI module registers this with :func:`add_parser` and calls :func:`run`.
Every failure (unknown format, bad session file, existing output without
``--force``, a path that cannot be written) prints one clear message to
stderr and returns 1; nothing is left half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from fagworkshop.i18n import t
from fagworkshop.store import StoreError, load_session
from fagworkshop.store.errors import os_reason

#: Exports may hold personal data: readable by the owner only, like sessions.
FILE_MODE = 0o600


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``export`` subcommand to the program's subparsers."""
    parser = subparsers.add_parser(
        "export", help=t("export.cli.help"), description=t("export.cli.help")
    )
    parser.add_argument("path", help=t("export.cli.path"))
    # Checked in run() rather than with choices=, so a wrong format exits 1 with our message.
    parser.add_argument("--format", "-f", dest="format", required=True, help=t("export.cli.format"))
    parser.add_argument("-o", "--output", dest="output", default=None, help=t("export.cli.output"))
    parser.add_argument(
        "--with-names", dest="with_names", action="store_true", help=t("export.cli.with_names")
    )
    parser.add_argument("--force", action="store_true", help=t("export.cli.force"))
    parser.set_defaults(run=run)
    return parser


class ExportFailed(Exception):
    """An export that cannot be done; the message is ready for the user."""


def run(args: argparse.Namespace) -> int:
    """Carry out ``export``; 0 on success, 1 with a message on stderr otherwise."""
    try:
        message = export_file(
            Path(args.path),
            args.format,
            args.output,
            with_names=bool(getattr(args, "with_names", False)),
            force=bool(getattr(args, "force", False)),
        )
    except ExportFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except StoreError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    if message:
        print(message, file=sys.stderr)
    return 0


def export_file(
    session_path: Path,
    fmt: str,
    output: str | None,
    *,
    with_names: bool = False,
    force: bool = False,
) -> str:
    """Load a session, render it and write it; returns the message to show.

    ``output`` ``"-"`` writes to stdout. Raises :class:`ExportFailed` or the
    store's :class:`StoreError`.
    """
    # Imported here, not at the top: the CLI registers this command on every start,
    # and the renderers (with the analysis) cost ~0.1 to 0.2 s of cold start.
    from fagworkshop.export.common import default_output
    from fagworkshop.export.formats import FORMATS, render

    fmt = (fmt or "").strip().lower()
    if fmt not in FORMATS:
        raise ExportFailed(t("export.error.format", format=fmt, choices=", ".join(FORMATS)))
    session = load_session(session_path)
    content = render(fmt, session, with_names)
    if output == "-":
        sys.stdout.write(content.removeprefix("\ufeff") if sys.stdout.isatty() else content)
        sys.stdout.flush()
        return ""
    target = Path(output) if output else default_output(session_path, fmt)
    try:
        same = target.exists() and target.resolve() == session_path.resolve()
    except OSError:
        same = False
    if same:
        raise ExportFailed(t("export.error.same_file", path=str(target)))
    if target.exists() and not force:
        raise ExportFailed(t("export.error.exists", path=str(target)))
    write_export(target, content)
    return t("export.done", path=str(target))


def write_export(target: Path, content: str) -> None:
    """Write an export atomically (temp file, then rename), owner-only; ExportFailed on error."""
    data = content.encode("utf-8")
    folder = target.parent if str(target.parent) else Path(".")
    tmp: str | None = None
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(target))
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise ExportFailed(
            t("export.error.write", path=str(target), reason=os_reason(exc))
        ) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
