"""argparse in the user's language: the parser class the command line builds on.

argparse's own texts are English. They are translated through its public
seams only: a help formatter (the usage prefix and the section headings), our
own -h with a translated help, and ``error()`` (its messages). The i18n keys
are ``cli.argparse.`` + argparse's English text, placeholders and all.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from fagworkshop import i18n
from fagworkshop.i18n import t

TYPE_CHECKING = False  # not typing's: the command line starts without it (issue 13)
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any, NoReturn

_ARGPARSE = "cli.argparse."
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?([sr])")


def _argparse_text(english: str) -> str:
    """argparse's ``english`` text in the current language (unchanged when not in i18n)."""
    key = _ARGPARSE + english
    return t(key) if i18n.has(key) else english


def _numbered(template: str) -> str:
    """``template`` with every placeholder named (``%s`` -> ``%(0)s``) and shown as str."""
    count = iter(range(100))
    return _PLACEHOLDER.sub(lambda m: f"%({m.group(1) or next(count)})s", template)


def _message_pattern(english: str) -> re.Pattern[str]:
    """A regex that matches ``english`` once formatted, one named group a placeholder."""
    count = iter(range(100))
    parts: list[str] = []
    last = 0
    for m in _PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[last : m.start()]))
        name = m.group(1) or f"_{next(count)}"
        parts.append(f"(?P<{name}>.+?)")
        last = m.end()
    parts.append(re.escape(english[last:]))
    return re.compile("".join(parts), re.DOTALL)


def translate_argparse_message(message: str) -> str:
    """An error message argparse formatted in English, in the current language.

    It is matched against the English templates in i18n (``argument %(argument_name)s:
    %(message)s`` nests another message, translated in turn); one that matches none
    is kept as it is.
    """
    for key in i18n.keys():
        english = key.removeprefix(_ARGPARSE)
        if english == key or english.endswith("\n"):
            continue
        match = _message_pattern(english).fullmatch(message)
        if match is None:
            continue
        values = {
            name.lstrip("_"): translate_argparse_message(value) if name == "message" else value
            for name, value in match.groupdict().items()
        }
        return _numbered(t(key)) % values
    return message


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns`` (``COLUMNS``, else the terminal, else 80),
    without importing shutil: argparse's formatter does for every argument added, and
    shutil's archive modules (zlib, bz2, lzma) were 7 M instructions of every start."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # __stdout__ None: caught below
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with the usage prefix and the section headings translated."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # argparse's own default, its width minus 2, from terminal_columns (see there)
        width = terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = _argparse_text("usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_argparse_text(heading) if heading else heading)


#: The parent parser that holds ``-h``, by its translated help: one for every parser of
#: the command line, as the global options' parent is (argparse shares a parent's
#: actions); one each was a tenth of ``--help`` (issue 13).
_HELP_PARENTS: dict[str, argparse.ArgumentParser] = {}


def _help_parent() -> argparse.ArgumentParser:
    """The parser with argparse's own ``-h``/``--help``, its help in the current language."""
    text = _argparse_text("show this help message and exit")
    helper = _HELP_PARENTS.get(text)
    if helper is None:
        helper = argparse.ArgumentParser(add_help=False, formatter_class=HelpFormatter)
        helper.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=text)
        _HELP_PARENTS[text] = helper
    return helper


class ArgumentParser(argparse.ArgumentParser):
    """An ``argparse.ArgumentParser`` whose help and errors are in the current language.

    Subparsers are of this class too (``add_subparsers`` makes them of the
    parser's own class).
    """

    def __init__(
        self,
        *,
        add_help: bool = True,
        parents: Sequence[argparse.ArgumentParser] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        if add_help:  # argparse's own -h (first, as argparse puts it), its help translated
            parents = [_help_parent(), *parents]
        super().__init__(add_help=False, parents=list(parents), **kwargs)

    def error(self, message: str) -> NoReturn:
        """The usage and the message in the current language on stderr; exit 2."""
        self.print_usage(sys.stderr)
        template = _numbered(_argparse_text("%(prog)s: error: %(message)s\n"))
        self.exit(2, template % {"prog": self.prog, "message": translate_argparse_message(message)})
