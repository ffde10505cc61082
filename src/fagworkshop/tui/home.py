"""The home screen (forside): start a new workshop, resume a saved one, the demo, open a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from fagworkshop.demo import start_demo
from fagworkshop.domain import changes
from fagworkshop.domain.text import clean_line
from fagworkshop.export.command import ExportFailed
from fagworkshop.export.overview_command import write_folder_overview
from fagworkshop.i18n import t
from fagworkshop.resources import builtin_catalogue_paths, user_catalogue_paths
from fagworkshop.store.errors import StoreError
from fagworkshop.store.folders import (
    EntryState,
    SessionEntry,
    copy_backup,
    list_sessions,
    new_session_path,
    sessions_dir,
)
from fagworkshop.store.reading import load_catalogue
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app_screen import AppScreen
from fagworkshop.tui.bindings import described

if TYPE_CHECKING:
    pass


def builtin_catalogues() -> list[tuple[str, Path]]:
    """``(title, path)`` of each catalogue that loads: the built-in ones, then the team's
    own from the user catalogue folder (by their title, marked as own); empty when none."""
    found: list[tuple[str, Path]] = []
    for paths_of, own in ((builtin_catalogue_paths, False), (user_catalogue_paths, True)):
        try:
            paths = paths_of()
        except OSError:
            continue
        for path in paths:
            try:
                cat = load_catalogue(path)
            except StoreError:
                continue
            title = t("home.own_catalogue", title=cat.title) if own else cat.title
            found.append((title, path))
    return found


def entry_text(entry: SessionEntry) -> str:
    """One line (or two) of the resume list, plain text."""
    if entry.state is EntryState.CUT_SHORT:
        backup = entry.backup.describe() if entry.backup else t("store.truncated.no_backup")
        text = t("home.entry_cut_short", title=entry.title, backup=backup)
        if entry.backup_can_open:
            text += "\n" + t("home.open_backup_hint")
        return text
    if entry.state is EntryState.CATALOGUE:
        return t("home.entry_catalogue", title=entry.title, file=entry.path.name)
    if entry.problem:
        return t("home.entry_broken", title=entry.title, problem=entry.problem)
    modified = entry.modified.astimezone().strftime("%Y-%m-%d %H:%M")
    status = t(f"status.{entry.status.value}") if entry.status else ""
    step = entry.current_step or 1
    text = t(
        "home.entry",
        title=entry.title,
        unit=entry.unit or "–",
        modified=modified,
        step=f"{step} {t(f'step.{step}')}",
        status=status,
    )
    if entry.delete_by_passed():
        text += "\n" + t("home.delete_by_passed", date=entry.delete_by)
    return text


class HomeScreen(AppScreen):
    """New workshop form, the saved workshops (newest first), demo and open by path."""

    BINDINGS = [described("s", "open_backup", "key.open_backup")]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[SessionEntry] = []
        self.catalogues = builtin_catalogues()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home-scroll"):
            yield Static(Content(t("home.title")), classes="home-heading")
            yield Static(Content(t("home.intro")))
            yield Label(
                t("home.resume", folder=str(self._folder())), classes="home-heading", markup=False
            )
            yield OptionList(id="resume-list")
            yield Label(t("home.new"), classes="home-heading")
            with Horizontal(classes="home-row"):
                with Vertical(classes="home-field"):
                    yield Label(t("home.field.title"))
                    yield Input(id="new-title")
                with Vertical(classes="home-field"):
                    yield Label(t("home.field.jobcenter"))
                    yield Input(id="new-jobcenter")
                with Vertical(classes="home-field"):
                    yield Label(t("home.field.unit"))
                    yield Input(id="new-unit")
            with Horizontal(classes="home-row"):
                with Vertical(classes="home-field"):
                    yield Label(t("home.field.catalogue"))
                    if self.catalogues:
                        yield Select(
                            [(Content(title), str(path)) for title, path in self.catalogues],
                            value=str(self.catalogues[0][1]),
                            allow_blank=True,
                            prompt=t("home.catalogue_prompt"),
                            id="new-catalogue",
                        )
                    else:
                        yield Static(Content(t("home.no_catalogues")))
                with Vertical(classes="home-field"):
                    yield Label(t("home.field.catalogue_file"))
                    yield Input(id="new-catalogue-file")
            with Horizontal(id="home-buttons"):
                yield Button(Content(t("home.create")), id="new-create", variant="primary")
                yield Button(Content(t("home.demo")), id="open-demo")
                yield Button(Content(t("home.overview")), id="make-overview")
            with Horizontal(classes="home-row"):
                yield Input(placeholder=t("home.path_placeholder"), id="open-path")
                yield Button(Content(t("home.open_path")), id="open-path-button")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def _folder(self) -> Path:
        folder = self.workshop.sessions_dir
        return Path(folder) if folder is not None else sessions_dir()

    def refresh_list(self) -> None:
        """Read the sessions folder again."""
        self.entries = list_sessions(self._folder())
        listing = self.query_one("#resume-list", OptionList)
        listing.clear_options()
        if not self.entries:
            listing.add_option(Option(Content(t("home.none_saved")), disabled=True))
            listing.can_focus = False
            self.query_one("#new-title", Input).focus()  # a new user starts with the form
            return
        listing.can_focus = True
        for entry in self.entries:
            listing.add_option(Option(Content(entry_text(entry))))
        listing.highlighted = 0
        listing.focus()
        self.refresh_bindings()

    # --- resume ---------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#resume-list")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not 0 <= event.option_index < len(self.entries):
            return
        entry = self.entries[event.option_index]
        if entry.state is EntryState.CATALOGUE:
            self.start_from_catalogue(entry)
            return
        if entry.problem:
            self.app.notify(
                t("home.broken_selected", problem=entry.problem),
                severity="error",
                markup=False,
                timeout=15,
            )
            return
        self.workshop.open_or_ask(entry.path)

    def start_from_catalogue(self, entry: SessionEntry) -> None:
        """Put a listed catalogue into the new-workshop form and move to its title field."""
        self.query_one("#new-catalogue-file", Input).value = str(entry.path)
        self.query_one("#new-title", Input).focus()
        self.app.notify(t("home.catalogue_chosen", title=entry.title), markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The backup key is shown only while the list holds a cut-short file."""
        if action == "open_backup":
            return any(entry.backup_can_open for entry in self.entries)
        return True

    def action_open_backup(self) -> None:
        """Open a copy of the highlighted cut-short file's backup (never the file or .bak)."""
        listing = self.query_one("#resume-list", OptionList)
        index = listing.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return
        entry = self.entries[index]
        if not entry.backup_can_open:
            self.app.notify(t("home.no_backup_to_open"), severity="warning", markup=False)
            return
        try:
            copy = copy_backup(entry.path)
        except StoreError as err:
            self.app.notify(err.describe(), severity="error", markup=False, timeout=15)
            return
        self.app.notify(
            t("home.backup_opened", copy=str(copy), path=str(entry.path)),
            markup=False,
            timeout=15,
        )
        self.workshop.open_or_ask(copy)

    # --- new workshop -----------------------------------------------------------------

    @on(Button.Pressed, "#new-create")
    @on(Input.Submitted, "#new-title, #new-jobcenter, #new-unit, #new-catalogue-file")
    def _create(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        self.create_workshop()

    def _catalogue_path(self) -> Path | None:
        typed = self.query_one("#new-catalogue-file", Input).value.strip()
        if typed:
            return Path(typed).expanduser()
        for select in self.query("#new-catalogue").results(Select):
            if isinstance(select.value, str):
                return Path(select.value)
        return None

    def create_workshop(self) -> Path | None:
        """Create the session file from the form and open step 1; its path, or None."""
        title = self.query_one("#new-title", Input).value.strip()
        if not title:
            self.app.notify(t("home.need_title"), severity="warning", markup=False)
            return None
        catalogue_path = self._catalogue_path()
        if catalogue_path is None:
            self.app.notify(t("home.need_catalogue"), severity="warning", markup=False)
            return None
        try:
            catalogue = load_catalogue(catalogue_path)
        except StoreError as err:
            self.app.notify(err.describe(), severity="error", markup=False, timeout=15)
            return None
        try:
            session = changes.new_session(
                catalogue,
                clean_line(title),
                jobcenter=clean_line(self.query_one("#new-jobcenter", Input).value.strip()),
                unit=clean_line(self.query_one("#new-unit", Input).value.strip()),
                date=dt.date.today(),
            )
            path = new_session_path(self._folder(), session.title)
            save_session(session, path)
        except changes.ChangeError as err:
            self.app.notify(t(err.key, **err.params), severity="error", markup=False)
            return None
        except (StoreError, ValueError) as err:
            message = err.describe() if isinstance(err, StoreError) else str(err)
            self.app.notify(message, severity="error", markup=False, timeout=15)
            return None
        self.workshop.open_or_ask(path, session)
        return path

    # --- demo and open by path -----------------------------------------------------------

    @on(Button.Pressed, "#open-demo")
    def _demo(self, event: Button.Pressed) -> None:
        event.stop()
        self.open_demo()

    def open_demo(self) -> None:
        """Write a fresh demo workshop into the sessions folder and open it.

        Does what ``fagworkshop demo`` does.
        """
        try:
            path, loaded = start_demo(self._folder())
        except StoreError as err:
            self.app.notify(err.describe(), severity="error", markup=False, timeout=15)
            return
        self.workshop.open_or_ask(path, loaded=loaded)

    @on(Button.Pressed, "#make-overview")
    def _overview(self, event: Button.Pressed) -> None:
        event.stop()
        self.make_overview()

    def make_overview(self) -> Path | None:
        """Write the overview across every workshop in the folder (``fagworkshop overview``)."""

        try:
            path, units, left_out = write_folder_overview(self._folder())
        except ExportFailed as err:
            self.app.notify(str(err), severity="error", markup=False, timeout=10)
            return None
        message = t("home.overview.done", count=units, path=str(path))
        if left_out:
            message += "\n" + t("home.overview.left_out", count=left_out)
        self.app.notify(message, markup=False, timeout=15)
        return path

    @on(Button.Pressed, "#open-path-button")
    @on(Input.Submitted, "#open-path")
    def _open_path(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        self.open_typed_path()

    def open_typed_path(self) -> None:
        """Open the file named in the path field."""
        typed = self.query_one("#open-path", Input).value.strip()
        if not typed:
            return
        self.workshop.open_or_ask(Path(typed).expanduser())

    def relabel(self) -> None:
        """Draw the screen again in the new language."""
        self.call_later(self.recompose)
        self.call_later(self.refresh_list)
