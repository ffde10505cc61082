"""Colour themes: the high-contrast projector theme (F9) and the theme remembered in the
user's settings file between runs."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

from fagworkshop.store.settings import load_settings, save_setting

#: The name of the high-contrast projector theme.
HIGH_CONTRAST = "fagworkshop-kontrast"


def high_contrast_theme() -> Theme:
    """Yellow on black: readable on a washed-out projector."""
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


def restore_theme(app: App[Any]) -> None:
    """Use the theme remembered in the settings file, when it is still there."""
    theme = load_settings().get("theme")
    if isinstance(theme, str) and theme in app.available_themes:
        app.theme = theme


def remember_theme(theme: Any) -> None:
    """Remember a theme the user chose (``theme_changed_signal`` gives the theme)."""
    save_setting("theme", str(getattr(theme, "name", theme)))
