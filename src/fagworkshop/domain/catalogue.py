"""Competence catalogues (kompetencekataloger): the data a workshop starts from.

A catalogue holds a level scale, basic competences (basiskompetencer) grouped
in themes, specialised building blocks (fagprofiler as kompetence-byggeklodser)
made of elements, and optionally courses that serve competences. Built-in
catalogues live in ``profiles/`` as TOML; a team's own file validates the same
way.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)

from fagworkshop.domain.text import clean_line, clean_text

#: Ids are TOML bare keys so a session file stays readable: ``b-lovgivning``.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
#: Free text (notes, descriptions): cleaned of control characters on entry.
Text = Annotated[str, StringConstraints(max_length=200_000), AfterValidator(clean_text)]
#: One-line text that may be empty (names, roles, units).
Line = Annotated[str, StringConstraints(max_length=2_000), AfterValidator(clean_line)]


def _non_empty(s: str) -> str:
    if not s.strip():
        raise ValueError("must not be empty")
    return s


#: One-line text that must not be empty (titles).
Title = Annotated[
    str, StringConstraints(max_length=2_000), AfterValidator(clean_line), AfterValidator(_non_empty)
]

#: A level on a scale (niveau): a whole number, never a bool, a string or a float.
LevelNumber = Annotated[int, Strict(), Field(ge=0, le=9)]
#: A whole number read from a file (a version, a step, a count): strict as levels.
WholeNumber = Annotated[int, Strict()]
#: Yes or no, never 1, "true" or "yes".
YesNo = Annotated[bool, Strict()]

CATALOGUE_SCHEMA_VERSION = 1


class Model(BaseModel):
    """Base for everything saved: unknown keys are errors, not silently lost."""

    model_config = ConfigDict(extra="forbid", validate_default=False)


class Level(Model):
    """One step of the level scale (niveau), e.g. 3 "Selvstændig"."""

    level: LevelNumber
    label: Title
    meaning: Text = ""


class Theme(Model):
    """A group of basic competences (tema), e.g. "Myndighed og lovgivning"."""

    id: Id
    title: Title
    description: Text = ""


class ElementKind(StrEnum):
    """Whether a building-block element is a task (opgave) or a competence."""

    TASK = "task"
    COMPETENCE = "competence"


class Priority(StrEnum):
    """Priority (prioritet) of a basic competence."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class CatalogueItem(Model):
    """What every competence in a catalogue has: id, title, description, source.

    ``local_elaboration`` (lokal uddybning) marks an item the catalogue's
    authors worked out themselves, or built from another publication than the
    one the profile comes from, so a team can tell the publisher's text from
    the elaboration; ``source`` then names every publication it draws on.
    Optional: left out (None) means the item is the publication's own.
    """

    id: Id
    title: Title
    description: Text = ""
    source: Text = ""
    local_elaboration: YesNo | None = None


class BasicItem(CatalogueItem):
    """A basic competence (basiskompetence) that the staff group as a whole may need.

    ``min_level`` is a suggested minimum level and ``priority`` a suggested
    priority; a catalogue exported from an agreed workshop carries the ones
    that team chose.
    """

    theme: Id
    min_level: LevelNumber | None = None
    priority: Priority | None = None


class ElementItem(CatalogueItem):
    """An element of a building block: a task or a competence.

    ``target_level`` is a suggested target, as for ``BasicItem.min_level``.
    """

    kind: ElementKind = ElementKind.COMPETENCE
    target_level: LevelNumber | None = None


class BlockItem(Model):
    """A specialised building block (fagprofil / kompetence-byggeklods)."""

    id: Id
    title: Title
    description: Text = ""
    source: Text = ""
    elements: list[ElementItem] = Field(default_factory=list)


class CourseKind(StrEnum):
    """Kinds of learning a course offers (uddannelse, kursus, læring i jobbet)."""

    EDUCATION = "education"
    COURSE = "course"
    ON_THE_JOB = "on_the_job"


class Course(Model):
    """A kind of education or course that serves some competences."""

    id: Id
    name: Title
    kind: CourseKind
    description: Text = ""
    serves: list[Id] = Field(default_factory=list)
    source: Text = ""


def default_levels() -> list[Level]:
    """The usual 0-4 scale, used when a catalogue gives none of its own."""
    return [
        Level(level=0, label="Intet kendskab", meaning="Kender ikke området."),
        Level(level=1, label="Kender til", meaning="Ved, hvad området handler om."),
        Level(level=2, label="Med støtte", meaning="Kan anvende det med sparring eller støtte."),
        Level(level=3, label="Selvstændig", meaning="Arbejder selvstændigt og sikkert med det."),
        Level(level=4, label="Ekspert", meaning="Ekspert, der lærer fra sig og udvikler området."),
    ]


class Catalogue(Model):
    """A whole catalogue file: scale, themes, basic competences, blocks, courses.

    ``choices_made`` is true in a catalogue exported from a workshop (its agreed
    local profiles): its basic competences are the ones that team included and
    its elements the ones it kept, so a workshop started from it starts with
    them included and kept rather than undecided.
    """

    schema_version: WholeNumber = CATALOGUE_SCHEMA_VERSION
    id: Id
    title: Title
    description: Text = ""
    source: Text = ""
    choices_made: YesNo | None = None
    levels: list[Level] = Field(default_factory=default_levels)
    themes: list[Theme] = Field(default_factory=list)
    basic: list[BasicItem] = Field(default_factory=list)
    blocks: list[BlockItem] = Field(default_factory=list)
    courses: list[Course] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_references(self) -> Catalogue:
        problems = catalogue_problems(self)
        if problems:
            raise ValueError("; ".join(f"{where}: {what}" for where, what in problems))
        return self

    def competence_ids(self) -> list[str]:
        """Every basic competence and block element id, in catalogue order."""
        ids = [b.id for b in self.basic]
        for block in self.blocks:
            ids.extend(e.id for e in block.elements)
        return ids

    def counts(self) -> dict[str, int]:
        """Item counts for summaries: basic, blocks, elements, courses, levels."""
        return {
            "basic": len(self.basic),
            "blocks": len(self.blocks),
            "elements": sum(len(b.elements) for b in self.blocks),
            "courses": len(self.courses),
            "levels": len(self.levels),
        }


def catalogue_problems(cat: Catalogue) -> list[tuple[str, str]]:
    """Cross-references a schema cannot express: unique ids, known themes, a sane scale.

    Returns ``(place, problem)`` pairs; empty when the catalogue is sound.
    """
    problems: list[tuple[str, str]] = []
    levels = [lv.level for lv in cat.levels]
    if not levels:
        problems.append(("levels", "the level scale is empty"))
    elif sorted(levels) != list(range(min(levels), max(levels) + 1)) or len(set(levels)) != len(
        levels
    ):
        problems.append(("levels", f"levels must be consecutive and unique, got {levels}"))
    theme_ids = {t.id for t in cat.themes}
    seen: dict[str, str] = {}

    def claim(item_id: str, where: str) -> None:
        if item_id in seen:
            problems.append((where, f"duplicate id '{item_id}' (also at {seen[item_id]})"))
        else:
            seen[item_id] = where

    for i, t in enumerate(cat.themes):
        claim(t.id, f"themes[{i}]")
    scale = set(levels)

    def check_level(value: int | None, where: str) -> None:
        if value is not None and scale and value not in scale:
            problems.append((where, f"level {value} is outside the scale {sorted(scale)}"))

    for i, b in enumerate(cat.basic):
        claim(b.id, f"basic[{i}]")
        if b.theme not in theme_ids:
            problems.append((f"basic[{i}].theme", f"unknown theme '{b.theme}'"))
        check_level(b.min_level, f"basic[{i}].min_level")
    for i, block in enumerate(cat.blocks):
        claim(block.id, f"blocks[{i}]")
        for j, e in enumerate(block.elements):
            claim(e.id, f"blocks[{i}].elements[{j}]")
            check_level(e.target_level, f"blocks[{i}].elements[{j}].target_level")
    competences = set(cat.competence_ids())
    for i, c in enumerate(cat.courses):
        claim(c.id, f"courses[{i}]")
        for ref in c.serves:
            if ref not in competences:
                problems.append((f"courses[{i}].serves", f"unknown competence '{ref}'"))
    return problems
