"""A filled self-assessment form as read, before it is checked: :class:`FilledForm`,
its rows (:class:`Answer`) and what is wrong with it (:class:`Problem`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fagworkshop.i18n import t


@dataclass(frozen=True)
class Problem:
    """What is wrong with a form, where (row, or None for the whole form) and the fix."""

    form: str
    row: str | None
    what: str
    fix: str
    order: int = 0  # the row's place in the form, for listing a form's problems in order

    def describe(self) -> str:
        """One line for the user: form, row, problem, fix."""
        where = f"{self.form}, {self.row}" if self.row else self.form
        return t("sa.problem.line", where=where, what=self.what, fix=self.fix)


@dataclass(frozen=True)
class Answer:
    """One row of a filled form: the competence, the person's own level and wish."""

    row: str  # where it is, for messages ("række 12", "linje 40")
    order: int
    person: str | None
    code: str | None
    level: int | None
    wish: bool


@dataclass
class FilledForm:
    """A form as read from its file, before it is checked against the session."""

    path: Path
    name: str
    identity: dict[str, Any] = field(default_factory=dict)
    answers: list[Answer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    #: The place in the form of the row being read or checked (sorts its problems).
    at: int = 0

    def problem(self, row: str | None, what: str, fix: str) -> None:
        self.problems.append(Problem(self.name, row, what, fix, self.at if row else 0))


def short_value(value: object) -> str:
    """A value as shown in a message: one line, at most 40 characters."""
    shown = str(value).replace("\n", " ")
    return shown if len(shown) <= 40 else shown[:39] + "…"
