"""The focus rule and the step keys in the real program, on a pseudo-terminal (issue 11).

The Pilot does not draw escape codes: a lone Esc byte from a real terminal must still
reach the app as Esc, and the palette must hand the keyboard back the same way.
"""

from __future__ import annotations

from pathlib import Path

from fagworkshop.demo import build_demo
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from support.pty_app import PtyApp


def _demo_file(folder: Path) -> Path:
    session = build_demo()
    session.current_step = 1
    path = folder / "demo.toml"
    save_session(session, path)
    return path


def test_palette_escape_then_digit_changes_step_not_the_jobcenter(_sessions_dir: Path) -> None:
    path = _demo_file(_sessions_dir)
    jobcenter = load_session(path).frame.jobcenter
    with PtyApp(["open", str(path)], size=(160, 48)) as app:
        app.wait_for("Trin 1: Ramme")
        app.send_key("ctrl+p")
        app.wait_for("Søg")
        app.send_key("escape")
        app.wait_gone("Søg")
        app.send("2")
        app.wait_for("Trin 2: Basiskompetencer")
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    assert load_session(path).frame.jobcenter == jobcenter


def test_escape_leaves_a_text_field_and_digits_move_between_steps(_sessions_dir: Path) -> None:
    path = _demo_file(_sessions_dir)
    jobcenter = load_session(path).frame.jobcenter
    with PtyApp(["open", str(path)], size=(80, 24)) as app:
        app.wait_for("Trin 1: Ramme")
        app.wait_for("^q Afslut")  # the footer is built: the screen's keys are bound
        unfocused = app.style_of(jobcenter)
        app.send_key("tab")  # the jobcenter field
        app.wait_restyled(jobcenter, unfocused)  # drawn as focused
        app.send("3")  # typed into the field
        app.wait_for("Eksempelby3")
        focused = app.style_of(jobcenter)
        app.send_key("escape")
        # the field let go (a lone Esc byte, read as Esc): only then the next key
        app.wait_restyled(jobcenter, focused)
        app.send("7")  # a step key again
        app.wait_for("Trin 7: Opsamling")
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    assert load_session(path).frame.jobcenter == jobcenter + "3"


def test_the_demo_opens_at_step_1_with_every_step_named(_sessions_dir: Path) -> None:
    with PtyApp(["demo"], size=(80, 24)) as app:
        screen = app.wait_for("Trin 1: Ramme")
        bar = next(line for line in screen.splitlines() if " 2 Basis" in line)
        for name in ("Ramme", "Basis", "Profil", "Medarb", "Huller", "Plan", "Opsaml"):
            assert name in bar, bar
        app.send_key("ctrl+q")
        app.wait_exit()
