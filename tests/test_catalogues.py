"""The built-in catalogues (fagprofiler, lkb-2006) and where the program finds them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from fagworkshop import resources
from fagworkshop.domain.catalogue import (
    Catalogue,
    ElementItem,
    ElementKind,
    catalogue_problems,
)
from fagworkshop.store.reading import load_catalogue

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
#: The publications as ``source`` names them: the citation column of the seeds README
#: (never the seed file names), then the public articles its further facts cite.
CITATIONS = (
    "Fremfærd (2019): Sådan arbejder I med faglige profiler i jobcentrene. "
    "fagprofiler.dk, 19.09.2019",
    "Larsen, M. D., Fremfærd (2018): Fire anbefalinger til kompetenceudvikling i "
    "jobcentrene. 16.05.2018",
    "Schou, I. A., Fremfærd (2017): Jobcentermedarbejdere til debat på Folkemødet: "
    "Vi skal turde tænke nyt. 14.06.2017",
    "LKB (2006): Hvad skal du lave? Fremtidens beskæftigelsesmedarbejder i den kommunale sektor",
    "Larsen, M. D., Fremfærd (2021): Medarbejderne genlærer og udvikler nye kompetencer "
    "(Vesthimmerlands Kommune). 04.02.2021",
)
FAGPROFILER_2019, LKB_2006 = CITATIONS[0], CITATIONS[3]
#: Sources given in the seeds README that are public articles, not seed texts.
DOCUMENTED_SOURCES = ('vpt.dk, "Basiskompetencer", 2019', "HK, 2018 og 2020", "HK, 2018")
#: A description sharing this many words in a row with a seed text copies its sentence.
COPIED_WORDS = 6


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
        for part in _sources(source):
            assert part in CITATIONS or part in DOCUMENTED_SOURCES, f"{item_id}: {part!r}"
    for part in _sources(cat.source):
        assert part in CITATIONS, f"catalogue source: {part!r}"


def _sources(source: str) -> list[str]:
    return [p.strip() for p in source.split(";") if p.strip()]


def test_citations_are_the_ones_the_seeds_readme_gives() -> None:
    readme = SEEDS / "README.md"
    if not readme.is_file():
        pytest.skip("the seed texts are not beside this checkout")
    table = readme.read_text(encoding="utf-8")
    for citation in CITATIONS:
        assert f"| {citation} |" in table, citation


@pytest.mark.parametrize("name", ["fagprofiler.toml", "lkb-2006.toml"])
def test_no_source_is_a_file_name(name: str) -> None:
    text = (REPO / "profiles" / name).read_text(encoding="utf-8")
    sources = [ln for ln in text.splitlines() if ln.startswith("source")]
    assert sources
    assert not [ln for ln in sources if ".txt" in ln or re.search(r"\b[0-9a-f]{16}\b", ln)]


def test_fagprofiler_elements_say_they_are_a_local_elaboration(fagprofiler: Catalogue) -> None:
    """The seeds give each profile one line; every element is the project's elaboration."""
    for block in fagprofiler.blocks:
        assert _sources(block.source) == [FAGPROFILER_2019], block.id
        for e in block.elements:
            assert e.local_elaboration is True, e.id
            parts = _sources(e.source)
            assert parts[0] == FAGPROFILER_2019, e.id
            assert len(set(parts)) == len(parts), e.id
    built_from_lkb = [e.id for _, e in _elements(fagprofiler) if LKB_2006 in _sources(e.source)]
    assert len(built_from_lkb) >= 15
    # Basic competences drawn from other articles than the profile text are marked too.
    marked = {b.id for b in fagprofiler.basic if b.local_elaboration}
    assert marked == {
        "b-kerneopgave",
        "b-beskaeftigelsesanalyse",
        "b-individuelle-loesninger",
        "b-borgersamtale",
    }


def test_lkb_is_the_pamphlet_s_own_lists(lkb: Catalogue) -> None:
    assert not [b.id for b in lkb.basic if b.local_elaboration]
    assert not [e.id for _, e in _elements(lkb) if e.local_elaboration]
    assert {p for i in _items(lkb) for p in _sources(i[3])} == {LKB_2006}


def _elements(cat: Catalogue) -> list[tuple[str, ElementItem]]:
    return [(b.id, e) for b in cat.blocks for e in b.elements]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zæøå0-9]+", text.lower())


@pytest.mark.parametrize("name", ["fagprofiler.toml", "lkb-2006.toml"])
def test_descriptions_are_in_the_project_s_own_words(name: str) -> None:
    """No description repeats a seed sentence: six words in a row is a copy."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("the seed texts are not beside this checkout")
    words = _words(" ".join(p.read_text(encoding="utf-8") for p in seeds))
    n = COPIED_WORDS
    seen = {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
    cat = _load(name)
    described = [(t.id, t.description) for t in cat.themes] + [(i[0], i[2]) for i in _items(cat)]
    copies = []
    for item_id, description in [("catalogue", cat.description), *described]:
        w = _words(description)
        copies += [
            (item_id, " ".join(w[i : i + n]))
            for i in range(len(w) - n + 1)
            if tuple(w[i : i + n]) in seen
        ]
    assert copies == []


def test_danish_wording_is_one_term_each() -> None:
    text = " ".join(
        (REPO / "profiles" / n).read_text(encoding="utf-8")
        for n in ("fagprofiler.toml", "lkb-2006.toml")
    )
    for wrong in (
        "serviceminded",
        "efterspørgsel af arbejdskraft",
        "lukker afstanden",
        "kompetencer med fra",
        "anden etnisk baggrund",
        "socialafdeling",
        "uddannelsessted",
    ):
        assert wrong not in text, wrong


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
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path / "fagworkshop")
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


def test_the_profiles_export_keeps_the_local_elaboration_mark() -> None:
    from fagworkshop.demo import build_demo
    from fagworkshop.export.profiles_toml import build_catalogue

    demo = build_demo()
    exported = build_catalogue(demo)
    marked = {e.title for b in exported.blocks for e in b.elements if e.local_elaboration}
    assert marked
    for block in exported.blocks:
        for e in block.elements:
            if e.local_elaboration:
                assert FAGPROFILER_2019 in _sources(e.source), e.id
    # An item without the field (a hand-made catalogue, an older session) loads as unmarked.
    assert (
        Catalogue.model_validate(
            {
                "id": "x",
                "title": "X",
                "blocks": [{"id": "b", "title": "B", "elements": [{"id": "e", "title": "E"}]}],
            }
        )
        .blocks[0]
        .elements[0]
        .local_elaboration
        is None
    )
