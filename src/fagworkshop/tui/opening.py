"""Opening a workshop file, and the main screen in its place: the home screen or the
workshop screen. A session locked by another program is offered read-only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.store.errors import SessionLocked, StoreError
from fagworkshop.store.integrity import FileStamp, file_stamp
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import LoadedSession, load_session_file
from fagworkshop.tui import memory
from fagworkshop.tui.controller import SessionController
from fagworkshop.tui.home import HomeScreen
from fagworkshop.tui.save_host import AppSaveHost
from fagworkshop.tui.screen import WorkshopScreen
from fagworkshop.tui.widgets.confirm import ConfirmModal

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp


def go_home(app: FagworkshopApp) -> None:
    """Put the home screen in place of whatever main screen is showing."""
    memory.resume()  # no step is drawn first (see tui.memory.pause_until_drawn)
    replace_main(app, HomeScreen())


def replace_main(app: FagworkshopApp, screen: Screen[Any]) -> None:
    """Show ``screen`` as the main screen (the home or a workshop), dialogs closed."""
    while len(app.screen_stack) > 2:
        app.pop_screen()
    if isinstance(app.screen, (HomeScreen, WorkshopScreen)):
        app.switch_screen(screen)
    else:
        app.push_screen(screen)


def open_or_ask(
    app: FagworkshopApp,
    path: Path | None,
    session: Session | None,
    read_only: bool,
    *,
    loaded: LoadedSession | None = None,
) -> None:
    """Open a session; when it is locked elsewhere offer it read-only or refuse.

    Any other store problem is shown as an error message (the home screen stays).
    """
    try:
        open_session(app, path, session, read_only, loaded=loaded)
    except SessionLocked as err:

        def answer(yes: bool | None) -> None:
            if yes:
                open_or_ask(app, path, session, read_only=True, loaded=loaded)
            else:
                app.notify(t("home.locked_refused"), severity="warning", markup=False)

        if len(app.screen_stack) < 2:
            go_home(app)
        app.push_screen(ConfirmModal(t("home.locked_ask", reason=err.describe())), answer)
    except StoreError as err:
        app.notify(err.describe(), severity="error", markup=False, timeout=15)
        if len(app.screen_stack) < 2:
            go_home(app)


def open_session(
    app: FagworkshopApp,
    path: Path | None,
    session: Session | None,
    read_only: bool,
    *,
    loaded: LoadedSession | None = None,
) -> bool:
    """Open a session (loading it from ``path`` when not given) and show its step.

    ``loaded`` is a file already read (by the command line): it opens with the stamp
    of the bytes read then, so a change made to the file since is found before the
    first save instead of being taken for what was loaded.

    Takes the session lock unless read-only; a ``SessionLocked`` is raised to the
    caller (the home screen offers read-only). Returns whether it opened.
    """
    app.close_session()
    lock = None
    if path is not None and not read_only:
        lock = SessionLock(path)
        lock.acquire()
    edited_outside = False
    stamp: FileStamp | None
    try:
        if loaded is None and session is None:
            assert path is not None
            loaded = load_session_file(path)
        if loaded is not None:
            opened, stamp, edited_outside = loaded.session, loaded.stamp, loaded.edited_outside
        else:
            assert session is not None
            opened = session
            stamp = file_stamp(path) if path is not None else None
    except Exception:
        if lock is not None:
            lock.release()
        raise
    app.controller = SessionController(
        opened,
        Path(path) if path is not None else None,
        AppSaveHost(app),
        read_only=read_only,
        lock=lock,
        stamp=stamp,
    )
    app.conflict_offered = False
    app.timebox_ends.clear()
    app.sub_title = opened.title
    replace_main(app, WorkshopScreen())
    if edited_outside:
        app.notify(t("save.edited_outside"), markup=False, timeout=10)
    return True
