"""Rules over the loaded curriculum model: one function per rule, each returning findings.

The schema (types, allowed fields, value ranges) is pydantic's job in ``model.py``; the rules here
are the ones that need the whole curriculum: cross-references, sums, order and language parity.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable

from ..core.findings import Finding, finding
from ..markdown.scanner import PLACEHOLDER
from .loader import section_headings
from .model import HOURS_PER_CREDIT, LEVELS, MIN_DESCRIPTION_WORDS, MIN_OUTCOMES, SECTION_KEYS, Curriculum

Rule = Callable[[Curriculum], Iterable[Finding]]


def _place(cur: Curriculum, kind: str, key: str) -> tuple[str, int]:
    return cur.where.get((kind, key), ("curriculum", 0))


def unknown_references(cur: Curriculum) -> Iterable[Finding]:
    """Every id a course, competency or glossary entry names must exist."""
    for course in cur.courses.values():
        for i, code in enumerate(course.facts.prerequisites):
            if code not in cur.courses and code not in cur.broken_courses:
                yield finding(*course.at("prerequisites", i), "PREREQ-UNKNOWN",
                              code=course.code, prereq=code, suggestion=guess(code, cur.courses))
            if code == course.code:
                yield finding(*course.at("prerequisites", i), "PREREQ-SELF",
                              code=code)
        for comp in course.facts.competencies:
            if comp not in cur.competencies and "competency" not in cur.broken:
                yield finding(*course.at("competencies", comp), "COMPETENCY-UNKNOWN",
                              id=comp, suggestion=guess(comp, cur.competencies))
        for i, ref in enumerate(course.facts.readings):
            if ref not in cur.references and "reference" not in cur.broken:
                yield finding(*course.at("readings", i), "REFERENCE-UNKNOWN",
                              id=ref, suggestion=guess(ref, cur.references))
    for comp in cur.competencies.values():
        for ref in comp.grounded_in:
            if ref not in cur.references and "reference" not in cur.broken:
                path, line = _place(cur, "competency", comp.id)
                yield finding(path, line, "REFERENCE-UNKNOWN", id=ref,
                              suggestion=guess(ref, cur.references))
    for entry in cur.glossary.values():
        if entry.source and entry.source not in cur.references and "reference" not in cur.broken:
            path, line = _place(cur, "glossary", entry.id)
            yield finding(path, line, "REFERENCE-UNKNOWN", id=entry.source,
                          suggestion=guess(entry.source, cur.references))


def programme_courses(cur: Curriculum) -> Iterable[Finding]:
    """Programmes list known courses, each once; every course is in some programme."""
    placed: set[str] = set()
    for prog in cur.programmes.values():
        seen: dict[str, int] = {}
        numbers = [s.number for s in prog.semesters]
        for sem in prog.semesters:
            if numbers.count(sem.number) > 1:
                path, line = _place(cur, "semester", f"{prog.id}/{sem.number}")
                yield finding(path, line, "SEMESTER-DUPLICATE", programme=prog.id,
                              semester=sem.number)
            for code in sem.courses:
                path, line = _place(cur, "placement", f"{prog.id}/{code}")
                if code not in cur.courses and code not in cur.broken_courses:
                    yield finding(path, line, "PROGRAMME-COURSE-UNKNOWN", code=code,
                                  programme=prog.id, suggestion=guess(code, cur.courses))
                if code in seen:
                    yield finding(path, line, "PROGRAMME-COURSE-TWICE", code=code,
                                  programme=prog.id, first=seen[code])
                seen[code] = sem.number
                placed.add(code)
    for course in cur.courses.values():
        if course.code not in placed and "programme" not in cur.broken:
            yield finding(*course.at("code"), "COURSE-ORPHAN", code=course.code)


def prerequisite_order(cur: Curriculum) -> Iterable[Finding]:
    """A prerequisite must be taken in an earlier semester of every programme with both."""
    for prog in cur.programmes.values():
        semester = {code: s.number for s in prog.semesters for code in s.courses}
        for code, number in semester.items():
            course = cur.courses.get(code)
            if course is None:
                continue
            for i, pre in enumerate(course.facts.prerequisites):
                if pre in semester and semester[pre] >= number:
                    yield finding(*course.at("prerequisites", i), "PREREQ-ORDER",
                                  code=code, prereq=pre, programme=prog.id, semester=number,
                                  prereq_semester=semester[pre])


def prerequisite_cycles(cur: Curriculum) -> Iterable[Finding]:
    """Prerequisites must not loop; each cycle is reported once, naming every course in it."""
    graph = {c.code: [p for p in c.facts.prerequisites if p in cur.courses and p != c.code]
             for c in cur.courses.values()}
    colour: dict[str, int] = {}
    stack: list[str] = []
    reported: set[frozenset[str]] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        colour[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if colour.get(nxt, 0) == 0:
                visit(nxt)
            elif colour[nxt] == 1:
                cycle = stack[stack.index(nxt):]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    found.append(cycle)
        stack.pop()
        colour[node] = 2

    for node in sorted(graph):
        if colour.get(node, 0) == 0:
            visit(node)
    for cycle in found:
        first = min(cycle)
        start = cycle.index(first)
        ordered = cycle[start:] + cycle[:start]
        course = cur.courses[first]
        idx = course.facts.prerequisites.index(ordered[1] if len(ordered) > 1 else first)
        yield finding(*course.at("prerequisites", idx), "PREREQ-CYCLE",
                      cycle=" → ".join(ordered + [first]))


def assessment_weights(cur: Curriculum) -> Iterable[Finding]:
    for course in cur.courses.values():
        total = sum(a.weight for a in course.facts.assessment)
        if total != 100:
            yield finding(*course.at("assessment"), "WEIGHTS-SUM",
                          code=course.code, total=total)
        kinds = [a.kind for a in course.facts.assessment]
        for i, kind in enumerate(kinds):
            if kinds.index(kind) != i:
                yield finding(*course.at("assessment", i), "ASSESSMENT-TWICE",
                              kind=kind)


def hours_match_credits(cur: Curriculum) -> Iterable[Finding]:
    for course in cur.courses.values():
        want = course.facts.credits * HOURS_PER_CREDIT
        got = course.facts.hours.total
        if got != want:
            yield finding(*course.at("hours"), "HOURS-CREDITS", code=course.code,
                          hours=got, credits=course.facts.credits, expected=want,
                          per_credit=HOURS_PER_CREDIT)


def credit_totals(cur: Curriculum) -> Iterable[Finding]:
    for prog in cur.programmes.values():
        if any(c in cur.broken_courses for s in prog.semesters for c in s.courses):
            continue  # a course that failed to load has no known credits: no follow-on errors
        path, _ = _place(cur, "programme", prog.id)
        per_sem = {s.number: cur.credits(s.courses) for s in prog.semesters}
        for sem in prog.semesters:
            if prog.semester_credits and per_sem[sem.number] != prog.semester_credits:
                sem_path, line = _place(cur, "semester", f"{prog.id}/{sem.number}")
                yield finding(sem_path, line, "SEMESTER-CREDITS", programme=prog.id,
                              semester=sem.number, credits=per_sem[sem.number],
                              expected=prog.semester_credits)
        if prog.year_credits:
            for year in sorted({(n + 1) // 2 for n in per_sem}):
                got = per_sem.get(2 * year - 1, 0) + per_sem.get(2 * year, 0)
                if got != prog.year_credits:
                    sem_path, line = _place(cur, "semester", f"{prog.id}/{2 * year - 1}")
                    yield finding(sem_path, line, "YEAR-CREDITS", programme=prog.id, year=year,
                                  credits=got, expected=prog.year_credits)
        total = sum(per_sem.values())
        if total != prog.total_credits:
            yield finding(path, 1, "PROGRAMME-CREDITS", programme=prog.id, credits=total,
                          expected=prog.total_credits)


def language_parity(cur: Curriculum) -> Iterable[Finding]:
    """The three language files of a course have the same sections and item counts."""
    for course in cur.courses.values():
        texts = course.texts
        if not texts:
            continue
        for lang, text in texts.items():
            for key in SECTION_KEYS:
                if key not in text.sections:
                    yield finding(text.path, text.title_line, "COURSE-SECTION-MISSING",
                                  heading=section_headings(lang)[key], lang=lang)
        ref_lang = "tk" if "tk" in texts else next(iter(texts))
        ref = texts[ref_lang]
        for lang, text in texts.items():
            if lang == ref_lang:
                continue
            for key, label in (("outcomes", "COURSE-OUTCOMES-DIFFER"),
                               ("topics", "COURSE-TOPICS-DIFFER")):
                if key in text.sections and key in ref.sections:
                    mine, theirs = len(text.sections[key].items), len(ref.sections[key].items)
                    if mine != theirs:
                        yield finding(text.path, text.sections[key].line, label, count=mine,
                                      ref_count=theirs, ref=ref.path)


def prose_completeness(cur: Curriculum) -> Iterable[Finding]:
    """Enough prose to publish: description length, outcomes, topics, no placeholders."""
    for course in cur.courses.values():
        for _lang, text in course.texts.items():
            if "description" in text.sections:
                words = text.words("description")
                if words < MIN_DESCRIPTION_WORDS:
                    yield finding(text.path, text.sections["description"].line,
                                  "COURSE-DESCRIPTION-SHORT", words=words,
                                  minimum=MIN_DESCRIPTION_WORDS)
            if "outcomes" in text.sections and len(text.outcomes) < MIN_OUTCOMES:
                yield finding(text.path, text.sections["outcomes"].line, "COURSE-OUTCOMES-FEW",
                              count=len(text.outcomes), minimum=MIN_OUTCOMES)
            if "topics" in text.sections and not text.topics:
                yield finding(text.path, text.sections["topics"].line, "COURSE-TOPICS-EMPTY")
            if "assessment" in text.sections and not text.sections["assessment"].body.strip():
                yield finding(text.path, text.sections["assessment"].line,
                              "COURSE-ASSESSMENT-EMPTY")
            for section in text.sections.values():
                for offset, line in enumerate(section.body.splitlines(), start=1):
                    if PLACEHOLDER in line:
                        yield finding(text.path, section.line + offset, "PLACEHOLDER",
                                      marker=PLACEHOLDER)
            if PLACEHOLDER in text.title:
                yield finding(text.path, text.title_line, "PLACEHOLDER", marker=PLACEHOLDER)


def competency_coverage(cur: Curriculum) -> Iterable[Finding]:
    """Each competency should be introduced, practised and demonstrated in every degree."""
    if cur.broken or cur.broken_courses:
        return
    for prog in cur.programmes.values():
        if prog.kind != "degree":
            continue
        codes = [c for s in prog.semesters for c in s.courses if c in cur.courses]
        levels: dict[str, set[str]] = defaultdict(set)
        for code in codes:
            for comp, level in cur.courses[code].facts.competencies.items():
                levels[comp].add(level)
        for comp in cur.competencies:
            missing = [lvl for lvl in LEVELS if lvl not in levels[comp]]
            if missing:
                path, line = _place(cur, "competency", comp)
                yield finding(path, line, "COMPETENCY-COVERAGE", id=comp, programme=prog.id,
                              missing="/".join(missing))


RULES: tuple[Rule, ...] = (
    unknown_references, programme_courses, prerequisite_order, prerequisite_cycles,
    assessment_weights, hours_match_credits, credit_totals, language_parity,
    prose_completeness, competency_coverage,
)


def validate(cur: Curriculum) -> list[Finding]:
    return [f for rule in RULES for f in rule(cur)]


def guess(value: str, known: Iterable[str]) -> str:
    """The closest known id to ``value`` ("" when none is close): the "did you mean" of a hint."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
    return match[0] if match else ""
