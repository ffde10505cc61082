"""The pseudo-terminal harness drives the real program: start, read, type, quit."""

from __future__ import annotations

from pathlib import Path

from support.pty_app import PtyApp


def test_real_program_starts_shows_home_and_quits_on_ctrl_q(_sessions_dir: Path) -> None:
    with PtyApp([], size=(100, 30)) as app:
        screen = app.wait_for("Fagworkshop")
        assert "Demo" in screen or "demo" in screen
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0


def test_window_size_reaches_the_program(_sessions_dir: Path) -> None:
    with PtyApp([], size=(80, 24)) as app:
        app.wait_for("Fagworkshop")
        assert len(app.screen.display) == 24
        assert all(len(row) == 80 for row in app.screen.display)
        app.send_key("ctrl+q")
        app.wait_exit()
