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

The seeds are in :mod:`.seeds`, the two families in :mod:`.byte_mutations` and
:mod:`.struct_mutations`; this module mixes them into cases and re-exports them.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Iterator

from fagworkshop_tools.fuzz.byte_mutations import (
    BYTE_MUTATIONS,
    Mutation,
    bom,
    control_in_key,
    crlf,
    delete_range,
    drop_char,
    duplicate_range,
    flip_bits,
    garbage,
    invalid_utf8,
    latin1,
    long_line,
    nul_bytes,
    nul_in_string,
    raw_control_chars,
    shuffle_lines,
    truncate,
    utf16,
)
from fagworkshop_tools.fuzz.seeds import (
    Case,
    Seed,
    seeds,
)
from fagworkshop_tools.fuzz.struct_mutations import (
    HOSTILE_TEXTS,
    STRUCT_MUTATIONS,
    PathT,
    bad_id,
    broken_reference,
    deep_nesting,
    drop_key,
    drop_required,
    duplicate_item,
    duplicate_key,
    empty_collections,
    hostile_text,
    huge_string,
    many_items,
    retype,
    schema_version,
    unknown_key,
    wrong_nesting,
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


__all__ = [
    "ALL_MUTATIONS",
    "BYTE_MUTATIONS",
    "Case",
    "HOSTILE_TEXTS",
    "Mutation",
    "PathT",
    "STRUCT_MUTATIONS",
    "Seed",
    "bad_id",
    "bom",
    "broken_reference",
    "cases",
    "control_in_key",
    "crlf",
    "deep_nesting",
    "delete_range",
    "drop_char",
    "drop_key",
    "drop_required",
    "duplicate_item",
    "duplicate_key",
    "duplicate_range",
    "empty_collections",
    "flip_bits",
    "garbage",
    "hostile_text",
    "huge_string",
    "invalid_utf8",
    "latin1",
    "long_line",
    "many_items",
    "mutate",
    "nul_bytes",
    "nul_in_string",
    "raw_control_chars",
    "retype",
    "schema_version",
    "seeds",
    "shuffle_lines",
    "truncate",
    "unknown_key",
    "utf16",
    "wrong_nesting",
]
