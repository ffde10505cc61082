"""User-facing strings of the store area: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
