"""What a change changed (aspekt): the one table from a change function to the aspect.

After a change the controller says which aspect of the session changed, and each
view refreshes only when it shows that aspect (``Aspect.ALL``: anything may have
changed, as after undo, a new round or an erasure). The aspect follows from the
change's module in ``fagworkshop.domain.changes`` (changes live there by aspect);
the few that do not say it by their module are named.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from fagworkshop.domain.session import Step


class Aspect(Enum):
    """A part of the session a view may show."""

    FRAME = "frame"  # step 1: rammen
    BASICS = "basics"  # step 2: basiskompetencer
    BLOCKS = "blocks"  # step 3: fagprofiler, elements and local profiles
    STAFF = "staff"  # step 4: medarbejdere
    RATINGS = "ratings"  # step 4: the levels, own levels, wishes and notes of a round
    PLAN = "plan"  # step 6: actions and personal goals
    NOTES = "notes"  # every step's notes, decisions and timebox
    STEP = "step"  # which step the team is on (the step bar shows it)
    ALL = "all"  # anything may have changed

    def touches(self, *shown: Aspect) -> bool:
        """Whether a view showing ``shown`` must refresh after a change of this aspect."""
        return self is Aspect.ALL or self in shown


_CHANGES = "fagworkshop.domain.changes."

#: The aspect of each module of changes.
BY_MODULE: dict[str, Aspect] = {
    _CHANGES + "frame": Aspect.FRAME,
    _CHANGES + "staff": Aspect.STAFF,
    _CHANGES + "ratings": Aspect.RATINGS,
    _CHANGES + "plan": Aspect.PLAN,
    _CHANGES + "steps": Aspect.NOTES,
}

#: Changes whose module does not say their aspect (``domain.adapt`` holds steps 2 and 3).
BY_NAME: dict[str, Aspect] = {
    "go_to_step": Aspect.STEP,
    "mark_agreed": Aspect.ALL,  # the status shows on the summary and in the step bar
    "start_follow_up_round": Aspect.ALL,  # a new round: every view of ratings starts again
    "erase_person": Aspect.ALL,  # the name is replaced in notes, plan and ratings
    "decide_basic": Aspect.BASICS,
    "set_min_level": Aspect.BASICS,
    "set_priority": Aspect.BASICS,
    "set_basic_wording": Aspect.BASICS,
    "set_basic_note": Aspect.BASICS,
    "add_own_basic": Aspect.BASICS,
    "set_element_status": Aspect.BLOCKS,
    "set_element_wording": Aspect.BLOCKS,
    "set_element_note": Aspect.BLOCKS,
    "set_target_level": Aspect.BLOCKS,
    "add_own_element": Aspect.BLOCKS,
    "add_profile": Aspect.BLOCKS,
    "rename_profile": Aspect.BLOCKS,
    "set_profile_description": Aspect.BLOCKS,
    "set_profile_needed": Aspect.BLOCKS,
    "toggle_profile_element": Aspect.BLOCKS,
    "remove_profile": Aspect.BLOCKS,
}


def aspect_of(change_fn: Callable[..., Any]) -> Aspect:
    """The aspect a change function changes (``ALL`` for one not in the table)."""
    inner = getattr(change_fn, "__wrapped__", change_fn)
    name = str(getattr(inner, "__name__", ""))
    if name in BY_NAME:
        return BY_NAME[name]
    return BY_MODULE.get(str(getattr(inner, "__module__", "")), Aspect.ALL)


#: The steps whose progress (the step bar's count, ``domain.progress``) a change of an
#: aspect may alter; the bar counts only those again. ``ALL``: every step.
PROGRESS_OF: dict[Aspect, tuple[Step, ...]] = {
    Aspect.FRAME: (Step.FRAME,),
    Aspect.BASICS: (Step.BASIC, Step.STAFF),  # a basic left out matters for no one
    Aspect.BLOCKS: (Step.BLOCKS, Step.STAFF),  # profile elements decide who is rated on what
    Aspect.STAFF: (Step.STAFF,),
    Aspect.RATINGS: (Step.STAFF,),
    Aspect.PLAN: (Step.PLAN,),
    Aspect.NOTES: (),
    Aspect.STEP: (),
    Aspect.ALL: tuple(Step),
}
