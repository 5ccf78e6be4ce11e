"""The pipeline from sources to checked, generated pages, in one place:

    load the curriculum (curriculum/loader)  ->  rules over the model (curriculum/rules)
    ->  generate pages in memory (pages/)     ->  read and scan every hand-written page and
    course file once (markdown/scanner)       ->  checks (checks/)  ->  State

The ``check`` command and the MkDocs plugin both call :func:`run`; the plugin runs it once per
change of the sources (not per page, not per language) and writes ``State.pages`` under docs/.
Reading a file goes through ``core.sources``; a file scanned once is not scanned again while it
is unchanged (``markdown.cache.SourceCache``, kept by a long-running ``serve``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks.citations import check_citations
from .checks.editions import check_editions
from .checks.links import DocSet, check_links
from .checks.names import check_names
from .checks.nav import check_nav
from .checks.placeholders import check_placeholders
from .checks.safety import check_scanned
from .checks.terms import check_terms
from .checks.translations import check_translations
from .core import manifest
from .core.findings import Finding, finding, forget_folders
from .core.languages import LANGS
from .core.sources import read_source
from .curriculum.diff import EditionDiff, diff
from .curriculum.editions import EDITIONS_FILE, Editions, load_editions
from .curriculum.loader import load_curriculum
from .curriculum.model import Curriculum
from .curriculum.rules import validate
from .markdown.cache import SourceCache, folder_signature
from .markdown.scanner import Scanned
from .pages import BIBLIOGRAPHY_PAGE, GLOSSARY_PAGE, STATUS_PAGES, source_pages, translation_status
from .pages.common import course_slug
from .project import Project
from .project.translations import pending
from .render import citations

#: Findings that mean a file could not be read at all (counted in the summary line).
UNREADABLE = frozenset({"FILE-ENCODING", "FILE-BINARY", "FILE-TOO-LARGE", "FILE-IS-FOLDER",
                        "FILE-UNREADABLE"})


@dataclass
class State:
    """Everything the build needs from the sources, computed once per change."""

    curriculum: Curriculum  # the current edition
    findings: list[Finding]
    pages: dict[str, str]  # generated files: path relative to docs/ -> content
    hand_written: list[Path]
    editions: Editions | None = None
    diffs: dict[str, EditionDiff] = field(default_factory=dict)  # newer edition id -> diff

    @property
    def unreadable(self) -> int:
        return len({f.path for f in self.findings if f.code in UNREADABLE})


@dataclass
class Model:
    """What is made from curriculum/ alone: reused while no file under it changes."""

    editions: Editions
    findings: list[Finding]
    pages: dict[str, str]
    diffs: dict[str, EditionDiff]


def run(project: Project, cache: SourceCache | None = None) -> State:
    """Load, check and generate: the whole pipeline before MkDocs renders anything."""
    cache = cache or SourceCache()
    forget_folders()  # named files' folders are resolved again, once per run (core.findings)
    root, docs = project.root, project.docs
    key = (folder_signature(project.curriculum), (docs / "contributing" / "index.tk.md").exists(),
           project.config.site_url)
    model = cache.memo("model", key, lambda: _model(project, cache))
    cur = model.editions.current.cur
    findings = list(model.findings)
    pages = dict(model.pages)
    generated = set(pages) | set(STATUS_PAGES) | set(manifest.read(docs))
    hand_written = project.hand_written(generated)
    pages.update(translation_status.status_pages(root, docs, hand_written, cache))
    findings += check_sources(project, cur, pages, hand_written, cache, model.editions)
    return State(cur, sorted(set(findings)), pages, hand_written, model.editions, model.diffs)


def _model(project: Project, cache: SourceCache) -> Model:
    """The editions, the findings of loading them and of the rules, their diffs and the pages
    made from them."""
    cur, findings = load_curriculum(project.curriculum, cache)
    findings += validate(cur)
    editions, problems = load_editions(project.curriculum, cur, cache)
    findings += problems
    diffs = {new.id: diff(old.cur, new.cur, new.rationale) for old, new in editions.pairs()}
    findings += check_editions(editions, diffs, findings, cache)
    try:  # a broken model is reported by the rules; pages are made from what loaded
        pages = source_pages(editions, diffs, project.root, project.docs, project.config.site_url)
    except Exception:
        pages = _last_written(project.docs)
    return Model(editions, findings, pages, diffs)


def check_sources(project: Project, cur: Curriculum, pages: dict[str, str],
                  hand_written: list[Path], cache: SourceCache,
                  editions: Editions | None = None) -> list[Finding]:
    """Every check over hand-written pages and course files: reading, front matter,
    citations, placeholders, unsafe content, links and anchors, navigation, terms, translations."""
    findings: list[Finding] = []
    docset, courses = _sources(project, cur, pages, hand_written, cache, findings, editions)
    for rel in docset.hand_written:
        path, scanned = project.docs / rel, docset.scans[rel]
        if not scanned.text.strip():
            findings.append(finding(path, 1, "PAGE-EMPTY"))
        findings += scanned.front.problems
        findings += check_citations(path, scanned, cur.references, "reference" in cur.broken)
        findings += check_placeholders(path, scanned)
        findings += check_scanned(path, scanned)
    for path, scanned in courses.values():
        findings += check_scanned(path, scanned)
    # Course files' links end up in their generated pages: checked there, if the page exists.
    findings += check_links(docset, {rel: v for rel, v in courses.items() if rel in docset.texts})
    findings += check_nav(docset, project.config)
    findings += check_names(project.docs, hand_written + [project.docs / rel for rel in project.other_files()])
    archived = {f"curriculum/{e.id}/" for e in (editions.items if editions else []) if e.archived}
    living = {rel: v for rel, v in courses.items() if not rel.startswith(tuple(archived))}
    kept = cache.memo("term-texts", None, dict)  # lives as long as the source cache
    findings += check_terms(project, cur, docset, living, pages, kept)  # + the status page's report
    findings += check_translations(project.root, project.docs, hand_written, cache)
    return findings


def _sources(project: Project, cur: Curriculum, pages: dict[str, str], hand_written: list[Path],
             cache: SourceCache, problems: list[Finding],
             editions: Editions | None = None) -> tuple[DocSet, dict[str, tuple[Path, Scanned]]]:
    """The documentation set as the build will see it (hand-written pages read and scanned once,
    generated pages from memory) and the course files by the page they end up in. Files that
    cannot be read go to ``problems``."""
    docs = project.docs
    texts: dict[str, str] = {}
    scans: dict[str, Scanned] = {}
    for path in hand_written:
        source, scanned = cache.get(path)
        if scanned is None:
            problems.append(source.problem)
            continue
        rel = path.relative_to(docs).as_posix()
        texts[rel], scans[rel] = source.text, scanned
    courses: dict[str, tuple[Path, Scanned]] = {}
    for page, path in _course_files(project, editions):
        source, scanned = cache.get(path)
        if scanned is None:
            problems.append(source.problem)
            continue
        courses[page] = (path, scanned)
    for rel, content in pages.items():
        if rel.endswith(".md"):
            texts[rel] = content
    planned, _, _ = pending(project.root)
    unknown = _broken_pages(cur) | _broken_edition_pages(project, editions)
    docset = DocSet(docs, texts, set(project.other_files()) | set(texts) | set(pages) | unknown,
                    sorted(scans), planned,
                    render=lambda text, lang: citations.render(text, cur.references, lang).markdown,
                    scans=scans, unknown=unknown)
    return docset, courses


def _course_files(project: Project, editions: Editions | None) -> list[tuple[str, Path]]:
    """(the page it ends up in, the file) for every course language file: the current
    edition's under curriculum/courses/, and those of the other editions' folders."""
    out = [(f"curriculum/courses/{course_slug(p.parent.name)}.{p.stem}.md", p)
           for p in project.course_files()]
    for edition in (editions.others() if editions else []):
        if edition.folder is not None:
            out += [(f"curriculum/{edition.id}/courses/{course_slug(p.parent.name)}.{p.stem}.md", p)
                     for p in sorted((edition.folder / "courses").glob("*/??.md"))]
    return out


def _broken_pages(cur: Curriculum) -> set[str]:
    """Generated pages whose source failed to load: links to them are not reported again."""
    out = set()
    for lang in LANGS:
        out |= {f"curriculum/programmes/{p}.{lang}.md" for p in cur.broken_programmes}
        out |= {f"curriculum/courses/{course_slug(c)}.{lang}.md" for c in cur.broken_courses}
        for kind, page in (("reference", BIBLIOGRAPHY_PAGE), ("glossary", GLOSSARY_PAGE),
                           ("competency", "curriculum/competencies")):
            if kind in cur.broken:
                out.add(f"{page}.{lang}.md")
    return out


def _broken_edition_pages(project: Project, editions: Editions | None) -> set[str]:
    """The editions page when editions.yml exists but failed to load (reported there): links
    to it and its nav entry are not reported again."""
    if not (project.curriculum / EDITIONS_FILE).exists() or (editions is not None and editions.declared):
        return set()
    return {f"curriculum/editions.{lang}.md" for lang in LANGS}


def docset(project: Project) -> DocSet:
    """The documentation set of ``project`` as the checks see it (for tests and tools)."""
    state = run(project)
    return _sources(project, state.curriculum, state.pages, state.hand_written, SourceCache(), [],
                    state.editions)[0]


def _last_written(docs: Path) -> dict[str, str]:
    """The generated files the last successful write left (for link targets), by the manifest."""
    out = {}
    for rel in manifest.read(docs):
        source = read_source(docs / rel)
        if source.ok:
            out[rel] = source.text
    return out
