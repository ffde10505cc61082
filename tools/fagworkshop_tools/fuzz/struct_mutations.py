"""Structure-level mutations of a parsed document: dropped, duplicated and retyped keys,
wrong nesting, huge strings, deep nesting, bad ids, broken references, odd schema
versions, hostile but valid text.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import tomli_w

from fagworkshop_tools.fuzz.byte_mutations import Mutation, long_line, truncate
from fagworkshop_tools.fuzz.seeds import Seed

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


def drop_key(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
    doc = copy.deepcopy(seed.doc)
    path = _pick(rng, doc, lambda v: True)
    if path is None or isinstance(path[-1], int):
        path = (rng.choice(list(doc)),)
    del _parent(doc, path)[path[-1]]
    return f"struct.drop {_show(path)}", _dump(doc)


#: What a mutation does at the place it was given in a copy of the seed; returns how it said.
Change = Callable[[random.Random, dict[str, Any], PathT], str]


def _at_a_place(want: Callable[[Any], bool]) -> Callable[[Change], Mutation]:
    """The mutation that makes the decorated change at a random place of a copy of the seed
    where ``want`` holds, or drops a key where no place does."""

    def mutation(change: Change) -> Mutation:
        @functools.wraps(change)
        def mutate(rng: random.Random, seed: Seed) -> tuple[str, bytes]:
            doc = copy.deepcopy(seed.doc)
            path = _pick(rng, doc, want)
            if path is None:
                return drop_key(rng, seed)
            return change(rng, doc, path), _dump(doc)

        return mutate

    return mutation


def _anything(value: Any) -> bool:
    return True


def _filled_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value)


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


@_at_a_place(_filled_list)
def duplicate_item(rng: random.Random, doc: dict[str, Any], path: PathT) -> str:
    """A list item copied (usually a duplicate id)."""
    items = _parent(doc, (*path, 0))
    items.append(copy.deepcopy(rng.choice(items)))
    return f"struct.duplicate item in {_show(path)}"


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


@_at_a_place(_anything)
def retype(rng: random.Random, doc: dict[str, Any], path: PathT) -> str:
    new = _other_type(rng, _parent(doc, path)[path[-1]])
    _parent(doc, path)[path[-1]] = new
    return f"struct.retype {_show(path)} to {type(new).__name__} {new!r:.40}"


@_at_a_place(_anything)
def wrong_nesting(rng: random.Random, doc: dict[str, Any], path: PathT) -> str:
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
    return f"struct.nesting {how} {_show(path)}"


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


@_at_a_place(lambda v: isinstance(v, list | dict) and bool(v))
def empty_collections(rng: random.Random, doc: dict[str, Any], path: PathT) -> str:
    value = _parent(doc, path)[path[-1]]
    _parent(doc, path)[path[-1]] = type(value)()
    return f"struct.empty {_show(path)}"


@_at_a_place(_filled_list)
def many_items(rng: random.Random, doc: dict[str, Any], path: PathT) -> str:
    """A list grown to many copies of one item (duplicate ids, size)."""
    items = _parent(doc, (*path, 0))
    n = rng.choice([100, 2_000])
    items.extend(copy.deepcopy(items[0]) for _ in range(n))
    return f"struct.{n} copies in {_show(path)}"


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
