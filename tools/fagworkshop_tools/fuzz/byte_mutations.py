"""Byte-level mutations: truncation, flipped bits, NUL bytes, invalid UTF-8, BOMs, CRLF
and lone CR line ends, very long lines, garbage, removed characters.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from fagworkshop_tools.fuzz.seeds import Seed

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
