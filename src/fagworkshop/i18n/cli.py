"""User-facing strings of the cli area: key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "cli.description": (
        "Fagworkshop: en workshop i terminalen om strategisk kompetenceudvikling i jobcentret. "
        "Uden kommando åbnes startskærmen.",
        "Fagworkshop: a terminal workshop on strategic competence development in the jobcentre. "
        "Without a command it opens the home screen.",
    ),
    "cli.epilog": (
        "Workshopfiler indeholder personoplysninger og gemmes kun læsbare for dig.",
        "Workshop files hold personal data and are saved readable by you only.",
    ),
    "cli.commands": ("kommandoer", "commands"),
    "cli.opt.lang": (
        "sprog for alle beskeder: da eller en (standard: da)",
        "language of all messages: da or en (default: da)",
    ),
    "cli.opt.sessions_dir": (
        "mappe med workshopfiler (ellers FAGWORKSHOP_SESSIONS_DIR eller brugerens datamappe)",
        "folder of workshop files (else FAGWORKSHOP_SESSIONS_DIR or the user's data folder)",
    ),
    "cli.opt.version": ("vis versionen og afslut", "show the version and exit"),
    "cli.open.help": ("åbn en workshopfil på skærmen", "open a workshop file on the screen"),
    "cli.open.path": ("workshopfilen (.toml)", "the workshop file (.toml)"),
    "cli.open.read_only": (
        "åbn skrivebeskyttet (ændringer gemmes ikke)",
        "open read-only (changes are not saved)",
    ),
    "cli.demo.help": (
        "åbn demo-workshoppen for det fiktive Jobcenter Eksempelby",
        "open the demo workshop of the fictional Jobcenter Eksempelby",
    ),
    "cli.demo.write": (
        "skriv demo-workshoppen til PATH og afslut uden skærm",
        "write the demo workshop to PATH and exit without a screen",
    ),
    "cli.demo.written": (
        "Demo-workshoppen er skrevet til {path}",
        "The demo workshop was written to {path}",
    ),
    "cli.reading_large": (
        "Læser {path} ({size} MB); en stor fil tager omkring et sekund pr. MB …",
        "Reading {path} ({size} MB); a large file takes about a second per MB …",
    ),
    "cli.validate.help": (
        "tjek en workshopfil eller et katalog og vis et kort resumé",
        "check a workshop file or catalogue and show a short summary",
    ),
    "cli.validate.path": ("filen, der skal tjekkes", "the file to check"),
    "cli.validate.edited_outside": (
        "  Bemærk: filen er ændret uden for fagworkshop, siden den blev gemt (det er i orden).",
        "  Note: the file was changed outside fagworkshop since it was saved (that is fine).",
    ),
    "cli.validate.session_ok": (
        "OK: {path}\n"
        "  Workshop: {title}\n"
        "  Kompetencer: {competences}, medarbejdere: {staff}, vurderinger: {ratings}, "
        "runder: {rounds}",
        "OK: {path}\n"
        "  Workshop: {title}\n"
        "  Competences: {competences}, staff: {staff}, ratings: {ratings}, rounds: {rounds}",
    ),
    "cli.validate.catalogue_ok": (
        "OK: {path}\n"
        "  Katalog: {title} ({id})\n"
        "  Basiskompetencer: {basic}, fagprofiler: {blocks}, elementer: {elements}, "
        "kurser: {courses}, niveauer: {levels}",
        "OK: {path}\n"
        "  Catalogue: {title} ({id})\n"
        "  Basic competences: {basic}, blocks: {blocks}, elements: {elements}, "
        "courses: {courses}, levels: {levels}",
    ),
    "cli.catalogues.help": (
        "vis de indbyggede og egne kataloger med antal punkter",
        "list the built-in and own catalogues with their item counts",
    ),
    "cli.catalogues.builtin": ("Indbyggede kataloger", "Built-in catalogues"),
    "cli.catalogues.user": ("Egne kataloger", "Own catalogues"),
    "cli.catalogues.none": ("  (ingen)", "  (none)"),
    "cli.catalogues.user_hint": (
        "Egne kataloger: læg en .toml-fil i {folder}",
        "Own catalogues: put a .toml file in {folder}",
    ),
    "cli.catalogues.line": (
        "  {id}: {title}\n"
        "    {basic} basiskompetencer, {blocks} fagprofiler med {elements} elementer, "
        "{courses} kurser\n"
        "    {path}",
        "  {id}: {title}\n"
        "    {basic} basic competences, {blocks} blocks with {elements} elements, "
        "{courses} courses\n"
        "    {path}",
    ),
    "cli.interrupted": ("Afbrudt.", "Interrupted."),
    "cli.unexpected": (
        "Uventet fejl: {error}\nSæt FAGWORKSHOP_DEBUG=1 for at se detaljerne, og meld fejlen.",
        "Unexpected error: {error}\nSet FAGWORKSHOP_DEBUG=1 to see the details, and report it.",
    ),
    # argparse's own texts (looked up by their English original)
    "cli.argparse.usage: ": ("brug: ", "usage: "),
    "cli.argparse.options": ("tilvalg", "options"),
    "cli.argparse.positional arguments": ("argumenter", "positional arguments"),
    "cli.argparse.show this help message and exit": (
        "vis denne hjælp og afslut",
        "show this help message and exit",
    ),
    "cli.argparse.%(prog)s: error: %(message)s\n": (
        "%(prog)s: fejl: %(message)s\n",
        "%(prog)s: error: %(message)s\n",
    ),
    "cli.argparse.the following arguments are required: %s": (
        "disse argumenter mangler: %s",
        "the following arguments are required: %s",
    ),
    "cli.argparse.unrecognized arguments: %s": (
        "ukendte argumenter: %s",
        "unrecognized arguments: %s",
    ),
    "cli.argparse.invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "cli.argparse.expected one argument": ("forventede én værdi", "expected one argument"),
    "cli.argparse.argument %(argument_name)s: %(message)s": (
        "argument %(argument_name)s: %(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "cli.argparse.ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan betyde %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
}
