"""User-facing strings of the store area: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # FileProblem.describe()
    "store.problem.head": ("Filen kan ikke åbnes: {path}", "The file cannot be opened: {path}"),
    "store.problem.more": ("... og {count} problemer mere", "... and {count} more problems"),
    "store.problem.backup": (
        "Den forrige version findes som sikkerhedskopi: {backup}",
        "The previous version is kept as a backup: {backup}",
    ),
    "store.problem.untouched": ("Filen er ikke ændret.", "The file has not been changed."),
    "store.place.line": ("linje {line}, kolonne {column}", "line {line}, column {column}"),
    "store.place.end": ("sidst i filen", "at the end of the file"),
    # What to do
    "store.hint.fix": (
        "Ret de nævnte steder i filen med en teksteditor (filformatet står i docs/files.md), "
        "eller brug sikkerhedskopien.",
        "Correct the places named above in a text editor (the format is in docs/files.md), "
        "or use the backup.",
    ),
    "store.hint.syntax": (
        "Filen er ikke gyldig TOML. Ret stedet i en teksteditor, eller brug sikkerhedskopien.",
        "The file is not valid TOML. Correct the place in a text editor, or use the backup.",
    ),
    "store.hint.encoding": (
        "Gem filen som UTF-8 i din teksteditor og prøv igen.",
        "Save the file as UTF-8 in your text editor and try again.",
    ),
    "store.hint.empty": (
        "Brug sikkerhedskopien, hvis der er en, eller slet den tomme fil.",
        "Use the backup if there is one, or delete the empty file.",
    ),
    "store.hint.path": (
        "Tjek stien, og at du har lov at læse filen.",
        "Check the path and that you may read the file.",
    ),
    "store.hint.folder": (
        "Angiv stien til en workshopfil (.toml) i mappen, ikke mappen selv.",
        "Give the path of a workshop file (.toml) in the folder, not the folder itself.",
    ),
    "store.hint.newer": (
        "Filen er lavet med en nyere fagworkshop. Opdater programmet for at åbne den; "
        "den bliver ikke overskrevet.",
        "The file was made by a newer fagworkshop. Update the program to open it; "
        "it will not be overwritten.",
    ),
    # Reading
    "store.read.directory": (
        "Stien er en mappe, ikke en fil.",
        "The path is a folder, not a file.",
    ),
    "store.read.not_file": (
        "Stien er ikke en almindelig fil (men fx en enhed eller en navngiven pipe).",
        "The path is not a regular file (but, say, a device or a named pipe).",
    ),
    "store.read.os": ("Filen kan ikke læses: {reason}", "The file cannot be read: {reason}"),
    "store.read.too_big": ("Filen er for stor til at være en workshop.", "The file is too large."),
    "store.read.too_big_size": (
        "Filen fylder {size} MB; en workshop-fil kan højst fylde {limit} MB "
        "(et helt jobcenter med 2.000 medarbejdere og fem runder fylder omkring 7 MB).",
        "The file is {size} MB; a workshop file can be at most {limit} MB "
        "(a whole jobcenter of 2,000 staff and five rounds is about 7 MB).",
    ),
    "store.save.invalid": (
        "filen ville ikke kunne åbnes igen ({problems}); ret det nævnte, indtil da er "
        "ændringerne kun i hukommelsen",
        "the file could not be opened again ({problems}); fix what is named, until then "
        "the changes are only in memory",
    ),
    "store.save.locked": (
        "Workshoppen er åben i et andet program, der har låst den. Ændringen er ikke gemt "
        "her, så det andet programs arbejde ikke overskrives.",
        "The workshop is open in another program that holds its lock. The change is not "
        "saved here, so the other program's work is not overwritten.",
    ),
    "store.save.too_big": (
        "Workshoppen ville fylde {size} MB, men en workshop-fil kan højst fylde {limit} MB "
        "og kunne så ikke åbnes igen. Ændringen er ikke gemt; eksportér eller del workshoppen.",
        "The workshop would take {size} MB, but a workshop file can be at most {limit} MB "
        "and could not be opened again. The change is not saved; export or split the workshop.",
    ),
    "store.read.empty": ("Filen er tom.", "The file is empty."),
    "store.read.not_utf8": (
        "Filen er ikke gemt som UTF-8-tekst.",
        "The file is not saved as UTF-8 text.",
    ),
    "store.read.not_toml": ("Ikke gyldig TOML: {detail}", "Not valid TOML: {detail}"),
    "store.read.too_deep": (
        "Filen er indlejret for dybt til at kunne læses.",
        "The file is nested too deeply to be read.",
    ),
    "store.read.newer": (
        "Filen har schema_version {version}, men denne fagworkshop kender kun op til {known}.",
        "The file has schema_version {version}, but this fagworkshop knows only up to {known}.",
    ),
    "store.migrate.unknown": (
        "schema_version {version} er ikke en kendt version.",
        "schema_version {version} is not a known version.",
    ),
    "store.migrate.person_competence": (
        "En vurdering skal have både person og competence som tekst.",
        "A rating needs both person and competence as text.",
    ),
    # Rating lines (schema_version 2: one line per person and round, store.shape)
    "store.shape.not_line": (
        "skal være en linje med kompetence:niveau-par, fx 'b-01:3 b-02:2'",
        "must be a line of competence:level pairs, e.g. 'b-01:3 b-02:2'",
    ),
    "store.shape.bad_pair": (
        "'{piece}' er ikke et kompetence:niveau-par (fx b-01:3; niveauet er et helt tal)",
        "'{piece}' is not a competence:level pair (e.g. b-01:3; the level is a whole number)",
    ),
    "store.shape.twice": (
        "kompetencen står to gange i samme linje",
        "the competence appears twice in the same line",
    ),
    "store.shape.not_int": ("niveauet skal være et helt tal", "the level must be a whole number"),
    "store.shape.bad_person": (
        "ukendt form for et person-id (små bogstaver, tal, - og _)",
        "not the form of a person id (lower-case letters, digits, - and _)",
    ),
    # Validation (pydantic error types)
    "store.v.missing": ("mangler (feltet skal være der)", "is missing (the field is required)"),
    "store.v.extra": (
        "ukendt felt; fjern det eller ret stavningen",
        "unknown key; remove it or correct its spelling",
    ),
    "store.v.string": ("skal være tekst i anførselstegn", "must be text in quotes"),
    "store.v.int": ("skal være et helt tal", "must be a whole number"),
    "store.v.bool": ("skal være true eller false", "must be true or false"),
    "store.v.list": ("skal være en liste [ ... ]", "must be a list [ ... ]"),
    "store.v.table": ("skal være en tabel", "must be a table"),
    "store.v.ge": ("skal være mindst {ge}", "must be at least {ge}"),
    "store.v.le": ("må højst være {le}", "must be at most {le}"),
    "store.v.gt": ("skal være større end {gt}", "must be greater than {gt}"),
    "store.v.lt": ("skal være mindre end {lt}", "must be less than {lt}"),
    "store.v.id": (
        "er ikke et gyldigt id (små bogstaver a-z, tal, - og _, højst 64 tegn)",
        "is not a valid id (lower-case a-z, digits, - and _, at most 64 characters)",
    ),
    "store.v.too_long": (
        "er for lang (højst {max_length} tegn)",
        "is too long (at most {max_length} characters)",
    ),
    "store.v.enum": ("skal være en af: {expected}", "must be one of: {expected}"),
    "store.v.date": ("skal være en dato som 2026-11-22", "must be a date like 2026-11-22"),
    "store.v.datetime": (
        "skal være et tidspunkt som 2026-11-22T09:00:00Z",
        "must be a date and time like 2026-11-22T09:00:00Z",
    ),
    "store.v.empty": ("må ikke være tom", "must not be empty"),
    # Cross-references (the domain's checks)
    "store.x.unknown_person": ("ukendt medarbejder '{id}'", "unknown member of staff '{id}'"),
    "store.x.unknown_competence": ("ukendt kompetence '{id}'", "unknown competence '{id}'"),
    "store.x.unknown_profile": ("ukendt lokal profil '{id}'", "unknown local profile '{id}'"),
    "store.x.unknown_theme": ("ukendt tema '{id}'", "unknown theme '{id}'"),
    "store.x.unknown_course": ("ukendt kursus '{id}'", "unknown course '{id}'"),
    "store.x.unknown_step": ("ukendt trin '{id}'", "unknown step '{id}'"),
    "store.x.dup_id": (
        "id'et '{id}' er brugt mere end én gang",
        "the id '{id}' is used more than once",
    ),
    "store.x.dup_round": ("runde {id} findes to gange", "round {id} appears twice"),
    "store.x.level_outside": (
        "niveau {level} ligger uden for skalaen {scale}",
        "level {level} is outside the scale {scale}",
    ),
    "store.x.agreed_date": (
        "en aftalt workshop skal have datoen for aftalen (agreed_on)",
        "an agreed workshop needs the date it was agreed (agreed_on)",
    ),
    "store.x.empty_scale": ("niveauskalaen er tom", "the level scale is empty"),
    "store.x.levels": (
        "niveauerne skal være fortløbende og forskellige, fandt {levels}",
        "levels must be consecutive and unique, found {levels}",
    ),
    # Saving and locking
    "store.save.failed": (
        "Workshoppen blev ikke gemt i {path}: {reason}. Filen på disken er uændret.",
        "The workshop was not saved to {path}: {reason}. The file on disk is unchanged.",
    ),
    "store.save.newer": (
        "filen er lavet med en nyere fagworkshop (schema_version {version}) og overskrives ikke",
        "the file is from a newer fagworkshop (schema_version {version}) and is not overwritten",
    ),
    "store.save.not_serialisable": (
        "indholdet kan ikke skrives som TOML ({detail})",
        "the content cannot be written as TOML ({detail})",
    ),
    "store.locked": (
        "Workshoppen {path} er allerede åben i et andet fagworkshop-vindue. "
        "Luk den dér, eller åbn den skrivebeskyttet her.",
        "The workshop {path} is already open in another fagworkshop window. "
        "Close it there, or open it read-only here.",
    ),
    "store.os.permission": (
        "ingen adgang (tjek rettighederne)",
        "permission denied (check the permissions)",
    ),
    "store.os.read_only": ("filsystemet er skrivebeskyttet", "the file system is read-only"),
    "store.os.no_space": ("der er ikke mere plads på disken", "the disk is full"),
    "store.os.not_found": ("filen eller mappen findes ikke", "the file or folder does not exist"),
    "store.os.is_directory": ("stien er en mappe", "the path is a folder"),
    "store.os.name_too_long": ("filnavnet er for langt", "the file name is too long"),
    # Files cut short (SessionTruncated) and files changed outside (OutsideChange)
    "store.truncated.head": (
        "Filen er afkortet: den blev skrevet af fagworkshop, men slutningen mangler "
        "(fx en afbrudt kopiering eller en fuld disk).",
        "The file is cut short: it was written by fagworkshop, but its end is missing "
        "(an interrupted copy or a full disk, say).",
    ),
    "store.entry.catalogue": (
        "et katalog, ikke en workshop: start en ny workshop fra det",
        "a catalogue, not a workshop: start a new workshop from it",
    ),
    "store.truncated.problem": (
        "filen er afkortet: den sidste linje mangler",
        "the file is cut short: its last line is missing",
    ),
    "store.truncated.backup": (
        "Sikkerhedskopien {backup} er gemt {saved_at} og rummer "
        "{people} medarbejdere og {ratings} vurderinger.",
        "The backup {backup} was saved {saved_at} and holds {people} staff and {ratings} ratings.",
    ),
    "store.truncated.backup_bad": (
        "Sikkerhedskopien {backup} kan heller ikke bruges: {reason}",
        "The backup {backup} cannot be used either: {reason}",
    ),
    "store.truncated.no_backup": (
        "Der er ingen sikkerhedskopi af filen.",
        "There is no backup of the file.",
    ),
    "store.truncated.hint": (
        "Åbn en kopi af sikkerhedskopien fra listen over workshops "
        "(eller kopiér den selv til et nyt navn).",
        "Open a copy of the backup from the list of workshops (or copy it to a new name yourself).",
    ),
    "store.save.not_whole": (
        "Indholdet er ikke en hel fil, som fagworkshop har skrevet; den er ikke gemt.",
        "The content is not a whole file as fagworkshop writes it; it was not saved.",
    ),
    "store.save.truncated_on_disk": (
        "filen på disken er afkortet; den og dens sikkerhedskopi overskrives ikke",
        "the file on disk is cut short; neither it nor its backup is overwritten",
    ),
    "store.outside.changed": (
        "Filen er ændret uden for fagworkshop, siden den blev åbnet: {path}. "
        "Intet er gemt; dit arbejde er stadig her.",
        "The file was changed outside fagworkshop since it was opened: {path}. "
        "Nothing was saved; your work is still here.",
    ),
    "store.outside.gone": (
        "Filen er flyttet eller slettet uden for fagworkshop: {path}. "
        "Intet er gemt; dit arbejde er stadig her.",
        "The file was moved or deleted outside fagworkshop: {path}. "
        "Nothing was saved; your work is still here.",
    ),
    "store.outside.unreadable": (
        "filen på disken kan ikke læses, så den overskrives ikke: {reason}",
        "the file on disk cannot be read, so it is not overwritten: {reason}",
    ),
}
