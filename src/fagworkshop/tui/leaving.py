"""Leaving a workshop and the questions on the way: quit or go home after saving; when
the edits cannot be saved (read-only, a failed save, a file changed outside), ask
first, and offer a copy. Never a silent loss, never a silent exit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fagworkshop.i18n import t
from fagworkshop.store.errors import StoreError
from fagworkshop.store.folders import copy_path
from fagworkshop.store.reading import load_session_file
from fagworkshop.tui.widgets.choice import Choice, ChoiceModal
from fagworkshop.tui.widgets.confirm import ConfirmModal

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp


def leave(app: FagworkshopApp, then: Callable[[], object], *, close: bool = True) -> None:
    """Save, close the session and do ``then`` (quit, or go home); ask when edits would
    be lost.

    ``close=False`` (quitting) saves but leaves the session open for ``then`` to close
    when the app has ended: a step view still being drawn when ctrl+q lands mounts
    during the shutdown and reads the session (closed here, that ended the program
    with exit code 1)."""
    ctl = app.controller
    if ctl is not None:
        app.flush_view()
        ctl.save_now()
        if ctl.unsaved_on_quit:
            ask_before_leaving(app, then)
            return
    if close:
        app.close_session()
    then()


def ask_before_leaving(app: FagworkshopApp, then: Callable[[], object]) -> None:
    """Leaving would lose edits: save them as another file, leave without, or stay.

    ``then`` is what leaving means (quit, or go to the home screen)."""
    ctl = app.controller
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
            target = save_copy(app)
            if target is None:
                return  # the copy failed too: stay, the message says why
            app.close_session(save=False)
            then()
        elif choice == "discard":
            app.close_session(save=False)
            then()

    app.push_screen(ChoiceModal(question, choices, cancel="stay", leaving=True), answer)


def save_copy(app: FagworkshopApp) -> Path | None:
    """Write what is on screen beside the file (``NAME (kopi).toml``), or else into the
    sessions folder; says where. Returns the path, or None when no copy could be made."""
    ctl = app.controller
    if ctl is None or ctl.path is None:
        return None
    places = [ctl.path]
    if app.sessions_dir is not None:
        places.append(Path(app.sessions_dir) / ctl.path.name)
    error = ""
    for place in places:
        target = copy_path(place)
        problem = ctl.save_copy(target)
        if problem is None:
            app.notify(t("quit.saved_as", path=str(target)), markup=False, timeout=15)
            return target
        error = problem
    app.notify(t("quit.save_as_failed", reason=error), severity="error", markup=False)
    return None


def offer_conflict_choice(app: FagworkshopApp) -> None:
    """The file changed on disk (or the lock is lost): open theirs, save mine as a copy,
    or overwrite. Until then nothing is saved automatically; the work stays here."""
    ctl = app.controller
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
        try:  # never give up the work here for a file that will not open
            load_session_file(path)
        except StoreError as err:
            app.notify(err.describe(), severity="error", markup=False, timeout=15)
            return
        app.close_session(save=False)
        app.open_or_ask(path)

    def answer(choice: str | None) -> None:
        if app.controller is not ctl:
            return
        if choice == "open":
            # It throws away the work here: Enter never means yes.
            question = ConfirmModal(t("conflict.confirm_open"), destructive=True)
            app.push_screen(question, open_theirs)
        elif choice == "copy":
            target = save_copy(app)
            if target is not None:  # go on working in the copy
                app.close_session(save=False)
                app.open_or_ask(target)
        elif choice == "overwrite":
            if ctl.resolve_overwrite():
                app.conflict_offered = False
                app.notify(t("conflict.overwritten"), markup=False)
            app.update_save_status()

    question = t("conflict.question", path=str(path))
    app.push_screen(ChoiceModal(question, choices, cancel="later"), answer)
