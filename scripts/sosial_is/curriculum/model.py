"""The curriculum model: typed, validated by pydantic, free of I/O.

Language-neutral facts (codes, credits, hours, prerequisites, competencies, weights, readings)
live once, in YAML; the per-language Markdown carries prose only (``CourseText``). The schema
classes forbid unknown fields, so a typo such as ``credit:`` is a finding, not silently ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

HOURS_PER_CREDIT = 30  # 1 ECTS = 30 hours of student workload (ECTS Users' Guide: 25-30).
CODE_PATTERN = r"^[A-Z]{2,4}-\d{3}$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Level = Literal["I", "P", "D"]
LEVELS: tuple[Level, ...] = ("I", "P", "D")
AssessmentKind = Literal[
    "exam", "test", "essay", "presentation", "project", "portfolio", "case-study",
    "reflective-journal", "participation", "placement-report", "practical", "thesis",
]
ReferenceType = Literal["book", "article", "report", "web", "law", "convention", "standard",
                        "guideline", "chapter"]
CCPArea = Literal["communication", "case-management", "planning-monitoring"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


NonEmpty = Field(min_length=1)


class Localized(Strict):
    """A short text in each of the three languages."""

    tk: str = NonEmpty
    ru: str = NonEmpty
    en: str = NonEmpty

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class Framework(Strict):
    id: str = Field(pattern=ID_PATTERN)
    version: str
    title: Localized
    description: Localized


class Competency(Strict):
    id: str = Field(pattern=r"^C\d{1,2}$")
    title: Localized
    description: Localized
    grounded_in: list[str] = []
    cswe_2022: list[int] = []
    tm_ccp_2025: list[CCPArea] = []

    @field_validator("cswe_2022")
    @classmethod
    def _cswe_range(cls, value: list[int]) -> list[int]:
        bad = [n for n in value if not 1 <= n <= 9]
        if bad:
            raise ValueError(f"CSWE 2022 competencies are numbered 1-9, not {bad}")
        return value


class CompetencyFile(Strict):
    framework: Framework
    competencies: list[Competency] = Field(min_length=1)


class Hours(Strict):
    lecture: int = Field(ge=0)
    seminar: int = Field(ge=0)
    practice: int = Field(ge=0)
    independent: int = Field(ge=0)

    @property
    def total(self) -> int:
        return self.lecture + self.seminar + self.practice + self.independent

    @property
    def contact(self) -> int:
        return self.lecture + self.seminar + self.practice


class AssessmentItem(Strict):
    kind: AssessmentKind
    weight: int = Field(gt=0, le=100)


class CourseFacts(Strict):
    """course.yml: everything about a course that does not depend on the language."""

    code: str = Field(pattern=CODE_PATTERN)
    credits: int = Field(gt=0, le=60)
    hours: Hours
    prerequisites: list[str] = []
    competencies: dict[str, Level] = Field(min_length=1)
    assessment: list[AssessmentItem] = Field(min_length=1)
    readings: list[str] = []


class Semester(Strict):
    number: int = Field(ge=1, le=12)
    courses: list[str] = Field(min_length=1)


class Programme(Strict):
    id: str = Field(pattern=ID_PATTERN)
    kind: Literal["degree", "certificate"]
    title: Localized
    award: Localized
    summary: Localized
    total_credits: int = Field(gt=0)
    semester_credits: int | None = Field(default=None, gt=0)
    year_credits: int | None = Field(default=None, gt=0)
    semesters: list[Semester] = Field(min_length=1)


class Reference(Strict):
    id: str = Field(pattern=ID_PATTERN)
    type: ReferenceType
    authors: list[str] = Field(min_length=1)
    year: int | None = Field(default=None, ge=1800, le=2100)  # none for a living web page
    label: str | None = None  # short author label for in-text citations, e.g. "IFSW & IASSW"
    title: str = NonEmpty
    publisher: str | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    languages: list[str] = []
    edition: str | None = None
    note: Localized | None = None


class Avoid(Strict):
    """A variant the portal has decided against, with the reason (written in the term's language)
    and, for a longer phrase, what to write instead (else the entry's term)."""

    term: str = NonEmpty
    reason: str = NonEmpty
    use: str | None = None


class Term(Strict):
    """A glossary term in one language: the preferred ``term``, accepted forms (``also``) and
    the termbase's variants to avoid (``avoid``, reported in pages and courses by checks/terms.py)."""

    term: str = NonEmpty
    also: list[str] = []
    avoid: list[Avoid] = []
    definition: str = NonEmpty

    @field_validator("avoid")
    @classmethod
    def _avoid_distinct(cls, value: list[Avoid], info: ValidationInfo) -> list[Avoid]:
        accepted = [info.data.get("term") or "", *(info.data.get("also") or [])]
        seen: set[str] = set()
        for variant in value:
            key = " ".join(variant.term.casefold().split())
            if key in {" ".join(a.casefold().split()) for a in accepted}:
                raise ValueError(f"{variant.term!r} is the term or one of its 'also' forms: "
                                 "a variant to avoid cannot be accepted too")
            if key in seen:
                raise ValueError(f"{variant.term!r} is listed twice")
            seen.add(key)
        return value


class GlossaryEntry(Strict):
    id: str = Field(pattern=ID_PATTERN)
    status: Literal["agreed", "proposed"]
    source: str | None = None
    tk: Term
    ru: Term
    en: Term
    note: Localized | None = None

    def term(self, lang: str) -> Term:
        return getattr(self, lang)


class SearchSynonym(Strict):
    """Words readers search by that no page of the language uses (``reader``: single words, in
    a base form) and the site's own word or words for the same thing (``site``)."""

    reader: list[str] = Field(min_length=1)
    site: str = NonEmpty

    @field_validator("reader")
    @classmethod
    def _single_words(cls, value: list[str]) -> list[str]:
        for word in value:
            if not word.strip() or len(word.split()) != 1:
                raise ValueError(f"{word!r} is not one word: list each word a reader types "
                                 "separately")
        return value


class SearchSynonyms(Strict):
    """``curriculum/search-synonyms.yml``: per language, the reader words search takes as the
    site's words when no page uses them (docs/assets/search-worker.js)."""

    tk: list[SearchSynonym] = []
    ru: list[SearchSynonym] = []
    en: list[SearchSynonym] = []


# --- Prose parsed from the per-language Markdown (plain dataclasses: built by our parser) ---

SECTION_KEYS = ("description", "outcomes", "topics", "assessment")
# The fixed ``##`` headings of a course language file are translated words: locale/ui.yml,
# keys section_<key> (documented in CONTRIBUTING).
MIN_DESCRIPTION_WORDS = 120
MIN_OUTCOMES = 4


@dataclass
class Item:
    text: str
    line: int


@dataclass
class Section:
    key: str
    heading: str
    line: int
    body: str = ""
    items: list[Item] = field(default_factory=list)


@dataclass
class CourseText:
    lang: str
    path: str
    title: str
    title_line: int
    sections: dict[str, Section] = field(default_factory=dict)
    keywords: tuple[str, ...] = ()  # front matter: the words readers search the course by
    questions: tuple[str, ...] = ()  # front matter: what readers ask when the course is the answer

    @property
    def outcomes(self) -> list[Item]:
        return self.sections["outcomes"].items if "outcomes" in self.sections else []

    @property
    def topics(self) -> list[Item]:
        return self.sections["topics"].items if "topics" in self.sections else []

    def words(self, key: str) -> int:
        section = self.sections.get(key)
        return len(section.body.split()) if section else 0


@dataclass
class Course:
    facts: CourseFacts
    path: str  # course.yml, relative to the repository
    lines: dict  # path-in-yaml -> line
    texts: dict[str, CourseText] = field(default_factory=dict)
    # In an edition that changes some of the course's facts (curriculum/editions.py): top-level
    # key -> (the edition's course.yml, its lines), so findings point at the file that says it.
    origins: dict[str, tuple[str, dict]] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.facts.code

    def line(self, *loc) -> int:
        return self.at(*loc)[1]

    def at(self, *loc) -> tuple[str, int]:
        """The file and line of the fact at ``loc`` (("prerequisites", 2)); the course.yml of the
        edition that changed it, if one did."""
        path, lines = self.origins.get(loc[0], (self.path, self.lines)) if loc else (self.path, self.lines)
        loc = tuple(loc)
        while loc:
            if loc in lines:
                return path, lines[loc]
            loc = loc[:-1]
        return path, 1

    def title(self, lang: str) -> str:
        text = self.texts.get(lang) or next(iter(self.texts.values()), None)
        return text.title if text else self.code


@dataclass
class Placed:
    """Where a course sits in a programme."""

    programme: str
    semester: int


@dataclass
class Curriculum:
    """The whole validated curriculum of one edition. ``where`` maps (kind, id) to (file, line)."""

    edition: str = ""  # its academic year ("2026-2027"); "" when the project declares no editions
    framework: Framework | None = None
    competencies: dict[str, Competency] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    courses: dict[str, Course] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    # search-synonyms.yml, per language (empty when the file is absent); the line of each entry
    # is in ``where`` under ("search-synonym", "<lang>/<index>")
    search_synonyms: dict[str, list[SearchSynonym]] = field(default_factory=dict)
    where: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # kinds whose file failed to load: no cascades
    # Course folders that exist but whose course.yml could not be loaded ("known but broken"):
    # a prerequisite or programme entry naming one is not reported again.
    broken_courses: set[str] = field(default_factory=set)
    broken_programmes: set[str] = field(default_factory=set)  # file names (ids) that failed
    # The short texts of the YAML files that readers see on generated pages (competency and
    # programme titles, descriptions, summaries): (file, line, language, text), for the checks
    # that read prose (the termbase check) without parsing the YAML again.
    prose: list[tuple[str, int, str, str]] = field(default_factory=list)

    # Indexes built on first use (after loading): a per-course scan of every course made the
    # checks and page generation quadratic in the number of courses.
    @cached_property
    def _placements(self) -> dict[str, list[Placed]]:
        index: dict[str, list[Placed]] = {}
        for prog in self.programmes.values():
            for sem in prog.semesters:
                for code in sem.courses:
                    index.setdefault(code, []).append(Placed(prog.id, sem.number))
        return index

    @cached_property
    def _required_by(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for course in self.courses.values():
            for pre in course.facts.prerequisites:
                index.setdefault(pre, []).append(course.code)
        return {code: sorted(users) for code, users in index.items()}

    def placements(self, code: str) -> list[Placed]:
        return list(self._placements.get(code, []))

    def semester_of(self, code: str) -> int | None:
        places = self.placements(code)
        return places[0].semester if places else None

    def required_by(self, code: str) -> list[str]:
        return list(self._required_by.get(code, []))

    def credits(self, codes: list[str]) -> int:
        return sum(self.courses[c].facts.credits for c in codes if c in self.courses)
