"""Erasing a person in the real program on a pseudo-terminal (issue 12 item 3): the
confirmation lists where the name goes (step and field), and afterwards no file in the
sessions folder holds the person."""

from __future__ import annotations

import re
from pathlib import Path

from fagworkshop.cli import main
from fagworkshop.demo import build_demo
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from support.pty_app import PtyApp


def test_erase_in_step_4_shows_the_places_then_leaves_no_trace(_sessions_dir: Path) -> None:
    session = build_demo()
    session.current_step = 4
    session.step(6).notes = "Anna  Prøvesen og ANNA PRØVESEN; AP følger op"
    path = _sessions_dir / "demo.toml"
    save_session(session, path)
    save_session(session, path)  # the backup holds her too
    assert main(["export", str(path), "--person", "p-1", "--format", "md"]) == 0
    own_data = _sessions_dir / "eksport" / "demo-p-1-egne-data.md"
    with PtyApp(["open", str(path)], size=(160, 48)) as app:
        app.wait_for("Trin 4: Medarbejdere")
        app.wait_for("Anna Prøvesen")
        app.wait_for("x Slet medarbejder")  # the grid has the keyboard: its keys in the footer
        app.send("x")  # the cursor is on the first person
        app.wait_for("Navnet erstattes med [slettet] her:")
        shown = app.screen_text()
        assert "Trin 6 Handlingsplan: noter" in shown
        assert "AP følger op" not in shown  # places, never the text
        assert "demo-p-1-egne-data.md" in shown  # an earlier export that names her
        app.wait_reversed("Behold")  # the safe answer has the focus
        app.send_key("tab")  # from "Behold" to "Slet helt"
        app.wait_reversed("Slet helt")
        app.send_key("enter")
        app.wait_for("Medarbejderen er slettet helt")
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    saved = load_session(path)
    assert saved.person("p-1") is None
    assert saved.step(6).notes == "[slettet] og [slettet]; [slettet] følger op"
    forms = re.compile(r"(?i:prøvesen)|(?<!\w)(?:AP|Anna)(?!\w)")
    assert own_data.exists()  # the team's own file: listed, never deleted behind their back
    own_data.unlink()
    for f in sorted(_sessions_dir.rglob("*")):
        if f.is_file():
            text = f.read_bytes().decode("utf-8", errors="replace")
            assert not forms.search(text.replace("[slettet]", "")), f.name
