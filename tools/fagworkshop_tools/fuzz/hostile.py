"""A session file whose every kind of user text is hostile (for the attack suite).

Markup, control codes, bidi overrides, formulas, HTML and ``../`` in names,
notes, titles, reworded competences, profiles, actions, decisions and
participants, written into the TOML by hand as an editor or another program
could, so that loading it goes through the store's own cleaning.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from fagworkshop_tools.fuzz.mutators import HOSTILE_TEXTS


def hostile_session_file(folder: Path, n: int = 0) -> Path:
    """A session file whose every kind of user text holds hostile strings."""
    from fagworkshop.generate import generate_session
    from fagworkshop.store.writing import to_toml

    s = generate_session(staff=len(HOSTILE_TEXTS), competences=8, rounds=2, seed=n)
    doc = tomllib.loads(to_toml(s).decode("utf-8"))
    pick = HOSTILE_TEXTS
    doc["title"] = pick[n % len(pick)]
    doc["frame"]["jobcenter"] = pick[(n + 1) % len(pick)]
    doc["frame"]["unit"] = pick[(n + 2) % len(pick)]
    doc["frame"]["core_task"] = "\n".join(pick)
    doc["frame"]["participants"] = [{"name": t, "role": t} for t in pick]
    for i, person in enumerate(doc["staff"]):
        person["name"] = pick[i % len(pick)] + f" {i}"
        person["note"] = pick[(i + 3) % len(pick)]
        person["role"] = pick[(i + 5) % len(pick)]
        person["initials"] = pick[(i + 7) % len(pick)][:20]
    for i, basic in enumerate(doc["basics"]):
        basic["local_wording"] = pick[(i + 4) % len(pick)]
        basic["note"] = pick[(i + 6) % len(pick)]
    for block in doc["blocks"]:
        for j, element in enumerate(block["elements"]):
            element["local_wording"] = pick[(j + 8) % len(pick)]
    for k, profile in enumerate(doc["profiles"]):
        profile["name"] = pick[(k + 9) % len(pick)] + f" {k}"
        profile["description"] = pick[(k + 10) % len(pick)]
    first_person = doc["staff"][0]["id"]
    competence = doc["basics"][0]["id"]
    doc["rounds"][-1]["notes"] = {first_person: {competence: "\n".join(pick)}}
    doc["actions"] = [
        {
            "id": f"a-{i}",
            "kind": "course",
            "title": t,
            "owner": t,
            "transfer_plan": t,
            "for_whom": [first_person],
            "competences": [competence],
        }
        for i, t in enumerate(pick)
    ]
    doc["steps"] = {
        "frame": {"notes": "\n".join(pick), "decisions": [{"text": t} for t in pick]},
        "summary": {"notes": pick[-1]},
    }
    path = folder / f"hostile-{n}.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return path
