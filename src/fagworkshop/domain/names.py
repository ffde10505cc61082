"""Finding people's names in free text (navne i fritekst), for exports and erasure.

One matcher serves every export without names, the erasure of a person and a
person's own export (their right of access). For each person it finds:

- the **full name** in any letter case, with any run of whitespace (spaces, a
  tab, a line break) between the parts, with a Danish genitive (``Annas``,
  ``Anna's``, ``Jens'``), and with or without symbols the name starts with
  (``=Formel Fjeldsted``, ``@Ad Adsen``);
- **each part alone** (first name, last name, each half of ``Zwetschke-Øberg``)
  of two letters or more that is capitalised in the name, when written
  capitalised in the text (``Camilla``, ``CAMILLA``, not ``camilla``), also
  with a genitive. A part that several people share is reported with all of
  them as owners, so an export can still hide it and an erasure leaves it for
  the others;
- with ``short_forms`` (for erasure and the person's own export): the
  person's **initials** as a whole word exactly as stored or in upper case
  (``AP``, not ``ap``: ``km`` is a distance) and their **pseudonym**
  (``M-3FA2``) in any case.

A match is always whole words: ``Anna`` never hits ``Annaberg``. Where forms
overlap, the longest wins (``Anna Prøvesen`` is one match, not two). A
capitalised part is matched at the start of a sentence too, so "Per 1. januar"
is taken for Per: an export replaces too much rather than leaking a name.

The matcher works on :class:`Named` records, so a participant (deltager) and
a member of staff are looked up alike; :func:`session_people` makes them from
a session and :func:`text_fields` (in :mod:`.text_fields`, re-exported here)
walks every free-text field of a session with its step, for erasure and for a
person's own export. No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from fagworkshop.domain.analysis import pseudonym
from fagworkshop.domain.session import Session
from fagworkshop.domain.text_fields import TextField, TextPlace, text_fields

_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\W+(\w+)")


class FormKind(StrEnum):
    """Which way of writing a person a match is."""

    FULL = "full"  # the whole name
    PART = "part"  # a first or last name alone
    SHORT = "short"  # initials or pseudonym (erasure and a person's own export only)


@dataclass(frozen=True, slots=True)
class Named:
    """A person as the matcher sees them: a key (person id or a participant's
    place), the name and, for staff, initials and pseudonym."""

    key: str
    name: str
    initials: str = ""
    pseudonym: str = ""


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One mention of a name in a text: where, whose (one key, or several for a
    shared first name) and which form."""

    start: int
    end: int
    owners: tuple[str, ...]
    kind: FormKind

    def only(self, key: str) -> bool:
        """Whether this mention is certainly about ``key`` and nobody else."""
        return self.owners == (key,)


#: Danish genitive endings, longest first: "Anna's", "Anna’s", "Jens'", "Annas".
_GENITIVES = ("'s", "’s", "'", "’", "s", "")


def _is_word(char: str) -> bool:
    """Whether ``char`` is a word character (as ``\\w`` in a regex)."""
    return char.isalnum() or char == "_"


@dataclass(slots=True)
class _Form:
    """One way of writing one or more people: words separated by any whitespace,
    an optional genitive, whole words only. Compared by hand, not by a regex: a
    session with thousands of staff would compile thousands of patterns."""

    lead: str  # symbols before the first word of the name; optional in the text
    words: tuple[str, ...]  # lower case when ``any_case``
    any_case: bool
    capitalised: bool  # the first letter must be upper case in the text
    kind: FormKind
    owners: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(w) for w in self.words)

    def match(self, value: str, at: int, floor: int) -> tuple[int, int] | None:
        """The span of this form from the word at ``at`` (its lead, if typed, from
        no earlier than ``floor``), or None."""
        if self.capitalised and not value[at].isupper():
            return None
        pos, n = at, len(value)
        for i, word in enumerate(self.words):
            if i:
                gap = pos
                while gap < n and value[gap].isspace():
                    gap += 1
                if gap == pos:
                    return None
                pos = gap
            piece = value[pos : pos + len(word)]
            if (piece.lower() if self.any_case else piece) != word:
                return None
            pos += len(word)
        end = None
        whole = _is_word(self.words[-1][-1])
        for ending in _GENITIVES:
            if value.startswith(ending, pos):
                after = pos + len(ending)
                if not whole or after >= n or not _is_word(value[after]):
                    end = after
                    break
        if end is None:
            return None
        start = at
        lead_at = at - len(self.lead)
        if self.lead and lead_at >= floor and value[lead_at:at].lower() == self.lead.lower():
            start = lead_at
        return start, end


def _split_lead(name: str) -> tuple[str, list[str]]:
    """``"=Formel Fjeldsted"`` -> (``"="``, ``["Formel", "Fjeldsted"]``)."""
    first = _WORD.search(name)
    if first is None:
        return "", []
    return name[: first.start()], name[first.start() :].split()


def _parts(name: str) -> list[str]:
    """The parts of a name that identify a person alone: each whitespace part without
    the symbols around it, and each word inside it (``Zwetschke-Øberg``,
    ``Zwetschke``, ``Øberg``), when capitalised in the name and two letters or more."""
    found: list[str] = []
    for chunk in name.split():
        words = _WORD.findall(chunk)
        if not words:
            continue
        core = chunk[chunk.find(words[0]) : chunk.rfind(words[-1]) + len(words[-1])]
        for part in (core, *words):
            if len(part) >= 2 and part[0].isalpha() and part[0].isupper() and part not in found:
                found.append(part)
    return found


class NameMatcher:
    """Finds the names of a set of people in free text (see the module docstring).

    Texts are scanned word by word and each word is looked up in an index of
    the first words of every form, so a session with thousands of staff costs
    one dictionary look-up per word, not a regex per person; a name of several
    words is looked up by its first two, since many people share a first name.
    """

    def __init__(self, people: Iterable[Named], *, short_forms: bool = False) -> None:
        self._index: dict[str, list[_Form]] = {}  # one-word forms by their word
        self._pairs: dict[str, dict[str, list[_Form]]] = {}  # longer ones by two words
        self._forms: dict[tuple[str, tuple[str, ...], bool, bool, FormKind], _Form] = {}
        for person in people:
            lead, words = _split_lead(" ".join(person.name.split()))
            if len(words) >= 2:
                self._add(lead, words, re.IGNORECASE, False, FormKind.FULL, person)
            for part in _parts(person.name):
                self._add("", [part], re.IGNORECASE, True, FormKind.PART, person)
            if not short_forms:
                continue
            initials = " ".join(person.initials.split())
            if sum(c.isalnum() for c in initials) >= 2:
                for form in dict.fromkeys((initials, initials.upper())):
                    lead, words = _split_lead(form)
                    self._add(lead, words, 0, False, FormKind.SHORT, person)
            lead, words = _split_lead(person.pseudonym.strip())
            self._add(lead, words, re.IGNORECASE, False, FormKind.SHORT, person)

    def _add(
        self,
        lead: str,
        words: list[str],
        flags: int,
        capitalised: bool,
        kind: FormKind,
        who: Named,
    ) -> None:
        if not words:
            return
        any_case = bool(flags & re.IGNORECASE)
        folded = tuple(w.lower() for w in words) if any_case else tuple(words)
        identity = (lead.lower() if any_case else lead, folded, any_case, capitalised, kind)
        form = self._forms.get(identity)
        if form is None:
            first = _WORD.match(words[0])
            if first is None:  # cannot happen: words start after the lead
                return
            form = _Form(lead, folded, any_case, capitalised, kind)
            self._forms[identity] = form
            key = first.group().lower()
            runs = _WORD.findall(" ".join(words)) if len(words) > 1 else []
            if len(runs) < 2:
                self._index.setdefault(key, []).append(form)
            else:  # looked up by its first two words: many people share a first name
                by_second = self._pairs.setdefault(key, {})
                by_second.setdefault(runs[1].lower(), []).append(form)
        if who.key not in form.owners:
            form.owners.append(who.key)

    def __bool__(self) -> bool:
        return bool(self._index or self._pairs)

    def matches(self, value: str) -> list[NameMatch]:
        """Every mention in ``value``, left to right, never overlapping."""
        if not self or not value:
            return []
        found: list[NameMatch] = []
        done = 0
        for word in _WORD.finditer(value):
            at = word.start()
            if at < done:
                continue
            key = word.group().lower()
            forms = self._index.get(key, [])
            if key.endswith("s") and key[:-1] in self._index:
                forms = forms + self._index[key[:-1]]
            pairs = self._pairs.get(key)
            if pairs and (following := _NEXT_WORD.match(value, word.end())):
                second = following.group(1).lower()
                forms = forms + pairs.get(second, [])
                if second.endswith("s") and second[:-1] in pairs:
                    forms = forms + pairs[second[:-1]]
            best: tuple[int, int, _Form] | None = None
            for form in forms:
                span = form.match(value, at, done)
                if span is not None and (best is None or span[1] - span[0] > best[1] - best[0]):
                    best = (span[0], span[1], form)
            if best is not None:
                start, end, form = best
                found.append(NameMatch(start, end, tuple(form.owners), form.kind))
                done = end
        return found

    def replace(
        self, value: str, replacement: Callable[[NameMatch], str | None]
    ) -> tuple[str, int]:
        """``value`` with each mention replaced by ``replacement(match)`` (None keeps
        it), and how many were replaced."""
        out: list[str] = []
        done = 0
        count = 0
        for m in self.matches(value):
            new = replacement(m)
            if new is None:
                continue
            out.append(value[done : m.start])
            out.append(new)
            done = m.end
            count += 1
        if not count:
            return value, 0
        out.append(value[done:])
        return "".join(out), count


# --- a session's people and its free text ----------------------------------------


def participant_key(index: int) -> str:
    """The matcher key of the participant at ``index`` in step 1 (never a person id:
    ids have no colon)."""
    return f"participant:{index}"


def session_people(session: Session) -> list[Named]:
    """Everyone a session names: staff (key: person id) and participants (key:
    :func:`participant_key`)."""
    people = [
        Named(p.id, p.name, p.initials, "" if p.initials.strip() else pseudonym(p.id))
        for p in session.staff
    ]
    # A participant who is also on the staff list is one person, known by their staff entry.
    staff_names = {" ".join(p.name.split()).lower() for p in session.staff}
    people += [
        Named(participant_key(i), p.name)
        for i, p in enumerate(session.frame.participants)
        if " ".join(p.name.split()).lower() not in staff_names
    ]
    return people


def session_matcher(session: Session, *, short_forms: bool = False) -> NameMatcher:
    """A matcher for everyone in a session (see :class:`NameMatcher`)."""
    return NameMatcher(session_people(session), short_forms=short_forms)


__all__ = [
    "FormKind",
    "NameMatch",
    "NameMatcher",
    "Named",
    "TextField",
    "TextPlace",
    "participant_key",
    "session_matcher",
    "session_people",
    "text_fields",
]
