"""Generated sessions of any size, shaped like the demo workshop.

Used by the benchmark and the fuzz suite: nothing large is committed, the
generator makes it on demand, deterministically from a seed.
"""

from __future__ import annotations

import datetime as dt
import random

from fagworkshop.domain.catalogue import Level, Theme, default_levels
from fagworkshop.domain.session import (
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    Frame,
    LocalProfile,
    Person,
    Priority,
    Round,
    Session,
    utc_now,
)

_FIRST = ["Anna", "Bo", "Carla", "Dennis", "Ella", "Frederik", "Gitte", "Hassan", "Ida", "Jonas"]
_LAST = ["Holm", "Juhl", "Krogh", "Lund", "Møller", "Nør", "Ottesen", "Præst", "Quist", "Ravn"]


def generate_session(
    staff: int = 60, competences: int = 80, rounds: int = 3, *, seed: int = 0
) -> Session:
    """A valid session with ``staff`` people, ``competences`` competences and ``rounds`` rounds.

    About a fifth of the competences are basic ones (all included); the rest
    are elements of four blocks, combined into five local profiles. Every
    person is rated on every competence that matters for them in every round.
    """
    rng = random.Random(seed)
    levels: list[Level] = default_levels()
    n_basic = max(1, competences // 5)
    n_elements = competences - n_basic
    themes = [Theme(id=f"t-{i}", title=f"Tema {i}") for i in range(1, 4)]
    basics = [
        BasicChoice(
            id=f"b-{i}",
            theme=themes[i % len(themes)].id,
            title=f"Basiskompetence {i}",
            description="Genereret basiskompetence til måling.",
            included=True,
            min_level=rng.choice([2, 3]),
            priority=rng.choice(list(Priority)),
        )
        for i in range(1, n_basic + 1)
    ]
    blocks = [AdaptedBlock(id=f"blk-{i}", title=f"Blok {i}") for i in range(1, 5)]
    for i in range(1, n_elements + 1):
        blocks[i % 4].elements.append(
            AdaptedElement(
                id=f"e-{i}",
                title=f"Element {i}",
                description="Genereret element til måling.",
                status=ElementStatus.KEPT,
                target_level=rng.choice([2, 3, 4]),
            )
        )
    element_ids = [e.id for b in blocks for e in b.elements]
    profiles = []
    for i in range(1, 6):
        picked = rng.sample(element_ids, k=min(len(element_ids), max(1, n_elements // 3)))
        profiles.append(
            LocalProfile(id=f"lp-{i}", name=f"Lokal profil {i}", elements=picked, needed=3)
        )
    people = [
        Person(
            id=f"p-{i}",
            name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}",
            initials=f"M{i}",
            profiles=[p.id for p in rng.sample(profiles, k=rng.choice([1, 2]))],
        )
        for i in range(1, staff + 1)
    ]
    session = Session(
        id=f"gen-{staff}x{competences}x{rounds}-{seed}",
        title=f"Genereret {staff} x {competences}",
        created=utc_now(),
        frame=Frame(jobcenter="Jobcenter Generator", unit="Måling"),
        levels=levels,
        themes=themes,
        basics=basics,
        blocks=blocks,
        profiles=profiles,
        staff=people,
    )
    start = dt.date(2026, 1, 15)
    for r in range(1, rounds + 1):
        rnd = Round(number=r, date=start + dt.timedelta(days=120 * (r - 1)))
        for person in people:
            relevant = session.relevant_competences(person)
            rnd.ratings[person.id] = {c: rng.randint(0, 4) for c in relevant}
            unused = [c for c in relevant if rng.random() < 0.03]
            if unused:
                rnd.unused[person.id] = unused
        session.rounds.append(rnd)
    return session
