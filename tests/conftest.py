"""Keep every test away from the user's real sessions folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _sessions_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("sessions")
    monkeypatch.setenv("FAGWORKSHOP_SESSIONS_DIR", str(folder))
    yield folder
