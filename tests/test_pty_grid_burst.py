"""Keys that reach step 4's grid in one burst (a paste, a fast typist, a loaded machine)
in the real program on a pseudo-terminal: each digit rates the cell the user sees it
rate. The grid posted each digit as a message and moved on when the message came
round, so "1234" in one write all named the first cell (only it changed, to 4) and
the cursor jumped four cells; arrows, run as bindings after the burst's digits
(Textual issue 6605), moved only after the digit had rated the cell before them."""

from __future__ import annotations

import re
from pathlib import Path

from fagworkshop.demo import build_demo
from fagworkshop.domain.session import Session
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from support.pty_app import KEYS, PtyApp

#: Anna Prøvesen's first four columns all matter for her (so all take digits).
FIRST = "Anna Prøvesen"


def _step_4(folder: Path) -> tuple[Session, Path]:
    session = build_demo()
    session.current_step = 4
    path = folder / "demo.toml"
    save_session(session, path)
    return session, path


def _row_reads(app: PtyApp, *cells: str) -> None:
    """Wait until Anna's row starts with these cells."""
    pattern = re.compile(re.escape(FIRST) + r"\s+" + r"\s+".join(cells) + r"\b")
    app.wait_until(lambda screen: pattern.search(screen) is not None, what=f"cells {cells}")


def _first_levels(session: Session, path: Path, count: int) -> list[int | None]:
    saved = load_session(path).round()
    assert saved is not None
    columns = session.relevant_competences(session.staff[0])[:count]
    return [saved.ratings["p-1"].get(c) for c in columns]


def _open_on_grid(app: PtyApp) -> None:
    app.wait_for("Trin 4: Medarbejdere")
    app.wait_for("^d Skift lag")  # the grid has the keyboard: its keys in the footer
    _row_reads(app, "3", "4", "3", "3")  # the demo's levels, the cursor on the first


def test_four_digits_in_one_write_rate_four_cells(_sessions_dir: Path) -> None:
    session, path = _step_4(_sessions_dir)
    with PtyApp(["open", str(path)], size=(160, 48)) as app:
        _open_on_grid(app)
        app.send("1234")
        _row_reads(app, "1", "2", "3", "4")
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    assert _first_levels(session, path, 4) == [1, 2, 3, 4]


def test_arrows_and_digits_in_one_write_keep_their_order(_sessions_dir: Path) -> None:
    session, path = _step_4(_sessions_dir)
    with PtyApp(["open", str(path)], size=(160, 48)) as app:
        _open_on_grid(app)
        # Right 0: the second cell; then (the cursor on the third) Left Left 4: the first
        app.send(KEYS["right"] + b"0" + KEYS["left"] + KEYS["left"] + b"4")
        _row_reads(app, "4", "0", "3", "3")
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    assert _first_levels(session, path, 4) == [4, 0, 3, 3]
