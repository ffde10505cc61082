"""The demo workshop: fictional "Jobcenter Eksempelby", deterministic and valid."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from fagworkshop import resources
from fagworkshop.demo import DEMO_ID, SHIPPED_FILES, build_demo
from fagworkshop.domain import changes, rules
from fagworkshop.domain.analysis import analyse
from fagworkshop.domain.session import ActionKind, ElementStatus, Origin, Session, Status
from fagworkshop.store.encoding import session_file_bytes
from fagworkshop.store.integrity import check
from fagworkshop.store.reading import load_catalogue, load_session
from fagworkshop.store.writing import save_session
from fagworkshop_tools import demo_files


@pytest.fixture(scope="module")
def demo() -> Session:
    return build_demo()


def test_two_builds_are_equal() -> None:
    first, second = build_demo(), build_demo()
    assert first == second
    assert first.model_dump_json() == second.model_dump_json()
    assert first.id == DEMO_ID


def test_demo_validates_and_survives_a_save(demo: Session, tmp_path: Path) -> None:
    assert Session.model_validate(demo.model_dump()) == demo
    path = tmp_path / "demo.toml"
    save_session(demo, path)
    assert load_session(path) == demo


def test_frame(demo: Session) -> None:
    assert demo.frame.jobcenter == "Jobcenter Eksempelby"
    assert demo.frame.unit
    assert demo.frame.date is not None and demo.frame.date.year == 2026
    assert demo.frame.catalogue_id == "fagprofiler"
    roles = " ".join(p.role.lower() for p in demo.frame.participants)
    for role in ("beskæftigelseschef", "teamleder", "hr-konsulent", "tillidsrepræsentant"):
        assert role in roles
    assert demo.frame.core_task.strip()
    assert demo.status == Status.IN_PROGRESS


def test_basics_mostly_decided_with_local_wording(demo: Session) -> None:
    decided = [b for b in demo.basics if b.decided]
    assert len(decided) >= len(demo.basics) - 2
    assert any(b.included is False for b in demo.basics)
    assert any(not b.decided for b in demo.basics)
    assert sum(1 for b in demo.basics if b.local_wording) >= 2
    assert all(b.min_level is not None for b in demo.basics if b.included)


def test_blocks_adapted(demo: Session) -> None:
    statuses = {e.status for _, e in demo.elements()}
    assert statuses == {ElementStatus.KEPT, ElementStatus.DROPPED, ElementStatus.UNDECIDED}
    assert any(e.local_wording for _, e in demo.elements())
    own = [e for _, e in demo.elements() if e.origin == Origin.OWN]
    assert len(own) == 1 and own[0].status == ElementStatus.KEPT


def test_three_profiles_twelve_staff(demo: Session) -> None:
    assert len(demo.profiles) == 3
    assert all(p.needed >= 1 and p.elements for p in demo.profiles)
    assert len(demo.staff) == 12
    assert all(p.initials and p.role and p.profiles for p in demo.staff)
    assert len({p.initials for p in demo.staff}) == 12
    assert any(len(p.profiles) > 1 for p in demo.staff)


def test_two_rounds_months_apart_with_varied_ratings(demo: Session) -> None:
    assert [r.number for r in demo.rounds] == [1, 2]
    first, second = demo.rounds
    assert first.date is not None and second.date is not None
    assert (second.date - first.date).days >= 60
    levels = {lv for per in first.ratings.values() for lv in per.values()}
    assert len(levels) >= 4
    assert first.unused and first.notes and second.notes
    assert first.ratings != second.ratings


def test_analysis_shows_gaps_single_holders_and_unused(demo: Session) -> None:
    first, second = analyse(demo, 1), analyse(demo, 2)
    assert first.single_holders
    assert first.unused
    assert any(c.below for c in first.competences)
    assert any(p.needed > len(p.qualified) for p in first.profiles)
    # The follow-up round shows progress: more people qualify for some profile.
    assert sum(len(p.qualified) for p in second.profiles) > sum(
        len(p.qualified) for p in first.profiles
    )


def test_actions_and_goals(demo: Session) -> None:
    kinds = {a.kind for a in demo.actions}
    assert 4 <= len(demo.actions) <= 6
    assert len(kinds) >= 4
    for action in demo.actions:
        assert rules.action_problems(demo, action) == []
        if action.kind == ActionKind.COURSE:
            assert action.transfer_plan.strip()
    assert sum(len(p.goals) for p in demo.staff) >= 2


def test_steps_have_notes_and_decisions(demo: Session) -> None:
    assert sum(len(state.decisions) for state in demo.steps.values()) >= 4
    assert all(state.notes for state in demo.steps.values())
    assert demo.current_step == 1  # the demo opens at the start (issue 11)


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_shipped_demo_file_is_whole_and_as_fagworkshop_writes_it(path: Path) -> None:
    """A hand edit must be followed by ``fagworkshop_tools.demo_files`` (see demo/__init__)."""
    raw = path.read_bytes()
    assert check(raw).marked and not check(raw).edited and not check(raw).truncated
    assert raw == session_file_bytes(load_session(path))


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_shipped_demo_keeps_the_builtin_catalogue_as_it_is(path: Path) -> None:
    """The demo's copy of the catalogue (scale, themes, courses, item texts) is the built-in one.

    A session keeps its own copy, so a change to ``profiles/fagprofiler.toml``
    does not reach the demo by itself: this says when the demo file needs the
    same change. (Levels and priorities are the team's choices, not compared.)
    """
    demo = load_session(path)
    catalogue = load_catalogue(resources.builtin_catalogue_path(demo.frame.catalogue_id))
    fresh = changes.new_session(catalogue, demo.title)
    assert (demo.levels, demo.themes, demo.courses) == (fresh.levels, fresh.themes, fresh.courses)

    def texts(items: Iterable[Any]) -> list[tuple[object, ...]]:
        fields = ("id", "title", "description", "source", "local_elaboration", "theme", "kind")
        return [
            tuple(getattr(item, name, None) for name in fields)
            for item in items
            if getattr(item, "origin", Origin.CATALOGUE) == Origin.CATALOGUE
        ]

    assert texts(demo.basics) == texts(fresh.basics)
    assert texts(demo.blocks) == texts(fresh.blocks)
    assert texts(e for _, e in demo.elements()) == texts(e for _, e in fresh.elements())


def test_the_demo_files_tool_leaves_whole_files_as_they_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = [path.read_bytes() for path in SHIPPED_FILES]
    assert demo_files.main() == 0
    assert [path.read_bytes() for path in SHIPPED_FILES] == before
    assert capsys.readouterr().out == ""
