"""User-facing strings of the tui area (app shell, home, step frame, help): key -> (Danish, English).

``step.N.purpose`` (one or two lines), ``step.N.questions`` (newline-separated
discussion questions) and ``help.step.N`` are shared by every step view.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- every step: purpose and discussion questions (from the seeds, own words) ---
    "step.1.purpose": (
        "Sæt rammen: hvem er med, hvilken enhed det gælder, og hvad kerneopgaven er "
        "med jeres egne ord. Vælg formålet og kataloget I starter fra.",
        "Set the frame: who takes part, which unit it concerns and what the core task is "
        "in your own words. Choose the purpose and the catalogue you start from.",
    ),
    "step.1.questions": (
        "Hvad er kerneopgaven i vores enhed, sagt med vores egne ord?\n"
        "Skal vi bruge profilerne til kompetenceudvikling, til rekruttering eller til begge dele?\n"
        "Hvem skal være med i drøftelsen, og hvem mangler vi?",
        "What is the core task of our unit, in our own words?\n"
        "Do we use the profiles for competence development, recruitment or both?\n"
        "Who should take part in the discussion, and who is missing?",
    ),
    "step.2.purpose": (
        "Gå basiskompetencerne igennem: hvilke skal hele medarbejdergruppen have hos jer, "
        "på hvilket niveau, og hvordan siger I det lokalt?",
        "Go through the basic competences: which must the whole staff group have here, "
        "at which level, and how do you say it locally?",
    ),
    "step.2.questions": (
        "Hvilke basiskompetencer skal medarbejderne som samlet gruppe have hos os?\n"
        "Hvilket niveau er nødvendigt for at løse kerneopgaven, og hvor er det forskelligt "
        "fra funktion til funktion?\n"
        "Mangler der en fælles faglighed, som kataloget ikke nævner?",
        "Which basic competences must the staff as a whole have here?\n"
        "Which level does the core task need, and where does it differ between functions?\n"
        "Is there shared professional ground the catalogue does not name?",
    ),
    "step.3.purpose": (
        "Tilpas de specialiserede byggesten og sæt dem sammen til lokale profiler med "
        "et antal personer, I har brug for. De lokale profiler er det vigtigste resultat.",
        "Adapt the specialised building blocks and compose local profiles with the number "
        "of people you need. The local profiles are the main result.",
    ),
    "step.3.questions": (
        "Hvilke elementer giver mening hos os, og hvilke fravælger vi?\n"
        "Hvilke roller har vi brug for, og hvor mange skal kunne varetage hver?\n"
        "Hvor bygger en profil oven på basiskompetencerne, og hvor står den alene?",
        "Which elements make sense here, and which do we drop?\n"
        "Which roles do we need, and how many people must be able to fill each?\n"
        "Where does a profile build on the basic competences, and where does it stand alone?",
    ),
    "step.4.purpose": (
        "Skriv medarbejderne ind (navn, initialer eller pseudonym), knyt dem til lokale "
        "profiler og vurdér hver persons nuværende niveau. Markér kompetencer, der ikke bruges.",
        "List the staff (name, initials or a pseudonym), link them to local profiles and "
        "rate each person's current level. Mark competences that are not used.",
    ),
    "step.4.questions": (
        "Hvilke kompetencer har vi allerede i medarbejdergruppen?\n"
        "Hvem har kompetencer, som ikke kommer i spil i det daglige arbejde?\n"
        "Er vi enige om, hvad niveauerne betyder, før vi vurderer?",
        "Which competences do we already have in the staff group?\n"
        "Who has competences that are not used in daily work?\n"
        "Do we agree what the levels mean before we rate?",
    ),
    "step.5.purpose": (
        "Se hvor enheden står: kompetencehuller pr. kompetence, pr. lokal profil og pr. person, "
        "kompetencer kun én har, og kompetencer der ikke bruges.",
        "See where the unit stands: gaps per competence, per local profile and per person, "
        "competences only one person holds, and competences that are not used.",
    ),
    "step.5.questions": (
        "Hvilke huller er størst i forhold til kerneopgaven?\n"
        "Hvor er vi sårbare, fordi kun én person har kompetencen?\n"
        "Hvilke ubrugte kompetencer kan vi sætte i spil ved at flytte opgaver?",
        "Which gaps matter most for the core task?\n"
        "Where are we vulnerable because only one person holds a competence?\n"
        "Which unused competences can we put to use by moving tasks?",
    ),
    "step.6.purpose": (
        "Læg en plan for de huller I vælger: kurser og uddannelse, læring i jobbet, sparring, "
        "rekruttering eller flyttede opgaver, med ansvarlig, frist og transferplan.",
        "Plan for the gaps you choose: courses and education, learning on the job, sparring, "
        "recruitment or moved tasks, with owner, deadline and transfer plan.",
    ),
    "step.6.questions": (
        "Hvilke huller lukker vi først, og hvordan?\n"
        "Hvordan bliver det lærte brugt i hverdagen og delt med kollegerne?\n"
        "Hvad vil den enkelte medarbejder blive bedre til?",
        "Which gaps do we close first, and how?\n"
        "How is what is learned used in daily work and shared with colleagues?\n"
        "What does each member of staff want to get better at?",
    ),
    "step.7.purpose": (
        "Saml aftaler, lokale profiler, huller og plan på én side. Markér workshoppen som "
        "aftalt, eksportér, og start senere en opfølgningsrunde.",
        "Bring decisions, local profiles, gaps and plan onto one page. Mark the workshop "
        "agreed, export, and later start a follow-up round.",
    ),
    "step.7.questions": (
        "Er vi enige om de lokale profiler og planen?\n"
        "Hvem følger op, og hvornår vurderer vi igen?\n"
        "Hvad skal medarbejderne have at vide om resultatet?",
        "Do we agree on the local profiles and the plan?\n"
        "Who follows up, and when do we rate again?\n"
        "What do the staff need to hear about the result?",
    ),
    # --- F1 help per step -------------------------------------------------------
    "help.step.1": (
        "Udfyld jobcenter, enhed, dato (ÅÅÅÅ-MM-DD) og kerneopgaven. Vælg formålet i listen.\n"
        "Deltagere: skriv navn og rolle og tryk Tilføj. Vælg en deltager i listen for at rette "
        "(Gem) eller fjerne (Fjern).\nAlt gemmes med det samme.",
        "Fill in jobcenter, unit, date (YYYY-MM-DD) and the core task. Choose the purpose.\n"
        "Participants: type name and role and press Add. Pick a participant in the list to "
        "change (Save) or remove (Remove).\nEverything is saved at once.",
    ),
    "help.step.2": (
        "Gå kompetencerne igennem tema for tema. For hver: med for hele gruppen eller ej, "
        "minimumsniveau, prioritet og lokal formulering (katalogets tekst står ved siden af).\n"
        "Tilføj jeres egne kompetencer nederst. Tasterne står i bunden af skærmen.",
        "Go through the competences theme by theme. For each: included for the whole group "
        "or not, minimum level, priority and local wording (the catalogue's text beside it).\n"
        "Add your own competences at the end. The keys are shown at the bottom.",
    ),
    "help.step.3": (
        "For hver fagprofil: behold eller fravælg elementer, omformulér, sæt målniveau og "
        "tilføj egne elementer.\nSammensæt lokale profiler: navn, elementer fra en eller flere "
        "byggesten og hvor mange personer I har brug for.",
        "For each profile block: keep or drop elements, reword, set a target level and add "
        "your own.\nCompose local profiles: a name, elements from one or more blocks and how "
        "many people you need.",
    ),
    "help.step.4": (
        "Tilføj medarbejdere (navn, initialer eller pseudonym, rolle, lokale profiler).\n"
        "I gitteret: piletaster flytter, et tal sætter niveauet med det samme, Delete sletter, "
        "u markerer 'har den, men bruger den ikke'. Panelet viser kompetencens tekst og "
        "niveauets betydning.",
        "Add staff (name, initials or pseudonym, role, local profiles).\n"
        "In the grid: arrow keys move, a digit sets the level at once, Delete clears, u marks "
        "'has it but does not use it'. The panel shows the competence's text and the level's "
        "meaning.",
    ),
    "help.step.5": (
        "Varmekortet viser medarbejdere mod kompetencer: farve og tegn viser niveau mod mål, "
        "så det kan læses uden farver.\nSortér og filtrér; vælg en person for at se personens "
        "huller. Tallene kommer fra analysen og ændres kun i trin 2-4.",
        "The heat map shows staff against competences: colour and symbol show level against "
        "target, so it reads without colour.\nSort and filter; pick a person to see their "
        "gaps. The numbers come from the analysis and change only in steps 2-4.",
    ),
    "help.step.6": (
        "Tilføj handlinger: type, titel, for hvem, kompetencer, ansvarlig, frist og status.\n"
        "Kurser og uddannelse kræver en transferplan: hvordan det lærte bruges og deles. "
        "Katalogets kurser, der passer til kompetencerne, foreslås. Personlige mål pr. medarbejder, "
        "med frist og en eller flere kompetencer (vælg en kompetence igen for at fjerne den).",
        "Add actions: kind, title, for whom, competences, owner, deadline and status.\n"
        "Courses and education need a transfer plan: how the learning is used and shared. "
        "The catalogue's matching courses are offered. Personal goals per member of staff, "
        "with a deadline and one or more competences (choose a competence again to remove it).",
    ),
    "help.step.7": (
        "Her står aftaler, lokale profiler, de største huller og planen samlet.\n"
        "Markér som aftalt (datoen gemmes) eller start en opfølgningsrunde, der tager de "
        "sidste vurderinger som udgangspunkt.\n"
        "Eksport: vælg format (Markdown, HTML, CSV, profiler som TOML, Excel, Word med en "
        "MUS-side pr. medarbejder eller én fil pr. medarbejder), mappe (standard eksport/ i "
        "workshopmappen), filnavn og om fulde navne skal med (standard: initialer). En fil, "
        "der findes i forvejen, erstattes kun, hvis du siger ja; ellers får den nye fil "
        "næste ledige navn.",
        "Decisions, local profiles, the main gaps and the plan in one place.\n"
        "Mark as agreed (the date is recorded) or start a follow-up round that starts from "
        "the last ratings.\n"
        "Export: choose the format (Markdown, HTML, CSV, profiles as TOML, Excel, Word with "
        "an appraisal-talk page per person or one file per person), the folder (by default "
        "eksport/ in the workshop folder), the file name and whether full names go in "
        "(default: initials). A file that exists is replaced only if you say yes; otherwise "
        "the new file takes the next free name.",
    ),
    "help.title": ("Hjælp: {step}", "Help: {step}"),
    "help.keys": (
        "I et felt skriver alle taster; Esc forlader feltet til trinnets liste, og Esc dér "
        "slipper tastaturet. "
        "Taster overalt: 1-7 skifter trin (når du ikke skriver i et felt), Ctrl+PgUp/PgDn "
        "forrige/næste trin, F1 hjælp, F2 vis/skjul noter og aftaler (i aftalelisten retter d "
        "eller Enter datoen, Delete fjerner aftalen), Ctrl+P kommandoer, "
        "F9 høj kontrast, Ctrl+L sprog, Ctrl+Z/Ctrl+Y fortryd/gentag, "
        "Ctrl+Q afslut (gemmer først).",
        "In a field every key types; Esc leaves the field for the step's list, and Esc "
        "there lets go of the keyboard. "
        "Keys everywhere: 1-7 change step (when not typing in a field), Ctrl+PgUp/PgDn "
        "previous/next step, F1 help, F2 show/hide notes and decisions (in the decision list d "
        "or Enter edits the date, Delete removes the decision), Ctrl+P commands, "
        "F9 high contrast, Ctrl+L language, Ctrl+Z/Ctrl+Y undo/redo, "
        "Ctrl+Q quit (saves first).",
    ),
    "help.close": ("Luk", "Close"),
    # --- key bindings (footer) ----------------------------------------------------
    "key.help": ("Hjælp", "Help"),
    "key.panel": ("Noter", "Notes"),
    "key.prev": ("Forrige", "Previous"),
    "key.next": ("Næste", "Next"),
    "key.contrast": ("Kontrast", "Contrast"),
    "key.language": ("English", "Dansk"),
    "key.quit": ("Afslut", "Quit"),
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
