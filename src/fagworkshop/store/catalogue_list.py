"""What ``fagworkshop catalogues`` lists of each catalogue (katalogoversigt), kept
between runs so the list needs neither pydantic nor the models.

Validating a catalogue builds the pydantic models first (about 0.2 s: the command
took 15 times ``python -c pass``, issue 13). What the list shows of a catalogue
that validated (its id, title and item counts) is kept in the user's cache folder
under the file's path, size and the SHA-256 of its bytes, together with a
fingerprint of the program that validated it. A catalogue whose bytes changed in
any way, or a program whose validating code changed (its version, or any module
of ``domain`` or ``store``), is validated again from the same bytes it is hashed
from. A catalogue that fails is never kept: it is validated, and its problem
shown, every time. A cache that cannot be read or written only costs the time.

``FAGWORKSHOP_CACHE_DIR`` moves the cache folder (the tests use a temporary one).
Catalogues hold no personal data; the folder is still made 0700 like every other.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from fagworkshop import __version__, user_folders
from fagworkshop.store.errors import FileProblem
from fagworkshop.store.permissions import FILE_MODE, ensure_folder

TYPE_CHECKING = False  # not typing's, nor a dataclass below: about 5 ms of the command
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from fagworkshop.domain.catalogue import Catalogue

#: Environment variable that moves the cache folder.
ENV_CACHE_DIR = "FAGWORKSHOP_CACHE_DIR"
CACHE_FILE = "catalogues.json"
#: The packages whose code decides whether a catalogue is valid.
_VALIDATING = ("domain", "store")


class CatalogueSummary:
    """What the list shows of a catalogue: id, title and item counts (``Catalogue.counts``)."""

    __slots__ = ("id", "title", "counts")

    def __init__(self, id: str, title: str, counts: dict[str, int]) -> None:
        self.id = id
        self.title = title
        self.counts = counts

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CatalogueSummary):
            return NotImplemented
        return (self.id, self.title, self.counts) == (other.id, other.title, other.counts)

    def __repr__(self) -> str:
        return f"CatalogueSummary(id={self.id!r}, title={self.title!r}, counts={self.counts!r})"

    @classmethod
    def of(cls, catalogue: Catalogue) -> CatalogueSummary:
        """The summary of a validated catalogue."""
        return cls(catalogue.id, catalogue.title, catalogue.counts())


def cache_path() -> Path:
    """Where the kept summaries live."""
    folder = os.environ.get(ENV_CACHE_DIR)
    if folder:
        return Path(folder).expanduser() / CACHE_FILE
    return user_folders.cache_dir() / CACHE_FILE


def code_fingerprint() -> str:
    """The program's version and the size and time of every module that validates."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__]
    for name in _VALIDATING:
        try:
            entries = sorted(os.scandir(package / name), key=lambda e: e.name)
        except OSError:
            return ""  # nothing to compare with: never trust the cache
        for entry in entries:
            if entry.name.endswith(".py"):
                info = entry.stat()
                parts.append(f"{name}/{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def summaries(paths: Iterable[Path]) -> Iterator[tuple[Path, CatalogueSummary | FileProblem]]:
    """Each catalogue's summary, or the problem that keeps it from being used.

    Kept summaries are used when the file's bytes are the ones validated; every
    other file is validated (``store.reading``, the models) and, when it is sound,
    kept for the next run. The cache then holds the catalogues of this call only:
    list them all in one call.
    """
    code = code_fingerprint()
    kept = _read_cache(code)
    now: dict[str, dict[str, Any]] = {}
    for path in paths:
        entry = _kept_entry(path, kept.get(str(path)))
        if entry is None:
            try:
                entry = _validated_entry(path)
            except FileProblem as problem:
                yield path, problem
                continue
        now[str(path)] = entry
        yield path, CatalogueSummary(entry["id"], entry["title"], dict(entry["counts"]))
    if code and now != kept:
        _write_cache(code, now)


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _kept_entry(path: Path, entry: dict[str, Any] | None) -> dict[str, Any] | None:
    """The kept entry when the file is a regular file with exactly the bytes validated."""
    if entry is None:
        return None
    try:
        info = path.stat()
        # a FIFO would wait forever and a device never ends: those go to the full check
        if not stat.S_ISREG(info.st_mode) or info.st_size != entry.get("size"):
            return None
        with path.open("rb") as f:
            raw = f.read(info.st_size + 1)
    except OSError:
        return None
    return entry if _sha256(raw) == entry.get("sha256") else None


def _validated_entry(path: Path) -> dict[str, Any]:
    """Validate the catalogue exactly as ``store.load_catalogue`` does; its entry.

    The bytes hashed are the bytes validated, so a file changed meanwhile is never
    kept under the other version's hash. Raises FileProblem.
    """
    # The models load only here, for a catalogue not seen before (the point of this module).
    from fagworkshop.store import reading

    raw = reading.read_bytes(path)
    summary = CatalogueSummary.of(
        reading.catalogue_from_data(path, reading.parse_toml(path, raw)[0])
    )
    return {
        "size": len(raw),
        "sha256": _sha256(raw),
        "id": summary.id,
        "title": summary.title,
        "counts": summary.counts,
    }


def _read_cache(code: str) -> dict[str, dict[str, Any]]:
    """The kept entries by path, when they were made by this very program; else none."""
    if not code:
        return {}
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("code") != code:
        return {}
    entries = data.get("catalogues")
    if not isinstance(entries, dict):
        return {}
    return {p: e for p, e in entries.items() if isinstance(e, dict) and _well_formed(e)}


def _well_formed(entry: dict[str, Any]) -> bool:
    counts = entry.get("counts")
    return (
        isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
        and isinstance(entry.get("id"), str)
        and isinstance(entry.get("title"), str)
        and isinstance(counts, dict)
        and all(isinstance(k, str) and type(v) is int for k, v in counts.items())
    )


def _write_cache(code: str, entries: dict[str, dict[str, Any]]) -> None:
    """Keep ``entries`` for the next run (atomically); a failure is not worth a message."""
    path = cache_path()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        ensure_folder(path.parent)
        text = json.dumps({"code": code, "catalogues": entries}, ensure_ascii=False)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
