"""The benchmark's real-terminal driver: the program on a pseudo-terminal, its screen via pyte.

The in-process scenarios time the app from inside (a hook on its frames);
these time it as a person sees it: a key is written to the terminal and the
clock stops when the bytes that show its effect have been read back. The
program runs as a child on a pty of the given size (``TIOCSWINSZ``); what it
draws is fed to a ``pyte`` screen, and a scenario waits for a condition on
that screen. A reader thread reads what the program writes as soon as it is
written and stamps each chunk then; the screen is parsed from that queue, so
the emulator's own cost is not counted against the program. (Reading between
parses stamped a frame's later chunks only after pyte had parsed its earlier
ones: tens of milliseconds added to any screen drawn in one burst, and the
program's writes blocked on a full pty meanwhile.)

The tests have their own harness (``tests/support/pty_app.py``) made for
waiting on text without timing anything; this one is small and made for
timing, and ``tests/`` is not importable from the package, so the two stay
apart.

``python -m fagworkshop_tools.bench.terminal floor`` runs the floor: a Textual app
with one label that shows the last digit typed.
"""

from __future__ import annotations

import fcntl
import os
import pty
import queue
import select
import signal
import struct
import sys
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence

import pyte

KEYS: dict[str, bytes] = {
    "escape": b"\x1b",
    "enter": b"\r",
    "tab": b"\t",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "ctrl+q": b"\x11",
    "ctrl+pageup": b"\x1b[5;5~",
    "ctrl+pagedown": b"\x1b[6;5~",
}

#: The screen size of every real-terminal scenario (a laptop at a projector).
SIZE = (160, 48)

Check = Callable[[list[str]], bool]


class TerminalTimeout(RuntimeError):
    """What was waited for did not appear (the screen is in the message)."""


class Terminal:
    """A program on a pseudo-terminal; ``wait`` returns when a screen condition first held."""

    def __init__(
        self, argv: Sequence[str], env: Mapping[str, str], size: tuple[int, int] = SIZE
    ) -> None:
        self.argv = list(argv)
        self.env = {**env, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        self.env.pop("TEXTUAL", None)
        self.columns, self.lines = size
        self.screen = pyte.Screen(self.columns, self.lines)
        self.stream = pyte.ByteStream(self.screen)
        self.pid = -1
        self.fd = -1
        self.started = 0.0
        self.received = 0
        #: Chunks as the reader thread read them: (stamp, bytes), or None at the end.
        self._chunks: queue.Queue[tuple[float, bytes] | None] = queue.Queue()
        self._reader: threading.Thread | None = None
        self._stop = threading.Event()
        self._ended = False

    def start(self) -> float:
        """Fork and exec the program; the perf_counter time just before the fork."""
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child becomes the program
            try:
                os.execvpe(self.argv[0], self.argv, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.lines, self.columns, 0, 0))
        # The reader must get the interpreter at once while pyte parses on this thread:
        # at the default 5 ms switch interval each 4 KB chunk of a frame waited up to 5 ms
        # (a full 160x48 frame is about ten chunks). The benchmark's process only.
        sys.setswitchinterval(0.0002)
        self._reader = threading.Thread(target=self._pump, name="pty-reader", daemon=True)
        self._reader.start()
        return self.started

    def _pump(self) -> None:
        """The reader thread: every chunk the program writes, stamped as it is read."""
        while not self._stop.is_set():
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 1 << 20)
            except OSError:
                data = b""
            if not data:
                self._chunks.put(None)
                return
            self._chunks.put((time.perf_counter(), data))

    def text(self) -> list[str]:
        """The screen, one string per line."""
        return list(self.screen.display)

    def _read(self, timeout: float) -> float | None:
        """Parse the next chunk read (waiting up to ``timeout``); when it was read, or None."""
        if self._ended:
            raise TerminalTimeout("the program ended:\n" + "\n".join(self.text()))
        try:
            chunk = self._chunks.get(timeout=timeout)
        except queue.Empty:
            return None
        if chunk is None:
            self._ended = True
            raise TerminalTimeout("the program ended:\n" + "\n".join(self.text()))
        stamp, data = chunk
        self.received += len(data)
        self.stream.feed(data)
        return stamp

    def wait(self, check: Check, timeout: float = 60.0, what: str = "") -> float:
        """The time the bytes were read after which ``check(screen)`` first held."""
        deadline = time.perf_counter() + timeout
        if check(self.text()):
            return time.perf_counter()
        while time.perf_counter() < deadline:
            stamp = self._read(0.05)
            if stamp is not None and check(self.text()):
                return stamp
        screen = "\n".join(self.text())
        raise TerminalTimeout(f"no {what or 'expected screen'} after {timeout} s:\n{screen}")

    def drain(self, quiet: float = 0.2, timeout: float = 10.0) -> None:
        """Read until nothing came for ``quiet`` seconds (set-up only, never timed)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self._read(quiet) is not None:
            pass

    def send(self, data: bytes | str) -> float:
        """Write keys as a terminal would; the time just before the write."""
        raw = data.encode() if isinstance(data, str) else data
        stamp = time.perf_counter()
        os.write(self.fd, raw)
        return stamp

    def close(self, quit_keys: bytes = KEYS["ctrl+q"]) -> None:
        """Quit with ``quit_keys`` (the app saves), kill it if it lingers, reap it."""
        if self.pid <= 0:
            return
        try:
            os.write(self.fd, quit_keys)
            deadline = time.perf_counter() + 15
            while time.perf_counter() < deadline:
                try:
                    if self._read(0.1) is None and os.waitpid(self.pid, os.WNOHANG)[0]:
                        break
                except (TerminalTimeout, ChildProcessError):
                    break
        except OSError:
            pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        self._stop.set()
        if self._reader is not None:
            self._reader.join()
        os.close(self.fd)
        self.pid = -1

    def __enter__(self) -> Terminal:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def has(*needles: str) -> Check:
    """A check: every needle is somewhere on the screen."""
    return lambda lines: all(any(n in line for line in lines) for n in needles)


# --- the floor ----------------------------------------------------------------


FLOOR_TEXT = "fagworkshop-floor"


def floor_main() -> int:
    """A Textual app with one label; a digit shows ``digit N`` in it (the key floor)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    class FloorApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Label(FLOOR_TEXT, id="last")

        def on_key(self, event: object) -> None:
            character = getattr(event, "character", None)
            if character and character.isdigit():
                self.query_one("#last", Label).update(f"digit {character}")
            elif character == "q":
                self.exit()

    FloorApp().run()
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["floor"]:
        raise SystemExit(floor_main())
    raise SystemExit("usage: python -m fagworkshop_tools.bench.terminal floor")
