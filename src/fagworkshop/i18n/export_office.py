"""User-facing strings of the Excel and Word exports: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # Sheet names (at most 31 characters, none of []:*?/\).
    "xlsx.sheet.heat_map": ("Varmekort", "Heat map"),
    "xlsx.sheet.ratings": ("Vurderinger", "Ratings"),
    "xlsx.sheet.profiles": ("Lokale profiler", "Local profiles"),
    "xlsx.sheet.plan": ("Handlingsplan", "Action plan"),
    "xlsx.sheet.goals": ("Udviklingsmål", "Development goals"),
    # Column headers.
    "xlsx.col.jobcenter": ("Jobcenter", "Jobcentre"),
    "xlsx.col.unit": ("Enhed", "Unit"),
    "xlsx.col.round": ("Runde", "Round"),
    "xlsx.col.round_date": ("Rundedato", "Round date"),
    "xlsx.col.person_hidden": ("Medarbejder (initialer/pseudonym)", "Staff (initials/pseudonym)"),
    "xlsx.col.person_name": ("Medarbejder (navn)", "Staff (name)"),
    "xlsx.col.role": ("Rolle", "Role"),
    "xlsx.col.local_profiles": ("Lokale profiler", "Local profiles"),
    "xlsx.col.code": ("Kompetencekode", "Competence code"),
    "xlsx.col.competence": ("Kompetence", "Competence"),
    "xlsx.col.kind": ("Type", "Kind"),
    "xlsx.col.relevant": ("Relevant", "Relevant"),
    "xlsx.col.level": ("Niveau", "Level"),
    "xlsx.col.target": ("Målniveau", "Target level"),
    "xlsx.col.gap": ("Hul (niveauer)", "Gap (levels)"),
    "xlsx.col.unused": ("Har men bruger ikke", "Holds but does not use"),
    "xlsx.col.state": ("Status", "State"),
    "xlsx.col.note": ("Note", "Note"),
    "xlsx.col.profile": ("Lokal profil", "Local profile"),
    "xlsx.col.needed": ("Behov (personer)", "Needed (people)"),
    "xlsx.col.qualified": ("Kvalificerede", "Qualified"),
    "xlsx.col.close": ("Tæt på", "Close"),
    "xlsx.col.shortfall": ("Mangler", "Short by"),
    "xlsx.col.element": ("Element", "Element"),
    "xlsx.col.block": ("Fagprofil", "Profile block"),
    "xlsx.col.action": ("Handling", "Action"),
    "xlsx.col.for_whom": ("For", "For"),
    "xlsx.col.competences": ("Kompetencer", "Competences"),
    "xlsx.col.owner": ("Ansvarlig", "Owner"),
    "xlsx.col.deadline": ("Frist", "Deadline"),
    "xlsx.col.status": ("Status", "Status"),
    "xlsx.col.course": ("Kursus", "Course"),
    "xlsx.col.transfer_plan": ("Transferplan", "Transfer plan"),
    "xlsx.col.goal": ("Mål", "Goal"),
    "xlsx.col.done": ("Nået", "Reached"),
    "xlsx.yes": ("Ja", "Yes"),
    "xlsx.no": ("Nej", "No"),
    "xlsx.heat.legend": ("Farvernes betydning", "What the colours mean"),
    "xlsx.heat.codes": ("Koder", "Codes"),
    # Word: the per-person sheet for the appraisal talk (MUS).
    "sheet.title": ("Udviklingssamtale: {person}", "Development talk: {person}"),
    "sheet.lead": (
        "Til medarbejderudviklingssamtalen (MUS): profiler, niveau mod målniveau, huller, "
        "mål og de handlinger, personen er med i.",
        "For the appraisal talk: profiles, level against target, gaps, goals and the "
        "actions the person takes part in.",
    ),
    "sheet.role": ("Rolle", "Role"),
    "sheet.profiles": ("Lokale profiler", "Local profiles"),
    "sheet.no_profiles": ("Ingen lokal profil.", "No local profile."),
    "sheet.profile_met": ("opfylder profilens målniveauer", "meets the profile's targets"),
    "sheet.profile_close": ("ét niveau fra på ét element", "one level short on one element"),
    "sheet.profile_not_yet": ("endnu ikke alle målniveauer", "not yet every target"),
    "sheet.ratings": ("Niveau mod målniveau", "Level against target"),
    "sheet.sign": ("Tegn", "Sign"),
    "sheet.gap_item": (
        "{competence} ({level} af {target})",
        "{competence} ({level} of {target})",
    ),
    "sheet.gaps": ("Huller", "Gaps"),
    "sheet.unused": ("Har men bruger ikke", "Holds but does not use"),
    "sheet.goals": ("Udviklingsmål", "Development goals"),
    "sheet.actions": ("Handlinger personen er med i", "Actions the person takes part in"),
    "sheet.talk_notes": ("Noter fra samtalen", "Notes from the talk"),
    "sheet.whole_group": ("hele gruppen", "the whole group"),
    "sheet.people": ("Udviklingssamtaler", "Development talks"),
    "docx.heat_map.split": (
        "Kolonne {first} til {last} af {total}",
        "Columns {first} to {last} of {total}",
    ),
    # Step 7's export form.
    "summary.export_title": ("Eksport", "Export"),
    "exportform.format": ("Format", "Format"),
    "exportform.fmt.md": ("Markdown (.md)", "Markdown (.md)"),
    "exportform.fmt.html": ("HTML til print (.html)", "HTML for print (.html)"),
    "exportform.fmt.csv": ("CSV til regneark (.csv)", "CSV for spreadsheets (.csv)"),
    "exportform.fmt.toml": ("Profiler som katalog (.toml)", "Profiles as catalogue (.toml)"),
    "exportform.fmt.xlsx": ("Excel-projektmappe (.xlsx)", "Excel workbook (.xlsx)"),
    "exportform.fmt.docx": ("Word med MUS-ark (.docx)", "Word with talk sheets (.docx)"),
    "exportform.with_names": ("Med fulde navne", "With full names"),
    "exportform.folder": ("Mappe", "Folder"),
    "exportform.name": ("Filnavn", "File name"),
    "exportform.go": ("Eksportér", "Export"),
    "exportform.exists": (
        "Filen findes allerede:\n{path}\n\nSkal den erstattes?",
        "The file already exists:\n{path}\n\nReplace it?",
    ),
    "exportform.new_name": ("Nyt navn: {name} (n)", "New name: {name} (n)"),
    "exportform.per_person": ("Word: én fil pr. medarbejder", "Word: one file per person"),
    "exportform.exists_many": (
        "{count} af filerne findes allerede, fx:\n{path}\n\nSkal de erstattes?",
        "{count} of the files already exist, e.g.:\n{path}\n\nReplace them?",
    ),
    "exportform.new_names": ("Nye navne (n)", "New names (n)"),
    "exportform.staff_changed": (
        "Medarbejderlisten ændrede sig undervejs. Eksportér igen.",
        "The staff list changed meanwhile. Export again.",
    ),
    "exportform.replace": ("Overskriv (o)", "Overwrite (o)"),
    "exportform.cancel": ("Annullér (Esc)", "Cancel (Esc)"),
    "exportform.cancelled": ("Eksporten blev annulleret.", "The export was cancelled."),
    "exportform.working": ("Eksporterer til {path} …", "Exporting to {path} …"),
    "exportform.appeared": (
        "{path} er dukket op i mellemtiden; den er ikke overskrevet. Eksportér igen.",
        "{path} appeared in the meantime; it was not overwritten. Export again.",
    ),
    # The command.
    "export.cli.per_person": (
        "docx: én fil pr. medarbejder (standard: én fil med en side pr. medarbejder)",
        "docx: one file per member of staff (default: one file with a page each)",
    ),
    "export.error.per_person": (
        "--per-person gælder kun formatet docx.",
        "--per-person applies to the docx format only.",
    ),
    "export.error.per_person_stdout": (
        "--per-person skriver flere filer og kan ikke skrive til skærmen (-o -). "
        "Angiv en mappe med -o.",
        "--per-person writes several files and cannot write to the screen (-o -). "
        "Give a folder with -o.",
    ),
    "export.error.binary_tty": (
        "Formatet {format} er en fil, ikke tekst; det skrives ikke til terminalen. "
        "Angiv en fil med -o.",
        "The {format} format is a file, not text; it is not written to the terminal. "
        "Give a file with -o.",
    ),
    "export.error.bad_name": (
        "Ugyldigt filnavn: «{name}». Skriv et navn uden mappe; mappen vælges for sig.",
        "Invalid file name: «{name}». Write a name without a folder; the folder is chosen "
        "on its own.",
    ),
    "export.error.not_folder": (
        "{path} er ikke en mappe. Vælg en anden mappe.",
        "{path} is not a folder. Choose another folder.",
    ),
    "export.done_many": (
        "Eksporteret {count} filer til {path}",
        "Exported {count} files to {path}",
    ),
}
