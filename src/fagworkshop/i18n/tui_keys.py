"""User-facing strings of the keyboard and focus work (palette, dialogs, step bar legend):
key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- Textual's own palette commands, in the UI's language ---
    "palette.search": ("Søg efter kommandoer…", "Search for commands…"),
    "palette.search_themes": ("Søg efter farvetema…", "Search for themes…"),
    "palette.theme": ("Farvetema", "Theme"),
    "palette.theme_help": (
        "Skift farvetema (huskes til næste gang)",
        "Change the colour theme (remembered)",
    ),
    "palette.quit": ("Afslut", "Quit"),
    "palette.quit_help": ("Gem og afslut programmet", "Save and quit the program"),
    "palette.keys": ("Taster", "Keys"),
    "palette.keys_help": (
        "Vis tasterne for det felt eller den liste, der har fokus",
        "Show the keys of the focused field or list",
    ),
    "palette.keys_hide": ("Skjul taster", "Hide keys"),
    "palette.keys_hide_help": ("Skjul tastepanelet", "Hide the keys panel"),
    "palette.maximize": ("Forstør", "Maximize"),
    "palette.maximize_help": (
        "Vis det felt, der har fokus, på hele skærmen",
        "Show the focused widget full screen",
    ),
    "palette.minimize": ("Formindsk", "Minimize"),
    "palette.minimize_help": ("Tilbage til normal størrelse", "Back to normal size"),
    # --- dialogs ---
    "confirm.keys": (
        "Enter: {default} · j: ja · n: nej · Esc: fortryd",
        "Enter: {default} · y/j: yes · n: no · Esc: cancel",
    ),
}
