"""The footer names every key in the UI's language, through Textual's public API only.

Bindings are made once, when their class is defined (in the language of the
import); the screens look their texts up again when the footer asks
(``Screen.active_bindings``). Before, three copies of a patch rewrote Textual's
private binding tables, and the keys of steps 2 and 3 (and every "Slip listen")
stayed Danish after a switch to English.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Footer

from fagworkshop import i18n
from fagworkshop.domain import changes
from fagworkshop.domain.session import Step
from fagworkshop.generate import generate_session
from fagworkshop.i18n import t
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.bindings import described, description
from fagworkshop.tui.home import HomeScreen
from support.harness import at_step

SRC = Path(__file__).resolve().parent.parent / "src" / "fagworkshop"


def _texts(language: str) -> set[str]:
    before = i18n.language()
    i18n.set_language(language)
    try:
        return {t(key) for key in i18n.keys()}
    finally:
        i18n.set_language(before)


def footer_texts(app: FagworkshopApp) -> list[str]:
    """What the footer shows as the keys' descriptions."""
    footer = app.screen.query_one(Footer)
    keys: list[Any] = list(footer.query("FooterKey"))  # Textual exports no FooterKey type
    return [str(key.description) for key in keys]


def named_as_now(app: FagworkshopApp) -> list[str]:
    """Active bindings whose id is an i18n key but whose text is not that string now."""
    wrong = []
    for key, active in app.screen.active_bindings.items():
        binding = active.binding
        if binding.id and i18n.has(binding.id) and binding.id != "key.undo":
            if binding.description != t(binding.id):
                wrong.append(f"{key}: {binding.description!r} (expected {t(binding.id)!r})")
    return wrong


async def test_every_step_footer_in_danish_then_english() -> None:
    only_danish = _texts("da") - _texts("en")
    only_english = _texts("en") - _texts("da")
    session = generate_session(staff=5, competences=6, rounds=1, seed=1)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=(200, 48)) as pilot:
        await pilot.pause()
        for language, foreign in (("da", only_english), ("en", only_danish)):
            if i18n.language() != language:
                app.action_toggle_language()
                await pilot.pause()
            for step in Step:
                view = await at_step(app, int(step))
                main = view.main_widget()
                if main is not None:
                    main.focus()  # the step's own keys show with its list or grid focused
                await pilot.pause()
                shown = footer_texts(app)
                assert shown, f"step {int(step)}: no footer"
                assert [s for s in shown if s in foreign] == [], (language, int(step), shown)
                assert named_as_now(app) == [], (language, int(step))
        await app.workers.wait_for_complete()


async def test_ctrl_z_names_what_it_takes_back_in_either_language() -> None:
    session = generate_session(staff=3, competences=4, rounds=1, seed=2)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=(200, 48)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        assert "Fortryd" in footer_texts(app)
        app.apply(changes.add_decision, 1, "aftale")
        await pilot.pause()
        assert "Fortryd: ny aftale" in footer_texts(app)
        app.action_toggle_language()
        await pilot.pause()
        assert any(text.startswith("Undo: ") for text in footer_texts(app)), footer_texts(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Undo" in footer_texts(app)
        await app.workers.wait_for_complete()


async def test_keys_remapped_by_their_ids_with_set_keymap() -> None:
    """The ids are the i18n keys, and Textual's public keymap remaps by them."""
    session = generate_session(staff=3, competences=4, rounds=1, seed=2)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=(200, 48)) as pilot:
        await pilot.pause()
        app.set_keymap({"key.panel": "f6"})
        app.screen.set_focus(None)
        panel = app.screen.query_one("#step-panel")
        assert panel.display
        await pilot.press("f6")
        await pilot.pause()
        assert not app.screen.query_one("#step-panel").display
        await app.workers.wait_for_complete()


def test_a_binding_text_is_looked_up_when_asked() -> None:
    binding = described("f1", "help", "key.help")
    assert binding.id == "key.help" and description(binding) == "Hjælp"
    i18n.set_language("en")
    assert binding.description == "Hjælp" and description(binding) == "Help"
    assert description(binding, {"key.help": "Hjælp nu"}) == "Hjælp nu"


def test_no_private_binding_tables_are_touched() -> None:
    """Textual's ``_bindings``/``key_to_bindings`` are its own; the screens use public API."""
    private = re.compile(r"key_to_bindings|\._bindings\b|_merged_bindings")
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in sorted((SRC / "tui").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if private.search(line)
    ]
    assert found == []


async def palette_key_says(app: FagworkshopApp, pilot: Pilot[None], text: str) -> bool:
    """Whether the command palette's key at the right of the footer comes to say ``text``.

    A footer rebuilds its keys after the refresh that follows a language switch (the
    home screen's Textual Footer recomposes), so this waits through idle steps.
    """
    shown: list[str] = []
    for _ in range(50):
        footer = app.screen.query_one(Footer)
        keys: list[Any] = list(footer.query("FooterKey.-command-palette"))  # no exported type
        shown = [str(key.description) for key in keys]
        if shown == [text]:
            return True
        await pilot.pause()
    raise AssertionError(f"the palette key says {shown!r}, not {text!r}")


async def test_the_palette_key_is_named_in_the_ui_language(tmp_path: Path) -> None:
    """Was Textual's own English "palette" in Danish too (issue 10, left from issue 11)."""
    app = FagworkshopApp(sessions_dir=tmp_path, lang="da")
    async with app.run_test(size=(200, 48)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert await palette_key_says(app, pilot, "Kommandoer")
        app.action_toggle_language()
        assert await palette_key_says(app, pilot, "Commands")
    session = generate_session(staff=3, competences=4, rounds=1, seed=2)
    app = FagworkshopApp(session=session, lang="da")
    async with app.run_test(size=(200, 48)) as pilot:
        await pilot.pause()
        assert await palette_key_says(app, pilot, "Kommandoer")
        app.action_toggle_language()
        assert await palette_key_says(app, pilot, "Commands")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await app.workers.wait_for_complete()
