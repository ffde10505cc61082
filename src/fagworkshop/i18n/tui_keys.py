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

STRINGS.update(
    {
        # --- the step bar: short names that fit at 80 columns, and its legend in F1 ---
        "step.1.short": ("Ramme", "Frame"),
        "step.2.short": ("Basis", "Basic"),
        "step.3.short": ("Profil", "Profile"),
        "step.4.short": ("Medarb", "Staff"),
        "step.5.short": ("Huller", "Gaps"),
        "step.6.short": ("Plan", "Plan"),
        "step.7.short": ("Opsaml", "Summary"),
        "help.step_bar": (
            "Trinlinjen øverst: trinnets nummer og navn og hvor langt I er nået, fx "
            "«2 Basis 12/13» = 12 af 13 basiskompetencer er besluttet. Trin 1 tæller udfyldte "
            "felter, trin 3 besluttede elementer, trin 4 givne vurderinger i denne runde, "
            "trin 6 gennemførte handlinger og trin 7 om workshoppen er aftalt. Grøn = færdig, fremhævet = det trin, I er på. "
            "Tryk på tallet (1-7) for at skifte trin, når intet felt har fokus.",
            "The step bar at the top: each step's number and name and how far you have come, "
            "e.g. '2 Basic 12/13' = 12 of 13 basic competences decided. Step 1 counts filled "
            "fields, step 3 decided elements, step 4 ratings given in this round, step 6 "
            "actions done and step 7 whether the workshop is agreed. Green = done, highlighted = the step you are on. "
            "Press the number (1-7) to change step when no field has the focus.",
        ),
    }
)

STRINGS.update(
    {
        # --- step 6: a goal's optional deadline and competence ---
        "plan.goal_deadline": ("Frist ÅÅÅÅ-MM-DD", "Deadline YYYY-MM-DD"),
        "plan.goal_competence": ("Tilføj kompetence (valgfri)", "Add a competence (optional)"),
    }
)

STRINGS.update(
    {
        # --- the biggest gaps (analysis.biggest_gaps), in steps 5 and 7 and the exports ---
        "gaps.biggest_title": ("Største huller", "Biggest gaps"),
        "gaps.biggest_line": (
            "{below} under målet, {short} niveauer mangler i alt",
            "{below} below target, {short} levels short in all",
        ),
    }
)

STRINGS.update(
    {
        # --- step 5: coverage that reads one way only, unused marks in the heat map ---
        "gaps.coverage_reach": (
            "{meets} af {relevant} når målet ({target}) · {below} under · {unrated} ikke vurderet",
            "{meets} of {relevant} meet the target ({target}) · {below} below · {unrated} not rated",
        ),
        "gaps.coverage_unused": (
            "Ubrugt: {unused} har den uden at bruge den i jobbet (talt for sig)",
            "Unused: {unused} hold it without using it in their job (counted apart)",
        ),
        "gaps.unused_mark": ("u = har men bruger ikke", "u = held but unused"),
    }
)

STRINGS.update(
    {
        # --- a running timebox, shown on every step ---
        "timebox.running": ("⏱ Trin {step} {name}: {time}", "⏱ Step {step} {name}: {time}"),
    }
)

STRINGS.update(
    {
        # --- step 4: which round is being rated ---
        "staff.round": (
            "Vurderingsrunde {number} (af {rounds})",
            "Rating round {number} (of {rounds})",
        ),
        "staff.round_none": (
            "Ingen vurderingsrunde endnu: den første begynder med den første vurdering",
            "No rating round yet: the first begins with the first rating",
        ),
    }
)

STRINGS.update(
    {
        # --- home: the catalogue choice ---
        "home.catalogue_prompt": ("Vælg et katalog", "Choose a catalogue"),
        "home.own_catalogue": ("{title} (eget katalog)", "{title} (own catalogue)"),
    }
)

STRINGS.update(
    {
        # --- step 7: every step's notes, the agreed date; a decision's date ---
        "summary.notes": ("Noter fra trinnene", "Notes from the steps"),
        "summary.no_notes": ("Ingen noter endnu.", "No notes yet."),
        "summary.agreed_date": ("Aftalt den", "Agreed on"),
        "panel.decision_date": ("Dato ÅÅÅÅ-MM-DD", "Date YYYY-MM-DD"),
        "key.decision_date": ("Ret dato", "Edit date"),
        "plan.goal_competences_chosen": (
            "Målets kompetencer: {codes} (vælg igen for at fjerne)",
            "The goal's competences: {codes} (choose again to remove)",
        ),
        "panel.decision_date_edit": (
            "Ret aftalens dato i datofeltet og tryk Enter (Esc: behold den).",
            "Edit the decision's date in the date field and press Enter (Esc: keep it).",
        ),
    }
)

STRINGS.update(
    {
        "summary.confirm_agreed_on": (
            "Markér workshoppen som aftalt den {date}?",
            "Mark the workshop as agreed on {date}?",
        ),
    }
)
