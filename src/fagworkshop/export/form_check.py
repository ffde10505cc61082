"""Filled forms checked against the session (:func:`check_forms`), then applied
(:func:`apply_forms`) through ``domain.changes``; import them from
:mod:`fagworkshop.export.form_import`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fagworkshop.domain import changes
from fagworkshop.domain.analysis import build_index
from fagworkshop.domain.session import Session
from fagworkshop.export.form_model import FilledForm, Problem, short_value
from fagworkshop.export.self_assessment import FORM_KIND, FORM_VERSION
from fagworkshop.i18n import t


def _check_identity(form: FilledForm, session: Session) -> str | None:
    """The form's person id when it is a form of this session's current round, else None."""
    ident = form.identity
    if ident.get("kind") != FORM_KIND:
        form.problem(None, t("sa.bad.no_identity"), t("sa.fix.not_form"))
        return None
    if ident.get("version") != FORM_VERSION:
        form.problem(
            None,
            t("sa.bad.version", version=short_value(ident.get("version"))),
            t("sa.fix.new_form"),
        )
        return None
    ok = True
    if ident.get("session") != session.id:
        form.problem(
            None,
            t("sa.bad.session", found=short_value(ident.get("session")), session=session.id),
            t("sa.fix.session"),
        )
        ok = False
    current = session.round()
    number = current.number if current else None
    if ident.get("round") != number or isinstance(ident.get("round"), bool):
        form.problem(
            None,
            t("sa.bad.round", found=short_value(ident.get("round")), current=number),
            t("sa.fix.new_form"),
        )
        ok = False
    person = ident.get("person")
    if not isinstance(person, str) or session.person(person) is None:
        form.problem(None, t("sa.bad.person", id=short_value(person)), t("sa.fix.person"))
        ok = False
    return person if ok and isinstance(person, str) else None


def check_forms(session: Session, forms: list[FilledForm]) -> list[Problem]:
    """Every problem of every form against ``session``; empty means all can be applied."""
    idx = build_index(session)
    seen_people: dict[str, str] = {}
    for form in forms:
        if form.problems and not form.identity:
            continue  # not a form at all: said so already
        person_id = _check_identity(form, session)
        if person_id is None:
            continue
        if person_id in seen_people:
            form.problem(
                None,
                t("sa.bad.twice", id=person_id, other=seen_people[person_id]),
                t("sa.fix.twice"),
            )
            continue
        seen_people[person_id] = form.name
        relevant = idx.relevant.get(person_id, frozenset())
        codes: dict[str, str] = {}
        for answer in form.answers:
            form.at = answer.order
            if answer.person is not None and answer.person != person_id:
                form.problem(
                    answer.row,
                    t("sa.bad.other_person", id=answer.person, person=person_id),
                    t("sa.fix.other_person"),
                )
                continue
            if answer.code is None:
                continue  # said so while reading
            if answer.code in codes:
                form.problem(
                    answer.row,
                    t("sa.bad.code_twice", code=answer.code, other=codes[answer.code]),
                    t("sa.fix.code_twice"),
                )
                continue
            codes[answer.code] = answer.row
            if session.competence(answer.code) is None:
                form.problem(
                    answer.row, t("sa.bad.unknown_code", code=answer.code), t("sa.fix.row")
                )
            elif answer.code not in relevant:
                form.problem(
                    answer.row, t("sa.bad.not_relevant", code=answer.code), t("sa.fix.row")
                )
            if answer.level is not None and answer.level not in session.level_numbers():
                scale = ", ".join(map(str, session.level_numbers()))
                form.problem(
                    answer.row,
                    t("sa.bad.off_scale", level=answer.level, scale=scale),
                    t("sa.fix.level"),
                )
        if not form.answers:
            form.problem(None, t("sa.bad.no_rows"), t("sa.fix.empty"))
        elif not any(a.level is not None or a.wish for a in form.answers):
            form.problem(None, t("sa.bad.empty"), t("sa.fix.empty"))
    return [p for form in forms for p in sorted(form.problems, key=lambda p: p.order)]


@dataclass(frozen=True)
class Applied:
    """What one form changed: its person and how many levels and wishes it holds."""

    form: str
    person_id: str
    levels: int
    wishes: int


def apply_forms(session: Session, forms: list[FilledForm]) -> list[Applied]:
    """Set every checked form's levels and wishes in the latest round (call
    :func:`check_forms` first: a form with problems is never applied).

    A form speaks for its rows: an empty level cell clears an earlier answer.
    """
    if any(form.problems for form in forms):
        raise ValueError("forms with problems are never applied")
    done = []
    for form in forms:
        person_id = str(form.identity["person"])
        for a in form.answers:
            assert a.code is not None
            changes.set_self_rating(session, person_id, a.code, a.level)
            changes.set_wish(session, person_id, a.code, a.wish)
        done.append(
            Applied(
                form=form.name,
                person_id=person_id,
                levels=sum(a.level is not None for a in form.answers),
                wishes=sum(a.wish for a in form.answers),
            )
        )
    changes.touch(session)
    return done
