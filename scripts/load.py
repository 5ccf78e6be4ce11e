"""Read ``curriculum/`` into the model, keeping the file and line of everything.

This is the only place that parses curriculum sources. Problems are returned as findings
(never raised), so one run reports every broken file at once. Schema violations come from
pydantic; we only translate its error locations into lines and add "did you mean" hints.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .model import (LANGS, SECTION_HEADINGS, CompetencyFile, Course, CourseFacts, CourseText,
                    Curriculum, GlossaryEntry, Item, Programme, Reference, Section)
from .report import Finding, finding, relpath
from .yamlsrc import Located, load_yaml

M = TypeVar("M", bound=BaseModel)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
NUMBERED = re.compile(r"^\s{0,3}(\d+)[.)]\s+(.*\S)\s*$")
BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*\S)\s*$")


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
                       suggestion=guess[0] if guess else ", ".join(sorted(known)))
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
               store: dict[str, M]) -> list[Finding]:
    """A YAML file holding a list of entries with unique ``id``s (references, glossary)."""
    if not path.exists():
        cur.broken.add(kind)
        return [finding(path, 0, "FILE-MISSING")]
    located, findings = load_yaml(path)
    if located is None:
        cur.broken.add(kind)
        return findings
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


def _load_competencies(path: Path, cur: Curriculum) -> list[Finding]:
    cur.broken.add("competency")  # until it loads
    if not path.exists():
        return [finding(path, 0, "FILE-MISSING")]
    located, findings = load_yaml(path)
    if located is None:
        return findings
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
    return findings


def _load_programmes(folder: Path, cur: Curriculum) -> list[Finding]:
    findings: list[Finding] = []
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        located, problems = load_yaml(path)
        findings += problems
        prog, problems = validate_model(Programme, located) if located else (None, [])
        findings += problems
        if prog is None:
            cur.broken.add("programme")
            continue
        if prog.id != path.stem:
            findings.append(finding(path, located.line(("id",)), "PROGRAMME-ID-FILENAME",
                                    id=prog.id, file=path.name))
        if prog.id in cur.programmes:
            findings.append(finding(path, 1, "DUPLICATE-ID", id=prog.id,
                                    first=cur.where[("programme", prog.id)][0]))
            continue
        cur.programmes[prog.id] = prog
        rel = relpath(path)
        cur.where[("programme", prog.id)] = (rel, 1)
        for s_i, sem in enumerate(prog.semesters):
            cur.where[("semester", f"{prog.id}/{sem.number}")] = (rel, located.line(("semesters", s_i)))
            for c_i, code in enumerate(sem.courses):
                cur.where[("placement", f"{prog.id}/{code}")] = (
                    rel, located.line(("semesters", s_i, "courses", c_i)))
    return findings


def _load_courses(folder: Path, cur: Curriculum) -> list[Finding]:
    findings: list[Finding] = []
    if not folder.is_dir():
        return [finding(folder, 0, "FILE-MISSING")]
    for course_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        facts_path = course_dir / "course.yml"
        if not facts_path.exists():
            findings.append(finding(facts_path, 0, "COURSE-FACTS-MISSING", folder=course_dir.name))
            continue
        located, problems = load_yaml(facts_path)
        findings += problems
        if located is None:
            continue
        facts, problems = validate_model(CourseFacts, located)
        findings += problems
        if facts is None:
            continue
        rel = relpath(facts_path)
        if facts.code != course_dir.name:
            findings.append(finding(facts_path, located.line(("code",)), "COURSE-CODE-FOLDER",
                                    code=facts.code, folder=course_dir.name))
        if facts.code in cur.courses:
            findings.append(finding(facts_path, located.line(("code",)), "COURSE-DUPLICATE",
                                    code=facts.code, first=cur.courses[facts.code].path))
            continue
        course = Course(facts=facts, path=rel, lines=dict(located.lines))
        for lang in LANGS:
            md = course_dir / f"{lang}.md"
            if not md.exists():
                findings.append(finding(md, 0, "COURSE-LANG-MISSING", code=facts.code, lang=lang))
                continue
            text, problems = parse_course_text(md, lang)
            findings += problems
            if text is not None:
                course.texts[lang] = text
        cur.courses[facts.code] = course
        cur.where[("course", facts.code)] = (rel, located.line(("code",)))
    return findings


# --- Course prose ----------------------------------------------------------------------------

def split_front_matter(path: Path, text: str) -> tuple[dict, int, list[Finding]]:
    """Front matter as a dict, the line where the body starts, and findings."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 1, []
    located, findings = load_yaml(path, match.group(1), line_offset=1)
    body_start = text[: match.end()].count("\n") + 1
    data = located.data if located and isinstance(located.data, dict) else {}
    if located and located.data is not None and not isinstance(located.data, dict):
        findings.append(finding(path, 2, "FRONT-MATTER-NOT-MAPPING"))
    return data, body_start, findings


def parse_course_text(path: Path, lang: str) -> tuple[CourseText | None, list[Finding]]:
    raw = path.read_text(encoding="utf-8")
    meta, body_line, findings = split_front_matter(path, raw)
    title = str(meta.get("title") or "").strip()
    text = CourseText(lang=lang, path=relpath(path), title=title, title_line=2)
    if not title:
        findings.append(finding(path, 1, "COURSE-TITLE-MISSING"))
    expected = SECTION_HEADINGS[lang]
    by_heading = {h.casefold(): k for k, h in expected.items()}
    current: Section | None = None
    lines = raw.splitlines()
    in_fence = False
    for no in range(body_line, len(lines) + 1):
        line = lines[no - 1]
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            if current:
                current.body += line + "\n"
            continue
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            name = re.sub(r"\s*\{[^}]*\}$", "", heading.group(2)).strip()
            key = by_heading.get(name.casefold())
            if key is None:
                guess = difflib.get_close_matches(name, list(expected.values()), n=1)
                findings.append(finding(path, no, "COURSE-SECTION-UNKNOWN", heading=name,
                                        expected=guess[0] if guess else " / ".join(expected.values())))
                current = None
                continue
            if key in text.sections:
                findings.append(finding(path, no, "COURSE-SECTION-DUPLICATE", heading=name))
            current = Section(key=key, heading=name, line=no)
            text.sections[key] = current
            continue
        if heading and len(heading.group(1)) == 1:
            findings.append(finding(path, no, "COURSE-H1", heading=heading.group(2)))
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
    return text, findings


# --- Entry point -----------------------------------------------------------------------------

def load_curriculum(root: Path) -> tuple[Curriculum, list[Finding]]:
    """Load everything under ``root`` (the ``curriculum/`` folder)."""
    cur = Curriculum()
    findings: list[Finding] = []
    findings += _load_competencies(root / "competencies.yml", cur)
    findings += _load_list(root / "references.yml", Reference, "reference", cur, cur.references)
    findings += _load_list(root / "glossary.yml", GlossaryEntry, "glossary", cur, cur.glossary)
    findings += _load_programmes(root / "programmes", cur)
    findings += _load_courses(root / "courses", cur)
    return cur, findings
