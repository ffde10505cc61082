"""The confirmation before a person is erased completely (step 4)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from fagworkshop.i18n import t


class ConfirmErase(ModalScreen[bool]):
    """Asks whether to erase a person; dismisses with True only on the erase button.

    ``places`` lists, in words, where the person's name will be replaced in free
    text (step and field, never the text; see ``changes.erasure_places``), so the
    facilitator sees what changes before confirming.
    """

    DEFAULT_CSS = """
    ConfirmErase { align: center middle; }
    ConfirmErase > Vertical {
        width: 60; max-width: 95%; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    ConfirmErase Static { height: auto; margin-bottom: 1; }
    ConfirmErase #erase-places { max-height: 12; overflow-y: auto; color: $text-muted; }
    ConfirmErase #erase-files { max-height: 8; overflow-y: auto; color: $warning; }
    ConfirmErase Horizontal { height: auto; }
    ConfirmErase Button { margin-right: 2; }
    """

    BINDINGS = [Binding("escape", "keep", show=False)]

    #: At most this many places are listed; the rest are counted.
    MAX_PLACES = 10

    def __init__(
        self, name: str, places: list[str] | None = None, files: list[str] | None = None
    ) -> None:
        super().__init__()
        self.person_name = name
        self.places = list(places or [])
        self.files = list(files or [])  # earlier exports that name the person

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(t("staff.erase_question", name=self.person_name)), markup=False)
            yield Static(Content(self._places_text()), id="erase-places", markup=False)
            if self.files:
                shown = [f"· {f}" for f in self.files[: self.MAX_PLACES]]
                if len(self.files) > self.MAX_PLACES:
                    more = len(self.files) - self.MAX_PLACES
                    shown.append(t("staff.erase_more_places", count=more))
                lines = "\n".join([t("staff.erase_files"), *shown])
                yield Static(Content(lines), id="erase-files", markup=False)
            with Horizontal():
                yield Button(t("staff.erase_no"), id="erase-no", variant="primary")
                yield Button(t("staff.erase_yes"), id="erase-yes", variant="error")

    def _places_text(self) -> str:
        if not self.places:
            return t("staff.erase_no_places")
        shown = [f"· {p}" for p in self.places[: self.MAX_PLACES]]
        if len(self.places) > self.MAX_PLACES:
            shown.append(t("staff.erase_more_places", count=len(self.places) - self.MAX_PLACES))
        return "\n".join([t("staff.erase_places"), *shown])

    def on_mount(self) -> None:
        self.query_one("#erase-no", Button).focus()

    @on(Button.Pressed, "#erase-yes")
    def _erase(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#erase-no")
    def action_keep(self) -> None:
        """Keep the person."""
        self.dismiss(False)
