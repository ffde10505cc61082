"""The Textual application: holds the open session and is the one way to change it.

``FagworkshopApp.apply(change_fn, ...)`` runs a change from
``fagworkshop.domain.changes``, shows a ``ChangeError`` as a message, and
schedules a debounced save off the UI thread. ``run_app`` is what the command
line starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypedDict, Unpack

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from fagworkshop import i18n, logfile
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.store import folders
from fagworkshop.store.reading import LoadedSession
from fagworkshop.tui import leaving, memory, opening, palette, signals, theme, undoing
from fagworkshop.tui.bindings import described
from fagworkshop.tui.controller import (
    SAVE_DELAY,
    Applied,
    Outcome,
    Refused,
)
from fagworkshop.tui.palette import WorkshopCommands
from fagworkshop.tui.saving import Saving
from fagworkshop.tui.screen import TEXT_FIELDS, WorkshopScreen
from fagworkshop.tui.theme import HIGH_CONTRAST
from fagworkshop.tui.widgets.choice import ChoiceModal

__all__ = [
    "HIGH_CONTRAST",
    "SAVE_DELAY",
    "TEXT_FIELDS",
    "FagworkshopApp",
    "WorkshopScreen",
    "run_app",
]

log = logfile.logger(__name__)


class FagworkshopApp(Saving):
    """Fagworkshop: the seven-step competence workshop on screen."""

    CSS_PATH = "app.tcss"
    TITLE = "Fagworkshop"
    COMMANDS = App.COMMANDS | {WorkshopCommands}

    BINDINGS = [
        described("f1", "help", "key.help", priority=True),
        described("f2", "toggle_panel", "key.panel", priority=True),
        described("ctrl+pageup", "previous_step", "key.prev", priority=True, show=False),
        described("ctrl+pagedown", "next_step", "key.next", priority=True, show=False),
        described("f9", "toggle_contrast", "key.contrast", priority=True),
        described("ctrl+l", "toggle_language", "key.language", priority=True),
        described("ctrl+q", "quit", "key.quit", priority=True),
        # ctrl+c quits the same way (it saves first); Textual's own only says how to quit
        described("ctrl+c", "quit", "key.quit", priority=True, show=False),
        described("ctrl+z", "undo", "key.undo", priority=True),
        # not priority: the plan form's own ctrl+s saves its action first
        described("ctrl+s", "save_now", "key.save", show=False),
        described("ctrl+y", "redo", "key.redo", priority=True),
        # Textual adds its own palette binding, named "palette" in English, unless the app
        # has one: this one gives the footer's palette key a text in the UI's language
        described(
            App.COMMAND_PALETTE_BINDING, "command_palette", "key.palette", priority=True, show=False
        ),
        *[
            Binding(str(n), f"go_to_step({n})", f"{n}", show=False, id=f"step-{n}")
            for n in range(1, 8)
        ],
    ]

    def __init__(
        self,
        sessions_dir: Path | None = None,
        path: Path | None = None,
        session: Session | None = None,
        read_only: bool = False,
        lang: str | None = None,
        loaded: LoadedSession | None = None,
        prebuild_views: bool = False,
    ) -> None:
        if lang:
            i18n.set_language(lang)
        super().__init__()
        #: Build the other steps' views in idle time (``tui.prebuild``; the program does).
        self.prebuild_views = prebuild_views
        self.register_theme(theme.high_contrast_theme())
        self.sessions_dir = sessions_dir
        self.controller = None
        self._step_switches = 0  # go_to_step changes, which no step view shows
        self._read_only_start = read_only
        self.panel_visible = True
        self.panel_chosen = False  # True once the user toggled the panel
        self.timebox_ends: dict[int, float] = {}
        self.conflict_offered = False
        self._previous_theme = "textual-dark"
        self._start_path = path
        self._start_session = session
        self._start_loaded = loaded  # read by the command line, with its stamp

    # --- start and stop -------------------------------------------------------

    def on_mount(self) -> None:
        self.title = t("app.title")
        theme.restore_theme(self)
        self.theme_changed_signal.subscribe(self, theme.remember_theme)
        signals.install_signal_handlers(self)
        if self._start_loaded is not None:
            self.open_or_ask(self._start_path, read_only=self.read_only, loaded=self._start_loaded)
        elif self._start_path is not None or self._start_session is not None:
            self.open_or_ask(self._start_path, self._start_session, self.read_only)
        else:
            self.go_home_screen()

    # --- theme and palette (Textual's own commands in the UI's language) --------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, translated (``tui.palette``)."""
        return palette.system_commands(self, screen)

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, its search box in the UI's language."""
        palette.open_palette(self)

    def go_home_screen(self) -> None:
        """Put the home screen in place of whatever main screen is showing."""
        opening.go_home(self)

    def open_or_ask(
        self,
        path: Path | None,
        session: Session | None = None,
        read_only: bool = False,
        loaded: LoadedSession | None = None,
    ) -> None:
        """Open a session; offer it read-only when it is locked elsewhere (``tui.opening``)."""
        opening.open_or_ask(self, path, session, read_only, loaded=loaded)

    def open_session(
        self, path: Path | None, session: Session | None = None, read_only: bool = False
    ) -> bool:
        """Open a session and show its step; raises ``SessionLocked`` (``tui.opening``)."""
        return opening.open_session(self, path, session, read_only)

    def close_session(self, save: bool = True) -> None:
        """Save what is unsaved (unless ``save`` is False), release the lock, forget it."""
        ctl = self.controller
        if ctl is None:
            return
        if save:
            self.flush_view()
            ctl.save_now()
        ctl.close()
        self.controller = None
        memory.release()

    async def action_quit(self) -> None:
        """Quit after saving; when that cannot be done, ask (never a silent exit).

        On the quit question itself ctrl+q does nothing (it is the question). On any
        other question (the outside change, an export over a file) it answers as Esc
        would and goes on quitting, which asks again if edits would be lost."""
        screen = self.screen
        if isinstance(screen, ChoiceModal):
            if screen.leaving:
                return
            screen.answer(screen.cancel)
            self.call_later(leaving.leave, self, self._end, close=False)  # after its answer
            return
        leaving.leave(self, self._end, close=False)

    _closing_at_end = False

    def _end(self) -> None:
        """Exit; the session (saved by ``leave``) is closed once the app has ended."""
        self._closing_at_end = True
        self.exit()

    def on_unmount(self) -> None:
        """The app has ended: close a session that quitting left open (``_end``), saving
        anything changed since (its views were drawn to the end, not torn down half-way).

        The collector is given back as the app found it: a step switch's hold waits for a
        frame that does not come when the app ends first (``memory.hold``)."""
        ctl = self.controller
        if ctl is not None and self._closing_at_end:
            ctl.save_now()
            self.close_session(save=False)  # saved above, without flushing the views
        memory.resume()
        memory.release()

    def action_home(self) -> None:
        """Close the workshop and go to the home screen (asking first if edits would be lost)."""
        leaving.leave(self, self.go_home_screen)

    def save_copy(self) -> Path | None:
        """Write what is on screen as a copy (``tui.leaving.save_copy``); its path or None."""
        return leaving.save_copy(self)

    def _on_exit_signal(self, sig: int) -> None:
        """SIGHUP or SIGTERM: save, then end (``tui.signals``)."""
        signals.on_exit_signal(self, sig)

    # --- the one way to change the session ----------------------------------

    def apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Apply a change to the session, then save and refresh the screen.

        Returns what the change returned, or None when it was refused (the reason
        is shown as a message). :meth:`try_apply` returns the typed outcome.
        """
        outcome = self.try_apply(change_fn, *args, **kwargs)
        return outcome.value if isinstance(outcome, Applied) else None

    def try_apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Outcome:
        """Apply a change: ``Applied(value)`` or ``Refused(reason)`` (shown as a message)."""
        ctl = self.controller
        if ctl is None:
            return Refused(t("change.no_session"))
        outcome = ctl.apply(change_fn, *args, **kwargs)
        if isinstance(outcome, Refused):
            self.notify(outcome.reason, severity="error", markup=False)
            return outcome
        self.refresh_views(outcome.aspect)
        self._name_undo()
        return outcome

    # --- undo and redo -----------------------------------------------------------

    def action_undo(self) -> None:
        """Ctrl+Z: take back the last change, on any step; says what was taken back."""
        undoing.undo_or_redo(self, undo=True)

    def action_redo(self) -> None:
        """Ctrl+Y: do again what was taken back."""
        undoing.undo_or_redo(self, undo=False)

    #: The ctrl+z text the footer was last asked to show.
    _undo_shown: str | None = None

    def named_keys(self) -> dict[str, str]:
        """Footer texts by binding id that say more than the key's name: ctrl+z names
        what it would take back ("Fortryd: niveau for AP på B3"). The screens pass them
        to ``bindings.in_language``."""
        ctl = self.controller
        label = ctl.undo_label if ctl is not None else None
        text = t("key.undo_named", what=label) if label else t("key.undo")
        if len(text) > 40:
            text = text[:39] + "…"
        return {"key.undo": text}

    def _name_undo(self) -> None:
        """Draw the footer again when what ctrl+z would take back has changed."""
        text = self.named_keys()["key.undo"]
        if text != self._undo_shown:
            self._undo_shown = text
            self.refresh_bindings()

    def action_help(self) -> None:
        """F1: help for the current step."""
        from fagworkshop.tui.help import HelpScreen  # 8 ms at start-up, only when F1 is pressed

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.current_step if self.session else None))

    def action_toggle_contrast(self) -> None:
        """Switch the high-contrast projector theme on or off."""
        if self.theme == HIGH_CONTRAST:
            self.theme = self._previous_theme
        else:
            self._previous_theme = self.theme
            self.theme = HIGH_CONTRAST

    def action_toggle_language(self) -> None:
        """Switch between Danish and English and draw everything again."""
        self.flush_view()
        i18n.set_language("en" if i18n.language() == "da" else "da")
        self.title = t("app.title")
        for screen in self.screen_stack:
            if hasattr(screen, "relabel"):
                screen.relabel()
        workshop = self._workshop_screen()
        if workshop is not None and self.session is not None:
            self.show_step(self.current_step, remember=False)
            self.update_save_status()
            if workshop.builder is not None:
                workshop.builder.start()  # the other steps again, in the new language
        self._name_undo()
        self.refresh_bindings()  # the footers look their texts up again (tui.bindings)


class AppOptions(TypedDict, total=False):
    """What ``run_app`` passes on to :class:`FagworkshopApp` besides the folder, by name.

    ``loaded``: a file the command line has read (``store.reading.load_session_file``),
    opened with the stamp of the bytes it read. A misspelt name is a type error, and a
    ``TypeError`` from the constructor when it runs."""

    path: Path | None
    session: Session | None
    read_only: bool
    lang: str | None
    loaded: LoadedSession | None


def run_app(sessions_dir: Path | None = None, **options: Unpack[AppOptions]) -> int:
    """Start the app (what ``fagworkshop`` runs); returns the exit code."""
    folder = Path(sessions_dir) if sessions_dir is not None else folders.sessions_dir()
    memory.ease_collector()
    # the program builds the other steps' views in idle time (tui.prebuild)
    app = FagworkshopApp(sessions_dir=folder, prebuild_views=True, **options)
    try:
        app.run()
    finally:
        memory.resume()  # if no step was drawn (a question first, an error)
        app.close_session()
    return app.return_code or 0
