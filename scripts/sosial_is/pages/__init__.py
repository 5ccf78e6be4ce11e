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
from ..curriculum.model import Curriculum
from . import checks_reference, translation_status
from .bibliography import bibliography_page
from .catalogue import catalogue_page
from .common import course_slug
from .competencies import competencies_page
from .course import course_page
from .curriculum_map import map_page
from .glossary import glossary_page
from .prerequisites import prerequisites_page
from .programme import programme_page

STATUS_PAGES = tuple(f"{translation_status.STATUS_PAGE}.{lang}.md" for lang in LANGS)


def model_pages(cur: Curriculum) -> dict[str, str]:
    """The pages made from the curriculum model alone, in every language."""
    pages: dict[str, str] = {}
    for lang in LANGS:
        for course in cur.courses.values():
            if lang in course.texts:
                pages[f"curriculum/courses/{course_slug(course.code)}.{lang}.md"] = \
                    course_page(cur, course, lang)
        for prog_id in cur.programmes:
            pages[f"curriculum/programmes/{prog_id}.{lang}.md"] = programme_page(cur, prog_id, lang)
        pages[f"curriculum/catalogue.{lang}.md"] = catalogue_page(cur, lang)
        pages[f"curriculum/map.{lang}.md"] = map_page(cur, lang)
        pages[f"curriculum/prerequisites.{lang}.md"] = prerequisites_page(cur, lang)
        pages[f"curriculum/competencies.{lang}.md"] = competencies_page(cur, lang)
        pages[f"references/bibliography.{lang}.md"] = bibliography_page(cur, lang)
        pages[f"glossary/index.{lang}.md"] = glossary_page(cur, lang)
    return pages


def source_pages(cur: Curriculum, root: Path, docs: Path, site_url: str) -> dict[str, str]:
    """Every generated file but the translation status (which needs the list of hand-written
    pages, and so the set of generated ones, first): path relative to docs/ -> content."""
    pages = exports.export_files(cur, site_url, root)
    pages.update(model_pages(cur))
    pages.update(checks_reference.pages((docs / "contributing" / "index.tk.md").exists()))
    return pages
