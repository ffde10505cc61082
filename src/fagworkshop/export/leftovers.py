"""Exports already written that still name a person about to be erased.

Erasing a person rewrites the session file and its backup; exports made
earlier are the team's own files and are not deleted behind their back. So
that none is forgotten, :func:`exports_naming` finds the files in the export
folder beside the session (``eksport/``) and the session's own earlier exports
next to it that mention the person (full name, a name part only they have,
initials, pseudonym), and the confirmation in step 4 lists them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from fagworkshop.domain.names import FormKind, NameMatch, session_matcher
from fagworkshop.domain.session import Session
from fagworkshop.export.command import EXPORT_FOLDER

#: Larger files are not read (no export of a workshop comes near it).
MAX_BYTES = 50 * 1024 * 1024
#: At most this many files are looked at per folder.
MAX_FILES = 2_000
#: Files beside the session that belong to the store, not exports.
_STORE_SUFFIXES = (".toml", ".bak", ".lock", ".tmp")


def _text(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"PK":  # xlsx, docx: the text is in the XML parts
        try:
            with zipfile.ZipFile(path) as archive:
                data = b"\n".join(archive.read(n) for n in archive.namelist() if n.endswith(".xml"))
        except (zipfile.BadZipFile, OSError, KeyError):
            pass
    return data.decode("utf-8", errors="replace")


def _candidates(session_path: Path) -> list[Path]:

    found: list[Path] = []
    beside = session_path.parent
    folder = beside / EXPORT_FOLDER
    try:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.is_file())[:MAX_FILES]
        found += sorted(
            p
            for p in beside.iterdir()
            if p.is_file()
            and p.name.startswith(session_path.stem + "-")
            and not p.name.endswith(_STORE_SUFFIXES)
        )[:MAX_FILES]
    except OSError:
        return found
    return found


def exports_naming(session: Session, person_id: str, session_path: Path | None) -> list[Path]:
    """Export files that mention ``person_id`` (see the module docstring); [] if none or
    when the session has no file. Unreadable files are skipped."""
    if session_path is None or session.person(person_id) is None:
        return []
    matcher = session_matcher(session, short_forms=True)

    def theirs(m: NameMatch) -> bool:
        return m.only(person_id) if m.kind == FormKind.PART else person_id in m.owners

    naming: list[Path] = []
    for path in _candidates(Path(session_path)):
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            content = _text(path)
        except OSError:
            continue
        if any(theirs(m) for m in matcher.matches(content)):
            naming.append(path)
    return naming
