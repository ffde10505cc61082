"""Rewrite the shipped demo sessions as fagworkshop writes them, after a hand edit.

``PYTHONPATH=tools .venv/bin/python -m fagworkshop_tools.demo_files`` reads each
file in ``src/fagworkshop/demo/`` with the store (a file that breaks a rule is
refused with its place, and nothing is written) and writes it back in the
program's own form: key order, rating lines and the integrity marker's last line.
"""

from __future__ import annotations

import sys

from fagworkshop.demo import SHIPPED_FILES
from fagworkshop.store.encoding import session_file_bytes
from fagworkshop.store.errors import StoreError
from fagworkshop.store.reading import load_session


def main() -> int:
    """Check every demo file first, then rewrite those that changed; the exit code."""
    try:
        fresh = {path: session_file_bytes(load_session(path)) for path in SHIPPED_FILES}
    except StoreError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    for path, data in fresh.items():
        if path.read_bytes() != data:
            path.write_bytes(data)
            print(f"rewritten: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
