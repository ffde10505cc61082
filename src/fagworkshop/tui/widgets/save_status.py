"""The save status (gemt-status) and the banner over the step: what the file holds.

Both show one :class:`SaveInfo`, a reactive the workshop screen binds them to; the
app sets it after every change and every save, and never writes into the widgets.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.cells import cell_len
from textual.reactive import reactive
from textual.widgets import Static

from fagworkshop.i18n import t
from fagworkshop.tui.controller import SessionController
from fagworkshop.tui.save_store import Conflict, SaveState


@dataclass(frozen=True)
class SaveInfo:
    """What the status line and the banner say, as plain data."""

    state: SaveState = SaveState.NO_FILE
    saved_at: float | None = None  # time.time() of the last write
    error: str | None = None  # why the last save failed
    lock_lost: bool = False  # blocked because the lock is no longer ours

    @classmethod
    def of(cls, ctl: SessionController | None) -> SaveInfo:
        """The save state of the open session (NO_FILE when there is none)."""
        if ctl is None:
            return cls()
        return cls(ctl.state, ctl.saved_at, ctl.save_error, ctl.conflict is Conflict.LOCK)


class SaveLine(Static):
    """A line that shows the save state it is bound to (``info``), in the current language."""

    info: reactive[SaveInfo] = reactive(SaveInfo, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def on_mount(self) -> None:
        self.watch_info(self.info)

    def watch_info(self, info: SaveInfo) -> None:
        """Show ``info`` (each line says it its own way)."""
        raise NotImplementedError

    def relabel(self) -> None:
        """Say it again in the current language."""
        self.watch_info(self.info)


class SaveStatus(SaveLine):
    """One line: when the session was saved, or that it is not (yet).

    While typing it says "Gemmer …" and "Gemt HH:MM:SS" by turns, several times a
    minute: it keeps one width for both (``min-width``), so neither the step bar beside
    it nor the screen's layout changes at each save (a layout of the whole screen and a
    redraw of the step bar, twice a save, keys waiting behind them).
    """

    #: Cells of text the status holds without growing (its CSS min-width, less padding).
    STEADY = 14

    DEFAULT_CSS = """
    SaveStatus { min-width: 16; }
    """

    def __init__(self, *, id: str | None = "save-status") -> None:
        super().__init__(id=id)
        self._shown = ""

    def watch_info(self, info: SaveInfo) -> None:
        state = info.state
        if state is SaveState.READ_ONLY:
            text = t("save.read_only_change")
        elif state is SaveState.BLOCKED:
            text = t("save.blocked_status")
        elif state is SaveState.FAILED:
            text = t("save.failed_status")
        elif state is SaveState.NO_FILE:
            text = t("save.no_file")
        elif state is SaveState.PENDING:
            text = t("save.pending")
        elif state is SaveState.SAVED and info.saved_at is not None:
            text = t("save.saved_at", time=time.strftime("%H:%M:%S", time.localtime(info.saved_at)))
        else:
            text = t("save.not_yet")
        steady = max(cell_len(text), cell_len(self._shown)) <= self.STEADY
        self._shown = text
        self.update(text, layout=not steady)


class SaveBanner(SaveLine):
    """A line over the step when nothing is saved: read-only, a failed save, or blocked."""

    def __init__(self, *, id: str | None = "save-banner") -> None:
        super().__init__(id=id)

    def watch_info(self, info: SaveInfo) -> None:
        state = info.state
        self.set_class(state is SaveState.READ_ONLY, "-read-only")
        self.display = state in (SaveState.READ_ONLY, SaveState.FAILED, SaveState.BLOCKED)
        if state is SaveState.READ_ONLY:
            self.update(t("save.read_only"))
        elif state is SaveState.BLOCKED:
            self.update(t("save.blocked_lock" if info.lock_lost else "save.blocked_outside"))
        elif state is SaveState.FAILED:
            self.update(t("save.failed_banner", reason=info.error or ""))
