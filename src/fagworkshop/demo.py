"""The demo workshop (demo-workshop): a fictional jobcentre, ready to explore.

``build_demo()`` builds "Jobcenter Eksempelby" from the built-in fagprofiler
catalogue through the same domain changes the screens use, so the demo
always matches the rules of the program. It is deterministic: fixed ids,
dates and ratings, so two builds are equal and golden files stay stable.
Every person and place is made up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fagworkshop import resources
from fagworkshop.demo_unit import add_self_assessments, add_staff, build_second_unit
from fagworkshop.domain import adapt, changes
from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.session import (
    ActionKind,
    ActionStatus,
    Decision,
    ElementStatus,
    Participant,
    Priority,
    Purpose,
    Session,
    Step,
)
from fagworkshop.store.errors import SessionLocked
from fagworkshop.store.folders import new_session_path
from fagworkshop.store.lock import SessionLock
from fagworkshop.store.reading import load_catalogue
from fagworkshop.store.writing import save_session

DEMO_ID = "demo-eksempelby"
#: The demo workshop's file in the sessions folder (rewritten each time the demo starts).
DEMO_FILE = "demo-jobcenter-eksempelby.toml"
#: The second unit's file (Team Ung), saved beside it so the overview has two units.
DEMO_SECOND_FILE = "demo-jobcenter-eksempelby-ung.toml"
DEMO_TITLE = "Kompetenceworkshop 2026, Team Virksomhed og Match"
WORKSHOP_DAY = dt.date(2026, 3, 10)
FOLLOW_UP_DAY = dt.date(2026, 6, 16)
CREATED = dt.datetime(2026, 3, 10, 8, 30, tzinfo=dt.UTC)
UPDATED = dt.datetime(2026, 6, 16, 14, 45, tzinfo=dt.UTC)

#: (name, initials, role, local profiles by key) of the fictional staff.
STAFF: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Anna Prøvesen", "AP", "Virksomhedskonsulent", ("erhverv",)),
    ("Bilal Testrup", "BT", "Virksomhedskonsulent", ("erhverv",)),
    ("Camilla Modelgaard", "CM", "Virksomhedskonsulent", ("erhverv", "udvikling")),
    ("Dorte Skitsholm", "DS", "Jobkonsulent", ("match",)),
    ("Emil Fiktivsen", "EF", "Jobkonsulent", ("match",)),
    ("Fatima Demoholt", "FD", "Jobkonsulent", ("match",)),
    ("Gustav Opdigt", "GO", "Jobkonsulent", ("match",)),
    ("Hanne Eksempelsen", "HE", "Jobkonsulent og fagkoordinator", ("match", "udvikling")),
    ("Ib Udkastrup", "IU", "Virksomhedskonsulent", ("erhverv",)),
    ("Jasmin Pilotsen", "JP", "Jobkonsulent", ("match",)),
    ("Kasper Mockholm", "KM", "Virksomhedskonsulent, nyansat", ("erhverv",)),
    ("Lise Attrapsen", "LA", "Udviklingskonsulent", ("udvikling",)),
)

#: Each person's usual level; single competences vary around it (see ``_level``).
BASE_LEVEL: dict[str, int] = {
    "AP": 3, "BT": 2, "CM": 3, "DS": 2, "EF": 2, "FD": 3,
    "GO": 2, "HE": 3, "IU": 3, "JP": 2, "KM": 1, "LA": 3,
}  # fmt: skip


def load_demo_catalogue() -> Catalogue:
    """The built-in fagprofiler catalogue, read and checked by the store."""
    return load_catalogue(resources.builtin_catalogue_path(resources.DEFAULT_CATALOGUE_ID))


def _level(initials: str, competence_index: int, person_index: int) -> int:
    """A fixed, varied level: the person's base moved by a repeating pattern."""
    pattern = (0, 1, 0, -1, 0, 1, -1, 0, 0, 1, 0, -1, 1)
    shift = pattern[(competence_index * 5 + person_index * 3) % len(pattern)]
    return max(0, min(4, BASE_LEVEL[initials] + shift))


def _frame(s: Session) -> None:
    s.frame.participants = [
        Participant(name="Mona Rammesen", role="Beskæftigelseschef"),
        Participant(name="Per Planlund", role="Teamleder, Team Erhverv"),
        Participant(name="Rikke Rådsen", role="Teamleder, Team Match"),
        Participant(name="Søren Skemasen", role="HR-konsulent"),
        Participant(name="Dorte Skitsholm", role="Tillidsrepræsentant (HK)"),
    ]
    s.frame.core_task = (
        "Vi hjælper borgerne i Eksempelby i job og uddannelse og skaffer virksomhederne "
        "den arbejdskraft, de mangler. Det gør vi ved at koble borgernes kompetencer med "
        "virksomhedernes behov og ved at tage fagligt ansvar for hver sag."
    )
    s.frame.purpose = Purpose.BOTH
    s.delete_by = dt.date(2027, 6, 30)


def _basics(s: Session) -> None:
    high, medium, low = Priority.HIGH, Priority.MEDIUM, Priority.LOW
    decided: list[tuple[str, bool, int | None, Priority | None]] = [
        ("b-organisation", True, 2, medium),
        ("b-lovgivning", True, 3, high),
        ("b-undersoege", True, 3, medium),
        ("b-dokumentere", True, 3, high),
        ("b-vurdere", True, 3, medium),
        ("b-skoen", True, 3, high),
        ("b-argumentere", True, 2, medium),
        ("b-faellesfaglighed", True, 2, medium),
        ("b-beskaeftigelsesviden", True, 2, low),
        ("b-beskaeftigelsesanalyse", True, 3, high),
        ("b-borgersamtale", True, 3, medium),
        ("b-kerneopgave", False, None, None),
    ]
    for basic_id, included, level, priority in decided:
        adapt.decide_basic(s, basic_id, included)
        if included:
            adapt.set_min_level(s, basic_id, level)
            adapt.set_priority(s, basic_id, priority)
    # b-individuelle-loesninger stays undecided: the team comes back to it.
    adapt.set_basic_wording(
        s,
        "b-beskaeftigelsesanalyse",
        "Beskæftigelsesfaglig analyse: borgerens kompetencer over for virksomhedens behov",
    )
    adapt.set_basic_wording(s, "b-faellesfaglighed", "Fælles faglighed og sparring i teamet")
    adapt.set_basic_note(
        s,
        "b-kerneopgave",
        "Kerneopgaven drøftes for hele jobcentret på ledermødet; vi tager den ikke op her.",
    )
    adapt.set_basic_note(
        s,
        "b-individuelle-loesninger",
        "Uenighed om, hvor meget råderum vi har. Tages op igen efter sommerferien.",
    )


def _blocks(s: Session) -> dict[str, str]:
    targets = {
        "virk-kontakt": 3, "virk-forstaaelse": 3, "virk-brancher": 2, "virk-service": 3,
        "virk-raadgivning": 3, "virk-rummelighed": 2, "virk-bindeled": 3,
        "match-afdaekning": 3, "match-efterspoergsel": 3, "match-maalgrupper": 3,
        "match-kobling": 3, "match-opkvalificering": 2, "match-motivation": 3,
        "helhed-koordinering": 2, "helhed-aktoerer": 2, "helhed-bestiller": 3,
        "udv-dokumentation": 3, "udv-evidens": 2, "udv-videndeling": 3,
    }  # fmt: skip
    for element_id, level in targets.items():
        adapt.set_target_level(s, element_id, level)
    for element_id in ("match-uddannelse", "helhed-tovholder", "helhed-komplekse", "udv-projekter"):
        adapt.set_element_status(s, element_id, ElementStatus.DROPPED)
    adapt.set_element_note(
        s, "match-uddannelse", "Uddannelsesvejledning ligger i Team Ung; ikke vores opgave."
    )
    adapt.set_element_note(
        s, "helhed-komplekse", "Borgere med komplekse forløb har Team Helhed; vi samarbejder."
    )
    adapt.set_element_wording(s, "virk-kontakt", "Opsøgende kontakt til virksomheder i Eksempelby")
    adapt.set_element_wording(s, "match-kobling", "Fra analyse til konkret match på én uge")
    own = adapt.add_own_element(
        s, "blk-virksomhed", "Rekrutteringsservice ved store ordrer", "task"
    )
    adapt.set_target_level(s, own, 2)
    adapt.set_element_note(
        s, own, "Når en virksomhed skal bruge mange folk på én gang, samler vi et hold."
    )
    # helhed-inddragelse, udv-vidensopsamling, udv-systematik, udv-nytaenkning: undecided.

    profiles = {
        "erhverv": (
            "Virksomhedskonsulent, Team Erhverv",
            4,
            "Opsøger og servicerer virksomheder og skaffer dem arbejdskraft.",
            ["virk-kontakt", "virk-forstaaelse", "virk-brancher", "virk-service",
             "virk-raadgivning", "virk-rummelighed", "virk-bindeled", own, "match-kobling"],
        ),
        "match": (
            "Matchkonsulent, Team Match",
            5,
            "Afdækker borgernes kompetencer og finder match og opkvalificering.",
            ["match-afdaekning", "match-efterspoergsel", "match-maalgrupper", "match-kobling",
             "match-opkvalificering", "match-motivation", "helhed-aktoerer", "helhed-bestiller"],
        ),
        "udvikling": (
            "Udvikling og koordinering",
            2,
            "Samler viden op, dokumenterer resultater og holder sammen på samarbejdet.",
            ["helhed-koordinering", "udv-dokumentation", "udv-evidens", "udv-videndeling",
             "virk-bindeled"],
        ),
    }  # fmt: skip
    ids: dict[str, str] = {}
    for key, (name, needed, description, elements) in profiles.items():
        pid = adapt.add_profile(s, name, needed)
        adapt.set_profile_description(s, pid, description)
        for element_id in elements:
            adapt.toggle_profile_element(s, pid, element_id)
        ids[key] = pid
    return ids


def _staff(s: Session, profile_ids: dict[str, str]) -> dict[str, str]:
    people = add_staff(s, STAFF, profile_ids)
    changes.update_person(
        s, people["KM"], note="Startede i januar 2026; følger AP de første måneder."
    )
    return people


def _first_round(s: Session, people: dict[str, str]) -> None:
    for person_index, (_, initials, _, _) in enumerate(STAFF):
        person = s.person(people[initials])
        assert person is not None
        for competence_index, cid in enumerate(s.relevant_competences(person)):
            changes.set_rating(s, person.id, cid, _level(initials, competence_index, person_index))
    # The analysis is weak across the team; HE is the one who masters it.
    for initials in BASE_LEVEL:
        changes.set_rating(s, people[initials], "b-beskaeftigelsesanalyse", 1)
    for initials, level in {"HE": 4, "FD": 2, "AP": 2, "LA": 2}.items():
        changes.set_rating(s, people[initials], "b-beskaeftigelsesanalyse", level)
    # Evidence: only LA works with it for real.
    for initials, level in {"LA": 4, "CM": 1, "HE": 1}.items():
        changes.set_rating(s, people[initials], "udv-evidens", level)
    # Competences people have but do not use in their current job.
    unused = {
        "DS": ("virk-brancher", 3),
        "FD": ("udv-dokumentation", 3),
        "GO": ("helhed-koordinering", 3),
    }
    for initials, (cid, level) in unused.items():
        changes.set_rating(s, people[initials], cid, level)
        changes.toggle_unused(s, people[initials], cid)
    # The new colleague is not rated on everything yet.
    for cid in ("virk-rummelighed", "b-organisation"):
        changes.set_rating(s, people["KM"], cid, None)
    changes.set_rating(s, people["KM"], "virk-kontakt", 1)
    notes = {
        ("DS", "virk-brancher"): "Var virksomhedskonsulent i bygge og anlæg i fem år.",
        ("HE", "b-beskaeftigelsesanalyse"): "Underviser gerne kolleger; har lavet skabelonen.",
        ("KM", "virk-kontakt"): "Ny i jobbet; har været med på tre besøg.",
        ("GO", "helhed-koordinering"): "Koordinerede sygedagpengesager i sit tidligere job.",
    }
    for (initials, cid), note in notes.items():
        changes.set_rating_note(s, people[initials], cid, note)


def _plan(s: Session, people: dict[str, str]) -> None:
    changes.add_action(
        s,
        ActionKind.COURSE,
        "Socialformidleruddannelsen for to jobkonsulenter",
        for_whom=[people["EF"], people["JP"]],
        competences=["b-beskaeftigelsesanalyse", "b-skoen", "b-lovgivning"],
        owner="Rikke Rådsen",
        deadline=dt.date(2027, 6, 30),
        status=ActionStatus.IN_PROGRESS,
        transfer_plan=(
            "EF og JP fremlægger én sag fra studiet på teammødet hver måned, "
            "og HE giver sparring på deres analyser i hverdagen."
        ),
        course_id="k-socialformidler",
    )
    changes.add_action(
        s,
        ActionKind.COURSE,
        "Modul i virksomhedssamarbejde",
        for_whom=[people["KM"], people["BT"]],
        competences=["virk-kontakt", "virk-raadgivning", "virk-service"],
        owner="Per Planlund",
        deadline=dt.date(2026, 12, 15),
        transfer_plan=(
            "Hver deltager afprøver ét redskab fra modulet på fem virksomhedsbesøg "
            "og viser resultatet på et teammøde."
        ),
        course_id="k-modul-virksomhed",
    )
    changes.add_action(
        s,
        ActionKind.MENTORING,
        "KM følger AP på virksomhedsbesøg",
        for_whom=[people["KM"]],
        competences=["virk-kontakt", "virk-forstaaelse"],
        owner="Per Planlund",
        deadline=dt.date(2026, 5, 31),
        status=ActionStatus.DONE,
    )
    changes.add_action(
        s,
        ActionKind.ON_THE_JOB,
        "Faglig sparring om skøn hver anden torsdag",
        competences=["b-skoen", "b-argumentere", "b-faellesfaglighed"],
        owner="Rikke Rådsen",
        status=ActionStatus.IN_PROGRESS,
        transfer_plan=(
            "Hver gang tager én kollega en svær sag med; konklusionen skrives i håndbogen."
        ),
        course_id="k-sparring",
    )
    changes.add_action(
        s,
        ActionKind.TASK_SHIFT,
        "DS tager to virksomhedsbesøg om ugen i bygge og anlæg",
        for_whom=[people["DS"]],
        competences=["virk-brancher"],
        owner="Rikke Rådsen",
        deadline=dt.date(2026, 4, 30),
        status=ActionStatus.DONE,
        note="Aftalt med Team Erhverv; DS' sager fordeles i teamet.",
    )
    changes.add_action(
        s,
        ActionKind.RECRUITMENT,
        "Ansæt en matchkonsulent med erfaring i beskæftigelsesfaglig analyse",
        competences=["b-beskaeftigelsesanalyse", "match-kobling"],
        owner="Mona Rammesen",
        deadline=dt.date(2026, 12, 1),
    )
    changes.add_goal(
        s,
        people["KM"],
        "Blive selvstændig i den opsøgende virksomhedskontakt.",
        ["virk-kontakt"],
        dt.date(2026, 12, 31),
    )
    changes.add_goal(
        s,
        people["EF"],
        "Bruge den beskæftigelsesfaglige analyse i alle nye sager.",
        ["b-beskaeftigelsesanalyse"],
        dt.date(2027, 3, 31),
    )
    index = changes.add_goal(
        s,
        people["HE"],
        "Give fast sparring på analysen til to kolleger.",
        ["b-beskaeftigelsesanalyse"],
        dt.date(2026, 6, 1),
    )
    changes.update_goal(s, people["HE"], index, done=True)


def _follow_up(s: Session, people: dict[str, str]) -> None:
    changes.start_follow_up_round(s, FOLLOW_UP_DAY, "Opfølgning efter tre måneder")
    raised = {
        "KM": {
            "virk-kontakt": 2,
            "virk-forstaaelse": 2,
            "virk-rummelighed": 1,
            "b-organisation": 1,
        },
        "DS": {"virk-brancher": 3},
        "EF": {"b-beskaeftigelsesanalyse": 2},
        "JP": {"b-beskaeftigelsesanalyse": 2},
        "BT": {"virk-raadgivning": 3},
        "CM": {"udv-evidens": 2},
    }
    for initials, levels in raised.items():
        for cid, level in levels.items():
            changes.set_rating(s, people[initials], cid, level)
    # DS now uses her company knowledge; IU moved on to other tasks for a while.
    changes.toggle_unused(s, people["DS"], "virk-brancher")
    changes.toggle_unused(s, people["IU"], "virk-brancher")
    changes.set_rating_note(
        s, people["KM"], "virk-kontakt", "Tager nu selv kontakt; har brug for sparring om aftaler."
    )
    changes.set_rating_note(
        s, people["IU"], "virk-brancher", "Arbejder midlertidigt med sygedagpengesager."
    )


#: The staff's own levels (selvvurdering) and wishes (ønsker at udvikle) in the follow-up,
#: for five of the twelve: DS (investigation) and KM (documentation) rate themselves two
#: levels above the leaders and LA her citizen conversations two below (flagged for the
#: talk); AP, EF, KM and LA wish for something they are below target in; DS and LA wish
#: for competences everyone they are relevant for meets (wishes nobody needs).
SELF_ASSESSMENTS: dict[str, tuple[dict[str, int], tuple[str, ...]]] = {
    "AP": (
        {"b-beskaeftigelsesanalyse": 2, "virk-kontakt": 3, "b-borgersamtale": 3},
        ("b-beskaeftigelsesanalyse",),
    ),
    "DS": (
        {"b-undersoege": 3, "b-dokumentere": 2, "match-motivation": 2, "virk-brancher": 4},
        ("match-maalgrupper",),
    ),
    "EF": (
        {"b-skoen": 1, "b-beskaeftigelsesanalyse": 3, "match-kobling": 2},
        ("b-beskaeftigelsesanalyse", "helhed-bestiller"),
    ),
    "KM": (
        {"virk-kontakt": 3, "b-dokumentere": 2, "virk-bindeled": 1},
        ("virk-kontakt", "virk-raadgivning"),
    ),
    "LA": (
        {"udv-evidens": 3, "b-skoen": 2, "b-borgersamtale": 2},
        ("udv-dokumentation", "b-skoen"),
    ),
}


def _steps(s: Session) -> None:
    notes: dict[Step, tuple[str, list[tuple[str, dt.date]], int]] = {
        Step.FRAME: (
            "Fokus på samspillet mellem Team Erhverv og Team Match.",
            [("Workshoppen bruges både til udvikling og rekruttering.", WORKSHOP_DAY)],
            30,
        ),
        Step.BASIC: (
            "Lang drøftelse af det faglige skøn; mange oplever et snævert råderum.",
            [
                (
                    "Beskæftigelsesfaglig analyse er vores vigtigste fælles kompetence.",
                    WORKSHOP_DAY,
                ),
                ("Kerneopgaven tages op for hele jobcentret, ikke her.", WORKSHOP_DAY),
            ],
            45,
        ),
        Step.BLOCKS: (
            "Helhedsprofilen bruges kun delvist; Team Helhed dækker resten.",
            [("Vi tilføjer rekrutteringsservice ved store ordrer.", WORKSHOP_DAY)],
            45,
        ),
        Step.STAFF: ("Alle vurderede sig selv først og drøftede det derefter med lederen.", [], 60),
        Step.GAPS: (
            "Huller: analysen og evidens. Kun HE og LA står stærkt; sårbart.",
            [("HE og LA skal ikke være de eneste; to mere skal op på niveau 3.", WORKSHOP_DAY)],
            30,
        ),
        Step.PLAN: (
            "Opfølgning i juni viste fremgang hos KM og DS.",
            [("Ny opfølgning i december 2026.", FOLLOW_UP_DAY)],
            40,
        ),
    }
    for step, (text, decisions, minutes) in notes.items():
        state = s.step(step)
        state.notes = text
        state.decisions = [Decision(text=d, made_on=day) for d, day in decisions]
        state.timebox_minutes = minutes
    # a newcomer starts where a workshop starts (issue 11), not in the middle of the plan
    changes.go_to_step(s, Step.FRAME)


def build_demo() -> Session:
    """The demo workshop for the fictional "Jobcenter Eksempelby" (status: in progress)."""
    s = changes.new_session(
        load_demo_catalogue(),
        DEMO_TITLE,
        jobcenter="Jobcenter Eksempelby",
        unit="Team Virksomhed og Match",
        date=WORKSHOP_DAY,
    )
    s.id = DEMO_ID
    s.rounds[0].label = "Workshop"
    _frame(s)
    _basics(s)
    profile_ids = _blocks(s)
    people = _staff(s, profile_ids)
    _first_round(s, people)
    _plan(s, people)
    _follow_up(s, people)
    add_self_assessments(s, people, SELF_ASSESSMENTS)
    _steps(s)
    s.created = CREATED
    s.updated = UPDATED
    return s


def save_demo(demo: Session, folder: Path) -> Path:
    """Save a fresh demo in the sessions folder and return its path.

    It goes to :data:`DEMO_FILE`, replacing the last one (kept as its
    ``.bak``); when another program has that file open, the demo gets a file
    of its own instead. The second unit (Team Ung, :mod:`fagworkshop.demo_unit`)
    is saved fresh beside it as :data:`DEMO_SECOND_FILE` (unless another
    program has it open), so the overview across units has two. The command
    line and the home screen both start the demo this way. Raises
    :class:`~fagworkshop.store.errors.StoreError` when it cannot be saved.
    """
    path = folder / DEMO_FILE
    try:
        with SessionLock(path):
            save_session(demo, path)
    except SessionLocked:
        path = new_session_path(folder, demo.title)
        save_session(demo, path)
    second = folder / DEMO_SECOND_FILE
    try:
        with SessionLock(second):
            save_session(build_second_unit(load_demo_catalogue()), second)
    except SessionLocked:
        pass  # open in another program: that one stays as it is, no second copy
    return path
