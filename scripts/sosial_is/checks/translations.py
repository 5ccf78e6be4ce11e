"""Translation parity and freshness: every page in tk, ru and en (or listed as pending), and
each translation up to date with its Turkmen source (states from ``project/translations.py``)."""
from __future__ import annotations

from pathlib import Path

from ..core.findings import Finding, finding, relpath
from ..core.languages import TRANSLATED_LANGS
from ..markdown.cache import SourceCache
from ..project.translations import PENDING_FILE, Reader, pending, status, units


def check_translations(root: Path, docs: Path, hand_written: list[Path],
                       cache: SourceCache | None = None) -> list[Finding]:
    """Missing, untracked and outdated translations; stale entries of the pending list."""
    planned, plan_lines, findings = pending(root)
    reader = Reader(cache)
    all_units = units(root, docs, hand_written)
    for unit in all_units:
        if not unit.source.exists():
            first = next((p for p in unit.files.values() if p.exists()), None)
            if unit.kind == "page" and first is not None:  # courses: COURSE-LANG-MISSING says so;
                # no file at all: a broken link or loop, reported as FILE-UNREADABLE
                findings.append(finding(first, 1, "TRANSLATION-SOURCE-MISSING",
                                        source=relpath(unit.source)))
            continue
        for lang in TRANSLATED_LANGS:
            path = unit.files[lang]
            state = status(unit, lang, planned, reader)
            if state == "missing" and unit.kind == "page":
                findings.append(finding(unit.source, 1, "TRANSLATION-MISSING", lang=lang,
                                        path=relpath(path), pending=PENDING_FILE))
            elif state in ("untracked", "outdated"):
                if not reader.cache.get(path)[0].ok:
                    continue  # the file's own finding (FILE-ENCODING …) says what is wrong
                _, line = reader.recorded(path)
                code = "TRANSLATION-UNTRACKED" if state == "untracked" else "TRANSLATION-OUTDATED"
                findings.append(finding(path, line or 1, code, source=relpath(unit.source),
                                        path=relpath(path)))
            elif path.exists() and lang in planned.get(unit.key, set()):
                findings.append(finding(root / PENDING_FILE, plan_lines.get(unit.key, 1),
                                        "TRANSLATION-PENDING-DONE", page=unit.key, lang=lang))
    known = {u.key for u in all_units}
    for page, line in plan_lines.items():
        if page not in known:
            findings.append(finding(root / PENDING_FILE, line, "TRANSLATION-PENDING-UNKNOWN",
                                    page=page))
    return findings
