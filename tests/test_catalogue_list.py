"""``fagworkshop catalogues`` lists catalogues validated before from the cache, without
the models, and validates again whatever changed (issue 13). What loads, not timed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fagworkshop import resources
from fagworkshop.domain.catalogue import BasicItem, Catalogue, Theme
from fagworkshop.store import catalogue_list
from fagworkshop.store.catalogue_list import CatalogueSummary, summaries
from fagworkshop.store.errors import FileProblem
from fagworkshop.store.writing import save_catalogue


def small(title: str = "Lille katalog", basics: int = 1) -> Catalogue:
    return Catalogue(
        id="lille",
        title=title,
        themes=[Theme(id="t", title="Tema")],
        basic=[BasicItem(id=f"b-{i}", theme="t", title=f"Basis {i}") for i in range(basics)],
    )


def listed(paths: list[Path]) -> list[CatalogueSummary | str]:
    return [
        found if isinstance(found, CatalogueSummary) else type(found).__name__
        for _, found in summaries(paths)
    ]


def test_a_catalogue_seen_before_is_listed_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lille.toml"
    save_catalogue(small(), path)
    first = listed([path])
    assert first == [CatalogueSummary("lille", "Lille katalog", small().counts())]
    assert catalogue_list.cache_path().is_file()

    def no_validation(*args: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(catalogue_list, "_validated_entry", no_validation)
    assert listed([path]) == first


def test_a_changed_catalogue_is_validated_again(tmp_path: Path) -> None:
    path = tmp_path / "lille.toml"
    save_catalogue(small(), path)
    listed([path])
    save_catalogue(small("Nyt navn", basics=3), path)
    assert listed([path]) == [CatalogueSummary("lille", "Nyt navn", small(basics=3).counts())]
    # the same size, other bytes: a hash, not a size or a time, decides
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Nyt navn", "Nyt navx"), encoding="utf-8")
    assert listed([path])[0] == CatalogueSummary("lille", "Nyt navx", small(basics=3).counts())


def test_a_catalogue_broken_after_it_was_kept_shows_its_problem(tmp_path: Path) -> None:
    path = tmp_path / "lille.toml"
    save_catalogue(small(), path)
    listed([path])
    path.write_text('id = "lille"\ntitle = ', encoding="utf-8")
    assert listed([path]) == ["FileProblem"]
    assert listed([path]) == ["FileProblem"]  # never kept: shown every time


def test_a_broken_catalogue_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\ntitle = ', encoding="utf-8")
    assert listed([path]) == ["FileProblem"]
    kept = (
        json.loads(catalogue_list.cache_path().read_text())
        if catalogue_list.cache_path().exists()
        else {}
    )
    assert str(path) not in kept.get("catalogues", {})


def test_a_new_program_validates_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lille.toml"
    save_catalogue(small(), path)
    listed([path])
    calls: list[Path] = []
    real = catalogue_list._validated_entry

    def counted(p: Path) -> dict[str, object]:
        calls.append(p)
        return real(p)

    monkeypatch.setattr(catalogue_list, "_validated_entry", counted)
    monkeypatch.setattr(catalogue_list, "code_fingerprint", lambda: "another program")
    listed([path])
    assert calls == [path]


def test_a_cache_that_is_garbage_or_unwritable_costs_only_time(tmp_path: Path) -> None:
    path = tmp_path / "lille.toml"
    save_catalogue(small(), path)
    cache = catalogue_list.cache_path()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("{not json", encoding="utf-8")
    assert listed([path]) == [CatalogueSummary("lille", "Lille katalog", small().counts())]
    # a forged entry for other bytes is not believed
    data = json.loads(cache.read_text())
    data["catalogues"][str(path)]["sha256"] = "0" * 64
    data["catalogues"][str(path)]["title"] = "Forfalsket"
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert listed([path])[0] == CatalogueSummary("lille", "Lille katalog", small().counts())


def test_the_cache_is_private(tmp_path: Path) -> None:
    path = tmp_path / "lille.toml"
    save_catalogue(small(), path)
    listed([path])
    cache = catalogue_list.cache_path()
    assert cache.stat().st_mode & 0o777 == 0o600


def test_a_fifo_is_not_read_by_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "lille.toml"
    save_catalogue(small(), path)
    listed([path])
    path.unlink()
    os.mkfifo(path)
    found = [f for _, f in summaries([path])]
    assert isinstance(found[0], FileProblem)  # the reader's own refusal, no hanging


CHECK = """
import contextlib, io, sys
from fagworkshop.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["catalogues"])
heavy = ("pydantic", "textual", "fagworkshop.domain.catalogue")
print(code, sorted(m for m in heavy if m in sys.modules))
print(out.getvalue())
"""


def test_the_second_listing_loads_no_models(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "FAGWORKSHOP_CACHE_DIR": str(tmp_path / "cache"),
        "FAGWORKSHOP_CATALOGUES_DIR": str(tmp_path / "own"),
        "FAGWORKSHOP_LOG_DIR": str(tmp_path / "log"),
    }

    def run() -> list[str]:
        return subprocess.run(
            [sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, check=True
        ).stdout.splitlines()

    first, second = run(), run()
    assert first[0] == "0 ['fagworkshop.domain.catalogue', 'pydantic']"
    assert second[0] == "0 []"
    assert first[1:] == second[1:]
    for path in resources.builtin_catalogue_paths():
        assert any(str(path) in line for line in second)
