"""Exports and folders never destroy anything (issue 9 item 7, the command and store side).

``--force`` replaces regular files only; paths are printed terminal-safe; a
write that fails half-way leaves no partial export; every folder the program
creates, parents included, is 0700 even under ``umask 000``.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from fagworkshop.cli import main
from fagworkshop.export import command
from fagworkshop.store.folders import ENV_SESSIONS_DIR, sessions_dir
from fagworkshop.store.writing import save_session
from test_export_sample import sample_session


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.toml"
    save_session(sample_session(), path)
    return path


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def export(*args: str) -> int:
    return main(["export", *args])


def test_force_never_replaces_a_fifo(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    assert export(str(session_file), "-f", "md", "-o", str(fifo), "--force") == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert "ikke en almindelig fil" in capsys.readouterr().err


def test_force_never_replaces_a_device(session_file: Path, tmp_path: Path) -> None:
    device = tmp_path / "null.md"
    try:
        os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here")
    assert export(str(session_file), "-f", "md", "-o", str(device), "--force") == 1
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_force_never_follows_or_replaces_a_symlink(session_file: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "out.md"
    link.symlink_to(precious)
    assert export(str(session_file), "-f", "md", "-o", str(link), "--force") == 1
    assert link.is_symlink() and precious.read_text() == "keep me"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    assert export(str(session_file), "-f", "md", "-o", str(dangling)) == 1
    assert dangling.is_symlink() and not (tmp_path / "nowhere.md").exists()


def test_force_replaces_a_regular_file_owner_only(session_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("old")
    os.chmod(out, 0o644)
    assert export(str(session_file), "-f", "md", "-o", str(out)) == 1  # not without --force
    assert out.read_text() == "old"
    assert export(str(session_file), "-f", "md", "-o", str(out), "--force") == 0
    assert out.read_text() != "old"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_paths_with_escape_codes_are_printed_terminal_safe(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x\x1b[31mred\x07.md"
    assert export(str(session_file), "-f", "md", "-o", str(out)) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\\u001b" in err
    assert export(str(session_file), "-f", "md", "-o", str(out)) == 1  # exists: the error too
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\u001b" in err


def test_a_write_failing_half_way_leaves_nothing(
    session_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.md"
    out.write_text("the old export")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(command.os, "fsync", full_disk)
    assert export(str(session_file), "-f", "md", "-o", str(out), "--force") == 1
    assert out.read_text() == "the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md", "workshop.toml"]


def test_per_person_export_is_all_or_nothing(
    session_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ark"
    real = command._stage
    calls = 0

    def second_fails(target: Path, data: bytes) -> str:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(target, data)

    monkeypatch.setattr(command, "_stage", second_fails)
    assert export(str(session_file), "-f", "docx", "--per-person", "-o", str(folder)) == 1
    assert calls == 2
    assert list(folder.iterdir()) == []  # neither a sheet nor a temporary file


def modes(top: Path, leaf: Path) -> dict[str, int]:
    found = {}
    here = leaf
    while here != top:
        found[str(here.relative_to(top))] = stat.S_IMODE(here.stat().st_mode)
        here = here.parent
    return found


def test_sessions_folder_and_parents_are_0700_under_umask_000(
    tmp_path: Path, umask_000: None
) -> None:
    leaf = tmp_path / "a" / "b" / "sessions"
    assert sessions_dir(leaf) == leaf
    assert set(modes(tmp_path, leaf).values()) == {0o700}


def test_default_data_folder_is_0700_under_umask_000(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_000: None
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv(ENV_SESSIONS_DIR, raising=False)
    folder = sessions_dir()
    assert folder.is_relative_to(tmp_path)
    assert set(modes(tmp_path, folder).values()) == {0o700}, modes(tmp_path, folder)


def test_save_export_settings_and_log_folders_are_0700_under_umask_000(
    tmp_path: Path, session_file: Path, monkeypatch: pytest.MonkeyPatch, umask_000: None
) -> None:
    save_session(sample_session(), tmp_path / "s1" / "s2" / "w.toml")
    assert set(modes(tmp_path, tmp_path / "s1" / "s2").values()) == {0o700}
    assert stat.S_IMODE((tmp_path / "s1" / "s2" / "w.toml").stat().st_mode) == 0o600
    out = tmp_path / "e1" / "e2"
    assert export(str(session_file), "-f", "docx", "--per-person", "-o", str(out)) == 0
    assert set(modes(tmp_path, out).values()) == {0o700}
    from fagworkshop.store import settings

    monkeypatch.setenv(settings.ENV_CONFIG_DIR, str(tmp_path / "c1" / "c2"))
    assert settings.save_setting("theme", "textual-dark")
    assert set(modes(tmp_path, tmp_path / "c1" / "c2").values()) == {0o700}
    from fagworkshop import logfile

    try:
        assert logfile.setup(tmp_path / "l1" / "l2") is not None
        assert set(modes(tmp_path, tmp_path / "l1" / "l2").values()) == {0o700}
    finally:
        logfile.close()
        logging.getLogger(logfile.ROOT).handlers.clear()
