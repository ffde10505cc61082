"""Changes to a session: the one way screens and commands edit it.

Each function applies one change to a :class:`Session` in place, checks what
it is given, and raises :class:`ChangeError` (with an i18n key) on a change
that would make the session invalid. The app calls these and then schedules a
save; nothing else mutates the session.

The changes live by aspect: :mod:`.frame` (step 1), :mod:`.steps` (notes,
decisions, timebox, agreement), :mod:`.staff` and :mod:`.ratings` (step 4),
:mod:`.plan` (step 6), :mod:`.erasure`; :mod:`.common` holds what they share.
The basic competences, blocks and local profiles (steps 2 and 3) are in
:mod:`fagworkshop.domain.adapt`. Import from here; every change is re-exported.
"""

from __future__ import annotations

from fagworkshop.domain.changes.common import (
    ChangeError,
    check_level,
    new_id,
    touch,
)
from fagworkshop.domain.changes.erasure import (
    ERASED_NAME,
    backup_purge_pending,
    backup_purged,
    erase_person,
    erasure_places,
)
from fagworkshop.domain.changes.frame import (
    FRAME_LINES,
    add_participant,
    new_session,
    remove_participant,
    set_frame_date,
    set_frame_purpose,
    set_frame_text,
    update_participant,
)
from fagworkshop.domain.changes.plan import (
    add_action,
    add_goal,
    remove_action,
    remove_goal,
    update_action,
    update_goal,
)
from fagworkshop.domain.changes.ratings import (
    set_rating,
    set_rating_note,
    set_self_rating,
    set_wish,
    start_follow_up_round,
    toggle_unused,
    toggle_wish,
)
from fagworkshop.domain.changes.staff import (
    add_person,
    set_person_profiles,
    update_person,
)
from fagworkshop.domain.changes.steps import (
    add_decision,
    go_to_step,
    mark_agreed,
    remove_decision,
    set_decision_date,
    set_step_notes,
    set_timebox,
)

__all__ = [
    "ChangeError",
    "ERASED_NAME",
    "FRAME_LINES",
    "add_action",
    "add_decision",
    "add_goal",
    "add_participant",
    "add_person",
    "backup_purge_pending",
    "backup_purged",
    "check_level",
    "erase_person",
    "erasure_places",
    "go_to_step",
    "mark_agreed",
    "new_id",
    "new_session",
    "remove_action",
    "remove_decision",
    "remove_goal",
    "remove_participant",
    "set_frame_date",
    "set_frame_purpose",
    "set_frame_text",
    "set_person_profiles",
    "set_rating",
    "set_decision_date",
    "set_rating_note",
    "set_self_rating",
    "set_step_notes",
    "set_timebox",
    "set_wish",
    "start_follow_up_round",
    "toggle_unused",
    "toggle_wish",
    "touch",
    "update_action",
    "update_goal",
    "update_participant",
    "update_person",
]
