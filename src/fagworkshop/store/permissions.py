"""Files and folders readable by their owner only: sessions hold personal data (GDPR).

The lowest module of the store: ``writing`` and ``lock`` both use it, so
neither has to import the other to get the same modes.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Session, backup, temporary and lock files: owner only.
FILE_MODE = 0o600
#: The sessions folder and any folder the store creates: owner only.
FOLDER_MODE = 0o700


def ensure_folder(folder: Path) -> None:
    """Create a folder (and parents) readable by its owner only, if it is missing.

    Every folder created here is 0700 whatever the umask: ``mkdir(parents=True)``
    would make the parents 0777 under ``umask 000`` and masks even the mode it
    is given, so each missing level is made and then set to 0700 itself.
    Folders that already exist are left as they are. Raises OSError.
    """
    if folder.is_dir():
        return
    missing: list[Path] = []
    here = folder
    while not here.is_dir() and here != here.parent:
        missing.append(here)
        here = here.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not part.is_dir():
                raise
            continue  # made at the same moment by another save: not ours to change
        os.chmod(part, FOLDER_MODE)
