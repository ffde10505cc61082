"""Reading a session file in a second process (``store.read_ahead``, issue 13): the same
session, stamp and marker state as reading it here, the same refusal in the same words,
and a child that dies, hangs or sends nonsense falls back to reading it here."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from fagworkshop.domain.session import SESSION_SCHEMA_VERSION
from fagworkshop.generate import generate_session
from fagworkshop.store import read_ahead
from fagworkshop.store.errors import StoreError
from fagworkshop.store.read_ahead import ReadAhead
from fagworkshop.store.reading import load_session_file
from fagworkshop.store.shape import SHAPE_VERSION
from fagworkshop.store.writing import save_session, session_snapshot, utc


def _saved(tmp_path: Path, name: str = "s.toml") -> Path:
    path = tmp_path / name
    save_session(generate_session(staff=40, competences=30, rounds=2, seed=5), path)
    return path


def _outcome(path: Path, *, ahead: bool) -> tuple[str, Any]:
    """What loading gives: the session's data, stamp and marker state, or the message."""
    started = ReadAhead.start(path, least=0) if ahead else None
    if started is not None and path.is_file():
        assert started.forked  # the child really ran (no thread kept it from forking)
    try:
        loaded = load_session_file(path, ahead=started)
    except StoreError as problem:
        return type(problem).__name__, problem.describe()
    finally:
        if started is not None:
            assert not started.forked  # let go of: reaped, the pipe closed
    stamp = loaded.stamp
    return "ok", (
        loaded.session.model_dump(mode="json"),
        (stamp.size, stamp.digest, stamp.mtime_ns),
        loaded.edited_outside,
        loaded.has_marker,
    )


def _same_both_ways(path: Path) -> tuple[str, Any]:
    here = _outcome(path, ahead=False)
    assert _outcome(path, ahead=True) == here
    return here


def test_the_shape_knows_the_schema_version_without_pydantic() -> None:
    assert SHAPE_VERSION == SESSION_SCHEMA_VERSION


def test_a_session_read_ahead_is_the_session_read_here_with_the_same_stamp(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    kind, (_, stamp, edited, marked) = _same_both_ways(path)
    assert kind == "ok" and marked and not edited
    raw = path.read_bytes()
    assert stamp[:2] == (len(raw), hashlib.sha256(raw).hexdigest())


def test_a_file_edited_by_hand_or_without_a_marker_reads_the_same(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    text = path.read_text(encoding="utf-8")
    edited = tmp_path / "edited.toml"
    edited.write_text(text.replace('title = "', 'title = "Ændret ', 1), encoding="utf-8")
    assert _same_both_ways(edited)[1][2] is True  # edited outside
    bare = tmp_path / "bare.toml"
    bare.write_text("\n".join(text.split("\n")[1:-2]) + "\n", encoding="utf-8")
    assert _same_both_ways(bare)[1][3] is False  # no marker


def _edited(path: Path, pattern: str, replacement: str) -> Path:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return path


BROKEN = {
    "cut short": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "not TOML": lambda p: _edited(p, r"\ntitle = ", "\ntitle == "),
    "not UTF-8": lambda p: p.write_bytes(p.read_bytes().replace(b"title = ", b"t\xffitle = ", 1)),
    "a wrong rating line": lambda p: _edited(p, r"(ratings\]\n[^=]+= ')", r"\g<1>x:y "),
    "a competence twice": lambda p: _edited(p, r"(ratings\]\n[^=]+= ')([a-z0-9-]+:\d)", r"\1\2 \2"),
    "a level off the scale": lambda p: _edited(
        p, r"(ratings\]\n[^=]+= ')([a-z0-9-]+):\d", r"\1\2:7"
    ),
    "an unknown person": lambda p: _edited(p, r"(ratings\]\n)([a-z0-9-]+) =", r"\1nobody ="),
    "a newer schema": lambda p: _edited(p, r"\nschema_version = 2\n", "\nschema_version = 9\n"),
    "a schema that is not a number": lambda p: _edited(
        p, r"\nschema_version = 2\n", '\nschema_version = "2"\n'
    ),
    "a missing field": lambda p: _edited(p, r'\ntitle = "[^"\n]*"\n', "\n"),
    "gone": lambda p: p.unlink(),
}


@pytest.mark.parametrize("damage", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_is_refused_in_the_same_words_through_the_second_process(
    tmp_path: Path, damage: Any
) -> None:
    path = _saved(tmp_path)
    damage(path)
    kind, message = _same_both_ways(path)
    assert kind != "ok", message


def test_a_version_1_file_is_migrated_here_and_reads_the_same(tmp_path: Path) -> None:
    session = generate_session(staff=6, competences=9, rounds=2, seed=4)
    plain = session_snapshot(session)
    plain["schema_version"] = 1
    path = tmp_path / "old.toml"
    path.write_text(tomli_w.dumps(utc(plain), multiline_strings=True), encoding="utf-8")
    assert _same_both_ways(path)[0] == "ok"


def _child_does(monkeypatch: pytest.MonkeyPatch, what: Any) -> None:
    """Make the child (which runs a copy of this process) do ``what`` instead of parsing."""
    monkeypatch.setattr(read_ahead, "parse_file", what)


def _falls_back(path: Path) -> None:
    ahead = ReadAhead.start(path, least=0)
    assert ahead.forked
    assert ahead.parsed() is None
    assert not ahead.forked
    assert _outcome(path, ahead=False)[0] == "ok"


def test_a_child_that_dies_before_it_answers_is_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved(tmp_path)
    _child_does(monkeypatch, lambda _path: os._exit(3))
    _falls_back(path)
    here = _outcome(path, ahead=False)
    assert _outcome(path, ahead=True) == here  # load_session_file reads it itself


def test_a_child_that_hangs_is_given_up_on_ended_and_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved(tmp_path)
    never_r, never_w = os.pipe()  # nobody writes: the child waits for ever
    _child_does(monkeypatch, lambda _path: os.read(never_r, 1))
    monkeypatch.setattr(read_ahead, "WAIT_BASE", 0.2)
    monkeypatch.setattr(read_ahead, "WAIT_PER_MB", 0.0)
    try:
        ahead = ReadAhead.start(path, least=0)
        pid = ahead._pid
        assert pid is not None
        assert ahead.parsed() is None
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # ended and reaped: no process left behind
        assert _outcome(path, ahead=True) == _outcome(path, ahead=False)
    finally:
        os.close(never_r)
        os.close(never_w)


def test_a_child_that_sends_something_else_is_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved(tmp_path)
    _child_does(monkeypatch, lambda _path: {"not": "parsed"})
    _falls_back(path)


def test_a_child_that_is_not_used_is_ended(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    with ReadAhead.start(path, least=0) as ahead:
        pid = ahead._pid
        assert pid is not None
    assert not ahead.forked
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_no_child_while_a_thread_runs_or_for_a_small_file(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    assert not ReadAhead.start(path).forked  # 40 staff: below READ_AHEAD_FROM
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        ahead = ReadAhead.start(path, least=0)
        assert not ahead.forked and ahead.ready() and ahead.parsed() is None
    finally:
        stop.set()
        thread.join()
    assert load_session_file(path, ahead=ahead).session.title


def test_open_forks_before_pydantic_and_textual_are_imported(tmp_path: Path) -> None:
    """The point of the second process: this one imports while it parses. A subprocess,
    since this test process has imported both long ago."""
    path = tmp_path / "missing.toml"  # refused after the fork: the program ends there
    code = (
        "import sys\n"
        "from fagworkshop.store import read_ahead\n"
        "start = read_ahead.ReadAhead.start.__func__\n"
        "def spy(cls, path, **kw):\n"
        "    print(sorted({'pydantic', 'textual'} & set(sys.modules)), flush=True)\n"
        "    return start(cls, path, least=0)\n"
        "read_ahead.ReadAhead.start = classmethod(spy)\n"
        "from fagworkshop.cli import main\n"
        f"sys.exit(main(['open', {str(path)!r}]))\n"
    )
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.strip() == "[]"
    assert "missing.toml" in result.stderr


class _Unloadable:
    """Pickled by the child, but cannot be unpickled here (the parent's load fails)."""

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return (_refuse_to_load, ())


def _refuse_to_load() -> None:
    raise ValueError("Anna Prøvesen")  # an exception's text may quote a name


@pytest.mark.parametrize("child", ["dies", "unloadable"])
def test_a_failed_read_ahead_logs_neither_the_path_nor_the_error_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child: str
) -> None:
    """Was: the warnings named the whole path (/home/<user>/..., the user's name), and
    the docs of the log allow a file's name at most, never an exception's text."""
    from fagworkshop import logfile

    folder = tmp_path / "Anna Prøvesen" / "workshops"
    folder.mkdir(parents=True)
    path = _saved(folder)
    logs = tmp_path / "logs"
    logfile.setup(logs)
    if child == "dies":
        _child_does(monkeypatch, lambda _path: os._exit(3))
    else:
        _child_does(monkeypatch, lambda _path: _Unloadable())
    _falls_back(path)
    text = (logs / logfile.LOG_FILE).read_text(encoding="utf-8")
    assert "read_ahead" in text  # the fallback is logged
    assert "Anna" not in text


def test_the_child_never_runs_on_into_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: an exception before the child's own ``try`` (Ctrl+C at the fork, say) left
    ``ReadAhead.start`` in the child, which then ran the rest of the program as a copy
    of it (the parent's messages again, its exit code, its atexit handlers)."""
    path = _saved(tmp_path)
    escaped = tmp_path / "escaped"
    parent = os.getpid()

    def interrupted(_path: Path, _out: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(read_ahead, "_child", interrupted)
    try:
        ahead = ReadAhead.start(path, least=0)
    except KeyboardInterrupt:
        if os.getpid() != parent:
            escaped.write_text("the child ran on", encoding="utf-8")
            os._exit(0)
        raise
    if os.getpid() != parent:  # pragma: no cover - the bug: the child got here too
        escaped.write_text("the child ran on", encoding="utf-8")
        os._exit(0)
    assert ahead.forked
    assert ahead.parsed() is None  # the child ended without an answer
    assert not escaped.exists()
