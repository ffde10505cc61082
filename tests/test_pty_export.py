"""Step 7's export in the real program, on a pseudo-terminal: the palette runs the form,
the file lands in eksport/, and a second export asks before touching the first file."""

from __future__ import annotations

from pathlib import Path

from fagworkshop.demo import build_demo
from fagworkshop.store.writing import save_session
from support.pty_app import PtyApp


def _palette_export(app: PtyApp, fmt: str) -> None:
    app.send_key("ctrl+p")
    app.wait_for("Søg")
    app.send(f"som {fmt}")
    app.wait_until(lambda screen: _first_hit(screen, f"som {fmt}") == f"Eksportér som {fmt}")
    app.send_key("enter")


def _first_hit(screen: str, search: str) -> str | None:
    """The palette's first command once its search field shows all of ``search``."""
    lines = [line.strip() for line in screen.splitlines()]
    if f"🔎 {search}" not in lines:
        return None
    after = lines[lines.index(f"🔎 {search}") + 1 :]
    return next((line for line in after if line), None)


def test_export_twice_asks_and_takes_the_next_free_name(_sessions_dir: Path) -> None:
    session = build_demo()
    session.current_step = 7
    path = _sessions_dir / "demo.toml"
    save_session(session, path)
    folder = _sessions_dir / "eksport"
    with PtyApp(["open", str(path)], size=(160, 48)) as app:
        app.wait_for("Trin 7: Opsamling")
        app.wait_for("^q Afslut")  # the footer is built: the screen's keys are bound
        _palette_export(app, "xlsx")
        app.wait_for("Eksporteret til", timeout=60)
        assert (folder / "demo.xlsx").is_file()
        first = (folder / "demo.xlsx").read_bytes()
        _palette_export(app, "xlsx")
        app.wait_for("Filen findes allerede", timeout=30)
        app.send("n")
        app.wait_for("demo (2).xlsx", timeout=60)
        app.wait_until(lambda _s: (folder / "demo (2).xlsx").is_file(), timeout=60)
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    assert (folder / "demo.xlsx").read_bytes() == first
    assert (folder / "demo (2).xlsx").read_bytes().startswith(b"PK")
