"""Translation parity and freshness: every page in tk, ru and en, each translation up to date.

Turkmen is the source language. A Russian or English file records which version of its Turkmen
source it translates, in its front matter::

    translation_of: 3f2a9c1b7d4e

The value is a content hash of the Turkmen file (SHA-256 of its normalized text, 12 hex digits):
it needs neither git nor history, so it works the same in a shallow CI clone, a zip download
or a translator's laptop; whitespace-only edits (trailing spaces, extra blank lines, CRLF) do
not change it. When the Turkmen file changes, the hash no longer matches and the translation is
reported as outdated. After updating a translation the translator records it with::

    scripts/run translation-done docs/ethics/index.ru.md curriculum/courses/SW-101/en.md

A page that is knowingly not translated yet is listed in ``docs/.translations-pending.yml``
(page path without language suffix -> languages), which silences the "missing" warning; MkDocs
does not publish dot-files, so the list stays out of the site. The generated page
``about/translation-status`` shows every page and course in every language.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .report import Finding, finding, relpath

LANGS = ("tk", "ru", "en")
SOURCE_LANG = "tk"
PENDING_FILE = "docs/.translations-pending.yml"
STATUS_PAGE = "about/translation-status"
FIELD = "translation_of"
FIELD_RE = re.compile(rf"^{FIELD}:[ \t]*[\"']?([0-9a-fA-F]*)[\"']?[ \t]*$", re.M)
FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
PAGE_RE = re.compile(r"^(.*)\.(tk|ru|en)\.md$")
STATUSES = ("up_to_date", "outdated", "untracked", "missing", "pending")


def source_hash(text: str) -> str:
    """Hash of a source's normalized text: NFC, LF, no trailing spaces, single blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def recorded(text: str) -> tuple[str | None, int]:
    """The ``translation_of`` value of a file's front matter and its line (None, 0 if absent)."""
    front = FRONT.match(text)
    if not front or not front.group(1):
        return None, 0
    m = FIELD_RE.search(front.group(1))
    if not m:
        return None, 0
    return m.group(1).lower(), front.group(1)[: m.start()].count("\n") + 2


def set_recorded(text: str, value: str) -> str:
    """``text`` with ``translation_of: value`` in its front matter (added when missing)."""
    line = f"{FIELD}: {value}"
    front = FRONT.match(text)
    if not front:
        return f"---\n{line}\n---\n\n{text}"
    body = front.group(1) or ""
    body = FIELD_RE.sub(line, body, count=1) if FIELD_RE.search(body) else body + line + "\n"
    return f"---\n{body}---\n" + text[front.end():] if front.group(2) else f"---\n{body}---"


# --- What has to be translated ---------------------------------------------------------------

@dataclass
class Unit:
    """One translatable thing: a hand-written page or a course, with its files per language."""

    key: str  # "ethics/index.md" or "SW-101"
    kind: str  # "page" or "course"
    files: dict[str, Path] = field(default_factory=dict)  # language -> file that should exist

    @property
    def source(self) -> Path:
        return self.files[SOURCE_LANG]


def units(root: Path, hand_written: list[Path]) -> list[Unit]:
    docs = root / "docs"
    pages: dict[str, Unit] = {}
    for path in hand_written:
        m = PAGE_RE.match(path.relative_to(docs).as_posix())
        if not m:
            continue  # a page without language suffix serves every language
        key = m.group(1) + ".md"
        pages.setdefault(key, Unit(key, "page", {lg: docs / f"{m.group(1)}.{lg}.md" for lg in LANGS}))
    courses = [Unit(d.name, "course", {lg: d / f"{lg}.md" for lg in LANGS})
               for d in sorted((root / "curriculum" / "courses").glob("*"))
               if (d / "course.yml").exists()]
    return sorted(pages.values(), key=lambda u: u.key) + courses


def pending(root: Path) -> tuple[dict[str, set[str]], dict[str, int], list[Finding]]:
    """The pending list: page -> languages, the line of each page, findings."""
    path = root / PENDING_FILE
    if not path.exists():
        return {}, {}, []
    from .yamlsrc import load_yaml
    located, findings = load_yaml(path)
    if located is None or located.data is None:
        return {}, {}, findings
    if not isinstance(located.data, dict):
        return {}, {}, findings + [finding(path, 1, "SCHEMA-WRONG-VALUE", field="(top level)",
                                           detail="expected 'page.md: [ru, en]' lines",
                                           value=type(located.data).__name__)]
    out, lines = {}, {}
    for page, langs in located.data.items():
        langs = [langs] if isinstance(langs, str) else list(langs or [])
        out[str(page)] = {str(lg) for lg in langs}
        lines[str(page)] = located.line((page,))
    return out, lines, findings


def status(unit: Unit, lang: str, planned: dict[str, set[str]], hashes: dict[Path, str]) -> str:
    path = unit.files[lang]
    if not path.exists():
        return "pending" if lang in planned.get(unit.key, set()) else "missing"
    if lang == SOURCE_LANG:
        return "up_to_date"
    value, _ = recorded(path.read_text(encoding="utf-8"))
    if value is None:
        return "untracked"
    return "up_to_date" if value == _hash(unit.source, hashes) else "outdated"


def _hash(path: Path, cache: dict[Path, str]) -> str:
    if path not in cache:
        cache[path] = source_hash(path.read_text(encoding="utf-8")) if path.exists() else ""
    return cache[path]


def check_translations(root: Path, hand_written: list[Path]) -> list[Finding]:
    """Missing, untracked and outdated translations; stale entries of the pending list."""
    planned, plan_lines, findings = pending(root)
    hashes: dict[Path, str] = {}
    all_units = units(root, hand_written)
    for unit in all_units:
        if not unit.source.exists():
            if unit.kind == "page":  # courses: COURSE-LANG-MISSING already says so
                first = next(p for p in unit.files.values() if p.exists())
                findings.append(finding(first, 1, "TRANSLATION-SOURCE-MISSING",
                                        source=relpath(unit.source)))
            continue
        for lang in LANGS[1:]:
            path = unit.files[lang]
            state = status(unit, lang, planned, hashes)
            if state == "missing" and unit.kind == "page":
                findings.append(finding(unit.source, 1, "TRANSLATION-MISSING", lang=lang,
                                        path=relpath(path), pending=PENDING_FILE))
            elif state in ("untracked", "outdated"):
                _, line = recorded(path.read_text(encoding="utf-8"))
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


# --- Recording a finished translation ----------------------------------------------------------

def source_of(path: Path) -> Path | None:
    """The Turkmen source of a translation file (page or course language file)."""
    m = PAGE_RE.match(path.name)
    if m and m.group(2) != SOURCE_LANG:
        return path.with_name(f"{m.group(1)}.{SOURCE_LANG}.md")
    if path.name in (f"{lg}.md" for lg in LANGS[1:]) and (path.parent / "course.yml").exists():
        return path.parent / f"{SOURCE_LANG}.md"
    return None


def mark_done(paths: list[Path]) -> list[tuple[Path, str | None]]:
    """Record in each translation the hash of its current source. Returns (path, error)."""
    results = []
    for path in paths:
        source = source_of(path)
        if source is None or not path.exists() or not source.exists():
            results.append((path, f"not a translation with a Turkmen source: {relpath(path)}"))
            continue
        text = path.read_text(encoding="utf-8")
        new = set_recorded(text, source_hash(source.read_text(encoding="utf-8")))
        if new != text:
            path.write_text(new, encoding="utf-8")
        results.append((path, None))
    return results


def all_translations(root: Path, hand_written: list[Path]) -> list[Path]:
    return [u.files[lg] for u in units(root, hand_written) for lg in LANGS[1:]
            if u.files[lg].exists() and u.source.exists()]


# --- The status page -------------------------------------------------------------------------

def _title(unit: Unit, lang: str) -> str:
    """The page's H1 (or front matter title) in ``lang``, else in Turkmen, else its key."""
    for lg in (lang, SOURCE_LANG):
        path = unit.files[lg]
        if path.exists():
            text = path.read_text(encoding="utf-8")
            m = re.search(r"^title:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", FRONT.match(text).group(1) or "", re.M) \
                if FRONT.match(text) else None
            h1 = re.search(r"^#[ \t]+(.+?)[ \t]*(\{[^}]*\})?[ \t]*$", text, re.M)
            title = (m.group(1) if m else h1.group(1) if h1 else "").replace("|", "\\|")
            if title:
                return f"{unit.key} {title}" if unit.kind == "course" else title
    return unit.key


def status_pages(root: Path, hand_written: list[Path]) -> dict[str, str]:
    """docs/about/translation-status.{tk,ru,en}.md: every page and course × language."""
    from .generate import _front, course_slug
    from .ui import t
    planned, _, _ = pending(root)
    hashes: dict[Path, str] = {}
    rows = []
    for unit in units(root, hand_written):
        if unit.source.exists():
            rows.append((unit, {lg: status(unit, lg, planned, hashes) for lg in LANGS}))
    pages: dict[str, str] = {}
    for lang in LANGS:
        out = [_front(t("ts_title", lang), t("ts_intro", lang), PENDING_FILE, lang)]
        out.append(f"# {t('ts_title', lang)}\n\n{t('ts_intro', lang)}\n\n")
        out.append(f"## {t('ts_summary', lang)} {{#summary}}\n\n| {t('ts_language', lang)} | "
                   + " | ".join(t(f"ts_{s}", lang) for s in STATUSES) + " |\n|---|"
                   + "---|" * len(STATUSES) + "\n")
        for lg in LANGS[1:]:
            counts = {s: sum(1 for _, st in rows if st[lg] == s) for s in STATUSES}
            out.append(f"| {t('ts_lang_' + lg, lang)} | "
                       + " | ".join(str(counts[s]) for s in STATUSES) + " |\n")
        out.append("\n")
        for kind, heading in (("page", "ts_pages"), ("course", "ts_courses")):
            out.append(f"## {t(heading, lang)} {{#{kind}s}}\n\n| | "
                       + " | ".join(t(f"ts_lang_{lg}", lang) for lg in LANGS) + " |\n|---|---|---|---|\n")
            for unit, states in rows:
                if unit.kind != kind:
                    continue
                href = (f"../{unit.key}" if kind == "page"
                        else f"../curriculum/courses/{course_slug(unit.key)}.md")
                label = _title(unit, lang)
                cells = " | ".join(
                    t("ts_source", lang) if lg == SOURCE_LANG and states[lg] == "up_to_date"
                    else f'<span class="si-ts si-ts--{states[lg]}">{t("ts_" + states[lg], lang)}</span>'
                    for lg in LANGS)
                out.append(f"| [{label}]({href}) | {cells} |\n")
            out.append("\n")
        pages[f"{STATUS_PAGE}.{lang}.md"] = "".join(out)
    return pages
