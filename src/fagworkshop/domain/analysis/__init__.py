"""Competence gaps as numbers (kompetencehuller): coverage, qualification, gaps, change.

Pure Python, no Textual. Everything here is derived from a :class:`Session`
and one rating round (vurderingsrunde); nothing is stored. The screens of
step 5 (Kompetencehuller) and 7 (Opsamling) and every export read the same
:class:`Analysis`, so the numbers agree wherever they are shown.

The rules, once:

* **Which competences are analysed.** Included basic competences
  (``included is True``), every competence used in a local profile (unless it
  is a dropped element), and block elements the team kept. Undecided basics
  and unused undecided elements are left out: nobody has agreed on them yet.
  Order is session order: basics first, then elements block by block.
* **Target level** (målniveau). A basic's ``min_level`` when it is included,
  an element's ``target_level`` unless dropped; otherwise ``None`` (as
  :meth:`Session.target`). A competence without a target has nobody meeting
  or below it; its levels are still counted.
* **Relevance.** A competence is relevant for a person when it is in
  :meth:`Session.relevant_competences`: the included basics for everyone,
  plus the (not dropped) elements of the person's local profiles. Coverage
  counts only relevant people, so ``meets + below + unrated == relevant``
  whenever there is a target, and ``rated + unrated == relevant`` always.
* **Meets** means ``level >= target``; **below** means rated under target;
  **unrated** means no level in this round.
* **Unused** (har men bruger ikke): counted for everyone flagged, relevant or
  not, because a competence held outside one's job is what "moving tasks so
  unused competences get used" is about.
* **Single holder** (enkeltperson-afhængighed): exactly one relevant person
  meets the target.
* **Local profile qualification** is counted over the whole staff, not only
  the people linked to the profile: a person qualifies when every element
  with a target is met; a person is *close* when every such element is rated,
  exactly one is one level short and the rest are met. A profile with no
  targeted elements qualifies nobody. ``shortfall = max(0, needed -
  qualified)``.
* **Personal gaps** are the relevant competences with a target that the
  person is rated below; relevant targeted competences without a rating are
  listed separately as unrated, not as gaps.
* **The biggest gaps** (de største huller, :func:`biggest_gaps`): the
  competences with a target that at least one relevant person is rated
  below, most people below first, then most levels short in all
  (:attr:`CompetenceCoverage.levels_short`), then session order. Unrated
  people are not gaps here either. Steps 5, 6 and 7 and every export list
  them from this one function.

The code, by seam: :mod:`.cells` (heat-map cells, labels), :mod:`.index`
(the look-ups built once per session), :mod:`.coverage` (the
:class:`Analysis` of one round, the biggest gaps), :mod:`.comparison`
(change between rounds). Import from here; the public names are re-exported.
"""

from __future__ import annotations

from fagworkshop.domain.analysis.cells import (
    CellState,
    cell_text,
    classify,
    people_labels,
    person_label,
    pseudonym,
)
from fagworkshop.domain.analysis.comparison import (
    CompetenceChange,
    ProfileChange,
    RatingChange,
    RoundComparison,
    compare_rounds,
)
from fagworkshop.domain.analysis.coverage import (
    Analysis,
    CompetenceCoverage,
    Gap,
    PersonGaps,
    ProfileQualification,
    UnusedCompetence,
    analyse,
    biggest_gaps,
)
from fagworkshop.domain.analysis.index import (
    CompetenceInfo,
    CompetenceKind,
    SessionIndex,
    build_index,
)

__all__ = [
    "Analysis",
    "CellState",
    "CompetenceChange",
    "CompetenceCoverage",
    "CompetenceInfo",
    "CompetenceKind",
    "Gap",
    "PersonGaps",
    "ProfileChange",
    "ProfileQualification",
    "RatingChange",
    "RoundComparison",
    "SessionIndex",
    "UnusedCompetence",
    "analyse",
    "biggest_gaps",
    "build_index",
    "cell_text",
    "classify",
    "compare_rounds",
    "people_labels",
    "person_label",
    "pseudonym",
]
