"""Files that know they are whole: the integrity marker and the stamp of a file's bytes.

A session file written by fagworkshop is wrapped in two comment lines around
the TOML body (whatever shape the body has)::

    # fagworkshop session, schema 2. The last line tells fagworkshop the file is whole.
    ...the TOML body...
    # sha256 <64 hex digits of the body's bytes> end

The first line says "written by fagworkshop"; the last says "this is where the
file ends" and carries the SHA-256 of every byte between the two lines. Then:

* no first line (a file written by hand): read as before, silently;
* a first line but no complete last line (ending in its newline): the file
  was cut short (:func:`check` says ``truncated``), and a prefix of the first
  line, or an empty file, counts as cut short too;
* both lines but another digest: edited by hand after fagworkshop wrote it;
  accepted (``edited`` is True) and the app says so quietly;
* lines added after a complete last line whose digest still matches the
  body before it: a hand edit too (a line that merely looks like the last
  one, inside a note say, does not count).

:class:`FileStamp` names the exact bytes of a file (size and digest) so a save
can tell whether the file on disk is still the one it loaded or last wrote.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

#: How every marked file starts; what follows it on the first line is free text.
HEAD_PREFIX = b"# fagworkshop session"
_BOM = b"\xef\xbb\xbf"
#: The last line, once trailing blanks are set aside; it must be followed by a newline.
_END_LINE = re.compile(rb"\n# sha256 (?P<hex>[0-9a-f]{64}) end\Z")
_END_LINE_INSIDE = re.compile(rb"\n# sha256 (?P<hex>[0-9a-f]{64}) end\r?\n")
#: The last line is this long (with the newline before it).
_END_LEN = len(b"\n# sha256 ") + 64 + len(b" end")
_BLANKS = b" \t\r\n"


def head_line(schema_version: int) -> bytes:
    """The first line of a session file fagworkshop writes, newline included."""
    return (
        HEAD_PREFIX
        + f", schema {schema_version}. ".encode()
        + b"The last line tells fagworkshop the file is whole.\n"
    )


def wrap(body: bytes, schema_version: int) -> bytes:
    """``body`` between the first line and the digest line."""
    if body and not body.endswith(b"\n"):
        body += b"\n"
    digest = hashlib.sha256(body).hexdigest().encode()
    return head_line(schema_version) + body + b"# sha256 " + digest + b" end\n"


@dataclass(frozen=True)
class Integrity:
    """What the marker says about a file's bytes.

    ``marked``: the file starts as fagworkshop writes it (or is a prefix of
    that start, or empty). ``truncated``: marked but the last line is missing
    or incomplete. ``edited``: complete, but the body's digest differs.
    """

    marked: bool
    truncated: bool
    edited: bool


def _starts_marked(raw: bytes) -> bool:
    raw = raw.removeprefix(_BOM)
    if len(raw) >= len(HEAD_PREFIX):
        return raw.startswith(HEAD_PREFIX)
    return HEAD_PREFIX.startswith(raw)  # empty, or cut inside the first line's opening


def _end_of(text: bytes) -> re.Match[bytes] | None:
    """The last line's match in ``text``, when the file ends with it and a newline."""
    stripped = text.rstrip(_BLANKS)
    if b"\n" not in text[len(stripped) :]:
        return None  # cut inside the last line, or just before its newline
    return _END_LINE.search(stripped, max(0, len(stripped) - _END_LEN))


def check(raw: bytes) -> Integrity:
    """The integrity of a file's bytes (see the module docstring)."""
    if not raw.strip():
        # An empty file is what a copy cut at its first byte leaves: never a session.
        return Integrity(marked=True, truncated=True, edited=False)
    if not _starts_marked(raw):
        return Integrity(marked=False, truncated=False, edited=False)
    text = raw.removeprefix(_BOM)
    first_end = text.find(b"\n")
    if first_end < 0:
        return Integrity(marked=True, truncated=True, edited=False)
    end = _end_of(text)
    if end is not None and end.start() >= first_end:
        body = text[first_end + 1 : end.start() + 1]
        edited = hashlib.sha256(body).hexdigest().encode() != end.group("hex")
        return Integrity(marked=True, truncated=False, edited=edited)
    if _appended_after_end(text, first_end):
        return Integrity(marked=True, truncated=False, edited=True)
    return Integrity(marked=True, truncated=True, edited=False)


def _appended_after_end(text: bytes, first_end: int) -> bool:
    """Whether lines were added by hand after a complete file's last line.

    Only when the body before that line still has its digest: text after a
    line that merely looks like the last one (inside a note, say) is not enough.
    """
    at = text.rfind(b"\n# sha256 ")
    if at < first_end:
        return False
    m = _END_LINE_INSIDE.match(text, at)
    if m is None:
        return False
    body = text[first_end + 1 : at + 1]
    return hashlib.sha256(body).hexdigest().encode() == m.group("hex")


def looks_truncated(path: Path) -> bool:
    """Whether the file at ``path`` is marked but cut short, reading only its ends.

    Cheap enough to ask before every save: a save over a cut-short file would
    also replace its ``.bak``, the only good copy. False when it cannot be read.
    """
    window = 4 * _END_LEN
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size <= 2 * window:
                return check(f.read()).truncated
            if not _starts_marked(f.read(len(_BOM) + len(HEAD_PREFIX))):
                return False
            f.seek(size - window)
            tail = f.read()
        if _end_of(tail) is not None:
            return False
        # rare: cut short, or lines added by hand after the last line
        return check(path.read_bytes()).truncated
    except OSError:
        return False


# --- the stamp of a file's exact bytes ----------------------------------------


@dataclass(frozen=True)
class FileStamp:
    """The exact bytes of a file: its size and SHA-256 (two stamps are equal when
    the bytes are). ``mtime_ns`` is kept for messages and does not take part."""

    size: int
    digest: str
    mtime_ns: int = field(default=0, compare=False)

    @classmethod
    def of(cls, data: bytes, mtime_ns: int = 0) -> FileStamp:
        """The stamp of these bytes."""
        return cls(len(data), hashlib.sha256(data).hexdigest(), mtime_ns)


def file_stamp(path: Path | str) -> FileStamp | None:
    """The stamp of the file at ``path``; None when there is no file there.

    Raises OSError when the file exists but cannot be read (the caller decides:
    a save then refuses to go ahead, see ``save_session``).
    """
    path = Path(path)
    try:
        with path.open("rb") as f:
            mtime = os.fstat(f.fileno()).st_mtime_ns
            h = hashlib.sha256()
            size = 0
            while chunk := f.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None
    return FileStamp(size, h.hexdigest(), mtime)
