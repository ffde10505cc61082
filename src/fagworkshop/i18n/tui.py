"""User-facing strings of the tui area (app shell, home, steps 1 and 7): key -> (Danish, English).

Every step's purpose, questions and help are in ``tui_guide``.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- key bindings (footer) ----------------------------------------------------
    "key.help": ("Hjælp", "Help"),
    "key.panel": ("Noter", "Notes"),
    "key.prev": ("Forrige", "Previous"),
    "key.next": ("Næste", "Next"),
    "key.contrast": ("Kontrast", "Contrast"),
    "key.language": ("English", "Dansk"),
    "key.quit": ("Afslut", "Quit"),
    "key.palette": ("Kommandoer", "Commands"),
    "key.home": ("Forside", "Home"),
    "key.remove_decision": ("Fjern aftale", "Remove decision"),
    # --- saving -------------------------------------------------------------------
    "save.saved_at": ("Gemt {time}", "Saved {time}"),
    "save.not_yet": ("Ikke ændret endnu", "No changes yet"),
    "save.pending": ("Gemmer …", "Saving …"),
    "save.failed_banner": (
        "GEMNING FEJLEDE: {reason}  Dine ændringer er stadig her; der prøves igen ved næste ændring.",
        "SAVE FAILED: {reason}  Your changes are still here; it tries again on the next change.",
    ),
    "save.read_only": (
        "SKRIVEBESKYTTET: workshoppen er åben et andet sted. Intet gemmes her.",
        "READ-ONLY: the workshop is open elsewhere. Nothing is saved here.",
    ),
    "save.read_only_change": (
        "Skrivebeskyttet: ændringen gemmes ikke.",
        "Read-only: the change is not saved.",
    ),
    "save.no_file": ("Ingen fil: ændringer gemmes ikke.", "No file: changes are not saved."),
    # --- step frame -------------------------------------------------------------
    "tui.step_title": ("Trin {number}: {name}", "Step {number}: {name}"),
    "tui.questions": ("Til drøftelse", "To discuss"),
    "panel.notes": ("Noter", "Notes"),
    "panel.decisions": ("Aftaler", "Decisions"),
    "panel.decision_placeholder": ("Skriv en aftale og tryk Enter", "Type a decision, press Enter"),
    "panel.no_decisions": ("Ingen aftaler endnu.", "No decisions yet."),
    "panel.decision_removed": ("Aftalen er fjernet.", "The decision was removed."),
    "panel.timebox": ("Tidsramme", "Timebox"),
    "panel.minutes_placeholder": ("min", "min"),
    "panel.start": ("Start", "Start"),
    "panel.stop": ("Stop", "Stop"),
    "panel.no_timebox": ("Ingen tidsramme", "No timebox"),
    "panel.timebox_set": ("{minutes} min", "{minutes} min"),
    "panel.remaining": ("{time} tilbage", "{time} left"),
    "panel.over": ("{time} over tid", "{time} over time"),
    "panel.timebox_bad": ("Skriv et antal minutter (0-1440)", "Type a number of minutes (0-1440)"),
    "change.empty_decision": ("Skriv aftalen først", "Write the decision first"),
    "change.unknown_decision": ("Aftale {index} findes ikke", "Decision {index} does not exist"),
    "change.timebox_range": (
        "Tidsrammen skal være 0-1440 minutter (ikke {minutes})",
        "The timebox must be 0-1440 minutes (not {minutes})",
    ),
    "change.bad_date": (
        "Datoen '{value}' skal skrives ÅÅÅÅ-MM-DD",
        "The date '{value}' must be written YYYY-MM-DD",
    ),
    "change.unknown_purpose": ("Ukendt formål: {purpose}", "Unknown purpose: {purpose}"),
    "change.empty_participant": ("Skriv deltagerens navn", "Type the participant's name"),
    "change.unknown_participant": (
        "Deltager {index} findes ikke",
        "Participant {index} does not exist",
    ),
    # --- step bar, navigation, palette -------------------------------------------
    "bar.agreed": ("aftalt", "agreed"),
    "palette.go": ("Gå til trin {number}: {name}", "Go to step {number}: {name}"),
    "palette.go_help": ("Skift til trinnet", "Switch to the step"),
    "palette.help": ("Hjælp til dette trin", "Help for this step"),
    "palette.panel": ("Vis/skjul noter og aftaler", "Show/hide notes and decisions"),
    "palette.contrast": ("Høj kontrast (projektor) til/fra", "High contrast (projector) on/off"),
    "palette.language": ("Sprog: skift dansk/engelsk", "Language: switch Danish/English"),
    "palette.save": ("Gem nu", "Save now"),
    "palette.home": ("Til forsiden", "To the home screen"),
    "palette.agreed": ("Markér workshoppen som aftalt", "Mark the workshop as agreed"),
    "palette.follow_up": ("Start opfølgningsrunde", "Start a follow-up round"),
    "palette.export": ("Eksportér som {format}", "Export as {format}"),
    "confirm.yes": ("Ja", "Yes"),
    "confirm.no": ("Nej", "No"),
    # --- home ---------------------------------------------------------------------
    "home.title": (
        "Fagworkshop: faglige profiler i jobcentret",
        "Fagworkshop: professional profiles in the jobcentre",
    ),
    "home.intro": (
        "Start en ny workshop, fortsæt en gemt, eller prøv demoen.",
        "Start a new workshop, resume a saved one, or try the demo.",
    ),
    "home.new": ("Ny workshop", "New workshop"),
    "home.field.title": ("Titel", "Title"),
    "home.field.jobcenter": ("Jobcenter", "Jobcentre"),
    "home.field.unit": ("Enhed", "Unit"),
    "home.field.catalogue": ("Katalog", "Catalogue"),
    "home.field.catalogue_file": (
        "… eller sti til en katalogfil",
        "… or path to a catalogue file",
    ),
    "home.create": ("Opret og start", "Create and start"),
    "home.no_catalogues": (
        "Ingen indbyggede kataloger fundet; angiv en katalogfil.",
        "No built-in catalogues found; give a catalogue file.",
    ),
    "home.need_title": ("Skriv en titel først", "Write a title first"),
    "home.need_catalogue": (
        "Vælg et katalog eller angiv en fil",
        "Choose a catalogue or give a file",
    ),
    "home.resume": ("Fortsæt en workshop ({folder})", "Resume a workshop ({folder})"),
    "home.none_saved": ("Ingen gemte workshops endnu.", "No saved workshops yet."),
    "home.entry": (
        "{title} · {unit} · ændret {modified} · trin {step} · {status}",
        "{title} · {unit} · changed {modified} · step {step} · {status}",
    ),
    "home.entry_cut_short": (
        "AFKORTET: {title}: filen er afkortet og åbnes ikke. {backup}",
        "CUT SHORT: {title}: the file is cut short and is not opened. {backup}",
    ),
    "home.open_backup_hint": (
        "  Tryk s for at åbne en kopi af sikkerhedskopien (filen og sikkerhedskopien røres ikke).",
        "  Press s to open a copy of the backup (the file and the backup are not touched).",
    ),
    "home.no_backup_to_open": (
        "Den valgte fil har ingen sikkerhedskopi, der kan åbnes.",
        "The selected file has no backup that can be opened.",
    ),
    "home.backup_opened": (
        "Sikkerhedskopien er kopieret til {copy} og åbnet. Den afkortede fil {path} "
        "og dens sikkerhedskopi er ikke ændret.",
        "The backup was copied to {copy} and opened. The cut-short file {path} "
        "and its backup are unchanged.",
    ),
    "key.open_backup": ("Åbn sikkerhedskopi", "Open backup"),
    "home.entry_broken": ("KAN IKKE ÅBNES: {title}: {problem}", "CANNOT OPEN: {title}: {problem}"),
    "home.entry_catalogue": (
        "KATALOG: {title} ({file}) · ikke en workshop · Enter starter en ny workshop fra det",
        "CATALOGUE: {title} ({file}) · not a workshop · Enter starts a new workshop from it",
    ),
    "home.catalogue_chosen": (
        "Kataloget {title} er valgt til en ny workshop. Skriv en titel, og tryk Enter.",
        "The catalogue {title} is chosen for a new workshop. Type a title and press Enter.",
    ),
    "home.delete_by_passed": (
        "  ⚠ skulle være slettet senest {date}",
        "  ⚠ should have been deleted by {date}",
    ),
    "home.demo": ("Åbn demo-workshop", "Open the demo workshop"),
    "home.open_path": ("Åbn fil", "Open file"),
    "home.path_placeholder": ("Sti til en workshopfil (.toml)", "Path to a workshop file (.toml)"),
    "home.locked_ask": (
        "{reason}\n\nÅbn den skrivebeskyttet (intet gemmes)?",
        "{reason}\n\nOpen it read-only (nothing is saved)?",
    ),
    "home.locked_refused": (
        "Workshoppen blev ikke åbnet: den er i brug et andet sted.",
        "The workshop was not opened: it is in use elsewhere.",
    ),
    "home.broken_selected": (
        "Filen kan ikke åbnes:\n{problem}",
        "The file cannot be opened:\n{problem}",
    ),
    # --- step 1 Ramme -------------------------------------------------------------
    "frame.jobcenter": ("Jobcenter", "Jobcentre"),
    "frame.unit": ("Enhed", "Unit"),
    "frame.date": ("Dato (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
    "frame.core_task": ("Kerneopgaven med jeres egne ord", "The core task in your own words"),
    "frame.purpose": ("Formål", "Purpose"),
    "frame.catalogue": ("Katalog: {title} ({id})", "Catalogue: {title} ({id})"),
    "frame.participants": ("Deltagere", "Participants"),
    "frame.no_participants": ("Ingen deltagere endnu.", "No participants yet."),
    "frame.participant_name": ("Navn", "Name"),
    "frame.participant_role": (
        "Rolle (fx leder, TR, konsulent)",
        "Role (e.g. leader, rep, adviser)",
    ),
    "frame.add": ("Tilføj", "Add"),
    "frame.save": ("Gem", "Save"),
    "frame.remove": ("Fjern", "Remove"),
    "frame.participant_line": ("{name} · {role}", "{name} · {role}"),
    # --- step 7 Opsamling ---------------------------------------------------------
    "summary.status_agreed": ("Aftalt {date}", "Agreed {date}"),
    "summary.status_open": ("Ikke aftalt endnu", "Not agreed yet"),
    "summary.decisions": ("Aftaler", "Decisions"),
    "summary.no_decisions": ("Ingen aftaler endnu.", "No decisions yet."),
    "summary.profiles": ("Lokale profiler", "Local profiles"),
    "summary.no_profiles": ("Ingen lokale profiler endnu.", "No local profiles yet."),
    "summary.profile_line": (
        "{name}: {qualified} af {needed} kvalificerede",
        "{name}: {qualified} of {needed} qualified",
    ),
    "summary.element_line": ("  · {title} (mål {target})", "  · {title} (target {target})"),
    "summary.gaps": ("Største huller", "Main gaps"),
    "summary.no_gaps": ("Ingen huller fundet.", "No gaps found."),
    "summary.gap_line": (
        "{title}: {meets} af {relevant} når målet {target}",
        "{title}: {meets} of {relevant} meet target {target}",
    ),
    "summary.single": ("Kun én har: {titles}", "Only one person holds: {titles}"),
    "summary.plan": ("Handlingsplan", "Action plan"),
    "summary.no_plan": ("Ingen handlinger endnu.", "No actions yet."),
    "summary.action_line": (
        "{title} · {kind} · {status} · ansvarlig {owner} · frist {deadline}",
        "{title} · {kind} · {status} · owner {owner} · deadline {deadline}",
    ),
    "summary.compare": (
        "Ændring fra runde {before} til runde {after}",
        "Change from round {before} to round {after}",
    ),
    "summary.no_change": ("Ingen ændringer i vurderingerne.", "No changes in the ratings."),
    "summary.change_line": (
        "{person}: {competence} {before} → {after}",
        "{person}: {competence} {before} → {after}",
    ),
    "summary.mark_agreed": ("Markér som aftalt", "Mark as agreed"),
    "summary.confirm_agreed": (
        "Markér workshoppen som aftalt i dag ({date})?",
        "Mark the workshop as agreed today ({date})?",
    ),
    "summary.agreed_done": (
        "Workshoppen er markeret som aftalt.",
        "The workshop is marked agreed.",
    ),
    "summary.follow_up": ("Start opfølgningsrunde", "Start follow-up round"),
    "summary.confirm_follow_up": (
        "Start runde {number}? Den starter med en kopi af de sidste vurderinger.",
        "Start round {number}? It starts from a copy of the last ratings.",
    ),
    "summary.follow_up_done": ("Runde {number} er startet.", "Round {number} has started."),
    "summary.export_done": ("Eksporteret til {path}", "Exported to {path}"),
    "summary.export_failed": ("Eksport fejlede: {reason}", "Export failed: {reason}"),
    "summary.export_no_file": (
        "Skriv en mappe, som eksporten skal lægges i.",
        "Write a folder for the export to go into.",
    ),
    "summary.none": ("–", "–"),
}
