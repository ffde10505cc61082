"""User-facing strings of the staff, gaps and action-plan screens: key -> (Danish, English).

Also the messages of the changes and rules behind them (``change.*`` for
staff, actions and goals; ``rules.*`` for the action-plan rules).
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- changes and rules (domain.changes, domain.rules) ---
    "change.empty_name": (
        "Skriv et navn, initialer eller et pseudonym",
        "Write a name, initials or a pseudonym",
    ),
    "change.unknown_action": ("Ukendt handling: {id}", "Unknown action: {id}"),
    "change.unknown_goal": (
        "Ukendt udviklingsmål nr. {index}",
        "Unknown development goal no. {index}",
    ),
    "change.empty_goal": ("Skriv målet først", "Write the goal first"),
    "change.unknown_field": ("Ukendt felt: {field}", "Unknown field: {field}"),
    "change.invalid_action": (
        "Handlingen er ikke gyldig: {reason}",
        "The action is not valid: {reason}",
    ),
    "rules.title_required": ("Giv handlingen en titel", "Give the action a title"),
    "rules.transfer_plan_required": (
        "Et kursus eller en uddannelse kræver en transferplan: skriv, hvordan det lærte "
        "bruges i hverdagen og deles med kollegerne.",
        "A course or education needs a transfer plan: write how the learning is used "
        "in daily work and shared with colleagues.",
    ),
    "rules.unknown_person": (
        "Handlingen nævner en ukendt medarbejder",
        "The action names an unknown member of staff",
    ),
    "rules.unknown_competence": (
        "Handlingen nævner en ukendt kompetence",
        "The action names an unknown competence",
    ),
    "rules.unknown_course": (
        "Handlingen nævner et ukendt kursus",
        "The action names an unknown course",
    ),
    # --- shared by the grids ---
    "grid.corner": ("Medarbejder", "Staff"),
    "grid.no_staff": (
        "Ingen medarbejdere endnu. Tryk n for at tilføje den første.",
        "No staff yet. Press n to add the first.",
    ),
    "grid.no_competences": (
        "Ingen kompetencer at vurdere endnu: vælg basiskompetencer (trin 2) "
        "eller lokale profiler (trin 3).",
        "No competences to rate yet: choose basic competences (step 2) or local profiles (step 3).",
    ),
    "grid.basic_code": ("B", "B"),
    "grid.element_code": ("E", "E"),
    # --- step 4: staff ---
    "staff.grid_title": ("Vurderinger (runde {round})", "Ratings (round {round})"),
    "staff.help_line": (
        "0-{max} niveau · Del ryd · u ubrugt · a alle · n ny · e ret · x slet",
        "0-{max} level · Del clear · u unused · a all · n new · e edit · x erase",
    ),
    "staff.name_short": ("Navn", "Name"),
    "staff.key.edit": ("Ret medarbejder", "Edit member of staff"),
    "staff.key.all": ("Alle kompetencer", "All competences"),
    "gaps.key.sort": ("Sortér", "Sort"),
    "gaps.key.only_gaps": ("Kun huller", "Only gaps"),
    "gaps.key.profile": ("Profil", "Profile"),
    "staff.initials_short": ("Initialer", "Initials"),
    "staff.name": ("Navn, initialer eller pseudonym", "Name, initials or pseudonym"),
    "staff.initials": (
        "Initialer (vises i eksport uden navne)",
        "Initials (shown in exports without names)",
    ),
    "staff.role": ("Rolle", "Role"),
    "staff.profiles": ("Lokale profiler", "Local profiles"),
    "staff.no_profiles": ("Ingen lokale profiler endnu (trin 3)", "No local profiles yet (step 3)"),
    "staff.add": ("Tilføj medarbejder", "Add member of staff"),
    "staff.save": ("Gem", "Save"),
    "staff.cancel": ("Fortryd", "Cancel"),
    "staff.erase": ("Slet medarbejder", "Erase member of staff"),
    "staff.editing": ("Ret: {name}", "Edit: {name}"),
    "staff.new": ("Ny medarbejder", "New member of staff"),
    "staff.added": ("Tilføjet: {name}", "Added: {name}"),
    "staff.saved": ("Gemt: {name}", "Saved: {name}"),
    "staff.erase_question": (
        "Slet {name} helt? Vurderinger i alle runder, handlinger kun for denne person, mål "
        "og navnet i noter og planen fjernes. Det kan ikke fortrydes.",
        "Erase {name} completely? Ratings in every round, actions for this person only, goals "
        "and the name in notes and the plan are removed. This cannot be undone.",
    ),
    "staff.erase_yes": ("Slet helt", "Erase completely"),
    "staff.erase_no": ("Behold", "Keep"),
    "staff.erased": (
        "Medarbejderen er slettet helt.",
        "The member of staff has been erased completely.",
    ),
    "staff.show_all_on": ("Viser alle kompetencer", "Showing all competences"),
    "staff.show_all_off": (
        "Viser kun kompetencer, der betyder noget for nogen",
        "Showing only competences that matter to someone",
    ),
    "staff.level_outside": (
        "Skalaen går fra {low} til {high}",
        "The scale runs from {low} to {high}",
    ),
    "staff.detail_empty": (
        "Vælg en celle for at se kompetencen og niveauet.",
        "Pick a cell to see the competence and the level.",
    ),
    "staff.detail_person": ("{name} · {role}", "{name} · {role}"),
    "staff.detail_catalogue": ("Katalogets tekst: ", "Catalogue text: "),
    "staff.detail_target": ("Målniveau: {target}", "Target level: {target}"),
    "staff.detail_no_target": ("Intet målniveau", "No target level"),
    "staff.detail_level": ("Niveau {level} · {label}: ", "Level {level} · {label}: "),
    "staff.detail_unrated": ("Ikke vurderet endnu", "Not rated yet"),
    "staff.detail_unused": (
        "Har kompetencen, men bruger den ikke i jobbet",
        "Has the competence but does not use it in the job",
    ),
    "staff.detail_not_relevant": (
        "Ikke en del af personens profiler",
        "Not part of the person's profiles",
    ),
    "staff.note": (
        "Note til vurderingen (gemmes mens du skriver)",
        "Note on the rating (saved as you type)",
    ),
    # --- step 5: gaps ---
    "gaps.legend_title": ("Forklaring: ", "Legend: "),
    "gaps.state.above": ("over mål", "above target"),
    "gaps.state.meets": ("på mål", "meets target"),
    "gaps.state.one_below": ("ét under", "one below"),
    "gaps.state.far_below": ("2+ under", "2+ below"),
    "gaps.state.unrated": ("ikke vurderet", "not rated"),
    "gaps.state.no_target": ("intet mål", "no target"),
    "gaps.state.not_relevant": ("ikke relevant", "not relevant"),
    "gaps.sort": ("Sortering: {how}", "Sort: {how}"),
    "gaps.sort.name": ("navn", "name"),
    "gaps.sort.gaps": ("flest huller", "most gaps"),
    "gaps.sort.staff": ("som i listen", "as listed"),
    "gaps.filter": ("Filter: {how}", "Filter: {how}"),
    "gaps.filter.all": ("alle", "all"),
    "gaps.filter.gaps": ("kun kompetencer med huller", "only competences with gaps"),
    "gaps.filter.profile": ("profil: {name}", "profile: {name}"),
    "gaps.keys": (
        "s = sortér · f = kun huller · p = næste profil · pile = vælg person og kompetence",
        "s = sort · f = only gaps · p = next profile · arrows = pick person and competence",
    ),
    "gaps.competence_title": ("{code} {title}", "{code} {title}"),
    "gaps.coverage": (
        "{meets} af {relevant} når målet ({target}) · {below} under · "
        "{unrated} ikke vurderet · {unused} bruger den ikke",
        "{meets} of {relevant} meet the target ({target}) · {below} below · "
        "{unrated} not rated · {unused} do not use it",
    ),
    "gaps.coverage_no_target": (
        "Intet målniveau · {rated} af {relevant} vurderet",
        "No target level · {rated} of {relevant} rated",
    ),
    "gaps.single_holder_mark": (
        "Kun én person har den: {name}",
        "Only one person holds it: {name}",
    ),
    "gaps.profiles_title": (
        "Lokale profiler: kvalificerede / behov",
        "Local profiles: qualified / needed",
    ),
    "gaps.profile_line": ("{name}: {qualified} / {needed}", "{name}: {qualified} / {needed}"),
    "gaps.profile_short": (" · mangler {n}", " · {n} short"),
    "gaps.profile_close": (" · {n} tæt på", " · {n} close"),
    "gaps.no_profiles": ("Ingen lokale profiler", "No local profiles"),
    "gaps.single_title": ("Kun én person har", "Only one person holds"),
    "gaps.unused_title": ("Har men bruger ikke", "Held but unused"),
    "gaps.none": ("Ingen", "None"),
    "gaps.person_title": ("Huller for {name}", "Gaps for {name}"),
    "gaps.person_gap": ("{title}: {level} → {target}", "{title}: {level} → {target}"),
    "gaps.person_none": ("Ingen huller", "No gaps"),
    "gaps.person_unrated": ("{n} ikke vurderet", "{n} not rated"),
    "gaps.person_unused": ("Bruger ikke: {titles}", "Does not use: {titles}"),
    "gaps.empty": (
        "Intet at vise endnu: tilføj medarbejdere og vurder dem i trin 4.",
        "Nothing to show yet: add staff and rate them in step 4.",
    ),
    # --- step 6: plan ---
    "plan.actions_title": ("Handlinger", "Actions"),
    "plan.goals_title": ("Udviklingsmål for {name}", "Development goals for {name}"),
    "plan.goals_none_person": (
        "Vælg en medarbejder for at se og skrive udviklingsmål",
        "Pick a member of staff to see and write development goals",
    ),
    "plan.no_actions": (
        "Ingen handlinger endnu (ctrl+n for en ny)",
        "No actions yet (ctrl+n for a new one)",
    ),
    "plan.new": ("Ny handling", "New action"),
    "plan.editing": ("Ret handling", "Edit action"),
    "plan.kind": ("Slags", "Kind"),
    "plan.title": ("Titel", "Title"),
    "plan.for_whom": (
        "For hvem (ingen valgt = hele gruppen)",
        "For whom (none chosen = the whole group)",
    ),
    "plan.competences": (
        "Kompetencer, den lukker (flest huller først)",
        "Competences it closes (most gaps first)",
    ),
    "plan.below": ("  ({n} under mål)", "  ({n} below target)"),
    "plan.owner": ("Ansvarlig", "Owner"),
    "plan.deadline": ("Frist", "Deadline"),
    "plan.deadline_hint": ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
    "plan.status": ("Status", "Status"),
    "plan.transfer": (
        "Transferplan: hvordan bruges og deles det lærte?",
        "Transfer plan: how is the learning used and shared?",
    ),
    "plan.transfer_required": (
        "Transferplan (krævet for kurser og uddannelse)",
        "Transfer plan (required for courses and education)",
    ),
    "plan.course": ("Kursus", "Course"),
    "plan.no_course": ("(intet kursus)", "(no course)"),
    "plan.courses_hint": ("Kurser der passer: {names}", "Courses that fit: {names}"),
    "plan.courses_none": (
        "Vælg kompetencer for at se kurser, der passer",
        "Pick competences to see courses that fit",
    ),
    "plan.save": ("Gem handling", "Save action"),
    "plan.remove": ("Fjern handling", "Remove action"),
    "plan.saved": ("Handlingen er gemt", "The action is saved"),
    "plan.removed": ("Handlingen er fjernet", "The action is removed"),
    "plan.bad_date": (
        "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01",
        "Write the date as YYYY-MM-DD, e.g. 2027-03-01",
    ),
    "plan.row_details": ("{kind} · {whom} · {status}", "{kind} · {whom} · {status}"),
    "plan.row_deadline": (" · frist {date}", " · due {date}"),
    "plan.people": ("{n} personer", "{n} people"),
    "plan.goal_text": ("Nyt udviklingsmål", "New development goal"),
    "plan.goal_add": ("Tilføj mål", "Add goal"),
    "plan.goal_done": ("færdig", "done"),
    "plan.goal_toggle": ("Markér færdig/ikke færdig", "Mark done/not done"),
    "plan.goal_remove": ("Fjern mål", "Remove goal"),
    "plan.person": ("Medarbejder", "Member of staff"),
    "plan.keys": (
        "ctrl+n ny handling · ctrl+s gem · Enter på en handling: ret",
        "ctrl+n new action · ctrl+s save · Enter on an action: edit",
    ),
    "plan.unsaved": (
        "Ændringer i formularen er ikke gemt endnu",
        "Changes in the form are not saved yet",
    ),
}
