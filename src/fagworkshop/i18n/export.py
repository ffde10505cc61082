"""User-facing strings of the export area: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # Whether names leave the room.
    "export.names.full": (
        "Indeholder fulde navne på medarbejdere (eksporteret med --with-names).",
        "Contains full names of staff (exported with --with-names).",
    ),
    "export.names.hidden": (
        "Medarbejdere vises med initialer eller pseudonym, ikke med fulde navne.",
        "Staff appear by initials or pseudonym, not by full name.",
    ),
    # The report: lead facts.
    "export.jobcenter": ("Jobcenter", "Jobcentre"),
    "export.unit": ("Enhed", "Unit"),
    "export.date": ("Dato", "Date"),
    "export.status": ("Status", "Status"),
    "export.round": ("Vurderingsrunde", "Rating round"),
    "export.round_n": ("Runde {number}", "Round {number}"),
    # Frame.
    "export.purpose": ("Formål", "Purpose"),
    "export.catalogue": ("Katalog", "Catalogue"),
    "export.participants": ("Deltagere", "Participants"),
    "export.core_task": ("Kerneopgaven", "Core task"),
    "export.decisions": ("Aftaler", "Decisions"),
    "export.notes": ("Noter fra trinnene", "Notes from the steps"),
    # Basic competences and local profiles.
    "export.basic": ("Basiskompetence", "Basic competence"),
    "export.theme": ("Tema", "Theme"),
    "export.min_level": ("Minimumsniveau", "Minimum level"),
    "export.priority": ("Prioritet", "Priority"),
    "export.local_profiles": ("Lokale profiler", "Local profiles"),
    "export.local_profiles.lead": (
        "De aftalte lokale profiler, med elementer og målniveau.",
        "The agreed local profiles, with elements and target levels.",
    ),
    "export.needed": ("Behov (antal personer)", "Needed (people)"),
    "export.element": ("Element", "Element"),
    "export.block": ("Fagprofil", "Profile block"),
    "export.target": ("Målniveau", "Target level"),
    # Gaps.
    "export.gaps.lead": (
        "Hvor enheden står: hvem der når målniveauet, og hvor der er huller.",
        "Where the unit stands: who meets the target level, and where the gaps are.",
    ),
    "export.coverage": ("Dækning pr. kompetence", "Coverage per competence"),
    "export.competence": ("Kompetence", "Competence"),
    "export.meets": ("Når målet", "Meet target"),
    "export.below": ("Under målet", "Below target"),
    "export.unrated": ("Ikke vurderet", "Not rated"),
    "export.unused": ("Har men bruger ikke", "Hold but do not use"),
    "export.qualification": (
        "Lokale profiler: kvalificerede mod behov",
        "Local profiles: qualified against need",
    ),
    "export.profile": ("Lokal profil", "Local profile"),
    "export.qualified": ("Kvalificerede", "Qualified"),
    "export.close": ("Tæt på", "Close"),
    "export.shortfall": ("Mangler", "Short by"),
    "export.single_holders": (
        "Kompetencer som kun én person har",
        "Competences only one person holds",
    ),
    "export.unused_title": ("Ubrugte kompetencer", "Unused competences"),
    "export.personal_gaps": ("Den enkeltes huller", "Personal gaps"),
    "export.gap_item": (
        "{competence} ({level} af {target})",
        "{competence} ({level} of {target})",
    ),
    "export.none": ("Ingen.", "None."),
    "export.heat_map": ("Varmekort", "Heat map"),
    "export.heat_map.lead": (
        "Niveau mod målniveau. Tegn: + over målet, intet tegn = på målet, "
        "- ét niveau under, ! to eller flere under, ? ikke vurderet, "
        "* har men bruger ikke, tom grå celle = ikke relevant.",
        "Level against target. Signs: + above target, no sign = on target, "
        "- one level below, ! two or more below, ? not rated, "
        "* holds but does not use, empty grey cell = not relevant.",
    ),
    "export.code": ("Kode", "Code"),
    "export.staff": ("Medarbejder", "Member of staff"),
    "export.target_row": ("Mål", "Target"),
    # Change between rounds.
    "export.change": (
        "Udvikling fra runde {before} til runde {after}",
        "Change from round {before} to round {after}",
    ),
    "export.before": ("Kvalificerede før", "Qualified before"),
    "export.after": ("Kvalificerede nu", "Qualified now"),
    "export.meets_before": ("Når målet før", "Meet target before"),
    "export.meets_after": ("Når målet nu", "Meet target now"),
    "export.no_change": ("Ingen ændringer.", "No changes."),
    # Plan.
    "export.plan.lead": (
        "Handlinger der lukker huller, med transferplan: hvordan det lærte bruges og deles.",
        "Actions that close gaps, with a transfer plan: how the learning is used and shared.",
    ),
    "export.kind": ("Type", "Kind"),
    "export.for_whom": ("For", "For"),
    "export.competences": ("Kompetencer", "Competences"),
    "export.owner": ("Ansvarlig", "Owner"),
    "export.deadline": ("Frist", "Deadline"),
    "export.action_status": ("Status", "Status"),
    "export.course": ("Kursus", "Course"),
    "export.transfer_plan": ("Transferplan", "Transfer plan"),
    "export.transfer_missing": (
        "Mangler: et kursus skal have en transferplan.",
        "Missing: a course needs a transfer plan.",
    ),
    "export.note": ("Note", "Note"),
    "export.goals": ("Udviklingsmål", "Development goals"),
    "export.goal_deadline": ("frist {date}", "deadline {date}"),
    "export.goal_done": ("nået", "reached"),
    # HTML page.
    "export.html.generated_by": ("Lavet med fagworkshop", "Made with fagworkshop"),
    "export.footer": (
        "Eksporteret {when} · {round} · {title}",
        "Exported {when} · {round} · {title}",
    ),
    "export.footer.no_round": ("ingen runde", "no round"),
    "export.page_of": ("Side {page} af {pages}", "Page {page} of {pages}"),
    "export.heat_group": ("{first}–{last}", "{first}–{last}"),
    "export.heat_group.part": ("del {n} af {total}", "part {n} of {total}"),
    "export.heat_key": ("Kodenøgle {first}–{last}", "Code key {first}–{last}"),
    "export.heat_colours": ("Farver", "Colours"),
    "export.per_person": ("Den enkelte medarbejder", "Each member of staff"),
    "export.per_person.lead": (
        "Huller og udviklingsmål for hver medarbejder, til den enkeltes udviklingssamtale.",
        "Gaps and development goals for each member of staff, for their appraisal talk.",
    ),
    # Dates people read (the report); machine data keeps ISO dates.
    "export.long_date": ("{day}. {month} {year}", "{day} {month} {year}"),
    "export.clock": ("kl. {hour}.{minute}", "at {hour}:{minute}"),
    "export.month.1": ("januar", "January"),
    "export.month.2": ("februar", "February"),
    "export.month.3": ("marts", "March"),
    "export.month.4": ("april", "April"),
    "export.month.5": ("maj", "May"),
    "export.month.6": ("juni", "June"),
    "export.month.7": ("juli", "July"),
    "export.month.8": ("august", "August"),
    "export.month.9": ("september", "September"),
    "export.month.10": ("oktober", "October"),
    "export.month.11": ("november", "November"),
    "export.month.12": ("december", "December"),
    # CSV header.
    "export.csv.jobcenter": ("jobcenter", "jobcentre"),
    "export.csv.unit": ("enhed", "unit"),
    "export.csv.round": ("runde", "round"),
    "export.csv.round_date": ("rundedato", "round date"),
    "export.csv.person_id": ("person-id", "person id"),
    "export.csv.person_name": ("medarbejder (navn)", "staff (name)"),
    "export.csv.person_hidden": ("medarbejder (initialer/pseudonym)", "staff (initials/pseudonym)"),
    "export.csv.role": ("rolle", "role"),
    "export.csv.profiles": ("lokale profiler", "local profiles"),
    "export.csv.competence_id": ("kompetence-id", "competence id"),
    "export.csv.competence": ("kompetence", "competence"),
    "export.csv.kind": ("type", "kind"),
    "export.csv.relevant": ("relevant", "relevant"),
    "export.csv.level": ("niveau", "level"),
    "export.csv.target": ("målniveau", "target level"),
    "export.csv.state": ("status", "state"),
    "export.csv.unused": ("ubrugt", "unused"),
    "export.kind.basic": ("basiskompetence", "basic"),
    "export.kind.element": ("element", "element"),
    "export.state.above": ("over målet", "above target"),
    "export.state.meets": ("på målet", "on target"),
    "export.state.one_below": ("ét under", "one below"),
    "export.state.far_below": ("flere under", "far below"),
    "export.state.unrated": ("ikke vurderet", "not rated"),
    "export.state.no_target": ("intet mål", "no target"),
    "export.state.not_relevant": ("ikke relevant", "not relevant"),
    # TOML profiles catalogue.
    "export.toml.header": (
        "Lokale profiler eksporteret fra en workshop, som katalog. Indeholder ingen "
        "personoplysninger. Kan bruges som katalog til en ny workshop.",
        "Local profiles exported from a workshop, as a catalogue. Contains no personal "
        "data. Can be used as the catalogue of a new workshop.",
    ),
    "export.toml.title": ("Lokale profiler: {title}", "Local profiles: {title}"),
    "export.toml.source": (
        "Eksporteret fra workshoppen «{title}»{where}",
        "Exported from the workshop «{title}»{where}",
    ),
    "export.toml.description": (
        "De lokale profiler og basiskompetencer, som teamet aftalte.",
        "The local profiles and basic competences the team agreed.",
    ),
    "export.toml.needed": (
        "Behov: {needed} personer med profilen.",
        "Needed: {needed} people holding the profile.",
    ),
    "export.toml.original": ("Katalogets titel: {title}", "Catalogue title: {title}"),
    "export.toml.no_theme": ("Uden tema", "No theme"),
    # The command.
    "export.cli.help": ("eksportér en workshop", "export a workshop"),
    "export.cli.path": ("workshopfilen (.toml)", "the workshop file (.toml)"),
    "export.cli.format": (
        "format: md, html, csv, toml, xlsx eller docx",
        "format: md, html, csv, toml, xlsx or docx",
    ),
    "export.cli.output": (
        "hvor eksporten skrives (- for skærmen); standard er ved siden af workshopfilen",
        "where the export is written (- for the screen); by default next to the workshop file",
    ),
    "export.cli.with_names": (
        "tag fulde navne med (standard: initialer eller pseudonym)",
        "include full names (default: initials or pseudonym)",
    ),
    "export.cli.force": ("overskriv en eksisterende fil", "overwrite an existing file"),
    "export.error.suffix": (
        "-o {path} ender på {suffix}, men formatet er {format}: filen ville ikke kunne åbnes "
        "som {suffix}. Brug --format {named}, eller et filnavn, der passer til {format}.",
        "-o {path} ends in {suffix}, but the format is {format}: the file would not open "
        "as {suffix}. Use --format {named}, or a file name that fits {format}.",
    ),
    "export.error.format": (
        "Ukendt format: {format}. Vælg et af: {choices}.",
        "Unknown format: {format}. Choose one of: {choices}.",
    ),
    "export.error.not_regular": (
        "{path} er ikke en almindelig fil (fx en enhed, en FIFO, en mappe eller et link) "
        "og erstattes aldrig, heller ikke med --force. Vælg et andet navn med -o.",
        "{path} is not a regular file (a device, a FIFO, a folder or a link, say) and is "
        "never replaced, not even with --force. Choose another name with -o.",
    ),
    "export.error.exists": (
        "Filen findes allerede: {path}. Brug --force for at overskrive den, eller vælg "
        "en anden fil med -o.",
        "The file already exists: {path}. Use --force to overwrite it, or choose another "
        "file with -o.",
    ),
    "export.error.same_file": (
        "Eksporten ville overskrive selve workshopfilen: {path}. Vælg en anden fil med -o.",
        "The export would overwrite the workshop file itself: {path}. Choose another file with -o.",
    ),
    "export.error.write": (
        "Kan ikke skrive {path}: {reason}. Vælg en anden mappe med -o.",
        "Cannot write {path}: {reason}. Choose another folder with -o.",
    ),
    "export.done": ("Eksporteret til {path}", "Exported to {path}"),
}
