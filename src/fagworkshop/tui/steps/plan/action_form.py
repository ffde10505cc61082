"""Step 6's action form (handling): a draft of one action, nothing reaches the session
until it is saved, and a refused save keeps every typed word. ``action_line`` is one
action as a line in the plan's list."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from fagworkshop.domain import rules
from fagworkshop.domain.analysis import analyse, biggest_gaps
from fagworkshop.domain.session import Action, ActionKind, ActionStatus, Session
from fagworkshop.i18n import t
from fagworkshop.tui.host import session_of
from fagworkshop.tui.removal import QuietSelect
from fagworkshop.tui.widgets.grid_support import (
    competence_codes,
    competence_title,
)

NO_COURSE = "-"


def action_line(session: Session, action: Action) -> Content:
    """One action as a line in the list: kind, title, for whom, status (user text literal)."""
    if not action.for_whom:
        whom = t("whole_group")
    elif len(action.for_whom) == 1:
        person = session.person(action.for_whom[0])
        whom = person.name if person else "?"
    else:
        whom = t("plan.people", n=len(action.for_whom))
    details = t(
        "plan.row_details",
        kind=t("action." + action.kind.value),
        whom=whom,
        status=t("action_status." + action.status.value),
    )
    if action.deadline:
        details += t("plan.row_deadline", date=action.deadline.isoformat())
    # the title first and bold, the details dim under it: one entry reads as one block
    return Content.assemble((action.title, "bold"), "\n", (details, "dim"))


def choice_select(prefix: str, choices: type[StrEnum], value: StrEnum, id: str) -> Select[str]:
    """A compact select of an enum's values, each named by its i18n key ``prefix + value``."""
    return QuietSelect[str](
        [(Content(t(prefix + c.value)), c.value) for c in choices],
        value=value.value,
        allow_blank=False,
        id=id,
        compact=True,
    )


class ActionForm(VerticalScroll):
    """The draft of one action: every field of :class:`Action`, saved only on request."""

    DEFAULT_CSS = """
    ActionForm { width: 3fr; height: 1fr; padding: 0 1; border-left: solid $primary; }
    ActionForm #action-form-title { text-style: bold; }
    ActionForm .field { height: auto; min-height: 1; }
    ActionForm .field > Label { width: 12; }
    ActionForm .field > Input, ActionForm .field > Select { width: 1fr; }
    ActionForm Label.heading { margin-top: 1; }
    ActionForm SelectionList { height: auto; max-height: 6; }
    ActionForm TextArea { height: 4; }
    ActionForm #action-courses-hint { color: $text-muted; height: auto; }
    ActionForm #action-problem { color: $error; height: auto; text-style: bold; }
    ActionForm Horizontal.buttons { height: auto; margin-top: 1; }
    ActionForm Button { width: auto; margin-right: 1; }
    """

    def __init__(self) -> None:
        super().__init__(id="action-form")
        self.action_id: str | None = None
        self._loading = False
        #: The fields as loaded: the draft is dirty only when it differs from them.
        self._baseline: tuple[object, ...] | None = None
        #: The course the form itself put in the course field (not a choice by the user).
        self._course_shown: str | None = None

    @property
    def dirty(self) -> bool:
        """Whether the draft holds anything typed or chosen since it was loaded or saved.

        Worked out from the fields, not from change events: the events that loading
        the form sends arrive after it (ctrl+n just after ctrl+s used to warn).
        """
        return self._baseline is not None and self._fields() != self._baseline

    @dirty.setter
    def dirty(self, value: bool) -> None:
        if not value:
            self._baseline = self._fields()

    def _fields(self) -> tuple[object, ...]:
        """Every field as shown, for comparing drafts."""
        return (
            self.query_one("#action-kind", Select).value,
            self.query_one("#action-title", Input).value,
            self.query_one("#action-owner", Input).value,
            self.query_one("#action-deadline", Input).value.strip(),
            self.query_one("#action-status", Select).value,
            self.query_one("#action-transfer", TextArea).text,
            tuple(sorted(self.query_one("#action-competences", SelectionList).selected)),
            tuple(sorted(self.query_one("#action-for-whom", SelectionList).selected)),
            self.course_id(),
        )

    def compose(self) -> ComposeResult:
        yield Label(t("plan.new"), id="action-form-title", markup=False)
        with Horizontal(classes="field"):
            yield Label(t("plan.kind"), markup=False)
            yield choice_select("action.", ActionKind, ActionKind.COURSE, "action-kind")
        with Horizontal(classes="field"):
            yield Label(t("plan.title"), markup=False)
            yield Input(id="action-title", compact=True)
        with Horizontal(classes="field"):
            yield Label(t("plan.owner"), markup=False)
            yield Input(id="action-owner", compact=True)
        with Horizontal(classes="field"):
            yield Label(t("plan.deadline"), markup=False)
            yield Input(id="action-deadline", placeholder=t("plan.deadline_hint"), compact=True)
        with Horizontal(classes="field"):
            yield Label(t("plan.status"), markup=False)
            yield choice_select(
                "action_status.", ActionStatus, ActionStatus.PLANNED, "action-status"
            )
        yield Label(t("plan.transfer_required"), classes="heading", id="transfer-label")
        yield TextArea(id="action-transfer", soft_wrap=True, compact=True)
        yield Label(t("plan.competences"), classes="heading", markup=False)
        yield SelectionList[str](id="action-competences", compact=True)
        yield Static("", id="action-courses-hint", markup=False)
        with Horizontal(classes="field"):
            yield Label(t("plan.course"), markup=False)
            yield QuietSelect[str]([], id="action-course", compact=True, prompt=t("plan.no_course"))
        yield Label(t("plan.for_whom"), classes="heading", markup=False)
        yield SelectionList[str](id="action-for-whom", compact=True)
        yield Static("", id="action-problem", markup=False)
        with Horizontal(classes="buttons"):
            yield Button(t("plan.save"), id="action-save", variant="primary", compact=True)
            yield Button(t("plan.new"), id="action-new", compact=True)
            yield Button(t("plan.remove"), id="action-remove", variant="error", compact=True)

    # --- loading and reading the draft ----------------------------------------

    def load(self, session: Session, action: Action | None) -> None:
        """Fill the form from an action, or empty it for a new one."""
        self._loading = True
        self.action_id = action.id if action else None
        self.query_one("#action-form-title", Label).update(
            Content(t("plan.editing") if action else t("plan.new"))
        )
        self.query_one("#action-kind", Select).value = (
            action.kind.value if action else ActionKind.COURSE.value
        )
        self.query_one("#action-title", Input).value = action.title if action else ""
        self.query_one("#action-owner", Input).value = action.owner if action else ""
        deadline = action.deadline.isoformat() if action and action.deadline else ""
        self.query_one("#action-deadline", Input).value = deadline
        self.query_one("#action-status", Select).value = (
            action.status.value if action else ActionStatus.PLANNED.value
        )
        self.query_one("#action-transfer", TextArea).text = action.transfer_plan if action else ""
        chosen = set(action.competences) if action else set()
        # the biggest gaps first (analysis.biggest_gaps), then the rest in session order
        result = analyse(session)
        below = {c.id: c.below for c in result.competences}
        ids = list(
            dict.fromkeys(
                [c.id for c in biggest_gaps(result)]
                + [c.id for c in result.competences]
                + sorted(chosen)
            )
        )
        codes = competence_codes(session)

        def label(cid: str) -> Content:
            text = f"{codes.get(cid, '')} {competence_title(session, cid)}"
            if below.get(cid):
                text += t("plan.below", n=below[cid])
            return Content(text)

        competences = self.query_one("#action-competences", SelectionList)
        competences.clear_options()
        competences.add_options([Selection(label(c), c, c in chosen) for c in ids])
        whom = set(action.for_whom) if action else set()
        people = self.query_one("#action-for-whom", SelectionList)
        people.clear_options()
        people.add_options([Selection(Content(p.name), p.id, p.id in whom) for p in session.staff])
        self._offer_courses(session, action.course_id if action else "")
        self.query_one("#action-remove", Button).disabled = action is None
        self.query_one("#action-problem", Static).update(Content(""))
        self._show_transfer_rule()
        self.dirty = False
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    def _offer_courses(self, session: Session, keep: str | None = None) -> None:
        """Offer the courses for the chosen competences; ``keep`` is the course to show
        (None: the one shown now; "": none, for a new action)."""
        chosen = list(self.query_one("#action-competences", SelectionList).selected)
        fitting = rules.courses_serving(session, chosen)
        select = self.query_one("#action-course", Select)
        current = keep if keep is not None else self.course_id()
        options = [(Content(c.name), c.id) for c in fitting]
        known = {c.id for c in fitting}
        if current and current not in known:
            course = next((c for c in session.courses if c.id == current), None)
            if course:
                options.append((Content(course.name), course.id))
        # what the form shows itself is not a choice: it must not change the kind
        self._course_shown = current if current and any(v == current for _, v in options) else None
        select.set_options(options)
        if self._course_shown:
            select.value = self._course_shown
        hint = self.query_one("#action-courses-hint", Static)
        if not chosen:
            hint.update(Content(t("plan.courses_none")))
        elif fitting:
            hint.update(Content(t("plan.courses_hint", names=", ".join(c.name for c in fitting))))
        else:
            hint.update(Content(""))

    def prefill(self, person_id: str, competence_id: str, title: str) -> None:
        """A new action's draft for one person and competence (a wish that meets a gap);
        nothing is saved until the user saves it."""
        self.query_one("#action-title", Input).value = title
        self.query_one("#action-competences", SelectionList).select(competence_id)
        self.query_one("#action-for-whom", SelectionList).select(person_id)

    def course_id(self) -> str | None:
        """The picked course, if any."""
        value = self.query_one("#action-course", Select).value
        return value if isinstance(value, str) else None

    def _show_transfer_rule(self) -> None:
        kind = self.query_one("#action-kind", Select).value
        required = isinstance(kind, str) and rules.needs_transfer_plan(kind)
        self.query_one("#transfer-label", Label).update(
            Content(t("plan.transfer_required") if required else t("plan.transfer"))
        )

    def draft(self) -> dict[str, object]:
        """The fields as typed, ready for ``changes.add_action``/``update_action``.

        Raises ``ValueError`` when the deadline is not a date.
        """
        deadline_text = self.query_one("#action-deadline", Input).value.strip()
        deadline = dt.date.fromisoformat(deadline_text) if deadline_text else None
        return {
            "kind": str(self.query_one("#action-kind", Select).value),
            "title": self.query_one("#action-title", Input).value,
            "owner": self.query_one("#action-owner", Input).value,
            "deadline": deadline,
            "status": str(self.query_one("#action-status", Select).value),
            "transfer_plan": self.query_one("#action-transfer", TextArea).text,
            "competences": list(self.query_one("#action-competences", SelectionList).selected),
            "for_whom": list(self.query_one("#action-for-whom", SelectionList).selected),
            "course_id": self.course_id(),
        }

    def show_problem(self, text: str) -> None:
        """Say what stops the save, in the form itself, and bring the field into view."""
        problem = self.query_one("#action-problem", Static)
        problem.update(Content(text))
        if text == t("rules.transfer_plan_required"):
            self.query_one("#action-transfer", TextArea).focus()
        elif text == t("rules.title_required"):
            self.query_one("#action-title", Input).focus()
        elif text:
            problem.scroll_visible()

    # --- reacting to typing ---------------------------------------------------

    @on(Select.Changed, "#action-kind")
    def _kind_changed(self) -> None:
        self._show_transfer_rule()

    @on(SelectionList.SelectedChanged, "#action-competences")
    def _competences_changed(self) -> None:
        self._offer_courses(session_of(self))

    @on(Select.Changed, "#action-course")
    def _course_changed(self) -> None:
        course_id = self.course_id()
        if self._loading or course_id == self._course_shown:
            return  # the form's own echo, not the user's choice
        self._course_shown = course_id
        course = next((c for c in session_of(self).courses if c.id == course_id), None)
        if course is None:
            return
        self.query_one("#action-kind", Select).value = rules.action_kind_for_course(course).value
        title = self.query_one("#action-title", Input)
        if not title.value.strip():
            title.value = course.name
