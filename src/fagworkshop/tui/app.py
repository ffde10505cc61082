"""The Textual application: holds the open session and is the one way to change it.

``FagworkshopApp.apply(change_fn, ...)`` runs a change from
``fagworkshop.domain.changes``, shows a ``ChangeError`` as a message, and
schedules a debounced save off the UI thread. ``run_app`` is what the command
line starts.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Select, Static, TextArea

from fagworkshop import i18n, logfile
from fagworkshop.domain import changes
from fagworkshop.domain.session import Session, Step
from fagworkshop.i18n import t
from fagworkshop.tui.controller import (
    SAVE_DELAY,
    Applied,
    Cancellable,
    Conflict,
    Outcome,
    Refused,
    SaveJob,
    SaveResult,
    SaveState,
    SessionController,
)
from fagworkshop.tui.palette import WorkshopCommands
from fagworkshop.tui.widgets.quick_footer import QuickFooter
from fagworkshop.tui.widgets.step_bar import StepBar

__all__ = ["SAVE_DELAY", "FagworkshopApp", "run_app"]

log = logging.getLogger(__name__)

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


#: Widgets where every printable key types (Esc leaves them for the step's main list).
TEXT_FIELDS: tuple[type[Widget], ...] = (Input, TextArea, Select)


class WorkshopScreen(Screen[None]):
    """The screen of an open workshop: step bar, the current step, save status.

    The focus rule (fokus): in a text field every printable key types; Esc leaves it for
    the step's main list or grid, and Esc there lets go of the keyboard, so digits move
    between steps. Nothing is focused behind the facilitator's back: no auto-focus when
    the palette, a dialog or the help closes (the widget that had the focus keeps it,
    its text not selected), and Tab skips containers that only scroll and widgets that
    are not drawn.
    """

    # Auto-focus on resume put the first field (jobcenter) under the cursor, text selected.
    AUTO_FOCUS = ""

    BINDINGS = [Binding("escape", "leave_field", show=False)]

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        if isinstance(widget, Input):
            # Tab into a field must not select its text: the next digit replaced it, saved
            # (walked in a real terminal: Tab, 3 made the jobcenter "3")
            widget.select_on_focus = False
        super().set_focus(widget, scroll_visible, from_app_focus)

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab's order, without containers that only scroll and widgets not drawn."""
        from textual.containers import ScrollableContainer
        from textual.scroll_view import ScrollView

        app = self.app
        view = app.current_view() if isinstance(app, FagworkshopApp) else None
        main = view.main_widget() if view is not None else None

        def worth_a_stop(widget: Widget) -> bool:
            if widget is self.focused or widget is main or widget.has_class("-scroll-stop"):
                return True  # "-scroll-stop": a list that scrolls by keyboard (step 5)
            if widget.region.area == 0:
                return False
            return not (
                isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView)
            )

        return [w for w in super().focus_chain if worth_a_stop(w)]

    def action_leave_field(self) -> None:
        """Esc: from a text field to the step's main list; from anywhere else, let go."""
        focused = self.focused
        app = self.app
        view = app.current_view() if isinstance(app, FagworkshopApp) else None
        main = view.main_widget() if view is not None else None
        if isinstance(focused, TEXT_FIELDS) and main is not None and main is not focused:
            main.focus()
        else:
            self.set_focus(None)


    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="top-row"):
            yield StepBar(id="step-bar")
            yield Static("", id="save-status", markup=False)
        yield Static("", id="save-banner", markup=False)
        yield Container(id="step-host")
        yield QuickFooter()  # Textual's Footer, rebuilt only when its keys change

    def on_mount(self) -> None:
        app = self.app
        assert isinstance(app, FagworkshopApp)
        self.query_one("#save-banner").display = False
        if not app.panel_chosen:
            # below 100 columns the step's own work needs the width; F2 shows the panel
            app.panel_visible = app.size.width >= 100
        app.show_step(app.current_step, remember=False)
        app.update_save_status()


class _Handle:
    """An asyncio timer handle with the ``stop()`` the controller calls."""

    def __init__(self, handle: asyncio.TimerHandle | None) -> None:
        self.handle = handle

    def stop(self) -> None:
        if self.handle is not None:
            self.handle.cancel()


class _Host:
    """What the session controller needs from the app: Textual timers, a thread worker
    for the save, and the status line."""

    def __init__(self, app: FagworkshopApp) -> None:
        self.app = app

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        # Not app.set_timer: Textual 8.2's one-shot timer skips its callback altogether
        # when the event loop reaches it late (Timer._run with skip=True), and with a
        # delay of 0 it divides by zero; under load a due save was silently never started.
        # The asyncio handle keeps the context it was made in (the active app).
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app has ended (a last save on the way out): no timers
            return _Handle(None)
        return _Handle(loop.call_later(max(0.0, delay), callback))

    def run_save(self, job: SaveJob) -> None:
        self.app._save_worker(job)

    def save_state_changed(self) -> None:
        self.app.update_save_status()


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
        # ctrl+c quits the same way (it saves first); Textual's own only says how to quit
        _binding("ctrl+c", "quit", "key.quit", priority=True, show=False),
        _binding("ctrl+z", "undo", "key.undo", priority=True),
        # not priority: the plan form's own ctrl+s saves its action first
        _binding("ctrl+s", "save_now", "key.save", show=False),
        _binding("ctrl+y", "redo", "key.redo", priority=True),
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
        #: The open session's controller (version, save, lock, undo); None on the home screen.
        self.controller: SessionController | None = None
        self._step_switches = 0  # go_to_step changes, which no step view shows
        self._read_only_start = read_only
        self.panel_visible = True
        self.panel_chosen = False  # True once the user toggled the panel
        self.timebox_ends: dict[int, float] = {}
        self._conflict_offered = False
        self._previous_theme = "textual-dark"
        self._start_path = path
        self._start_session = session

    # --- start and stop -------------------------------------------------------

    def on_mount(self) -> None:
        self.title = t("app.title")
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._install_signal_handlers()
        if self._start_path is not None or self._start_session is not None:
            self.open_or_ask(self._start_path, self._start_session, self.read_only)
        else:
            self.go_home_screen()

    # --- theme and palette (Textual's own commands in the UI's language) --------

    def _restore_theme(self) -> None:
        from fagworkshop.store.settings import load_settings

        theme = load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def _remember_theme(self, theme: Any) -> None:
        from fagworkshop.store.settings import save_setting

        save_setting("theme", str(getattr(theme, "name", theme)))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, translated; no Screenshot (it writes names to
        ~/Downloads, readable by others)."""
        yield SystemCommand(t("palette.theme"), t("palette.theme_help"), self.search_themes)
        yield SystemCommand(t("palette.quit"), t("palette.quit_help"), self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand(
                t("palette.keys_hide"), t("palette.keys_hide_help"), self.action_hide_help_panel
            )
        else:
            yield SystemCommand(
                t("palette.keys"), t("palette.keys_help"), self.action_show_help_panel
            )
        if screen.maximized is not None:
            yield SystemCommand(
                t("palette.minimize"), t("palette.minimize_help"), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                t("palette.maximize"), t("palette.maximize_help"), screen.action_maximize
            )

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, its search box in the UI's language."""
        from textual.command import CommandPalette

        # is_open() is typed for App[object]; App is invariant in its return type
        open_now = CommandPalette.is_open(self)  # type: ignore[arg-type]
        if self.use_command_palette and not open_now:
            self.push_screen(
                CommandPalette(placeholder=t("palette.search"), id="--command-palette")
            )

    def search_themes(self) -> None:
        """The theme picker, its search box in the UI's language."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=t("palette.search_themes"))
        )

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
        edited_outside = False
        stamp: store.FileStamp | None
        try:
            if session is None:
                assert path is not None
                loaded = store.load_session_file(path)
                session, stamp, edited_outside = loaded.session, loaded.stamp, loaded.edited_outside
            else:
                stamp = store.file_stamp(path) if path is not None else None
        except Exception:
            if lock is not None:
                lock.release()
            raise
        self.controller = SessionController(
            session,
            Path(path) if path is not None else None,
            _Host(self),
            read_only=read_only,
            lock=lock,
            stamp=stamp,
        )
        self._conflict_offered = False
        self.timebox_ends.clear()
        self.sub_title = session.title
        self._replace_main(WorkshopScreen())
        if edited_outside:
            self.notify(t("save.edited_outside"), markup=False, timeout=10)
        return True

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

    async def action_quit(self) -> None:
        """Quit after saving; when that cannot be done, ask (never a silent exit)."""
        from fagworkshop.tui.widgets.choice import ChoiceModal

        if isinstance(self.screen, ChoiceModal):
            return  # the question is on screen already: answer it
        ctl = self.controller
        if ctl is not None:
            self.flush_view()
            ctl.save_now()
            if ctl.unsaved_on_quit:
                self._ask_before_quit(self.exit)
                return
        self.close_session()
        self.exit()

    def _ask_before_quit(self, then: Callable[[], object]) -> None:
        """Leaving would lose edits: save them as another file, leave without, or stay.

        ``then`` is what leaving means (quit, or go to the home screen)."""
        from fagworkshop.tui.widgets.choice import Choice, ChoiceModal

        ctl = self.controller
        assert ctl is not None
        if ctl.read_only:
            question = t("quit.question_read_only")
        elif ctl.conflict is not None:
            question = t("quit.question_conflict")
        else:
            question = t("quit.question_failed")
            if ctl.save_error:
                question = f"{question}\n{ctl.save_error}"
        choices = [
            Choice("save_as", t("quit.save_as"), "g"),
            Choice("discard", t("quit.discard"), "a"),
            Choice("stay", t("quit.stay"), "b"),
        ]

        def answer(choice: str | None) -> None:
            if choice == "save_as":
                target = self.save_copy()
                if target is None:
                    return  # the copy failed too: stay, the message says why
                self.close_session(save=False)
                then()
            elif choice == "discard":
                self.close_session(save=False)
                then()

        self.push_screen(ChoiceModal(question, choices, cancel="stay"), answer)

    def save_copy(self) -> Path | None:
        """Write what is on screen beside the file (``NAME (kopi).toml``), or else into the
        sessions folder; says where. Returns the path, or None when no copy could be made."""
        from fagworkshop import store

        ctl = self.controller
        if ctl is None or ctl.path is None:
            return None
        places = [ctl.path]
        if self.sessions_dir is not None:
            places.append(Path(self.sessions_dir) / ctl.path.name)
        error = ""
        for place in places:
            target = store.copy_path(place)
            problem = ctl.save_copy(target)
            if problem is None:
                self.notify(t("quit.saved_as", path=str(target)), markup=False, timeout=15)
                return target
            error = problem
        self.notify(t("quit.save_as_failed", reason=error), severity="error", markup=False)
        return None

    # --- signals: a closed terminal or a kill request saves first -------------------

    def _install_signal_handlers(self) -> None:
        """SIGHUP (terminal closed) and SIGTERM save what is on screen, then end cleanly.

        Not when headless (the Pilot): the handlers would outlive the test's app."""
        if self.is_headless:
            return
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._on_exit_signal, sig)
        except (RuntimeError, NotImplementedError, ValueError, AttributeError):
            pass  # not the main thread (a test) or no such signals here

    def _on_exit_signal(self, sig: int) -> None:
        """Save (or, when the file cannot take it, save a copy), then exit: never a question,
        there is nobody to answer it."""
        code = 128 + int(sig)
        # the terminal may be gone: never hang on it, whatever happens below (not in a
        # headless test, where ending the process would end the test run)
        if not self.is_headless:
            guard = threading.Timer(5.0, os._exit, args=(code,))
            guard.daemon = True
            guard.start()
        ctl = self.controller
        if ctl is not None:
            try:
                self.flush_view()
            except Exception as exc:  # noqa: BLE001 - a view half torn down must not stop the save
                logfile.caught(log, "flushing the view before quitting", exc)
            ctl.save_now()
            if ctl.unsaved_on_quit:
                self.save_copy()
        self.close_session(save=False)
        self.exit(return_code=code)

    def action_home(self) -> None:
        """Close the workshop and go to the home screen (asking first if edits would be lost)."""
        ctl = self.controller
        if ctl is not None:
            self.flush_view()
            ctl.save_now()
            if ctl.unsaved_on_quit:
                self._ask_before_quit(self.go_home_screen)
                return
        self.close_session()
        self.go_home_screen()

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
        self.refresh_views()
        self._name_undo()
        return outcome

    # --- undo and redo -----------------------------------------------------------

    def action_undo(self) -> None:
        """Ctrl+Z: take back the last change, on any step; says what was taken back."""
        self._undo_or_redo(undo=True)

    def action_redo(self) -> None:
        """Ctrl+Y: do again what was taken back."""
        self._undo_or_redo(undo=False)

    def _undo_or_redo(self, undo: bool) -> None:
        ctl = self.controller
        if ctl is None:
            return
        self.flush_view()
        step = ctl.session.current_step
        outcome = ctl.undo() if undo else ctl.redo()
        if isinstance(outcome, Refused):
            self.notify(outcome.reason, severity="warning", markup=False)
            return
        self.notify(
            t("undo.done" if undo else "redo.done", what=outcome.value), markup=False, timeout=4
        )
        self._name_undo()
        if ctl.session.current_step != step:
            self.show_step(ctl.session.current_step, remember=False)
            return
        self.refresh_views()
        # Views leave a focused field alone (it is being typed in): let go of it, show
        # the restored text once it has lost the focus, and give it the focus back;
        # otherwise the next key would type the undo away.
        field = self.focused
        if isinstance(field, (Input, TextArea)):
            self.screen.set_focus(None)
            self.call_after_refresh(self._refresh_then_refocus, field)

    def _refresh_then_refocus(self, field: Widget) -> None:
        self.refresh_views()
        if field.is_attached and self.focused is None:
            if isinstance(field, Input):
                field.select_on_focus = False
            field.focus()

    def _name_undo(self) -> None:
        """Name what ctrl+z would take back in the footer ("Fortryd: niveau for AP på B3")."""
        ctl = self.controller
        label = ctl.undo_label if ctl is not None else None
        text = t("key.undo_named", what=label) if label else t("key.undo")
        if len(text) > 40:
            text = text[:39] + "…"
        items = self._bindings.key_to_bindings.get("ctrl+z", [])
        if items and items[0].description != text:
            self._bindings.key_to_bindings["ctrl+z"] = [
                dataclasses.replace(b, description=text) for b in items
            ]
            self.refresh_bindings()

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
        # steps shown before stay mounted, hidden (tui.steps.show_step_view)
        return next((view for view in screen.query(StepView) if view.display), None)

    def flush_view(self) -> None:
        """Ask the step view to apply anything it holds back (typing in the notes)."""
        for screen in self.screen_stack:
            from fagworkshop.tui.steps.base import StepView

            for view in screen.query(StepView):
                view.flush_pending()

    # --- saving ---------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        """The open session (the controller's), or None."""
        return self.controller.session if self.controller is not None else None

    @property
    def session_path(self) -> Path | None:
        """The file the session is saved to, or None."""
        return self.controller.path if self.controller is not None else None

    @session_path.setter
    def session_path(self, path: Path | None) -> None:
        if self.controller is not None:
            self.controller.path = Path(path) if path is not None else None

    @property
    def read_only(self) -> bool:
        """Whether the session is open read-only (nothing is saved)."""
        if self.controller is not None:
            return self.controller.read_only
        return self._read_only_start

    @read_only.setter
    def read_only(self, value: bool) -> None:
        self._read_only_start = value

    @property
    def saved_at(self) -> float | None:
        """When the file was last written (``time.time()``), or None."""
        return self.controller.saved_at if self.controller is not None else None

    @property
    def save_error(self) -> str | None:
        """Why the last save failed, or None."""
        return self.controller.save_error if self.controller is not None else None

    @property
    def _version(self) -> int:
        return self.controller.version if self.controller is not None else 0

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet on disk."""
        return self.controller is not None and self.controller.dirty

    async def flush_saves(self) -> None:
        """Save what is pending now and wait until it is on disk (for tests: no pauses)."""
        self.flush_view()
        ctl = self.controller
        for _ in range(10):
            await self.workers.wait_for_complete()
            if ctl is None or ctl is not self.controller:
                return
            job = ctl.begin_save()
            if job is None:
                return
            self._save_worker(job)

    @work(thread=True, exclusive=False, exit_on_error=False, group="save")
    def _save_worker(self, job: SaveJob) -> None:
        ctl = self.controller
        if ctl is None:
            return
        result = self._write(job)
        self.call_from_thread(self._save_done, ctl, result)

    def _write(self, job: SaveJob) -> SaveResult:
        """Write a save job (any thread); what happened. The benchmark times this."""
        ctl = self.controller
        assert ctl is not None
        return ctl.write(job)

    def _save_done(self, ctl: SessionController, result: SaveResult) -> None:
        if ctl is not self.controller:
            return  # the session was closed meanwhile
        ctl.finish_save(result)
        if ctl.conflict is not None and not self._conflict_offered:
            self._conflict_offered = True
            self.offer_conflict_choice()

    def save_now_sync(self) -> bool:
        """Save at once on this thread (quitting, a test); whether the file is up to date."""
        ctl = self.controller
        if ctl is None:
            return True
        if ctl.read_only or ctl.path is None:
            return not ctl.dirty
        ctl.save_now()
        if ctl.conflict is not None and not self._conflict_offered:
            self._conflict_offered = True
            self.offer_conflict_choice()
        return not ctl.dirty

    def action_save_now(self) -> None:
        """Save at once (command palette); after an outside change, ask what to do."""
        ctl = self.controller
        if ctl is None or ctl.read_only:
            return
        if ctl.conflict is not None:
            self.offer_conflict_choice()
            return
        ctl.version += 1
        self.save_now_sync()

    def offer_conflict_choice(self) -> None:
        """The file changed on disk (or the lock is lost): open theirs, save mine as a copy,
        or overwrite. Until then nothing is saved automatically; the work stays here."""
        from fagworkshop.tui.widgets.choice import Choice, ChoiceModal
        from fagworkshop.tui.widgets.confirm import ConfirmModal

        ctl = self.controller
        if ctl is None or ctl.path is None or ctl.conflict is None:
            return
        path = ctl.path
        choices = [
            Choice("open", t("conflict.open_disk"), "o"),
            Choice("copy", t("conflict.copy"), "k"),
            Choice("overwrite", t("conflict.overwrite"), "w"),
            Choice("later", t("conflict.later"), "v"),
        ]

        def open_theirs(yes: bool | None) -> None:
            if not yes:
                return
            from fagworkshop import store

            try:  # never give up the work here for a file that will not open
                store.load_session_file(path)
            except store.StoreError as err:
                self.notify(err.describe(), severity="error", markup=False, timeout=15)
                return
            self.close_session(save=False)
            self.open_or_ask(path)

        def answer(choice: str | None) -> None:
            if self.controller is not ctl:
                return
            if choice == "open":
                self.push_screen(ConfirmModal(t("conflict.confirm_open")), open_theirs)
            elif choice == "copy":
                target = self.save_copy()
                if target is not None:  # go on working in the copy
                    self.close_session(save=False)
                    self.open_or_ask(target)
            elif choice == "overwrite":
                if ctl.resolve_overwrite():
                    self._conflict_offered = False
                    self.notify(t("conflict.overwritten"), markup=False)
                self.update_save_status()

        question = t("conflict.question", path=str(path))
        self.push_screen(ChoiceModal(question, choices, cancel="later"), answer)

    def update_save_status(self) -> None:
        """Show when the session was last saved, a failed save, or read-only mode."""
        screen = self._workshop_screen()
        if screen is None:
            return
        try:
            status = screen.query_one("#save-status", Static)
            banner = screen.query_one("#save-banner", Static)
        except Exception:  # noqa: BLE001 - the screen is not composed yet (or torn down)
            return
        ctl = self.controller
        state = ctl.state if ctl is not None else SaveState.NO_FILE
        banner.set_class(state is SaveState.READ_ONLY, "-read-only")
        banner.display = state in (SaveState.READ_ONLY, SaveState.FAILED, SaveState.BLOCKED)
        if state is SaveState.READ_ONLY:
            banner.update(t("save.read_only"))
            status.update(t("save.read_only_change"))
        elif state is SaveState.BLOCKED:
            assert ctl is not None
            lost = ctl.conflict is Conflict.LOCK
            banner.update(t("save.blocked_lock" if lost else "save.blocked_outside"))
            status.update(t("save.blocked_status"))
        elif state is SaveState.FAILED:
            assert ctl is not None
            banner.update(t("save.failed_banner", reason=ctl.save_error or ""))
            status.update(t("save.failed_status"))
        elif state is SaveState.NO_FILE:
            status.update(t("save.no_file"))
        elif state is SaveState.PENDING:
            status.update(t("save.pending"))
        elif state is SaveState.SAVED and ctl is not None and ctl.saved_at is not None:
            status.update(
                t("save.saved_at", time=time.strftime("%H:%M:%S", time.localtime(ctl.saved_at)))
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
        from fagworkshop.tui.steps import show_step_view

        screen = self._workshop_screen()
        if screen is None or self.session is None:
            return
        ctl = self.controller
        if remember and step != self.session.current_step and ctl is not None:
            self.flush_view()
            # only the step changes: the view being left needs no refresh (try_apply's)
            if isinstance(ctl.apply(changes.go_to_step, step), Applied):
                self._step_switches += 1
        host = screen.query_one("#step-host", Container)
        # kept views are shown again, not rebuilt; refreshed only if something else changed
        edits = ctl.version - self._step_switches if ctl is not None else None
        view = show_step_view(host, Step(step), edits)
        view.set_class(not self.panel_visible, "-panel-hidden")
        for bar in screen.query(StepBar):
            bar.refresh_from_session()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"go_to_step", "previous_step", "next_step", "toggle_panel", "undo", "redo"}:
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
        self._name_undo()  # relabel gave ctrl+z its bare name back
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
