"""One definition of the biggest gaps (issue 11 item 6): steps 5, 6, 7 and the exports
list them from ``analysis.biggest_gaps`` and agree on the demo."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widgets import SelectionList, Static

from fagworkshop.demo import build_demo
from fagworkshop.domain.analysis import analyse, biggest_gaps
from fagworkshop.export.report import BIGGEST_GAPS, Bullets, build_report
from fagworkshop.i18n import t
from fagworkshop.tui.app import FagworkshopApp
from fagworkshop.tui.steps.gaps.body import BIGGEST_SHOWN
from fagworkshop.tui.steps.plan.body import ActionForm
from fagworkshop.tui.steps.summary.view import SHOWN_GAPS, summary_sections


def test_the_rule_people_below_first_then_levels_short_unrated_not_a_gap() -> None:
    session = build_demo()
    ranked = biggest_gaps(analyse(session))
    assert ranked
    assert all(c.target is not None and c.below > 0 for c in ranked)
    keys = [(-c.below, -c.levels_short) for c in ranked]
    assert keys == sorted(keys)
    # a competence where people are only unrated is not among them
    assert all(c.below for c in ranked)


def _positions(text: str, titles: list[str]) -> list[int]:
    return [text.index(title) for title in titles]


async def test_steps_5_6_7_and_the_exports_agree_on_the_demo() -> None:
    session = build_demo()
    n = min(SHOWN_GAPS, BIGGEST_SHOWN, BIGGEST_GAPS)
    expected = list(biggest_gaps(analyse(session), n))
    titles = [c.competence.title for c in expected]

    # step 7: the summary's gaps section, in that order
    sections = dict(summary_sections(session))
    step7 = sections[t("summary.gaps")]
    assert _positions(step7, titles) == sorted(_positions(step7, titles))
    lines = step7.splitlines()[:n]
    assert all(line.startswith(title) for line, title in zip(lines, titles, strict=True))

    # the exports: the report every format is made from
    report = build_report(session)
    found = [s for s in _walk(report.sections) if s.title == t("gaps.biggest_title") and s.blocks]
    assert found
    bullets = next(b for b in found[0].blocks if isinstance(b, Bullets))
    assert [lead for lead, _ in bullets.items[:n]] == titles

    app = FagworkshopApp(session=session)
    async with app.run_test(size=(160, 48)) as pilot:
        # step 5: the lists start with the biggest gaps
        app.show_step(5)
        await pilot.pause()
        await pilot.pause()
        lists = str(app.current_view().query_one("#gaps-lists", Static).render())
        assert t("gaps.biggest_title") in lists
        assert _positions(lists, titles) == sorted(_positions(lists, titles))
        # step 6: the action form offers the biggest gaps first
        app.show_step(6)
        await pilot.pause()
        await pilot.pause()
        form = app.current_view().query_one(ActionForm)
        offered = form.query_one("#action-competences", SelectionList)
        ids = [offered.get_option_at_index(i).value for i in range(n)]
        assert ids == [c.id for c in expected]


def _walk(sections: Iterable[Any]) -> list[Any]:
    found: list[Any] = []
    for s in sections:
        found.append(s)
        found.extend(_walk(getattr(s, "children", ())))
    return found
