"""The user's own settings (indstillinger): a small TOML file in the user config folder.

Only what a facilitator expects a program to remember between runs (the colour
theme). ``FAGWORKSHOP_CONFIG_DIR`` points it elsewhere (the tests use a temporary
folder). A missing or unreadable file means the defaults: settings never stop the
program from starting, and a failed write is not an error worth a message.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from fagworkshop import user_folders
from fagworkshop.store.permissions import ensure_folder

#: Environment variable that moves the settings folder.
ENV_CONFIG_DIR = "FAGWORKSHOP_CONFIG_DIR"
SETTINGS_FILE = "settings.toml"


def settings_path() -> Path:
    """Where the settings file lives."""
    folder = os.environ.get(ENV_CONFIG_DIR)
    if folder:
        return Path(folder).expanduser() / SETTINGS_FILE
    return user_folders.config_dir() / SETTINGS_FILE


def load_settings() -> dict[str, Any]:
    """The saved settings, or an empty dict when there are none or they cannot be read."""
    try:
        data = tomllib.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: str) -> bool:
    """Remember one setting (atomically); whether it was written."""
    path = settings_path()
    data = load_settings()
    data[key] = value
    try:
        ensure_folder(path.parent)  # 0700, parents included, whatever the umask
        tmp = path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        return False
    return True
