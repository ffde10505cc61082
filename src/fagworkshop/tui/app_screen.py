"""What the app's full screens (home and workshop) share: the app, typed, and a footer
whose key texts follow the language."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import ActiveBinding
from textual.screen import Screen

from fagworkshop.tui.bindings import in_language

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp


class AppScreen(Screen[None]):
    """A full screen of ``FagworkshopApp`` (home, workshop) with a footer."""

    @property
    def workshop(self) -> FagworkshopApp:
        """The app (these screens are only ever shown by ``FagworkshopApp``)."""
        return cast("FagworkshopApp", self.app)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys as Textual finds them, their footer texts in the current language."""
        return in_language(super().active_bindings, self.workshop.named_keys())
