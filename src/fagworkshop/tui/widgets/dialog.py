"""The look every question shares: a box in the middle of the screen over the workshop."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal question: its text and buttons in a bordered box (a ``Vertical``), the
    buttons in a centred row (a ``Horizontal``). A question sets the box's width and,
    if not a warning, its border colour."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        max-width: 95%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    Dialog Horizontal { height: auto; align: center middle; }
    """
