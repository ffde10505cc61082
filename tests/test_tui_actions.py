"""No widget of ours shadows one of Textual's actions with another signature.

Was: ``BasicList.action_toggle(self)`` hid Textual's ``DOMNode.action_toggle(attribute_name)``,
so Textual's own ``toggle('...')`` action on the list took the competence under the cursor
in or out instead (Textual passes an action only the arguments it takes). Found by mypy over
all of src (issue 10).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

from textual.dom import DOMNode

import fagworkshop.tui


def _our_classes() -> Iterator[type[DOMNode]]:
    for module in pkgutil.walk_packages(fagworkshop.tui.__path__, "fagworkshop.tui."):
        importlib.import_module(module.name)
    stack = list(DOMNode.__subclasses__())
    seen: set[type[DOMNode]] = set()
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls not in seen and cls.__module__.startswith("fagworkshop."):
            seen.add(cls)
            yield cls


def test_no_textual_action_is_overridden_with_other_parameters() -> None:
    clashes = []
    for cls in _our_classes():
        for name, ours in vars(cls).items():
            if not name.startswith("action_"):
                continue
            textual = next(
                (
                    vars(base)[name]
                    for base in cls.__mro__[1:]
                    if base.__module__.startswith("textual") and name in vars(base)
                ),
                None,
            )
            if textual is None:
                continue
            if list(inspect.signature(ours).parameters) != list(
                inspect.signature(textual).parameters
            ):
                clashes.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    assert clashes == []


async def test_textual_s_toggle_action_works_on_the_basic_list() -> None:
    from fagworkshop.demo import build_demo
    from fagworkshop.tui.app import FagworkshopApp
    from fagworkshop.tui.steps.basic.body import BasicList

    session = build_demo()
    session.current_step = 2
    app = FagworkshopApp(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        listing = app.screen.query_one(BasicList)
        included = [b.included for b in session.basics]
        before = listing.can_focus
        await listing.run_action("toggle('can_focus')")
        assert listing.can_focus is not before
        # the competence under the cursor is not taken in or out by it
        assert [b.included for b in session.basics] == included
        # space still does (the list's own action, now named toggle_included)
        listing.focus()
        basic = next(b for b in session.basics if b.id == listing.basic_id)
        was = basic.included
        await pilot.press("space")
        assert basic.included is not was
