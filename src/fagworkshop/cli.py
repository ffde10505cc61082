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
import os
import sys
from pathlib import Path

from fagworkshop import __version__, i18n, logfile, resources
from fagworkshop.cli_parser import ArgumentParser
from fagworkshop.export import subcommands as export_subcommands
from fagworkshop.i18n import t
from fagworkshop.store.errors import FileProblem, StoreError, terminal_safe
from fagworkshop.subcommands import Subcommand, argument

TYPE_CHECKING = False  # not typing's: the command line starts without it (issue 13)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from fagworkshop.domain.catalogue import Catalogue
    from fagworkshop.domain.session import Session
    from fagworkshop.store.catalogue_list import CatalogueSummary
    from fagworkshop.store.reading import LoadedSession

# The models, pydantic and the store's readers load in the commands that read or
# write a file, and Textual in the commands that show the screens: `fagworkshop
# --help` needs none of them (issue 13: 0.29 s before). The subcommands' modules
# are imported here for their subcommand declarations (cheap); each command imports
# what it needs when it runs.


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
    common = ArgumentParser(add_help=False)
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
    parser = ArgumentParser(
        prog="fagworkshop",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        parents=[common],
    )
    # Not set_defaults(lang=...): that would change the shared actions' defaults
    # in every subparser too, and a value given before the command would be lost.
    parser.add_argument(
        "--version",
        action="version",
        version=f"fagworkshop {__version__}",
        help=t("cli.opt.version"),
    )
    sub = parser.add_subparsers(dest="command", title=t("cli.commands"), metavar="COMMAND")
    for command in subcommands():
        p = sub.add_parser(
            command.name,
            aliases=list(command.aliases),
            parents=[common],
            help=t(command.help),
            description=t(command.description or command.help),
        )
        for arg in command.arguments:
            p.add_argument(*arg.names, help=t(arg.help), **arg.options)
        p.set_defaults(subcommand=command, command_name=command.name)
    return parser


# --- the commands -------------------------------------------------------------------


def _run_app(
    *,
    sessions_dir: Path,
    path: Path | None = None,
    session: Session | None = None,
    loaded: LoadedSession | None = None,
    read_only: bool = False,
) -> int:
    """Start the screens; their exit code."""
    from fagworkshop.tui.app import run_app  # Textual loads only for the commands that show it

    return run_app(
        sessions_dir=sessions_dir,
        path=path,
        session=session,
        loaded=loaded,
        read_only=read_only,
    )


def cmd_home(args: argparse.Namespace) -> int:
    """No command: the home screen with the sessions folder."""
    # pydantic and the models (0.1 to 0.25 s): loaded by the command, not for --help
    from fagworkshop.store.folders import sessions_dir

    return _run_app(sessions_dir=sessions_dir(args.sessions_dir))


def cmd_open(args: argparse.Namespace) -> int:
    """Check the file first (a bad one gets its message here, exit 1), then show it."""
    path = Path(args.path)
    _announce_if_large(path)  # before the imports: they take a moment too
    # a second process reads and parses the file while this one imports pydantic and
    # Textual (issue 13: 0.15 s of opening 2,000 staff); no pydantic in this module
    from fagworkshop.store.read_ahead import ReadAhead
    from fagworkshop.tui import memory  # only this command pauses the collector

    # the collector walks nothing but what lives on until the first step is drawn
    # (started again by the first step drawn; here whatever happens)
    memory.pause_until_drawn()
    try:
        with ReadAhead.start(path) as ahead:  # forked before the pause's first object
            # pydantic and the models (0.1 to 0.25 s): loaded by the command, not for --help
            from fagworkshop.store.folders import sessions_dir
            from fagworkshop.store.reading import load_session_file

            if not ahead.ready():
                # Textual (0.3 s) loads while the file is still being parsed, not after
                import fagworkshop.tui.app  # noqa: F401
            # The session with the stamp of the very bytes read: the app compares the file
            # with them before every save, so a change made to it meanwhile (while Textual
            # loads) is seen, never saved over; and a hand edit is announced as from home.
            loaded = load_session_file(path, ahead=ahead)
        return _run_app(
            sessions_dir=sessions_dir(args.sessions_dir),
            path=path,
            loaded=loaded,
            read_only=bool(args.read_only),
        )
    finally:
        memory.resume()


def cmd_demo(args: argparse.Namespace) -> int:
    """``--write PATH``: write the demo and stop; else save it in the sessions folder, show it."""
    # pydantic and the models (0.1 to 0.25 s): loaded by the command, not for --help
    from fagworkshop.demo import build_demo, start_demo
    from fagworkshop.store.folders import sessions_dir
    from fagworkshop.store.writing import save_session

    if args.write:
        path = Path(args.write)
        save_session(build_demo(), path)
        print(t("cli.demo.written", path=terminal_safe(str(path))))
        return 0
    folder = sessions_dir(args.sessions_dir)
    path, loaded = start_demo(folder)
    return _run_app(sessions_dir=folder, path=path, loaded=loaded, read_only=False)


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
    _announce_if_large(path)  # before the imports: they take a moment too
    # pydantic and the models (0.1 to 0.25 s): loaded by the command, not for --help
    from fagworkshop.domain.session import Session
    from fagworkshop.store.reading import load_any

    loaded = load_any(path)
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
    from fagworkshop.store.integrity import check  # hashlib, 5 ms: not for --help

    try:
        return check(path.read_bytes()).edited
    except OSError:
        return False


def _catalogue_summary(key: str, cat: Catalogue | CatalogueSummary, path: Path) -> str:
    # Not at the top: store.catalogue_list (json, hashlib) adds 6 to 9 ms to every
    # command, --help included (python -X importtime after fagworkshop.cli)
    from fagworkshop.store.catalogue_list import CatalogueSummary

    summary = cat if isinstance(cat, CatalogueSummary) else CatalogueSummary.of(cat)
    return t(
        key, path=terminal_safe(str(path)), id=summary.id, title=summary.title, **summary.counts
    )


def cmd_catalogues(args: argparse.Namespace) -> int:
    """Built-in and own catalogues with item counts; a broken one shows its problem (exit 1).

    A catalogue validated before with the same bytes is listed from the cache
    (``store.catalogue_list``), without the models."""
    # Here, not at the top: its json and hashlib cost every other command 4 to 5 ms
    # (bench: --help at 4.7x python -c pass has no room for them).
    from fagworkshop.store import catalogue_list

    builtin = resources.builtin_catalogue_paths()
    own = resources.user_catalogue_paths()
    found_in = dict(catalogue_list.summaries([*builtin, *own]))  # one pass: one cache
    status = 0
    for heading, paths in (("cli.catalogues.builtin", builtin), ("cli.catalogues.user", own)):
        print(t(heading))
        if not paths:
            print(t("cli.catalogues.none"))
        for path in paths:
            found = found_in[path]
            if isinstance(found, FileProblem):
                print(found.describe(), file=sys.stderr)
                status = 1
            else:
                print(_catalogue_summary("cli.catalogues.line", found, path))
    print(t("cli.catalogues.user_hint", folder=str(resources.user_catalogue_dir())))
    return status


def subcommands() -> tuple[Subcommand, ...]:
    """Every subcommand, in the order ``--help`` lists them (each run function looked up
    by name when its command runs)."""
    return (
        Subcommand(
            "open",
            help="cli.open.help",
            run="fagworkshop.cli:cmd_open",
            arguments=(
                argument("path", metavar="PATH", help="cli.open.path"),
                argument("--read-only", action="store_true", help="cli.open.read_only"),
            ),
        ),
        Subcommand(
            "demo",
            help="cli.demo.help",
            run="fagworkshop.cli:cmd_demo",
            arguments=(argument("--write", metavar="PATH", default=None, help="cli.demo.write"),),
        ),
        Subcommand(
            "validate",
            help="cli.validate.help",
            run="fagworkshop.cli:cmd_validate",
            arguments=(argument("path", metavar="PATH", help="cli.validate.path"),),
        ),
        Subcommand("catalogues", help="cli.catalogues.help", run="fagworkshop.cli:cmd_catalogues"),
        *export_subcommands.SUBCOMMANDS,
    )


# --- entry point --------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program with ``argv`` (default: the process's arguments); the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language_from(argv)
    i18n.set_language(lang if lang in i18n.LANGUAGES else "da")
    opened = False
    try:
        args = build_parser().parse_args(argv)
        args.lang = getattr(args, "lang", "da")
        args.sessions_dir = getattr(args, "sessions_dir", None)
        i18n.set_language(args.lang)
        command: Subcommand | None = getattr(args, "subcommand", None)
        # Once a command runs: --help, --version and a usage error end in argparse
        # before, without opening the log. Its records hold ids and types, never names;
        # written without logging unless the command uses it (logfile, issue 13).
        logfile.setup()
        opened = True
        # the subcommand's name: its run functions are mostly all called "run"
        name = getattr(args, "command_name", "home")
        logfile.record(__name__, "INFO", f"fagworkshop {__version__}: {name}")
        run: Callable[[argparse.Namespace], int] = cmd_home if command is None else command.runner()
        code = int(run(args) or 0)
        logfile.record(__name__, "INFO", f"exit {code}")
        return code
    except StoreError as exc:
        if not opened:
            logfile.setup()
        logfile.record(__name__, "WARNING", f"stopped by {type(exc).__name__}")
        print(exc.describe(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear message instead of a traceback
        if not opened:
            logfile.setup()
        logfile.caught(logfile.logger(__name__), "running a command", exc)
        if os.environ.get("FAGWORKSHOP_DEBUG"):
            raise
        error = terminal_safe(f"{type(exc).__name__}: {exc}")
        print(t("cli.unexpected", error=error), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
