"""A cut-short session in the real program on a pseudo-terminal (issue 9 item 4).

The home screen lists it as cut short; ``s`` opens a copy of its backup, and
working in that copy and quitting never writes the cut file or its ``.bak``.
Opening the cut file by path shows why and writes nothing either.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fagworkshop.generate import generate_session
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from support.pty_app import PtyApp


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cut_short_with_backup(folder: Path) -> tuple[Path, Path]:
    p = folder / "ungeafdelingen.toml"
    save_session(generate_session(staff=6, competences=4, rounds=1, seed=1), p)
    save_session(generate_session(staff=2, competences=4, rounds=1, seed=2), p)
    p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])
    return p, p.with_name(p.name + ".bak")


def test_home_offers_the_backup_of_a_cut_short_file(_sessions_dir: Path) -> None:
    p, bak = cut_short_with_backup(_sessions_dir)
    before = digest(p), digest(bak)
    with PtyApp([], size=(160, 48)) as app:
        app.wait_for("AFKORTET")
        app.wait_for("Tryk s")
        app.send("s")
        app.wait_for("(kopi).toml")
        app.wait_for("Trin 1: Ramme")  # the copy is open in the workshop
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    assert (digest(p), digest(bak)) == before
    copy = _sessions_dir / "ungeafdelingen (kopi).toml"
    assert len(load_session(copy).staff) == 6


def test_opening_a_cut_short_file_by_path_writes_nothing(_sessions_dir: Path) -> None:
    p, bak = cut_short_with_backup(_sessions_dir)
    before = digest(p), digest(bak)
    with PtyApp(["open", str(p)], size=(160, 48)) as app:
        app.wait_for("afkortet")
        app.send_key("ctrl+q")
        app.wait_exit()
    assert (digest(p), digest(bak)) == before
    assert sorted(q.name for q in _sessions_dir.iterdir() if not q.name.endswith(".lock")) == [
        "ungeafdelingen.toml",
        "ungeafdelingen.toml.bak",
    ]


def test_ctrl_q_at_once_after_opening_the_backup_ends_cleanly(_sessions_dir: Path) -> None:
    """Was: ctrl+q pressed the moment the copy of the backup opened ended the program
    with exit code 1 (step 1 mounted after quitting had closed the session; 2 of 3
    tries here). The Pilot test in test_tui_quit_questions makes it certain."""
    for n in range(3):
        folder = _sessions_dir / f"try{n}"
        folder.mkdir()
        p, bak = cut_short_with_backup(folder)
        before = digest(p), digest(bak)
        with PtyApp([], size=(160, 48), env={"FAGWORKSHOP_SESSIONS_DIR": str(folder)}) as app:
            app.wait_for("Tryk s")
            app.send("s")
            app.wait_for("(kopi).toml")  # said as the copy opens
            app.send_key("ctrl+q")  # at once, while the workshop is being drawn
            assert app.wait_exit() == 0, app.screen_text()
        assert (digest(p), digest(bak)) == before
        assert len(load_session(folder / "ungeafdelingen (kopi).toml").staff) == 6
