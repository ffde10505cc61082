"""The floors: the cheapest program doing each scenario's job with Python and Textual alone.

A floor is measured in the same run as the application, so the ratio between
them says how much fagworkshop adds, whatever the machine.

* cold start: a new process running ``OneLabelApp`` to its first frame;
* load / save: ``tomllib.loads`` of the file's text / ``tomli_w.dumps`` of the
  same data as plain dicts, written with one ``write_bytes``;
* keypress: ``KeyLabelApp``, a key that changes one label, to the frame drawn;
* analysis: one pass over the latest round's ratings, adding them up per competence;
* render: switching to a screen with one label, to the frame drawn;
* memory: a process holding the file as plain dicts with ``OneLabelApp`` on screen.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

import tomli_w
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label


class OneLabelApp(App[None]):
    """A minimal Textual app: one label."""

    def compose(self) -> ComposeResult:
        yield Label("fagworkshop")


class KeyLabelApp(App[None]):
    """A label that shows the last digit pressed: the floor of a keypress."""

    def compose(self) -> ComposeResult:
        yield Label("-", id="last")

    def on_key(self, event: Any) -> None:
        if event.character and event.character.isdigit():
            self.query_one("#last", Label).update(event.character)
            self.pressed = event.character


class LabelScreen(Screen[None]):
    """A screen with one label: the floor of showing a step."""

    def compose(self) -> ComposeResult:
        yield Label("Kompetencehuller")


def load_plain(path: Path) -> dict[str, Any]:
    """Read and parse a TOML file into plain dicts: the floor of loading."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def save_plain(data: dict[str, Any], path: Path) -> None:
    """Serialise plain dicts to TOML and write them: the floor of saving."""
    path.write_bytes(tomli_w.dumps(data).encode("utf-8"))


def sum_ratings(data: dict[str, Any]) -> dict[str, int]:
    """Add up the latest round's ratings per competence: the floor of the analysis.

    ``data`` is a session as plain dicts (``rounds[].ratings.<person>.<competence>``).
    """
    totals: dict[str, int] = defaultdict(int)
    rounds = data.get("rounds", [])
    if rounds:
        for per_competence in rounds[-1].get("ratings", {}).values():
            for competence, level in per_competence.items():
                totals[competence] += level
    return totals
