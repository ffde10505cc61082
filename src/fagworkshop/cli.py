"""The command line: ``fagworkshop [open PATH | demo [--write PATH] | validate PATH |
catalogues | export ...]``.

Every message goes through :func:`fagworkshop.i18n.t` (``--lang da|en``,
Danish by default, argparse's own texts included). Every failure prints one
clear message and returns 1 (2 for a usage error, as argparse does); never a
traceback. The screens (Textual) are imported only by the commands that show
them, so ``validate`` and ``demo --write`` start fast and work without a
terminal.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fagworkshop import __version__, i18n, logfile, store
from fagworkshop.export import overview_command, self_assessment_command
from fagworkshop.i18n import t
from fagworkshop.store.errors import FileProblem, StoreError, terminal_safe

if TYPE_CHECKING:
    from fagworkshop.domain.catalogue import Catalogue
    from fagworkshop.domain.session import Session

# The models, pydantic and the store's readers load in the commands that read or
# write a file: `fagworkshop --help` needs none of them (issue 13: 0.29 s before).

#: Records for the log file (``fagworkshop.logfile``): ids and types, never names.
log = logging.getLogger(__name__)

# --- argparse in the user's language ----------------------------------------------


def _argparse_text(message: str) -> str:
    if not isinstance(message, str):
        return message
    key = "cli.argparse." + message
    return t(key) if i18n.has(key) else message


def _language_from(argv: Sequence[str]) -> str | None:
    """``--lang`` from the raw arguments, so help texts are built in that language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand; texts in the current language."""
    # Global options work before and after the subcommand: the subparsers share
    # them with SUPPRESS defaults, so a value given after the command wins.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help=t("cli.opt.lang")
    )
    common.add_argument(
        "--sessions-dir",
        dest="sessions_dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=t("cli.opt.sessions_dir"),
    )
    parser = argparse.ArgumentParser(
        prog="fagworkshop",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        parents=[common],
    )
    # Not set_defaults(lang=...): that would change the shared actions' defaults
    # in every subparser too, and a value given before the command would be lost.
    parser.set_defaults(run=cmd_home)
    parser.add_argument("--version", action="version", version=f"fagworkshop {__version__}")
    parser._actions[-1].help = t("cli.opt.version")
    sub = parser.add_subparsers(dest="command", title=t("cli.commands"), metavar="COMMAND")

    p = sub.add_parser(
        "open", parents=[common], help=t("cli.open.help"), description=t("cli.open.help")
    )
    p.add_argument("path", metavar="PATH", help=t("cli.open.path"))
    p.add_argument("--read-only", action="store_true", help=t("cli.open.read_only"))
    p.set_defaults(run=cmd_open)

    p = sub.add_parser(
        "demo", parents=[common], help=t("cli.demo.help"), description=t("cli.demo.help")
    )
    p.add_argument("--write", metavar="PATH", default=None, help=t("cli.demo.write"))
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser(
        "validate",
        parents=[common],
        help=t("cli.validate.help"),
        description=t("cli.validate.help"),
    )
    p.add_argument("path", metavar="PATH", help=t("cli.validate.path"))
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser(
        "catalogues",
        parents=[common],
        help=t("cli.catalogues.help"),
        description=t("cli.catalogues.help"),
    )
    p.set_defaults(run=cmd_catalogues)

    # --- further subcommands register here --------------------------------------
    # ``fagworkshop.export.command`` provides add_parser(subparsers) and run(args);
    # it is skipped when that module is not installed.
    _register_optional(sub, "fagworkshop.export.command", common)
    overview_command.add_parser(sub, common)
    self_assessment_command.add_parser(sub, common)
    return parser


def _optional_module(name: str) -> Any | None:
    """A module of the package that may not be written yet; None when it is missing.

    An import error inside the module (a bug) is not hidden.
    """
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        raise


def _register_optional(
    sub: argparse._SubParsersAction, module_name: str, common: argparse.ArgumentParser
) -> None:
    module = _optional_module(module_name)
    if module is None:
        return
    parser = module.add_parser(sub)
    for action in common._actions:  # the global options after the subcommand too
        if not any(s in parser._option_string_actions for s in action.option_strings):
            parser._add_action(action)
    if parser.get_default("run") is None:
        parser.set_defaults(run=module.run)


# --- the commands -------------------------------------------------------------------


def _run_app(**kwargs: Any) -> int:
    """Start the screens with the arguments ``run_app`` accepts; 1 if there are none."""
    app = _optional_module("fagworkshop.tui.app")
    if app is None or not hasattr(app, "run_app"):
        print(t("cli.no_tui"), file=sys.stderr)
        return 1
    import inspect  # 20 ms of imports (ast, dis) that only starting the screens needs

    run_app = app.run_app
    params = inspect.signature(run_app).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    accepted = {k: v for k, v in kwargs.items() if takes_any or k in params}
    result = run_app(**accepted)
    return result if isinstance(result, int) else 0


def cmd_home(args: argparse.Namespace) -> int:
    """No command: the home screen with the sessions folder."""
    return _run_app(sessions_dir=store.sessions_dir(args.sessions_dir))


def cmd_open(args: argparse.Namespace) -> int:
    """Check the file first (a bad one gets its message here, exit 1), then show it."""
    path = Path(args.path)
    _announce_if_large(path)
    session = store.load_session(path)
    return _run_app(
        sessions_dir=store.sessions_dir(args.sessions_dir),
        path=path,
        session=session,
        read_only=bool(args.read_only),
    )


def _build_demo() -> Session | None:
    demo = _optional_module("fagworkshop.demo")
    return demo.build_demo() if demo is not None else None


def cmd_demo(args: argparse.Namespace) -> int:
    """``--write PATH``: write the demo and stop; else save it in the sessions folder, show it."""
    demo = _build_demo()
    if demo is None:
        print(t("cli.no_demo"), file=sys.stderr)
        return 1
    if args.write:
        path = Path(args.write)
        store.save_session(demo, path)
        print(t("cli.demo.written", path=terminal_safe(str(path))))
        return 0
    from fagworkshop.demo import save_demo

    folder = store.sessions_dir(args.sessions_dir)
    path = save_demo(demo, folder)
    return _run_app(sessions_dir=folder, path=path, session=demo, read_only=False)


#: Files above this size take seconds to read: say so first, so a wait is never silent.
LARGE_FILE_BYTES = 4 * 1024 * 1024


def _announce_if_large(path: Path) -> None:
    """Tell the user a large file is being read (about a second per MB) before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the loader says what is wrong with the path
    if size > LARGE_FILE_BYTES:
        megabytes = f"{size / 1_048_576:.0f}"
        message = t("cli.reading_large", path=terminal_safe(str(path)), size=megabytes)
        print(message, file=sys.stderr, flush=True)


def _ratings(session: Session) -> int:
    return sum(len(levels) for r in session.rounds for levels in r.ratings.values())


def cmd_validate(args: argparse.Namespace) -> int:
    """OK and a short summary, or the problems (exit 1)."""
    path = Path(args.path)
    _announce_if_large(path)
    from fagworkshop.domain.session import Session

    loaded = store.load_any(path)
    if isinstance(loaded, Session):
        summary = t(
            "cli.validate.session_ok",
            path=str(path),
            title=loaded.title,
            competences=len(loaded.competence_ids()),
            staff=len(loaded.staff),
            ratings=_ratings(loaded),
            rounds=len(loaded.rounds),
        )
        print(terminal_safe(summary))
        if _edited_outside(path):
            print(t("cli.validate.edited_outside"))
    else:
        print(_catalogue_summary("cli.validate.catalogue_ok", loaded, path))
    return 0


def _edited_outside(path: Path) -> bool:
    """Whether a session file fagworkshop wrote was changed by hand since (see docs/files.md)."""
    from fagworkshop.store.integrity import check

    try:
        return check(path.read_bytes()).edited
    except OSError:
        return False


def _catalogue_summary(key: str, cat: Catalogue, path: Path) -> str:
    return t(key, path=terminal_safe(str(path)), id=cat.id, title=cat.title, **cat.counts())


def _catalogue_paths() -> tuple[list[Path], list[Path], Path | None] | None:
    """Built-in catalogue files, the team's own, and the folder for own catalogues."""
    resources = _optional_module("fagworkshop.resources")
    if resources is None:
        return None
    builtin = [Path(p) for p in resources.builtin_catalogue_paths()]
    user_paths: Callable[[], list[Path]] | None = getattr(resources, "user_catalogue_paths", None)
    folder: Path | None = None
    if user_paths is not None:
        own = [Path(p) for p in user_paths()]
    else:
        folder = Path(resources.profiles_dir())
        known = {p.resolve() for p in builtin}
        own = sorted(p for p in folder.glob("*.toml") if p.resolve() not in known)
    return builtin, own, folder


def cmd_catalogues(args: argparse.Namespace) -> int:
    """Built-in and own catalogues with item counts; a broken one shows its problem (exit 1)."""
    found = _catalogue_paths()
    if found is None:
        print(t("cli.catalogues.unavailable"), file=sys.stderr)
        return 1
    builtin, own, folder = found
    status = 0
    for heading, paths in (("cli.catalogues.builtin", builtin), ("cli.catalogues.user", own)):
        print(t(heading))
        if not paths:
            print(t("cli.catalogues.none"))
        for path in paths:
            try:
                print(_catalogue_summary("cli.catalogues.line", store.load_catalogue(path), path))
            except FileProblem as exc:
                print(exc.describe(), file=sys.stderr)
                status = 1
    if folder is not None:
        print(t("cli.catalogues.user_hint", folder=str(folder)))
    return status


# --- entry point --------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program with ``argv`` (default: the process's arguments); the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language_from(argv)
    i18n.set_language(lang if lang in i18n.LANGUAGES else "da")
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    logfile.setup()
    try:
        args = build_parser().parse_args(argv)
        args.lang = getattr(args, "lang", "da")
        args.sessions_dir = getattr(args, "sessions_dir", None)
        i18n.set_language(args.lang)
        run: Callable[[argparse.Namespace], int] = args.run
        log.info("fagworkshop %s: %s", __version__, getattr(run, "__name__", "command"))
        code = int(run(args) or 0)
        log.info("exit %d", code)
        return code
    except StoreError as exc:
        log.warning("stopped by %s", type(exc).__name__)
        print(exc.describe(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear message instead of a traceback
        logfile.caught(log, "running a command", exc)
        if os.environ.get("FAGWORKSHOP_DEBUG"):
            raise
        error = terminal_safe(f"{type(exc).__name__}: {exc}")
        print(t("cli.unexpected", error=error), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
