"""From a file's bytes to its TOML table (the part of reading before the models).

A file that is not a regular file, too big, not UTF-8, nested too deep to parse
in time or not TOML ends in one :class:`FileProblem` naming the place; nothing
here knows sessions or catalogues (``store.reading`` does). No pydantic here.
"""

from __future__ import annotations

import re
import stat

try:  # the compiled build of the parser the standard library vendors as tomllib: 2-3x faster
    import tomli as toml_parser
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib is the same parser
    import tomllib as toml_parser  # type: ignore[no-redef]
from pathlib import Path
from typing import Any

from fagworkshop.store.errors import FileProblem, Part, os_reason

#: Larger files are refused before parsing. A whole jobcenter (2,000 staff x 120
#: competences x 5 rounds) is about 7 MB; parsing costs about 1 s per MB and
#: 17 MB of memory per MB, so a 50 MB file would sit for a minute without a word.
MAX_FILE_BYTES = 32 * 1024 * 1024


def _too_big(path: Path, size: int) -> FileProblem:
    mb = {"size": f"{size / 1_048_576:.1f}", "limit": f"{MAX_FILE_BYTES // 1_048_576}"}
    return FileProblem(path, [("", ("store.read.too_big_size", mb))], hint_key="store.hint.fix")


_AT_LINE = re.compile(
    r"^(?P<what>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$"
)

#: A key path of more than 64 parts (``a.a.a...`` or ``[a.a.a...]``) at the start of
#: a line. No fagworkshop file nests beyond a handful, and tomllib takes time
#: quadratic in the depth (20,000 parts: 12 to 30 s), so such a file is refused
#: before parsing instead of hanging without feedback.
_DEEP_KEY = re.compile(
    r"""(?m)^[ \t]*\[{0,2}[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
    r"""(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')){64}"""
)


def _deep_key(text: str) -> re.Match[str] | None:
    """The first key path of more than 64 parts (``_DEEP_KEY``), or None.

    The search visits every character (a multiline ``^`` has no fast skip): 15 to
    20 ms of opening a 2,000-staff file (issue 13). Such a key has its 64 dots on
    one line, so only a text with a line of 64 dots is searched: the same match.
    Only the lines that have a dot are counted (a session's rating lines have
    none; counting every line took 13 ms at 2,000 staff).
    """
    if text.count(".") < 64:
        return None
    at = text.find(".")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        if text.count(".", start, end) >= 64:
            return _DEEP_KEY.search(text)
        at = text.find(".", end)
    return None


def _place_of_offset(raw: bytes, offset: int) -> Part:
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return ("store.place.line", {"line": line, "column": column})


def mtime_ns(path: Path) -> int:
    """The file's modification time for its stamp; 0 when it cannot be read."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; FileProblem otherwise."""
    try:
        if path.is_dir():
            raise FileProblem(
                path,
                [("", ("store.read.directory", {}))],
                hint_key="store.hint.folder",
                untouched=False,  # a folder: no file that could have been changed
            )
        # Opening a FIFO with no writer would wait forever, and a device never ends.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(path, [("", ("store.read.not_file", {}))], hint_key="store.hint.path")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_big(path, info.st_size)
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except FileProblem:
        raise
    except OSError as exc:
        raise FileProblem(
            path, [("", ("store.read.os", {"reason": os_reason(exc)}))], hint_key="store.hint.path"
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(path, len(raw))
    return raw


def toml_table(path: Path, raw: bytes) -> dict[str, Any]:
    """The TOML table in a file's bytes; FileProblem naming the place when it is not one."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            path,
            [(_place_of_offset(raw, exc.start), ("store.read.not_utf8", {}))],
            hint_key="store.hint.encoding",
        ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark from a Windows editor
    deep = _deep_key(text)
    if deep:
        offset = len(text[: deep.start()].encode("utf-8"))
        problem: tuple[Part, Part] = (_place_of_offset(raw, offset), ("store.read.too_deep", {}))
        raise FileProblem(path, [problem], hint_key="store.hint.fix")
    try:
        return toml_parser.loads(text)
    except toml_parser.TOMLDecodeError as exc:
        m = _AT_LINE.match(str(exc))
        place: Part = ""
        what = str(exc)
        if m:
            what = m.group("what")
            if m.group("line"):
                place = ("store.place.line", {"line": m.group("line"), "column": m.group("col")})
            else:
                place = ("store.place.end", {})
        raise FileProblem(
            path, [(place, ("store.read.not_toml", {"detail": what}))], hint_key="store.hint.syntax"
        ) from None
    except RecursionError:
        raise FileProblem(
            path, [("", ("store.read.too_deep", {}))], hint_key="store.hint.fix"
        ) from None
