"""The body of step 6 (Handlingsplan): actions that close gaps, and personal development goals.

The action form is a draft: nothing reaches the session until it is saved
(ctrl+s or the button), and a save the rules refuse (a course without a
transfer plan) keeps every typed word in the form and says what is missing.

Under the action list, the wishes that meet a gap (``domain.self_view``: "vil
gerne, og der er brug for det"); Enter on one opens a new action for that
person and competence.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from fagworkshop.domain import changes
from fagworkshop.domain.analysis import analyse, biggest_gaps
from fagworkshop.domain.self_view import Wish, self_view
from fagworkshop.domain.session import Session
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.host import Applied, Refused, host, session_of
from fagworkshop.tui.removal import QuietSelect, unless_removed
from fagworkshop.tui.steps.plan.action_form import ActionForm, action_line
from fagworkshop.tui.widgets.grid_support import (
    competence_codes,
    competence_title,
)

__all__ = ["ActionForm", "PlanBody", "action_line"]  # the form lives in action_form


class PlanBody(Horizontal):
    """Step 6's working area: the action list and goals on the left, the action form right."""

    #: What it shows: refreshed only after a change of these (tui.aspects).
    SHOWS = (Aspect.PLAN, Aspect.BASICS, Aspect.BLOCKS, Aspect.STAFF, Aspect.RATINGS)

    DEFAULT_CSS = """
    PlanBody { height: 1fr; }
    PlanBody #plan-left { width: 2fr; height: 1fr; }
    PlanBody #plan-keys { color: $text-muted; height: auto; }
    PlanBody #action-list { height: 1fr; min-height: 3; }
    PlanBody #wish-title { margin-top: 1; }
    PlanBody #wish-list { height: auto; max-height: 3; }  /* the action list comes first */
    PlanBody #goals-title { text-style: bold; margin-top: 1; }
    PlanBody #goal-person { width: 1fr; }
    PlanBody #goal-list { height: auto; max-height: 6; }
    PlanBody #goal-new { margin-top: 0; }
    PlanBody #goal-extra { height: auto; }
    PlanBody #goal-deadline { width: 16; }
    PlanBody #goal-competence { width: 1fr; }
    PlanBody #goal-chosen { height: auto; color: $text-muted; }
    PlanBody.-narrow { layout: vertical; }
    PlanBody.-narrow #plan-left { width: 1fr; height: 9; }
    PlanBody.-narrow #plan-keys { display: none; }
    PlanBody.-narrow ActionForm { width: 1fr; border-left: none; border-top: solid $primary; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save_action", t("plan.save"), id="plan.save"),
        Binding("ctrl+n", "new_action", t("plan.new"), id="plan.new"),
    ]

    def __init__(self, *, id: str | None = "plan-panel") -> None:
        super().__init__(id=id)
        self.goal_person: str | None = None
        self._pending_load: str | None = None
        self._staff_shown: tuple[tuple[str, str], ...] | None = None
        self._goal_competences_shown: list[str] | None = None
        #: The competences the next goal names (several may be chosen, one at a time).
        self.goal_competences: list[str] = []
        self._wishes: tuple[Wish, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical(id="plan-left"):
            yield Static(t("plan.keys"), id="plan-keys", markup=False)
            yield Label(t("plan.actions_title"), markup=False)
            yield OptionList(id="action-list", compact=True)
            yield Label(t("selfview.plan.offer"), id="wish-title", markup=False)
            yield OptionList(id="wish-list", compact=True)
            yield Label("", id="goals-title", markup=False)
            yield QuietSelect[str]([], id="goal-person", compact=True, prompt=t("plan.person"))
            yield OptionList(id="goal-list", compact=True)
            yield Input(placeholder=t("plan.goal_text"), id="goal-new", compact=True)
            with Horizontal(id="goal-extra"):
                yield Input(placeholder=t("plan.goal_deadline"), id="goal-deadline", compact=True)
                yield QuietSelect[str](
                    [], id="goal-competence", compact=True, prompt=t("plan.goal_competence")
                )
            chosen = Static("", id="goal-chosen", markup=False)
            chosen.display = False
            yield chosen
        yield ActionForm()

    @unless_removed
    def on_mount(self) -> None:
        self.refresh_from_session()
        self.query_one(ActionForm).load(session_of(self), None)

    def on_resize(self) -> None:
        """Side by side when there is room, the form under the list when narrow."""
        self.set_class(self.size.width < 100, "-narrow")

    @property
    def form(self) -> ActionForm:
        """The action form."""
        return self.query_one(ActionForm)

    # --- from the session to the screen ---------------------------------------

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        """Show the actions and goals as they are now; the form's draft is left alone."""
        session = session_of(self)
        actions = self.query_one("#action-list", OptionList)
        highlighted = actions.highlighted
        actions.clear_options()
        if session.actions:
            actions.add_options([Option(action_line(session, a), id=a.id) for a in session.actions])
            if highlighted is not None:
                actions.highlighted = min(highlighted, len(session.actions) - 1)
        else:
            actions.add_option(Option(Content(t("plan.no_actions")), disabled=True))
        self._show_wishes(session)
        people = self.query_one("#goal-person", Select)
        if self.goal_person is not None and session.person(self.goal_person) is None:
            self.goal_person = None
        # Refilled only when the staff changed, and quietly: a refill clears the choice
        # for a moment, which disabled the goal field being typed in and lost its focus.
        staff = tuple((p.id, p.name) for p in session.staff)
        if staff != self._staff_shown:
            self._staff_shown = staff
            with people.prevent(Select.Changed):
                people.set_options([(Content(name), pid) for pid, name in staff])
                if self.goal_person is not None:
                    people.value = self.goal_person
        self._show_goals()

    def _show_wishes(self, session: Session) -> None:
        """The wishes that meet a gap, each an offer of an action (hidden when none)."""
        wishes = self.query_one("#wish-list", OptionList)
        highlighted = wishes.highlighted
        wishes.clear_options()
        self._wishes = self_view(session).wishes_meeting_gap
        codes = competence_codes(session)
        for i, wish in enumerate(self._wishes):
            person = session.person(wish.person_id)
            line = t(
                "selfview.gaps.wish_gap_line",
                name=person.name if person else "",
                code=codes.get(wish.competence_id, ""),
                title=competence_title(session, wish.competence_id),
                level=wish.leader,
                target=wish.target,
            )
            wishes.add_option(Option(Content(line), id=f"wish-{i}"))
        if highlighted is not None and self._wishes:
            wishes.highlighted = min(highlighted, len(self._wishes) - 1)
        shown = bool(self._wishes)
        wishes.display = shown
        self.query_one("#wish-title", Label).display = shown

    @on(OptionList.OptionSelected, "#wish-list")
    def _offer_for_wish(self, event: OptionList.OptionSelected) -> None:
        """Enter on a wish that meets a gap: a new action for that person and competence."""
        if event.option.id is None:
            return
        index = int(event.option.id.removeprefix("wish-"))
        if index >= len(self._wishes):
            return
        wish = self._wishes[index]
        key = f"wish:{wish.person_id}:{wish.competence_id}"
        if not self._may_replace_draft(key):
            return
        session = session_of(self)
        person = session.person(wish.person_id)
        title = t(
            "selfview.plan.offer_title",
            title=competence_title(session, wish.competence_id),
            name=person.name if person else "",
        )
        self.form.load(session, None)
        self.form.prefill(wish.person_id, wish.competence_id, title)
        self.form.query_one("#action-title", Input).focus()

    def _show_goals(self) -> None:
        session = session_of(self)
        person = session.person(self.goal_person) if self.goal_person else None
        title = self.query_one("#goals-title", Label)
        goals = self.query_one("#goal-list", OptionList)
        goals.clear_options()
        for field in ("#goal-new", "#goal-deadline", "#goal-competence"):
            self.query_one(field).disabled = person is None
        self._offer_goal_competences(session)
        if person is None:
            title.update(Content(t("plan.goals_none_person")))
            return
        title.update(Content(t("plan.goals_title", name=person.name)))
        codes = competence_codes(session)
        for i, goal in enumerate(person.goals):
            mark = "[x] " if goal.done else "[ ] "
            bits = [codes.get(c, c) for c in goal.competences]
            if goal.deadline:
                bits.append(goal.deadline.isoformat())
            extra = f" ({', '.join(bits)})" if bits else ""
            goals.add_option(Option(Content(mark + goal.text + extra), id=f"goal-{i}"))

    # --- actions ----------------------------------------------------------------

    @on(OptionList.OptionSelected, "#action-list")
    def _open_action(self, event: OptionList.OptionSelected) -> None:
        action_id = event.option.id
        if action_id is None:
            return
        if not self._may_replace_draft(action_id):
            return
        session = session_of(self)
        action = next((a for a in session.actions if a.id == action_id), None)
        self.form.load(session, action)

    def _may_replace_draft(self, key: str) -> bool:
        """Whether the form may show ``key`` (an action, a wish, ``""`` for a new one).

        While the form holds unsaved input, the first ask for something else only warns;
        asking again for the same thing replaces the draft.
        """
        if self.form.dirty and self._pending_load != key:
            self._pending_load = key
            self.app.notify(t("plan.unsaved"), markup=False, severity="warning")
            return False
        self._pending_load = None
        return True

    def action_new_action(self) -> None:
        """Empty the form for a new action (asks once when the draft has unsaved text)."""
        if not self._may_replace_draft(""):
            return
        self.form.load(session_of(self), None)
        self.form.query_one("#action-title", Input).focus()

    @on(Button.Pressed, "#action-new")
    def _new_pressed(self) -> None:
        self.action_new_action()

    @on(Button.Pressed, "#action-save")
    def action_save_action(self) -> None:
        """Save the draft; on a refusal the text stays and the form says why."""
        form = self.form
        try:
            draft = form.draft()
        except ValueError:
            form.show_problem(t("plan.bad_date"))
            return
        if form.action_id is None:
            kind = draft.pop("kind")
            title = draft.pop("title")
            outcome = host(self).try_apply(changes.add_action, kind, title, **draft)
            new_id = outcome.value if isinstance(outcome, Applied) else None
        else:
            outcome = host(self).try_apply(changes.update_action, form.action_id, **draft)
            new_id = form.action_id
        if isinstance(outcome, Refused):
            form.show_problem(outcome.reason)  # the domain's rule, in words
            return
        session = session_of(self)
        form.load(session, next((a for a in session.actions if a.id == new_id), None))
        self.refresh_from_session()
        self.app.notify(t("plan.saved"), markup=False)

    @on(Button.Pressed, "#action-remove")
    def _remove(self) -> None:
        form = self.form
        if form.action_id is None:
            return
        if host(self).try_apply(changes.remove_action, form.action_id):
            form.load(session_of(self), None)
            self.refresh_from_session()
            self.app.notify(t("plan.removed"), markup=False)

    # --- goals ------------------------------------------------------------------

    @on(Select.Changed, "#goal-person")
    def _goal_person(self, event: Select.Changed) -> None:
        value = event.value
        self.goal_person = value if isinstance(value, str) else None
        self.goal_competences = []
        self._show_goals()
        self._show_goal_competences()

    @on(Select.Changed, "#goal-competence")
    def _goal_competence(self, event: Select.Changed) -> None:
        """Choosing a competence adds it to the next goal's; choosing it again takes it out."""
        event.stop()
        value = event.value
        if not isinstance(value, str):
            return
        if value in self.goal_competences:
            self.goal_competences.remove(value)
        else:
            self.goal_competences.append(value)
        with event.select.prevent(Select.Changed):
            event.select.clear()  # ready for the next one
        self._show_goal_competences()

    def _show_goal_competences(self) -> None:
        shown = self.query_one("#goal-chosen", Static)
        codes = competence_codes(session_of(self))
        chosen = ", ".join(codes.get(c, c) for c in self.goal_competences)
        shown.update(t("plan.goal_competences_chosen", codes=chosen) if chosen else "")
        shown.display = bool(chosen)  # no empty row at 80x24

    def _offer_goal_competences(self, session: Session) -> None:
        """The competences a goal can name (optional), most gaps first."""
        select = self.query_one("#goal-competence", Select)
        result = analyse(session)
        ids = list(
            dict.fromkeys([c.id for c in biggest_gaps(result)] + [c.id for c in result.competences])
        )
        if ids == self._goal_competences_shown:
            return
        self._goal_competences_shown = ids
        codes = competence_codes(session)
        with select.prevent(Select.Changed):
            select.set_options(
                [(Content(f"{codes.get(c, '')} {competence_title(session, c)}"), c) for c in ids]
            )

    @on(Input.Submitted, "#goal-new, #goal-deadline")
    def _add_goal(self, event: Input.Submitted) -> None:
        event.stop()
        if self.goal_person is None:
            return
        text_field = self.query_one("#goal-new", Input)
        deadline_field = self.query_one("#goal-deadline", Input)
        deadline_text = deadline_field.value.strip()
        try:
            deadline = dt.date.fromisoformat(deadline_text) if deadline_text else None
        except ValueError:
            self.app.notify(t("plan.bad_date"), severity="error", markup=False)
            return
        competences = list(self.goal_competences)
        added = host(self).try_apply(
            changes.add_goal,
            self.goal_person,
            text_field.value,
            competences=competences,
            deadline=deadline,
        )
        if added:
            text_field.value = ""
            deadline_field.value = ""
            self.goal_competences = []
            self._show_goal_competences()
            self._show_goals()
            text_field.focus()  # the next goal is typed where the last one was

    @on(OptionList.OptionSelected, "#goal-list")
    def _toggle_goal(self, event: OptionList.OptionSelected) -> None:
        if self.goal_person is None or event.option.id is None:
            return
        index = int(event.option.id.removeprefix("goal-"))
        person = session_of(self).person(self.goal_person)
        if person is None or index >= len(person.goals):
            return
        host(self).apply(
            changes.update_goal, self.goal_person, index, done=not person.goals[index].done
        )
        self._show_goals()
        goals = self.query_one("#goal-list", OptionList)
        self.call_after_refresh(setattr, goals, "highlighted", index)

    def on_key(self, event: object) -> None:
        """Delete on a goal removes it."""
        key = getattr(event, "key", "")
        goals = self.query_one("#goal-list", OptionList)
        if key == "delete" and goals.has_focus and self.goal_person is not None:
            index = goals.highlighted
            if index is not None:
                host(self).apply(changes.remove_goal, self.goal_person, index)
                self._show_goals()
