"""``fagworkshop open`` of a large file in the real program: the file is read by a second
process while the first imports (``store.read_ahead``, issue 13). The step is drawn, no
process is left behind, and the first save goes over the file as it does when the file
is read in the same process (the stamp is of the bytes the second process parsed)."""

from __future__ import annotations

import re
from pathlib import Path

from fagworkshop.generate import generate_session
from fagworkshop.store import read_ahead
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from support.pty_app import PtyApp


def _children(pid: int) -> list[str]:
    """The processes ``pid`` started that still exist (reaped ones are gone)."""
    found: list[str] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += (task / "children").read_text().split()
    return found


def test_a_large_file_read_ahead_opens_at_its_step_and_saves_over_itself(tmp_path: Path) -> None:
    session = generate_session(staff=250, competences=60, rounds=2, seed=4)
    session.current_step = 4
    path = tmp_path / "stor.toml"
    save_session(session, path)
    path_size = path.stat().st_size
    assert path_size >= read_ahead.READ_AHEAD_FROM  # read by the second process
    before = load_session(path)
    logs = tmp_path / "logs"
    env = {"FAGWORKSHOP_SESSIONS_DIR": str(tmp_path), "FAGWORKSHOP_LOG_DIR": str(logs)}
    with PtyApp(["open", str(path)], size=(160, 48), env=env) as app:
        app.wait_for("Trin 4: Medarbejdere")
        app.wait_for(session.staff[0].name)
        app.wait_for("x Slet medarbejder")  # the grid has the keyboard
        assert app.pid is not None
        assert _children(app.pid) == []  # the reading process ended and was reaped
        shown = re.search(r"Niveau (\d)", app.screen_text())  # the cell under the cursor
        digit = "1" if shown is None or shown.group(1) != "1" else "2"
        app.send(digit)
        app.wait_for("Gemt ")
        assert "ÆNDRET UDEN FOR" not in app.screen_text()  # the stamp was of these bytes
        app.send_key("ctrl+q")
        assert app.wait_exit() == 0
    log = (logs / "fagworkshop.log").read_text(encoding="utf-8")
    assert f"read by a second process: {path_size} bytes" in log  # not read in the first
    after = load_session(path)
    changed = [
        (i, person, competence, level)
        for i, (old, new) in enumerate(zip(before.rounds, after.rounds, strict=True))
        for person, levels in new.ratings.items()
        for competence, level in levels.items()
        if old.ratings.get(person, {}).get(competence) != level
    ]
    assert [level for *_, level in changed] == [int(digit)]
    assert after.staff == before.staff
