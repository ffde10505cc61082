"""Step 2's body: go through the basic competences (basiskompetencer) one by one.

A list grouped by theme on the left, the focused competence's details on the
right. Everything is a key on the list (include, level, priority), so a
facilitator can take fourteen items in front of a room without a dialog.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from fagworkshop.domain import adapt
from fagworkshop.domain.session import BasicChoice, Priority, Session
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.bindings import described
from fagworkshop.tui.host import host
from fagworkshop.tui.widgets.list_detail import (
    ItemList,
    ListDetail,
    level_label,
    set_quietly,
    show_options,
)

THEME_PREFIX = "theme:"


def included_marker(included: bool | None) -> tuple[str, str]:
    """The symbol and style that show a decision without relying on colour."""
    if included is None:
        return "?", "dim"
    return ("✓", "bold green") if included else ("✗", "bold #ff9f40")


def basic_prompt(session: Session, basic: BasicChoice) -> Content:
    """One line of the list: decision, title, minimum level and priority."""
    marker, style = included_marker(basic.included)
    parts: list[tuple[str, str] | str] = [(f" {marker} ", style), basic.shown_title]
    if basic.included and basic.min_level is not None:
        parts.append((f"\u00a0\u00a0≥{basic.min_level}", "bold"))
    if basic.priority:
        parts.append((f"\u00a0\u00a0{t('priority.' + basic.priority.value)}", "italic"))
    if basic.origin.value == "own":
        parts.append((f"\u00a0\u00a0({t('origin.own')})", "dim"))
    return Content.assemble(*parts)


class BasicList(ItemList):
    """The basic competences grouped by theme; keys decide the highlighted one."""

    BINDINGS = [
        described("j", "include(True)", "basic.key.include"),
        described("n", "include(False)", "basic.key.exclude"),
        described("space", "toggle_included", "basic.key.toggle", show=False),
        described("h", "priority('high')", "basic.key.priority"),
        Binding("m", "priority('medium')", show=False),
        Binding("l", "priority('low')", show=False),
        described("enter", "reword", "basic.key.reword"),
        described("a", "add_own", "basic.key.add"),
        *[Binding(str(d), f"level({d})", show=False) for d in range(10)],
        described("escape", "leave", "list.key.leave"),
    ]

    @property
    def basic_id(self) -> str | None:
        """The id of the highlighted competence (None on a theme heading)."""
        return self.item_id

    def _apply(self, change: Any, *args: Any) -> None:
        if self.basic_id is not None:
            host(self).apply(change, self.basic_id, *args)

    def action_include(self, included: bool) -> None:
        self._apply(adapt.decide_basic, included)

    def action_toggle_included(self) -> None:
        # not action_toggle: that is Textual's DOMNode.action_toggle(attribute_name)
        basic_id = self.basic_id
        session = host(self).session
        if basic_id is None or session is None:
            return
        current = session.competence(basic_id)
        self._apply(adapt.decide_basic, not (isinstance(current, BasicChoice) and current.included))

    def action_priority(self, priority: str) -> None:
        self._apply(adapt.set_priority, priority)

    def action_level(self, level: int) -> None:
        session = host(self).session
        basic_id = self.basic_id
        if basic_id is None or session is None:
            return
        basic = session.competence(basic_id)
        if isinstance(basic, BasicChoice) and not basic.included:
            self._apply(adapt.decide_basic, True)
        self._apply(adapt.set_min_level, level)

    def action_reword(self) -> None:
        self.screen.query_one("#basic-wording", Input).focus()

    def action_add_own(self) -> None:
        self.screen.query_one("#basic-new", Input).focus()


class BasicEditor(ListDetail):
    """The list and the detail panel of step 2."""

    #: What it shows: refreshed only after a change of these (tui.aspects).
    SHOWS = (Aspect.BASICS,)

    def compose(self) -> ComposeResult:
        yield BasicList(id="basic-list")
        with VerticalScroll(id="basic-detail", classes="detail"):
            yield from self.compose_head("basic", t("basic.keys"))
            yield Label(t("basic.wording"), markup=False)
            yield Input(id="basic-wording", placeholder=t("basic.wording.placeholder"))
            yield Label(t("basic.note"), markup=False)
            yield TextArea(id="basic-note")
            yield Label(t("basic.add"), markup=False)
            yield Input(id="basic-new", placeholder=t("basic.add.placeholder"))

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        """Show the session's basic competences and the highlighted one's details."""
        session = self.session
        if session is None:
            return
        show_options(self.part(BasicList), self._options(session))
        self._show_detail()

    def _options(self, session: Session) -> list[Option]:
        options: list[Option] = []
        themes = [th.id for th in session.themes]
        orphans = [b for b in session.basics if b.theme not in themes]
        for theme in session.themes:
            members = [b for b in session.basics if b.theme == theme.id]
            if not members:
                continue
            heading = Content.assemble((theme.title, "bold underline"))
            options.append(Option(heading, id=THEME_PREFIX + theme.id, disabled=True))
            options.extend(Option(basic_prompt(session, b), id=b.id) for b in members)
        options.extend(Option(basic_prompt(session, b), id=b.id) for b in orphans)
        return options

    def _focused_basic(self) -> BasicChoice | None:
        session = self.session
        basic_id = self.part(BasicList).basic_id
        if session is None or basic_id is None:
            return None
        item = session.competence(basic_id)
        return item if isinstance(item, BasicChoice) else None

    def _show_detail(self) -> None:
        session = self.session
        basic = self._focused_basic()
        state = self.show_head("basic", basic, t("basic.none"))
        if state is None or basic is None or session is None:
            return
        state.update(Content(self._state_line(session, basic)))
        set_quietly(self.part("#basic-wording", Input), basic.local_wording)
        set_quietly(self.part("#basic-note", TextArea), basic.note)

    @staticmethod
    def _state_line(session: Session, basic: BasicChoice) -> str:
        if basic.included is None:
            decision = t("basic.undecided")
        elif basic.included:
            decision = t("basic.included")
        else:
            decision = t("basic.excluded")
        parts = [decision]
        if basic.min_level is not None:
            level = session.level(basic.min_level)
            meaning = f" ({level.meaning})" if level and level.meaning else ""
            label = level_label(session, basic.min_level)
            parts.append(f"{t('basic.min_level')}: {label}{meaning}")
        if basic.priority:
            parts.append(
                f"{t('basic.priority')}: {t('priority.' + Priority(basic.priority).value)}"
            )
        return "\n".join(parts)

    @on(OptionList.OptionHighlighted, "#basic-list")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(Input.Changed, "#basic-wording")
    def _wording_changed(self, event: Input.Changed) -> None:
        basic = self._focused_basic()
        if basic is not None and event.value != basic.local_wording:
            self.apply(adapt.set_basic_wording, basic.id, event.value)

    @on(Input.Submitted, "#basic-wording")
    def _wording_done(self) -> None:
        self.part(BasicList).focus()

    @on(TextArea.Changed, "#basic-note")
    def _note_changed(self, event: TextArea.Changed) -> None:
        basic = self._focused_basic()
        text = event.text_area.text
        if basic is not None and text != basic.note:
            self.apply(adapt.set_basic_note, basic.id, text)

    @on(Input.Submitted, "#basic-new")
    def _add_own(self, event: Input.Submitted) -> None:
        session = self.session
        if session is None or not event.value.strip():
            return
        focused = self._focused_basic()
        theme = focused.theme if focused else (session.themes[0].id if session.themes else None)
        if theme is None:
            return
        new_id = self.apply(adapt.add_own_basic, theme, event.value)
        if new_id:
            self.show_added(self.part(BasicList), new_id, event.input)
