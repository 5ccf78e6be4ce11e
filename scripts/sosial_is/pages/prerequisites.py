"""The prerequisite diagram page, per language and programme: the inline SVGs of
``pages/diagram.py`` (a wide and a narrow layout, site.css shows the one that fits) and their
text alternative."""
from __future__ import annotations

from ..curriculum.model import Curriculum
from ..locale import t
from . import diagram
from .common import course_link, front, search_meta


def prerequisites_page(cur: Curriculum, lang: str) -> str:
    intro = t("prereq_intro_layout", lang)
    out = [front(t("prereq_title", lang), intro, "curriculum/courses/", lang,
                 extra=search_meta(lang, "prerequisites"))]
    out.append(f"# {t('prereq_title', lang)}\n\n{intro}\n\n")
    for prog in cur.programmes.values():
        out.append(f"## {prog.title.get(lang)} {{#{prog.id}}}\n\n")
        out.append(diagram.prerequisite_svg(cur, prog, lang) + "\n\n")
        out.append(f'??? note "{t("prereq_text", lang)}"\n\n')
        for sem in sorted(prog.semesters, key=lambda s: s.number):
            for code in sem.courses:
                course = cur.courses.get(code)
                if course is None or not course.facts.prerequisites:
                    continue
                pre = ", ".join(course_link(cur, p, lang, "courses/") for p in course.facts.prerequisites)
                label = course_link(cur, code, lang, "courses/")
                out.append(f"    - {t('prereq_requires', lang, course=label, list=pre)}\n")
        out.append("\n")
    return "".join(out)
