"""The program's subcommands as data: name, aliases, help, arguments and what runs them.

:func:`fagworkshop.cli.build_parser` turns every :class:`Subcommand` into an
argparse subparser. ``cli.py`` declares its own (open, demo, validate,
catalogues); the export package declares its four in ``export.subcommands``.
Help texts are i18n keys, looked up when the parser is built, so they come in
the language ``--lang`` chose. What runs a command is named, not imported
(``"fagworkshop.export.command:run"``): its module loads only when that command
runs, so ``--help`` and ``catalogues`` do not import the export commands (the
store's errors, tempfile and the rest: about 8 ms of each start, issue 13).

Nothing here imports the models, pydantic or Textual; plain classes rather than
dataclasses, whose import (inspect, ast, dis) cost every start about 4 ms.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # not typing's: importing typing costs every start 1 to 2 ms
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping
    from typing import Any


class Argument:
    """One ``add_argument``: its names, the i18n key of its help, argparse's other keywords."""

    __slots__ = ("names", "help", "options")

    def __init__(
        self, names: tuple[str, ...], help: str, options: Mapping[str, Any] | None = None
    ) -> None:
        self.names = names
        self.help = help
        self.options: Mapping[str, Any] = options if options is not None else {}


def argument(*names: str, help: str, **options: Any) -> Argument:
    """An :class:`Argument` written as ``add_argument`` is called (``help`` an i18n key)."""
    return Argument(names, help, options)


def export_options(keys: str) -> tuple[Argument, ...]:
    """``--format``/``-f``, ``-o``/``--output``, ``--with-names`` and ``--force``, as the
    commands that write one export file take them; their help texts are the i18n keys
    ``<keys>.format``, ``<keys>.output``, ``<keys>.with_names`` and ``<keys>.force``.

    The format is checked by the command, not with ``choices=``, so a wrong one gets
    the command's own message (exit 1) rather than a usage error.
    """
    return (
        argument("--format", "-f", dest="format", default=None, help=f"{keys}.format"),
        argument("-o", "--output", dest="output", default=None, help=f"{keys}.output"),
        argument("--with-names", dest="with_names", action="store_true", help=f"{keys}.with_names"),
        argument("--force", action="store_true", help=f"{keys}.force"),
    )


class Subcommand:
    """A subcommand: ``run`` names the function (``"module:function"``) that gets the
    parsed arguments and returns the exit status.

    ``help`` and ``description`` are i18n keys; the description is the help when
    not given. Every subcommand also takes the global options (``--lang``,
    ``--sessions-dir``).
    """

    __slots__ = ("name", "help", "run", "arguments", "aliases", "description")

    def __init__(
        self,
        name: str,
        *,
        help: str,
        run: str,
        arguments: tuple[Argument, ...] = (),
        aliases: tuple[str, ...] = (),
        description: str = "",
    ) -> None:
        self.name = name
        self.help = help
        self.run = run
        self.arguments = arguments
        self.aliases = aliases
        self.description = description

    def runner(self) -> Callable[[argparse.Namespace], int]:
        """The function that runs the command, its module imported now (looked up by name
        when the command runs, so a replaced function is the one called)."""
        module, _, function = self.run.partition(":")
        found: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(module), function
        )
        return found
