"""The user's folders for fagworkshop (brugerens mapper): data, configuration, cache, log.

The same folders ``platformdirs`` gives (``user_data_path("fagworkshop",
appauthor=False)`` and the others), which the program asked directly before. On
Linux they are worked out here by platformdirs' own XDG rules: importing
platformdirs (tempfile, shutil, random, bz2, lzma) took about 4 ms of every
command that lists catalogues or writes the log, a tenth of ``fagworkshop
catalogues`` (issue 13). Anything else (macOS, Windows, Android, a relative
``HOME``) is left to platformdirs. ``tests/test_user_folders.py`` compares the two
for every case of the rules.

Nothing here creates a folder; the callers do, owner-only.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

APP = "fagworkshop"

#: Each kind of folder: its XDG variable and the default under the home folder.
_XDG: dict[str, tuple[str, str]] = {
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
    "state": ("XDG_STATE_HOME", "~/.local/state"),
}


def _plain_linux() -> bool:
    """Linux where platformdirs uses its Unix rules (not an Android app)."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return False
    return not (os.getenv("ANDROID_DATA") == "/data" and os.getenv("ANDROID_ROOT") == "/system")


def _xdg_base(kind: str) -> str | None:
    """The XDG base folder of ``kind`` as platformdirs' Unix rules give it; None when
    those rules would take a path this module leaves to platformdirs."""
    variable, default = _XDG[kind]
    value = os.environ.get(variable, "")
    if posixpath.isabs(value):  # set and absolute; anything else means the default
        return value
    home = os.environ.get("HOME")
    if home is not None and not posixpath.isabs(home):
        return None  # platformdirs asks the password database: its case
    expanded = os.path.expanduser(default)
    return expanded if posixpath.isabs(expanded) else None


def _user_folder(kind: str, platformdirs_function: str, *tail: str) -> Path:
    base = _xdg_base(kind) if _plain_linux() else None
    if base is not None:
        return Path(os.path.join(base, APP, *tail))
    import platformdirs  # not on Linux's path (see the module docstring)

    found: Path = getattr(platformdirs, platformdirs_function)(APP, appauthor=False)
    return found


def data_dir() -> Path:
    """``~/.local/share/fagworkshop`` on Linux (``platformdirs.user_data_path``)."""
    return _user_folder("data", "user_data_path")


def config_dir() -> Path:
    """``~/.config/fagworkshop`` on Linux (``platformdirs.user_config_path``)."""
    return _user_folder("config", "user_config_path")


def cache_dir() -> Path:
    """``~/.cache/fagworkshop`` on Linux (``platformdirs.user_cache_path``)."""
    return _user_folder("cache", "user_cache_path")


def log_dir() -> Path:
    """``~/.local/state/fagworkshop/log`` on Linux (``platformdirs.user_log_path``)."""
    return _user_folder("state", "user_log_path", "log")
