"""Step 7's export form (eksport): format, folder, file name, names or not, and for
Word one file per person (the MUS sheets).

The folder starts as ``eksport/`` in the sessions folder. The file is picked
by :func:`fagworkshop.export.command.export_target`, the same rule as the
command line's, and an existing file is never replaced without asking: the
user chooses to replace it, to write under the next free name (which is then
named), or to cancel. Rendering and writing run in a thread worker on a copy
of the session, so a big export never blocks the room.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.widgets import Button, Checkbox, Input, Select, Static

from fagworkshop import logfile
from fagworkshop.domain.session import Session
from fagworkshop.export.command import (
    ExportFailed,
    default_name,
    export_folder,
    export_target,
    extension,
    free_target,
    make_folder,
    people_targets,
    write_exports,
)
from fagworkshop.i18n import t
from fagworkshop.store.errors import terminal_safe
from fagworkshop.tui.host import host
from fagworkshop.tui.removal import QuietSelect, unless_removed
from fagworkshop.tui.widgets.choice import Choice, ChoiceModal

log = logfile.logger(__name__)

#: Every export format, in the order offered (``export.formats.ALL_FORMATS``; a test
#: keeps the two equal; not imported, so opening the app does not load the renderers).
EXPORT_FORMATS = ("md", "html", "csv", "toml", "xlsx", "docx")


def swap_suffix(name: str, old: str, new: str) -> str:
    """A file name with the old format's suffix (or extension) changed to the new one's."""
    from fagworkshop.export.common import SUFFIXES  # 6.5 ms at start-up: loaded when used

    for ending in (SUFFIXES[old], extension(old)):
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
    ExportForm #export-per-person { margin-left: 2; }
    ExportForm #export-result { height: auto; color: $text-muted; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fmt = EXPORT_FORMATS[0]

    def compose(self) -> ComposeResult:
        yield Static(Content(t("summary.export_title")), classes="summary-heading")
        with Horizontal(classes="export-row"):
            yield Static(Content(t("exportform.format")), classes="export-label")
            yield QuietSelect(
                [(Content(t(f"exportform.fmt.{f}")), f) for f in EXPORT_FORMATS],
                value=self._fmt,
                allow_blank=False,
                id="export-format",
            )
        # The choices on a row of their own, so they fit 80 columns.
        with Horizontal(classes="export-row"):
            yield Static("", classes="export-label")
            yield Checkbox(Content(t("exportform.with_names")), False, id="export-names")
            yield Checkbox(
                Content(t("exportform.per_person")),
                False,
                id="export-per-person",
                disabled=self._fmt != "docx",
            )
        with Horizontal(classes="export-row"):
            yield Static(Content(t("exportform.folder")), classes="export-label")
            yield Input(id="export-folder")
        with Horizontal(classes="export-row"):
            yield Static(Content(t("exportform.name")), classes="export-label")
            yield Input(id="export-name")
            yield Button(Content(t("exportform.go")), id="export-go", variant="primary")
        yield Static("", id="export-result", markup=False)

    @unless_removed
    def on_mount(self) -> None:
        self.reset_target()

    # --- what the form holds -----------------------------------------------------------

    @property
    def fmt(self) -> str:
        return self._fmt

    def _session_path(self) -> Path | None:
        path = host(self).session_path
        return Path(path) if path is not None else None

    def default_folder(self) -> Path | None:
        """``eksport/`` in the sessions folder (or beside the session file without one)."""
        sessions = host(self).sessions_dir
        if sessions is not None:
            return export_folder(sessions)
        path = self._session_path()
        return export_folder(path.parent) if path is not None else None

    def reset_target(self) -> None:
        """Fill the folder and name with the defaults for the chosen format."""
        folder = self.default_folder()
        session = host(self).session
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
        self.query_one("#export-per-person", Checkbox).disabled = fmt != "docx"

    # --- exporting ---------------------------------------------------------------------

    @on(Button.Pressed, "#export-go")
    @on(Input.Submitted, "#export-name, #export-folder")
    def _go(self, event: Button.Pressed | Input.Submitted) -> None:
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
        per_person = fmt == "docx" and self.query_one("#export-per-person", Checkbox).value
        targets = self._people_targets(target, with_names) if per_person else [target]
        taken = [p for p in targets if p.exists() or p.is_symlink()]
        if not taken:
            self._start(targets, fmt, with_names, per_person, replace=False)
            return
        others = [free_target(p) for p in targets]

        def answer(choice: str | None) -> None:
            if choice == "replace":
                self._start(targets, fmt, with_names, per_person, replace=True)
            elif choice == "new":
                if not per_person:
                    self.query_one("#export-name", Input).value = others[0].name
                self._start(others, fmt, with_names, per_person, replace=False)
            else:
                self._show(t("exportform.cancelled"), "information")

        if per_person:
            question = t(
                "exportform.exists_many", count=len(taken), path=terminal_safe(str(taken[0]))
            )
            new_label = t("exportform.new_names")
        else:
            question = t("exportform.exists", path=terminal_safe(str(target)))
            new_label = t("exportform.new_name", name=terminal_safe(others[0].name))
        self.app.push_screen(
            ChoiceModal(
                question,
                [
                    Choice("new", new_label, "n"),
                    Choice("replace", t("exportform.replace"), "o"),
                    Choice("cancel", t("exportform.cancel"), "a"),
                ],
                cancel="cancel",
            ),
            answer,
        )

    def _people_targets(self, target: Path, with_names: bool) -> list[Path]:
        """One Word file per person beside ``target``: ``<name>-<label>.docx``."""
        from fagworkshop.export.common import labels  # 6.5 ms at start-up: loaded when used

        session = host(self).session
        shown = labels(session, with_names) if session is not None else {}
        return people_targets(target.parent, target.stem, list(shown.values()))

    def _start(
        self, targets: list[Path], fmt: str, with_names: bool, per_person: bool, replace: bool
    ) -> None:
        session = host(self).session
        if session is None or not targets:
            return
        where = targets[0] if len(targets) == 1 else targets[0].parent
        self._show(t("exportform.working", path=terminal_safe(str(where))), None)
        snapshot = session.model_copy(deep=True)
        self._export_worker(snapshot, targets, fmt, with_names, per_person, replace)

    @work(thread=True, exit_on_error=False, group="export")
    def _export_worker(
        self,
        snapshot: Session,
        targets: list[Path],
        fmt: str,
        with_names: bool,
        per_person: bool,
        replace: bool,
    ) -> None:
        severity: SeverityLevel = "information"
        try:
            if per_person:
                from fagworkshop.export.docx_export import render_docx_people  # python-docx, 0.1 s

                contents = [data for _label, data in render_docx_people(snapshot, with_names)]
                if len(contents) != len(targets):  # the staff changed since the question
                    raise ExportFailed(t("exportform.staff_changed"))
            else:
                from fagworkshop.export.formats import render_bytes  # 44 ms at start-up

                contents = [render_bytes(fmt, snapshot, with_names)]
            make_folder(targets[0].parent)
            # Checked again here: a file may have appeared since the question.
            for target in targets:
                if not replace and (target.exists() or target.is_symlink()):
                    raise ExportFailed(t("exportform.appeared", path=terminal_safe(str(target))))
            write_exports(list(zip(targets, contents, strict=True)))
        except ExportFailed as err:
            message, severity = t("summary.export_failed", reason=str(err)), "error"
        except Exception as err:  # noqa: BLE001 - an export must never end the workshop
            logfile.caught(log, f"exporting {fmt}", err)
            message, severity = t("summary.export_failed", reason=repr(err)), "error"
        else:
            if per_person:
                where = terminal_safe(str(targets[0].parent))
                message = t("export.done_many", count=len(targets), path=where)
            else:
                message = t("summary.export_done", path=terminal_safe(str(targets[0])))
        self.app.call_from_thread(self._show, message, severity)

    def _show(self, message: str, severity: SeverityLevel | None) -> None:
        """Say what happened under the form, and as a notification unless it is progress."""
        self.query_one("#export-result", Static).update(Content(message))
        if severity is not None:
            self.app.notify(message, severity=severity, markup=False, timeout=10)
