"""The session store: TOML files that never lose a morning's work.

``load_session``/``save_session`` read and write one workshop per file
(migrating older versions, saving atomically with a ``.bak``, files 0600);
``SessionLock`` keeps a second program from editing the same file;
``sessions_dir``, ``new_session_path`` and ``list_sessions`` deal with the
folder. Every failure is a :class:`StoreError` whose ``describe()`` tells the
user what happened and what to do. See ``docs/files.md``.
"""

from fagworkshop.store.errors import FileProblem, SaveFailed, SessionLocked, StoreError
from fagworkshop.store.folders import (
    ENV_SESSIONS_DIR,
    SessionEntry,
    list_sessions,
    new_session_path,
    sessions_dir,
    slug,
)
from fagworkshop.store.lock import SessionLock, lock_path
from fagworkshop.store.reading import load_any, load_catalogue, load_session, read_toml
from fagworkshop.store.writing import save_catalogue, save_session, sweep_temp_files, to_toml

__all__ = [
    "ENV_SESSIONS_DIR",
    "FileProblem",
    "SaveFailed",
    "SessionEntry",
    "SessionLock",
    "SessionLocked",
    "StoreError",
    "list_sessions",
    "load_any",
    "load_catalogue",
    "load_session",
    "lock_path",
    "new_session_path",
    "read_toml",
    "save_catalogue",
    "save_session",
    "sessions_dir",
    "slug",
    "sweep_temp_files",
    "to_toml",
]
