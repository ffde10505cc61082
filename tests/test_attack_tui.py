"""Attack: hostile text on screen. Every step of the real app shows it literally, and safely.

A session whose every kind of user text is hostile (markup, control codes,
bidi overrides, formulas, HTML, ``../``) is loaded from a file and shown on
each of the seven steps with notifications and tooltips on; then hostile text
is typed through the Pilot into the text fields of every step. Each screen is
rendered the way it goes to the terminal: no control code from the data may
be in it, markup must show as the characters typed, and nothing may crash.
Also: a failed save is shown and the work stays in memory; a second app on a
locked session opens read-only and never writes.
"""

from __future__ import annotations

import errno
import io
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.app import App
from textual.widget import Widget

from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_session
from fagworkshop.store.writing import save_session
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop_tools.fuzz.hostile import hostile_session_file
from support.harness import after_refresh, at_step
from support.narrow import present

#: Text a terminal would act on, as it may appear in rendered text.
UNSAFE_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Sequences that must never reach the terminal from data: OSC (title, hyperlink),
#: C1 CSI, clear screen, BEL, DCS.
UNSAFE_RAW = re.compile("\x1b\\]|\x9b|\x1b\\[2J|\x07|\x1bP")
#: Typed through the Pilot (printable only: what a keyboard can send). Short: a
#: keystroke costs the Pilot 20 ms or more, and some fields refresh on every key.
TYPED = "[b]x [/] [/ =1"

SIZE = (120, 40)


def rendered(app: App[Any]) -> tuple[str, str]:
    """The current screen as text and as the bytes a terminal would get."""
    width, height = app.size
    raw = io.StringIO()
    console = Console(
        width=width,
        height=height,
        file=raw,
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text(styles=False), raw.getvalue()


def assert_safe(app: App[Any], where: str) -> str:
    text, raw = rendered(app)
    bad = sorted({f"U+{ord(c):04X}" for c in UNSAFE_TEXT.findall(text)})
    assert not bad, f"{where}: control characters on screen {bad}"
    found = UNSAFE_RAW.findall(raw)
    assert not found, f"{where}: terminal sequences from data {found!r}"
    return text


def shown(widget: Widget) -> bool:
    """On screen: neither the widget nor a container of it (a kept, hidden step view) hidden."""
    return all(node.display for node in widget.ancestors_with_self)


async def test_a_hostile_session_on_every_step_shows_literally_and_takes_hostile_typing(
    tmp_path: Path,
) -> None:
    """Load, show each step, type into its first text field; the screen stays safe throughout."""
    from textual.widgets import Input, TextArea

    path = hostile_session_file(tmp_path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    seen = []
    typed_into = 0
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await pilot.pause()
        assert app.session is not None, "the hostile session did not open"
        for step in range(1, 8):
            await at_step(app, step)
            seen.append(assert_safe(app, f"step {step}"))
            fields = [
                w
                for w in app.screen.query("Input, TextArea")
                if isinstance(w, Input | TextArea) and shown(w) and not w.disabled
            ]
            if fields:
                # at_step has waited for the view's mount and first refresh, where a view
                # gives its main widget the keyboard (the rating grid does)
                fields[0].focus()
                await after_refresh(fields[0])
                assert app.focused is fields[0], step
                await pilot.press("end", *TYPED)
                await pilot.pause()
                typed_into += 1
                assert_safe(app, f"step {step}, typing into {fields[0]!r}")
        everything = "\n".join(seen)
        # markup is shown as the characters it is made of, never applied
        assert "[bold]fed[/bold]" in everything
        assert "[/" in everything
        app.flush_view()
        assert app.save_now_sync() or not app.dirty
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    assert typed_into == 7, "a step without a text field to type into"
    saved = load_session(path)  # still opens
    assert TYPED in saved.model_dump_json()


async def test_a_failed_save_is_shown_and_the_work_stays_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fagworkshop.domain import changes
    from fagworkshop.generate import generate_session
    from fagworkshop.store import atomic

    path = tmp_path / "w.toml"
    save_session(generate_session(staff=3, competences=4, rounds=1), path)
    before = path.read_bytes()
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()

        def full(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.os, "write", full)
        app.apply(changes.add_person, "Ny [b]Person[/b] x [/] y")
        assert not app.save_now_sync()
        assert app.save_error and str(path) in app.save_error
        await pilot.pause()
        text = assert_safe(app, "save failed")
        assert "plads" in text  # the banner says the disk is full
        assert path.read_bytes() == before
        assert any(p.name == "Ny [b]Person[/b] x [/] y" for p in present(app.session).staff)
        monkeypatch.undo()
        assert app.save_now_sync()
        assert any(p.name == "Ny [b]Person[/b] x [/] y" for p in load_session(path).staff)
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")


async def test_a_second_app_on_a_locked_session_opens_read_only_and_never_writes(
    tmp_path: Path,
) -> None:
    from fagworkshop.domain import changes
    from fagworkshop.generate import generate_session

    path = tmp_path / "w.toml"
    save_session(generate_session(staff=3, competences=4, rounds=1), path)
    before = path.read_bytes()
    with SessionLock(path):  # the first program
        app = FagworkshopApp(sessions_dir=tmp_path, path=path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmModal", app.screen
            text = assert_safe(app, "asked about the lock")
            assert app.session is None  # asked first, nothing opened behind the question
            assert "allerede åben" in text  # told clearly: open elsewhere
            await pilot.press("j")  # "ja": open read-only
            await pilot.pause()
            assert app.session is not None and app.read_only
            app.apply(changes.add_person, "Skulle ikke gemmes")
            app.save_now_sync()
            await app.workers.wait_for_complete()
            await pilot.press("ctrl+q")
    assert path.read_bytes() == before


async def test_an_over_long_paste_is_a_message_not_a_crash(tmp_path: Path) -> None:
    """Was: add_person with a 3,000-character name raised pydantic's ValidationError
    out of app.apply, which ends the app; now it is a message and nothing changes."""
    from fagworkshop.domain import changes
    from fagworkshop.generate import generate_session

    path = tmp_path / "w.toml"
    save_session(generate_session(staff=3, competences=4, rounds=1), path)
    app = FagworkshopApp(sessions_dir=tmp_path, path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        staff = len(present(app.session).staff)
        assert app.apply(changes.add_person, "x" * 3_000) is None
        assert app.apply(changes.add_action, "course", "y" * 3_000, transfer_plan="z") is None
        await pilot.pause()
        assert len(present(app.session).staff) == staff
        messages = [str(n.message) for n in app._notifications]
        assert any("for lang" in m and "2000" in m for m in messages), messages
        assert_safe(app, "after the refused paste")
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
