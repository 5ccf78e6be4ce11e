"""Pages generated from the model, one module per kind; ``writer.py`` puts them under docs/.

:func:`source_pages` and ``translation_status.status_pages`` return every generated file (path relative to docs/ -> content): per
language a page per course and programme, the catalogue, the curriculum map, the prerequisite
diagram, the competency framework, the bibliography, the glossary, the checks reference and the
translation status; and the data exports (``data/*.json``). Plain functions of the model: no
MkDocs, no I/O except reading the sources the translation status is about.
"""
from __future__ import annotations

from pathlib import Path

from ..core.languages import LANGS
from ..curriculum import exports
from ..curriculum.diff import EditionDiff
from ..curriculum.diff import to_json as diff_json
from ..curriculum.editions import Edition, Editions
from ..curriculum.model import Curriculum
from . import checks_reference, translation_status
from .bibliography import bibliography_page
from .catalogue import catalogue_page
from .changes import changes_page, course_history
from .common import course_slug
from .competencies import competencies_page
from .course import course_page
from .curriculum_map import map_page
from .editions import decorate, edition_home, editions_page, page_path
from .glossary import glossary_page
from .prerequisites import prerequisites_page
from .programme import programme_page

STATUS_PAGES = tuple(f"{translation_status.STATUS_PAGE}.{lang}.md" for lang in LANGS)
GLOSSARY_PAGE = "glossary/index"
BIBLIOGRAPHY_PAGE = "references/bibliography"
# Pages of entries: each section is an entry of its own (a term, a reference, a page's
# translation state, a check), not part of one topic (the search reads them so).
ENTRY_PAGES = (GLOSSARY_PAGE, BIBLIOGRAPHY_PAGE, translation_status.STATUS_PAGE,
               checks_reference.CHECKS_PAGE)


def model_pages(cur: Curriculum, editions: Editions | None = None, edition: Edition | None = None,
                diffs: dict[str, EditionDiff] | None = None) -> dict[str, str]:
    """The pages made from the curriculum model alone, in every language: the current edition's
    at today's paths (and the pages every edition shares), another edition's under its folder."""
    editions = editions or Editions([Edition("", "current", cur)])
    edition = edition or editions.current
    diffs = diffs or {}
    up = "" if edition.current else "../"

    def put(rel: str, lang: str, text: str, code: str = "") -> None:
        pages[page_path(edition, f"{rel}.{lang}.md")] = decorate(text, editions, edition, rel, lang, code)

    pages: dict[str, str] = {}
    for lang in LANGS:
        for course in cur.courses.values():
            if lang in course.texts:
                slug = course_slug(course.code)
                history = course_history(editions, diffs, course.code, edition, lang)
                put(f"courses/{slug}", lang, course_page(cur, course, lang, up, history), course.code)
        for prog_id in cur.programmes:
            put(f"programmes/{prog_id}", lang, programme_page(cur, prog_id, lang))
        put("catalogue", lang, catalogue_page(cur, lang))
        put("map", lang, map_page(cur, lang, up))
        put("prerequisites", lang, prerequisites_page(cur, lang))
        if not edition.current:
            pages[page_path(edition, f"index.{lang}.md")] = decorate(
                edition_home(editions, edition, lang), editions, edition, "index", lang)
            continue
        pages[f"curriculum/competencies.{lang}.md"] = competencies_page(cur, lang)
        pages[f"{BIBLIOGRAPHY_PAGE}.{lang}.md"] = bibliography_page(cur, lang)
        pages[f"{GLOSSARY_PAGE}.{lang}.md"] = glossary_page(cur, lang)
    return pages


def edition_files(editions: Editions, diffs: dict[str, EditionDiff], base_url: str, root: Path,
                  current_exports: dict[str, str] | None = None) -> dict[str, str]:
    """Every edition's pages and data other than the current edition's own pages: the other
    editions' pages, the "what changed" pages, the editions page and the exports per edition
    (``current_exports``: the current edition's, when already made)."""
    out: dict[str, str] = {}
    if not editions.declared:
        return out
    for edition in editions.others():
        out.update(model_pages(edition.cur, editions, edition, diffs))
    for old, new in editions.pairs():
        for lang in LANGS:
            out[f"curriculum/changes/{new.id}.{lang}.md"] = changes_page(editions, old, new, diffs[new.id], lang)
        out[f"data/editions/changes-{new.id}.json"] = exports.dump(diff_json(diffs[new.id]))
    for lang in LANGS:
        out[f"curriculum/editions.{lang}.md"] = editions_page(editions, lang)
    for edition in editions.items:
        made = current_exports if edition.current and current_exports is not None else \
            exports.export_files(edition.cur, base_url, root)
        for name, text in made.items():
            if name != "data/curriculum.schema.json":
                out[f"data/editions/{edition.id}/{name.removeprefix('data/')}"] = text
    return out


def source_pages(editions: Editions, diffs: dict[str, EditionDiff], root: Path, docs: Path,
                 site_url: str) -> dict[str, str]:
    """Every generated file but the translation status (which needs the list of hand-written
    pages, and so the set of generated ones, first): path relative to docs/ -> content."""
    cur = editions.current.cur
    current_exports = exports.export_files(cur, site_url, root)
    pages = dict(current_exports)
    pages.update(model_pages(cur, editions, editions.current, diffs))
    pages.update(edition_files(editions, diffs, site_url, root, current_exports))
    pages.update(checks_reference.pages((docs / "contributing" / "index.tk.md").exists()))
    return pages
