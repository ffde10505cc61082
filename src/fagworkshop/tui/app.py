"""The Textual application: holds the open session and is the one way to change it.

``FagworkshopApp.apply(change_fn, ...)`` runs a change from
``fagworkshop.domain.changes``, shows a ``ChangeError`` as a message, and
schedules a debounced save off the UI thread. ``run_app`` is what the command
line starts.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from fagworkshop import i18n
from fagworkshop.domain import changes
from fagworkshop.domain.changes import ChangeError
from fagworkshop.domain.session import Session, Step
from fagworkshop.i18n import t
from fagworkshop.tui.palette import WorkshopCommands
from fagworkshop.tui.widgets.step_bar import StepBar

#: Seconds between the last change and the save.
SAVE_DELAY = 0.3

HIGH_CONTRAST = "fagworkshop-kontrast"


def _high_contrast_theme() -> Any:
    from textual.theme import Theme

    return Theme(
        name=HIGH_CONTRAST,
        primary="#FFFF00",
        secondary="#00FFFF",
        accent="#FFFF00",
        foreground="#FFFFFF",
        background="#000000",
        surface="#000000",
        panel="#1A1A1A",
        boost="#333333",
        warning="#FFAA00",
        error="#FF5555",
        success="#55FF55",
        dark=True,
        variables={
            "block-cursor-background": "#FFFF00",
            "block-cursor-foreground": "#000000",
            "block-cursor-text-style": "bold",
            "border": "#FFFF00",
            "border-blurred": "#AAAAAA",
            "footer-key-foreground": "#FFFF00",
            "input-selection-background": "#FFFF00 40%",
            "text-muted": "#DDDDDD",
        },
    )


def _binding(key: str, action: str, text_key: str, **kwargs: Any) -> Binding:
    """A binding whose description is an i18n key (relabelled on a language switch)."""
    return Binding(key, action, t(text_key), id=text_key, **kwargs)


def relabel(bindings: Any) -> None:
    """Re-translate the descriptions of bindings made with ``_binding``."""
    for key, items in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            dataclasses.replace(b, description=t(b.id)) if b.id and i18n.has(b.id) else b
            for b in items
        ]


class WorkshopScreen(Screen[None]):
    """The screen of an open workshop: step bar, the current step, save status."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="top-row"):
            yield StepBar(id="step-bar")
            yield Static("", id="save-status", markup=False)
        yield Static("", id="save-banner", markup=False)
        yield Container(id="step-host")
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        assert isinstance(app, FagworkshopApp)
        self.query_one("#save-banner").display = False
        if not app.panel_chosen:
            # below 100 columns the step's own work needs the width; F2 shows the panel
            app.panel_visible = app.size.width >= 100
        app.show_step(app.current_step, remember=False)
        app.update_save_status()


def _refused_value(err: ValidationError) -> str:
    """The first problem of a refused value as a message (field and what is wrong)."""
    from fagworkshop.store.errors import loc_to_place, pydantic_message, render, terminal_safe

    first = err.errors(include_url=False)[0]
    place = loc_to_place(first.get("loc", ()))
    reason = render(pydantic_message(dict(first)))
    return terminal_safe(t("change.refused_value", place=place, reason=reason))


class FagworkshopApp(App[None]):
    """Fagworkshop: the seven-step competence workshop on screen."""

    CSS_PATH = "app.tcss"
    TITLE = "Fagworkshop"
    COMMANDS = App.COMMANDS | {WorkshopCommands}

    BINDINGS = [
        _binding("f1", "help", "key.help", priority=True),
        _binding("f2", "toggle_panel", "key.panel", priority=True),
        _binding("ctrl+pageup", "previous_step", "key.prev", priority=True, show=False),
        _binding("ctrl+pagedown", "next_step", "key.next", priority=True, show=False),
        _binding("f9", "toggle_contrast", "key.contrast", priority=True),
        _binding("ctrl+l", "toggle_language", "key.language", priority=True),
        _binding("ctrl+q", "quit", "key.quit", priority=True),
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
    ) -> None:
        if lang:
            i18n.set_language(lang)
        super().__init__()
        self.register_theme(_high_contrast_theme())
        self.sessions_dir = sessions_dir
        self.session: Session | None = None
        self.session_path: Path | None = None
        self.read_only = read_only
        self.panel_visible = True
        self.panel_chosen = False  # True once the user toggled the panel
        self.saved_at: float | None = None
        self.save_error: str | None = None
        self.timebox_ends: dict[int, float] = {}
        self._lock: Any = None
        self._version = 0
        self._saved_version = 0
        self._write_lock = threading.Lock()
        self._written_version = 0
        self._save_timer: Any = None
        self._previous_theme = "textual-dark"
        self._start_path = path
        self._start_session = session

    # --- start and stop -------------------------------------------------------

    def on_mount(self) -> None:
        self.title = t("app.title")
        if self._start_path is not None or self._start_session is not None:
            self.open_or_ask(self._start_path, self._start_session, self.read_only)
        else:
            self.go_home_screen()

    def go_home_screen(self) -> None:
        """Put the home screen in place of whatever main screen is showing."""
        from fagworkshop.tui.home import HomeScreen

        self._replace_main(HomeScreen())

    def _replace_main(self, screen: Screen[Any]) -> None:
        from fagworkshop.tui.home import HomeScreen

        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, (HomeScreen, WorkshopScreen)):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_or_ask(
        self, path: Path | None, session: Session | None = None, read_only: bool = False
    ) -> None:
        """Open a session; when it is locked elsewhere offer it read-only or refuse.

        Any other store problem is shown as an error message (the home screen stays).
        """
        from fagworkshop.store import SessionLocked, StoreError
        from fagworkshop.tui.widgets.confirm import ConfirmModal

        try:
            self.open_session(path, session, read_only)
        except SessionLocked as err:

            def answer(yes: bool | None) -> None:
                if yes:
                    self.open_or_ask(path, session, read_only=True)
                else:
                    self.notify(t("home.locked_refused"), severity="warning", markup=False)

            if len(self.screen_stack) < 2:
                self.go_home_screen()
            self.push_screen(ConfirmModal(t("home.locked_ask", reason=err.describe())), answer)
        except StoreError as err:
            self.notify(err.describe(), severity="error", markup=False, timeout=15)
            if len(self.screen_stack) < 2:
                self.go_home_screen()

    def open_session(
        self, path: Path | None, session: Session | None = None, read_only: bool = False
    ) -> bool:
        """Open a session (loading it from ``path`` when not given) and show its step.

        Takes the session lock unless read-only; a ``SessionLocked`` is raised to the
        caller (the home screen offers read-only). Returns whether it opened.
        """
        from fagworkshop import store

        self.close_session()
        lock = None
        if path is not None and not read_only:
            lock = store.SessionLock(path)
            lock.acquire()
        try:
            if session is None:
                assert path is not None
                session = store.load_session(path)
        except Exception:
            if lock is not None:
                lock.release()
            raise
        self._lock = lock
        self.session = session
        self.session_path = Path(path) if path is not None else None
        self.read_only = read_only
        self._version = self._saved_version = self._written_version = 0
        self.saved_at = None
        self.save_error = None
        self.timebox_ends.clear()
        self.sub_title = session.title
        self._replace_main(WorkshopScreen())
        return True

    def close_session(self) -> None:
        """Save what is unsaved, release the lock and forget the session."""
        if self.session is None:
            return
        self.flush_view()
        self.save_now_sync()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.session = None
        self.session_path = None

    async def action_quit(self) -> None:
        """Quit after saving whatever is not saved yet."""
        self.close_session()
        self.exit()

    def action_home(self) -> None:
        """Close the workshop and go to the home screen."""
        self.close_session()
        self.go_home_screen()

    # --- the one way to change the session ----------------------------------

    def apply(self, change_fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Apply a change to the session, then save (debounced) and refresh the screen.

        A ``ChangeError`` is shown as an error message and None is returned.
        """
        if self.session is None:
            return None
        try:
            result = change_fn(self.session, *args, **kwargs)
        except ChangeError as err:
            self.notify(t(err.key, **err.params), severity="error", markup=False)
            return None
        except ValidationError as err:  # a value a model refuses: a pasted text too long, say
            self.notify(_refused_value(err), severity="error", markup=False)
            return None
        changes.touch(self.session)
        self._version += 1
        self.schedule_save()
        self.refresh_views()
        return result

    def refresh_views(self) -> None:
        """Refresh the step bar and the current step view from the session."""
        screen = self._workshop_screen()
        if screen is not None:
            for bar in screen.query(StepBar):
                bar.refresh_from_session()
        view = self.current_view()
        if view is not None:
            view.refresh_from_session()

    def current_view(self) -> Any:
        """The step view on screen, if any."""
        from fagworkshop.tui.steps.base import StepView

        screen = self._workshop_screen()
        if screen is None:
            return None
        found = screen.query(StepView)
        return found.first() if found else None

    def flush_view(self) -> None:
        """Ask the step view to apply anything it holds back (typing in the notes)."""
        for screen in self.screen_stack:
            from fagworkshop.tui.steps.base import StepView

            for view in screen.query(StepView):
                view.flush_pending()

    # --- saving ---------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet on disk."""
        return self._version != self._saved_version

    def schedule_save(self) -> None:
        """Save ``SAVE_DELAY`` seconds after the last change."""
        if self.read_only or self.session_path is None:
            self.update_save_status()
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._start_save)
        self.update_save_status()

    def _start_save(self) -> None:
        self._save_timer = None
        if self.session is None or self.session_path is None or not self.dirty:
            return
        from fagworkshop.domain.changes import backup_purge_pending
        from fagworkshop.store.writing import session_snapshot

        # plain data, not model_copy(deep=True): 4 ms instead of 180 ms at 300 staff
        snapshot = session_snapshot(self.session)
        purge = backup_purge_pending(self.session)
        self._save_worker(snapshot, self.session_path, self._version, purge)

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def _save_worker(
        self, snapshot: Session | dict[str, Any], path: Path, version: int, purge: bool
    ) -> None:
        error = self._write(snapshot, path, version, purge)
        self.call_from_thread(self._save_done, version, error, purge)

    def _write(
        self, snapshot: Session | dict[str, Any], path: Path, version: int, purge: bool
    ) -> str | None:
        """Write a snapshot unless a newer one is already on disk; the error text or None."""
        from fagworkshop.store import SaveFailed, save_session

        with self._write_lock:
            if version <= self._written_version:
                return None
            try:
                save_session(snapshot, path, purge_backup=purge)
            except SaveFailed as err:
                return err.describe()
            except OSError as err:  # the store should wrap these; never lose the app
                return str(err)
            self._written_version = version
            return None

    def _save_done(self, version: int, error: str | None, purge: bool) -> None:
        if error is not None:
            self.save_error = error
        else:
            self.save_error = None
            self.saved_at = time.time()
            self._saved_version = max(self._saved_version, version)
            if purge and self.session is not None:
                changes.backup_purged(self.session)
        self.update_save_status()

    def save_now_sync(self) -> bool:
        """Save at once on this thread (on quit); whether the file is up to date."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.read_only or self.session is None or self.session_path is None or not self.dirty:
            return not self.dirty
        from fagworkshop.domain.changes import backup_purge_pending

        purge = backup_purge_pending(self.session)
        error = self._write(self.session, self.session_path, self._version, purge)
        self._save_done(self._version, error, purge)
        return error is None

    def action_save_now(self) -> None:
        """Save at once (command palette)."""
        if self.session is not None and not self.read_only:
            self._version += 1
            self.save_now_sync()

    def update_save_status(self) -> None:
        """Show when the session was last saved, a failed save, or read-only mode."""
        screen = self._workshop_screen()
        if screen is None:
            return
        status = screen.query_one("#save-status", Static)
        banner = screen.query_one("#save-banner", Static)
        if self.read_only:
            banner.update(t("save.read_only"))
            banner.display = True
            banner.set_class(True, "-read-only")
            status.update(t("save.read_only_change"))
            return
        banner.set_class(False, "-read-only")
        if self.save_error:
            banner.update(t("save.failed_banner", reason=self.save_error))
            banner.display = True
        else:
            banner.display = False
        if self.session_path is None:
            status.update(t("save.no_file"))
        elif self.dirty and self._save_timer is not None:
            status.update(t("save.pending"))
        elif self.saved_at is not None:
            status.update(
                t("save.saved_at", time=time.strftime("%H:%M:%S", time.localtime(self.saved_at)))
            )
        else:
            status.update(t("save.not_yet"))

    def _workshop_screen(self) -> WorkshopScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WorkshopScreen):
                return screen
        return None

    # --- steps ------------------------------------------------------------------

    @property
    def current_step(self) -> Step:
        """The step the team is on."""
        return Step(self.session.current_step if self.session else 1)

    def show_step(self, step: int, remember: bool = True) -> None:
        """Show a step; ``remember`` records it in the session (go_to_step)."""
        from fagworkshop.tui.steps import create_step_view

        screen = self._workshop_screen()
        if screen is None or self.session is None:
            return
        if remember and step != self.session.current_step:
            self.flush_view()
            self.apply(changes.go_to_step, step)
        host = screen.query_one("#step-host", Container)
        host.remove_children()
        view = create_step_view(Step(step))
        view.set_class(not self.panel_visible, "-panel-hidden")
        host.mount(view)
        for bar in screen.query(StepBar):
            bar.refresh_from_session()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"go_to_step", "previous_step", "next_step", "toggle_panel"}:
            return self.session is not None and isinstance(self.screen, WorkshopScreen)
        return True

    def action_go_to_step(self, step: int) -> None:
        self.show_step(int(step))

    def action_previous_step(self) -> None:
        if self.session is not None and self.session.current_step > 1:
            self.show_step(self.session.current_step - 1)

    def action_next_step(self) -> None:
        if self.session is not None and self.session.current_step < 7:
            self.show_step(self.session.current_step + 1)

    def action_toggle_panel(self) -> None:
        """Show or hide the notes, decisions and timebox panel."""
        self.panel_visible = not self.panel_visible
        self.panel_chosen = True
        view = self.current_view()
        if view is not None:
            view.set_class(not self.panel_visible, "-panel-hidden")

    def action_help(self) -> None:
        """F1: help for the current step."""
        from fagworkshop.tui.help import HelpScreen

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
        relabel(self._bindings)
        for screen in self.screen_stack:
            relabel(screen._bindings)
            if hasattr(screen, "relabel"):
                screen.relabel()
        if self._workshop_screen() is not None and self.session is not None:
            self.show_step(self.current_step, remember=False)
            self.update_save_status()
        self.refresh_bindings()


def run_app(
    sessions_dir: Path | None = None,
    path: Path | None = None,
    session: Session | None = None,
    read_only: bool = False,
    lang: str | None = None,
) -> int:
    """Start the app (what ``fagworkshop`` runs); returns the exit code."""
    from fagworkshop import store

    folder = Path(sessions_dir) if sessions_dir is not None else store.sessions_dir()
    app = FagworkshopApp(
        sessions_dir=folder, path=path, session=session, read_only=read_only, lang=lang
    )
    try:
        app.run()
    finally:
        app.close_session()
    return app.return_code or 0
