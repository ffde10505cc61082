"""User-facing strings of the staff, gaps and action-plan screens: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
