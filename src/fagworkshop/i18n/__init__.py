"""Every user-facing string, in Danish (default) and English.

Strings live in one module per area of the program (``common``, ``cli``,
``store``, ``tui``, ``export``); each defines ``STRINGS = {key: (da, en)}``.
Keys are namespaced by area (``cli.validate.ok``). ``t(key, **params)``
formats with ``str.format``; parameters are plain values, never markup.
"""

from __future__ import annotations

from fagworkshop.i18n import (
    cli,
    common,
    export,
    export_office,
    names,
    overview,
    self_assessment,
    self_view,
    store,
    tui,
    tui_grid,
    tui_guide,
    tui_keys,
    tui_save,
    tui_steps,
)

LANGUAGES = ("da", "en")
_language = "da"

_TABLE: dict[str, tuple[str, str]] = {}
for _module in (
    common,
    cli,
    store,
    tui,
    tui_grid,
    tui_guide,
    tui_keys,
    tui_save,
    tui_steps,
    export,
    export_office,
    names,
    overview,
    self_assessment,
    self_view,
):
    for _key, _pair in _module.STRINGS.items():
        if _key in _TABLE:
            raise RuntimeError(f"i18n key defined twice: {_key}")
        _TABLE[_key] = _pair


def set_language(language: str) -> None:
    """Switch every following ``t()`` to ``da`` or ``en``."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {LANGUAGES}")
    _language = language


def language() -> str:
    """The language in use."""
    return _language


def t(key: str, **params: object) -> str:
    """The string for ``key`` in the current language, formatted with ``params``."""
    try:
        pair = _TABLE[key]
    except KeyError:
        return key  # a missing key shows itself instead of crashing the screen
    text = pair[0] if _language == "da" else pair[1]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    """Whether a key is defined (used by tests that check completeness)."""
    return key in _TABLE


def keys() -> list[str]:
    """All defined keys."""
    return list(_TABLE)
