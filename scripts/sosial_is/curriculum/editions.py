"""Editions of the curriculum by academic year: what they are in the sources, and how each one is
put together from them.

``curriculum/editions.yml`` lists the editions, oldest first, each ``archived``, ``current`` or
``preparation``::

    editions:
      - {id: 2026-2027, status: current}
      - {id: 2027-2028, status: preparation}

The files under ``curriculum/`` (``programmes/``, ``courses/``) are the **current** edition:
contributors edit them as before. Every other edition has a folder ``curriculum/editions/<id>/``
that records only what it changes from the edition before it, in the same layout::

    edition.yml                  removed courses; the rationale of each change, in tk, ru and en
    programmes/<id>.yml          only the keys that change; ``semesters`` by number (a semester
                                 listed here replaces that semester's list of courses)
    courses/<CODE>/course.yml    only the keys that change (a new course: all of them)
    courses/<CODE>/<lang>.md     the revised text in that language (the whole file)

An edition in preparation builds on the edition before it (the current one, for the first).
An archived edition is frozen: ``scripts/run edition-promote`` writes it when the next edition
becomes current, as what it changes from the archived edition before it; the oldest archived
edition records everything (``complete: true``). No archived edition depends on the files under
``curriculum/``, so editing the current edition cannot change one (ARCHITECTURE.md says why this
design and not git tags). Competencies, references and the glossary belong to every edition.

A project without ``editions.yml`` has one edition, the current one, with no id.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, create_model, field_validator
from pydantic.fields import FieldInfo

from ..core.findings import Finding, finding, relpath
from ..core.languages import LANGS
from ..core.yaml_lines import Located
from ..markdown.cache import SourceCache
from .loader import (
    course_dirs,
    load_course,
    load_courses,
    load_programme,
    load_programmes,
    parse_course_text,
    record_prose,
    validate_model,
)
from .model import Course, CourseFacts, Curriculum, Localized, Programme, Strict

EDITIONS_FILE = "editions.yml"
EDITIONS_DIR = "editions"
EDITION_FILE = "edition.yml"
STATUSES = ("archived", "current", "preparation")
Status = Literal["archived", "current", "preparation"]
SHARED_KINDS = ("competency", "reference", "glossary")  # what every edition shares
OWN_KINDS = ("course", "programme", "semester", "placement")  # what each edition has of its own


class EditionEntry(Strict):
    id: str = Field(pattern=r"^\d{4}-\d{4}$")
    status: Status

    @field_validator("id")
    @classmethod
    def _one_year(cls, value: str) -> str:
        first, second = (int(part) for part in value.split("-"))
        if second != first + 1:
            raise ValueError(f"an academic year runs from one year to the next ({first}-{first + 1})")
        return value

    @property
    def start(self) -> int:
        return int(self.id[:4])


class EditionsFile(Strict):
    editions: list[EditionEntry] = Field(min_length=1)


class EditionFile(Strict):
    """``edition.yml`` of an edition's folder."""

    complete: bool = False  # the oldest archived edition: records everything
    removed: list[str] = []  # courses of the edition before that this one no longer has
    rationale: dict[str, Localized] = {}  # course code or programme id -> why it changes


def _partial(model: type[Strict], name: str, without: tuple[str, ...] = ()) -> type[Strict]:
    """``model`` with every field optional and the same constraints: the keys an edition changes."""
    fields = {}
    for key, info in model.model_fields.items():
        if key in without:
            continue
        optional = FieldInfo.merge_field_infos(info, default=None)  # same constraints, not required
        fields[key] = (info.annotation | None, optional)
    return create_model(name, __base__=Strict, **fields)  # type: ignore[call-overload]


#: course.yml in an edition's folder: only the keys that change (``code`` may be repeated).
CourseChange = _partial(CourseFacts, "CourseChange")
#: programmes/<id>.yml in an edition's folder: only the keys that change.
ProgrammeChange = _partial(Programme, "ProgrammeChange")


@dataclass
class Edition:
    """One edition, put together: its curriculum and what its folder records."""

    id: str
    status: str
    cur: Curriculum
    folder: Path | None = None  # its folder under curriculum/editions/ (the current one: may be None)
    line: int = 0  # its line in editions.yml
    complete: bool = False
    removed: list[str] = field(default_factory=list)
    removed_lines: dict[str, int] = field(default_factory=dict)
    rationale: dict[str, Localized] = field(default_factory=dict)
    rationale_lines: dict[str, int] = field(default_factory=dict)
    edition_file: str = ""  # edition.yml, relative to the repository
    # course code or programme id -> the files of this edition's folder that change it
    changed: dict[str, list[str]] = field(default_factory=dict)

    @property
    def archived(self) -> bool:
        return self.status == "archived"

    @property
    def current(self) -> bool:
        return self.status == "current"

    @property
    def preparation(self) -> bool:
        return self.status == "preparation"

    @property
    def slug(self) -> str:
        """The folder of its pages under curriculum/ ("" for the current edition)."""
        return "" if self.current else self.id


@dataclass
class Editions:
    """Every edition, oldest first."""

    items: list[Edition]
    path: str = ""  # editions.yml, relative to the repository ("" when none is declared)

    @property
    def current(self) -> Edition:
        return next(e for e in self.items if e.current)

    @property
    def declared(self) -> bool:
        return bool(self.path)

    def get(self, edition_id: str) -> Edition | None:
        return next((e for e in self.items if e.id == edition_id), None)

    def previous(self, edition: Edition) -> Edition | None:
        i = self.items.index(edition)
        return self.items[i - 1] if i > 0 else None

    def next(self, edition: Edition) -> Edition | None:
        i = self.items.index(edition)
        return self.items[i + 1] if i + 1 < len(self.items) else None

    def pairs(self) -> list[tuple[Edition, Edition]]:
        """Consecutive editions (older, newer)."""
        return list(zip(self.items, self.items[1:], strict=False))

    def others(self) -> list[Edition]:
        return [e for e in self.items if not e.current]


# --- Loading ---------------------------------------------------------------------------------

def load_editions(root: Path, current: Curriculum, cache: SourceCache) -> tuple[Editions, list[Finding]]:
    """The editions of the curriculum under ``root``; ``current``: the files under it, loaded."""
    path = root / EDITIONS_FILE
    alone = Editions([Edition("", "current", current)])
    if not path.exists():
        folder = root / EDITIONS_DIR
        if folder.is_dir() and any(p.is_dir() for p in folder.iterdir()):
            return alone, [finding(path, 0, "EDITIONS-FILE-MISSING", folder=relpath(folder))]
        return alone, []
    located, findings = cache.yaml(path)
    if located is None:
        return alone, findings
    if located.data is None:
        return alone, findings + [finding(path, 1, "FILE-EMPTY")]
    parsed, problems = validate_model(EditionsFile, located)
    findings += problems
    if parsed is None:
        return alone, findings
    entries, problems = _order(parsed.editions, located)
    findings += problems
    if entries is None:
        return alone, findings
    current.edition = next(e.id for e in entries if e.status == "current")
    items: list[Edition] = []
    archived = [e for e in entries if e.status == "archived"]
    for i, entry in enumerate(entries):
        line = located.line(("editions", i))
        if entry.status == "current":
            edition = Edition(entry.id, "current", current, line=line)
            findings += _current_folder(root, edition, cache)
            items.append(edition)
            continue
        base = items[-1].cur if items and entry.status == "preparation" else (
            items[-1].cur if items and items[-1].archived else None)
        oldest = entry.status == "archived" and entry is archived[0]
        edition, problems = _load_edition(root, entry, line, base, oldest, current, cache)
        findings += problems
        items.append(edition)
    findings += _unknown_folders(root, entries)
    return Editions(items, relpath(path)), findings


def _order(entries: list[EditionEntry], located: Located) -> tuple[list[EditionEntry] | None, list[Finding]]:
    """Exactly one current edition; archived ones before it, editions in preparation after it;
    each academic year once and in order. ``None`` when the list cannot be used."""
    path = located.path
    findings: list[Finding] = []
    currents = [i for i, e in enumerate(entries) if e.status == "current"]
    if len(currents) != 1:
        at = located.line(("editions", currents[1])) if len(currents) > 1 else located.line(("editions",))
        return None, [finding(path, at, "EDITION-CURRENT", count=len(currents))]
    rank = {status: i for i, status in enumerate(STATUSES)}
    for i, (a, b) in enumerate(zip(entries, entries[1:], strict=False), start=1):
        if b.start <= a.start:
            findings.append(finding(path, located.line(("editions", i)), "EDITION-ORDER",
                                    id=b.id, previous=a.id))
        elif rank[b.status] < rank[a.status] or (b.status == a.status == "current"):
            findings.append(finding(path, located.line(("editions", i)), "EDITION-STATUS-ORDER",
                                    id=b.id, status=b.status, previous=a.id,
                                    previous_status=a.status))
    return (None if findings else entries), findings


def _unknown_folders(root: Path, entries: list[EditionEntry]) -> list[Finding]:
    folder = root / EDITIONS_DIR
    if not folder.is_dir():
        return []
    known = {e.id for e in entries}
    out = []
    for sub in sorted(folder.iterdir()):
        if sub.is_dir() and not sub.name.startswith(".") and sub.name not in known:
            out.append(finding(sub / EDITION_FILE, 0, "EDITION-FOLDER-UNKNOWN", id=sub.name,
                               known=", ".join(sorted(known))))
    return out


def _current_folder(root: Path, edition: Edition, cache: SourceCache) -> list[Finding]:
    """The current edition's folder may hold its edition.yml only: why it differs from the
    edition before it (kept when it became current). Its courses and programmes are the files
    under curriculum/."""
    folder = root / EDITIONS_DIR / edition.id
    if not folder.is_dir():
        return []
    edition.folder = folder
    edition.edition_file = relpath(folder / EDITION_FILE)
    findings = _read_edition_file(edition, cache) if (folder / EDITION_FILE).exists() else []
    extra = [p for p in sorted(folder.iterdir()) if p.name != EDITION_FILE and not p.name.startswith(".")]
    if extra or edition.removed or edition.complete:
        where = extra[0] if extra else folder / EDITION_FILE
        findings.append(finding(where, 0 if extra else 1, "EDITION-FOLDER-CURRENT", id=edition.id))
    edition.removed, edition.complete = [], False
    return findings


def _shared(current: Curriculum, edition_id: str) -> Curriculum:
    """A new edition's curriculum with the parts every edition shares."""
    cur = Curriculum(edition=edition_id, framework=current.framework,
                     competencies=current.competencies, references=current.references,
                     glossary=current.glossary)
    cur.where = {k: v for k, v in current.where.items() if k[0] in SHARED_KINDS}
    cur.broken = {k for k in current.broken if k in SHARED_KINDS}
    return cur


def _load_edition(root: Path, entry: EditionEntry, line: int, base: Curriculum | None, oldest: bool,
                  current: Curriculum, cache: SourceCache) -> tuple[Edition, list[Finding]]:
    folder = root / EDITIONS_DIR / entry.id
    cur = _shared(current, entry.id)
    edition = Edition(entry.id, entry.status, cur, folder=folder, line=line,
                      edition_file=relpath(folder / EDITION_FILE))
    if not folder.is_dir():
        if base is not None:
            _inherit(cur, base)
        return edition, [finding(root / EDITIONS_FILE, line, "EDITION-FOLDER-MISSING", id=entry.id,
                                 folder=relpath(folder))]
    findings = _read_edition_file(edition, cache)
    if oldest != edition.complete:
        code = "EDITION-NOT-COMPLETE" if oldest else "EDITION-COMPLETE-NOT-OLDEST"
        findings.append(finding(folder / EDITION_FILE, 1, code, id=entry.id))
    if edition.complete or base is None:
        findings += load_programmes(folder / "programmes", cur, cache)
        findings += load_courses(folder / "courses", cur, cache)
        for code in cur.courses:
            edition.changed.setdefault(code, []).append(cur.courses[code].path)
        return edition, findings
    _inherit(cur, base)
    for code in edition.removed:
        at = edition.removed_lines[code]
        if code not in cur.courses:
            findings.append(finding(folder / EDITION_FILE, at, "EDITION-REMOVED-UNKNOWN", code=code,
                                    id=entry.id))
            continue
        del cur.courses[code]
        cur.where.pop(("course", code), None)
    findings += _programme_changes(edition, base, cache)
    findings += _course_changes(edition, base, cache)
    _drop_removed(edition)
    return edition, findings


def _read_edition_file(edition: Edition, cache: SourceCache) -> list[Finding]:
    path = edition.folder / EDITION_FILE
    if not path.exists():
        return [finding(path, 0, "FILE-MISSING")]
    located, findings = cache.yaml(path)
    if located is None:
        return findings
    if located.data is None:  # only comments: an edition that changes nothing yet
        return findings
    parsed, problems = validate_model(EditionFile, located)
    findings += problems
    if parsed is None:
        return findings
    edition.complete = parsed.complete
    edition.rationale = dict(parsed.rationale)
    edition.rationale_lines = {key: located.line(("rationale", key)) for key in parsed.rationale}
    seen: set[str] = set()
    for i, code in enumerate(parsed.removed):
        if code in seen:
            continue
        seen.add(code)
        edition.removed.append(code)
        edition.removed_lines[code] = located.line(("removed", i))
    return findings


def _inherit(cur: Curriculum, base: Curriculum) -> None:
    """Start ``cur`` as a copy of ``base``'s programmes and courses (the objects are shared)."""
    cur.programmes = dict(base.programmes)
    cur.courses = dict(base.courses)
    cur.where.update({k: v for k, v in base.where.items() if k[0] in OWN_KINDS})
    cur.broken |= {k for k in base.broken if k not in SHARED_KINDS}
    cur.broken_courses = set(base.broken_courses)
    cur.broken_programmes = set(base.broken_programmes)


def _programme_changes(edition: Edition, base: Curriculum, cache: SourceCache) -> list[Finding]:
    """programmes/<id>.yml of the edition's folder: changes to a programme, or a new one."""
    cur, folder = edition.cur, edition.folder / "programmes"
    findings: list[Finding] = []
    if not folder.is_dir():
        return findings
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        if path.name.startswith("."):
            continue
        if path.stem not in base.programmes:  # a new programme: a whole programme file
            findings += load_programme(path, cur, cache)
            edition.changed.setdefault(path.stem, []).append(relpath(path))
            continue
        located, problems = cache.yaml(path)
        findings += problems
        if located is None or located.data is None:
            if located is not None:
                findings.append(finding(path, 1, "FILE-EMPTY"))
            continue
        change, problems = validate_model(ProgrammeChange, located)
        findings += problems
        if change is None:
            cur.broken.add("programme")
            cur.broken_programmes.add(path.stem)
            continue
        if change.id is not None and change.id != path.stem:
            findings.append(finding(path, located.line(("id",)), "PROGRAMME-ID-FILENAME",
                                    id=change.id, file=path.name))
            continue
        old = base.programmes[path.stem]
        data = old.model_dump()
        rel = relpath(path)
        given = [key for key in located.data if key != "id"]
        for key in given:
            if key != "semesters":
                data[key] = getattr(change, key).model_dump() if hasattr(getattr(change, key), "model_dump") \
                    else getattr(change, key)
        if "semesters" in given:
            by_number = {s["number"]: s for s in data["semesters"]}
            for s_i, sem in enumerate(change.semesters):
                by_number[sem.number] = sem.model_dump()
                cur.where[("semester", f"{old.id}/{sem.number}")] = (rel, located.line(("semesters", s_i)))
                for c_i, code in enumerate(sem.courses):
                    cur.where[("placement", f"{old.id}/{code}")] = (
                        rel, located.line(("semesters", s_i, "courses", c_i)))
            data["semesters"] = [by_number[n] for n in sorted(by_number)]
        cur.programmes[old.id] = Programme.model_validate(data)
        if "total_credits" in given:
            cur.where[("programme", old.id)] = (rel, 1)
        record_prose(cur, path, located, (), change, tuple(k for k in ("title", "award", "summary") if k in given))
        edition.changed.setdefault(old.id, []).append(rel)
    return findings


def _course_changes(edition: Edition, base: Curriculum, cache: SourceCache) -> list[Finding]:
    """courses/<CODE>/ of the edition's folder: changed facts or texts, or a new course."""
    cur, folder = edition.cur, edition.folder / "courses"
    if not folder.is_dir():
        return []
    dirs, findings = course_dirs(folder)
    for course_dir in dirs:
        code = course_dir.name
        files = [relpath(p) for p in sorted(course_dir.iterdir()) if p.is_file()]
        if code in edition.removed:
            findings.append(finding(course_dir / "course.yml", 0, "EDITION-REMOVED-CHANGED",
                                    code=code, id=edition.id, folder=relpath(course_dir)))
            continue
        edition.changed.setdefault(code, []).extend(files)
        old = base.courses.get(code)
        if old is None:  # a new course: a whole course folder
            findings += load_course(course_dir, cur, cache)
            continue
        course = Course(facts=old.facts, path=old.path, lines=old.lines, texts=dict(old.texts),
                        origins=dict(old.origins))
        facts_path = course_dir / "course.yml"
        if facts_path.exists():
            findings += _facts_change(course, facts_path, cache)
        for lang in LANGS:
            md = course_dir / f"{lang}.md"
            if md.exists() or md.is_symlink():
                text, problems = parse_course_text(md, lang, cache=cache)
                findings += problems
                if text is not None:
                    course.texts[lang] = text
        cur.courses[code] = course
    return findings


def _facts_change(course: Course, path: Path, cache: SourceCache) -> list[Finding]:
    """Merge the keys of an edition's partial course.yml into ``course``."""
    located, findings = cache.yaml(path)
    if located is None or located.data is None:
        return findings + ([finding(path, 1, "FILE-EMPTY")] if located is not None else [])
    change, problems = validate_model(CourseChange, located)
    findings += problems
    if change is None:
        return findings
    if change.code is not None and change.code != course.code:
        return findings + [finding(path, located.line(("code",)), "COURSE-CODE-FOLDER",
                                   code=change.code, folder=path.parent.name)]
    data = course.facts.model_dump()
    rel = relpath(path)
    for key in located.data:
        if key == "code":
            continue
        data[key] = change.model_dump()[key]
        course.origins[key] = (rel, dict(located.lines))
    course.facts = CourseFacts.model_validate(data)
    return findings


def _drop_removed(edition: Edition) -> None:
    """Removed courses leave every semester of the edition's programmes."""
    cur = edition.cur
    gone = set(edition.removed)
    if not gone:
        return
    for prog_id, prog in list(cur.programmes.items()):
        if not any(code in gone for sem in prog.semesters for code in sem.courses):
            continue
        data = prog.model_dump()
        for sem in data["semesters"]:
            sem["courses"] = [c for c in sem["courses"] if c not in gone]
        data["semesters"] = [s for s in data["semesters"] if s["courses"]]
        cur.programmes[prog_id] = Programme.model_validate(data)


def translation_sources(editions: Editions) -> dict[Path, Path]:
    """Each translated course file of an edition's folder -> the Turkmen file it translates in
    that edition (the folder's own tk.md, or the one the edition takes from the edition before)."""
    out: dict[Path, Path] = {}
    for edition in editions.others():
        if edition.folder is None:
            continue
        inside = relpath(edition.folder) + "/"
        for course in edition.cur.courses.values():
            source = course.texts.get("tk")
            if source is None:
                continue
            for lang, text in course.texts.items():
                if lang != "tk" and (text.path + "/").startswith(inside):
                    out[Path(text.path).resolve()] = Path(source.path).resolve()
    return out
