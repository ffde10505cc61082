"""Where the built-in catalogues (indbyggede kompetencekataloger) and a team's own live.

The top-level ``profiles/`` folder of the repository is the source of truth.
The wheel carries a copy inside the package as ``fagworkshop/profiles``
(``force-include`` in pyproject.toml), so an installed package looks there
first and a source checkout or editable install falls back to the repository
folder. A team's own catalogues go in the user's data folder under
``profiles/`` (or the folder named by ``FAGWORKSHOP_CATALOGUES_DIR``).

This module never imports Textual.
"""

from __future__ import annotations

import os
from pathlib import Path

from fagworkshop import user_folders

#: Environment variable that moves the folder for a team's own catalogues.
ENV_CATALOGUES_DIR = "FAGWORKSHOP_CATALOGUES_DIR"

#: File names of the built-in catalogues, in the order they are offered.
BUILTIN_CATALOGUES: tuple[str, ...] = ("fagprofiler.toml", "lkb-2006.toml")

#: The catalogue a new workshop and the demo start from.
DEFAULT_CATALOGUE_ID = "fagprofiler"

#: The installed package's folder. What ``importlib.resources.files("fagworkshop")``
#: gives for a package in a folder, without importing importlib.resources (with typing
#: and zipfile about 5 ms of ``fagworkshop catalogues``, issue 13); a package inside a
#: zip file has no folder to list, as before.
PACKAGE_DIR = Path(__file__).parent


def _packaged_profiles() -> Path | None:
    """``fagworkshop/profiles`` inside an installed wheel, if it is there."""
    path = PACKAGE_DIR / "profiles"
    return path if (path / BUILTIN_CATALOGUES[0]).is_file() else None


def _repository_profiles() -> Path:
    """``profiles/`` at the root of a source checkout (src/fagworkshop/ -> ../../profiles)."""
    return Path(__file__).resolve().parent.parent.parent / "profiles"


def profiles_dir() -> Path:
    """The folder that holds the built-in catalogue files.

    Looks in the installed package first, then in the repository. Returns the
    repository path even when it is missing, so an error names a real place.
    """
    return _packaged_profiles() or _repository_profiles()


def builtin_catalogue_paths() -> list[Path]:
    """The built-in catalogue files that exist, fagprofiler first."""
    folder = profiles_dir()
    return [folder / name for name in BUILTIN_CATALOGUES if (folder / name).is_file()]


def builtin_catalogue_path(catalogue_id: str) -> Path:
    """The file of one built-in catalogue by its id (``fagprofiler``, ``lkb-2006``).

    Raises ``FileNotFoundError`` naming the path when it is not there.
    """
    path = profiles_dir() / f"{catalogue_id}.toml"
    if f"{catalogue_id}.toml" not in BUILTIN_CATALOGUES or not path.is_file():
        raise FileNotFoundError(str(path))
    return path


def user_catalogue_dir() -> Path:
    """The folder where a team drops its own catalogue files (not created here)."""
    override = os.environ.get(ENV_CATALOGUES_DIR)
    if override:
        return Path(override).expanduser()
    return user_folders.data_dir() / "profiles"


def user_catalogue_paths() -> list[Path]:
    """A team's own ``*.toml`` catalogue files, sorted by name; empty when none."""
    folder = user_catalogue_dir()
    if not folder.is_dir():
        return []
    builtin = {p.resolve() for p in builtin_catalogue_paths()}
    return sorted(p for p in folder.glob("*.toml") if p.is_file() and p.resolve() not in builtin)
