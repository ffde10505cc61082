"""Attack: faults while saving. Kills at random moments, a full disk, a read-only folder.

The store's own tests cover a mocked ENOSPC on write, a mocked EACCES and 220
kills of a session whose notes grow. These add what they do not: kills of a
session that grows by a person per save, checked against the exact state
before or after the save in flight (and a fresh interpreter killed during
start-up and saving); a real file-size limit from the kernel; faults in the
backup and fsync steps; and a read-only folder enforced for real even when the
suite runs as root.
"""

from __future__ import annotations

import errno
import os
import pwd
import resource
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.store import atomic
from fagworkshop.store.errors import SaveFailed
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop_tools.fuzz import kills

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def small(seed: int = 0) -> Session:
    return generate_session(staff=4, competences=6, rounds=2, seed=seed)


def saved(folder: Path, seed: int = 1) -> tuple[Path, bytes, bytes]:
    """A session saved twice (so it has a backup): path, file bytes, backup bytes."""
    p = folder / "w.toml"
    save_session(small(seed), p)
    save_session(small(seed + 1), p)
    return p, p.read_bytes(), (folder / "w.toml.bak").read_bytes()


def assert_untouched(p: Path, data: bytes, backup: bytes) -> None:
    assert p.read_bytes() == data
    assert p.with_name(p.name + ".bak").read_bytes() == backup
    left = sorted(x.name for x in p.parent.iterdir())
    assert left == ["w.toml", "w.toml.bak"], "a failed save left files behind"


# --- kills -----------------------------------------------------------------------


@needs_fork
def test_kills_of_a_growing_session_leave_the_state_before_or_after(tmp_path: Path) -> None:
    report = kills.run_kills(tmp_path / "fork", 30, size=kills.SMALL, max_delay=0.06, seed=5)
    assert report.ok, report.findings
    assert report.kills == 30
    assert report.advanced >= 5, "the child hardly ever finished a save"


def test_kills_of_fresh_interpreters_leave_a_loadable_file(tmp_path: Path) -> None:
    report = kills.run_fresh_kills(tmp_path / "fresh", 3, size=kills.SMALL)
    assert report.ok, report.findings


def test_the_reference_states_grow_as_the_child_grows() -> None:
    ref = kills.Reference(kills.SMALL)
    s3 = ref.at(3)
    assert s3 is not None and kills.generation(s3) == 3
    assert len(s3.staff) == kills.SMALL[0] + 3
    assert ref.at(2) is None  # never backwards
    assert s3 == kills.state(3, kills.SMALL)


# --- full disk -------------------------------------------------------------------


def _raise(code: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("target", "name", "code"),
    [
        (atomic.os, "fsync", errno.ENOSPC),
        (atomic.os, "fsync", errno.EIO),
        (atomic.os, "replace", errno.ENOSPC),
        (atomic.tempfile, "mkstemp", errno.EROFS),
        (atomic.tempfile, "mkstemp", errno.EDQUOT),
    ],
)
def test_a_fault_in_any_step_leaves_file_and_backup_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: object, name: str, code: int
) -> None:
    p, data, backup = saved(tmp_path)
    session = small(9)
    session.title = "Ændret i hukommelsen"
    monkeypatch.setattr(target, name, _raise(code))
    with pytest.raises(SaveFailed) as info:
        save_session(session, p)
    monkeypatch.undo()
    message = info.value.describe()
    assert str(p) in message
    assert "Traceback" not in message
    assert_untouched(p, data, backup)
    # the change is still in memory and saves once the disk is back
    assert session.title == "Ændret i hukommelsen"
    save_session(session, p)
    assert load_session(p) == session


def test_no_space_while_keeping_the_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p, data, backup = saved(tmp_path)
    monkeypatch.setattr(atomic.os, "link", _raise(errno.ENOSPC))
    monkeypatch.setattr(atomic.shutil, "copyfile", _raise(errno.ENOSPC))
    with pytest.raises(SaveFailed, match="plads"):
        save_session(small(7), p)
    monkeypatch.undo()
    assert_untouched(p, data, backup)


def _in_child(work: Callable[[], str]) -> str:
    """Run ``work`` in a forked child; its return value (or the exception) comes back."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            result = work()
        except BaseException as exc:  # noqa: BLE001
            result = f"EXCEPTION {type(exc).__name__}: {exc}"
        try:
            os.write(write_fd, result.encode("utf-8", "replace"))
        finally:
            os._exit(0)
    os.close(write_fd)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8")


@needs_fork
def test_a_real_file_size_limit_from_the_kernel(tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes write() fail with EFBIG part-way through, like a disk filling up."""
    p, data, backup = saved(tmp_path)
    big = generate_session(staff=40, competences=30, rounds=2, seed=3)

    def save_with_limit() -> str:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(data) + 100, len(data) + 100))
        try:
            save_session(big, p)
        except SaveFailed as exc:
            return "SaveFailed " + exc.describe()
        return "saved"

    result = _in_child(save_with_limit)
    assert result.startswith("SaveFailed"), result
    assert str(p) in result
    assert_untouched(p, data, backup)


@needs_fork
@pytest.mark.skipif(not hasattr(os, "setuid"), reason="POSIX only")
def test_a_read_only_folder_for_real_even_as_root() -> None:
    """As root, chmod does not stop writes: the save runs as an unprivileged user instead."""
    folder = Path(tempfile.mkdtemp(prefix="fagworkshop-ro-"))
    try:
        p, data, backup = saved(folder)
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            for f in (folder, *folder.iterdir()):
                os.chown(f, nobody.pw_uid, nobody.pw_gid)
        folder.chmod(0o500)

        def save_unprivileged() -> str:
            if os.geteuid() == 0:
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
            try:
                save_session(small(8), p)
            except SaveFailed as exc:
                return "SaveFailed " + exc.describe()
            return "saved"

        result = _in_child(save_unprivileged)
        folder.chmod(0o700)
        assert result.startswith("SaveFailed"), result
        assert "adgang" in result and str(p) in result  # "ingen adgang": permission denied
        assert_untouched(p, data, backup)
    finally:
        folder.chmod(0o700)
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()


# --- a session that would not open again -------------------------------------------


def test_a_session_that_would_not_open_again_is_not_saved(tmp_path: Path) -> None:
    """Was: a 300,000-character pasted note saved fine, and then the file refused to open."""
    from fagworkshop.domain import adapt

    p, data, backup = saved(tmp_path)
    session = small(3)
    adapt.set_basic_note(session, session.basics[0].id, "x" * 300_000)
    with pytest.raises(SaveFailed) as info:
        save_session(session, p)
    message = info.value.describe()
    assert "basics[0].note" in message and str(p) in message
    assert_untouched(p, data, backup)
    adapt.set_basic_note(session, session.basics[0].id, "kortere")
    save_session(session, p)
    assert load_session(p) == session
