"""User-facing strings of the staff's own assessment (selvvurdering) and wishes
(ønsker at udvikle): the forms, reading them back, and the own-data export.
Key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # own-data export (export.person)
    "person.self_level": ("Egen vurdering", "Own assessment"),
    "person.wish": ("Ønsker at udvikle", "Wants to develop"),
    # the form (export.self_assessment)
    "sa.file_prefix": ("selvvurdering", "self-assessment"),
    "sa.round_word": ("runde", "round"),
    "sa.no": ("nej", "no"),
    "sa.form.sheet": ("Selvvurdering", "Self-assessment"),
    "sa.form.title": ("Selvvurdering: {name}", "Self-assessment: {name}"),
    "sa.form.round": ("Vurderingsrunde {number}", "Rating round {number}"),
    "sa.form.how": (
        "Vurdér selv dit niveau på hver kompetence: vælg et tal i kolonnen "
        '"Dit niveau" (skalaen står herunder), eller lad feltet stå tomt. Skriv "ja" under '
        '"Ønsker at udvikle", hvis du gerne vil blive bedre til kompetencen. Skemaet '
        "rummer kun dig; gem det og send det tilbage til den, der gav dig det.",
        "Rate your own level on each competence: choose a number in the column "
        '"Your level" (the scale is below), or leave the cell empty. Write "yes" under '
        '"Wants to develop" if you want to get better at the competence. The form '
        "holds only you; save it and send it back to whoever gave it to you.",
    ),
    "sa.form.how_toml": (
        "Vurdér selv dit niveau på hver kompetence: skriv et tal fra skalaen herunder\n"
        'i stedet for "" ved level (fx level = 3), eller lad det tomme "" stå.\n'
        "Skriv wish = true, hvis du gerne vil udvikle kompetencen.\n"
        "Ret ikke i [form], person eller code. Gem filen og send den tilbage.",
        "Rate your own level on each competence: write a number from the scale below\n"
        'instead of "" at level (e.g. level = 3), or leave the empty "" as it is.\n'
        "Write wish = true if you want to develop the competence.\n"
        "Do not change [form], person or code. Save the file and send it back.",
    ),
    "sa.form.scale": ("Niveauer", "Levels"),
    "sa.form.level_prompt": (
        "Vælg dit eget niveau på skalaen, eller lad feltet stå tomt.",
        "Choose your own level on the scale, or leave the cell empty.",
    ),
    "sa.form.level_error_title": ("Ikke et niveau", "Not a level"),
    "sa.form.level_error": (
        "Vælg et af niveauerne {levels}, eller lad feltet stå tomt.",
        "Choose one of the levels {levels}, or leave the cell empty.",
    ),
    "sa.form.wish_error_title": ("Ja eller tomt", "Yes or empty"),
    "sa.form.wish_error": (
        'Skriv "{yes}", hvis du ønsker at udvikle kompetencen, ellers lad feltet stå tomt.',
        'Write "{yes}" if you want to develop the competence, else leave the cell empty.',
    ),
    "sa.col.person": ("Person", "Person"),
    "sa.col.code": ("Kode", "Code"),
    "sa.col.competence": ("Kompetence", "Competence"),
    "sa.col.description": ("Beskrivelse", "Description"),
    "sa.col.level": ("Dit niveau", "Your level"),
    "sa.col.wish": ("Ønsker at udvikle", "Wants to develop"),
    # places in a form
    "sa.place.row": ("række {row}", "row {row}"),
    "sa.place.line": ("linje {line} (kompetence nr. {number})", "line {line} (entry {number})"),
    "sa.place.entry": ("kompetence nr. {number}", "entry {number}"),
    # problems: what is wrong
    "sa.problem.line": ("{where}: {what}. {fix}.", "{where}: {what}. {fix}."),
    "sa.problem.head": (
        "Skemaerne blev ikke indlæst ({count} problem(er)):",
        "The forms were not read in ({count} problem(s)):",
    ),
    "sa.problem.nothing": (
        "Intet er ændret i sessionen. Ret skemaerne og indlæs dem alle igen.",
        "Nothing in the session was changed. Fix the forms and read them all in again.",
    ),
    "sa.bad.not_file": ("er ikke en fil", "is not a file"),
    "sa.bad.unreadable": ("kan ikke læses ({reason})", "cannot be read ({reason})"),
    "sa.bad.too_big": (
        "er alt for stor til et skema ({size} byte)",
        "is far too large for a form ({size} bytes)",
    ),
    "sa.bad.not_xlsx": (
        "kan ikke læses som Excel-projektmappe",
        "cannot be read as an Excel workbook",
    ),
    "sa.bad.not_utf8": ("er ikke tekst i UTF-8", "is not UTF-8 text"),
    "sa.bad.toml": ("er ikke gyldig TOML: {reason}", "is not valid TOML: {reason}"),
    "sa.bad.no_identity": (
        "er ikke et selvvurderingsskema fra fagworkshop (skemaets id mangler)",
        "is not a fagworkshop self-assessment form (its identity is missing)",
    ),
    "sa.bad.version": (
        "er et skema af en ukendt version ({version})",
        "is a form of an unknown version ({version})",
    ),
    "sa.bad.no_header": (
        "har ikke skemaets overskriftsrække (Kode, Kompetence, ...)",
        "lacks the form's header row (Code, Competence, ...)",
    ),
    "sa.bad.too_many_rows": (
        "har flere end {rows} rækker",
        "has more than {rows} rows",
    ),
    "sa.bad.no_rows": ("har ingen kompetencer", "has no competences"),
    "sa.bad.empty": (
        "er tomt: intet niveau og intet ønske er udfyldt",
        "is empty: no level and no wish is filled in",
    ),
    "sa.bad.session": (
        "hører til en anden workshop (session {found}, ikke {session})",
        "belongs to another workshop (session {found}, not {session})",
    ),
    "sa.bad.round": (
        "er til vurderingsrunde {found}, men workshoppen er i runde {current}",
        "is for rating round {found}, but the workshop is in round {current}",
    ),
    "sa.bad.person": (
        "er til en person, sessionen ikke kender ({id})",
        "is for a person the session does not know ({id})",
    ),
    "sa.bad.twice": (
        "er det andet skema for {id} (det første er {other})",
        "is the second form for {id} (the first is {other})",
    ),
    "sa.bad.other_person": (
        "rækken hører til en anden person ({id}), ikke skemaets {person}",
        "the row belongs to another person ({id}), not the form's {person}",
    ),
    "sa.bad.person_cell": ("'{value}' er ikke et person-id", "'{value}' is not a person id"),
    "sa.bad.code": ("'{value}' er ikke en kompetencekode", "'{value}' is not a competence code"),
    "sa.bad.code_twice": (
        "kompetencen {code} står der to gange (også i {other})",
        "the competence {code} is there twice (also at {other})",
    ),
    "sa.bad.unknown_code": (
        "sessionen kender ikke kompetencen {code}",
        "the session does not know the competence {code}",
    ),
    "sa.bad.not_relevant": (
        "kompetencen {code} er ikke på denne persons skema",
        "the competence {code} is not on this person's form",
    ),
    "sa.bad.level": (
        "niveauet '{value}' er ikke et helt tal",
        "the level '{value}' is not a whole number",
    ),
    "sa.bad.off_scale": (
        "niveauet {level} er uden for skalaen ({scale})",
        "the level {level} is outside the scale ({scale})",
    ),
    "sa.bad.wish": (
        "'{value}' under Ønsker at udvikle er hverken ja eller tomt",
        "'{value}' under Wants to develop is neither yes nor empty",
    ),
    "sa.bad.row_shape": ("er ikke en kompetence-række", "is not a competence row"),
    "sa.bad.keys": ("ukendte felter: {keys}", "unknown fields: {keys}"),
    # problems: the fix
    "sa.fix.not_form": (
        "Indlæs det skema, fagworkshop self-assessment skrev, udfyldt og gemt i samme format",
        "Read in the form fagworkshop self-assessment wrote, filled in and saved in the same format",
    ),
    "sa.fix.toml": (
        "Ret linjen, så filen er gyldig TOML (fx level = 3 og wish = true)",
        "Fix the line so the file is valid TOML (e.g. level = 3 and wish = true)",
    ),
    "sa.fix.path": ("Angiv stien til skemaets fil", "Give the path of the form's file"),
    "sa.fix.session": (
        "Indlæs skemaet i den session, det blev skrevet fra",
        "Read the form into the session it was written from",
    ),
    "sa.fix.new_form": (
        "Skriv et nyt skema med fagworkshop self-assessment og få det udfyldt",
        "Write a new form with fagworkshop self-assessment and have it filled in",
    ),
    "sa.fix.person": (
        "Skriv et nyt skema til personen med fagworkshop self-assessment",
        "Write a new form for the person with fagworkshop self-assessment",
    ),
    "sa.fix.twice": (
        "Indlæs kun ét skema pr. person (det nyeste)",
        "Read in only one form per person (the latest)",
    ),
    "sa.fix.other_person": (
        "Slet rækken: et skema rummer kun sin egen person",
        "Delete the row: a form holds its own person only",
    ),
    "sa.fix.row": (
        "Slet eller ret rækken, så den er som i det skrevne skema",
        "Delete or fix the row so it is as in the form that was written",
    ),
    "sa.fix.code_twice": ("Slet den ene af rækkerne", "Delete one of the rows"),
    "sa.fix.level": (
        "Vælg et niveau på skalaen, eller lad feltet stå tomt",
        "Choose a level on the scale, or leave the cell empty",
    ),
    "sa.fix.wish": (
        'Skriv "ja" (true i TOML), eller lad feltet stå tomt',
        'Write "yes" (true in TOML), or leave the cell empty',
    ),
    "sa.fix.empty": (
        "Udfyld mindst ét niveau eller ønske, eller lad skemaet være ude af indlæsningen",
        "Fill in at least one level or wish, or leave the form out of the import",
    ),
    # the commands
    "sa.cli.help": (
        "skriv et selvvurderingsskema til hver medarbejder (Excel eller TOML)",
        "write a self-assessment form for each member of staff (Excel or TOML)",
    ),
    "sa.cli.description": (
        "Skriver ét lille skema pr. medarbejder med personens relevante kompetencer, "
        "skalaen forklaret, et niveau og et ønske pr. kompetence. Skemaet rummer kun "
        "personen selv. Indlæs de udfyldte skemaer med import-forms.",
        "Writes one small form per member of staff with the person's relevant "
        "competences, the scale explained, a level and a wish per competence. The form "
        "holds only the person. Read the filled forms back with import-forms.",
    ),
    "sa.cli.session": ("sessionsfilen", "the session file"),
    "sa.cli.output": (
        "mappen til skemaerne (standard: eksport/ i sessionsmappen)",
        "the folder for the forms (default: eksport/ in the sessions folder)",
    ),
    "sa.cli.format": (
        "xlsx (Excel, standard) eller toml (til dem uden Excel)",
        "xlsx (Excel, default) or toml (for those without Excel)",
    ),
    "sa.cli.person": (
        "kun denne person (id; kan gentages)",
        "only this person (id; may be repeated)",
    ),
    "sa.cli.force": ("erstat skemaer, der findes i forvejen", "replace forms that exist"),
    "sa.cli.import_help": (
        "indlæs udfyldte selvvurderingsskemaer i sessionen",
        "read filled self-assessment forms into the session",
    ),
    "sa.cli.import_description": (
        "Tjekker alle skemaerne, før noget indlæses: et problem i ét skema betyder, at "
        "intet ændres. Hvert problem nævnes med skema, række og hvad der skal rettes.",
        "Checks every form before anything is read in: a problem in one form means "
        "nothing is changed. Each problem is named with its form, row and fix.",
    ),
    "sa.cli.forms": (
        "de udfyldte skemaer (.xlsx eller .toml)",
        "the filled forms (.xlsx or .toml)",
    ),
    "sa.done.forms": (
        "{count} skema(er) skrevet i {folder}",
        "{count} form(s) written in {folder}",
    ),
    "sa.done.form": (
        "{form}: {person}, {levels} niveau(er), {wishes} ønske(r)",
        "{form}: {person}, {levels} level(s), {wishes} wish(es)",
    ),
    "sa.done.import": (
        "{count} skema(er) indlæst og gemt i {path}",
        "{count} form(s) read in and saved in {path}",
    ),
    "sa.error.no_round": (
        "Sessionen har ingen vurderingsrunde endnu",
        "The session has no rating round yet",
    ),
    "sa.error.no_competences": (
        "Ingen har kompetencer at vurdere endnu: vælg basiskompetencer i trin 2 eller "
        "knyt medarbejderne til lokale profiler i trin 4",
        "Nobody has competences to assess yet: choose basic competences in step 2 or "
        "link the staff to local profiles in step 4",
    ),
    "sa.left_out": (
        "Intet skema til {people}: ingen kompetencer at vurdere endnu (ingen valgte "
        "basiskompetencer og ingen lokal profil)",
        "No form for {people}: no competences to assess yet (no chosen basic "
        "competences and no local profile)",
    ),
    "sa.error.no_staff": ("Sessionen har ingen medarbejdere", "The session has no staff"),
    "sa.error.not_folder": ("{path} er ikke en mappe", "{path} is not a folder"),
}
