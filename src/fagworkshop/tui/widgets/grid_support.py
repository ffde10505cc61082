"""Small helpers shared by the staff, gaps and plan views (steps 4 to 6)."""

from __future__ import annotations

from fagworkshop.domain.session import Session
from fagworkshop.i18n import t


def competence_codes(session: Session) -> dict[str, str]:
    """Short, stable column codes: ``B1``, ``B2``... for basics, ``E1``... for elements.

    The number is the position in the session, so a code stays the same when
    columns are filtered or sorted.
    """

    codes = {b.id: f"{t('grid.basic_code')}{i}" for i, b in enumerate(session.basics, 1)}
    for i, (_, element) in enumerate(session.elements(), 1):
        codes[element.id] = f"{t('grid.element_code')}{i}"
    return codes


def competence_title(session: Session, competence_id: str) -> str:
    """The title the team uses for a competence (its own wording, else the catalogue's)."""
    item = session.competence(competence_id)
    return item.shown_title if item is not None else competence_id
