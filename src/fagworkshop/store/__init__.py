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

import importlib
from typing import TYPE_CHECKING, Any

from fagworkshop.store.errors import (
    BackupInfo,
    FileProblem,
    OutsideChange,
    SaveFailed,
    SessionLocked,
    SessionTruncated,
    StoreError,
)

# Everything but the errors loads on first use: the store's modules bring pydantic
# and the models (about 0.25 s), which `fagworkshop --help` and the error types
# need not wait for (issue 13). ``from fagworkshop.store import load_session`` works
# as before; it imports the module then.
_WHERE: dict[str, str] = {
    "ENV_SESSIONS_DIR": "folders",
    "EntryState": "folders",
    "SessionEntry": "folders",
    "copy_backup": "folders",
    "copy_path": "folders",
    "list_sessions": "folders",
    "new_session_path": "folders",
    "sessions_dir": "folders",
    "slug": "folders",
    "FileStamp": "integrity",
    "file_stamp": "integrity",
    "SessionLock": "lock",
    "lock_path": "lock",
    "LoadedSession": "reading",
    "backup_info": "reading",
    "load_any": "reading",
    "load_catalogue": "reading",
    "load_session": "reading",
    "load_session_file": "reading",
    "read_toml": "reading",
    "UNCHECKED": "writing",
    "save_catalogue": "writing",
    "save_session": "writing",
    "session_file_bytes": "writing",
    "sweep_temp_files": "writing",
    "to_toml": "writing",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        if not name.startswith("_"):  # a module of the package: ``store.writing``
            try:
                return importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
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
