"""The log file: rotating, in the user's state folder (a temporary one here), no personal data."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from fagworkshop import cli, logfile
from fagworkshop.generate import generate_session
from fagworkshop.store import folders
from fagworkshop.store.folders import list_sessions
from fagworkshop.store.writing import save_session

NAME = "Anna Prøvesen"


def _text(folder: Path) -> str:
    for handler in logging.getLogger(logfile.ROOT).handlers:
        handler.flush()
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("fagworkshop.log*")))


def test_tests_log_into_a_temporary_folder(_log_dir: Path) -> None:
    assert logfile.log_dir() == _log_dir


def test_the_default_folder_is_the_user_state_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(logfile.ENV_LOG_DIR)
    folder = logfile.log_dir()
    assert "fagworkshop" in folder.parts
    assert folder != Path.cwd()


def test_setup_writes_an_owner_only_file(tmp_path: Path) -> None:
    path = logfile.setup(tmp_path / "log")
    assert path == tmp_path / "log" / logfile.LOG_FILE
    logging.getLogger("fagworkshop.test").info("session %s opened", "s-1")
    assert "session s-1 opened" in _text(tmp_path / "log")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_file_rotates(tmp_path: Path) -> None:
    logfile.setup(tmp_path, max_bytes=2_000, backups=2)
    logger = logging.getLogger("fagworkshop.test")
    for i in range(200):
        logger.info("record %d %s", i, "x" * 40)
    names = sorted(p.name for p in tmp_path.glob("fagworkshop.log*"))
    assert names == ["fagworkshop.log", "fagworkshop.log.1", "fagworkshop.log.2"]
    assert all(p.stat().st_size <= 2_100 for p in tmp_path.glob("fagworkshop.log*"))


def test_a_rotated_log_starts_owner_only(tmp_path: Path) -> None:
    """Was: the file made after a rotation got the umask's mode (0644), not 0600."""
    import os

    old = os.umask(0o022)
    try:
        logfile.setup(tmp_path, max_bytes=500, backups=1)
        logger = logging.getLogger("fagworkshop.test")
        for i in range(30):
            logger.info("record %d %s", i, "x" * 40)
    finally:
        os.umask(old)
    files = sorted(tmp_path.glob("fagworkshop.log*"))
    assert [p.name for p in files] == ["fagworkshop.log", "fagworkshop.log.1"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}


def test_a_log_that_cannot_be_written_does_not_stop_the_program(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert logfile.setup(blocker / "log") is None
    logging.getLogger("fagworkshop.test").error("nowhere to go")  # no exception


def test_caught_names_the_type_and_place_never_the_message(tmp_path: Path) -> None:
    logfile.setup(tmp_path)
    try:
        raise ValueError(f"bad name {NAME}")
    except ValueError as exc:
        logfile.caught(logging.getLogger("fagworkshop.test"), "testing", exc)
    text = _text(tmp_path)
    assert "builtins.ValueError while testing" in text
    assert "test_logfile.py:" in text
    assert NAME not in text and "bad name" not in text


def test_the_command_line_catch_all_logs_what_it_caught(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], _log_dir: Path
) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError(f"a bug near {NAME}")

    monkeypatch.setattr(cli, "cmd_catalogues", broken)
    assert cli.main(["catalogues"]) == 1
    assert "RuntimeError" in capsys.readouterr().err  # the user's message is unchanged
    text = _text(_log_dir)
    assert "caught builtins.RuntimeError while running a command" in text
    assert "in broken" in text
    assert NAME not in text


def test_a_run_logs_its_start_and_exit_code(
    capsys: pytest.CaptureFixture[str], _log_dir: Path, tmp_path: Path
) -> None:
    session = generate_session(staff=2, competences=3, rounds=1, seed=1)
    session.staff[0].name = NAME
    path = tmp_path / "w.toml"
    save_session(session, path)
    assert cli.main(["validate", str(path)]) == 0
    text = _text(_log_dir)
    assert ": validate" in text and "exit 0" in text
    assert NAME not in text and str(tmp_path) not in text


def test_a_run_logs_which_command_it_was(_log_dir: Path, tmp_path: Path) -> None:
    """Was: every command but validate was logged as "run" (the name of its function)."""
    path = tmp_path / "w.toml"
    save_session(generate_session(staff=2, competences=3, rounds=1, seed=1), path)
    assert cli.main(["export", str(path), "-f", "csv", "-o", str(tmp_path / "x.csv")]) == 0
    assert cli.main(["catalogues"]) == 0
    text = _text(_log_dir)
    assert ": export\n" in text and ": catalogues\n" in text
    assert ": run\n" not in text


def test_the_command_line_writes_its_records_as_logging_does(tmp_path: Path) -> None:
    """Without logging loaded (a new process, as ``fagworkshop catalogues``), the command
    line's records are the lines logging's records are."""
    import re
    import subprocess
    import sys

    code = (
        "import sys; from fagworkshop import logfile; logfile.setup(); "
        "logfile.record('fagworkshop.cli', 'INFO', 'without logging'); "
        "print('logging' in sys.modules)"
    )
    env = {logfile.ENV_LOG_DIR: str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr
    logfile.setup(tmp_path)
    logging.getLogger("fagworkshop.cli").info("through %s", "logging")
    lines = _text(tmp_path).splitlines()
    shape = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO fagworkshop\.cli: "
    assert re.fullmatch(shape + "without logging", lines[0])
    assert re.fullmatch(shape + "through logging", lines[1])


def test_every_module_takes_its_logger_from_logfile() -> None:
    """A logger taken from logging directly would miss the file when logging loads after
    the log was opened (the command line opens it without importing logging)."""
    src = Path(logfile.__file__).parent
    users = [
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if "logging.getLogger(" in p.read_text(encoding="utf-8")
    ]
    assert sorted(users) == ["logfile.py"]


def test_the_session_list_logs_a_file_it_could_not_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, _log_dir: Path
) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    session = generate_session(staff=1, competences=2, rounds=1, seed=2)
    save_session(session, folder / "a.toml")

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError(NAME)

    monkeypatch.setattr(folders, "load_session_file", broken)
    [entry] = list_sessions(folder)
    assert entry.problem
    logfile.setup()
    list_sessions(folder)
    text = _text(_log_dir)
    assert "caught builtins.RuntimeError while reading a session for the list" in text
    assert NAME not in text


_WRITER = """
import sys
from pathlib import Path
from fagworkshop import logfile
logfile.setup(Path(sys.argv[1]), max_bytes=1_500, backups=400)
print("ready", flush=True)
sys.stdin.readline()  # both start writing together
for i in range(1_500):
    logfile.record("t", "INFO", f"{sys.argv[2]} {i}")  # an error: the record is lost
"""


def test_two_programs_writing_one_log_lose_no_record_when_it_rotates(tmp_path: Path) -> None:
    """Was: when two instances rotated the file at the same moment, the later one's move
    of the file found it gone (FileNotFoundError: its record was lost) or moved the
    other's fresh file aside again (a backup lost). Only the oldest backup is dropped."""
    import subprocess
    import sys

    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path), who],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("a", "b")
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.close()
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    lines = _text(tmp_path).splitlines()
    for who in ("a", "b"):
        got = [int(line.rsplit(" ", 1)[1]) for line in lines if f" t: {who} " in line]
        assert sorted(got) == list(range(1_500)), sorted(set(range(1_500)) - set(got))
