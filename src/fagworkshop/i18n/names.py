"""Strings for names in free text: the count in exports, erasure places, a person's own export."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "export.names.replaced": (
        "Deltagere vises med deres rolle. Navne i fritekst erstattet: {count}.",
        "Participants appear by their role. Names replaced in free text: {count}.",
    ),
    "export.participant_n": ("Deltager {number}", "Participant {number}"),
}
