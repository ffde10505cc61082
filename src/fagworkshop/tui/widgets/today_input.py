"""A date field that starts at today (a decision's date, the date a workshop was agreed)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input


class TodayInput(Input):
    """A compact ``YYYY-MM-DD`` field holding today's date unless the room says otherwise."""

    def __init__(self, *, placeholder: str, id: str) -> None:
        super().__init__(today(), placeholder=placeholder, id=id, compact=True)

    def reset(self) -> None:
        """Show today's date again."""
        self.value = today()


def today() -> str:
    """Today as the field writes a date."""
    return dt.date.today().isoformat()
