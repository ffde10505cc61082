"""Every step's guide: purpose, discussion questions and F1 help, key -> (Danish, English).

``step.N.purpose`` (one or two lines), ``step.N.questions`` (newline-separated
discussion questions) and ``help.step.N`` are shared by every step view.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # --- every step: purpose and discussion questions (from the seeds, own words) ---
    "step.1.purpose": (
        "Sæt rammen: hvem er med, hvilken enhed det gælder, og hvad kerneopgaven er "
        "med jeres egne ord. Vælg formålet og kataloget I starter fra.",
        "Set the frame: who takes part, which unit it concerns and what the core task is "
        "in your own words. Choose the purpose and the catalogue you start from.",
    ),
    "step.1.questions": (
        "Hvad er kerneopgaven i vores enhed, sagt med vores egne ord?\n"
        "Skal vi bruge profilerne til kompetenceudvikling, til rekruttering eller til begge dele?\n"
        "Hvem skal være med i drøftelsen, og hvem mangler vi?",
        "What is the core task of our unit, in our own words?\n"
        "Do we use the profiles for competence development, recruitment or both?\n"
        "Who should take part in the discussion, and who is missing?",
    ),
    "step.2.purpose": (
        "Gå basiskompetencerne igennem: hvilke skal hele medarbejdergruppen have hos jer, "
        "på hvilket niveau, og hvordan siger I det lokalt?",
        "Go through the basic competences: which must the whole staff group have here, "
        "at which level, and how do you say it locally?",
    ),
    "step.2.questions": (
        "Hvilke basiskompetencer skal medarbejderne som samlet gruppe have hos os?\n"
        "Hvilket niveau er nødvendigt for at løse kerneopgaven, og hvor er det forskelligt "
        "fra funktion til funktion?\n"
        "Mangler der en fælles faglighed, som kataloget ikke nævner?",
        "Which basic competences must the staff as a whole have here?\n"
        "Which level does the core task need, and where does it differ between functions?\n"
        "Is there shared professional ground the catalogue does not name?",
    ),
    "step.3.purpose": (
        "Tilpas de specialiserede byggesten og sæt dem sammen til lokale profiler med "
        "et antal personer, I har brug for. De lokale profiler er det vigtigste resultat.",
        "Adapt the specialised building blocks and compose local profiles with the number "
        "of people you need. The local profiles are the main result.",
    ),
    "step.3.questions": (
        "Hvilke elementer giver mening hos os, og hvilke fravælger vi?\n"
        "Hvilke roller har vi brug for, og hvor mange skal kunne varetage hver?\n"
        "Hvor bygger en profil oven på basiskompetencerne, og hvor står den alene?",
        "Which elements make sense here, and which do we drop?\n"
        "Which roles do we need, and how many people must be able to fill each?\n"
        "Where does a profile build on the basic competences, and where does it stand alone?",
    ),
    "step.4.purpose": (
        "Skriv medarbejderne ind (navn, initialer eller pseudonym), knyt dem til lokale "
        "profiler og vurdér hver persons nuværende niveau. Markér kompetencer, der ikke bruges.",
        "List the staff (name, initials or a pseudonym), link them to local profiles and "
        "rate each person's current level. Mark competences that are not used.",
    ),
    "step.4.questions": (
        "Hvilke kompetencer har vi allerede i medarbejdergruppen?\n"
        "Hvem har kompetencer, som ikke kommer i spil i det daglige arbejde?\n"
        "Er vi enige om, hvad niveauerne betyder, før vi vurderer?",
        "Which competences do we already have in the staff group?\n"
        "Who has competences that are not used in daily work?\n"
        "Do we agree what the levels mean before we rate?",
    ),
    "step.5.purpose": (
        "Se hvor enheden står: kompetencehuller pr. kompetence, pr. lokal profil og pr. person, "
        "kompetencer kun én har, og kompetencer der ikke bruges.",
        "See where the unit stands: gaps per competence, per local profile and per person, "
        "competences only one person holds, and competences that are not used.",
    ),
    "step.5.questions": (
        "Hvilke huller er størst i forhold til kerneopgaven?\n"
        "Hvor er vi sårbare, fordi kun én person har kompetencen?\n"
        "Hvilke ubrugte kompetencer kan vi sætte i spil ved at flytte opgaver?",
        "Which gaps matter most for the core task?\n"
        "Where are we vulnerable because only one person holds a competence?\n"
        "Which unused competences can we put to use by moving tasks?",
    ),
    "step.6.purpose": (
        "Læg en plan for de huller I vælger: kurser og uddannelse, læring i jobbet, sparring, "
        "rekruttering eller flyttede opgaver, med ansvarlig, frist og transferplan.",
        "Plan for the gaps you choose: courses and education, learning on the job, sparring, "
        "recruitment or moved tasks, with owner, deadline and transfer plan.",
    ),
    "step.6.questions": (
        "Hvilke huller lukker vi først, og hvordan?\n"
        "Hvordan bliver det lærte brugt i hverdagen og delt med kollegerne?\n"
        "Hvad vil den enkelte medarbejder blive bedre til?",
        "Which gaps do we close first, and how?\n"
        "How is what is learned used in daily work and shared with colleagues?\n"
        "What does each member of staff want to get better at?",
    ),
    "step.7.purpose": (
        "Saml aftaler, lokale profiler, huller og plan på én side. Markér workshoppen som "
        "aftalt, eksportér, og start senere en opfølgningsrunde.",
        "Bring decisions, local profiles, gaps and plan onto one page. Mark the workshop "
        "agreed, export, and later start a follow-up round.",
    ),
    "step.7.questions": (
        "Er vi enige om de lokale profiler og planen?\n"
        "Hvem følger op, og hvornår vurderer vi igen?\n"
        "Hvad skal medarbejderne have at vide om resultatet?",
        "Do we agree on the local profiles and the plan?\n"
        "Who follows up, and when do we rate again?\n"
        "What do the staff need to hear about the result?",
    ),
    # --- F1 help per step -------------------------------------------------------
    "help.step.1": (
        "Udfyld jobcenter, enhed, dato (ÅÅÅÅ-MM-DD) og kerneopgaven. Vælg formålet i listen.\n"
        "Deltagere: skriv navn og rolle og tryk Tilføj. Vælg en deltager i listen for at rette "
        "(Gem) eller fjerne (Fjern).\nAlt gemmes med det samme.",
        "Fill in jobcenter, unit, date (YYYY-MM-DD) and the core task. Choose the purpose.\n"
        "Participants: type name and role and press Add. Pick a participant in the list to "
        "change (Save) or remove (Remove).\nEverything is saved at once.",
    ),
    "help.step.2": (
        "Gå kompetencerne igennem tema for tema. For hver: med for hele gruppen eller ej, "
        "minimumsniveau, prioritet og lokal formulering (katalogets tekst står ved siden af).\n"
        "Tilføj jeres egne kompetencer nederst. Tasterne står i bunden af skærmen.",
        "Go through the competences theme by theme. For each: included for the whole group "
        "or not, minimum level, priority and local wording (the catalogue's text beside it).\n"
        "Add your own competences at the end. The keys are shown at the bottom.",
    ),
    "help.step.3": (
        "For hver fagprofil: behold eller fravælg elementer, omformulér, sæt målniveau og "
        "tilføj egne elementer.\nSammensæt lokale profiler: navn, elementer fra en eller flere "
        "byggesten og hvor mange personer I har brug for.",
        "For each profile block: keep or drop elements, reword, set a target level and add "
        "your own.\nCompose local profiles: a name, elements from one or more blocks and how "
        "many people you need.",
    ),
    "help.step.4": (
        "Tilføj medarbejdere (navn, initialer eller pseudonym, rolle, lokale profiler).\n"
        "I gitteret: piletaster flytter, et tal sætter niveauet med det samme, Delete sletter, "
        "u markerer 'har den, men bruger den ikke'. Panelet viser kompetencens tekst og "
        "niveauets betydning.",
        "Add staff (name, initials or pseudonym, role, local profiles).\n"
        "In the grid: arrow keys move, a digit sets the level at once, Delete clears, u marks "
        "'has it but does not use it'. The panel shows the competence's text and the level's "
        "meaning.",
    ),
    "help.step.5": (
        "Varmekortet viser medarbejdere mod kompetencer: farve og tegn viser niveau mod mål, "
        "så det kan læses uden farver.\nSortér og filtrér; vælg en person for at se personens "
        "huller. Tallene kommer fra analysen og ændres kun i trin 2-4.",
        "The heat map shows staff against competences: colour and symbol show level against "
        "target, so it reads without colour.\nSort and filter; pick a person to see their "
        "gaps. The numbers come from the analysis and change only in steps 2-4.",
    ),
    "help.step.6": (
        "Tilføj handlinger: type, titel, for hvem, kompetencer, ansvarlig, frist og status.\n"
        "Kurser og uddannelse kræver en transferplan: hvordan det lærte bruges og deles. "
        "Katalogets kurser, der passer til kompetencerne, foreslås. Personlige mål pr. medarbejder, "
        "med frist og en eller flere kompetencer (vælg en kompetence igen for at fjerne den).",
        "Add actions: kind, title, for whom, competences, owner, deadline and status.\n"
        "Courses and education need a transfer plan: how the learning is used and shared. "
        "The catalogue's matching courses are offered. Personal goals per member of staff, "
        "with a deadline and one or more competences (choose a competence again to remove it).",
    ),
    "help.step.7": (
        "Her står aftaler, lokale profiler, de største huller og planen samlet.\n"
        "Markér som aftalt (datoen gemmes) eller start en opfølgningsrunde, der tager de "
        "sidste vurderinger som udgangspunkt.\n"
        "Eksport: vælg format (Markdown, HTML, CSV, profiler som TOML, Excel, Word med en "
        "MUS-side pr. medarbejder eller én fil pr. medarbejder), mappe (standard eksport/ i "
        "workshopmappen), filnavn og om fulde navne skal med (standard: initialer). En fil, "
        "der findes i forvejen, erstattes kun, hvis du siger ja; ellers får den nye fil "
        "næste ledige navn.",
        "Decisions, local profiles, the main gaps and the plan in one place.\n"
        "Mark as agreed (the date is recorded) or start a follow-up round that starts from "
        "the last ratings.\n"
        "Export: choose the format (Markdown, HTML, CSV, profiles as TOML, Excel, Word with "
        "an appraisal-talk page per person or one file per person), the folder (by default "
        "eksport/ in the workshop folder), the file name and whether full names go in "
        "(default: initials). A file that exists is replaced only if you say yes; otherwise "
        "the new file takes the next free name.",
    ),
    "help.title": ("Hjælp: {step}", "Help: {step}"),
    "help.keys": (
        "I et felt skriver alle taster; Esc forlader feltet til trinnets liste, og Esc dér "
        "slipper tastaturet. "
        "Taster overalt: 1-7 skifter trin (når du ikke skriver i et felt), Ctrl+PgUp/PgDn "
        "forrige/næste trin, F1 hjælp, F2 vis/skjul noter og aftaler (i aftalelisten retter d "
        "eller Enter datoen, Delete fjerner aftalen), Ctrl+P kommandoer, "
        "F9 høj kontrast, Ctrl+L sprog, Ctrl+Z/Ctrl+Y fortryd/gentag, "
        "Ctrl+Q afslut (gemmer først).",
        "In a field every key types; Esc leaves the field for the step's list, and Esc "
        "there lets go of the keyboard. "
        "Keys everywhere: 1-7 change step (when not typing in a field), Ctrl+PgUp/PgDn "
        "previous/next step, F1 help, F2 show/hide notes and decisions (in the decision list d "
        "or Enter edits the date, Delete removes the decision), Ctrl+P commands, "
        "F9 high contrast, Ctrl+L language, Ctrl+Z/Ctrl+Y undo/redo, "
        "Ctrl+Q quit (saves first).",
    ),
    "help.close": ("Luk", "Close"),
}
