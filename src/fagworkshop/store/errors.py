"""What can go wrong with a file, told so a user can act on it.

Every problem the store meets becomes a :class:`StoreError`:
:class:`FileProblem` for a file that cannot be read or understood (it names
the file, the place and what to do), :class:`SaveFailed` for a save that did
not happen (the file on disk is left as it was), :class:`SessionLocked` for a
session open in another program. Messages are built when they are shown, so
they follow the language chosen at that moment.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from fagworkshop.i18n import t
from fagworkshop.store.terminal_text import terminal_safe

# Every command imports this module (``--help`` and ``catalogues`` too), so it imports
# neither typing, dataclasses nor datetime (together about 5 ms of each start, issue 13)
# and compiles its message patterns on first use.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from fagworkshop.store.backup_info import BackupInfo
    from fagworkshop.store.integrity import FileStamp

#: A place or a message: plain text, or an i18n key with its parameters.
Part = str | tuple[str, dict[str, "Any"]]

#: How many problems ``describe()`` lists before it says "and N more".
SHOWN_PROBLEMS = 15


#: How many characters of a value from the file a message quotes at most.
QUOTE_LIMIT = 200


def cut_quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to about ``limit`` characters (a 10 MB name must not make a 10 MB message)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def render(part: Part) -> str:
    """Plain text for a place or message in the current language."""
    if isinstance(part, tuple):
        key, params = part
        return t(key, **{k: cut_quote(v) if isinstance(v, str) else v for k, v in params.items()})
    return cut_quote(part, 3 * QUOTE_LIMIT)


class DataProblem(ValueError):
    """Data a step of reading or writing cannot make sense of, before it is a message.

    ``place`` is where (``rounds[0].ratings.p-1``), ``key`` the i18n message and
    ``params`` its values; the reader turns it into a :class:`FileProblem`.
    """

    def __init__(self, place: str, key: str, **params: Any) -> None:
        super().__init__(f"{place}: {key}")
        self.place = place
        self.key = key
        self.params = params


class StoreError(Exception):
    """Base of every error the store raises; shown as it :meth:`describe` s itself."""

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """The message for the user, in the current language."""
        return super().__str__()


class FileProblem(StoreError):
    """A file that cannot be opened as a session or catalogue.

    ``problems`` is a list of ``(place, message)``: the place is a path in the
    data (``staff[3].ratings``) or a TOML line, empty when it concerns the
    whole file. ``hint_key`` names what the user can do about it.
    """

    def __init__(
        self,
        path: Path | str,
        problems: list[tuple[Part, Part]],
        *,
        hint_key: str = "store.hint.fix",
        untouched: bool = True,
    ) -> None:
        self.path = Path(path)
        self._problems = list(problems)
        self.hint_key = hint_key
        #: Whether the message ends saying the file was not changed: not for a path that
        #: is no file at all (a folder), where it would contradict the line above.
        self.untouched = untouched
        super().__init__(f"{self.path}: {len(self._problems)} problem(s)")

    @property
    def problems(self) -> list[tuple[str, str]]:
        """The problems as ``(place, message)`` text in the current language."""
        return [(render(place), render(message)) for place, message in self._problems]

    def describe(self) -> str:
        """One message: the file, each place and problem, what to do; never a traceback."""
        lines = [t("store.problem.head", path=str(self.path))]
        problems = self.problems
        for place, message in problems[:SHOWN_PROBLEMS]:
            lines.append(f"  - {place}: {message}" if place else f"  - {message}")
        if len(problems) > SHOWN_PROBLEMS:
            lines.append("  " + t("store.problem.more", count=len(problems) - SHOWN_PROBLEMS))
        lines.append(t(self.hint_key, path=str(self.path)))
        backup = self.path.with_name(self.path.name + ".bak")
        try:
            has_backup = not self.path.name.endswith(".bak") and backup.is_file()
        except OSError:  # a name too long for a ".bak" to exist, say
            has_backup = False
        if has_backup:
            lines.append(t("store.problem.backup", backup=str(backup)))
        if self.untouched:
            lines.append(t("store.problem.untouched"))
        return terminal_safe("\n".join(lines))


class SaveFailed(StoreError):
    """A save that did not happen; the file on disk is unchanged. ``reason`` says why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(reason)

    def describe(self) -> str:
        """The message for the user: which file, why, and that the old file is intact."""
        return terminal_safe(t("store.save.failed", path=str(self.path), reason=self.reason))


class SessionLocked(StoreError):
    """The session is open in another fagworkshop; it may be opened read-only."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(str(self.path))

    def describe(self) -> str:
        """Tells the user the session is in use elsewhere and what they can do."""
        return terminal_safe(t("store.locked", path=str(self.path)))


class SessionTruncated(FileProblem):
    """A file fagworkshop wrote, cut short since (its last line is missing).

    It is never opened and never saved over, nor is its ``.bak``. ``backup``
    tells what the backup holds (None when there is none); the home screen
    offers to open a copy of it.
    """

    def __init__(self, path: Path | str, backup: BackupInfo | None, *, empty: bool = False) -> None:
        problem = "store.read.empty" if empty else "store.truncated.problem"
        super().__init__(path, [("", (problem, {}))], hint_key="store.hint.fix")
        self.backup = backup
        self.empty = empty

    def describe(self) -> str:
        """The file, that it is cut short, the backup and what it holds, what to do."""
        lines = [t("store.problem.head", path=str(self.path))]
        lines.append("  - " + t("store.read.empty" if self.empty else "store.truncated.head"))
        if self.backup is None:
            lines.append(t("store.truncated.no_backup"))
        else:
            lines.append(self.backup.describe())
            if self.backup.usable:
                lines.append(t("store.truncated.hint"))
        lines.append(t("store.problem.untouched"))
        return terminal_safe("\n".join(lines))


class OutsideChange(StoreError):
    """The file on disk is not the one this program loaded or last wrote: nothing saved.

    ``on_disk`` is the stamp of what is there now (None: the file is gone).
    """

    def __init__(self, path: Path | str, on_disk: FileStamp | None) -> None:
        self.path = Path(path)
        self.on_disk = on_disk
        super().__init__(str(self.path))

    def describe(self) -> str:
        """Tells the user the file changed on disk and that their work is still here."""
        key = "store.outside.gone" if self.on_disk is None else "store.outside.changed"
        return terminal_safe(t(key, path=str(self.path)))


def os_reason(exc: OSError) -> str:
    """A short, localized reason for an operating-system error."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return t("store.os.permission")
    if code == errno.EROFS:
        return t("store.os.read_only")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return t("store.os.no_space")
    if code == errno.ENOENT:
        return t("store.os.not_found")
    if code == errno.EISDIR:
        return t("store.os.is_directory")
    if code == errno.ENAMETOOLONG:
        return t("store.os.name_too_long")
    return exc.strerror or str(exc)


# --- messages from pydantic and from the domain's cross-reference checks ----

#: pydantic error types with a message of our own; the rest keep pydantic's text.
_PYDANTIC_KEYS = {
    "missing": "store.v.missing",
    "extra_forbidden": "store.v.extra",
    "string_type": "store.v.string",
    "int_type": "store.v.int",
    "int_parsing": "store.v.int",
    "int_from_float": "store.v.int",
    "bool_type": "store.v.bool",
    "bool_parsing": "store.v.bool",
    "list_type": "store.v.list",
    "dict_type": "store.v.table",
    "model_type": "store.v.table",
    "model_attributes_type": "store.v.table",
    "greater_than_equal": "store.v.ge",
    "less_than_equal": "store.v.le",
    "greater_than": "store.v.gt",
    "less_than": "store.v.lt",
    "string_pattern_mismatch": "store.v.id",
    "string_too_long": "store.v.too_long",
    "enum": "store.v.enum",
    "date_type": "store.v.date",
    "date_parsing": "store.v.date",
    "date_from_datetime_parsing": "store.v.date",
    "date_from_datetime_inexact": "store.v.date",
    "datetime_type": "store.v.datetime",
    "datetime_parsing": "store.v.datetime",
    "datetime_from_date_parsing": "store.v.datetime",
}


def pydantic_message(error: dict[str, Any]) -> Part:
    """A localized message for one pydantic error (falls back to pydantic's own text)."""
    kind = error.get("type", "")
    ctx = dict(error.get("ctx") or {})
    if kind == "value_error":
        text = str(ctx.get("error", error.get("msg", "")))
        if text == "must not be empty":
            return ("store.v.empty", {})
        return domain_message(text)
    key = _PYDANTIC_KEYS.get(kind)
    if key is None:
        return str(error.get("msg", kind))
    params = {k: str(v) for k, v in ctx.items()}
    params.setdefault("expected", "")
    params.setdefault("ge", "")
    params.setdefault("le", "")
    params.setdefault("gt", "")
    params.setdefault("lt", "")
    params.setdefault("max_length", "")
    return (key, params)


#: The domain's cross-reference problems (English) and their i18n keys; ``re`` keeps
#: each pattern compiled after its first use.
_DOMAIN_PATTERNS: list[tuple[str, str]] = [
    (r"^unknown person '(?P<id>.*)'$", "store.x.unknown_person"),
    (r"^unknown competence '(?P<id>.*)'$", "store.x.unknown_competence"),
    (r"^unknown local profile '(?P<id>.*)'$", "store.x.unknown_profile"),
    (r"^unknown theme '(?P<id>.*)'$", "store.x.unknown_theme"),
    (r"^unknown course '(?P<id>.*)'$", "store.x.unknown_course"),
    (r"^unknown step '(?P<id>.*)'$", "store.x.unknown_step"),
    (r"^duplicate id '(?P<id>.*?)'(?: \(also at (?P<other>.*)\))?$", "store.x.dup_id"),
    (r"^duplicate round number (?P<id>.*)$", "store.x.dup_round"),
    (
        r"^level (?P<level>\S+) is outside the scale (?P<scale>.*)$",
        "store.x.level_outside",
    ),
    (r"^an agreed workshop needs the date", "store.x.agreed_date"),
    (r"^the level scale is empty$", "store.x.empty_scale"),
    (r"^levels must be consecutive and unique, got (?P<levels>.*)$", "store.x.levels"),
]


def domain_message(text: str) -> Part:
    """A localized message for a domain cross-reference problem, else the text itself."""
    for pattern, key in _DOMAIN_PATTERNS:
        m = re.match(pattern, text)
        if m:
            return (key, {k: v or "" for k, v in m.groupdict().items()})
    return text


def loc_to_place(loc: tuple[Any, ...] | list[Any]) -> str:
    """A pydantic location as a place in the file, e.g. ``rounds[0].ratings.p-1``."""
    place = ""
    for part in loc:
        if isinstance(part, int):
            place += f"[{part}]"
        elif part == "[key]":
            place += " (key)"
        else:
            part = cut_quote(str(part))  # a key of 10 MB names its place in 200 characters
            place += f".{part}" if place else part
    return place
