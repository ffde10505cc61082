"""Text from files and paths made safe to print on a terminal.

Its own module so that both ``errors`` and ``backup_info`` use it without importing
each other (``errors`` names ``BackupInfo`` in its types only); callers import it
from ``errors``, as before.
"""

from __future__ import annotations

import re

#: Characters a terminal would act on (C0 except tab and newline, DEL, C1, bidi
#: overrides): a key name or file name holding them must not reach the screen raw.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with control characters shown as ``\\u001b`` (as TOML writes them)."""
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
