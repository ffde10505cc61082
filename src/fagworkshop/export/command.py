"""``fagworkshop export PATH --format FMT [-o OUT] [--with-names] [--force] [--per-person]``.

The subcommand is declared in ``export.subcommands`` (``cli.build_parser`` adds it); it runs
:func:`run`, this module loaded only then.
Every failure (unknown format, bad session file, existing output without
``--force``, a path that cannot be written) prints one clear message to
stderr and returns 1; nothing is left half-written.
"""

from __future__ import annotations

import argparse
import os
import re
import stat
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fagworkshop.i18n import t
from fagworkshop.store.errors import StoreError, os_reason, terminal_safe
from fagworkshop.store.permissions import ensure_folder

if TYPE_CHECKING:
    from fagworkshop.domain.session import Session

#: Exports may hold personal data: readable by the owner only, like sessions.
FILE_MODE = 0o600


class ExportFailed(Exception):
    """An export that cannot be done; the message is ready for the user."""


def run(args: argparse.Namespace) -> int:
    """Carry out ``export``; 0 on success, 1 with a message on stderr otherwise."""
    try:
        if getattr(args, "person", None):
            from fagworkshop.export.person import export_person  # the models: not for --help

            message = export_person(
                Path(args.path),
                args.person,
                args.format,
                args.output,
                force=bool(getattr(args, "force", False)),
            )
        elif not (args.format or "").strip():
            raise ExportFailed(t("export.error.no_format"))
        else:
            message = export_file(
                Path(args.path),
                args.format,
                args.output,
                with_names=bool(getattr(args, "with_names", False)),
                force=bool(getattr(args, "force", False)),
                per_person=bool(getattr(args, "per_person", False)),
            )
    except ExportFailed as exc:
        print(terminal_safe(str(exc)), file=sys.stderr)  # paths may hold escape codes
        return 1
    except StoreError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    if message:
        print(terminal_safe(message), file=sys.stderr)
    return 0


def export_file(
    session_path: Path,
    fmt: str,
    output: str | None,
    *,
    with_names: bool = False,
    force: bool = False,
    per_person: bool = False,
) -> str:
    """Load a session, render it and write it; returns the message to show.

    ``output`` ``"-"`` writes to stdout. ``per_person`` (docx only) writes one
    document per person into the folder ``output`` (by default where exports
    go). Raises :class:`ExportFailed` or the store's :class:`StoreError`.
    """
    # Imported here, not at the top: the CLI registers this command on every start,
    # and the renderers (with the analysis) cost ~0.1 to 0.2 s of cold start.
    from fagworkshop.export.common import default_output
    from fagworkshop.export.formats import ALL_FORMATS, BINARY_FORMATS, render, render_bytes
    from fagworkshop.store.reading import load_session

    fmt = (fmt or "").strip().lower()
    if fmt not in ALL_FORMATS:
        raise ExportFailed(t("export.error.format", format=fmt, choices=", ".join(ALL_FORMATS)))
    if per_person and fmt != "docx":
        raise ExportFailed(t("export.error.per_person"))
    if not per_person:
        check_output_suffix(output, fmt)
    session = load_session(session_path)
    if per_person:
        return _export_people(session, session_path, output, with_names=with_names, force=force)
    if fmt in BINARY_FORMATS:
        data = render_bytes(fmt, session, with_names)
        if output == "-":
            if sys.stdout.isatty():
                raise ExportFailed(t("export.error.binary_tty", format=fmt))
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return ""
        content: str | bytes = data
    else:
        content = render(fmt, session, with_names)
    if output == "-":
        assert isinstance(content, str)
        sys.stdout.write(content.removeprefix("\ufeff") if sys.stdout.isatty() else content)
        sys.stdout.flush()
        return ""
    target = Path(output) if output else default_output(session_path, fmt)
    if not output:
        make_folder(target.parent)  # the default eksport/ folder, made on first use
    try:
        same = target.exists() and target.resolve() == session_path.resolve()
    except OSError:
        same = False
    if same:
        raise ExportFailed(t("export.error.same_file", path=str(target)))
    check_replaceable(target, force)
    write_export(target, content)
    return t("export.done", path=str(target))


def check_output_suffix(output: str | None, fmt: str) -> None:
    """``-o`` naming a file of another export format is refused before anything is
    written (``--format md -o x.xlsx`` wrote Markdown text into ``x.xlsx``, which the
    spreadsheet program then cannot open). Other suffixes (``x.txt``) and none are the
    user's choice."""
    from fagworkshop.export.common import SUFFIXES  # with the analysis, 0.13 s: not for --help

    if not output or output == "-":
        return
    suffix = Path(output).suffix.lower()
    known = {extension(f): f for f in SUFFIXES}
    if suffix in known and suffix != extension(fmt):
        raise ExportFailed(
            t("export.error.suffix", path=output, suffix=suffix, format=fmt, named=known[suffix])
        )


#: Where exports go unless another folder is chosen: this folder inside the sessions
#: folder, so an export never lands in the list of workshops.
EXPORT_FOLDER = "eksport"


def export_folder(sessions_dir: Path | str) -> Path:
    """The default export folder of a sessions folder (``<sessions>/eksport``)."""
    return Path(sessions_dir) / EXPORT_FOLDER


def default_name(session_path: Path | None, title: str, fmt: str) -> str:
    """The file name offered for an export: the session file's stem (or the title) + suffix."""
    from fagworkshop.export.common import SUFFIXES  # with the analysis, 0.13 s: not for --help

    stem = session_path.stem if session_path is not None else file_part(title)
    return stem + SUFFIXES[fmt]


def export_target(folder: Path | str, name: str, fmt: str) -> Path:
    """The file an export of ``fmt`` goes to: ``name`` inside ``folder``.

    The format's extension is added when the name lacks it. A name that is
    empty or holds a folder part raises :class:`ExportFailed` (the folder is
    chosen on its own). This is the one place the program picks an export's
    file; step 7 and the command line both use it.
    """
    name = name.strip()
    if not name or name in {".", ".."} or "/" in name or "\\" in name or "\x00" in name:
        raise ExportFailed(t("export.error.bad_name", name=name))
    if not name.lower().endswith(extension(fmt)):
        name += extension(fmt)
    return Path(folder).expanduser() / name


def extension(fmt: str) -> str:
    """A format's file extension (``.md``; ``toml``'s is ``.toml``, though the name the
    program offers for it ends in ``-profiler.toml``: ``export.common.SUFFIXES``)."""
    return f".{fmt}"


def free_target(target: Path) -> Path:
    """``target`` when nothing is there, else the first free ``name (2).ext``, ``name (3).ext``."""
    if not target.exists() and not target.is_symlink():
        return target
    suffix = "".join(target.suffixes[-1:])
    stem = target.name[: len(target.name) - len(suffix)] if suffix else target.name
    n = 2
    while True:
        candidate = target.with_name(f"{stem} ({n}){suffix}")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
        n += 1


def make_folder(folder: Path) -> None:
    """Create an export folder and any missing parents, owner-only (0700); ExportFailed if not."""
    try:
        ensure_folder(folder)  # every level 0700 whatever the umask
    except OSError as exc:
        raise ExportFailed(
            t("export.error.write", path=str(folder), reason=os_reason(exc))
        ) from exc
    if not folder.is_dir():
        raise ExportFailed(t("export.error.not_folder", path=str(folder)))


def file_part(value: str) -> str:
    """A piece of a file name from a label: letters, digits, ``-`` and ``_`` only."""
    cleaned = re.sub(r"[^\w-]+", "-", value, flags=re.UNICODE).strip("-_.")
    return cleaned[:60] or "x"


def people_targets(folder: Path, stem: str, labels: Sequence[str]) -> list[Path]:
    """The file of each person's Word sheet, in order: ``<stem>-<label>.docx`` in ``folder``.

    Labels that clean to the same file name get ``_`` added until they differ.
    """
    out: list[Path] = []
    seen: set[str] = set()
    for label in labels:
        name = f"{stem}-{file_part(label)}"
        while name.lower() in seen:
            name += "_"
        seen.add(name.lower())
        out.append(folder / f"{name}.docx")
    return out


def _export_people(
    session: Session, session_path: Path, output: str | None, *, with_names: bool, force: bool
) -> str:
    """``--per-person``: one Word sheet per person, all checked before any is written."""
    # the renderers and the analysis (0.1 to 0.2 s): loaded by the command, not for --help
    from fagworkshop.export.common import default_output
    from fagworkshop.export.docx_export import render_docx_people

    if output == "-":
        raise ExportFailed(t("export.error.per_person_stdout"))
    folder = Path(output) if output else default_output(session_path, "docx").parent
    documents = render_docx_people(session, with_names)
    paths = people_targets(folder, session_path.stem, [label for label, _ in documents])
    targets = [(path, data) for path, (_label, data) in zip(paths, documents, strict=True)]
    for target, _data in targets:
        check_replaceable(target, force)
    make_folder(folder)
    write_exports(targets)
    return t("export.done_many", count=len(targets), path=str(folder))


def check_replaceable(target: Path, force: bool) -> None:
    """Refuse a target that exists (unless ``force``) or that is not a regular file.

    ``--force`` replaces a regular file only: never a device, a FIFO, a folder
    or a symbolic link (neither the link nor what it points to).
    """
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportFailed(
            t("export.error.write", path=str(target), reason=os_reason(exc))
        ) from exc
    if not stat.S_ISREG(info.st_mode):
        raise ExportFailed(t("export.error.not_regular", path=str(target)))
    if not force:
        raise ExportFailed(t("export.error.exists", path=str(target)))


def _stage(target: Path, data: bytes) -> str:
    """Write ``data`` to a new owner-only temporary file beside ``target``; its name."""
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _replace(tmp: str, target: Path) -> None:
    """Move a staged file into place, unless the target became something not regular."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(info.st_mode):  # a FIFO or link put there since the check
            raise ExportFailed(t("export.error.not_regular", path=str(target)))
    os.replace(tmp, target)


def write_export(target: Path, content: str | bytes) -> None:
    """Write an export atomically (temp file, then rename), owner-only; ExportFailed on error.

    A write that fails half-way leaves nothing: the temporary file is removed
    and the target is as it was.
    """
    write_exports([(target, content)])


def write_exports(files: Sequence[tuple[Path, str | bytes]]) -> None:
    """Write several exports all or nothing as far as the file system allows.

    Every file is written to a temporary file first; only when all are on
    disk are they moved into place, so a full disk half-way leaves none.
    """
    staged: list[tuple[str, Path]] = []
    current = files[0][0] if files else Path(".")
    try:
        for target, content in files:
            current = target
            data = content.encode("utf-8") if isinstance(content, str) else content
            staged.append((_stage(target, data), target))
        for tmp, target in list(staged):
            current = target
            _replace(tmp, target)
            staged.remove((tmp, target))
    except OSError as exc:
        raise ExportFailed(
            t("export.error.write", path=str(current), reason=os_reason(exc))
        ) from exc
    finally:
        for tmp, _target in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
