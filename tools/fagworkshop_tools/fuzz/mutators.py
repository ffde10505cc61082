"""Mutations of valid session and catalogue files, for the fuzz suite (fuzzing).

Every mutation takes a valid TOML file (its bytes and its parsed document)
and returns a broken, odd or hostile variant with a short description of what
was done. Two families:

* byte level: truncation, flipped bits, NUL bytes, invalid UTF-8, BOMs, CRLF
  and lone CR line ends, very long lines, garbage, removed brackets;
* structure level: dropped, duplicated and retyped keys, wrong nesting, huge
  strings, deep nesting, duplicated ids, broken references, odd schema
  versions, hostile but valid text.

Everything is deterministic from a ``random.Random``: a case that fails can be
made again from its seed and number.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import re
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

#: Text that is valid data but hostile on a screen or in a spreadsheet.
HOSTILE_TEXTS: tuple[str, ...] = (
    "[bold]fed[/bold] Jensen",
    "[link=https://x.example]klik[/link]",
    "x [/] y",
    "[/",
    "[@click=app.quit]luk[/]",
    "\x1b]0;hacked title\x07Ole",
    "\x1b[2J\x1b[HRydder skærmen",
    "\x9b31mC1 rød",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\u202eolleh RTL override",
    "\u200fמרים\u200f Cohen",
    "Super" + "lang" * 400,
    "Emoji 👩🏽‍💻🇩🇰 og kombineret e\u0301\u0301\u0301",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    '=HYPERLINK("https://x";"klik")',
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    "Linje 1\r\nLinje 2\rLinje 3",
    "tab\there",
    "\\u0000 not an escape",
    "'\"' quotes \"\"\" and '''",
)

_INVALID_UTF8: tuple[bytes, ...] = (
    b"\xff",
    b"\xfe\xff",
    b"\xc3",  # a lead byte with no continuation
    b"\x80",  # a lone continuation byte
    b"\xc0\xaf",  # overlong "/"
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xf8\x88\x80\x80\x80",  # five-byte form
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
)

_BOMS: tuple[bytes, ...] = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00")


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


# --- seeds -------------------------------------------------------------------


def _session_bytes(session: Any) -> bytes:
    """The file the application itself writes for a session (the store's own format)."""
    try:
        from fagworkshop import store

        save = store.save_session
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


# --- walking a document ---------------------------------------------------------

PathT = tuple[str | int, ...]


def _walk(node: Any, path: PathT = ()) -> Iterator[tuple[PathT, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, (*path, i))


def _show(path: PathT) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "<root>"


def _parent(doc: Any, path: PathT) -> Any:
    node = doc
    for part in path[:-1]:
        node = node[part]
    return node


def _pick(rng: random.Random, doc: dict[str, Any], want: Callable[[Any], bool]) -> PathT | None:
    paths = [p for p, v in _walk(doc) if p and want(v)]
    return rng.choice(paths) if paths else None


def _dump(doc: dict[str, Any]) -> bytes:
    return tomli_w.dumps(doc).encode("utf-8")


# --- byte-level mutations ---------------------------------------------------------

Mutation = Callable[[random.Random, Seed], tuple[str, bytes]]


def _pos(rng: random.Random, data: bytes) -> int:
    return rng.randrange(len(data) + 1)


def truncate(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    at = rng.randrange(len(seed.data))
    return f"bytes.truncate at {at}", seed.data[:at]


def flip_bits(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    data = bytearray(seed.data)
    n = rng.randint(1, 8)
    for _ in range(n):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return f"bytes.flip {n} bits", bytes(data)


def nul_bytes(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    at = _pos(rng, seed.data)
    nuls = b"\x00" * rng.choice([1, 1, 2, 100])
    return f"bytes.nul x{len(nuls)} at {at}", seed.data[:at] + nuls + seed.data[at:]


def nul_in_string(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    at = seed.data.find(b'"', rng.randrange(len(seed.data)))
    if at < 0:
        return nul_bytes(rng, seed)
    return f"bytes.nul inside a string at {at}", seed.data[: at + 1] + b"\x00" + seed.data[at + 1 :]


def invalid_utf8(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    bad = rng.choice(_INVALID_UTF8)
    # Prefer a place inside a string value, where a lax decoder would let it through.
    at = seed.data.find(b'"', rng.randrange(len(seed.data)))
    at = at + 1 if at >= 0 else _pos(rng, seed.data)
    return f"bytes.invalid-utf8 {bad!r} at {at}", seed.data[:at] + bad + seed.data[at:]


def latin1(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    text = seed.data.decode("utf-8")
    return "bytes.latin-1 re-encoded", text.encode("latin-1", errors="replace")


def bom(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    mark = rng.choice(_BOMS)
    return f"bytes.bom {mark!r}", mark + seed.data


def utf16(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    enc = rng.choice(["utf-16", "utf-16-le", "utf-32"])
    return f"bytes.encoded as {enc}", seed.data.decode("utf-8").encode(enc)


def crlf(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    style = rng.choice(["crlf", "cr", "mixed"])
    if style == "crlf":
        return "bytes.line ends CRLF", seed.data.replace(b"\n", b"\r\n")
    if style == "cr":
        return "bytes.line ends lone CR", seed.data.replace(b"\n", b"\r")
    lines = seed.data.split(b"\n")
    return "bytes.line ends mixed", b"".join(
        line + rng.choice([b"\n", b"\r\n", b"\r"]) for line in lines
    )


def long_line(rng: random.Random, seed: Seed, max_bytes: int = 2_000_000) -> tuple[str, bytes]:
    n = rng.choice([10_000, 100_000, max_bytes])
    at = seed.data.rfind(b"\n", 0, _pos(rng, seed.data)) + 1
    kind = rng.choice(["comment", "key", "garbage"])
    if kind == "comment":
        line = b"# " + b"x" * n + b"\n"
    elif kind == "key":
        line = b"k" * min(n, 70_000) + b' = "v"\n'
    else:
        line = b"x" * n + b"\n"
    return f"bytes.long {kind} line of {n}", seed.data[:at] + line + seed.data[at:]


def delete_range(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    a = rng.randrange(len(seed.data))
    b = min(len(seed.data), a + rng.randint(1, 200))
    return f"bytes.delete {a}:{b}", seed.data[:a] + seed.data[b:]


def duplicate_range(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    a = rng.randrange(len(seed.data))
    b = min(len(seed.data), a + rng.randint(1, 400))
    return f"bytes.duplicate {a}:{b}", seed.data[:b] + seed.data[a:b] + seed.data[b:]


def shuffle_lines(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    lines = seed.data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return f"bytes.swap lines {i} and {j}", b"\n".join(lines)


def drop_char(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    ch = rng.choice([b"]", b"[", b'"', b"=", b"{", b"}", b","])
    spots = [i for i in range(len(seed.data)) if seed.data[i : i + 1] == ch]
    if not spots:
        return truncate(rng, seed)
    at = rng.choice(spots)
    return f"bytes.drop {ch!r} at {at}", seed.data[:at] + seed.data[at + 1 :]


def garbage(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    n = rng.choice([0, 1, 3, 64, 4096])
    kind = rng.choice(["random", "whitespace", "bom-only", "json", "binary-header"])
    if kind == "random":
        return f"bytes.random {n}", bytes(rng.randrange(256) for _ in range(n))
    if kind == "whitespace":
        return f"bytes.whitespace {n}", b" \n\t" * n
    if kind == "bom-only":
        return "bytes.bom only", b"\xef\xbb\xbf"
    if kind == "json":
        return "bytes.json instead of toml", b'{"id": "x", "title": "y"}'
    return "bytes.binary header", b"\x89PNG\r\n\x1a\n" + seed.data[:100]


def raw_control_chars(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """Raw ESC/C1 bytes in a string value: invalid TOML whose error may echo them."""
    ctrl = rng.choice([b"\x1b[2J", b"\x1b]0;x\x07", b"\xc2\x9b31m", b"\x07", b"\x7f"])
    at = seed.data.find(b'"', rng.randrange(len(seed.data)))
    at = at + 1 if at >= 0 else _pos(rng, seed.data)
    return f"bytes.raw control {ctrl!r} at {at}", seed.data[:at] + ctrl + seed.data[at:]


def control_in_key(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """A quoted key holding escaped control codes: valid TOML, unknown key, echoed in errors."""
    ctrl = rng.choice(["\\u001b[2J", "\\u001b]0;pwned\\u0007", "\\u009b31m", "[bold]x[/", "\\n"])
    line = f'"fuzz{ctrl}key" = 1\n'.encode()
    return f"bytes.control in key {ctrl!r}", line + seed.data


# --- structure-level mutations ------------------------------------------------


def drop_key(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: True)
    if path is None or isinstance(path[-1], int):
        path = (rng.choice(list(doc)),)
    del _parent(doc, path)[path[-1]]
    return f"struct.drop {_show(path)}", _dump(doc)


def drop_required(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    key = rng.choice(["id", "title", "schema_version", "levels", "number", "label", "name"])
    paths = [p for p, _ in _walk(doc) if p and p[-1] == key]
    if not paths:
        return drop_key(rng, seed)
    path = rng.choice(paths)
    del _parent(doc, path)[path[-1]]
    return f"struct.drop required {_show(path)}", _dump(doc)


def duplicate_key(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """The same key twice in one table (invalid TOML), done on the text."""
    lines = seed.data.split(b"\n")
    candidates = [i for i, ln in enumerate(lines) if b"=" in ln and not ln.startswith(b"#")]
    headers = [i for i, ln in enumerate(lines) if ln.startswith(b"[") and not ln.startswith(b"[[")]
    if headers and rng.random() < 0.3:
        i = rng.choice(headers)
        lines.append(lines[i])
        return f"struct.duplicate table header line {i}", b"\n".join(lines) + b"\n"
    if not candidates:
        return truncate(rng, seed)
    i = rng.choice(candidates)
    value = rng.choice([lines[i], lines[i].split(b"=")[0] + b'= "other"'])
    lines.insert(i + 1, value)
    return f"struct.duplicate key line {i}", b"\n".join(lines)


def duplicate_item(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """A list item copied (usually a duplicate id)."""
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: isinstance(v, list) and bool(v))
    if path is None:
        return drop_key(rng, seed)
    items = _parent(doc, (*path, 0))
    items.append(copy.deepcopy(rng.choice(items)))
    return f"struct.duplicate item in {_show(path)}", _dump(doc)


def _other_type(rng: random.Random, value: Any) -> Any:
    choices: list[Any] = [
        0,
        -1,
        2**70,
        -(2**63) - 1,
        1.5,
        float("nan"),
        float("inf"),
        True,
        "",
        "x",
        "ÆØÅ æøå",
        [],
        [1, "a", {"k": 1}],
        {},
        {"a": {"b": 1}},
        dt.date(2026, 2, 30 - 2),
        dt.datetime(1, 1, 1, tzinfo=dt.UTC),
        dt.datetime(9999, 12, 31, 23, 59, 59),
        dt.time(12, 0),
    ]
    return rng.choice([c for c in choices if type(c) is not type(value)])


def retype(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: True)
    if path is None:
        return drop_key(rng, seed)
    new = _other_type(rng, _parent(doc, path)[path[-1]])
    _parent(doc, path)[path[-1]] = new
    return f"struct.retype {_show(path)} to {type(new).__name__} {new!r:.40}", _dump(doc)


def wrong_nesting(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: True)
    if path is None:
        return drop_key(rng, seed)
    parent = _parent(doc, path)
    value = parent[path[-1]]
    how = rng.choice(["wrap-list", "wrap-table", "unwrap", "lift"])
    if how == "wrap-list":
        parent[path[-1]] = [value]
    elif how == "wrap-table":
        parent[path[-1]] = {"value": value}
    elif how == "unwrap" and isinstance(value, list) and value:
        parent[path[-1]] = value[0]
    elif how == "unwrap" and isinstance(value, dict) and value:
        parent[path[-1]] = next(iter(value.values()))
    elif how == "lift" and len(path) >= 2 and isinstance(path[-1], str):
        grand = _parent(doc, path[:-1])
        if isinstance(grand, dict):
            grand[path[-1] + "_lifted" if path[-1] in grand else path[-1]] = value
        del parent[path[-1]]
    else:
        parent[path[-1]] = [[value]]
    return f"struct.nesting {how} {_show(path)}", _dump(doc)


def huge_string(rng: random.Random, seed: Seed, max_bytes: int = 2_000_000) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: isinstance(v, str))
    if path is None:
        return long_line(rng, seed, max_bytes)
    n = rng.choice([2_001, 50_000, 200_001, max_bytes])
    text = rng.choice(["x", "æ", "👩🏽‍💻", "ab "]) * (n // 4 + 1)
    _parent(doc, path)[path[-1]] = text[:n]
    return f"struct.huge string {n} at {_show(path)}", _dump(doc)


def deep_nesting(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    n = rng.choice([50, 500, 1_100, 5_000, 20_000])
    how = rng.choice(["array", "inline-table", "dotted", "headers"])
    if how == "array":
        extra = b"deep = " + b"[" * n + b"]" * n + b"\n"
    elif how == "inline-table":
        extra = b"deep = " + b"{a = " * n + b"1" + b"}" * n + b"\n"
    elif how == "dotted":
        extra = b"deep" + b".a" * n + b" = 1\n"
    else:
        extra = b"\n[deep" + b".a" * n + b"]\nx = 1\n"
    if how == "headers":
        return f"struct.deep {how} {n}", seed.data + extra
    return f"struct.deep {how} {n}", extra + seed.data


def unknown_key(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: isinstance(v, dict))
    target = _parent(doc, (*path, "x")) if path else doc
    key = rng.choice(["extra", "Title", "staff ", "ÆØÅ", "[bold]k", "__class__"])
    target[key] = rng.choice([1, "v", [1], {"x": 1}])
    return f"struct.unknown key {key!r} in {_show(path or ())}", _dump(doc)


def schema_version(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    value = rng.choice([0, -1, 2, 99, 2**64, "1", 1.0, True, [1]])
    doc["schema_version"] = value
    return f"struct.schema_version {value!r}", _dump(doc)


def bad_id(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    paths = [p for p, v in _walk(doc) if p and p[-1] == "id" and isinstance(v, str)]
    if not paths:
        return retype(rng, seed)
    path = rng.choice(paths)
    value = rng.choice(["", "../x", "A B", "ø", "x" * 65, "-lead", "x\ny", "[b]"])
    _parent(doc, path)[path[-1]] = value
    return f"struct.bad id {value!r} at {_show(path)}", _dump(doc)


def broken_reference(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """A reference to a person, competence, profile or theme that does not exist."""
    doc = copy.deepcopy(seed.doc)
    refs = {"theme", "profiles", "elements", "competences", "for_whom", "serves", "course_id"}
    paths = [p for p, v in _walk(doc) if any(k in refs for k in p if isinstance(k, str))]
    paths = [p for p in paths if isinstance(_parent(doc, p)[p[-1]], str)]
    rating_tables = [p for p, v in _walk(doc) if len(p) >= 3 and p[-1] == "ratings" and v]
    if rating_tables and (not paths or rng.random() < 0.4):
        table = _parent(doc, (*rng.choice(rating_tables), "x"))
        how = rng.choice(["person", "competence", "level"])
        lines = any(isinstance(v, str) for v in table.values())  # schema 2: 'b-1:3 e-2:1'
        if how == "person":
            table["nobody"] = "b-1:1" if lines else {"b-1": 1}
        elif lines:
            who = rng.choice(list(table))
            if how == "competence":
                table[who] = f"{table[who]} no-such-competence:1".strip()
            else:
                bad = rng.choice([-1, 5, 9, 10, 2**40])
                table[who] = re.sub(r":\d+", f":{bad}", table[who], count=1)
        else:
            person = table[rng.choice(list(table))]
            if how == "competence":
                person["no-such-competence"] = 1
            elif person:
                person[rng.choice(list(person))] = rng.choice([-1, 5, 9, 10, 2**40])
        return f"struct.broken rating {how}", _dump(doc)
    if not paths:
        return bad_id(rng, seed)
    path = rng.choice(paths)
    _parent(doc, path)[path[-1]] = "no-such-thing"
    return f"struct.broken reference {_show(path)}", _dump(doc)


def hostile_text(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """Markup, control codes, bidi marks and formulas in a text field: valid data."""
    doc = copy.deepcopy(seed.doc)
    paths = [
        p
        for p, v in _walk(doc)
        if p and isinstance(v, str) and p[-1] in {"title", "name", "description", "note", "label"}
    ]
    if not paths:
        return huge_string(rng, seed)
    path = rng.choice(paths)
    text = rng.choice(HOSTILE_TEXTS)
    _parent(doc, path)[path[-1]] = text
    return f"struct.hostile text {text!r:.30} at {_show(path)}", _dump(doc)


def empty_collections(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: isinstance(v, list | dict) and bool(v))
    if path is None:
        return drop_key(rng, seed)
    value = _parent(doc, path)[path[-1]]
    _parent(doc, path)[path[-1]] = type(value)()
    return f"struct.empty {_show(path)}", _dump(doc)


def many_items(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    """A list grown to many copies of one item (duplicate ids, size)."""
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: isinstance(v, list) and bool(v))
    if path is None:
        return drop_key(rng, seed)
    items = _parent(doc, (*path, 0))
    n = rng.choice([100, 2_000])
    items.extend(copy.deepcopy(items[0]) for _ in range(n))
    return f"struct.{n} copies in {_show(path)}", _dump(doc)


BYTE_MUTATIONS: tuple[Mutation, ...] = (
    truncate,
    flip_bits,
    nul_bytes,
    nul_in_string,
    invalid_utf8,
    latin1,
    bom,
    utf16,
    crlf,
    long_line,
    delete_range,
    duplicate_range,
    shuffle_lines,
    drop_char,
    garbage,
    raw_control_chars,
    control_in_key,
)

STRUCT_MUTATIONS: tuple[Mutation, ...] = (
    drop_key,
    drop_required,
    duplicate_key,
    duplicate_item,
    retype,
    wrong_nesting,
    huge_string,
    deep_nesting,
    unknown_key,
    schema_version,
    bad_id,
    broken_reference,
    hostile_text,
    empty_collections,
    many_items,
)

ALL_MUTATIONS: tuple[Mutation, ...] = BYTE_MUTATIONS + STRUCT_MUTATIONS

#: Mutations that make big files; their size is capped by ``max_bytes``.
_SIZED = {long_line, huge_string}


def mutate(rng: random.Random, seed: Seed, mutation: Mutation, max_bytes: int) -> tuple[str, bytes]:
    """Apply one mutation; if it cannot apply to this input, fall back to a truncation."""
    try:
        if mutation in _SIZED:
            return mutation(rng, seed, max_bytes)
        return mutation(rng, seed)
    except (TypeError, ValueError, OverflowError, RecursionError, IndexError, KeyError) as exc:
        # tomli_w refuses some shapes, and an empty document has nothing to pick;
        # fall back to a byte-level change so the count holds.
        if not seed.data:
            return f"{mutation.__name__} on an empty file; left empty", b""
        desc, data = truncate(rng, seed)
        return f"{mutation.__name__} not applicable ({type(exc).__name__}); {desc}", data


def cases(
    count: int,
    *,
    seed: int = 0,
    small: bool = True,
    max_bytes: int = 2_000_000,
    stacked: float = 0.15,
) -> Iterator[Case]:
    """``count`` fuzz cases, cycling through every mutation so each gets its share.

    ``stacked`` is the share of cases that apply a second mutation on top of
    the first (a structure change followed by a byte change, say).
    """
    rng = random.Random(seed)
    pool = seeds(small=small)
    order = list(ALL_MUTATIONS)
    for number in range(count):
        if number % len(order) == 0:
            rng.shuffle(order)
        base = pool[number % len(pool)]
        mutation = order[number % len(order)]
        desc, data = mutate(rng, base, mutation, max_bytes)
        if rng.random() < stacked and data and mutation is not deep_nesting:
            try:
                text = data.decode("utf-8")
                doc = tomllib.loads(text)
            except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
                doc = None
            if doc:  # stack only on a document that still has something to change
                second = rng.choice(ALL_MUTATIONS)
                desc2, data = mutate(rng, Seed(base.name, base.kind, data, doc), second, max_bytes)
                desc = f"{desc} + {desc2}"
        yield Case(number=number, seed=base.name, kind=base.kind, mutation=desc, data=data)
