"""Developer tools run by ``make``, not shipped in the wheel: the benchmark (``bench``)
and the attack suite (``fuzz``).

Run from the repository with ``tools`` on the path (``make bench``, ``make fuzz``,
or ``PYTHONPATH=tools python -m fagworkshop_tools.bench``); the test suite puts it
there through pytest's ``pythonpath`` setting. A process they start gets the same
path from :func:`with_tools_path`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: The folder that holds this package (``tools/`` in the repository).
TOOLS = Path(__file__).resolve().parent.parent


def with_tools_path(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` with :data:`TOOLS` first on ``PYTHONPATH``, for a child that imports the tools."""
    paths = [str(TOOLS), *(p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p)]
    return {**env, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}
