"""User-facing strings of the export area: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
