"""User-facing strings of steps 2 (Basiskompetencer) and 3 (Fagprofiler): key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # Step 2
    "basic.key.include": ("Med", "Include"),
    "basic.key.exclude": ("Ikke med", "Leave out"),
    "basic.key.toggle": ("Med/ikke med", "Toggle"),
    "basic.key.priority": ("Prioritet h/m/l", "Priority h/m/l"),
    "basic.key.reword": ("Omformulér", "Reword"),
    "basic.key.add": ("Tilføj egen", "Add own"),
    "basic.keys": (
        "j: med · n: ikke med · 0-4: minimumsniveau · h/m/l: prioritet høj/middel/lav · "
        "Enter: egen formulering · a: tilføj egen · Esc: slip listen (så skifter 1-7 trin)",
        "j: include · n: leave out · 0-4: minimum level · h/m/l: priority high/medium/low · "
        "Enter: own wording · a: add own · Esc: leave the list (then 1-7 change step)",
    ),
    "basic.wording": ("Jeres egen formulering", "Your own wording"),
    "basic.wording.placeholder": (
        "Skriv kompetencen med jeres egne ord (tom: katalogets titel)",
        "The competence in your own words (empty: the catalogue title)",
    ),
    "basic.note": ("Note", "Note"),
    "basic.add": ("Tilføj jeres egen basiskompetence", "Add your own basic competence"),
    "basic.add.placeholder": ("Titel, Enter for at tilføje", "Title, Enter to add"),
    "basic.none": ("Vælg en basiskompetence i listen", "Choose a basic competence in the list"),
    "basic.original": ("Katalogets tekst", "Catalogue text"),
    "basic.source": ("Kilde", "Source"),
    "basic.local_elaboration": (
        "Lokal uddybning: skrevet til kataloget ud fra kilderne, ikke udgiverens egen tekst",
        "Local elaboration: written for the catalogue from the sources, not the publisher's own text",
    ),
    "basic.undecided": ("Ikke besluttet endnu", "Not decided yet"),
    "basic.included": (
        "Med: hele medarbejdergruppen skal have den",
        "Included: the whole staff group needs it",
    ),
    "basic.excluded": ("Ikke med hos jer", "Not included here"),
    "basic.min_level": ("Minimumsniveau", "Minimum level"),
    "basic.priority": ("Prioritet", "Priority"),
    "list.key.leave": ("Slip listen", "Leave the list"),
    # Step 3
    "blocks.key.keep": ("Behold", "Keep"),
    "blocks.key.drop": ("Fravælg", "Drop"),
    "blocks.key.toggle": ("I/ud af profil", "In/out of profile"),
    "blocks.key.reword": ("Omformulér", "Reword"),
    "blocks.key.add": ("Tilføj element", "Add element"),
    "blocks.key.profile": ("Ny lokal profil", "New local profile"),
    "blocks.keys": (
        "b: behold · f: fravælg · 0-4: målniveau · mellemrum: ind i/ud af den aktive lokale profil "
        "(●) · Enter: egen formulering · a: tilføj element · p: ny lokal profil · "
        "Esc: slip listen (så skifter 1-7 trin)",
        "b: keep · f: drop · 0-4: target level · space: in/out of the active local profile (●) · "
        "Enter: own wording · a: add element · p: new local profile · "
        "Esc: leave the list (then 1-7 change step)",
    ),
    "blocks.wording": ("Jeres egen formulering", "Your own wording"),
    "blocks.wording.placeholder": (
        "Elementet med jeres egne ord (tom: katalogets titel)",
        "The element in your own words (empty: the catalogue title)",
    ),
    "blocks.add": ("Tilføj eget element til fagprofilen", "Add your own element to the block"),
    "blocks.add.placeholder": ("Titel, Enter for at tilføje", "Title, Enter to add"),
    "blocks.profiles": (
        "Lokale profiler (Enter vælger den aktive)",
        "Local profiles (Enter makes it active)",
    ),
    "blocks.profile.name": ("Navn", "Name"),
    "blocks.profile.needed": ("Antal", "Needed"),
    "blocks.profile.new": (
        "Ny lokal profil, fx 'Virksomhedskonsulent, Team Erhverv' (Enter)",
        "New local profile, e.g. 'Company consultant, Team Business' (Enter)",
    ),
    "blocks.profile.summary": ("behov {needed} · {n} elementer", "needed {needed} · {n} elements"),
    "blocks.profile.empty": (
        "Ingen elementer endnu: markér et element til venstre og tryk mellemrum",
        "No elements yet: highlight an element on the left and press space",
    ),
    "blocks.no_profiles": (
        "Ingen lokale profiler endnu: skriv et navn nedenfor",
        "No local profiles yet: type a name below",
    ),
    "blocks.no_active_profile": (
        "Opret eller vælg en lokal profil først",
        "Create or choose a local profile first",
    ),
    "blocks.none": ("Vælg et element i listen", "Choose an element in the list"),
    "blocks.target": ("Målniveau", "Target level"),
    "blocks.used_in": ("Bruges i lokale profiler", "Used in local profiles"),
    "blocks.basics_heading": (
        "Basiskompetencer (kan indgå i en lokal profil)",
        "Basic competences (may join a local profile)",
    ),
}
