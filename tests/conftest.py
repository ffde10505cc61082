"""Every test in Danish (the default) and away from the user's real folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fagworkshop import logfile
from fagworkshop.i18n import set_language


@pytest.fixture(autouse=True)
def danish() -> Iterator[None]:
    """Start every test in Danish and leave it so: a test that switches to English
    (``set_language("en")``, the app's language key) cannot leak it into the next."""
    set_language("da")
    yield
    set_language("da")


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


@pytest.fixture(autouse=True)
def _cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Keep every test away from the user's cache (the catalogue list, issue 13)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("FAGWORKSHOP_CACHE_DIR", str(folder))
    yield folder
