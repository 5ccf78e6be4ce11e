"""Starting an edition and making it the current one: ``edition-new`` and ``edition-promote``.

``edition-new 2028-2029`` adds an edition in preparation after the last one: an entry in
``curriculum/editions.yml`` and a folder with a commented ``edition.yml``.

``edition-promote 2027-2028`` makes the edition in preparation after the current one current:

1. the current edition becomes archived: its folder records, frozen, what it changes from the
   archived edition before it (the oldest archived edition: everything, ``complete: true``);
2. the promoted edition's changes are written into the files under ``curriculum/`` (removed
   courses deleted, changed facts merged into course.yml, revised texts copied, study plans
   patched in place so their comments survive); its folder keeps only its edition.yml with the
   rationale of its changes;
3. ``editions.yml`` records the new statuses.

All of it is done on a copy of ``curriculum/`` first and verified: loaded again, every edition
must have exactly the content it had before (facts, placements and texts in every language),
and nothing may be newly wrong. Only then are the changed files written into the project, so a
refused or failed promotion leaves the sources as they were.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from ..core.atomic import write_atomic
from ..core.findings import Finding, errors, finding, relpath
from ..core.sources import read_source
from ..curriculum.editions import (
    EDITION_FILE,
    EDITIONS_DIR,
    EDITIONS_FILE,
    Edition,
    EditionEntry,
    Editions,
    load_editions,
)
from ..curriculum.exports import curriculum_json
from ..curriculum.loader import load_curriculum
from ..curriculum.model import Course, CourseText, Curriculum, Programme
from ..curriculum.rules import validate
from ..markdown.cache import SourceCache

COURSE_KEYS = ("code", "credits", "hours", "prerequisites", "competencies", "assessment", "readings")
TOP_KEY = re.compile(r"^(?:[A-Za-z_][\w-]*:|#)")
EDITION_TEMPLATE = """\
# The {id} edition of the curriculum, in preparation.
# It records only what changes from the edition before it (CONTRIBUTING → Editions):
#   removed: [CODE, …]                              courses this edition no longer has
#   rationale: {{CODE or programme: {{tk, ru, en}}}}    why each change is made, one sentence each
# Changed facts go in courses/<CODE>/course.yml (only the keys that change), revised texts in
# courses/<CODE>/<lang>.md (the whole file), study-plan changes in programmes/<id>.yml
# (only the semesters that change).
"""
ARCHIVED_TEMPLATE = """\
# The {id} edition of the curriculum, archived by `scripts/run edition-promote`: frozen, do not
# edit. {what}
"""
CURRENT_TEMPLATE = """\
# The {id} edition of the curriculum: the current one. Its courses and programmes are the files
# under curriculum/courses/ and curriculum/programmes/; this file keeps why it differs from
# {previous} (CONTRIBUTING → Editions).
"""


class EditionError(Exception):
    """A request the edition tools refuse; carries the findings to print."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.format() for f in findings))
        self.findings = findings


def _load(curriculum: Path) -> tuple[Editions, list[Finding]]:
    """Every edition, and what is wrong with any of them (loading and the rules)."""
    cache = SourceCache()
    cur, findings = load_curriculum(curriculum, cache)
    findings += validate(cur)
    editions, problems = load_editions(curriculum, cur, cache)
    findings += problems
    seen = set(findings)
    for edition in editions.others():
        findings += [f for f in validate(edition.cur) if f not in seen]
    return editions, findings


# --- edition-new ---------------------------------------------------------------------------------

def new_edition(curriculum: Path, edition_id: str) -> list[Path]:
    """Add ``edition_id`` as an edition in preparation; returns the files written."""
    try:
        entry = EditionEntry(id=edition_id, status="preparation")
    except ValueError:
        raise EditionError([finding(curriculum / EDITIONS_FILE, 0, "EDITION-NEW-ID", id=edition_id)]) from None
    path = curriculum / EDITIONS_FILE
    if path.exists():
        editions, findings = _load(curriculum)
        if not editions.declared:
            raise EditionError(errors(findings) or [finding(path, 1, "FILE-EMPTY")])
        last = editions.items[-1]
        if entry.start != int(last.id[:4]) + 1:
            raise EditionError([finding(path, last.line, "EDITION-NEW-NOT-NEXT", id=edition_id,
                                        last=last.id)])
        entries = [(e.id, e.status) for e in editions.items] + [(edition_id, "preparation")]
        header = _header(path)
    else:
        current = f"{entry.start - 1}-{entry.start}"
        entries = [(current, "current"), (edition_id, "preparation")]
        header = ("# The curriculum's editions by academic year, oldest first (CONTRIBUTING → Editions).\n"
                  "# The files under curriculum/courses/ and curriculum/programmes/ are the current edition;\n"
                  "# each other edition's folder, curriculum/editions/<id>/, records only what it changes.\n")
    folder = curriculum / EDITIONS_DIR / edition_id
    if folder.exists():
        raise EditionError([finding(folder, 0, "EDITION-NEW-EXISTS", id=edition_id)])
    edition_file = folder / EDITION_FILE
    write_atomic(edition_file, EDITION_TEMPLATE.format(id=edition_id) + "removed: []\nrationale: {}\n")
    write_atomic(path, header + _entries(entries))
    return [path, edition_file]


def _header(path: Path) -> str:
    """The comment lines at the top of editions.yml (kept when it is rewritten)."""
    source = read_source(path)
    lines = source.text.split("\n") if source.ok else []
    out = []
    for line in lines:
        if not line.startswith("#"):
            break
        out.append(line + "\n")
    return "".join(out)


def _entries(entries: list[tuple[str, str]]) -> str:
    return "editions:\n" + "".join(f"  - {{id: {i}, status: {s}}}\n" for i, s in entries)


# --- edition-promote -----------------------------------------------------------------------------

def promote(curriculum: Path, edition_id: str) -> list[str]:
    """Make ``edition_id`` (the edition in preparation after the current one) current. Returns
    the files changed, created or removed (relative to ``curriculum``'s parent)."""
    editions, findings = _load(curriculum)
    path = curriculum / EDITIONS_FILE
    if errors(findings):
        raise EditionError([finding(path, 0, "EDITION-PROMOTE-ERRORS", count=len(errors(findings)))]
                           + errors(findings))
    new = editions.get(edition_id)
    current = editions.current
    if new is None or not editions.declared or editions.next(current) is not new or not new.preparation:
        raise EditionError([finding(path, new.line if new else 1, "EDITION-PROMOTE-NOT-NEXT",
                                    id=edition_id, current=current.id or "—")])
    before = {e.id: _content(e.cur) for e in editions.items}
    with tempfile.TemporaryDirectory(prefix="sosial-is-promote-") as tmp:
        work = Path(tmp) / curriculum.name
        shutil.copytree(curriculum, work, symlinks=True)
        _archive(work, editions, current)
        _materialize(work, curriculum, new, current)
        _write_statuses(work, editions, {current.id: "archived", new.id: "current"})
        after, problems = _load(work)
        wrong = errors(problems)
        changed = [e.id for e in after.items if _content(e.cur) != before.get(e.id)]
        if wrong or changed or after.current.id != new.id:
            raise EditionError([finding(path, 0, "EDITION-PROMOTE-VERIFY", id=edition_id,
                                        editions=", ".join(changed) or "—")] + wrong)
        return _apply(work, curriculum)


def _content(cur: Curriculum) -> str:
    """What an edition says (facts, placements, texts in every language), paths left out."""
    data = curriculum_json(cur)
    return json.dumps({k: data[k] for k in ("programmes", "courses")}, sort_keys=True, ensure_ascii=False)


def _archive(work: Path, editions: Editions, current: Edition) -> None:
    """The current edition's folder, frozen: what it changes from the archived edition before
    it, or everything when there is none."""
    folder = work / EDITIONS_DIR / current.id
    rationale = _rationale_block(current)
    previous = editions.previous(current)
    for sub in ("courses", "programmes"):
        shutil.rmtree(folder / sub, ignore_errors=True)
    if previous is None:
        shutil.copytree(work / "programmes", folder / "programmes")
        shutil.copytree(work / "courses", folder / "courses")
        text = ARCHIVED_TEMPLATE.format(id=current.id, what="The oldest archived edition: it records "
                                        "everything.") + "complete: true\n" + rationale
        write_atomic(folder / EDITION_FILE, text)
        return
    old, cur = previous.cur, current.cur
    removed = sorted(code for code in old.courses if code not in cur.courses)
    for prog_id, prog in cur.programmes.items():
        source = work / "programmes" / f"{prog_id}.yml"
        if prog_id not in old.programmes:
            _copy(source, folder / "programmes" / source.name)
            continue
        block = _programme_delta(old.programmes[prog_id], prog)
        if block:
            write_atomic(folder / "programmes" / f"{prog_id}.yml", block)
    for code, course in cur.courses.items():
        source_dir = work / "courses" / code
        if code not in old.courses:
            shutil.copytree(source_dir, folder / "courses" / code)
            continue
        _course_delta(old.courses[code], course, source_dir, folder / "courses" / code)
    text = (ARCHIVED_TEMPLATE.format(id=current.id, what=f"It records what changes from {previous.id}.")
            + f"removed: [{', '.join(removed)}]\n" + rationale)
    write_atomic(folder / EDITION_FILE, text)


def _rationale_block(edition: Edition) -> str:
    if not edition.rationale:
        return "rationale: {}\n"
    out = ["rationale:\n"]
    for key, value in edition.rationale.items():
        out.append(f"  {key}:\n" + "".join(f"    {lang}: {json.dumps(value.get(lang), ensure_ascii=False)}\n"
                                         for lang in ("tk", "ru", "en")))
    return "".join(out)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def _course_delta(old: Course, new: Course, source_dir: Path, target: Path) -> None:
    """Write into ``target`` what course ``new`` changes from ``old``: its facts' changed keys
    and its texts that differ (copied from ``source_dir``, the current edition's files)."""
    a, b = old.facts.model_dump(), new.facts.model_dump()
    keys = [k for k in COURSE_KEYS if k != "code" and a[k] != b[k]]
    if keys:
        write_atomic(target / "course.yml", course_yaml(b, keys))
    for lang, text in new.texts.items():
        before = old.texts.get(lang)
        if before is None or not _same(before, text):
            _copy(source_dir / f"{lang}.md", target / f"{lang}.md")


def _same(a: CourseText, b: CourseText) -> bool:
    def content(text: CourseText) -> tuple:
        return (text.title, tuple((k, " ".join(s.body.split())) for k, s in sorted(text.sections.items())))
    return content(a) == content(b)


def _programme_delta(old: Programme, new: Programme) -> str:
    a, b = old.model_dump(), new.model_dump()
    out = []
    for key in ("kind", "title", "award", "summary", "total_credits", "semester_credits", "year_credits"):
        if a[key] != b[key]:
            out.append(yaml_value(key, b[key]))
    before = {s["number"]: s for s in a["semesters"]}
    changed = [s for s in b["semesters"] if before.get(s["number"]) != s]
    if changed:
        out.append(yaml_value("semesters", changed))
    return "".join(out)


def _materialize(work: Path, curriculum: Path, new: Edition, current: Edition) -> None:
    """Write the promoted edition's changes into the files under curriculum/ (of ``work``)."""
    folder = work / EDITIONS_DIR / new.id
    for code in new.removed:
        shutil.rmtree(work / "courses" / code, ignore_errors=True)
    for course_dir in sorted((folder / "courses").glob("*/")):
        code = course_dir.name
        target = work / "courses" / code
        if code not in current.cur.courses:
            shutil.copytree(course_dir, target)
            continue
        if (course_dir / "course.yml").exists():
            data = new.cur.courses[code].facts.model_dump()
            write_atomic(target / "course.yml", course_yaml(data, COURSE_KEYS))
        for md in sorted(course_dir.glob("??.md")):
            _copy(md, target / md.name)
    for prog_id, prog in new.cur.programmes.items():
        path = work / "programmes" / f"{prog_id}.yml"
        own = folder / "programmes" / f"{prog_id}.yml"
        if prog_id not in current.cur.programmes:
            _copy(own, path)
            continue
        if prog == current.cur.programmes[prog_id]:
            continue
        text = read_source(path).text
        old, data = current.cur.programmes[prog_id].model_dump(), prog.model_dump()
        for key, value in data.items():
            if key != "id" and old.get(key) != value:
                text = replace_top_level(text, key, yaml_value(key, value))
        write_atomic(path, text)
    for sub in ("courses", "programmes"):
        shutil.rmtree(folder / sub, ignore_errors=True)
    write_atomic(folder / EDITION_FILE,
                 CURRENT_TEMPLATE.format(id=new.id, previous=current.id) + _rationale_block(new))


def _write_statuses(work: Path, editions: Editions, changes: dict[str, str]) -> None:
    path = work / EDITIONS_FILE
    entries = [(e.id, changes.get(e.id, e.status)) for e in editions.items]
    write_atomic(path, _header(path) + _entries(entries))


def _apply(work: Path, curriculum: Path) -> list[str]:
    """Make ``curriculum`` equal to ``work``, file by file; returns what it touched."""
    touched = []
    new_files = {p.relative_to(work) for p in work.rglob("*") if p.is_file()}
    old_files = {p.relative_to(curriculum) for p in curriculum.rglob("*") if p.is_file()}
    for rel in sorted(new_files):
        data = (work / rel).read_bytes()
        target = curriculum / rel
        if rel in old_files and target.read_bytes() == data:
            continue
        write_atomic(target, data)
        touched.append(relpath(target))
    for rel in sorted(old_files - new_files):
        (curriculum / rel).unlink()
        touched.append(relpath(curriculum / rel))
    for folder in sorted((p for p in curriculum.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()
    return touched


# --- YAML in the layout of our files ---------------------------------------------------------

def course_yaml(data: dict, keys: tuple[str, ...] | list[str]) -> str:
    """course.yml (or the changed keys of it) in the layout of the existing files."""
    return "".join(yaml_value(key, data[key]) for key in COURSE_KEYS if key in keys)


def yaml_value(key: str, value: object) -> str:
    """``key: value`` as our YAML files write it (flow lists, block mappings)."""
    if key in ("prerequisites", "readings"):
        return f"{key}: [{', '.join(value)}]\n"  # type: ignore[arg-type]
    if key == "assessment":
        return "assessment:\n" + "".join(f"  - {{kind: {a['kind']}, weight: {a['weight']}}}\n"
                                         for a in value)  # type: ignore[union-attr]
    if key == "semesters":
        return "semesters:\n" + "".join(f"  - number: {s['number']}\n    courses: [{', '.join(s['courses'])}]\n"
                                        for s in value)  # type: ignore[union-attr]
    if isinstance(value, dict):
        return f"{key}:\n" + "".join(f"  {k}: {_scalar(v)}\n" for k, v in value.items())
    return f"{key}: {_scalar(value)}\n"


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return text if re.fullmatch(r"[A-Za-z][\w-]*", text) else json.dumps(text, ensure_ascii=False)


def replace_top_level(text: str, key: str, block: str) -> str:
    """``text`` (a YAML file) with the top-level ``key`` and its value replaced by ``block``;
    everything else (comments, the other keys) as it was. Appended when the key is absent."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        return text.rstrip("\n") + "\n" + block
    end = start + 1
    while end < len(lines) and not TOP_KEY.match(lines[end]):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # keep the blank lines before the next key
        end -= 1
    return "\n".join(lines[:start]) + ("\n" if start else "") + block + "\n".join(lines[end:])
