"""User-facing strings of the self layer in the workshop (issue 14 item 3): step 4's
layers and "selvvurdering" mode, step 5's lists and step 6's offer; key -> (Danish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- step 4: layers ---
    "selfview.key.layer": ("Skift lag", "Switch layer"),
    "selfview.key.self_mode": ("Selvvurdering", "Self-assessment"),
    "selfview.key.wish": ("Ønsker at udvikle", "Wants to develop"),
    "selfview.key.leave": ("Afslut selvvurdering", "End self-assessment"),
    "selfview.layer.leaders": ("Lag: ledernes vurdering", "Layer: leaders' rating"),
    "selfview.layer.self": ("Lag: egen vurdering", "Layer: own rating"),
    "selfview.layer.difference": (
        "Lag: forskel (egen - ledernes)",
        "Layer: difference (own - leaders')",
    ),
    "selfview.help.leaders": (
        "Ctrl+D skifter lag. Lilla felt: leder og medarbejder er {flag} eller flere "
        "niveauer fra hinanden; tag det op i samtalen.",
        "Ctrl+D switches layer. Purple cell: leader and employee are {flag} or more "
        "levels apart; take it up in the talk.",
    ),
    "selfview.help.self": (
        "Medarbejdernes egne niveauer; w efter tallet: ønsker at udvikle. Ctrl+D skifter lag.",
        "The staff's own levels; w after the digit: wants to develop. Ctrl+D switches layer.",
    ),
    "selfview.help.difference": (
        "+2: vurderer sig selv 2 over lederne, -1: 1 under; ! ved {flag} eller flere "
        "(tag det op i samtalen). Ctrl+D skifter lag.",
        "+2: rates themselves 2 above the leaders, -1: 1 below; ! at {flag} or more "
        "(take it up in the talk). Ctrl+D switches layer.",
    ),
    "selfview.difference_read_only": (
        "Forskellen kan ikke rettes: skift til ledernes eller det egne lag med Ctrl+D",
        "The difference cannot be edited: switch to the leaders' or the own layer with Ctrl+D",
    ),
    # --- step 4: selvvurdering mode ---
    "selfview.mode.title": (
        "Selvvurdering: {name}. Tal sætter dit eget niveau (0-{max}), w: ønsker at udvikle, "
        "Delete rydder, Esc afslutter.",
        "Self-assessment: {name}. Digits set your own level (0-{max}), w: wants to develop, "
        "Delete clears, Esc ends.",
    ),
    "selfview.mode.short": (
        "Selvvurdering: {name} (Esc afslutter)",
        "Self-assessment: {name} (Esc ends)",
    ),
    "selfview.mode.no_person": (
        "Stil markøren på en medarbejder først",
        "Put the cursor on a member of staff first",
    ),
    # --- step 4: detail panel ---
    "selfview.detail.own": ("Egen vurdering: {level} · {label}", "Own rating: {level} · {label}"),
    "selfview.detail.own_none": ("Ingen egen vurdering", "No own rating"),
    "selfview.detail.difference": (
        "Forskel: {difference:+d} (egen minus ledernes)",
        "Difference: {difference:+d} (own minus the leaders')",
    ),
    "selfview.detail.flagged": ("tag det op i samtalen", "take it up in the talk"),
    "selfview.detail.wish": ("Ønsker at udvikle", "Wants to develop"),
    # --- step 5: lists ---
    "selfview.gaps.differences": (
        "Største forskelle mellem egen og ledernes vurdering",
        "Biggest differences between own and leaders' rating",
    ),
    "selfview.gaps.difference_line": (
        "{name}: {code} {title}: egen {own}, ledere {leader} ({difference:+d}){flag}",
        "{name}: {code} {title}: own {own}, leaders {leader} ({difference:+d}){flag}",
    ),
    "selfview.gaps.flag": (" · tag det op i samtalen", " · take it up in the talk"),
    "selfview.gaps.no_differences": (
        "Ingen forskelle: ingen har vurderet sig selv anderledes end lederne",
        "No differences: nobody rated themselves differently from the leaders",
    ),
    "selfview.gaps.wish_gap": (
        "Vil gerne, og der er brug for det (ønske, og under målniveau)",
        "Wants to, and it is needed (a wish, and below target)",
    ),
    "selfview.gaps.wish_gap_line": (
        "{name}: {code} {title}: niveau {level}, mål {target}",
        "{name}: {code} {title}: level {level}, target {target}",
    ),
    "selfview.gaps.no_wish_gap": (
        "Ingen ønsker rammer et hul endnu",
        "No wish meets a gap yet",
    ),
    "selfview.gaps.wish_no_need": (
        "Ønsker, som ingen har brug for (intet mål, eller alle er på niveau)",
        "Wishes nobody needs (no target, or everyone is at target)",
    ),
    "selfview.gaps.wish_no_need_line": ("{name}: {code} {title}", "{name}: {code} {title}"),
    "selfview.gaps.no_wish_no_need": ("Ingen", "None"),
    "selfview.gaps.none_yet": (
        "Ingen selvvurderinger eller ønsker i denne runde endnu (trin 4: s, eller "
        "fagworkshop selvvurdering)",
        "No self-assessments or wishes in this round yet (step 4: s, or "
        "fagworkshop self-assessment)",
    ),
    # --- F1 help (tui.help), after each step's own text ---
    "selfview.help.step.4": (
        "Medarbejdernes egen stemme: Ctrl+D skifter mellem ledernes vurdering, den egne "
        "(w efter tallet: ønsker at udvikle) og forskellen; lilla felter er 2 eller flere "
        "niveauer fra hinanden. s: selvvurdering for personen på markørens række: kun egen "
        "række vises, tal sætter eget niveau, w ønsker at udvikle, Esc afslutter.",
        "The staff's own voice: Ctrl+D switches between the leaders' rating, the own (w after "
        "the digit: wants to develop) and the difference; purple cells are 2 or more levels "
        "apart. s: self-assessment for the person on the cursor row: only their row is shown, "
        "digits set their own level, w wants to develop, Esc ends it.",
    ),
    "selfview.help.step.5": (
        "Under profilerne: de største forskelle mellem egen og ledernes vurdering, ønsker "
        "der rammer et hul, og ønsker som ingen har brug for.",
        "Under the profiles: the biggest differences between own and leaders' rating, "
        "wishes that meet a gap, and wishes nobody needs.",
    ),
    "selfview.help.step.6": (
        "Ønsker, der rammer et hul, står under handlingerne: Enter på et åbner en ny "
        "handling for den person og kompetence.",
        "Wishes that meet a gap are listed under the actions: Enter on one opens a new "
        "action for that person and competence.",
    ),
    # --- undo (tui.controller.describe_change) ---
    "undo.what.set_self_rating": (
        "eget niveau for {person} på {code}",
        "own level of {person} on {code}",
    ),
    "undo.what.toggle_wish": ("ønske for {person} på {code}", "wish of {person} on {code}"),
    # --- step 7 (tui.steps.summary) ---
    "selfview.summary.counts": (
        "{people} har vurderet sig selv; {flagged} felt(er) er 2 eller flere niveauer fra "
        "ledernes (tag det op i samtalen); {wishes} ønske(r) rammer et hul.",
        "{people} rated themselves; {flagged} cell(s) are 2 or more levels from the "
        "leaders' (take it up in the talk); {wishes} wish(es) meet a gap.",
    ),
    "selfview.summary.flagged_line": (
        "Tal om: {name} · {title}: egen {own}, ledere {leader}",
        "Talk about: {name} · {title}: own {own}, leaders {leader}",
    ),
    "selfview.summary.wish_line": (
        "Vil gerne, og der er brug for det: {name} · {title}",
        "Wants to, and it is needed: {name} · {title}",
    ),
    # --- exports (export.report, export.person_sheet, export.xlsx_export, csv) ---
    "selfview.export.title": (
        "Egen vurdering og ledernes",
        "Own rating and the leaders'",
    ),
    "selfview.export.lead": (
        "Hvor medarbejderen har vurderet sig selv eller ønsker at udvikle en kompetence: "
        "ledernes niveau, det egne og forskellen (egen minus ledernes). ! betyder 2 eller "
        "flere niveauer fra hinanden: tag det op i samtalen.",
        "Where the employee rated themselves or wants to develop a competence: the "
        "leaders' level, their own and the difference (own minus the leaders'). ! means "
        "2 or more levels apart: take it up in the talk.",
    ),
    "selfview.export.leaders": ("Ledernes niveau", "Leaders' level"),
    "selfview.export.difference": ("Forskel", "Difference"),
    "selfview.export.flag_mark": ("!", "!"),
    "selfview.export.csv.self_level": ("egen vurdering", "own rating"),
    "selfview.export.csv.difference": ("forskel", "difference"),
    "selfview.export.csv.wish": ("ønsker at udvikle", "wants to develop"),
    # --- step 6: offer ---
    "selfview.plan.offer": (
        "Ønsker, der rammer et hul: vælg et og tryk Enter for en handling",
        "Wishes that meet a gap: choose one and press Enter for an action",
    ),
    "selfview.plan.offer_title": ("{title} ({name})", "{title} ({name})"),
    "selfview.plan.key.offer": ("Handling for ønske", "Action for wish"),
}
