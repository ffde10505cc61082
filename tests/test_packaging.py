"""The built wheel carries the catalogues, so an installed fagworkshop needs no checkout."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return next(out.glob("fagworkshop-*.whl"))


def test_wheel_contains_every_builtin_catalogue(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for catalogue in (ROOT / "profiles").glob("*.toml"):
        assert f"fagworkshop/profiles/{catalogue.name}" in names


def test_wheel_leaves_out_the_benchmark_and_the_attack_suite(wheel: Path) -> None:
    """bench and fuzz are developer tools in tools/, run by make, never installed."""
    names = zipfile.ZipFile(wheel).namelist()
    shipped = [
        n
        for n in names
        if n.startswith(("fagworkshop/bench/", "fagworkshop/fuzz/", "fagworkshop_tools/"))
    ]
    assert shipped == []
    assert "fagworkshop/cli.py" in names


def test_installed_package_finds_catalogues_and_demo_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import fagworkshop, fagworkshop.resources as r, fagworkshop.demo as d;"
        "assert fagworkshop.__file__.startswith(sys.argv[1]), fagworkshop.__file__;"
        "paths = r.builtin_catalogue_paths();"
        "assert paths and all(str(p).startswith(sys.argv[1]) for p in paths), paths;"
        "print(len(d.build_demo().staff))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) > 0
