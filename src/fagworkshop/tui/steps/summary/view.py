"""Step 7, Opsamling (summary): decisions, local profiles, main gaps and the plan on one
screen; mark agreed, start a follow-up round, export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from textual import on
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from fagworkshop.domain import analysis, changes
from fagworkshop.domain.self_view import self_people, self_view
from fagworkshop.domain.session import Session, Status, Step
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.removal import unless_removed
from fagworkshop.tui.steps.base import StepView
from fagworkshop.tui.steps.summary.export_form import EXPORT_FORMATS, ExportForm
from fagworkshop.tui.widgets.confirm import ConfirmModal
from fagworkshop.tui.widgets.today_input import TodayInput

__all__ = ["EXPORT_FORMATS", "SummaryStep", "summary_sections"]
#: How many gaps and rating changes the summary lists.
SHOWN_GAPS = 8
SHOWN_CHANGES = 30


def _none(value: object) -> str:
    return str(value) if value not in (None, "") else t("summary.none")


def summary_sections(session: Session) -> list[tuple[str, str]]:
    """``(heading, body)`` of each section, plain text (shown literally)."""
    result = analysis.analyse(session)
    sections: list[tuple[str, str]] = []

    lines: list[str] = []
    for step in Step:
        state = session.steps.get(step.key)
        for d in state.decisions if state else []:
            date = d.made_on.isoformat() if d.made_on else ""
            lines.append(f"{int(step)} {t(f'step.{int(step)}')} · {date} · {d.text}")
    sections.append((t("summary.decisions"), "\n".join(lines) or t("summary.no_decisions")))

    # every step's notes, so what the room wrote down is on the one page too
    lines = []
    for step in Step:
        state = session.steps.get(step.key)
        if state is not None and state.notes.strip():
            lines.append(f"{int(step)} {t(f'step.{int(step)}')}")
            lines.extend(f"  {note}" for note in state.notes.strip().splitlines())
    sections.append((t("summary.notes"), "\n".join(lines) or t("summary.no_notes")))

    lines = []
    for profile in session.profiles:
        q = result.profile(profile.id)
        lines.append(
            t(
                "summary.profile_line",
                name=profile.name,
                qualified=len(q.qualified) if q else 0,
                needed=profile.needed,
            )
        )
        for cid in profile.elements:
            item = session.competence(cid)
            if item is not None:
                lines.append(
                    t(
                        "summary.element_line",
                        title=item.shown_title,
                        target=_none(session.target(cid)),
                    )
                )
    sections.append((t("summary.profiles"), "\n".join(lines) or t("summary.no_profiles")))

    gaps = analysis.biggest_gaps(result, SHOWN_GAPS)
    lines = [
        t(
            "summary.gap_line",
            title=c.competence.title,
            meets=c.meets,
            relevant=c.relevant,
            target=c.target,
        )
        for c in gaps
    ]
    singles = [c.competence.title for c in result.single_holders]
    if singles:
        lines.append(t("summary.single", titles=", ".join(singles[:SHOWN_GAPS])))
    sections.append((t("summary.gaps"), "\n".join(lines) or t("summary.no_gaps")))
    sections += _self_view_section(session, result)

    lines = []
    for a in session.actions:
        lines.append(
            t(
                "summary.action_line",
                title=a.title,
                kind=t(f"action.{a.kind.value}"),
                status=t(f"action_status.{a.status.value}"),
                owner=_none(a.owner),
                deadline=_none(a.deadline.isoformat() if a.deadline else None),
            )
        )
    sections.append((t("summary.plan"), "\n".join(lines) or t("summary.no_plan")))

    if len(session.rounds) >= 2:
        comparison = analysis.compare_rounds(session)
        lines = []
        for change in comparison.ratings[:SHOWN_CHANGES]:
            person = session.person(change.person_id)
            item = session.competence(change.competence_id)
            lines.append(
                t(
                    "summary.change_line",
                    person=person.name if person else change.person_id,
                    competence=item.shown_title if item else change.competence_id,
                    before=_none(change.before),
                    after=_none(change.after),
                )
            )
        if len(comparison.ratings) > SHOWN_CHANGES:
            lines.append(f"… (+{len(comparison.ratings) - SHOWN_CHANGES})")
        sections.append(
            (
                t("summary.compare", before=comparison.before, after=comparison.after),
                "\n".join(lines) or t("summary.no_change"),
            )
        )
    return sections


def _self_view_section(session: Session, result: analysis.Analysis) -> list[tuple[str, str]]:
    """The staff's own voice in short (``domain.self_view``): who took part, the cells to
    take up in the talk, the wishes that meet a gap. Nothing when nobody took part."""
    view = self_view(session, analysis=result)
    if not view.has_self_assessment:
        return []

    def name(person_id: str) -> str:
        person = session.person(person_id)
        return person.name if person else person_id

    def title(competence_id: str) -> str:
        item = session.competence(competence_id)
        return item.shown_title if item else competence_id

    lines = [
        t(
            "selfview.summary.counts",
            people=len(self_people(session.round(result.round_number))),
            flagged=len(view.flagged),
            wishes=len(view.wishes_meeting_gap),
        )
    ]
    for d in view.flagged[:SHOWN_GAPS]:
        lines.append(
            t(
                "selfview.summary.flagged_line",
                name=name(d.person_id),
                title=title(d.competence_id),
                own=d.self_level,
                leader=d.leader,
            )
        )
    for w in view.wishes_meeting_gap[:SHOWN_GAPS]:
        lines.append(
            t("selfview.summary.wish_line", name=name(w.person_id), title=title(w.competence_id))
        )
    return [(t("selfview.export.title"), "\n".join(lines))]


class SummaryStep(StepView):
    """Everything agreed on one screen, with the buttons that close the workshop."""

    step = Step.SUMMARY

    def compose_body(self) -> Iterable[Widget]:
        with VerticalScroll(id="summary-scroll"):
            yield Static("", id="summary-status", markup=False)
            with Horizontal(id="summary-buttons"):
                yield Button(
                    Content(t("summary.mark_agreed")), id="summary-agreed", variant="success"
                )
                yield Button(Content(t("summary.follow_up")), id="summary-follow-up")
            with Horizontal(id="agreed-date-row"):
                yield Label(Content(t("summary.agreed_date")))
                yield TodayInput(placeholder=t("plan.deadline_hint"), id="agreed-date")
            yield ExportForm(id="export-form")
            yield Static("", id="summary-sections", markup=False)

    @unless_removed
    def on_mount(self) -> None:
        self._fill()

    def shows(self, aspect: Aspect) -> bool:
        return aspect is not Aspect.STEP  # everything agreed, not which step is on

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        super().refresh_from_session(aspect)
        if aspect is Aspect.STEP:
            return  # the summary shows everything but which step is on
        self._fill()

    def _fill(self) -> None:
        s = self.session
        status = (
            t("summary.status_agreed", date=s.agreed_on.isoformat() if s.agreed_on else "")
            if s.status == Status.AGREED
            else t("summary.status_open")
        )
        self.query_one("#summary-status", Static).update(Content(status))
        parts: list[Content] = []
        for heading, body in summary_sections(s):
            parts.append(Content.styled(heading, "bold $accent"))
            parts.append(Content("\n" + body + "\n\n"))
        self.query_one("#summary-sections", Static).update(Content("").join(parts))

    # --- actions ----------------------------------------------------------------------

    def run_command(self, what: str) -> None:
        """Run a summary action by name (from the command palette)."""
        if what == "agreed":
            self.ask_agreed()
        elif what == "follow_up":
            self.ask_follow_up()
        elif what in EXPORT_FORMATS:
            self.export(what)

    @on(Button.Pressed, "#summary-agreed")
    def _agreed(self, event: Button.Pressed) -> None:
        event.stop()
        self.ask_agreed()

    def agreed_date(self) -> dt.date | None:
        """The date typed beside the button (today unless changed); None when not a date."""
        text = self.query_one("#agreed-date", Input).value.strip()
        try:
            return dt.date.fromisoformat(text) if text else dt.date.today()
        except ValueError:
            return None

    def ask_agreed(self) -> None:
        """Confirm, then mark the workshop agreed on the date in the field (default today)."""
        today = self.agreed_date()
        if today is None:
            self.app.notify(t("plan.bad_date"), severity="error", markup=False)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.apply(changes.mark_agreed, today)
                self.app.notify(t("summary.agreed_done"), markup=False)

        self.app.push_screen(
            ConfirmModal(
                t(
                    "summary.confirm_agreed"
                    if today == dt.date.today()
                    else "summary.confirm_agreed_on",
                    date=today.isoformat(),
                ),
                default=True,
            ),
            answer,
        )

    @on(Button.Pressed, "#summary-follow-up")
    def _follow_up(self, event: Button.Pressed) -> None:
        event.stop()
        self.ask_follow_up()

    def ask_follow_up(self) -> None:
        """Confirm, then start a new rating round from the last ratings."""
        last = self.session.round()
        number = (last.number + 1) if last else 1

        def answer(yes: bool | None) -> None:
            if yes:
                new = self.apply(changes.start_follow_up_round)
                if new is not None:
                    self.app.notify(t("summary.follow_up_done", number=new.number), markup=False)

        self.app.push_screen(
            ConfirmModal(t("summary.confirm_follow_up", number=number), default=True), answer
        )

    def export(self, fmt: str | None = None) -> None:
        """Export with the form's folder, name and names choice (see ``ExportForm``)."""
        self.query_one(ExportForm).export(fmt)
