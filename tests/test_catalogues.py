"""The built-in catalogues (fagprofiler, lkb-2006) and where the program finds them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from fagworkshop import resources
from fagworkshop.domain.catalogue import Catalogue, ElementKind, catalogue_problems
from fagworkshop.store import load_catalogue

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
SEED_FILES = {
    "000_1f6368d679622637.txt",
    "001_f6e108b06e389311.txt",
    "002_b51c754e28c704ae.txt",
    "003_dc87590e7ec1699e.txt",
    "004_3ce0b6c04f088486.txt",
}
#: Sources given in the seeds README that are not files (public articles).
DOCUMENTED_SOURCES = ('vpt.dk, "Basiskompetencer", 2019', "HK, 2018 og 2020", "HK, 2018")


def _load(name: str) -> Catalogue:
    return load_catalogue(REPO / "profiles" / name)


@pytest.fixture(scope="module")
def fagprofiler() -> Catalogue:
    return _load("fagprofiler.toml")


@pytest.fixture(scope="module")
def lkb() -> Catalogue:
    return _load("lkb-2006.toml")


def _items(cat: Catalogue) -> list[tuple[str, str, str, str]]:
    """(id, title, description, source) of every item that must be documented."""
    out = [(b.id, b.title, b.description, b.source) for b in cat.basic]
    for block in cat.blocks:
        out.append((block.id, block.title, block.description, block.source))
        out.extend((e.id, e.title, e.description, e.source) for e in block.elements)
    out.extend((c.id, c.name, c.description, c.source) for c in cat.courses)
    return out


@pytest.mark.parametrize("name", ["fagprofiler.toml", "lkb-2006.toml"])
def test_catalogue_loads_and_has_no_problems(name: str) -> None:
    cat = _load(name)
    assert cat.id == name.removesuffix(".toml")
    assert cat.schema_version == 1
    assert catalogue_problems(cat) == []
    # Plain tomllib + model_validate gives the same catalogue as the store.
    with (REPO / "profiles" / name).open("rb") as fh:
        assert Catalogue.model_validate(tomllib.load(fh)) == cat


@pytest.mark.parametrize("name", ["fagprofiler.toml", "lkb-2006.toml"])
def test_level_scale_is_0_to_4_in_danish(name: str) -> None:
    cat = _load(name)
    assert [lv.level for lv in cat.levels] == [0, 1, 2, 3, 4]
    assert cat.levels[0].label == "Intet kendskab"
    assert cat.levels[1].label == "Kender til"
    assert "lærer fra sig" in cat.levels[4].label
    assert all(lv.meaning.strip() for lv in cat.levels)


@pytest.mark.parametrize("name", ["fagprofiler.toml", "lkb-2006.toml"])
def test_every_item_is_described_and_cites_a_source(name: str) -> None:
    cat = _load(name)
    for item_id, title, description, source in _items(cat):
        assert title.strip(), item_id
        assert description.strip(), f"{item_id} has no description"
        assert source.strip(), f"{item_id} has no source"
        for part in (p.strip() for p in source.split(";")):
            assert part in SEED_FILES or part in DOCUMENTED_SOURCES, f"{item_id}: {part!r}"
            if part in SEED_FILES and SEEDS.is_dir():
                assert (SEEDS / part).is_file(), part


@pytest.mark.parametrize("name", ["fagprofiler.toml", "lkb-2006.toml"])
def test_ids_are_unique_across_the_whole_catalogue(name: str) -> None:
    cat = _load(name)
    ids = [t.id for t in cat.themes] + [i[0] for i in _items(cat)]
    assert len(ids) == len(set(ids))


def test_fagprofiler_content(fagprofiler: Catalogue) -> None:
    assert len(fagprofiler.basic) >= 10
    titles = {b.title for b in fagprofiler.basic}
    assert "Organisatorisk kendskab og kompetence" in titles
    assert "Beskæftigelses- og socialfaglig viden" in titles
    assert [b.title for b in fagprofiler.blocks] == [
        "Virksomhedsprofilen",
        "Kompetencematchprofilen",
        "Helhedsprofilen",
        "Udviklingsprofilen",
    ]
    for block in fagprofiler.blocks:
        assert len(block.elements) >= 6, block.title
        kinds = {e.kind for e in block.elements}
        assert kinds == {ElementKind.TASK, ElementKind.COMPETENCE}, block.title
    # Every theme is used, and every basic competence has a theme.
    assert {b.theme for b in fagprofiler.basic} == {t.id for t in fagprofiler.themes}


def test_fagprofiler_courses_are_kinds_named_in_the_sources(fagprofiler: Catalogue) -> None:
    names = {c.name for c in fagprofiler.courses}
    assert any(n.startswith("Socialformidleruddannelsen") for n in names)
    assert {c.kind.value for c in fagprofiler.courses} == {"education", "course", "on_the_job"}
    assert all(c.serves for c in fagprofiler.courses)


def test_lkb_has_knowledge_action_attitude_and_four_blocks(lkb: Catalogue) -> None:
    assert [t.id for t in lkb.themes] == ["viden", "handling", "holdning"]
    per_theme = {t.id: [b for b in lkb.basic if b.theme == t.id] for t in lkb.themes}
    # Complete lists from the 2006 pamphlet: 11 knowledge, 11 action, 8 attitude items.
    assert {k: len(v) for k, v in per_theme.items()} == {"viden": 11, "handling": 11, "holdning": 8}
    assert [len(b.elements) for b in lkb.blocks] == [11, 8, 10, 10]
    titles = [b.title for b in lkb.blocks]
    assert "virksomhederne" in titles[0]
    assert "etniske minoriteter" in titles[1]
    assert "unge" in titles[2]
    assert "Projektmedarbejder" in titles[3]


def test_lkb_mentions_key_items_of_the_pamphlet(lkb: Catalogue) -> None:
    text = " ".join(f"{i[1]} {i[2]}" for i in _items(lkb)).lower()
    for word in (
        "kommunalreform",
        "matchkategorisering",
        "coaching",
        "skriftlig",
        "menneskesyn",
        "servicepakke",
        "danskundervisning",
        "uu-vejledning",
        "voksne",
        "netværk",
    ):
        assert word in text, word


def test_profiles_are_found_from_the_repository() -> None:
    folder = resources.profiles_dir()
    assert folder.is_dir()
    paths = resources.builtin_catalogue_paths()
    assert [p.name for p in paths] == ["fagprofiler.toml", "lkb-2006.toml"]
    assert all(p.is_file() for p in paths)
    assert resources.builtin_catalogue_path("lkb-2006") == folder / "lkb-2006.toml"
    with pytest.raises(FileNotFoundError):
        resources.builtin_catalogue_path("nope")


def test_packaged_profiles_win_over_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "fagworkshop" / "profiles"
    packaged.mkdir(parents=True)
    (packaged / "fagprofiler.toml").write_bytes(
        (REPO / "profiles" / "fagprofiler.toml").read_bytes()
    )
    monkeypatch.setattr(
        resources.importlib_resources, "files", lambda _pkg: tmp_path / "fagworkshop"
    )
    assert resources.profiles_dir() == packaged
    assert [p.name for p in resources.builtin_catalogue_paths()] == ["fagprofiler.toml"]


def test_user_catalogues_come_from_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(resources.ENV_CATALOGUES_DIR, str(tmp_path / "own"))
    assert resources.user_catalogue_dir() == tmp_path / "own"
    assert resources.user_catalogue_paths() == []
    (tmp_path / "own").mkdir()
    (tmp_path / "own" / "vores.toml").write_text(
        'id = "vores"\ntitle = "Vores"\n', encoding="utf-8"
    )
    (tmp_path / "own" / "noter.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in resources.user_catalogue_paths()] == ["vores.toml"]
    assert load_catalogue(resources.user_catalogue_paths()[0]).id == "vores"


def test_user_catalogue_dir_defaults_to_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(resources.ENV_CATALOGUES_DIR, raising=False)
    folder = resources.user_catalogue_dir()
    assert folder.name == "profiles"
    assert "fagworkshop" in folder.parts


def test_resources_does_not_import_textual() -> None:
    source = Path(resources.__file__).read_text(encoding="utf-8")
    assert "import textual" not in source
    assert "from textual" not in source


def test_the_example_in_the_docs_is_a_valid_catalogue() -> None:
    text = (REPO / "docs" / "catalogues.md").read_text(encoding="utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    cat = Catalogue.model_validate(tomllib.loads(example))
    assert cat.id == "vores-katalog"
    assert cat.counts()["elements"] == 1
