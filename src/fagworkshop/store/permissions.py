"""Files and folders readable by their owner only: sessions hold personal data (GDPR).

The lowest module of the store: ``writing`` and ``lock`` both use it, so
neither has to import the other to get the same modes.
"""

from __future__ import annotations

from pathlib import Path

#: Session, backup, temporary and lock files: owner only.
FILE_MODE = 0o600
#: The sessions folder and any folder the store creates: owner only.
FOLDER_MODE = 0o700


def ensure_folder(folder: Path) -> None:
    """Create a folder (and parents) readable by its owner only, if it is missing."""
    if not folder.is_dir():
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
