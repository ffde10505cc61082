"""Changes of steps 2 and 3: basic competences, block elements, local profiles."""

import pytest

from fagworkshop.domain import adapt, changes
from fagworkshop.domain.catalogue import BasicItem, BlockItem, Catalogue, ElementItem, Theme
from fagworkshop.domain.changes import ChangeError
from fagworkshop.domain.session import ElementStatus, Person, Priority, Session
from support.narrow import present


def session() -> Session:
    cat = Catalogue(
        id="tiny",
        title="Lille",
        themes=[Theme(id="t1", title="Tema")],
        basic=[BasicItem(id="b1", theme="t1", title="Lovgivning")],
        blocks=[
            BlockItem(
                id="blk",
                title="Blok",
                elements=[
                    ElementItem(id="e1", title="Kontakt"),
                    ElementItem(id="e2", title="Match"),
                ],
            )
        ],
    )
    return changes.new_session(cat, "W")


def valid(s: Session) -> Session:
    return Session.model_validate(s.model_dump())


def test_including_a_basic_gives_it_a_target() -> None:
    s = session()
    adapt.decide_basic(s, "b1", True)
    assert s.target("b1") == 2
    adapt.set_min_level(s, "b1", 3)
    adapt.set_priority(s, "b1", "high")
    adapt.set_basic_wording(s, "b1", "Lov [b]og[/] ret")
    assert s.basics[0].shown_title == "Lov [b]og[/] ret"
    assert s.basics[0].priority == Priority.HIGH
    assert s.target("b1") == 3
    adapt.decide_basic(s, "b1", False)
    assert s.target("b1") is None
    valid(s)


def test_level_outside_the_scale_is_refused() -> None:
    s = session()
    with pytest.raises(ChangeError) as err:
        adapt.set_min_level(s, "b1", 7)
    assert err.value.key == "change.level_outside_scale"
    with pytest.raises(ChangeError):
        adapt.set_target_level(s, "e1", -1)


def test_own_basic_and_own_element_get_fresh_ids() -> None:
    s = session()
    a = adapt.add_own_basic(s, "t1", "Digital kommunikation")
    b = adapt.add_own_element(s, "blk", "Jobrettet samtale", "task")
    assert a != b and a.startswith("own-") and b.startswith("own-")
    own = s.competence(a)
    assert own is not None and own.origin.value == "own"
    with pytest.raises(ChangeError):
        adapt.add_own_basic(s, "t1", "   ")
    with pytest.raises(ChangeError):
        adapt.add_own_basic(s, "nope", "X")
    valid(s)


def test_target_keeps_an_undecided_element_and_drop_leaves_profiles() -> None:
    s = session()
    adapt.set_target_level(s, "e1", 3)
    assert s.blocks[0].elements[0].status == ElementStatus.KEPT
    lp = adapt.add_profile(s, "Virksomhedskonsulent", needed=2)
    assert adapt.toggle_profile_element(s, lp, "e1") is True
    assert adapt.toggle_profile_element(s, lp, "b1") is True
    adapt.set_element_status(s, "e1", "dropped")
    assert present(s.profile(lp)).elements == ["b1"]
    with pytest.raises(ChangeError) as err:
        adapt.toggle_profile_element(s, lp, "e1")
    assert err.value.key == "change.element_dropped"
    valid(s)


def test_removing_a_profile_unlinks_staff() -> None:
    s = session()
    lp = adapt.add_profile(s, "Helhed")
    s.staff.append(Person(id="p-1", name="Anna", profiles=[lp]))
    adapt.set_profile_needed(s, lp, 4)
    adapt.rename_profile(s, lp, "Helhedskonsulent")
    profile = present(s.profile(lp))
    assert profile.name == "Helhedskonsulent" and profile.needed == 4
    adapt.remove_profile(s, lp)
    assert s.staff[0].profiles == []
    with pytest.raises(ChangeError):
        adapt.set_profile_needed(s, lp, 1)
    valid(s)
