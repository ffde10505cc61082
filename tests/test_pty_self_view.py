"""Step 4's self layer in the real program on a pseudo-terminal (issue 14 item 3): ctrl+d
reaches the app from a real terminal (not taken as end of input), "selvvurdering" mode
shows one row, a digit sets the person's own level and the file keeps it."""

from __future__ import annotations

from pathlib import Path

from fagworkshop.demo import build_demo
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from support.pty_app import PtyApp


def test_ctrl_d_switches_layer_and_a_person_rates_themselves(_sessions_dir: Path) -> None:
    session = build_demo()
    session.current_step = 4
    path = _sessions_dir / "demo.toml"
    save_session(session, path)
    with PtyApp(["open", str(path)], size=(160, 48)) as app:
        app.wait_for("Trin 4: Medarbejdere")
        app.wait_for("Lag: ledernes vurdering")
        app.wait_for("^d Skift lag")  # the grid has the keyboard: its keys in the footer
        app.send_key("ctrl+d")
        app.wait_for("Lag: egen vurdering")
        app.send_key("ctrl+d")
        app.wait_for("Lag: forskel")
        app.send_key("ctrl+d")
        app.wait_for("Lag: ledernes vurdering")
        app.send("s")  # the cursor is on the first row: Anna Prøvesen
        app.wait_for("Selvvurdering: Anna Prøvesen (Esc afslutter)")
        app.wait_for("w Ønsker at udvikle")  # the mode has the keyboard: its keys in the footer
        app.wait_until(  # the whole frame, not the first line of it: only her row
            lambda screen: "Bilal Testrup" not in screen and "Lise Attrapsen" not in screen,
            what="the other people's rows to go",
        )
        app.send("4")
        app.wait_for("Anna Prøvesen   4 ")
        app.send_key("left")  # back on the cell: the detail panel names the own level
        app.wait_for("Egen vurdering: 4")
        app.send_key("escape")
        app.wait_for("Bilal Testrup")
        assert "Lag: ledernes vurdering" in app.screen_text()
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    saved = load_session(path).round()
    assert saved is not None
    first = session.relevant_competences(session.staff[0])[0]
    assert saved.self_ratings["p-1"][first] == 4


def test_at_80_by_24_the_mode_and_the_layer_are_on_screen(_sessions_dir: Path) -> None:
    session = build_demo()
    session.current_step = 4
    path = _sessions_dir / "demo.toml"
    save_session(session, path)
    with PtyApp(["open", str(path)], size=(80, 24)) as app:
        app.wait_for("Lag: ledernes vurdering")
        app.wait_for("esc Slip listen")  # the grid has the keyboard: its keys in the footer
        app.send_key("ctrl+d")
        app.wait_for("Lag: egen vurdering")
        app.send("s")
        app.wait_for("Selvvurdering: Anna Prøvesen (Esc afslutter)")
        app.wait_for("w Ønsker at udvikle")  # the footer names the wish key
        app.wait_until(  # the footer of the mode, drawn whole
            lambda screen: (
                "esc Afslut selvvurdering" in screen.splitlines()[-1]
                and "Tilføj medarbejder" not in screen.splitlines()[-1]
            ),
            what="the mode's own footer",
        )
        app.send_key("escape")
        app.wait_for("Lag: egen vurdering")  # back to the layer it came from
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
