"""The valid files the fuzz cases start from (:class:`Seed`) and a fuzz case (:class:`Case`):
the demo, generated sessions and the built-in catalogues, written as the store writes them.
"""

from __future__ import annotations

import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w


@dataclass(frozen=True)
class Seed:
    """A valid file to mutate: a name, what it is, its bytes and its parsed document."""

    name: str
    kind: str  # "session" or "catalogue"
    data: bytes
    doc: dict[str, Any]


@dataclass(frozen=True)
class Case:
    """One fuzz case: the mutated bytes, what was done, and the seed it came from."""

    number: int
    seed: str
    kind: str
    mutation: str
    data: bytes

    @property
    def label(self) -> str:
        """A one-line description for reports: ``#12 demo: struct.drop_key staff[1].name``."""
        return f"#{self.number} {self.seed}: {self.mutation}"


def _session_bytes(session: Any) -> bytes:
    """The file the application itself writes for a session (the store's own format)."""
    try:
        from fagworkshop.store.writing import save_session

        save = save_session
    except (ImportError, AttributeError):  # no store yet: the model's plain dump
        return tomli_w.dumps(session.model_dump(exclude_none=True)).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.toml"
        save(session, path)
        return path.read_bytes()


def _seed(name: str, kind: str, data: bytes) -> Seed:
    return Seed(name=name, kind=kind, data=data, doc=tomllib.loads(data.decode("utf-8")))


def seeds(*, small: bool = True) -> list[Seed]:
    """The valid files the fuzz cases start from: demo, generated sessions, catalogues.

    ``small`` keeps the generated sessions small so that a case costs
    milliseconds; the full run also mutates a session of 60 staff.
    """
    from fagworkshop.generate import generate_session

    out: list[Seed] = []
    try:
        from fagworkshop.demo import build_demo

        out.append(_seed("demo", "session", _session_bytes(build_demo())))
    except ImportError:
        pass
    out.append(_seed("gen-6x12", "session", _session_bytes(generate_session(6, 12, 2, seed=1))))
    if not small:
        out.append(
            _seed("gen-60x80", "session", _session_bytes(generate_session(60, 80, 3, seed=2)))
        )
    try:
        from fagworkshop import resources

        for path in resources.builtin_catalogue_paths():
            out.append(_seed(f"catalogue:{path.stem}", "catalogue", path.read_bytes()))
    except (ImportError, OSError):
        pass
    if not any(s.kind == "catalogue" for s in out):
        out.append(_seed("catalogue:generated", "catalogue", _catalogue_from(out[-1].doc)))
    return out


def _catalogue_from(session_doc: dict[str, Any]) -> bytes:
    """A small catalogue made from a session document (used until real catalogues exist)."""
    doc = {
        "schema_version": 1,
        "id": "fuzz-katalog",
        "title": "Fuzz-katalog",
        "levels": session_doc.get("levels", []),
        "themes": session_doc.get("themes", []),
        "basic": [
            {k: b[k] for k in ("id", "title", "description", "theme") if k in b}
            for b in session_doc.get("basics", [])
        ],
        "blocks": [
            {
                "id": blk["id"],
                "title": blk["title"],
                "elements": [
                    {k: e[k] for k in ("id", "title", "description") if k in e}
                    for e in blk.get("elements", [])
                ],
            }
            for blk in session_doc.get("blocks", [])
        ],
    }
    return tomli_w.dumps(doc).encode("utf-8")
