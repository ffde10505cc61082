"""The session store: TOML files that never lose a morning's work.

``load_session``/``save_session`` read and write one workshop per file
(migrating older versions, saving atomically with a ``.bak``, files 0600);
``SessionLock`` keeps a second program from editing the same file;
``sessions_dir``, ``new_session_path``, ``copy_path`` and ``list_sessions``
deal with the folder. ``load_session_file`` returns the session with the
:class:`FileStamp` of the bytes read; ``save_session(..., expected=stamp)``
refuses with :class:`OutsideChange` when the file on disk is not those bytes;
a file cut short raises :class:`SessionTruncated`. Every failure is a
:class:`StoreError` whose ``describe()`` tells the user what happened and
what to do. See ``docs/files.md``.
"""

from fagworkshop.store.errors import (
    BackupInfo,
    FileProblem,
    OutsideChange,
    SaveFailed,
    SessionLocked,
    SessionTruncated,
    StoreError,
)
from fagworkshop.store.folders import (
    ENV_SESSIONS_DIR,
    EntryState,
    SessionEntry,
    copy_backup,
    copy_path,
    list_sessions,
    new_session_path,
    sessions_dir,
    slug,
)
from fagworkshop.store.integrity import FileStamp, file_stamp
from fagworkshop.store.lock import SessionLock, lock_path
from fagworkshop.store.reading import (
    LoadedSession,
    backup_info,
    load_any,
    load_catalogue,
    load_session,
    load_session_file,
    read_toml,
)
from fagworkshop.store.writing import (
    UNCHECKED,
    save_catalogue,
    save_session,
    session_file_bytes,
    sweep_temp_files,
    to_toml,
)

__all__ = [
    "ENV_SESSIONS_DIR",
    "UNCHECKED",
    "BackupInfo",
    "EntryState",
    "FileProblem",
    "FileStamp",
    "LoadedSession",
    "OutsideChange",
    "SaveFailed",
    "SessionEntry",
    "SessionLock",
    "SessionLocked",
    "SessionTruncated",
    "StoreError",
    "backup_info",
    "copy_backup",
    "copy_path",
    "file_stamp",
    "list_sessions",
    "load_any",
    "load_catalogue",
    "load_session",
    "load_session_file",
    "lock_path",
    "new_session_path",
    "read_toml",
    "save_catalogue",
    "save_session",
    "session_file_bytes",
    "sessions_dir",
    "slug",
    "sweep_temp_files",
    "to_toml",
]
