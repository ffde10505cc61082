"""The demo's second unit: Team Ung in the same fictional Jobcenter Eksempelby.

With two units in the sessions folder a newcomer sees the overview across
units (``fagworkshop overview``, or the home screen's overview) with real
figures: the analysis skill hangs on one person in the whole centre (HE in
Team Virksomhed og Match), and the company knowledge that lies unused in
Team Virksomhed og Match is what Team Ung falls short of. Three of Team Ung
gave their own levels and wishes (selvvurdering), so the self layer shows in
both units. Built through the same domain changes as the first unit,
deterministic, every name made up.
"""

from __future__ import annotations

import datetime as dt

from fagworkshop.domain import adapt, changes
from fagworkshop.domain.catalogue import Catalogue
from fagworkshop.domain.session import ActionKind, ElementStatus, Priority, Purpose, Session, Step

SECOND_ID = "demo-eksempelby-ung"
SECOND_TITLE = "Kompetenceworkshop 2026, Team Ung"
SECOND_DAY = dt.date(2026, 4, 21)
SECOND_CREATED = dt.datetime(2026, 4, 21, 9, 0, tzinfo=dt.UTC)

#: (name, initials, role, local profile keys) of the fictional staff of Team Ung.
SECOND_STAFF: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Mads Prøvebo", "MP", "Ungekonsulent", ("ung",)),
    ("Nadia Skabelund", "NS", "Ungekonsulent", ("ung",)),
    ("Oskar Øvelsen", "OØ", "Ungekonsulent og virksomhedskontakt", ("ung", "virk")),
    ("Pia Fantasholm", "PF", "Uddannelsesvejleder", ("ung",)),
    ("Rasmus Rollesen", "RR", "Virksomhedskonsulent for unge", ("virk",)),
    ("Sara Scenegaard", "SG", "Ungekonsulent", ("ung",)),
)

#: Fixed levels (competence id -> level per person, in SECOND_STAFF order).
LEVELS: dict[str, tuple[int, ...]] = {
    "b-organisation": (2, 3, 2, 3, 2, 2),
    "b-lovgivning": (3, 2, 3, 3, 2, 1),
    "b-undersoege": (3, 3, 2, 3, 2, 2),
    "b-dokumentere": (2, 3, 3, 2, 2, 2),
    "b-skoen": (2, 2, 3, 3, 1, 2),
    "b-beskaeftigelsesanalyse": (1, 2, 2, 1, 2, 1),
    "b-borgersamtale": (3, 3, 3, 4, 2, 3),
    "helhed-koordinering": (3, 2, 2, 3, 0, 2),
    "helhed-aktoerer": (3, 3, 2, 4, 0, 2),
    "helhed-inddragelse": (2, 3, 2, 3, 0, 3),
    "match-uddannelse": (2, 2, 1, 4, 0, 2),
    "virk-kontakt": (0, 0, 2, 0, 3, 0),
    "virk-brancher": (0, 0, 1, 0, 1, 0),
    "virk-rummelighed": (0, 0, 2, 0, 3, 0),
}


#: The staff's own levels (selvvurdering) and wishes (ønsker at udvikle), by initials:
#: NS rates her coordination two above the leaders and RR his knowledge of trades two
#: above (flagged for the talk), PF her guidance towards education two below; NS and RR
#: wish for what they are below target in (a wish that meets a gap), PF for the
#: knowledge of the organisation everyone already has (a wish nobody needs).
SELF_ASSESSMENTS: dict[str, tuple[dict[str, int], tuple[str, ...]]] = {
    "NS": (
        {"helhed-koordinering": 4, "b-beskaeftigelsesanalyse": 2, "b-lovgivning": 3},
        ("b-beskaeftigelsesanalyse",),
    ),
    "PF": ({"match-uddannelse": 2, "b-organisation": 3}, ("b-organisation",)),
    "RR": ({"virk-brancher": 3, "virk-kontakt": 3}, ("virk-brancher",)),
}


#: (name, initials, role, local profile keys) of each fictional member of staff.
StaffRow = tuple[str, str, str, tuple[str, ...]]
#: Initials -> (own level by competence id, competence ids they wish to develop).
SelfTable = dict[str, tuple[dict[str, int], tuple[str, ...]]]


def add_staff(
    s: Session, staff: tuple[StaffRow, ...], profile_ids: dict[str, str]
) -> dict[str, str]:
    """Add the demo staff with their local profiles (by key); initials -> person id."""
    return {
        initials: changes.add_person(s, name, initials, role, [profile_ids[k] for k in keys])
        for name, initials, role, keys in staff
    }


def add_self_assessments(s: Session, people: dict[str, str], table: SelfTable) -> None:
    """Give the staff in ``table`` their own levels and wishes (selvvurdering)."""
    for initials, (levels, wishes) in table.items():
        for cid, level in levels.items():
            changes.set_self_rating(s, people[initials], cid, level)
        for cid in wishes:
            changes.set_wish(s, people[initials], cid, True)


def _decide(s: Session) -> dict[str, str]:
    basics = {
        "b-organisation": 2, "b-lovgivning": 3, "b-undersoege": 3, "b-dokumentere": 2,
        "b-skoen": 3, "b-beskaeftigelsesanalyse": 3, "b-borgersamtale": 3,
    }  # fmt: skip
    for basic_id, level in basics.items():
        adapt.decide_basic(s, basic_id, True)
        adapt.set_min_level(s, basic_id, level)
        adapt.set_priority(s, basic_id, Priority.HIGH if level == 3 else Priority.MEDIUM)
    for basic_id in ("b-vurdere", "b-argumentere", "b-faellesfaglighed"):
        adapt.decide_basic(s, basic_id, False)
    targets = {
        "helhed-koordinering": 3, "helhed-aktoerer": 3, "helhed-inddragelse": 3,
        "match-uddannelse": 3, "virk-kontakt": 2, "virk-brancher": 2, "virk-rummelighed": 2,
    }  # fmt: skip
    for element_id, level in targets.items():
        adapt.set_target_level(s, element_id, level)
        adapt.set_element_status(s, element_id, ElementStatus.KEPT)
    adapt.set_element_wording(
        s, "match-uddannelse", "Vejlede unge mod en uddannelse, de gennemfører"
    )
    ung = adapt.add_profile(s, "Ungekonsulent, Team Ung", 4)
    for element_id in ("helhed-koordinering", "helhed-aktoerer", "helhed-inddragelse",
                       "match-uddannelse"):  # fmt: skip
        adapt.toggle_profile_element(s, ung, element_id)
    virk = adapt.add_profile(s, "Virksomhedskontakt for unge", 2)
    for element_id in ("virk-kontakt", "virk-brancher", "virk-rummelighed"):
        adapt.toggle_profile_element(s, virk, element_id)
    return {"ung": ung, "virk": virk}


def build_second_unit(catalogue: Catalogue) -> Session:
    """Team Ung's workshop from the demo's catalogue: six fictional staff, one round, a plan."""
    s = changes.new_session(
        catalogue,
        SECOND_TITLE,
        jobcenter="Jobcenter Eksempelby",
        unit="Team Ung",
        date=SECOND_DAY,
    )
    s.id = SECOND_ID
    s.frame.purpose = Purpose.DEVELOPMENT
    s.frame.core_task = (
        "Vi hjælper unge i Eksempelby videre i uddannelse eller job, med én indgang og én plan."
    )
    s.delete_by = dt.date(2027, 6, 30)
    s.rounds[0].label = "Workshop"
    profiles = _decide(s)
    people = add_staff(s, SECOND_STAFF, profiles)
    order = [initials for _, initials, _, _ in SECOND_STAFF]
    for cid, levels in LEVELS.items():
        for initials, level in zip(order, levels, strict=True):
            person = s.person(people[initials])
            assert person is not None
            if cid in s.relevant_competences(person):
                changes.set_rating(s, person.id, cid, level)
    changes.toggle_unused(s, people["PF"], "helhed-aktoerer")  # knows the partners, not used
    add_self_assessments(s, people, SELF_ASSESSMENTS)
    changes.add_action(
        s,
        ActionKind.MENTORING,
        "RR tager en ungekonsulent med på virksomhedsbesøg hver uge",
        for_whom=[people["MP"], people["SG"]],
        competences=["virk-kontakt", "virk-rummelighed"],
        owner="Tove Tænkesen",
        deadline=dt.date(2026, 10, 1),
    )
    changes.add_action(
        s,
        ActionKind.COURSE,
        "Kursus i beskæftigelsesfaglig analyse for hele teamet",
        for_whom=list(people.values()),
        competences=["b-beskaeftigelsesanalyse"],
        owner="Tove Tænkesen",
        deadline=dt.date(2026, 12, 31),
        transfer_plan="To sager fra kurset gennemgås på hvert teammøde resten af året.",
        course_id="k-socialformidler",
    )
    s.step(
        Step.GAPS
    ).notes = "Virksomhedskontakten hænger på RR og OØ; analysen er svag i hele teamet."
    changes.go_to_step(s, Step.FRAME)
    s.created = SECOND_CREATED
    s.updated = SECOND_CREATED
    return s


__all__ = [
    "SECOND_ID",
    "SECOND_TITLE",
    "SELF_ASSESSMENTS",
    "add_self_assessments",
    "add_staff",
    "build_second_unit",
]
