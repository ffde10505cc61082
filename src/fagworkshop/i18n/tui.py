"""User-facing strings of the tui area: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
