"""Drive the real ``fagworkshop`` program in a pseudo-terminal and read its screen.

The Pilot never sends SIGHUP, never draws escape codes and does not race an
autosave thread the way a person's typing does; this harness does. The
program runs as a child process on a pty of the given size (``TIOCSWINSZ``),
everything it draws is fed to a ``pyte`` screen, and the test reads the
screen as text. Waiting is always for something to appear (or the process to
end), bounded by a timeout that only turns a hang into a failure: nothing
here asserts a duration.

    with PtyApp(["open", str(path)], size=(160, 48)) as app:
        app.wait_for("Ramme")
        app.send("3")
        app.send_key("escape")
        text = app.screen_text()
        app.signal(signal.SIGHUP)
        code = app.wait_exit()
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal as signals
import struct
import sys
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import pyte

#: Bytes a terminal sends for the named keys (xterm conventions, as tmux sends them).
KEYS: dict[str, bytes] = {
    "escape": b"\x1b",
    "enter": b"\r",
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "backspace": b"\x7f",
    "delete": b"\x1b[3~",
    "space": b" ",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "ctrl+pageup": b"\x1b[5;5~",
    "ctrl+pagedown": b"\x1b[6;5~",
    "f1": b"\x1bOP",
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "f6": b"\x1b[17~",
    "f7": b"\x1b[18~",
    "f8": b"\x1b[19~",
    "f9": b"\x1b[20~",
    "f10": b"\x1b[21~",
}
# ctrl+a .. ctrl+z are the control bytes 1..26
KEYS.update({f"ctrl+{chr(c)}": bytes([c - 96]) for c in range(ord("a"), ord("z") + 1)})

#: The program under test: this interpreter running the installed package.
PROGRAM: list[str] = [sys.executable, "-m", "fagworkshop"]


class CellStyle(NamedTuple):
    """How one character cell is drawn, as pyte read it."""

    fg: str
    bg: str
    bold: bool
    reverse: bool


class PtyAppError(AssertionError):
    """The program did not show what was waited for, or ended unexpectedly."""


class PtyApp:
    """The real program on a pseudo-terminal, with its screen read through pyte."""

    def __init__(
        self,
        args: Sequence[str] = (),
        size: tuple[int, int] = (160, 48),
        env: Mapping[str, str] | None = None,
        cwd: str | Path | None = None,
        program: Sequence[str] | None = None,
    ) -> None:
        self.args = list(args)
        self.columns, self.lines = size
        self.env = dict(os.environ)
        self.env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8"})
        self.env.pop("TEXTUAL", None)  # no devtools
        if env:
            self.env.update(env)
        self.cwd = str(cwd) if cwd is not None else None
        self.program = list(program) if program is not None else list(PROGRAM)
        self.pid: int | None = None
        self.fd: int | None = None
        self.exit_code: int | None = None
        self.output = bytearray()  # everything the program wrote, for debugging
        self.screen = pyte.Screen(self.columns, self.lines)
        self.stream = pyte.ByteStream(self.screen)

    # --- start and stop -------------------------------------------------------

    def start(self) -> PtyApp:
        """Fork the program onto a new pseudo-terminal of the given size."""
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes the program
            try:
                if self.cwd:
                    os.chdir(self.cwd)
                os.execvpe(self.program[0], [*self.program, *self.args], self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.resize(self.columns, self.lines)
        return self

    def resize(self, columns: int, lines: int) -> None:
        """Set the window size the program sees (and tell it, as a terminal would)."""
        assert self.fd is not None
        self.columns, self.lines = columns, lines
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.screen.resize(lines, columns)
        if self.pid is not None and self.exit_code is None:
            try:
                os.kill(self.pid, signals.SIGWINCH)
            except ProcessLookupError:
                pass

    def __enter__(self) -> PtyApp:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """End the program if it still runs (SIGKILL) and close the terminal."""
        if self.pid is not None and self.exit_code is None:
            try:
                os.kill(self.pid, signals.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap(block=True)
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None

    # --- reading the screen ---------------------------------------------------

    def pump(self, timeout: float = 0.05) -> bool:
        """Read what the program has drawn (waiting up to ``timeout``); whether any came."""
        if self.fd is None:
            return False
        got = False
        wait = timeout
        while True:
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                break
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the program closed the terminal (it ended)
                self._reap(block=False)
                break
            if not data:
                break
            got = True
            self.output.extend(data)
            self.stream.feed(data)
            wait = 0.0  # drain what is there, then return
        if self.exit_code is None:
            self._reap(block=False)
        return got

    def screen_text(self) -> str:
        """The screen as text, one line per row (after reading what is pending)."""
        self.pump(0.0)
        return "\n".join(line.rstrip() for line in self.screen.display)

    def line(self, row: int) -> str:
        """One row of the screen."""
        self.pump(0.0)
        return self.screen.display[row].rstrip()

    def wait_until(
        self, check: Callable[[str], bool], timeout: float = 15.0, what: str = "condition"
    ) -> str:
        """Read until ``check(screen_text)`` holds; the screen then. Fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen_text()
            if check(text):
                return text
            if self.exit_code is not None:
                raise PtyAppError(
                    f"the program ended (code {self.exit_code}) before {what}; screen:\n{text}"
                )
            if time.monotonic() > deadline:
                raise PtyAppError(f"timed out waiting for {what}; screen:\n{text}")
            self.pump(0.05)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is on the screen; the screen then."""
        return self.wait_until(lambda s: text in s, timeout, what=repr(text))

    def wait_gone(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is no longer on the screen."""
        return self.wait_until(lambda s: text not in s, timeout, what=f"{text!r} to go")

    def style_of(self, text: str) -> CellStyle | None:
        """How the first character of ``text`` is drawn (colours, bold, reverse), None
        when ``text`` is not on the screen."""
        self.pump(0.0)
        for row, line in enumerate(self.screen.display):
            column = line.find(text)
            if column >= 0:
                char = self.screen.buffer[row][column]
                return CellStyle(char.fg, char.bg, char.bold, char.reverse)
        return None

    def wait_restyled(self, text: str, than: CellStyle | None, timeout: float = 15.0) -> str:
        """Wait until ``text`` is drawn otherwise than ``than`` (or is gone); the screen then.

        How a field's focus shows on a terminal: Textual tints a focused field and draws
        a focused button's label in reverse. Read ``style_of`` first, press the key that
        moves the focus, then wait for the change, instead of waiting for the screen
        to go quiet.
        """
        return self.wait_until(
            lambda _: self.style_of(text) != than, timeout, what=f"{text!r} drawn otherwise"
        )

    def wait_reversed(self, text: str, timeout: float = 15.0) -> str:
        """Wait until ``text`` is drawn in reverse video: a focused button's label."""

        def reversed_(_: str) -> bool:
            style = self.style_of(text)
            return style is not None and style.reverse

        return self.wait_until(reversed_, timeout, what=f"{text!r} in reverse (focused)")

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> str:
        """Read until the program has drawn nothing for ``quiet`` seconds; the screen then.

        A guess on the clock, kept for ``make fuzz`` (typing at a pace); the tests wait
        for the thing itself (``wait_for``, ``wait_restyled``, ``wait_reversed``).
        Bounded by ``timeout``; never asserts a duration.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pump(quiet):
            pass
        return self.screen_text()

    # --- typing and signals ---------------------------------------------------

    def send(self, text: str | bytes) -> None:
        """Type text (or raw bytes) as a person would, all at once."""
        assert self.fd is not None
        data = text.encode() if isinstance(text, str) else text
        os.write(self.fd, data)
        self.pump(0.0)

    def send_key(self, *names: str) -> None:
        """Press named keys (see ``KEYS``: escape, enter, tab, up, ctrl+q, f1, ...)."""
        for name in names:
            self.send(KEYS[name])

    def signal(self, sig: int) -> None:
        """Send a signal to the program (SIGHUP as a closed terminal would, SIGKILL...)."""
        assert self.pid is not None
        os.kill(self.pid, sig)

    def hang_up(self) -> None:
        """Close the terminal as a closed window does: SIGHUP to the program."""
        self.signal(signals.SIGHUP)

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for the program to end (reading its output meanwhile); its exit code.

        A program killed by a signal gives ``-signal``.
        """
        deadline = time.monotonic() + timeout
        while self.exit_code is None:
            if time.monotonic() > deadline:
                raise PtyAppError(f"the program did not end; screen:\n{self.screen_text()}")
            self.pump(0.05)
            self._reap(block=False)
        return self.exit_code

    @property
    def running(self) -> bool:
        """Whether the program is still running."""
        self._reap(block=False)
        return self.exit_code is None

    def _reap(self, block: bool) -> None:
        if self.pid is None or self.exit_code is not None:
            return
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.exit_code = self.exit_code if self.exit_code is not None else -1
            return
        if pid == 0:
            return
        if os.WIFSIGNALED(status):
            self.exit_code = -os.WTERMSIG(status)
        else:
            self.exit_code = os.WEXITSTATUS(status)
