"""The user's folders are platformdirs' own (``user_folders`` works them out on Linux
without importing it, issue 13): compared for every case of the XDG rules."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest

from fagworkshop import user_folders

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Linux rules")

KINDS = [
    (user_folders.data_dir, platformdirs.user_data_path, "XDG_DATA_HOME"),
    (user_folders.config_dir, platformdirs.user_config_path, "XDG_CONFIG_HOME"),
    (user_folders.cache_dir, platformdirs.user_cache_path, "XDG_CACHE_HOME"),
    (user_folders.log_dir, platformdirs.user_log_path, "XDG_STATE_HOME"),
]

#: The XDG variable's values: unset, absolute (with a trailing slash, doubled, the root),
#: relative, a ``~`` one (relative too: not expanded), empty, blank.
XDG_VALUES = [None, "/srv/xdg", "/srv/xdg/", "//srv/xdg", "/", "relative/xdg", "~/xdg", "", "   "]
#: HOME's: unset, absolute (with a trailing slash, the root), relative, ``~``, empty.
HOME_VALUES = [None, "/home/anna", "/home/anna/", "/", "relative-home", "~", ""]
#: Every XDG value with every HOME value (the rules look at both).
CASES = list(itertools.product(XDG_VALUES, HOME_VALUES))


@pytest.mark.parametrize(("xdg", "home"), CASES)
@pytest.mark.parametrize(("ours", "theirs", "variable"), KINDS)
def test_the_folders_are_platformdirs_own(
    monkeypatch: pytest.MonkeyPatch,
    ours: Callable[[], Path],
    theirs: Callable[..., Path],
    variable: str,
    xdg: str | None,
    home: str | None,
) -> None:
    for name, value in ((variable, xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        expected = theirs("fagworkshop", appauthor=False)
    except RuntimeError:  # no home folder to be found: platformdirs' own message
        with pytest.raises(RuntimeError):
            ours()
        return
    assert ours() == expected


def test_the_rules_are_worked_out_without_platformdirs() -> None:
    import subprocess

    code = (
        "import sys; from fagworkshop import user_folders as u; "
        "[f() for f in (u.data_dir, u.config_dir, u.cache_dir, u.log_dir)]; "
        "print('platformdirs' in sys.modules)"
    )
    env = {"HOME": "/home/anna", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr
