"""User-facing strings of the overview across units (oversigt): key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "overview.title": ("Oversigt over enhederne", "Overview of the units"),
    "overview.units": ("Enheder", "Units"),
    "overview.share": ("{meets} af {relevant}", "{meets} of {relevant}"),
    "overview.absent": ("ikke med", "not used"),
    "overview.no_target": ("intet mål", "no target"),
    "overview.people": ("{count} pers.", "{count} people"),
    "overview.kind.basic": ("Basis", "Basic"),
    "overview.kind.element": ("Fagprofil", "Profile block"),
    "overview.col.code": ("Kode", "Code"),
    "overview.col.competence": ("Kompetence", "Competence"),
    "overview.col.kind": ("Art", "Kind"),
    "overview.col.total": ("I alt", "Total"),
    "overview.col.unit": ("Enhed", "Unit"),
    "overview.col.jobcenter": ("Jobcenter", "Jobcentre"),
    "overview.col.workshop": ("Workshop", "Workshop"),
    "overview.col.staff": ("Medarbejdere", "Staff"),
    "overview.col.round": ("Vurderingsrunde", "Rating round"),
    "overview.col.action": ("Handling", "Action"),
    "overview.col.competences": ("Kompetencer", "Competences"),
    "overview.col.people": ("Antal personer", "People"),
    "overview.col.deadline": ("Frist", "Deadline"),
    "overview.col.status": ("Status", "Status"),
    "overview.col.owner": ("Ansvarlig", "Owner"),
    "overview.col.profile": ("Lokal profil", "Local profile"),
    "overview.col.needed": ("Behov", "Needed"),
    "overview.col.qualified": ("Kvalificerede", "Qualified"),
    "overview.col.shortfall": ("Mangler", "Short"),
    "overview.section.units": ("Enhederne", "The units"),
    "overview.section.coverage": ("Dækning pr. kompetence", "Coverage per competence"),
    "overview.coverage.lead": (
        "Hvor mange af de relevante medarbejdere der når enhedens målniveau. "
        '"ikke med": enheden arbejder ikke med kompetencen (den er ikke i enhedens '
        "katalog eller ikke valgt), hvilket ikke er det samme som nul.",
        "How many of the relevant staff meet the unit's target level. "
        '"not used": the unit does not work with the competence (not in its catalogue '
        "or not chosen), which is not the same as zero.",
    ),
    "overview.section.thin": ("Hvor centret er tyndest", "Where the centre is thinnest"),
    "overview.thin.text": (
        "{short} af {relevant} når ikke målet",
        "{short} of {relevant} do not meet the target",
    ),
    "overview.thin.none": (
        "Alle relevante medarbejdere når målniveauet.",
        "Every relevant person meets the target level.",
    ),
    "overview.section.single": (
        "Kun én person i hele centret",
        "Only one person in the whole centre",
    ),
    "overview.single.named": ("{name} ({unit})", "{name} ({unit})"),
    "overview.single.counted": ("1 person i {unit}", "1 person in {unit}"),
    "overview.single.none": (
        "Ingen kompetence hænger på én person alene.",
        "No competence hangs on one person alone.",
    ),
    "overview.section.unused": (
        "Ubrugte kompetencer, som en anden enhed mangler",
        "Unused competences another unit needs",
    ),
    "overview.unused.text": (
        "ubrugt i {unused}; mangler i {needed}",
        "unused in {unused}; short in {needed}",
    ),
    "overview.unused.none": (
        "Ingen ubrugte kompetencer, som en anden enhed mangler.",
        "No unused competence that another unit needs.",
    ),
    "overview.section.profiles": (
        "Lokale profiler: kvalificerede mod behov",
        "Local profiles: qualified against needed",
    ),
    "overview.section.plans": ("Handlingsplanerne side om side", "The action plans side by side"),
    "overview.plans.none": ("Ingen enhed har handlinger endnu.", "No unit has actions yet."),
    # The command.
    "overview.cli.help": (
        "oversigt over flere enheders workshops (dækning, eneste indehavere, profiler, planer)",
        "overview of several units' workshops (coverage, single holders, profiles, plans)",
    ),
    "overview.cli.paths": ("sessionsfiler, én pr. enhed", "session files, one per unit"),
    "overview.cli.format": (
        "html, xlsx eller md (standard: html)",
        "html, xlsx or md (default: html)",
    ),
    "overview.cli.output": (
        "filen der skrives (standard: eksport/ i sessionsmappen); - for standardoutput",
        "the file to write (default: eksport/ in the sessions folder); - for standard output",
    ),
    "overview.cli.with_names": (
        "vis navne (ellers kun antal)",
        "show names (otherwise counts only)",
    ),
    "overview.cli.force": ("erstat en eksisterende fil", "replace an existing file"),
    "overview.error.format": (
        "Ukendt format '{format}'. Vælg et af: {choices}.",
        "Unknown format '{format}'. Choose one of: {choices}.",
    ),
    "overview.error.none": (
        "Ingen sessionsfiler at lave en oversigt over.",
        "No session files to make an overview of.",
    ),
    "overview.done": (
        "Oversigt over {count} enheder skrevet: {path}",
        "Overview of {count} units written: {path}",
    ),
    # The home screen.
    "home.overview": ("Oversigt over enhederne", "Overview of the units"),
    "home.overview.done": (
        "Oversigt over {count} workshops skrevet (uden navne): {path}",
        "Overview of {count} workshops written (no names): {path}",
    ),
    "home.overview.left_out": (
        "{count} fil(er) kunne ikke læses og er ikke med.",
        "{count} file(s) could not be read and are left out.",
    ),
}
