"""The command line, run in-process through main(argv) and a few times as a real process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest

from fagworkshop import cli, resources
from fagworkshop.demo import DEMO_FILE
from fagworkshop.domain.catalogue import BasicItem, BlockItem, Catalogue, ElementItem, Theme
from fagworkshop.domain.session import Session
from fagworkshop.generate import generate_session
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import LoadedSession, load_session
from fagworkshop.store.writing import save_catalogue, save_session

FIXTURES = Path(__file__).parent / "fixtures" / "store"


@pytest.fixture(autouse=True)
def sessions_in_tmp_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FAGWORKSHOP_SESSIONS_DIR", str(tmp_path / "sessions"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def catalogue() -> Catalogue:
    return Catalogue(
        id="lille",
        title="Lille katalog",
        themes=[Theme(id="t", title="Tema")],
        basic=[BasicItem(id="b", theme="t", title="Lovgivning")],
        blocks=[BlockItem(id="blk", title="Blok", elements=[ElementItem(id="e", title="E")])],
    )


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """A stand-in for fagworkshop.tui.app that records how it was started."""
    calls: list[dict[str, object]] = []
    module = types.ModuleType("fagworkshop.tui.app")

    def run_app(
        sessions_dir: Path | None = None,
        path: Path | None = None,
        session: Session | None = None,
        read_only: bool = False,
        loaded: LoadedSession | None = None,
    ) -> int:
        if loaded is not None:  # a file the command line read: its session, as before
            session = loaded.session
        calls.append(
            {"sessions_dir": sessions_dir, "path": path, "session": session, "read_only": read_only}
        )
        return 0

    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fagworkshop.tui.app", module)
    return calls


@pytest.fixture
def fake_demo(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Session:
    import fagworkshop.demo as real

    module = types.ModuleType("fagworkshop.demo")
    demo = generate_session(staff=12, competences=10, rounds=2, seed=5)
    demo.title = "Demo: Jobcenter Eksempelby"
    module.build_demo = lambda: demo.model_copy(deep=True)  # type: ignore[attr-defined]
    # the CLI imports start_demo when the command runs (so --help loads no models); it
    # starts from a shipped file, here one holding the fake demo
    shipped = tmp_path_factory.mktemp("shipped") / "fake-demo.toml"
    save_session(demo, shipped)
    module.start_demo = lambda folder: real.start_demo(folder, source=shipped)  # type: ignore[attr-defined]
    module.save_demo = real.save_demo  # type: ignore[attr-defined]
    module.DEMO_FILE = real.DEMO_FILE  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fagworkshop.demo", module)
    return demo


# --- help and language --------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["open"], ["demo"], ["validate"], ["catalogues"]])
def test_help_for_every_command(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([*command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("brug: fagworkshop")
    assert "vis denne hjælp og afslut" in out


def test_help_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: fagworkshop")
    assert "check a workshop file or catalogue" in out


def test_usage_error_is_translated_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["validate"])
    assert info.value.code == 2
    assert "disse argumenter mangler: PATH" in capsys.readouterr().err


def test_lang_after_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    save_session(generate_session(staff=2, competences=3, rounds=1), p)
    code, out, _ = run(capsys, "validate", str(p), "--lang", "en")
    assert code == 0 and "Competences: 3, staff: 2" in out


def test_export_is_registered(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["export", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("brug: fagworkshop export") and "--sessions-dir DIR" in out


@pytest.mark.parametrize(
    ("argv", "danish", "english"),
    [
        (["--help"], ["brug: fagworkshop", "tilvalg:", "vis denne hjælp og afslut"], []),
        (
            ["--lang", "en", "--help"],
            [],
            ["usage: fagworkshop", "options:", "show this help message and exit"],
        ),
        (["validate", "--help"], ["argumenter:\n  PATH", "tilvalg:"], []),
        (["validate", "--help", "--lang", "en"], [], ["positional arguments:\n  PATH"]),
    ],
)
def test_argparse_help_is_danish_by_default_and_english_with_lang_en(
    capsys: pytest.CaptureFixture[str], argv: list[str], danish: list[str], english: list[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 0
    out = capsys.readouterr().out
    for text in danish + english:
        assert text in out
    if danish:
        assert "usage:" not in out and "options:" not in out and "show this help" not in out
    else:
        assert "brug:" not in out and "tilvalg:" not in out


@pytest.mark.parametrize(
    ("argv", "danish", "english"),
    [
        (
            ["--bogus"],
            "fagworkshop: fejl: ukendte argumenter: --bogus",
            "fagworkshop: error: unrecognized arguments: --bogus",
        ),
        (
            ["validate", "--lang", "xx"],
            "fagworkshop validate: fejl: argument --lang: ugyldigt valg: 'xx' "
            "(vælg mellem 'da', 'en')",
            None,
        ),
        (
            ["validate"],
            "fagworkshop validate: fejl: disse argumenter mangler: PATH",
            "fagworkshop validate: error: the following arguments are required: PATH",
        ),
        (
            ["open", "--sessions-dir"],
            "fagworkshop open: fejl: argument --sessions-dir: forventede én værdi",
            "fagworkshop open: error: argument --sessions-dir: expected one argument",
        ),
    ],
)
def test_argparse_errors_are_danish_by_default_and_english_with_lang_en(
    capsys: pytest.CaptureFixture[str], argv: list[str], danish: str, english: str | None
) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("brug: fagworkshop") and err.rstrip().endswith(danish)
    if english is None:
        return
    with pytest.raises(SystemExit) as info:
        cli.main(["--lang", "en", *argv])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: fagworkshop") and err.rstrip().endswith(english)


def test_argparse_itself_is_left_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """Translated through a formatter, our own -h and error(): argparse's module is not patched."""
    import argparse
    import gettext

    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]  # argparse's own
    parser = argparse.ArgumentParser(prog="p")
    assert parser.format_usage().startswith("usage: p")
    capsys.readouterr()


# --- validate -----------------------------------------------------------------------


def test_validate_session(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    s = generate_session(staff=4, competences=5, rounds=2, seed=1)
    p = tmp_path / "w.toml"
    save_session(s, p)
    ratings = sum(len(v) for r in s.rounds for v in r.ratings.values())
    code, out, err = run(capsys, "validate", str(p))
    assert code == 0 and err == ""
    assert out.startswith(f"OK: {p}\n")
    assert f"Kompetencer: 5, medarbejdere: 4, vurderinger: {ratings}, runder: 2" in out


def test_validate_catalogue(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    p = tmp_path / "k.toml"
    save_catalogue(catalogue(), p)
    code, out, _ = run(capsys, "--lang", "en", "validate", str(p))
    assert code == 0
    assert "Catalogue: Lille katalog (lille)" in out
    assert "Basic competences: 1, blocks: 1, elements: 1, courses: 0" in out


def test_validate_migrates_version_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(FIXTURES / "session-v0.toml"))
    assert code == 0 and "vurderinger: 3, runder: 1" in out


@pytest.mark.parametrize(
    "name",
    ["not-toml.toml", "not-utf8.toml", "empty.toml", "newer-schema.toml", "unknown-person.toml"],
)
def test_validate_bad_files(capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = FIXTURES / name
    before = path.read_bytes()
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"Filen kan ikke åbnes: {path}")
    assert "Filen er ikke ændret." in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_validate_missing_file_and_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "validate", str(tmp_path / "nope.toml"))[0] == 1
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 1 and "mappe" in err


def test_unexpected_error_is_one_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def boom(args: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(cli, "cmd_validate", boom)
    monkeypatch.delenv("FAGWORKSHOP_DEBUG", raising=False)
    code, _, err = run(capsys, "validate", "x")
    assert code == 1 and "Uventet fejl: RuntimeError: kaput" in err


# --- demo ---------------------------------------------------------------------------


def test_demo_write(capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_demo: Session) -> None:
    p = tmp_path / "d.toml"
    code, out, _ = run(capsys, "demo", "--write", str(p))
    assert code == 0 and str(p) in out
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert load_session(p) == fake_demo
    assert run(capsys, "validate", str(p))[0] == 0


def test_demo_write_to_an_impossible_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_demo: Session
) -> None:
    (tmp_path / "file").write_text("x")
    code, _, err = run(capsys, "demo", "--write", str(tmp_path / "file" / "d.toml"))
    assert code == 1 and "blev ikke gemt" in err


def test_demo_write_with_the_real_demo(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    p = tmp_path / "d.toml"
    assert run(capsys, "demo", "--write", str(p))[0] == 0
    code, out, _ = run(capsys, "validate", str(p))
    assert code == 0 and out.startswith("OK")


def test_demo_opens_the_screen_with_a_fresh_demo(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_demo: Session,
    fake_app: list[dict[str, object]],
) -> None:
    folder = tmp_path / "mine"
    assert run(capsys, "--sessions-dir", str(folder), "demo")[0] == 0
    [call] = fake_app
    assert call["path"] == folder / DEMO_FILE
    assert call["sessions_dir"] == folder
    assert load_session(call["path"]) == fake_demo


def test_demo_open_elsewhere_gets_its_own_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake_demo: Session,
    fake_app: list[dict[str, object]],
) -> None:
    folder = tmp_path / "mine"
    with SessionLock(folder / DEMO_FILE):
        assert run(capsys, "demo", "--sessions-dir", str(folder))[0] == 0
    # the locked demo file is left alone; the demo gets a name of its own
    assert fake_app[0]["path"] == folder / "demo-jobcenter-eksempelby-2.toml"
    assert not (folder / DEMO_FILE).exists()


# --- the screens --------------------------------------------------------------------


def test_home_uses_the_sessions_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_app: list[dict[str, object]]
) -> None:
    assert run(capsys)[0] == 0
    assert fake_app == [
        {"sessions_dir": tmp_path / "sessions", "path": None, "session": None, "read_only": False}
    ]


def test_open_checks_the_file_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fake_app: list[dict[str, object]]
) -> None:
    code, _, err = run(capsys, "open", str(FIXTURES / "not-toml.toml"))
    assert code == 1 and "linje 3" in err and fake_app == []
    p = tmp_path / "w.toml"
    s = generate_session(staff=2, competences=3, rounds=1)
    save_session(s, p)
    assert run(capsys, "open", str(p), "--read-only")[0] == 0
    assert fake_app[0]["path"] == p and fake_app[0]["session"] == s
    assert fake_app[0]["read_only"] is True


def test_an_argument_run_app_does_not_take_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A misspelt or removed keyword stops the command; it is not silently dropped."""
    calls: list[object] = []
    module = types.ModuleType("fagworkshop.tui.app")

    def run_app(
        sessions_dir: Path, path: Path | None = None, session: object = None, loaded: object = None
    ) -> int:
        calls.append(path)  # pragma: no cover - never reached
        return 0

    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fagworkshop.tui.app", module)
    monkeypatch.delenv("FAGWORKSHOP_DEBUG", raising=False)
    p = tmp_path / "w.toml"
    save_session(generate_session(staff=2, competences=3, rounds=1), p)
    code, _, err = run(capsys, "open", str(p), "--read-only")
    assert code == 1 and "TypeError" in err and "read_only" in err
    assert calls == []
    with pytest.raises(TypeError, match="read_onyl"):
        cli._run_app(sessions_dir=tmp_path, read_onyl=True)  # type: ignore[call-arg]


def test_the_real_run_app_refuses_a_misspelt_keyword(tmp_path: Path) -> None:
    from fagworkshop.tui.app import run_app

    with pytest.raises(TypeError, match="sesions_dir"):
        run_app(sesions_dir=tmp_path)  # type: ignore[call-arg]


# --- catalogues ---------------------------------------------------------------------


def test_catalogues_lists_builtin_and_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    save_catalogue(catalogue(), profiles / "lille.toml")
    own = tmp_path / "own"
    own.mkdir()
    (own / "broken.toml").write_text('id = "x"\ntitle = ')
    monkeypatch.setattr(resources, "builtin_catalogue_paths", lambda: [profiles / "lille.toml"])
    monkeypatch.setenv(resources.ENV_CATALOGUES_DIR, str(own))
    code, out, err = run(capsys, "catalogues")
    assert "Indbyggede kataloger\n  lille: Lille katalog\n" in out
    assert "1 basiskompetencer, 1 fagprofiler med 1 elementer, 0 kurser" in out
    assert "Egne kataloger" in out and str(own) in out
    assert code == 1 and "broken.toml" in err


def test_catalogues_with_the_real_resources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalogues")
    assert code == 0
    for path in resources.builtin_catalogue_paths():
        assert str(path) in out


# --- as a real process --------------------------------------------------------------


def _process(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FAGWORKSHOP_DEBUG": ""}
    return subprocess.run(
        [sys.executable, "-m", "fagworkshop", *argv], capture_output=True, text=True, env=env
    )


def test_process_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    bad = _process("validate", str(FIXTURES / "unknown-person.toml"), "--lang", "en")
    assert bad.returncode == 1
    assert "rounds[0].ratings.ghost: unknown member of staff 'ghost'" in bad.stderr
    assert "Traceback" not in bad.stderr
    p = tmp_path / "w.toml"
    save_session(generate_session(staff=2, competences=2, rounds=1), p)
    good = _process("validate", str(p))
    assert good.returncode == 0 and good.stdout.startswith("OK")


def test_validate_does_not_import_textual(tmp_path: Path) -> None:
    p = tmp_path / "w.toml"
    save_session(generate_session(staff=2, competences=2, rounds=1), p)
    code = (
        "import sys; from fagworkshop.cli import main; "
        f"rc = main(['validate', {str(p)!r}]); print(rc, 'textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0 False"


@pytest.mark.parametrize("columns", [None, "50", "0", "-3", "abc", "200"])
def test_help_is_as_wide_as_argparse_makes_it(
    columns: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help formatter's width (without importing shutil, issue 13) is shutil's."""
    import shutil

    from fagworkshop.cli_parser import terminal_columns

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
