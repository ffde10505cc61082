"""User-facing strings of the cli area: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
