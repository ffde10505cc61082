"""Who is on the staff in step 4 (Medarbejdere): ``n`` and ``e`` open the staff form
for a new person or the one on the cursor row and apply what it saves, ``x`` erases a
person completely after the confirmation that lists every place they are named.

:class:`PeopleHandling` is the base class of ``StaffBody`` (the ratings and layers are
the body's own); it is a container so that Textual finds its ``on`` handlers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.containers import Vertical

from fagworkshop.domain import changes
from fagworkshop.export.leftovers import exports_naming
from fagworkshop.i18n import t
from fagworkshop.i18n.names import place_text
from fagworkshop.tui.host import Applied, host, session_of
from fagworkshop.tui.steps.staff.confirm import ConfirmErase
from fagworkshop.tui.steps.staff.form import StaffForm
from fagworkshop.tui.steps.staff.rating_grid import RatingGrid

if TYPE_CHECKING:
    from fagworkshop.tui.aspects import Aspect


class PeopleHandling(Vertical):
    """Adding, editing and erasing a person: the staff form's and the erasure's part."""

    #: The staff form's messages (the body applies a saved form).
    FormSaved = StaffForm.Saved
    FormClosed = StaffForm.Closed

    @property
    def grid(self) -> RatingGrid:
        """The rating grid."""
        return self.query_one(RatingGrid)

    if TYPE_CHECKING:

        def refresh_from_session(self, aspect: Aspect = ...) -> None:
            """Show the session as it is now (``StaffBody``)."""

    def action_new_person(self) -> None:
        """Open the form for a new member of staff."""
        self.query_one(StaffForm).open_for(session_of(self), None)

    def action_edit_person(self) -> None:
        """Open the form for the person on the cursor row."""
        session = session_of(self)
        pid = self.grid.current_person
        person = session.person(pid) if pid else None
        if person is not None:
            self.query_one(StaffForm).open_for(session, person)

    @on(FormSaved)
    def _form_saved(self) -> None:
        form = self.query_one(StaffForm)
        name, initials, role, profiles = form.values()
        session = session_of(self)
        if form.person_id is None:
            added = host(self).try_apply(changes.add_person, name, initials, role, profiles)
            if not isinstance(added, Applied):
                return  # the app told why; the typed text stays in the form
            form.close()
            self.refresh_from_session()
            self.grid.move_to(len(session.staff) - 1, self.grid.cursor_column)
            self.app.notify(t("staff.added", name=name.strip()), markup=False)
        else:
            edited = host(self).try_apply(
                changes.update_person,
                form.person_id,
                name=name,
                initials=initials,
                role=role,
                profiles=profiles,
            )  # one change: one undo step, and nothing half saved when a value is refused
            if not edited:
                return
            form.close()
            self.refresh_from_session()
            self.app.notify(t("staff.saved", name=name.strip()), markup=False)
        self.grid.focus()

    @on(FormClosed)
    def _form_closed(self) -> None:
        self.grid.focus()

    def action_erase_person(self) -> None:
        """Ask, then erase the person on the cursor row completely."""
        session = session_of(self)
        pid = self.grid.current_person
        person = session.person(pid) if pid else None
        if person is None:
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                if host(self).try_apply(changes.erase_person, person.id):
                    self.refresh_from_session()
                    self.app.notify(t("staff.erased"), markup=False)
                    self.grid.focus()

        places = [place_text(p.step, p.path) for p in changes.erasure_places(session, person.id)]
        path = host(self).session_path
        files = [f.name for f in exports_naming(session, person.id, path)]
        self.app.push_screen(ConfirmErase(person.name, places, files), done)
