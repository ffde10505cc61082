"""What the backup (sikkerhedskopi) ``NAME.toml.bak`` of a file holds, as a message names it.

Apart from ``store.errors``, which every command imports: a dataclass and datetime
are for the commands that read session files, not for ``--help`` (issue 13).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fagworkshop.i18n import t
from fagworkshop.store.terminal_text import terminal_safe


@dataclass(frozen=True)
class BackupInfo:
    """What the backup ``NAME.toml.bak`` of a file holds, as a cut-short message names it.

    ``saved_at`` is when the backup's version was written (its modification
    time); ``people`` and ``ratings`` count its staff and rating cells. When the
    backup cannot be opened, ``problem`` says why and the counts are None.
    """

    path: Path
    saved_at: dt.datetime | None
    people: int | None = None
    ratings: int | None = None
    problem: str | None = None

    @property
    def usable(self) -> bool:
        """Whether the backup opens as a session."""
        return self.problem is None

    def describe(self) -> str:
        """One line: where the backup is, when it was saved and what it holds."""
        when = self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if self.saved_at else "?"
        if self.problem is not None:
            return terminal_safe(
                t("store.truncated.backup_bad", backup=str(self.path), reason=self.problem)
            )
        return terminal_safe(
            t(
                "store.truncated.backup",
                backup=str(self.path),
                saved_at=when,
                people=self.people,
                ratings=self.ratings,
            )
        )
