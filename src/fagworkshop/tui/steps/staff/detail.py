"""Step 4's lines in words: the cell under the cursor (its level, meaning, target and the
person's own voice), the key line and the round line. Functions of the session."""

from __future__ import annotations

from textual.content import Content

from fagworkshop.domain.self_view import TALK_DIFFERENCE, cell_difference, self_people
from fagworkshop.domain.session import AdaptedElement, BasicChoice, Person, Session
from fagworkshop.i18n import t
from fagworkshop.tui.steps.staff.rating_grid import Layer
from fagworkshop.tui.widgets.grid_support import competence_codes


def detail_content(
    session: Session,
    person: Person,
    item: BasicChoice | AdaptedElement,
    competence_id: str,
    self_mode: bool,
) -> Content:
    """One cell in words: the competence, the person, the level and what it means, the
    target, the person's own level and wish; most important first (a small screen shows
    only the first lines). In "selvvurdering" mode the person's own level comes first."""
    codes = competence_codes(session)
    rnd = session.round()
    rating = rnd.rating(person.id, competence_id) if rnd else None
    target = session.target(competence_id)
    who = person.name + (f" · {person.role}" if person.role else "")
    # most important first: on a small screen only the first lines show
    parts: list[str | tuple[str, str]] = [
        (f"{codes.get(competence_id, '')} {item.shown_title}", "bold"),
        ("  ·  " + who, "dim"),
        "\n",
    ]
    own = own_parts(session, person.id, competence_id, self_mode)
    if self_mode:
        # the person rates themselves without the leaders' level in view: theirs first
        parts += own
    elif rating is None or rating.level is None:
        parts.append(t("staff.detail_unrated"))
    else:
        level = session.level(rating.level)
        label = level.label if level else str(rating.level)
        parts.append((t("staff.detail_level", level=rating.level, label=label), "bold"))
        parts.append(level.meaning if level else "")
    parts += [
        "  ·  ",
        t("staff.detail_target", target=target)
        if target is not None
        else t("staff.detail_no_target"),
    ]
    if not self_mode:
        parts += own
    if rating is not None and rating.unused and not self_mode:
        parts += ["\n", (t("staff.detail_unused"), "italic")]
    if competence_id not in session.relevant_competences(person):
        parts += ["\n", (t("staff.detail_not_relevant"), "dim")]
    if item.local_wording.strip() and item.local_wording.strip() != item.title:
        parts += ["\n", (t("staff.detail_catalogue") + item.title, "dim")]
    if item.description:
        parts += ["\n", (item.description, "dim")]
    return Content.assemble(*parts)


def own_parts(
    session: Session, person_id: str, competence_id: str, self_mode: bool
) -> list[str | tuple[str, str]]:
    """The person's own level, the difference and the wish, for the detail panel
    (a line of its own beside the leaders' level; the first line in "selvvurdering")."""
    rnd = session.round()
    if rnd is None:
        return []
    rating = rnd.rating(person_id, competence_id)
    if rating.self_level is None and not rating.wish and not self_mode:
        return []
    parts: list[str | tuple[str, str]] = [] if self_mode else ["\n"]
    if rating.self_level is None:
        parts.append(t("selfview.detail.own_none"))
    else:
        level = session.level(rating.self_level)
        label = level.label if level else str(rating.self_level)
        parts.append((t("selfview.detail.own", level=rating.self_level, label=label), "bold"))
        if self_mode and level is not None:
            parts.append(": " + level.meaning)
    difference = cell_difference(rnd, person_id, competence_id)
    if difference is not None and not self_mode:
        parts.append("  ·  " + t("selfview.detail.difference", difference=difference.difference))
        if difference.flagged:
            parts.append((" · " + t("selfview.detail.flagged"), "bold"))
    if rating.wish:
        parts += ["  ·  ", (t("selfview.detail.wish"), "italic")]
    return parts


def help_line(session: Session, self_person: str | None, layer: Layer) -> str:
    """The key line over the grid: the leaders' keys, or the layer's or the mode's."""
    numbers = session.level_numbers()
    high = max(numbers) if numbers else 0
    person = session.person(self_person) if self_person else None
    if person is not None:
        return t("selfview.mode.title", name=person.name, max=high)
    if layer == Layer.LEADERS:
        text = t("staff.help_line", max=high)
        if self_people(session.round()):  # the purple cells need saying only then
            text += " " + t("selfview.help.leaders", flag=TALK_DIFFERENCE)
        return text
    return t(f"selfview.help.{layer.value}", flag=TALK_DIFFERENCE)


def round_line(session: Session, self_person: str | None, layer: Layer) -> str:
    """Which rating round the grid rates: a follow-up must not be mistaken for the first."""
    rnd = session.round()
    if rnd is None:
        return t("staff.round_none")
    # the layer or the mode first: at 80 columns the end of the line is cut off, and
    # the help line that says it at length is hidden there
    person = session.person(self_person) if self_person else None
    if person is not None:
        text = t("selfview.mode.short", name=person.name)
    else:
        text = t(f"selfview.layer.{layer.value}")
    text += " · " + t("staff.round", number=rnd.number, rounds=len(session.rounds))
    if rnd.label:
        text += f" · {rnd.label}"
    if rnd.date:
        text += f" · {rnd.date.isoformat()}"
    return text
