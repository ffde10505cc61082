"""A small, fully filled-in session for the export tests (and a hostile variant).

Other ``test_export_*`` files import :func:`sample_session` and
:func:`hostile_session` from here; the tests below keep the sample honest.
"""

from __future__ import annotations

import datetime as dt

from fagworkshop.domain.catalogue import Course, CourseKind, Theme, default_levels
from fagworkshop.domain.session import (
    Action,
    ActionKind,
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    Decision,
    ElementStatus,
    Frame,
    Goal,
    LocalProfile,
    Participant,
    Person,
    Priority,
    Purpose,
    Round,
    Session,
    Status,
    StepState,
)

FULL_NAMES = ("Anna Holm", "Bo Juhl", "Carla Krogh", "Dorte Ærø")


def sample_session() -> Session:
    """Jobcenter Prøveby: four staff, two local profiles, two rounds, a plan."""
    return Session(
        id="sample",
        title="Kompetenceværksted, Team Erhverv",
        created=dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC),
        updated=dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC),
        status=Status.AGREED,
        agreed_on=dt.date(2026, 3, 2),
        frame=Frame(
            jobcenter="Jobcenter Prøveby",
            unit="Team Erhverv",
            date=dt.date(2026, 3, 1),
            participants=[
                Participant(name="Mette Sørensen", role="Beskæftigelseschef"),
                Participant(name="Jens Ø. Lund", role="Teamleder"),
            ],
            core_task="At hjælpe ledige i job og virksomheder til arbejdskraft.\nSammen.",
            purpose=Purpose.BOTH,
            catalogue_id="fagprofiler",
            catalogue_title="Faglige profiler",
        ),
        levels=default_levels(),
        themes=[Theme(id="myndighed", title="Myndighed og lovgivning")],
        basics=[
            BasicChoice(
                id="b-lov",
                theme="myndighed",
                title="Lovgivning",
                description="Kender og anvender reglerne.",
                source="Fremfærd (2019): Sådan arbejder I med faglige profiler i jobcentrene",
                included=True,
                min_level=3,
                priority=Priority.HIGH,
                local_wording="Navigere i lovgivningen",
            ),
            BasicChoice(
                id="b-skon",
                theme="myndighed",
                title="Fagligt skøn",
                included=True,
                min_level=2,
                priority=Priority.MEDIUM,
            ),
            BasicChoice(id="b-fravalgt", theme="myndighed", title="Fravalgt", included=False),
        ],
        blocks=[
            AdaptedBlock(
                id="virk",
                title="Virksomhedsprofilen",
                elements=[
                    AdaptedElement(
                        id="e-kontakt",
                        title="Virksomhedskontakt",
                        description="Opsøger og plejer virksomheder.",
                        status=ElementStatus.KEPT,
                        target_level=3,
                    ),
                    AdaptedElement(
                        id="e-match",
                        title="Match",
                        status=ElementStatus.KEPT,
                        target_level=2,
                        local_wording="Match mellem ledig og job",
                    ),
                    AdaptedElement(id="e-vaek", title="Væk", status=ElementStatus.DROPPED),
                ],
            ),
            AdaptedBlock(
                id="helhed",
                title="Helhedsprofilen",
                elements=[
                    AdaptedElement(
                        id="e-tvaer",
                        title="Tværfagligt samarbejde",
                        status=ElementStatus.KEPT,
                        target_level=3,
                    ),
                ],
            ),
        ],
        courses=[
            Course(
                id="k-diplom",
                name="Diplommodul i virksomhedssamarbejde",
                kind=CourseKind.EDUCATION,
                serves=["e-kontakt"],
            ),
            Course(id="k-andet", name="Andet kursus", kind=CourseKind.COURSE, serves=["e-vaek"]),
        ],
        profiles=[
            LocalProfile(
                id="lp-virk",
                name="Virksomhedskonsulent, Team Erhverv",
                description="Kontakten til byens virksomheder.",
                elements=["e-kontakt", "e-match"],
                needed=3,
            ),
            LocalProfile(
                id="lp-helhed",
                name="Helhedsorienteret sagsbehandler",
                elements=["e-tvaer", "e-match", "b-skon"],
                needed=1,
            ),
        ],
        staff=[
            Person(id="p-1", name="Anna Holm", initials="AH", profiles=["lp-virk"]),
            Person(id="p-2", name="Bo Juhl", initials="BJ", profiles=["lp-virk", "lp-helhed"]),
            Person(id="p-3", name="Carla Krogh", profiles=["lp-helhed"]),
            Person(
                id="p-4",
                name="Dorte Ærø",
                initials="DÆ",
                goals=[
                    Goal(
                        text="Blive tryg i virksomhedsbesøg",
                        competences=["e-kontakt"],
                        deadline=dt.date(2026, 12, 1),
                    )
                ],
            ),
        ],
        rounds=[
            Round(
                number=1,
                date=dt.date(2026, 3, 1),
                label="Første workshop",
                ratings={
                    "p-1": {"b-lov": 3, "b-skon": 2, "e-kontakt": 4, "e-match": 2},
                    "p-2": {"b-lov": 2, "b-skon": 3, "e-kontakt": 2, "e-match": 2, "e-tvaer": 1},
                    "p-3": {"b-lov": 4, "b-skon": 1, "e-tvaer": 3},
                    "p-4": {"b-lov": 1, "e-kontakt": 3},
                },
                unused={"p-4": ["e-kontakt"]},
            ),
            Round(
                number=2,
                date=dt.date(2026, 9, 1),
                label="Opfølgning",
                ratings={
                    "p-1": {"b-lov": 3, "b-skon": 2, "e-kontakt": 4, "e-match": 3},
                    "p-2": {"b-lov": 3, "b-skon": 3, "e-kontakt": 3, "e-match": 2, "e-tvaer": 2},
                    "p-3": {"b-lov": 4, "b-skon": 2, "e-tvaer": 3, "e-match": 2},
                    "p-4": {"b-lov": 2, "e-kontakt": 3},
                },
                unused={"p-4": ["e-kontakt"]},
            ),
        ],
        actions=[
            Action(
                id="a-1",
                kind=ActionKind.COURSE,
                title="Diplommodul for Bo",
                for_whom=["p-2"],
                competences=["e-kontakt"],
                owner="Teamleder",
                deadline=dt.date(2026, 6, 30),
                course_id="k-diplom",
                transfer_plan="Bo tager med på besøg med Anna.\nDeler på teammødet.",
            ),
            Action(
                id="a-2",
                kind=ActionKind.TASK_SHIFT,
                title="Dorte får virksomhedsopgaver",
                for_whom=["p-4"],
                competences=["e-kontakt"],
            ),
            Action(id="a-3", kind=ActionKind.COURSE, title="Lovkursus for alle"),
        ],
        steps={
            "frame": StepState(
                decisions=[
                    Decision(text="Vi starter fra fagprofilerne.", made_on=dt.date(2026, 3, 1))
                ]
            ),
            "summary": StepState(decisions=[Decision(text="Opfølgning i september.")]),
        },
    )


#: Text a hostile or careless user might type into any field.
HOSTILE = (
    '=HYPERLINK("http://x";"y") <script>alert(1)</script> [b]fed[/b] **x** | y '
    "# & &amp; \x1b]0;pwn\x07 `code` ![i](http://x) \u202eevil"
)
HOSTILE_LINES = "- liste\n# overskrift\n1. nummer\n+SUM(A1)\n@cmd\n<img src=x onerror=alert(1)>"


def hostile_session() -> Session:
    """The sample with hostile text in every field a user can type into."""
    s = sample_session()
    data = s.model_dump()
    data["title"] = "=cmd|' /C calc'!A0 <b>fed</b>"
    data["frame"]["jobcenter"] = HOSTILE
    data["frame"]["unit"] = "@SUM(1+1)"
    data["frame"]["core_task"] = HOSTILE_LINES
    data["frame"]["participants"][0]["role"] = "<i>leder</i>"
    data["themes"][0]["title"] = HOSTILE
    for b in data["basics"]:
        b["local_wording"] = "-" + HOSTILE
    for blk in data["blocks"]:
        for e in blk["elements"]:
            e["local_wording"] = "+" + HOSTILE
            e["description"] = HOSTILE_LINES
    for p in data["profiles"]:
        p["name"] = "<h1>" + HOSTILE
        p["description"] = HOSTILE_LINES
    for i, person in enumerate(data["staff"]):
        person["initials"] = ["=1+1", "<AH>", "", "\tTAB"][i]
    for a in data["actions"]:
        a["title"] = "# " + HOSTILE
        a["owner"] = "-2+3"
        a["transfer_plan"] = HOSTILE_LINES
    data["steps"]["frame"]["decisions"][0]["text"] = HOSTILE_LINES
    data["courses"][0]["name"] = HOSTILE
    return Session.model_validate(data)


def test_sample_is_valid_and_has_what_exports_show() -> None:
    s = sample_session()
    assert Session.model_validate(s.model_dump()) == s
    assert len(s.rounds) == 2 and s.actions and s.profiles
    assert [p.name for p in s.staff] == list(FULL_NAMES)


def test_hostile_session_is_valid_and_cleaned_of_control_characters() -> None:
    s = hostile_session()
    assert "\x1b" not in s.frame.jobcenter and "\u202e" not in s.frame.jobcenter
    assert s.frame.jobcenter.startswith("=HYPERLINK")
