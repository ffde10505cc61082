"""Reading a session file in a second process while this one starts (``fagworkshop open``).

Opening a 2,000-staff file spends about as long reading and parsing it (its bytes,
the integrity marker, TOML, the rating lines) as importing Textual, and there are
two processor cores. :meth:`ReadAhead.start` forks a child before pydantic and
Textual are imported (and before any thread runs); the child reads the file, parses
it and decodes its rating lines, and sends back through a pipe the data with the
stamp of exactly the bytes it parsed. The program imports meanwhile; then
``store.reading.load_session_file(path, ahead=...)`` validates that data with the
models in this process, so a file is accepted or refused as when read here.

Anything the child cannot do the ordinary way ends in :meth:`ReadAhead.parsed`
saying None, and the caller reads the file itself, in this process: a file with a
problem (cut short, not TOML, a wrong rating line: the message is then worded by
the usual path), an older schema (migrated here), no ``os.fork`` (Windows), a
thread already running, a child that dies or sends nothing in time. Nothing is
written anywhere but the pipe: no copy of the file's personal data on disk, and the
log says what happened without the file's path (``logfile``: it holds the user's
name). What crosses the pipe is pickled by our own child and read only by its parent.
The child ends in ``os._exit`` whatever happens, so it never runs on into the program
(its messages, exit code or atexit handlers).
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from fagworkshop import logfile
from fagworkshop.store.integrity import FileStamp, Integrity
from fagworkshop.store.integrity import check as check_integrity
from fagworkshop.store.parsing import mtime_ns, read_bytes, toml_table
from fagworkshop.store.shape import SHAPE_VERSION, decode_session

log = logfile.logger(__name__)

#: Smaller files are read in this process: a fork and a pipe cost more than they save.
READ_AHEAD_FROM = 128 * 1024

#: How long the parent waits for the child at most: a few seconds plus a second per MB
#: (it parses about 15 MB a second here). A child that takes longer is given up on.
WAIT_BASE = 5.0
WAIT_PER_MB = 1.0

_LENGTH = 8  # bytes of the length that precedes the pickled data


@dataclass(frozen=True)
class Parsed:
    """A session file as the child read it: the TOML data with its rating lines decoded
    (``store.shape.decode_session``), the stamp of the bytes parsed, their marker state."""

    data: dict[str, Any]
    stamp: FileStamp
    integrity: Integrity


def parse_file(path: Path) -> Parsed | None:
    """What the child does: the file read and parsed up to validation; None when it
    needs the usual path (a problem to word, an old schema to migrate).

    The same steps as ``store.reading.load_session_file`` before the models, on the
    same bytes: those bytes are the ones stamped.
    """
    raw = read_bytes(path)
    integrity = check_integrity(raw)
    if integrity.truncated:
        return None
    data = toml_table(path, raw)
    version = data.get("schema_version", SHAPE_VERSION)
    if type(version) is not int or version != SHAPE_VERSION:
        return None  # older (migrated by the usual path), newer or wrong: said there
    data = decode_session(data)
    return Parsed(data, FileStamp.of(raw, mtime_ns(path)), integrity)


def _child(path: Path, out: int) -> None:
    """The child's whole life: parse, send, end without running the parent's exit code."""
    code = 1
    try:
        gc.disable()  # it makes no cycles worth finding and ends in a moment
        try:
            parsed = parse_file(path)
        except Exception:  # noqa: BLE001 - the parent reads the file and says what is wrong
            parsed = None
        payload = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
        os.write(out, len(payload).to_bytes(_LENGTH, "big"))
        view = memoryview(payload)
        while view:
            view = view[os.write(out, view) :]
        code = 0
    finally:
        os._exit(code)  # never the parent's atexit handlers, buffers or log


class ReadAhead:
    """A session file being read by a child process; see the module docstring."""

    def __init__(self, path: Path, pid: int | None, fd: int | None, timeout: float) -> None:
        self.path = path
        self._pid = pid
        self._fd = fd
        self._deadline = time.monotonic() + timeout

    @classmethod
    def start(cls, path: Path | str, *, least: int | None = None) -> ReadAhead:
        """Start reading ``path`` in a child (files of at least ``least`` bytes, by
        default ``READ_AHEAD_FROM``). Never raises: without a child the caller reads
        the file itself.
        """
        path = Path(path)
        least = READ_AHEAD_FROM if least is None else least
        try:
            size = path.stat().st_size
        except OSError:
            size = -1
        timeout = WAIT_BASE + WAIT_PER_MB * max(size, 0) / 1_048_576
        if size < least or not hasattr(os, "fork") or threading.active_count() > 1:
            return cls(path, None, None, timeout)  # a fork with threads running could hang
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return cls(path, None, None, timeout)
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return cls(path, None, None, timeout)
        if pid == 0:  # pragma: no cover - the child; measured by the parent's tests
            try:  # whatever happens (Ctrl+C before _child's own try), never return
                os.close(read_end)
                _child(path, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        return cls(path, pid, read_end, timeout)

    @property
    def forked(self) -> bool:
        """Whether a child was started (and not let go of yet)."""
        return self._pid is not None

    def ready(self) -> bool:
        """Whether :meth:`parsed` would answer at once (the child is done, or there is none)."""
        if self._fd is None:
            return True
        return bool(select.select([self._fd], [], [], 0)[0])

    def parsed(self) -> Parsed | None:
        """The child's result, once; None: read the file here (see the module docstring)."""
        if self._fd is None:
            return None
        try:
            payload = self._receive()
            if payload is None:
                return None
            result = pickle.loads(payload)
            if not isinstance(result, Parsed):
                return None
            log.info("read by a second process: %d bytes", result.stamp.size)
            return result
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the file is read here
            logfile.caught(log, "reading ahead (the file is read here)", exc)
            return None
        finally:
            self.close()

    def _receive(self) -> memoryview | None:
        """The pickled bytes the child sent, or None if it ended or took too long first."""
        assert self._fd is not None
        buf = bytearray()
        need = -1
        while need < 0 or len(buf) < need:
            left = self._deadline - time.monotonic()
            if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                log.warning("reading ahead took too long; the file is read here")
                return None
            chunk = os.read(self._fd, 1 << 20)
            if not chunk:
                log.warning("reading ahead ended early; the file is read here")
                return None
            buf += chunk
            if need < 0 and len(buf) >= _LENGTH:
                need = _LENGTH + int.from_bytes(buf[:_LENGTH], "big")
        return memoryview(buf)[_LENGTH:need]

    def close(self) -> None:
        """Let go of the child (ended if it still runs) and the pipe; safe to call twice."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        pid, self._pid = self._pid, None
        if pid is None:
            return
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done == 0:  # still running: it has sent all it will, or we gave up on it
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
