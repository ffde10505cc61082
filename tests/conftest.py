"""Keep every test away from the user's real sessions folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fagworkshop import logfile


@pytest.fixture(autouse=True)
def _sessions_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("sessions")
    monkeypatch.setenv("FAGWORKSHOP_SESSIONS_DIR", str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _log_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Keep every test's log records in a temporary folder, never in the user's log."""
    folder = tmp_path_factory.mktemp("log")
    monkeypatch.setenv("FAGWORKSHOP_LOG_DIR", str(folder))
    yield folder
    logfile.close()


@pytest.fixture(autouse=True)
def _config_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Keep every test away from the user's real settings (the remembered theme)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("FAGWORKSHOP_CONFIG_DIR", str(folder))
    yield folder
