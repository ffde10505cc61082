"""Strings for names in free text: the count in exports, erasure places, a person's own export."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "export.names.replaced": (
        "Deltagere vises med deres rolle. Navne i fritekst erstattet: {count}.",
        "Participants appear by their role. Names replaced in free text: {count}.",
    ),
    "export.participant_n": ("Deltager {number}", "Participant {number}"),
    # Where a free-text field is (erasure preview, a person's own export): step and field.
    "place.title": ("Workshoppens titel", "Workshop title"),
    "place.step": ("Trin {number} {step}", "Step {number} {step}"),
    "place.item": ("{what} {number}", "{what} {number}"),
    "place.c.participants": ("deltager", "participant"),
    "place.c.decisions": ("aftale", "decision"),
    "place.c.actions": ("handling", "action"),
    "place.c.staff": ("medarbejder", "member of staff"),
    "place.c.goals": ("udviklingsmål", "development goal"),
    "place.c.basics": ("basiskompetence", "basic competence"),
    "place.c.blocks": ("fagprofil", "profile block"),
    "place.c.elements": ("element", "element"),
    "place.c.profiles": ("lokal profil", "local profile"),
    "place.c.rounds": ("runde", "round"),
    "place.c.levels": ("niveau", "level"),
    "place.c.themes": ("tema", "theme"),
    "place.c.courses": ("kursus", "course"),
    "place.f.title": ("titel", "title"),
    "place.f.description": ("beskrivelse", "description"),
    "place.f.source": ("kilde", "source"),
    "place.f.local_wording": ("lokal formulering", "local wording"),
    "place.f.local_elaboration": ("lokal uddybning", "local elaboration"),
    "place.f.note": ("note", "note"),
    "place.f.notes": ("noter", "notes"),
    "place.f.rating_notes": ("noter til vurderinger", "rating notes"),
    "place.f.name": ("navn", "name"),
    "place.f.role": ("rolle", "role"),
    "place.f.initials": ("initialer", "initials"),
    "place.f.core_task": ("kerneopgave", "core task"),
    "place.f.jobcenter": ("jobcenter", "jobcentre"),
    "place.f.unit": ("enhed", "unit"),
    "place.f.owner": ("ansvarlig", "owner"),
    "place.f.transfer_plan": ("transferplan", "transfer plan"),
    "place.f.label": ("betegnelse", "label"),
    "place.f.meaning": ("betydning", "meaning"),
    "place.f.catalogue_title": ("katalog", "catalogue"),
    # A person's own data (export --person ID).
    "export.cli.person": (
        "Skriv alt, hvad workshoppen rummer om én medarbejder (id fra trin 4), og intet om "
        "andre: Markdown, HTML og Word (-o er da en mappe), eller det format --format angiver "
        "eller -o's filnavn ender på (.md, .html, .docx)",
        "Write everything the workshop holds about one member of staff (id from step 4) and "
        "nothing about anyone else: Markdown, HTML and Word (-o is then a folder), or the "
        "format given by --format or by the end of -o's file name (.md, .html, .docx)",
    ),
    "export.error.no_format": (
        "Vælg et format med --format (md, html, csv, toml, xlsx eller docx), eller brug "
        "--person ID for én medarbejders egne oplysninger.",
        "Choose a format with --format (md, html, csv, toml, xlsx or docx), or use "
        "--person ID for one member of staff's own data.",
    ),
    "person.title": ("Egne oplysninger: {name}", "Own data: {name}"),
    "person.notice": (
        "Alt, hvad workshoppen rummer om denne person, og intet om andre: andre personer "
        "står som [anden person].",
        "Everything the workshop holds about this person and nothing about anyone else: "
        "other people appear as [another person].",
    ),
    "person.other": ("[anden person]", "[another person]"),
    "person.workshop": ("Workshop", "Workshop"),
    "person.about": ("Om personen", "About the person"),
    "person.name": ("Navn", "Name"),
    "person.initials": ("Initialer", "Initials"),
    "person.role": ("Rolle", "Role"),
    "person.ratings": ("Vurderinger", "Ratings"),
    "person.ratings.lead": (
        "Niveau og målniveau for hver kompetence i hver runde, med noter og om kompetencen "
        "er i brug.",
        "Level and target for each competence in each round, with notes and whether the "
        "competence is in use.",
    ),
    "person.level": ("Niveau", "Level"),
    "person.unrated": ("Ikke vurderet", "Not rated"),
    "person.yes": ("ja", "yes"),
    "person.actions.lead": (
        "Handlinger i planen, der er for denne person.",
        "Actions in the plan for this person.",
    ),
    "person.for_you": ("Denne person", "This person"),
    "person.for_you_and": (
        "Denne person og {count} andre",
        "This person and {count} others",
    ),
    "person.mentions": ("Omtaler i fritekst", "Mentions in free text"),
    "person.mentions.lead": (
        "Sætninger andre steder i workshoppen, der nævner personen, og hvor de står.",
        "Sentences elsewhere in the workshop that mention the person, and where they stand.",
    ),
    "person.mentions.none": (
        "Personen nævnes ikke i andre tekstfelter.",
        "The person is not mentioned in any other text field.",
    ),
    "person.error.format": (
        "Ukendt format til egne oplysninger: '{format}'. Vælg et af: {choices}.",
        "Unknown format for own data: '{format}'. Choose one of: {choices}.",
    ),
    "person.error.unknown": (
        "Ingen medarbejder med id '{id}' i workshoppen. Kendte id'er: {known}.",
        "No member of staff with id '{id}' in the workshop. Known ids: {known}.",
    ),
    "person.error.output_suffix": (
        "-o {path} er et filnavn på {suffix}, som egne oplysninger ikke skrives i. Brug "
        ".md, .html eller .docx (eller --format), eller en mappe (et navn uden filendelse "
        "eller med / til sidst) for alle tre.",
        "-o {path} is a file name ending in {suffix}, which own data is not written as. Use "
        ".md, .html or .docx (or --format), or a folder (a name without a suffix, or ending "
        "in /) for all three.",
    ),
    "person.error.stdout": (
        "Vælg ét format med --format for at skrive til standard output (-o -).",
        "Choose one format with --format to write to standard output (-o -).",
    ),
    # The confirmation before erasing a person (step 4).
    "staff.erase_places": (
        "Navnet erstattes med [slettet] her:",
        "The name is replaced with [slettet] here:",
    ),
    "staff.erase_no_places": (
        "Navnet står ikke i andre tekstfelter.",
        "The name is in no other text field.",
    ),
    "staff.erase_files": (
        "Disse eksporter nævner personen og slettes ikke af sig selv; slet dem, eller "
        "eksportér igen bagefter:",
        "These exports name the person and are not deleted by this; delete them, or "
        "export again afterwards:",
    ),
    "staff.erase_more_places": ("… og {count} steder mere", "… and {count} more places"),
}


def place_text(step: int | None, path: tuple[str | int, ...]) -> str:
    """Where a free-text field is, in words: ``Trin 6 Handlingsplan: handling 3, transferplan``.

    Step and field only, never the text; ids (dict keys) are not in ``path``.
    """
    from fagworkshop.i18n import has, t  # the package imports this table first

    if step is None:
        return t("place.title")
    parts: list[str] = []
    last_collection = ""
    for i, segment in enumerate(path):
        if isinstance(segment, int):
            if last_collection and has(f"place.c.{last_collection}"):
                what = t(f"place.c.{last_collection}")
                parts.append(t("place.item", what=what, number=segment + 1))
            continue
        following = path[i + 1] if i + 1 < len(path) else None
        if isinstance(following, int):
            last_collection = segment
            continue
        if segment == "notes" and "rounds" in path:
            parts.append(t("place.f.rating_notes"))
        elif segment == "text" and parts:
            continue  # "aftale 2" says it; "aftale 2, tekst" says no more
        elif has(f"place.f.{segment}"):
            parts.append(t(f"place.f.{segment}"))
    where = t("place.step", number=step, step=t(f"step.{step}"))
    return f"{where}: {', '.join(parts)}" if parts else where
