"""Checks across the editions of the curriculum (``curriculum/editions.py``).

- Every rule of ``curriculum/rules.py`` over every edition (30 ECTS per semester, programme
  totals, prerequisites, hours …): a finding only one edition has names that edition; one the
  current edition already has is not repeated.
- A prerequisite that an edition removes (``EDITION-PREREQ-REMOVED``), a code reused for a new
  course after its course was removed (``EDITION-CODE-REUSED``).
- In an edition in preparation: a rationale for every change and none for what does not change
  (``EDITION-RATIONALE-*``); no file that changes nothing (``EDITION-UNCHANGED``); a revised
  Turkmen text whose translations were not revised (``EDITION-TRANSLATION-OUTDATED``), and the
  revised translations up to date with it (``TRANSLATION-OUTDATED``/``-UNTRACKED``).
"""
from __future__ import annotations

from pathlib import Path

from ..core.findings import Finding, finding, relpath
from ..core.languages import SOURCE_LANG, TRANSLATED_LANGS
from ..curriculum.diff import EditionDiff
from ..curriculum.editions import Edition, Editions
from ..curriculum.model import Course, CourseText
from ..curriculum.rules import validate
from ..markdown.cache import SourceCache
from ..project.translations import Reader


def check_editions(editions: Editions, diffs: dict[str, EditionDiff], known: list[Finding],
                   cache: SourceCache) -> list[Finding]:
    """Findings of the editions other than the current one and across editions. ``known``: the
    current edition's findings; ``diffs``: newer edition id -> its diff from the edition before."""
    if not editions.declared:
        return []
    out: list[Finding] = []
    seen = set(known)
    for edition in editions.others():
        previous = editions.previous(edition)
        for f in validate(edition.cur):
            if f in seen:
                continue
            seen.add(f)
            out.append(_named(_removed_prereq(f, edition, previous), edition))
    out += _reused_codes(editions)
    reader = Reader(cache)
    for edition in editions.items:
        if not edition.preparation or edition.complete:
            continue
        change = diffs.get(edition.id)
        if change is not None:
            out += _rationale(edition, change)
        previous = editions.previous(edition)
        if previous is not None:
            out += _unchanged(edition, previous)
        out += _translations(edition, reader)
    return out


def _inside(path: str, folder: Path | None) -> bool:
    return folder is not None and (path + "/").startswith(relpath(folder) + "/")


def _named(f: Finding, edition: Edition) -> Finding:
    """A rule's finding in a file outside the edition's folder says which edition it is about."""
    if _inside(f.path, edition.folder) or f.param("edition"):
        return f
    return Finding(f.path, f.line, f.code, f.params + (("edition", edition.id),))


def _removed_prereq(f: Finding, edition: Edition, previous: Edition | None) -> Finding:
    if f.code != "PREREQ-UNKNOWN" or previous is None:
        return f
    prereq = f.param("prereq")
    if prereq in previous.cur.courses and prereq not in edition.cur.courses:
        return finding(f.path, f.line, "EDITION-PREREQ-REMOVED", code=f.param("code"),
                       prereq=prereq, edition=edition.id)
    return f


def _reused_codes(editions: Editions) -> list[Finding]:
    out = []
    items = editions.items
    for i in range(2, len(items)):
        for code in items[i].cur.courses:
            if code in items[i - 1].cur.courses:
                continue
            earlier = [j for j in range(i - 1) if code in items[j].cur.courses]
            if earlier:
                path, line = items[i].cur.where.get(("course", code), (items[i].edition_file, 1))
                out.append(finding(path, line, "EDITION-CODE-REUSED", code=code,
                                   removed_in=items[earlier[-1] + 1].id))
    return out


def _rationale(edition: Edition, change: EditionDiff) -> list[Finding]:
    """Every course and programme the edition changes has a rationale; no rationale is idle."""
    out = []
    needed: set[str] = set()
    for course in change.courses:
        keys = {course.code} | ({p for p, _, _ in course.placements} if course.kinds() == ["moved"] else set())
        needed |= keys
        if course.rationale is None:
            path, line = _where_changed(edition, course.code)
            out.append(finding(path, line, "EDITION-RATIONALE-MISSING", edition=edition.id,
                               key=course.code))
    for prog in change.programmes:
        needed.add(prog.id)
        if prog.rationale is None:
            files = edition.changed.get(prog.id)
            path, line = (files[0], 1) if files else (edition.edition_file, 1)
            out.append(finding(path, line, "EDITION-RATIONALE-MISSING", edition=edition.id,
                               key=prog.id))
    for key, line in edition.rationale_lines.items():
        if key not in needed:
            out.append(finding(edition.edition_file, line, "EDITION-RATIONALE-UNUSED",
                               edition=edition.id, key=key))
    return out


def _where_changed(edition: Edition, code: str) -> tuple[str, int]:
    """The place that makes a course's change: its file in the edition's folder, the line that
    removes it, or the programme line that moves it."""
    if code in edition.removed_lines:
        return edition.edition_file, edition.removed_lines[code]
    files = edition.changed.get(code)
    if files:
        return files[0], 1
    placement = next((v for k, v in edition.cur.where.items() if k[0] == "placement"
                      and k[1].endswith("/" + code) and _inside(v[0], edition.folder)), None)
    return placement or (edition.edition_file, 1)


def _same_text(a: CourseText, b: CourseText) -> bool:
    def content(text: CourseText) -> tuple:
        return (text.title, tuple((k, " ".join(s.body.split())) for k, s in sorted(text.sections.items())))
    return content(a) == content(b)


def _unchanged(edition: Edition, previous: Edition) -> list[Finding]:
    """Files of the edition's folder that say the same as the edition before."""
    out = []
    folder = edition.folder
    for code, course in edition.cur.courses.items():
        old: Course | None = previous.cur.courses.get(code)
        if old is None or old is course:
            continue
        facts = folder / "courses" / code / "course.yml"
        if facts.exists() and course.facts == old.facts and any(
                p == relpath(facts) for p, _ in course.origins.values()):
            out.append(finding(facts, 1, "EDITION-UNCHANGED", edition=edition.id))
        for lang, text in course.texts.items():
            before = old.texts.get(lang)
            if before is not None and text is not before and _inside(text.path, folder) \
                    and _same_text(text, before):
                out.append(finding(text.path, 1, "EDITION-UNCHANGED", edition=edition.id))
    return out


def _translations(edition: Edition, reader: Reader) -> list[Finding]:
    """Revised texts of the edition and their translations."""
    out = []
    folder = edition.folder
    for code, course in sorted(edition.cur.courses.items()):
        source = course.texts.get(SOURCE_LANG)
        if source is None:
            continue
        source_revised = _inside(source.path, folder)
        for lang in TRANSLATED_LANGS:
            text = course.texts.get(lang)
            if text is None:
                continue
            own = _inside(text.path, folder)
            if source_revised and not own:
                target = relpath(folder / "courses" / code / f"{lang}.md")
                out.append(finding(source.path, 1, "EDITION-TRANSLATION-OUTDATED", code=code,
                                   edition=edition.id, lang=lang, target=target))
                continue
            if not own:
                continue
            path = Path(text.path)
            value, line = reader.recorded(path)
            if value is None:
                out.append(finding(path, 1, "TRANSLATION-UNTRACKED", source=source.path, path=text.path))
            elif value != reader.hash(Path(source.path)):
                out.append(finding(path, line or 1, "TRANSLATION-OUTDATED", source=source.path,
                                   path=text.path))
    return out
