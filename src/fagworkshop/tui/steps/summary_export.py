"""Step 7's export form (eksport): format, folder, file name, names or not.

The folder starts as ``eksport/`` in the sessions folder. The file is picked
by :func:`fagworkshop.export.command.export_target`, the same rule as the
command line's, and an existing file is never replaced without asking: the
user chooses to replace it, to write under the next free name (which is then
named), or to cancel. Rendering and writing run in a thread worker on a copy
of the session, so a big export never blocks the room.
"""

from __future__ import annotations

import logging
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Select, Static

from fagworkshop import logfile
from fagworkshop.domain.session import Session
from fagworkshop.export.command import (
    ExportFailed,
    default_name,
    export_folder,
    export_target,
    free_target,
    make_folder,
    write_export,
)
from fagworkshop.i18n import t
from fagworkshop.store.errors import terminal_safe
from fagworkshop.tui.widgets.choice import Choice, ChoiceModal

log = logging.getLogger(__name__)

#: Every export format, in the order offered (``export.formats.ALL_FORMATS``; a test
#: keeps the two equal; not imported, so opening the app does not load the renderers).
EXPORT_FORMATS = ("md", "html", "csv", "toml", "xlsx", "docx")


def _extension(fmt: str) -> str:
    return ".toml" if fmt == "toml" else f".{fmt}"


def swap_suffix(name: str, old: str, new: str) -> str:
    """A file name with the old format's suffix (or extension) changed to the new one's."""
    from fagworkshop.export.common import SUFFIXES

    for ending in (SUFFIXES[old], _extension(old)):
        if name.lower().endswith(ending.lower()):
            return name[: len(name) - len(ending)] + SUFFIXES[new]
    return name


class ExportForm(Vertical):
    """Choose format, folder, file name and names; ``export()`` writes the file."""

    DEFAULT_CSS = """
    ExportForm { height: auto; }
    ExportForm .export-row { height: auto; }
    ExportForm .export-label { width: 12; padding: 1 1 0 0; }
    ExportForm #export-format { width: 34; }
    ExportForm #export-folder, ExportForm #export-name { width: 1fr; }
    ExportForm #export-names { margin-left: 2; }
    ExportForm #export-result { height: auto; color: $text-muted; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._fmt = EXPORT_FORMATS[0]

    def compose(self) -> ComposeResult:
        yield Static(Content(t("summary.export_title")), classes="summary-heading")
        with Horizontal(classes="export-row"):
            yield Static(Content(t("exportform.format")), classes="export-label")
            yield Select(
                [(Content(t(f"exportform.fmt.{f}")), f) for f in EXPORT_FORMATS],
                value=self._fmt,
                allow_blank=False,
                id="export-format",
            )
            yield Checkbox(Content(t("exportform.with_names")), False, id="export-names")
        with Horizontal(classes="export-row"):
            yield Static(Content(t("exportform.folder")), classes="export-label")
            yield Input(id="export-folder")
        with Horizontal(classes="export-row"):
            yield Static(Content(t("exportform.name")), classes="export-label")
            yield Input(id="export-name")
            yield Button(Content(t("exportform.go")), id="export-go", variant="primary")
        yield Static("", id="export-result", markup=False)

    def on_mount(self) -> None:
        self.reset_target()

    # --- what the form holds -----------------------------------------------------------

    @property
    def fmt(self) -> str:
        return self._fmt

    def _session_path(self) -> Path | None:
        path = getattr(self.app, "session_path", None)
        return Path(path) if path is not None else None

    def default_folder(self) -> Path | None:
        """``eksport/`` in the sessions folder (or beside the session file without one)."""
        sessions = getattr(self.app, "sessions_dir", None)
        if sessions is not None:
            return export_folder(sessions)
        path = self._session_path()
        return export_folder(path.parent) if path is not None else None

    def reset_target(self) -> None:
        """Fill the folder and name with the defaults for the chosen format."""
        folder = self.default_folder()
        session = getattr(self.app, "session", None)
        title = session.title if session is not None else "workshop"
        self.query_one("#export-folder", Input).value = str(folder) if folder else ""
        self.query_one("#export-name", Input).value = default_name(
            self._session_path(), title, self._fmt
        )

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        event.stop()
        # A Changed can arrive after the value moved on (the Select posts one when it
        # mounts, and the palette may already have chosen a format): only the value the
        # list shows now counts.
        current = event.select.value
        if event.value == current and isinstance(current, str) and current != self._fmt:
            self.choose_format(current)

    def choose_format(self, fmt: str) -> None:
        """Switch format; a name ending in the old format's suffix gets the new one."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(fmt)
        old, self._fmt = self._fmt, fmt
        name = self.query_one("#export-name", Input)
        name.value = swap_suffix(name.value, old, fmt)
        select = self.query_one("#export-format", Select)
        if select.value != fmt:
            with select.prevent(Select.Changed):
                select.value = fmt

    # --- exporting ---------------------------------------------------------------------

    @on(Button.Pressed, "#export-go")
    def _go(self, event: Button.Pressed) -> None:
        event.stop()
        self.export()

    @on(Input.Submitted, "#export-name, #export-folder")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.export()

    def export(self, fmt: str | None = None) -> None:
        """Export in the chosen (or given) format to the chosen file, asking before replacing."""
        if fmt is not None:
            self.choose_format(fmt)
        folder = self.query_one("#export-folder", Input).value.strip()
        if not folder:
            self._show(t("summary.export_no_file"), "warning")
            return
        try:
            target = export_target(folder, self.query_one("#export-name", Input).value, self._fmt)
        except ExportFailed as err:
            self._show(t("summary.export_failed", reason=str(err)), "error")
            return
        with_names = self.query_one("#export-names", Checkbox).value
        fmt = self._fmt  # what was asked for, whatever the form shows by the answer
        if not (target.exists() or target.is_symlink()):
            self._start(target, fmt, with_names, replace=False)
            return
        other = free_target(target)

        def answer(choice: str | None) -> None:
            if choice == "replace":
                self._start(target, fmt, with_names, replace=True)
            elif choice == "new":
                self.query_one("#export-name", Input).value = other.name
                self._start(other, fmt, with_names, replace=False)
            else:
                self._show(t("exportform.cancelled"), "information")

        self.app.push_screen(
            ChoiceModal(
                t("exportform.exists", path=terminal_safe(str(target))),
                [
                    Choice("new", t("exportform.new_name", name=terminal_safe(other.name)), "n"),
                    Choice("replace", t("exportform.replace"), "o"),
                    Choice("cancel", t("exportform.cancel"), "a"),
                ],
                cancel="cancel",
            ),
            answer,
        )

    def _start(self, target: Path, fmt: str, with_names: bool, replace: bool) -> None:
        session = getattr(self.app, "session", None)
        if session is None:
            return
        self._show(t("exportform.working", path=terminal_safe(str(target))), None)
        self._export_worker(session.model_copy(deep=True), target, fmt, with_names, replace)

    @work(thread=True, exit_on_error=False, group="export")
    def _export_worker(
        self, snapshot: Session, target: Path, fmt: str, with_names: bool, replace: bool
    ) -> None:
        from fagworkshop.export.formats import render_bytes

        severity = "information"
        try:
            make_folder(target.parent)
            # Checked again here: a file may have appeared since the question.
            if not replace and (target.exists() or target.is_symlink()):
                raise ExportFailed(t("exportform.appeared", path=terminal_safe(str(target))))
            write_export(target, render_bytes(fmt, snapshot, with_names))
        except ExportFailed as err:
            message, severity = t("summary.export_failed", reason=str(err)), "error"
        except Exception as err:  # noqa: BLE001 - an export must never end the workshop
            logfile.caught(log, f"exporting {fmt}", err)
            message, severity = t("summary.export_failed", reason=repr(err)), "error"
        else:
            message = t("summary.export_done", path=terminal_safe(str(target)))
        self.app.call_from_thread(self._show, message, severity)

    def _show(self, message: str, severity: str | None) -> None:
        """Say what happened under the form, and as a notification unless it is progress."""
        self.query_one("#export-result", Static).update(Content(message))
        if severity is not None:
            self.app.notify(message, severity=severity, markup=False, timeout=10)  # type: ignore[arg-type]
