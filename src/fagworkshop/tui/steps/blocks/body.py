"""Step 3's body: adapt the building blocks (fagprofiler) and compose local profiles.

The left list holds every block with its elements (and, last, the basic
competences, which a local profile may also include). Keys keep, drop and set
the target of the highlighted element; space puts it in or takes it out of
the active local profile, chosen in the profile list on the right.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from fagworkshop.domain import adapt
from fagworkshop.domain.session import (
    AdaptedElement,
    BasicChoice,
    ElementStatus,
    LocalProfile,
    Session,
)
from fagworkshop.i18n import t
from fagworkshop.tui.aspects import Aspect
from fagworkshop.tui.bindings import described
from fagworkshop.tui.host import host
from fagworkshop.tui.removal import unless_removed
from fagworkshop.tui.widgets.list_detail import (
    ItemList,
    ListDetail,
    level_label,
    set_quietly,
    show_options,
)

HEADING_PREFIX = "block:"
BASICS_HEADING = "heading:basics"

_STATUS_MARKER = {
    ElementStatus.UNDECIDED: ("?", "dim"),
    ElementStatus.KEPT: ("✓", "bold green"),
    ElementStatus.DROPPED: ("✗", "bold #ff9f40"),
}


def profile_tags(session: Session, competence_id: str) -> str:
    """The numbers of the local profiles that use a competence, e.g. ``[1,3]``."""
    numbers = [str(i) for i, p in enumerate(session.profiles, 1) if competence_id in p.elements]
    return f"[{','.join(numbers)}]" if numbers else ""


def element_prompt(session: Session, element: AdaptedElement, active: str | None) -> Content:
    """One list line: status, title, target level, profiles using it."""
    marker, style = _STATUS_MARKER[element.status]
    in_active = active is not None and element.id in (session.profile(active) or _EMPTY).elements
    parts: list[tuple[str, str] | str] = [
        ("●" if in_active else " ", "bold #4aa3ff"),
        (f"{marker} ", style),
        (element.shown_title, "strike dim" if element.status == ElementStatus.DROPPED else ""),
    ]
    if element.target_level is not None and element.status != ElementStatus.DROPPED:
        parts.append((f"\u00a0\u00a0→{element.target_level}", "bold"))
    if element.kind.value == "task":
        parts.append((f"\u00a0\u00a0({t('kind.task').lower()})", "dim"))
    tags = profile_tags(session, element.id)
    if tags:
        parts.append((f"\u00a0\u00a0{tags}", "#4aa3ff"))
    return Content.assemble(*parts)


def basic_line(session: Session, basic: BasicChoice, active: str | None) -> Content:
    """A basic competence in step 3's list (it can join a local profile)."""
    in_active = active is not None and basic.id in (session.profile(active) or _EMPTY).elements
    parts: list[tuple[str, str] | str] = [
        ("●" if in_active else " ", "bold #4aa3ff"),
        ("\u00a0\u00a0", ""),
        basic.shown_title,
    ]
    tags = profile_tags(session, basic.id)
    if tags:
        parts.append((f"\u00a0\u00a0{tags}", "#4aa3ff"))
    return Content.assemble(*parts)


_EMPTY = LocalProfile(id="x", name="x")


class ElementList(ItemList):
    """Blocks and their elements; keys adapt the highlighted element."""

    BINDINGS = [
        described("b", "status('kept')", "blocks.key.keep"),
        described("f", "status('dropped')", "blocks.key.drop"),
        described("space", "toggle_in_profile", "blocks.key.toggle"),
        described("enter", "reword", "blocks.key.reword"),
        described("a", "add_own", "blocks.key.add"),
        described("p", "new_profile", "blocks.key.profile"),
        *[Binding(str(d), f"target({d})", show=False) for d in range(10)],
        described("escape", "leave", "list.key.leave"),
    ]

    def _editor(self) -> BlocksEditor:
        return self.screen.query_one(BlocksEditor)

    def _is_element(self) -> bool:
        session = host(self).session
        return bool(
            session
            and self.item_id
            and isinstance(session.competence(self.item_id), AdaptedElement)
        )

    def _apply(self, change: Any, *args: Any) -> Any:
        return host(self).apply(change, *args)

    def action_status(self, status: str) -> None:
        if self._is_element():
            self._apply(adapt.set_element_status, self.item_id, status)

    def action_target(self, level: int) -> None:
        if self._is_element():
            self._apply(adapt.set_target_level, self.item_id, level)

    def action_toggle_in_profile(self) -> None:
        active = self._editor().active_profile
        if self.item_id is None:
            return
        if active is None:
            self.app.notify(t("blocks.no_active_profile"), markup=False, severity="warning")
            return
        self._apply(adapt.toggle_profile_element, active, self.item_id)

    def action_reword(self) -> None:
        if self._is_element():
            self.screen.query_one("#element-wording", Input).focus()

    def action_add_own(self) -> None:
        self.screen.query_one("#element-new", Input).focus()

    def action_new_profile(self) -> None:
        self.screen.query_one("#profile-new", Input).focus()


class BlocksEditor(ListDetail):
    """The element list, the element's details and the local profiles of step 3."""

    #: What it shows: refreshed only after a change of these (tui.aspects).
    SHOWS = (Aspect.BLOCKS, Aspect.BASICS)

    DEFAULT_CSS = """
    BlocksEditor #profile-list { height: auto; max-height: 8; }
    BlocksEditor #profile-fields { height: auto; }
    BlocksEditor #profile-row { height: auto; }
    BlocksEditor #profile-row Input { width: 1fr; }
    BlocksEditor #profile-row #profile-needed { width: 12; }
    """

    active_profile: str | None = None

    def compose(self) -> ComposeResult:
        yield ElementList(id="element-list")
        with VerticalScroll(id="blocks-side", classes="detail"):
            yield from self.compose_head("element", t("blocks.keys"))
            yield Label(t("blocks.wording"), markup=False)
            yield Input(id="element-wording", placeholder=t("blocks.wording.placeholder"))
            yield Label(t("blocks.add"), markup=False)
            yield Input(id="element-new", placeholder=t("blocks.add.placeholder"))
            yield Label(t("blocks.profiles"), classes="section", markup=False)
            yield OptionList(id="profile-list")
            with Vertical(id="profile-fields"):
                with Horizontal(id="profile-row"):
                    yield Input(id="profile-name", placeholder=t("blocks.profile.name"))
                    yield Input(
                        id="profile-needed", placeholder=t("blocks.profile.needed"), type="integer"
                    )
                yield Static("", id="profile-elements", markup=False)
            yield Input(id="profile-new", placeholder=t("blocks.profile.new"))

    @unless_removed
    def on_mount(self) -> None:
        session = self.session
        if session is not None and session.profiles:
            self.active_profile = session.profiles[0].id

    # --- showing the session ------------------------------------------------

    def refresh_from_session(self, aspect: Aspect = Aspect.ALL) -> None:
        """Show the session's blocks and profiles; keeps the cursor where it was."""
        session = self.session
        if session is None:
            return
        if self.active_profile and session.profile(self.active_profile) is None:
            self.active_profile = session.profiles[0].id if session.profiles else None
        show_options(self.part(ElementList), self._options(session))
        self._show_profiles(session)
        self._show_detail()

    def _options(self, session: Session) -> list[Option]:
        options: list[Option] = []
        for block in session.blocks:
            options.append(
                Option(
                    Content.assemble((block.title, "bold underline")),
                    id=HEADING_PREFIX + block.id,
                    disabled=True,
                )
            )
            options.extend(
                Option(element_prompt(session, e, self.active_profile), id=e.id)
                for e in block.elements
            )
        included = [b for b in session.basics if b.included]
        if included:
            options.append(
                Option(
                    Content.assemble((t("blocks.basics_heading"), "bold underline")),
                    id=BASICS_HEADING,
                    disabled=True,
                )
            )
            options.extend(
                Option(basic_line(session, b, self.active_profile), id=b.id) for b in included
            )
        return options

    def _show_profiles(self, session: Session) -> None:
        plist = self.part("#profile-list", OptionList)
        prompts = [
            Option(
                Content.assemble(
                    ("● " if p.id == self.active_profile else "\u00a0\u00a0", "bold #4aa3ff"),
                    f"{i}. ",
                    p.name,
                    (
                        "\u00a0\u00a0"
                        + t("blocks.profile.summary", needed=p.needed, n=len(p.elements)),
                        "dim",
                    ),
                ),
                id=p.id,
            )
            for i, p in enumerate(session.profiles, 1)
        ]
        show_options(plist, prompts)
        profile = session.profile(self.active_profile) if self.active_profile else None
        name = self.part("#profile-name", Input)
        needed = self.part("#profile-needed", Input)
        elements = self.part("#profile-elements", Static)
        self.part("#profile-fields").display = profile is not None
        if profile is None:
            elements.update(Content(t("blocks.no_profiles")))
            return
        set_quietly(name, profile.name)
        set_quietly(needed, str(profile.needed))
        lines = []
        for cid in profile.elements:
            item = session.competence(cid)
            target = session.target(cid)
            suffix = f" →{target}" if target is not None else ""
            lines.append(f"• {item.shown_title if item else cid}{suffix}")
        elements.update(Content("\n".join(lines) or t("blocks.profile.empty")))

    def _focused_item(self) -> BasicChoice | AdaptedElement | None:
        session = self.session
        item_id = self.part(ElementList).item_id
        if session is None or item_id is None:
            return None
        return session.competence(item_id)

    def _show_detail(self) -> None:
        session = self.session
        item = self._focused_item()
        state = self.show_head("element", item, t("blocks.none"))
        if state is None or item is None or session is None:
            return
        wording = self.part("#element-wording", Input)
        lines = []
        if isinstance(item, AdaptedElement):
            lines.append(t(f"element.{item.status.value}"))
            if item.target_level is not None:
                lines.append(f"{t('blocks.target')}: {level_label(session, item.target_level)}")
        used = [p.name for p in session.profiles_using(item.id)]
        lines.append(f"{t('blocks.used_in')}: {', '.join(used) if used else '-'}")
        state.update(Content("\n".join(lines)))
        wording.disabled = not isinstance(item, AdaptedElement)
        if isinstance(item, AdaptedElement):
            set_quietly(wording, item.local_wording)

    # --- events -------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#element-list")
    def _element_highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#profile-list")
    def _profile_chosen(self, event: OptionList.OptionSelected) -> None:
        self.active_profile = event.option.id
        self.refresh_from_session()

    @on(Input.Changed, "#element-wording")
    def _wording_changed(self, event: Input.Changed) -> None:
        item = self._focused_item()
        if isinstance(item, AdaptedElement) and event.value != item.local_wording:
            self.apply(adapt.set_element_wording, item.id, event.value)

    @on(Input.Submitted, "#element-wording")
    def _wording_done(self) -> None:
        self.part(ElementList).focus()

    @on(Input.Submitted, "#element-new")
    def _add_element(self, event: Input.Submitted) -> None:
        session = self.session
        if session is None or not event.value.strip() or not session.blocks:
            return
        block_id = self._block_of_cursor(session)
        new_id = self.apply(adapt.add_own_element, block_id, event.value)
        if new_id:
            self.show_added(self.part(ElementList), new_id, event.input)

    def _block_of_cursor(self, session: Session) -> str:
        item_id = self.part(ElementList).item_id
        for block in session.blocks:
            if any(e.id == item_id for e in block.elements):
                return block.id
        return session.blocks[0].id

    @on(Input.Submitted, "#profile-new")
    def _add_profile(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        new_id = self.apply(adapt.add_profile, event.value)
        if new_id:
            event.input.value = ""
            self.active_profile = new_id
            self.refresh_from_session()
            self.part(ElementList).focus()

    @on(Input.Changed, "#profile-name")
    def _rename(self, event: Input.Changed) -> None:
        session = self.session
        profile = session.profile(self.active_profile) if session and self.active_profile else None
        if profile is not None and event.value.strip() and event.value != profile.name:
            self.apply(adapt.rename_profile, profile.id, event.value)

    @on(Input.Changed, "#profile-needed")
    def _needed(self, event: Input.Changed) -> None:
        session = self.session
        profile = session.profile(self.active_profile) if session and self.active_profile else None
        try:
            needed = int(event.value)
        except ValueError:
            return
        if profile is not None and needed != profile.needed:
            self.apply(adapt.set_profile_needed, profile.id, needed)

    @on(Input.Submitted, "#profile-name")
    @on(Input.Submitted, "#profile-needed")
    def _profile_field_done(self) -> None:
        self.part(ElementList).focus()
