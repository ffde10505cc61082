"""Key bindings whose footer text follows the UI language (Danish or English).

A binding made with :func:`described` has the i18n key of its text as its
``id`` (``key.help``), which is also the name ``App.set_keymap`` remaps it by.
Textual makes a class's ``BINDINGS`` once, when the class is defined, so the
description stored there is in the language of the import. The screens with a
footer therefore look each text up again whenever Textual asks them for their
active bindings (``Screen.active_bindings``, public: the footer and the key
panel read it), through :func:`in_language`; after a language switch
``refresh_bindings()`` draws the footer anew. No binding table is patched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from textual.binding import ActiveBinding, Binding

from fagworkshop import i18n
from fagworkshop.i18n import t


def described(key: str, action: str, text_key: str, **kwargs: Any) -> Binding:
    """A binding whose footer text is the i18n string ``text_key`` (also its ``id``)."""
    return Binding(key, action, t(text_key), id=text_key, **kwargs)


def description(binding: Binding, named: Mapping[str, str] | None = None) -> str:
    """The footer text of ``binding`` now.

    ``named`` gives a text by binding id that depends on more than the language
    (ctrl+z names what it would take back); a binding whose id is an i18n key
    gets that string; any other keeps its own description.
    """
    if binding.id is not None:
        if named and binding.id in named:
            return named[binding.id]
        if i18n.has(binding.id):
            return t(binding.id)
    return binding.description


def in_language(
    active: Mapping[str, ActiveBinding], named: Mapping[str, str] | None = None
) -> dict[str, ActiveBinding]:
    """``active`` (a screen's active bindings) with every description as it reads now."""
    result: dict[str, ActiveBinding] = {}
    for key, item in active.items():
        text = description(item.binding, named)
        if text != item.binding.description:
            item = item._replace(binding=dataclasses.replace(item.binding, description=text))
        result[key] = item
    return result
