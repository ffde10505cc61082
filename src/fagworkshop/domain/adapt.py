"""Changes of steps 2 and 3: adapting basic competences and blocks, composing local profiles.

Like ``domain.changes``, each function applies one change in place and raises
:class:`ChangeError` with an i18n key on bad input. Kept apart from
``changes`` because these are the catalogue-shaping changes (tilpasning) the
team makes before anyone is rated.
"""

from __future__ import annotations

from fagworkshop.domain.catalogue import ElementKind
from fagworkshop.domain.changes import ChangeError, check_level, new_id
from fagworkshop.domain.changes.common import find_by_id, known
from fagworkshop.domain.session import (
    AdaptedBlock,
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    LocalProfile,
    Origin,
    Priority,
    Session,
)
from fagworkshop.domain.text import clean_line, clean_text


def _basic(session: Session, basic_id: str) -> BasicChoice:
    return find_by_id(session.basics, basic_id, "change.unknown_competence")


def _element(session: Session, element_id: str) -> AdaptedElement:
    elements = (e for _, e in session.elements())
    return find_by_id(elements, element_id, "change.unknown_competence")


def _block(session: Session, block_id: str) -> AdaptedBlock:
    return find_by_id(session.blocks, block_id, "change.unknown_block")


def _local_profile(session: Session, profile_id: str) -> LocalProfile:
    return known(session.profile(profile_id), "change.unknown_profile", profile_id)


def _title(value: str) -> str:
    title = clean_line(value).strip()
    if not title:
        raise ChangeError("change.empty_title")
    return title


# --- step 2: basic competences ------------------------------------------------


def decide_basic(session: Session, basic_id: str, included: bool | None) -> None:
    """Include a basic competence for the whole staff group, leave it out, or undecide it.

    Including one without a minimum level gives it the middle of the scale, so
    it has a target at once.
    """
    basic = _basic(session, basic_id)
    basic.included = included
    if included and basic.min_level is None:
        numbers = session.level_numbers()
        basic.min_level = numbers[len(numbers) // 2] if numbers else None


def set_min_level(session: Session, basic_id: str, level: int | None) -> None:
    """The minimum level the whole staff group should hold."""
    check_level(session, level)
    _basic(session, basic_id).min_level = level


def set_priority(session: Session, basic_id: str, priority: Priority | str | None) -> None:
    """High, medium or low priority (or none)."""
    _basic(session, basic_id).priority = Priority(priority) if priority else None


def set_basic_wording(session: Session, basic_id: str, wording: str) -> None:
    """The team's own words for a basic competence (empty: the catalogue title)."""
    _basic(session, basic_id).local_wording = clean_text(wording)


def set_basic_note(session: Session, basic_id: str, note: str) -> None:
    """A note on a basic competence."""
    _basic(session, basic_id).note = clean_text(note)


def add_own_basic(session: Session, theme_id: str, title: str, description: str = "") -> str:
    """Add the team's own basic competence to a theme; returns its id. It starts included."""
    if theme_id not in {t.id for t in session.themes}:
        raise ChangeError("change.unknown_theme", id=theme_id)
    new = BasicChoice(
        id=new_id("own", session.competence_ids()),
        theme=theme_id,
        title=_title(title),
        description=clean_text(description),
        origin=Origin.OWN,
    )
    session.basics.append(new)
    decide_basic(session, new.id, True)
    return new.id


# --- step 3: blocks and their elements ----------------------------------------


def set_element_status(session: Session, element_id: str, status: ElementStatus | str) -> None:
    """Keep, drop or undecide a block element. A dropped element leaves every local profile."""
    element = _element(session, element_id)
    element.status = ElementStatus(status)
    if element.status == ElementStatus.DROPPED:
        for profile in session.profiles:
            if element_id in profile.elements:
                profile.elements.remove(element_id)


def set_element_wording(session: Session, element_id: str, wording: str) -> None:
    """The team's own words for an element (empty: the catalogue title)."""
    _element(session, element_id).local_wording = clean_text(wording)


def set_element_note(session: Session, element_id: str, note: str) -> None:
    """A note on an element."""
    _element(session, element_id).note = clean_text(note)


def set_target_level(session: Session, element_id: str, level: int | None) -> None:
    """The level the unit wants for an element. Setting a target keeps an undecided element."""
    check_level(session, level)
    element = _element(session, element_id)
    element.target_level = level
    if level is not None and element.status == ElementStatus.UNDECIDED:
        element.status = ElementStatus.KEPT


def add_own_element(
    session: Session, block_id: str, title: str, kind: ElementKind | str = ElementKind.COMPETENCE
) -> str:
    """Add the team's own element to a block; returns its id. It starts kept."""
    block = _block(session, block_id)
    element = AdaptedElement(
        id=new_id("own", session.competence_ids()),
        title=_title(title),
        kind=ElementKind(kind),
        origin=Origin.OWN,
        status=ElementStatus.KEPT,
    )
    block.elements.append(element)
    return element.id


# --- step 3: local profiles ---------------------------------------------------


def add_profile(session: Session, name: str, needed: int = 1) -> str:
    """A new local profile (lokal profil); returns its id."""
    if needed < 0:
        raise ChangeError("change.needed_negative")
    profile = LocalProfile(
        id=new_id("lp", [p.id for p in session.profiles]), name=_title(name), needed=needed
    )
    session.profiles.append(profile)
    return profile.id


def rename_profile(session: Session, profile_id: str, name: str) -> None:
    """Give a local profile a new name."""
    _local_profile(session, profile_id).name = _title(name)


def set_profile_description(session: Session, profile_id: str, description: str) -> None:
    """What the role is for, in the team's words."""
    _local_profile(session, profile_id).description = clean_text(description)


def set_profile_needed(session: Session, profile_id: str, needed: int) -> None:
    """How many people the unit needs who hold this profile."""
    if needed < 0 or needed > 100_000:
        raise ChangeError("change.needed_negative")
    _local_profile(session, profile_id).needed = needed


def toggle_profile_element(session: Session, profile_id: str, competence_id: str) -> bool:
    """Put a competence (block element or basic) in a local profile or take it out.

    Returns whether it is in the profile now. A dropped element cannot be added.
    """
    profile = _local_profile(session, profile_id)
    if competence_id in profile.elements:
        profile.elements.remove(competence_id)
        return False
    item = session.competence(competence_id)
    if item is None:
        raise ChangeError("change.unknown_competence", id=competence_id)
    if isinstance(item, AdaptedElement) and item.status == ElementStatus.DROPPED:
        raise ChangeError("change.element_dropped")
    if isinstance(item, AdaptedElement) and item.status == ElementStatus.UNDECIDED:
        item.status = ElementStatus.KEPT
    profile.elements.append(competence_id)
    return True


def remove_profile(session: Session, profile_id: str) -> None:
    """Remove a local profile and unlink it from every member of staff."""
    profile = _local_profile(session, profile_id)
    session.profiles.remove(profile)
    for person in session.staff:
        if profile_id in person.profiles:
            person.profiles.remove(profile_id)
