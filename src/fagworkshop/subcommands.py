"""The program's subcommands as data: name, aliases, help, arguments and what runs them.

:func:`fagworkshop.cli.build_parser` turns every :class:`Subcommand` into an
argparse subparser. ``cli.py`` declares its own (open, demo, validate,
catalogues); the export commands declare theirs beside the code that runs them
(``export.command``, ``export.overview_command``,
``export.self_assessment_command``). Help texts are i18n keys, looked up when
the parser is built, so they come in the language ``--lang`` chose.

Nothing here imports the models, pydantic or Textual: ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Argument:
    """One ``add_argument``: its names, the i18n key of its help, argparse's other keywords."""

    names: tuple[str, ...]
    help: str
    options: Mapping[str, Any] = field(default_factory=dict)


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


@dataclass(frozen=True, slots=True)
class Subcommand:
    """A subcommand: ``run`` gets the parsed arguments and returns the exit status.

    ``help`` and ``description`` are i18n keys; the description is the help when
    not given. Every subcommand also takes the global options (``--lang``,
    ``--sessions-dir``).
    """

    name: str
    help: str
    run: Callable[[argparse.Namespace], int]
    arguments: tuple[Argument, ...] = ()
    aliases: tuple[str, ...] = ()
    description: str = ""
