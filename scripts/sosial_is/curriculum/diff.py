"""What changed between two editions of the curriculum, course by course.

:func:`diff` compares two loaded curricula (two editions, or the base branch and a pull request)
and returns plain data: courses added, removed, renamed and moved; credit, hour, prerequisite,
competency-level, assessment and reading changes; outcome and weekly-topic changes per language
with a word diff; revised descriptions; programme totals; and competency coverage (how many
courses of each degree introduce, practise and demonstrate each competency) before and after.
The "what changed" pages, the course pages' own change lists, the machine-readable diff and the
pull-request summary are all made from it.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..core.languages import LANGS
from .model import LEVELS, Course, Curriculum, Localized

WORD = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class ItemChange:
    """One numbered item (an outcome or a week's topic) added, removed or reworded."""

    op: str  # "added", "removed" or "changed"
    old: str = ""
    new: str = ""
    old_no: int = 0  # 1-based position in the old list (0: none)
    new_no: int = 0

    def words(self) -> list[tuple[str, str]]:
        """The reworded item as (op, text) runs: "=" same, "-" deleted, "+" inserted."""
        return word_diff(self.old, self.new)


@dataclass
class CourseDiff:
    code: str
    status: str  # "added", "removed" or "changed"
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> (old, new), renamed
    title: dict[str, str] = field(default_factory=dict)  # lang -> the title to show
    placements: list[tuple[str, int | None, int | None]] = field(default_factory=list)
    credits: tuple[int, int] | None = None
    hours: dict[str, tuple[int, int]] = field(default_factory=dict)
    prerequisites_added: list[str] = field(default_factory=list)
    prerequisites_removed: list[str] = field(default_factory=list)
    competencies: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    assessment: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    readings_added: list[str] = field(default_factory=list)
    readings_removed: list[str] = field(default_factory=list)
    outcomes: dict[str, list[ItemChange]] = field(default_factory=dict)
    topics: dict[str, list[ItemChange]] = field(default_factory=dict)
    revised: dict[str, list[str]] = field(default_factory=dict)  # lang -> ["description", "assessment"]
    rationale: Localized | None = None

    @property
    def moved(self) -> bool:
        return any(old is not None and new is not None for _, old, new in self.placements)

    def kinds(self) -> list[str]:
        """The kinds of change, in the order the pages list them."""
        if self.status != "changed":
            return [self.status]
        out = []
        checks = [("renamed", self.titles), ("moved", self.placements), ("credits", self.credits),
                  ("hours", self.hours),
                  ("prerequisites", self.prerequisites_added or self.prerequisites_removed),
                  ("competencies", self.competencies), ("assessment", self.assessment),
                  ("readings", self.readings_added or self.readings_removed),
                  ("outcomes", self.outcomes), ("topics", self.topics), ("revised", self.revised)]
        for name, value in checks:
            if value:
                out.append(name)
        return out


@dataclass
class ProgrammeDiff:
    id: str
    status: str  # "added", "removed" or "changed"
    title: dict[str, str] = field(default_factory=dict)
    fields: dict[str, tuple[object, object]] = field(default_factory=dict)  # total_credits …
    semester_credits: dict[int, tuple[int, int]] = field(default_factory=dict)  # changed sums
    rationale: Localized | None = None


@dataclass
class Coverage:
    """Per degree and competency: courses at each level (I, P, D), before and after."""

    programme: str
    before: dict[str, dict[str, int]]
    after: dict[str, dict[str, int]]

    def changed(self) -> list[str]:
        return [c for c in self.after if self.before.get(c) != self.after.get(c)]


@dataclass
class EditionDiff:
    old: str
    new: str
    courses: list[CourseDiff] = field(default_factory=list)
    programmes: list[ProgrammeDiff] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)

    def course(self, code: str) -> CourseDiff | None:
        return next((c for c in self.courses if c.code == code), None)

    @property
    def empty(self) -> bool:
        return not self.courses and not self.programmes

    def counts(self) -> dict[str, int]:
        """How many courses each kind of change touches."""
        out: dict[str, int] = {}
        for course in self.courses:
            for kind in course.kinds():
                out[kind] = out.get(kind, 0) + 1
        return out


# --- Comparing ---------------------------------------------------------------------------------

def diff(old: Curriculum, new: Curriculum, rationale: dict[str, Localized] | None = None) -> EditionDiff:
    """Everything that differs between ``old`` and ``new``; ``rationale``: why, per course code
    or programme id (the newer edition's edition.yml)."""
    rationale = rationale or {}
    out = EditionDiff(old.edition, new.edition)
    for code in sorted(set(old.courses) | set(new.courses)):
        a, b = old.courses.get(code), new.courses.get(code)
        change = _course(code, a, b, old, new)
        if change is not None:
            change.rationale = rationale.get(code) or _placement_rationale(change, rationale)
            out.courses.append(change)
    for prog_id in sorted(set(old.programmes) | set(new.programmes)):
        change = _programme(prog_id, old, new)
        if change is not None:
            change.rationale = rationale.get(prog_id)
            out.programmes.append(change)
    for prog_id in sorted(set(old.programmes) & set(new.programmes)):
        if new.programmes[prog_id].kind == "degree":
            out.coverage.append(Coverage(prog_id, coverage(old, prog_id), coverage(new, prog_id)))
    return out


def _placement_rationale(change: CourseDiff, rationale: dict[str, Localized]) -> Localized | None:
    """A course that only moved may be explained by its programme's rationale."""
    if change.kinds() == ["moved"]:
        for prog, _, _ in change.placements:
            if prog in rationale:
                return rationale[prog]
    return None


def _titles(course: Course) -> dict[str, str]:
    return {lang: course.texts[lang].title for lang in LANGS if lang in course.texts}


def _course(code: str, a: Course | None, b: Course | None, old: Curriculum,
            new: Curriculum) -> CourseDiff | None:
    if a is None and b is not None:
        return CourseDiff(code, "added", title=_titles(b),
                          placements=[(p.programme, None, p.semester) for p in new.placements(code)])
    if b is None and a is not None:
        return CourseDiff(code, "removed", title=_titles(a),
                          placements=[(p.programme, p.semester, None) for p in old.placements(code)])
    assert a is not None and b is not None
    change = CourseDiff(code, "changed", title=_titles(b))
    for lang in LANGS:
        ta, tb = a.texts.get(lang), b.texts.get(lang)
        if ta and tb and ta.title != tb.title:
            change.titles[lang] = (ta.title, tb.title)
    before = {p.programme: p.semester for p in old.placements(code)}
    after = {p.programme: p.semester for p in new.placements(code)}
    change.placements = [(prog, before.get(prog), after.get(prog))
                         for prog in sorted(set(before) | set(after)) if before.get(prog) != after.get(prog)]
    fa, fb = a.facts, b.facts
    if fa.credits != fb.credits:
        change.credits = (fa.credits, fb.credits)
    for kind in ("lecture", "seminar", "practice", "independent"):
        ha, hb = getattr(fa.hours, kind), getattr(fb.hours, kind)
        if ha != hb:
            change.hours[kind] = (ha, hb)
    change.prerequisites_added = [c for c in fb.prerequisites if c not in fa.prerequisites]
    change.prerequisites_removed = [c for c in fa.prerequisites if c not in fb.prerequisites]
    for comp in sorted(set(fa.competencies) | set(fb.competencies), key=_comp_key):
        la, lb = fa.competencies.get(comp), fb.competencies.get(comp)
        if la != lb:
            change.competencies[comp] = (la, lb)
    wa = {x.kind: x.weight for x in fa.assessment}
    wb = {x.kind: x.weight for x in fb.assessment}
    for kind in list(wa) + [k for k in wb if k not in wa]:
        if wa.get(kind) != wb.get(kind):
            change.assessment[kind] = (wa.get(kind), wb.get(kind))
    change.readings_added = [r for r in fb.readings if r not in fa.readings]
    change.readings_removed = [r for r in fa.readings if r not in fb.readings]
    for lang in LANGS:
        ta, tb = a.texts.get(lang), b.texts.get(lang)
        if ta is None or tb is None or ta is tb:
            continue
        outcomes = item_changes([i.text for i in ta.outcomes], [i.text for i in tb.outcomes])
        topics = item_changes([i.text for i in ta.topics], [i.text for i in tb.topics])
        if outcomes:
            change.outcomes[lang] = outcomes
        if topics:
            change.topics[lang] = topics
        revised = [key for key in ("description", "assessment")
                   if _body(ta, key) != _body(tb, key)]
        if revised:
            change.revised[lang] = revised
    return change if change.kinds() else None


def _body(text, key: str) -> str:
    section = text.sections.get(key)
    return " ".join(section.body.split()) if section else ""


def _comp_key(comp: str) -> tuple[int, str]:
    digits = "".join(ch for ch in comp if ch.isdigit())
    return (int(digits) if digits else 0, comp)


def _programme(prog_id: str, old: Curriculum, new: Curriculum) -> ProgrammeDiff | None:
    a, b = old.programmes.get(prog_id), new.programmes.get(prog_id)
    if a is None and b is not None:
        return ProgrammeDiff(prog_id, "added", title={lg: b.title.get(lg) for lg in LANGS})
    if b is None and a is not None:
        return ProgrammeDiff(prog_id, "removed", title={lg: a.title.get(lg) for lg in LANGS})
    assert a is not None and b is not None
    change = ProgrammeDiff(prog_id, "changed", title={lg: b.title.get(lg) for lg in LANGS})
    for key in ("total_credits", "semester_credits", "year_credits"):
        if getattr(a, key) != getattr(b, key):
            change.fields[key] = (getattr(a, key), getattr(b, key))
    for key in ("title", "award"):
        va, vb = getattr(a, key), getattr(b, key)
        if va != vb:
            change.fields[key] = (va, vb)
    sums_a = {s.number: old.credits(s.courses) for s in a.semesters}
    sums_b = {s.number: new.credits(s.courses) for s in b.semesters}
    for number in sorted(set(sums_a) | set(sums_b)):
        if sums_a.get(number, 0) != sums_b.get(number, 0):
            change.semester_credits[number] = (sums_a.get(number, 0), sums_b.get(number, 0))
    return change if change.fields or change.semester_credits else None


def coverage(cur: Curriculum, prog_id: str) -> dict[str, dict[str, int]]:
    """competency -> level -> how many courses of the programme are at that level."""
    prog = cur.programmes[prog_id]
    out = {comp: dict.fromkeys(LEVELS, 0) for comp in cur.competencies}
    for sem in prog.semesters:
        for code in sem.courses:
            course = cur.courses.get(code)
            if course is None:
                continue
            for comp, level in course.facts.competencies.items():
                out.setdefault(comp, dict.fromkeys(LEVELS, 0))[level] += 1
    return out


# --- Lists and words -----------------------------------------------------------------------------

def item_changes(old: list[str], new: list[str]) -> list[ItemChange]:
    """Items added, removed or reworded between two numbered lists (unchanged ones left out)."""
    out: list[ItemChange] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            out += _pair(old, new, range(i1, i2), range(j1, j2))
        elif op == "delete":
            out += [ItemChange("removed", old=old[i], old_no=i + 1) for i in range(i1, i2)]
        else:
            out += [ItemChange("added", new=new[j], new_no=j + 1) for j in range(j1, j2)]
    return out


#: How alike two items must be (difflib's ratio over their words) to be shown as one reworded item
#: rather than one removed and one added.
SIMILAR = 0.5


def _pair(old: list[str], new: list[str], olds: range, news: range) -> list[ItemChange]:
    """Within a block of differing items, pair each old item with the most similar new one (if
    alike enough, best pairs first, keeping their order); the rest are removed or added."""
    scores = sorted(((difflib.SequenceMatcher(a=WORD.findall(old[i]), b=WORD.findall(new[j]),
                                              autojunk=False).ratio(), i, j)
                     for i in olds for j in news), reverse=True)
    pairs: dict[int, int] = {}
    for score, i, j in scores:
        if score < SIMILAR or i in pairs or j in pairs.values():
            continue
        if any((i2 < i) != (j2 < j) for i2, j2 in pairs.items()):
            continue  # pairs must not cross: the lists keep their order
        pairs[i] = j
    out = [ItemChange("changed", old[i], new[j], i + 1, j + 1) for i, j in sorted(pairs.items())]
    out += [ItemChange("removed", old=old[i], old_no=i + 1) for i in olds if i not in pairs]
    out += [ItemChange("added", new=new[j], new_no=j + 1) for j in news if j not in pairs.values()]
    def place(change: ItemChange) -> float:  # a removed item after the item that preceded it
        if change.op != "removed":
            return change.new_no
        before = [pairs[i] + 1 for i in pairs if i < change.old_no - 1]
        return max(before, default=news.start) + 0.5
    return sorted(out, key=place)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` → ``new`` as runs of unchanged ("="), deleted ("-") and inserted ("+") words."""
    a, b = WORD.findall(old), WORD.findall(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


# --- Machine-readable --------------------------------------------------------------------------

def to_json(change: EditionDiff) -> dict:
    """The diff as JSON data (``data/editions/changes-<new>.json``, the pull-request summary)."""
    def localized(value: Localized | None) -> dict | None:
        return value.model_dump() if value is not None else None

    courses = []
    for c in change.courses:
        entry: dict = {"code": c.code, "status": c.status, "kinds": c.kinds(), "title": c.title}
        if c.titles:
            entry["renamed"] = {lg: {"old": o, "new": n} for lg, (o, n) in c.titles.items()}
        if c.placements:
            entry["placements"] = [{"programme": p, "old_semester": o, "new_semester": n}
                                   for p, o, n in c.placements]
        if c.credits:
            entry["credits"] = {"old": c.credits[0], "new": c.credits[1]}
        if c.hours:
            entry["hours"] = {k: {"old": o, "new": n} for k, (o, n) in c.hours.items()}
        if c.prerequisites_added or c.prerequisites_removed:
            entry["prerequisites"] = {"added": c.prerequisites_added, "removed": c.prerequisites_removed}
        if c.competencies:
            entry["competencies"] = {k: {"old": o, "new": n} for k, (o, n) in c.competencies.items()}
        if c.assessment:
            entry["assessment"] = {k: {"old": o, "new": n} for k, (o, n) in c.assessment.items()}
        if c.readings_added or c.readings_removed:
            entry["readings"] = {"added": c.readings_added, "removed": c.readings_removed}
        for key, value in (("outcomes", c.outcomes), ("topics", c.topics)):
            if value:
                entry[key] = {lg: [{"op": i.op, "old": i.old or None, "new": i.new or None,
                                    "old_no": i.old_no or None, "new_no": i.new_no or None}
                                   for i in items] for lg, items in value.items()}
        if c.revised:
            entry["revised"] = c.revised
        entry["rationale"] = localized(c.rationale)
        courses.append(entry)
    programmes = [{"id": p.id, "status": p.status,
                   "fields": {k: {"old": _plain(o), "new": _plain(n)} for k, (o, n) in p.fields.items()},
                   "semester_credits": {str(k): {"old": o, "new": n}
                                        for k, (o, n) in p.semester_credits.items()},
                   "rationale": localized(p.rationale)} for p in change.programmes]
    return {"from": change.old, "to": change.new, "courses": courses, "programmes": programmes,
            "coverage": [{"programme": cov.programme, "before": cov.before, "after": cov.after,
                          "changed": cov.changed()} for cov in change.coverage]}


def _plain(value: object) -> object:
    return value.model_dump() if hasattr(value, "model_dump") else value
