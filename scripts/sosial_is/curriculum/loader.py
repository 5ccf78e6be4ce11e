"""Read ``curriculum/`` into the model, keeping the file and line of everything.

This is the only place that parses curriculum sources. Files are read through
``core.sources.read_source`` (UTF-8 with or without BOM, any line endings; anything else is one
finding), YAML through ``core.yaml_lines`` and Markdown through ``markdown.scanner``. Problems are
returned as findings (never raised), so one run reports every broken file at once. Schema
violations come from pydantic; we only translate its error locations into lines and add "did you
mean" hints. A course whose course.yml cannot be loaded is "known but broken": references to it
are not reported again (no cascade).
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..core.findings import Finding, finding, relpath
from ..core.languages import LANGS
from ..core.yaml_lines import Located
from ..locale import t
from ..markdown.cache import SourceCache
from ..markdown.scanner import keywords, questions, scan
from .model import (
    SECTION_KEYS,
    CompetencyFile,
    Course,
    CourseFacts,
    CourseText,
    Curriculum,
    GlossaryEntry,
    Item,
    Programme,
    Reference,
    SearchSynonyms,
    Section,
)

M = TypeVar("M", bound=BaseModel)
NUMBERED = re.compile(r"^\s{0,3}(\d+)[.)]\s+(.*\S)\s*$")


def section_headings(lang: str) -> dict[str, str]:
    """The fixed ``##`` headings of a course language file in ``lang`` (key -> heading)."""
    return {key: t(f"section_{key}", lang) for key in SECTION_KEYS}


def validate_model(model: type[M], located: Located, loc: tuple = ()) -> tuple[M | None, list[Finding]]:
    """Validate the data at ``loc`` of ``located`` against ``model``; errors become findings."""
    data = located.data
    for key in loc:
        data = data[key]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_schema_finding(model, located, loc, err) for err in exc.errors()]


def _schema_finding(model: type[BaseModel], located: Located, base: tuple, err: dict) -> Finding:
    loc = base + tuple(err["loc"])
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    line = located.line(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _field_names(model, tuple(err["loc"][:-1]))
        guess = difflib.get_close_matches(str(err["loc"][-1]), known, n=1)
        return finding(located.path, line, "SCHEMA-UNKNOWN-FIELD", field=where,
                       suggestion=guess[0] if guess else "", known=", ".join(sorted(known)))
    if kind == "missing":
        return finding(located.path, line, "SCHEMA-MISSING-FIELD", field=where)
    return finding(located.path, line, "SCHEMA-WRONG-VALUE", field=where,
                   detail=err["msg"], value=_short(err.get("input")))


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields allowed at ``loc`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(getattr(current, "model_fields", {}).keys())


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- YAML files ------------------------------------------------------------------------------

def _load_list(path: Path, model: type[M], kind: str, cur: Curriculum,
               store: dict[str, M], cache: SourceCache) -> list[Finding]:
    """A YAML file holding a list of entries with unique ``id``s (references, glossary)."""
    if not path.exists():
        cur.broken.add(kind)
        return [finding(path, 0, "FILE-MISSING")]
    located, findings = cache.yaml(path)
    if located is None:
        cur.broken.add(kind)
        return findings
    if located.data is None:  # nothing but comments or white space
        cur.broken.add(kind)
        return findings + [finding(path, 1, "FILE-EMPTY")]
    if not isinstance(located.data, list):
        cur.broken.add(kind)
        return findings + [finding(path, 1, "SCHEMA-WRONG-VALUE", field="(top level)",
                                   detail="expected a list of entries (lines starting with '- ')",
                                   value=type(located.data).__name__)]
    for i, _ in enumerate(located.data):
        entry, problems = validate_model(model, located, (i,))
        findings += problems
        if entry is None:
            continue
        line = located.line((i,))
        if entry.id in store:
            first = cur.where[(kind, entry.id)]
            findings.append(finding(path, line, "DUPLICATE-ID", id=entry.id,
                                    first=f"{first[0]}:{first[1]}"))
            continue
        store[entry.id] = entry
        cur.where[(kind, entry.id)] = (relpath(path), line)
    return findings


SYNONYMS_FILE = "search-synonyms.yml"


def _load_search_synonyms(path: Path, cur: Curriculum, cache: SourceCache) -> list[Finding]:
    """``search-synonyms.yml`` (optional): per language, reader words and the site's words."""
    if not path.exists():
        return []
    located, findings = cache.yaml(path)
    if located is None or located.data is None:
        return findings
    synonyms, problems = validate_model(SearchSynonyms, located)
    findings += problems
    if synonyms is None:
        return findings
    for lang in LANGS:
        entries = getattr(synonyms, lang)
        cur.search_synonyms[lang] = entries
        for i, _ in enumerate(entries):
            cur.where[("search-synonym", f"{lang}/{i}")] = (relpath(path), located.line((lang, i)))
    return findings


def _load_competencies(path: Path, cur: Curriculum, cache: SourceCache) -> list[Finding]:
    cur.broken.add("competency")  # until it loads
    if not path.exists():
        return [finding(path, 0, "FILE-MISSING")]
    located, findings = cache.yaml(path)
    if located is None:
        return findings
    if located.data is None:
        return findings + [finding(path, 1, "FILE-EMPTY")]
    parsed, problems = validate_model(CompetencyFile, located)
    findings += problems
    if parsed is None:
        return findings
    cur.broken.discard("competency")
    cur.framework = parsed.framework
    for i, comp in enumerate(parsed.competencies):
        line = located.line(("competencies", i))
        if comp.id in cur.competencies:
            first = cur.where[("competency", comp.id)]
            findings.append(finding(path, line, "DUPLICATE-ID", id=comp.id,
                                    first=f"{first[0]}:{first[1]}"))
            continue
        cur.competencies[comp.id] = comp
        cur.where[("competency", comp.id)] = (relpath(path), line)
        record_prose(cur, path, located, ("competencies", i), comp, ("title", "description"))
    if cur.framework is not None:
        record_prose(cur, path, located, ("framework",), cur.framework, ("title", "description"))
    return findings


def record_prose(cur: Curriculum, path: Path, located: Located, at: tuple, item: BaseModel,
                 fields: tuple[str, ...]) -> None:
    """Record the localized ``fields`` of ``item`` (found at ``at`` in ``located``) in ``cur.prose``."""
    rel = relpath(path)
    for name in fields:
        for lang in LANGS:
            cur.prose.append((rel, located.line((*at, name, lang)), lang, getattr(item, name).get(lang)))


def load_programmes(folder: Path, cur: Curriculum, cache: SourceCache) -> list[Finding]:
    """Every programme file under ``folder`` (``curriculum/programmes``) into ``cur``."""
    findings: list[Finding] = []
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        if not path.name.startswith("."):
            findings += load_programme(path, cur, cache)
    return findings


def load_programme(path: Path, cur: Curriculum, cache: SourceCache) -> list[Finding]:
    """One programme file into ``cur``."""
    located, findings = cache.yaml(path)
    if located is not None and located.data is None:
        findings = findings + [finding(path, 1, "FILE-EMPTY")]
        located = None
    prog, problems = validate_model(Programme, located) if located else (None, [])
    findings = findings + problems
    if prog is None:
        cur.broken.add("programme")
        cur.broken_programmes.add(path.stem)
        return findings
    if prog.id != path.stem:
        findings.append(finding(path, located.line(("id",)), "PROGRAMME-ID-FILENAME",
                                id=prog.id, file=path.name))
    if prog.id in cur.programmes:
        findings.append(finding(path, 1, "DUPLICATE-ID", id=prog.id,
                                first=cur.where[("programme", prog.id)][0]))
        return findings
    cur.programmes[prog.id] = prog
    rel = relpath(path)
    record_prose(cur, path, located, (), prog, ("title", "award", "summary"))
    cur.where[("programme", prog.id)] = (rel, 1)
    for s_i, sem in enumerate(prog.semesters):
        cur.where[("semester", f"{prog.id}/{sem.number}")] = (rel, located.line(("semesters", s_i)))
        for c_i, code in enumerate(sem.courses):
            cur.where[("placement", f"{prog.id}/{code}")] = (
                rel, located.line(("semesters", s_i, "courses", c_i)))
    return findings


def course_dirs(folder: Path) -> tuple[list[Path], list[Finding]]:
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return [], [finding(folder, 0, "FILE-UNREADABLE", detail=exc.strerror or str(exc))]
    return [p for p in entries if p.is_dir() and not p.name.startswith(".")], []


def load_courses(folder: Path, cur: Curriculum, cache: SourceCache) -> list[Finding]:
    """Every course folder under ``folder`` (``curriculum/courses``) into ``cur``."""
    if not folder.is_dir():
        return [finding(folder, 0, "FILE-MISSING")]
    dirs, findings = course_dirs(folder)
    for course_dir in dirs:
        findings += load_course(course_dir, cur, cache)
    return findings


def load_course(course_dir: Path, cur: Curriculum, cache: SourceCache) -> list[Finding]:
    """One course folder: course.yml and the three language files."""
    findings: list[Finding] = []
    facts_path = course_dir / "course.yml"
    if not (facts_path.exists() or facts_path.is_symlink()):
        cur.broken_courses.add(course_dir.name)
        return [finding(facts_path, 0, "COURSE-FACTS-MISSING", folder=course_dir.name)]
    located, problems = cache.yaml(facts_path)
    findings += problems
    if located is not None and located.data is None:
        findings.append(finding(facts_path, 1, "FILE-EMPTY"))
        located = None
    facts, problems = cache.derive("course-facts", facts_path, lambda located=located: (
        validate_model(CourseFacts, located) if located else (None, [])))
    findings += problems
    if facts is None:
        cur.broken_courses.add(course_dir.name)
        return findings
    rel = relpath(facts_path)
    if facts.code != course_dir.name:
        findings.append(finding(facts_path, located.line(("code",)), "COURSE-CODE-FOLDER",
                                code=facts.code, folder=course_dir.name))
    if facts.code in cur.courses:
        findings.append(finding(facts_path, located.line(("code",)), "COURSE-DUPLICATE",
                                code=facts.code, first=cur.courses[facts.code].path))
        return findings
    course = Course(facts=facts, path=rel, lines=dict(located.lines))
    for lang in LANGS:
        md = course_dir / f"{lang}.md"
        if not (md.exists() or md.is_symlink()):
            findings.append(finding(md, 0, "COURSE-LANG-MISSING", code=facts.code, lang=lang))
            continue
        text, problems = parse_course_text(md, lang, cache=cache)
        findings += problems
        if text is not None:
            course.texts[lang] = text
    cur.courses[facts.code] = course
    cur.where[("course", facts.code)] = (rel, located.line(("code",)))
    return findings


# --- Course prose ----------------------------------------------------------------------------

def parse_course_text(path: Path, lang: str, text: str | None = None,
                      cache: SourceCache | None = None) -> tuple[CourseText | None, list[Finding]]:
    """A course language file (``tk.md`` …): title from the front matter, then the fixed
    ``##`` sections; numbered items of the outcomes and weekly topics, with their lines."""
    if text is None:
        source, scanned = (cache or SourceCache()).get(path)
        if scanned is None:
            return None, [source.problem]
    else:
        scanned = scan(text, path)
    if not scanned.text.strip():
        return None, [finding(path, 1, "FILE-EMPTY")]
    findings = list(scanned.front.problems)
    meta = scanned.front.data
    title = str(meta.get("title") or "").strip()
    course_text = CourseText(lang=lang, path=relpath(path), title=title,
                             title_line=scanned.front.lines.get(("title",), 1),
                             keywords=keywords(meta.get("keywords")),
                             questions=questions(meta.get("questions")))
    if not title:
        findings.append(finding(path, 1, "COURSE-TITLE-MISSING"))
    expected = section_headings(lang)
    by_heading = {h.casefold(): k for k, h in expected.items()}
    headings = {h.line: h for h in scanned.headings if h.indent <= 3}
    current: Section | None = None
    lines = scanned.lines
    for no in range(scanned.front.body_line, len(lines) + 1):
        line = lines[no - 1]
        if no in scanned.fenced:
            if current:
                current.body += line + "\n"
            continue
        heading = headings.get(no)
        if heading and heading.level == 2:
            name = heading.text.strip()
            key = by_heading.get(name.casefold())
            if key is None:
                guess = difflib.get_close_matches(name, list(expected.values()), n=1)
                findings.append(finding(path, no, "COURSE-SECTION-UNKNOWN", heading=name,
                                        expected=guess[0] if guess else " / ".join(expected.values())))
                current = None
                continue
            if key in course_text.sections:
                findings.append(finding(path, no, "COURSE-SECTION-DUPLICATE", heading=name))
            current = Section(key=key, heading=name, line=no)
            course_text.sections[key] = current
            continue
        if heading and heading.level == 1:
            findings.append(finding(path, no, "COURSE-H1", heading=heading.text))
            continue
        if current is None:
            if line.strip():
                findings.append(finding(path, no, "COURSE-TEXT-OUTSIDE-SECTION"))
            continue
        current.body += line + "\n"
        if current.key in ("outcomes", "topics"):
            item = NUMBERED.match(line)
            if item:
                current.items.append(Item(text=item.group(2), line=no))
            elif line.startswith(("   ", "\t")) and current.items and line.strip():
                current.items[-1].text += " " + line.strip()
    return course_text, findings


# --- Entry point -----------------------------------------------------------------------------

def load_curriculum(root: Path, cache: SourceCache | None = None) -> tuple[Curriculum, list[Finding]]:
    """Load everything under ``root`` (the ``curriculum/`` folder). ``cache``: files read and
    parsed before (``serve`` keeps one across rebuilds)."""
    cache = cache or SourceCache()
    cur = Curriculum()
    findings: list[Finding] = []
    findings += _load_competencies(root / "competencies.yml", cur, cache)
    findings += _load_list(root / "references.yml", Reference, "reference", cur, cur.references, cache)
    findings += _load_list(root / "glossary.yml", GlossaryEntry, "glossary", cur, cur.glossary, cache)
    findings += _load_search_synonyms(root / SYNONYMS_FILE, cur, cache)
    findings += load_programmes(root / "programmes", cur, cache)
    findings += load_courses(root / "courses", cur, cache)
    return cur, findings
