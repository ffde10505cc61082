"""The body of step 5 (Kompetencehuller): heat map, legend and the numbers behind it.

Every number shown here comes from :func:`fagworkshop.domain.analysis.analyse`
and, for the staff's own voice beside the leaders' (the biggest differences,
wishes that meet a gap, wishes nobody needs), :func:`fagworkshop.domain.self_view.
self_view`; the body only chooses what to show and in which order (sort and filter).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from fagworkshop.domain.analysis import (
    Analysis,
    CompetenceCoverage,
    analyse,
    biggest_gaps,
    build_index,
)
from fagworkshop.domain.self_view import SelfView, self_view
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.host import session_of
from fagworkshop.tui.removal import unless_removed
from fagworkshop.tui.steps.gaps.heat_map import (
    LEGEND_ORDER,
    LEGEND_SAMPLES,
    STATE_STYLES,
    UNUSED_MARK,
    HeatMap,
)
from fagworkshop.tui.widgets.grid_support import (
    competence_codes,
    competence_title,
)

SORTS = ("staff", "name", "gaps")
#: How many of the biggest gaps (analysis.biggest_gaps) the lists start with.
BIGGEST_SHOWN = 8


def legend() -> Content:
    """The heat map's legend: a sample cell in its colour and what it means, per state."""
    parts: list[str | tuple[str, str]] = [(t("gaps.legend_title"), "bold")]
    for state in LEGEND_ORDER:
        style = STATE_STYLES[state]
        parts.append((f" {LEGEND_SAMPLES[state]:<2} ", str(style)))
        parts.append(f" {t('gaps.state.' + state.value)}  ")
    parts.append((f" 3{UNUSED_MARK} ", "underline"))
    parts.append(f" {t('gaps.unused_mark')}")
    return Content.assemble(*parts)


class GapsBody(Vertical):
    """Step 5's working area: legend, heat map, and coverage, profiles, single holders,
    unused competences and the selected person's gaps."""

    #: What it shows: refreshed only after a change of these (tui.aspects).
    SHOWS = (Aspect.BASICS, Aspect.BLOCKS, Aspect.STAFF, Aspect.RATINGS, Aspect.PLAN)

    # the compact rules below follow the step view's ``-compact`` class, an ancestor
    SCOPED_CSS = False

    DEFAULT_CSS = """
    GapsBody { height: 1fr; }
    GapsBody #gaps-legend { height: auto; }
    GapsBody #gaps-status { height: 1; color: $text-muted; }
    GapsBody #gaps-empty { height: auto; padding: 1; }
    GapsBody HeatMap { height: auto; max-height: 55%; min-height: 6; }
    GapsBody #gaps-focus { height: 3; padding: 0 1; }
    GapsBody #gaps-lower { height: 1fr; min-height: 5; }
    GapsBody #gaps-lower > .gaps-box { width: 1fr; height: 1fr; padding: 0 1; }
    GapsBody #gaps-lower > .gaps-box:focus { background: $accent 20%; }
    GapsBody #gaps-lower > .gaps-box > Static { height: auto; }
    GapsBody #gaps-profiles-box { border-left: solid $primary; }
    GapsBody #gaps-person-box { border-left: solid $primary; }
    .-compact GapsBody #gaps-focus { height: 2; }
    .-compact GapsBody HeatMap { max-height: 45%; }
    """

    BINDINGS = [
        Binding("s", "sort", t("gaps.key.sort"), id="gaps.key.sort"),
        Binding("f", "only_gaps", t("gaps.key.only_gaps"), id="gaps.key.only_gaps"),
        Binding("p", "next_profile", t("gaps.key.profile"), id="gaps.key.profile"),
    ]

    def __init__(self, *, id: str | None = "gaps-panel") -> None:
        super().__init__(id=id)
        self.sort = "staff"
        self.only_gaps = False
        self.profile_filter: str | None = None
        self.analysis: Analysis | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="gaps-legend", markup=False)
        yield Static("", id="gaps-status", markup=False)
        yield Static("", id="gaps-empty", markup=False)
        yield HeatMap(id="heat-map")
        yield Static("", id="gaps-focus", markup=False)
        # the lists take the rest of the screen and scroll with the keyboard (Tab to one,
        # then arrows and Page Up/Down), so the last item is always in reach
        with Horizontal(id="gaps-lower"):
            for name in ("lists", "profiles", "person"):
                with VerticalScroll(id=f"gaps-{name}-box", classes="gaps-box -scroll-stop"):
                    yield Static("", id=f"gaps-{name}", markup=False)
                    if name == "profiles":  # the staff's own voice, under the profiles
                        yield Static("", id="gaps-self", markup=False)

    @unless_removed
    def on_mount(self) -> None:
        self.refresh_from_session()

    @property
    def heat_map(self) -> HeatMap:
        """The heat map."""
        return self.query_one(HeatMap)

    # --- rows and columns -----------------------------------------------------

    def _rows(self, session: Session, analysis: Analysis) -> list[str]:
        people = list(session.staff)
        if self.profile_filter is not None:
            members = [p for p in people if self.profile_filter in p.profiles]
            people = members or people
        if self.sort == "name":
            people.sort(key=lambda p: p.name.casefold())
        elif self.sort == "gaps":
            # "flest huller": the number of gaps first, as the label says; levels short next
            def weight(person_id: str) -> tuple[int, int]:
                gaps = analysis.person(person_id)
                return (-len(gaps.gaps), -gaps.total_shortfall) if gaps else (0, 0)

            people.sort(key=lambda p: weight(p.id))
        return [p.id for p in people]

    def _columns(self, session: Session, analysis: Analysis) -> list[str]:
        columns = [c.id for c in analysis.competences]
        if self.profile_filter is not None:
            profile = session.profile(self.profile_filter)
            wanted = set(profile.elements) if profile else set()
            columns = [c for c in columns if c in wanted]
        if self.only_gaps:
            columns = [c.id for c in analysis.competences if c.below and c.id in set(columns)]
        return columns

    # --- from the session to the screen ---------------------------------------

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        """Analyse the latest round again and show it."""
        session = session_of(self)
        if self.profile_filter is not None and session.profile(self.profile_filter) is None:
            self.profile_filter = None
        index = build_index(session)
        analysis = analyse(session, index=index)
        self.analysis = analysis
        rows = self._rows(session, analysis)
        columns = self._columns(session, analysis)
        codes = competence_codes(session)
        self.heat_map.load(
            session.round(),
            index,
            rows,
            [p.name for pid in rows if (p := session.person(pid))],
            columns,
            [codes.get(c, c) for c in columns],
            corner=t("grid.corner"),
        )
        self.query_one("#gaps-legend", Static).update(legend())
        self._show_status(session)
        empty = self.query_one("#gaps-empty", Static)
        empty.update(Content(t("gaps.empty")))
        empty.display = not rows or not columns
        self.heat_map.display = bool(rows and columns)
        self._show_lists(session, analysis, codes)
        self._show_profiles(analysis)
        self._show_self(session, self_view(session, index=index, analysis=analysis), codes)
        self._show_focus()

    def _show_status(self, session: Session) -> None:
        if self.profile_filter is not None:
            profile = session.profile(self.profile_filter)
            how = t("gaps.filter.profile", name=profile.name if profile else "")
        else:
            how = t("gaps.filter.all")
        if self.only_gaps:
            how += " · " + t("gaps.filter.gaps")
        text = " · ".join(
            (t("gaps.sort", how=t("gaps.sort." + self.sort)), t("gaps.filter", how=how))
        )
        self.query_one("#gaps-status", Static).update(Content(text))

    def _show_lists(self, session: Session, analysis: Analysis, codes: dict[str, str]) -> None:
        def named(c: CompetenceCoverage) -> str:
            return f"{codes.get(c.id, '')} {c.competence.title}"

        def holder(c: CompetenceCoverage) -> str:
            person = session.person(c.holders[0])
            return person.name if person else ""

        lists = (
            (
                "gaps.biggest_title",
                [
                    f"{named(c)} · " + t("gaps.biggest_line", below=c.below, short=c.levels_short)
                    for c in biggest_gaps(analysis, BIGGEST_SHOWN)
                ],
            ),
            ("gaps.single_title", [f"{named(c)} · {holder(c)}" for c in analysis.single_holders]),
            ("gaps.unused_title", [f"{named(c)} ({c.unused})" for c in analysis.unused]),
        )
        parts: list[str | tuple[str, str]] = []
        for title, lines in lists:
            parts += ["\n\n"] if parts else []
            parts.append((t(title), "bold"))
            parts += [f"\n{text}" for text in lines] or ["\n" + t("gaps.none")]
        self.query_one("#gaps-lists", Static).update(Content.assemble(*parts))

    def _show_profiles(self, analysis: Analysis) -> None:
        parts: list[str | tuple[str, str]] = [(t("gaps.profiles_title"), "bold")]
        for q in analysis.profiles:
            line = t("gaps.profile_line", name=q.name, qualified=len(q.qualified), needed=q.needed)
            if q.shortfall:
                line += t("gaps.profile_short", n=q.shortfall)
            if q.close:
                line += t("gaps.profile_close", n=len(q.close))
            parts.append(("\n" + line, "" if not q.shortfall else "#E69F00"))
        if not analysis.profiles:
            parts.append("\n" + t("gaps.no_profiles"))
        self.query_one("#gaps-profiles", Static).update(Content.assemble(*parts))

    def _show_self(self, session: Session, view: SelfView, codes: dict[str, str]) -> None:
        """The biggest differences between own and leaders' levels, and the wishes."""

        def name(person_id: str) -> str:
            person = session.person(person_id)
            return person.name if person else ""

        def title(competence_id: str) -> dict[str, str]:
            return {
                "code": codes.get(competence_id, ""),
                "title": competence_title(session, competence_id),
            }

        parts: list[str | tuple[str, str]] = ["\n"]
        if not view.has_self_assessment:
            parts.append(("\n" + t("selfview.gaps.none_yet"), "dim"))
            self.query_one("#gaps-self", Static).update(Content.assemble(*parts))
            return
        parts.append(("\n" + t("selfview.gaps.differences"), "bold"))
        biggest = view.biggest_differences(BIGGEST_SHOWN)
        for d in biggest:
            line = t(
                "selfview.gaps.difference_line",
                name=name(d.person_id),
                own=d.self_level,
                leader=d.leader,
                difference=d.difference,
                flag=t("selfview.gaps.flag") if d.flagged else "",
                **title(d.competence_id),
            )
            parts.append(("\n" + line, "bold #CC79A7" if d.flagged else ""))
        if not biggest:
            parts.append("\n" + t("selfview.gaps.no_differences"))
        # the wishes that meet a gap, then those nobody needs: heading, a line each, or none
        sections = (
            (
                "selfview.gaps.wish_gap",
                "selfview.gaps.wish_gap_line",
                "selfview.gaps.no_wish_gap",
                view.wishes_meeting_gap,
            ),
            (
                "selfview.gaps.wish_no_need",
                "selfview.gaps.wish_no_need_line",
                "selfview.gaps.no_wish_no_need",
                view.wishes_without_need,
            ),
        )
        for heading, line_key, none, wishes in sections:
            parts += ["\n\n", (t(heading), "bold")]
            for w in wishes:
                parts.append(
                    "\n"
                    + t(
                        line_key,
                        name=name(w.person_id),
                        level=w.leader,
                        target=w.target,
                        **title(w.competence_id),
                    )
                )
            if not wishes:
                parts.append("\n" + t(none))
        self.query_one("#gaps-self", Static).update(Content.assemble(*parts))

    def _show_focus(self) -> None:
        """The focused competence's coverage and the focused person's gaps."""
        session = session_of(self)
        analysis = self.analysis
        heat_map = self.heat_map
        focus = self.query_one("#gaps-focus", Static)
        person_box = self.query_one("#gaps-person", Static)
        if analysis is None:
            return
        cid = heat_map.current_competence
        coverage = analysis.coverage(cid) if cid else None
        if coverage is None:
            focus.update(Content(""))
        else:
            codes = competence_codes(session)
            parts: list[str | tuple[str, str]] = [
                (f"{codes.get(coverage.id, '')} {coverage.competence.title}", "bold"),
                "\n",
            ]
            if coverage.target is None:
                parts.append(
                    t("gaps.coverage_no_target", rated=coverage.rated, relevant=coverage.relevant)
                )
            else:
                parts.append(
                    t(
                        "gaps.coverage_reach",
                        meets=coverage.meets,
                        relevant=coverage.relevant,
                        target=coverage.target,
                        below=coverage.below,
                        unrated=coverage.unrated,
                    )
                )
            if coverage.unused:
                # a count of its own: those who hold it unused may or may not be among the above
                parts.append(("  " + t("gaps.coverage_unused", unused=coverage.unused), "italic"))
            if coverage.single_holder:
                holder = session.person(coverage.holders[0])
                parts += [
                    "\n",
                    (t("gaps.single_holder_mark", name=holder.name if holder else ""), "bold"),
                ]
            focus.update(Content.assemble(*parts))
        pid = heat_map.current_person
        person = session.person(pid) if pid else None
        gaps = analysis.person(pid) if pid else None
        if person is None or gaps is None:
            person_box.update(Content(""))
            return
        lines: list[str | tuple[str, str]] = [(t("gaps.person_title", name=person.name), "bold")]
        codes = competence_codes(session)
        for gap in gaps.gaps:
            code = codes.get(gap.competence_id, "")
            title = f"{code} {competence_title(session, gap.competence_id)}"
            lines.append(
                "\n" + t("gaps.person_gap", title=title, level=gap.level, target=gap.target)
            )
        if not gaps.gaps:
            lines.append("\n" + t("gaps.person_none"))
        if gaps.unrated:
            lines.append(("\n" + t("gaps.person_unrated", n=len(gaps.unrated)), "dim"))
        if gaps.unused:
            titles = ", ".join(competence_title(session, u.competence_id) for u in gaps.unused)
            lines.append(("\n" + t("gaps.person_unused", titles=titles), "italic"))
        person_box.update(Content.assemble(*lines))

    @on(HeatMap.CursorMoved)
    def _moved(self) -> None:
        self._show_focus()

    # --- sort and filter --------------------------------------------------------

    def action_sort(self) -> None:
        """Cycle the row order: as listed, by name, by most gaps."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_from_session()

    def action_only_gaps(self) -> None:
        """Show only competences where someone is below target, or all."""
        self.only_gaps = not self.only_gaps
        self.refresh_from_session()

    def action_next_profile(self) -> None:
        """Filter by the next local profile (its elements and members); after the last, none."""
        ids = [p.id for p in session_of(self).profiles]
        if not ids:
            return
        if self.profile_filter is None:
            self.profile_filter = ids[0]
        else:
            i = ids.index(self.profile_filter) if self.profile_filter in ids else -1
            self.profile_filter = ids[i + 1] if i + 1 < len(ids) else None
        self.refresh_from_session()
