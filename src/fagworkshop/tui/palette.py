"""The command palette (Ctrl+P) provider: steps, main actions, theme and language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.theme import ThemeProvider

from fagworkshop.i18n import t

if TYPE_CHECKING:
    from fagworkshop.tui.app import FagworkshopApp


class WorkshopCommands(Provider):
    """Go to a step, help, notes panel, contrast, language, save, summary actions."""

    @property
    def workshop(self) -> FagworkshopApp:
        """The app (the provider is only ever listed by ``FagworkshopApp``)."""
        return cast("FagworkshopApp", self.app)

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app = self.workshop
        found: list[tuple[str, str, Callable[[], Any]]] = []
        if app.session is not None:
            for n in range(1, 8):
                found.append(
                    (
                        t("palette.go", number=n, name=t(f"step.{n}")),
                        t("palette.go_help"),
                        partial(app.show_step, n),
                    )
                )
            found.append((t("palette.panel"), "F2", app.action_toggle_panel))
            if not app.read_only:
                found.append((t("palette.save"), "", app.action_save_now))
            found.append((t("palette.home"), "", app.action_home))
            found.append((t("palette.agreed"), t("step.7"), partial(self._summary, "agreed")))
            found.append((t("palette.follow_up"), t("step.7"), partial(self._summary, "follow_up")))

            # the summary step's modules load with its view, not at start-up (tui.steps)
            from fagworkshop.tui.steps.summary.export_form import EXPORT_FORMATS

            for fmt in EXPORT_FORMATS:
                found.append(
                    (t("palette.export", format=fmt), t("step.7"), partial(self._summary, fmt))
                )
        found.append((t("palette.help"), "F1", app.action_help))
        found.append((t("palette.contrast"), "F9", app.action_toggle_contrast))
        found.append((t("palette.language"), "Ctrl+L", app.action_toggle_language))
        return found

    def _summary(self, what: str) -> None:
        """Run a summary action from anywhere: go to step 7 and press its button."""
        app = self.workshop
        app.show_step(7)
        app.call_after_refresh(lambda: app.call_later(self._press, what))

    def _press(self, what: str) -> None:
        view = self.workshop.current_view()
        action = getattr(view, "run_command", None)
        if action is not None:
            action(what)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def system_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Textual's own palette commands, translated; no Screenshot (it writes names to
    ~/Downloads, readable by others)."""
    yield SystemCommand(t("palette.theme"), t("palette.theme_help"), partial(search_themes, app))
    yield SystemCommand(t("palette.quit"), t("palette.quit_help"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(
            t("palette.keys_hide"), t("palette.keys_hide_help"), app.action_hide_help_panel
        )
    else:
        yield SystemCommand(t("palette.keys"), t("palette.keys_help"), app.action_show_help_panel)
    if screen.maximized is not None:
        yield SystemCommand(
            t("palette.minimize"), t("palette.minimize_help"), screen.action_minimize
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(
            t("palette.maximize"), t("palette.maximize_help"), screen.action_maximize
        )


def open_palette(app: App[Any]) -> None:
    """Ctrl+P: the command palette, its search box in the UI's language."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(placeholder=t("palette.search"), id="--command-palette"))


def search_themes(app: App[Any]) -> None:
    """The theme picker, its search box in the UI's language."""
    app.push_screen(
        CommandPalette(providers=[ThemeProvider], placeholder=t("palette.search_themes"))
    )
