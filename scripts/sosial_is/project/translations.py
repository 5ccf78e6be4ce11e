"""Translations of the sources: what has to be translated, and how up to date each translation is.

Turkmen is the source language. A Russian or English file records which version of its Turkmen
source it translates, in its front matter::

    translation_of: 3f2a9c1b7d4e

The value is a content hash of the Turkmen file (SHA-256 of its normalized text, 12 hex digits):
it needs neither git nor history, so it works the same in a shallow CI clone, a zip download
or a translator's laptop; whitespace-only edits (trailing spaces, extra blank lines, CRLF) do
not change it. When the Turkmen file changes, the hash no longer matches and the translation is
outdated. After updating a translation the translator records it with::

    scripts/run translation-done docs/ethics/index.ru.md curriculum/courses/SW-101/en.md

A page that is knowingly not translated yet is listed in ``docs/.translations-pending.yml``
(page path without language suffix -> languages). MkDocs does not publish dot-files, so the list
stays out of the site. ``checks/translations.py`` turns the states into findings and
``pages/translation_status.py`` into the status page.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..core.atomic import write_atomic
from ..core.findings import Finding, finding, relpath
from ..core.languages import LANGS, SOURCE_LANG, TRANSLATED_LANGS
from ..core.sources import read_source
from ..core.yaml_lines import load_yaml
from ..markdown.cache import SourceCache
from ..markdown.scanner import FRONT_MATTER, FrontMatter, front_matter

PENDING_FILE = "docs/.translations-pending.yml"
FIELD = "translation_of"
FIELD_LINE = re.compile(rf"^{FIELD}:[ \t]*[\"']?([0-9a-fA-F]*)[\"']?[ \t]*$")
PAGE_RE = re.compile(r"^(.*)\.(" + "|".join(LANGS) + r")\.md$")
STATUSES = ("up_to_date", "outdated", "untracked", "missing", "pending")


def source_hash(text: str) -> str:
    """Hash of a source's normalized text: NFC, LF, no trailing spaces, single blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def recorded(text: str, front: FrontMatter | None = None) -> tuple[str | None, int]:
    """The ``translation_of`` value of a file's front matter and its line (None, 0 if absent).
    ``front``: the text's front matter when already parsed (a scan has it)."""
    front = front or front_matter(text)
    line = front.lines.get((FIELD,))
    if not line:
        return None, 0
    m = FIELD_LINE.match(text.split("\n", line)[line - 1])
    return (m.group(1).lower(), line) if m else (None, 0)


def set_recorded(text: str, value: str) -> str:
    """``text`` with ``translation_of: value`` in its front matter (added when missing)."""
    entry = f"{FIELD}: {value}"
    front = FRONT_MATTER.match(text)
    if not front:
        return f"---\n{entry}\n---\n\n{text}"
    _, line = recorded(text)
    lines = text.split("\n")
    if line:
        lines[line - 1] = entry
        return "\n".join(lines)
    closing = text.count("\n", 0, front.end()) - 1  # index of the closing --- line
    lines.insert(closing, entry)
    return "\n".join(lines)


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


def units(root: Path, docs: Path, hand_written: list[Path]) -> list[Unit]:
    pages: dict[str, Unit] = {}
    for path in hand_written:
        m = PAGE_RE.match(path.relative_to(docs).as_posix())
        if not m:
            continue  # a page without language suffix serves every language
        key = m.group(1) + ".md"
        pages.setdefault(key, Unit(key, "page", {lg: docs / f"{m.group(1)}.{lg}.md" for lg in LANGS}))
    courses = [Unit(d.name, "course", {lg: d / f"{lg}.md" for lg in LANGS})
               for d in sorted((root / "curriculum" / "courses").glob("*"))
               if d.is_dir() and (d / "course.yml").is_file()]
    return sorted(pages.values(), key=lambda u: u.key) + courses


def pending(root: Path) -> tuple[dict[str, set[str]], dict[str, int], list[Finding]]:
    """The pending list: page -> languages, the line of each page, findings."""
    path = root / PENDING_FILE
    if not path.exists():
        return {}, {}, []
    located, findings = load_yaml(path)
    if located is None or located.data is None:
        return {}, {}, findings
    if not isinstance(located.data, dict):
        return {}, {}, findings + [finding(path, 1, "SCHEMA-WRONG-VALUE", field="(top level)",
                                           detail="expected 'page.md: [ru, en]' lines",
                                           value=type(located.data).__name__)]
    out, lines = {}, {}
    for page, langs in located.data.items():
        if isinstance(langs, str):
            langs = [langs]
        elif not isinstance(langs, (list, tuple)):
            langs = []
        out[str(page)] = {str(lg) for lg in langs}
        lines[str(page)] = located.line((page,))
    return out, lines, findings


class Reader:
    """Reading the files of translation units through a cache (each file read and hashed once)."""

    def __init__(self, cache: SourceCache | None = None) -> None:
        self.cache = cache or SourceCache()

    def hash(self, path: Path) -> str:
        def compute() -> str:
            source, _ = self.cache.get(path)
            return source_hash(source.text) if source.ok else ""
        return self.cache.derive("source-hash", path, compute)

    def recorded(self, path: Path) -> tuple[str | None, int]:
        source, scanned = self.cache.get(path)
        return recorded(source.text, scanned.front) if scanned is not None else (None, 0)


def status(unit: Unit, lang: str, planned: dict[str, set[str]], reader: Reader) -> str:
    """up_to_date, outdated, untracked (no hash recorded), missing or pending."""
    path = unit.files[lang]
    if not path.exists():
        return "pending" if lang in planned.get(unit.key, set()) else "missing"
    if lang == SOURCE_LANG:
        return "up_to_date"
    value, _ = reader.recorded(path)
    if value is None:
        return "untracked"
    return "up_to_date" if value == reader.hash(unit.source) else "outdated"


# --- Recording a finished translation ----------------------------------------------------------

def source_of(path: Path) -> Path | None:
    """The Turkmen source of a translation file (page or course language file)."""
    m = PAGE_RE.match(path.name)
    if m and m.group(2) != SOURCE_LANG:
        return path.with_name(f"{m.group(1)}.{SOURCE_LANG}.md")
    if path.name in (f"{lg}.md" for lg in TRANSLATED_LANGS) and (path.parent / "course.yml").exists():
        return path.parent / f"{SOURCE_LANG}.md"
    return None


def mark_done(paths: list[Path], sources: dict[Path, Path] | None = None) -> list[tuple[Path, str | None]]:
    """Record in each translation the hash of its current source. Returns (path, error).
    ``sources``: the Turkmen source of files :func:`source_of` cannot tell alone (the course
    files of an edition's folder, ``curriculum/editions.translation_sources``)."""
    results: list[tuple[Path, str | None]] = []
    for path in paths:
        source = (sources or {}).get(path.resolve()) or source_of(path)
        if source is None or not path.is_file() or not source.is_file():
            results.append((path, f"not a translation with a Turkmen source: {relpath(path)}"))
            continue
        own, original = read_source(path), read_source(source)
        if not own.ok or not original.ok:
            problem = own.problem or original.problem
            results.append((path, problem.format() if problem else relpath(path)))
            continue
        new = set_recorded(own.text, source_hash(original.text))
        if new != own.text:
            write_atomic(path, new)
        results.append((path, None))
    return results


def all_translations(root: Path, docs: Path, hand_written: list[Path]) -> list[Path]:
    return [u.files[lg] for u in units(root, docs, hand_written) for lg in TRANSLATED_LANGS
            if u.files[lg].exists() and u.source.exists()]
