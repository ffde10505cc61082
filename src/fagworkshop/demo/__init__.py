"""The demo workshop (demo-workshop): a fictional jobcentre, ready to explore.

Two session files ship in this folder, read by the store like any other
session (integrity, migration, strict validation), so the demo always
obeys the rules of the program and two reads are equal (golden files stay
stable). Every person and place is made up.

- ``eksempelby.toml``: "Jobcenter Eksempelby", Team Virksomhed og Match, from
  the built-in fagprofiler catalogue. Twelve staff in three local profiles,
  a workshop round (March 2026) and a follow-up (June 2026) that shows
  progress. The analysis skill (b-beskaeftigelsesanalyse) is weak across the
  team and only HE masters it; only LA works with evidence; DS, FD and GO hold
  competences they do not use (DS starts using hers in the follow-up, IU stops
  using his); KM is new and not rated on everything. Six actions (two courses,
  mentoring, sparring on the job, a task shift, a recruitment), three
  development goals, notes and timeboxes on steps 1 to 6 (decisions on five of
  them), and the staff's own levels and wishes (selvvurdering) for five
  people: DS and KM rate themselves two levels above the leaders, LA two
  below; some wish for what they lack, some for what nobody needs. The file opens at step 1.
- ``eksempelby-ung.toml``: the second unit, Team Ung, in the same jobcentre,
  so the overview across units has real figures: the analysis hangs on one
  person in the whole centre, and the company knowledge that lies unused in
  Team Virksomhed og Match is what Team Ung falls short of. Six staff, one
  round, three self-assessments, two actions.

To change the demo, open a copy in the program (``fagworkshop open``), edit
it there, and copy the saved file back over the one here; or edit the file by
hand and refresh its last line with
``PYTHONPATH=tools .venv/bin/python -m fagworkshop_tools.demo_files``.
``tests/test_demo.py`` checks that both files are whole and that their copy of
the catalogue matches the built-in one.
"""

from __future__ import annotations

from pathlib import Path

from fagworkshop.domain.session import Session
from fagworkshop.store.errors import SessionLocked
from fagworkshop.store.folders import new_session_path
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.parsing import read_bytes
from fagworkshop.store.reading import LoadedSession, load_session, load_session_bytes
from fagworkshop.store.writing import save_session, write_session_bytes

DEMO_ID = "demo-eksempelby"
SECOND_ID = "demo-eksempelby-ung"
#: The demo workshop's file in the sessions folder (rewritten each time the demo starts).
DEMO_FILE = "demo-jobcenter-eksempelby.toml"
#: The second unit's file (Team Ung), saved beside it so the overview has two units.
DEMO_SECOND_FILE = "demo-jobcenter-eksempelby-ung.toml"

#: The shipped session files, in this folder (the wheel carries them too).
HERE = Path(__file__).resolve().parent
SHIPPED_FILE = HERE / "eksempelby.toml"
SHIPPED_SECOND_FILE = HERE / "eksempelby-ung.toml"
SHIPPED_FILES = (SHIPPED_FILE, SHIPPED_SECOND_FILE)


def build_demo() -> Session:
    """The demo workshop for the fictional "Jobcenter Eksempelby" (status: in progress)."""
    return load_session(SHIPPED_FILE)


def build_second_unit() -> Session:
    """Team Ung's workshop in the same jobcentre: six fictional staff, one round, a plan."""
    return load_session(SHIPPED_SECOND_FILE)


def save_demo(demo: Session, folder: Path) -> Path:
    """Save a fresh demo in the sessions folder and return its path.

    It goes to :data:`DEMO_FILE`, replacing the last one (kept as its
    ``.bak``); when another program has that file open, the demo gets a file
    of its own instead. The second unit (Team Ung) is saved fresh beside it
    as :data:`DEMO_SECOND_FILE` (unless another program has it open), so the
    overview across units has two. The command line and the home screen start
    the demo with :func:`start_demo`, which writes the same bytes from the shipped
    files (its test compares the two). Raises
    :class:`~fagworkshop.store.errors.StoreError` when it cannot be saved.
    """
    path = folder / DEMO_FILE
    try:
        with SessionLock(path):
            save_session(demo, path)
    except SessionLocked:
        path = new_session_path(folder, demo.title)
        save_session(demo, path)
    _start_second_unit(folder)
    return path


def start_demo(folder: Path, source: Path = SHIPPED_FILE) -> tuple[Path, LoadedSession]:
    """Save a fresh demo in the sessions folder: where, and the session as read.

    What ``save_demo(build_demo(), folder)`` does, without turning the session into
    TOML again: the shipped file's bytes are read and validated once (the session
    comes from those very bytes) and written as they are, which is byte for byte
    what a save writes (``tests/test_demo.py``). The stamp is of the bytes written,
    so a change made to the file before the app's first save is found, not saved
    over. ``source``: another whole session file to start from (tests). The command
    line and the home screen start the demo this way (issue 13: the demo's save was
    about a thirtieth of its cold start). Raises StoreError as ``save_demo`` does.
    """
    raw = read_bytes(source)
    loaded = load_session_bytes(source, raw)
    path = folder / DEMO_FILE
    try:
        with SessionLock(path):
            stamp = write_session_bytes(raw, path)
    except SessionLocked:
        path = new_session_path(folder, loaded.session.title)
        stamp = write_session_bytes(raw, path)
    _start_second_unit(folder)
    return path, LoadedSession(
        session=loaded.session, stamp=stamp, edited_outside=False, has_marker=True
    )


def _start_second_unit(folder: Path) -> None:
    """Team Ung's file, fresh beside the demo (validated, then copied as shipped)."""
    second = folder / DEMO_SECOND_FILE
    raw = read_bytes(SHIPPED_SECOND_FILE)
    load_session_bytes(SHIPPED_SECOND_FILE, raw)  # never copy a file that would not open
    try:
        with SessionLock(second):
            write_session_bytes(raw, second)
    except SessionLocked:
        pass  # open in another program: that one stays as it is, no second copy
