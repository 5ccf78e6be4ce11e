"""The curriculum map, per language and programme: course × competency with the level (I/P/D)
each course develops, and a coverage summary per competency.

The map is one Markdown table that site.css lays out for the screen: compact cells and a sticky
first column from 30em (480 px) up, so the nine competencies fit a laptop's column, and one card
per course below it (a phone), where a row cannot show ten columns. For the cards, a level cell
carries its competency (``<span data-c="C1">I</span>``, shown as "C1 I") and the course's link
its title (``data-title``, shown after the code only in a card); empty cells are left out of a
card. The cells' text stays the code and the level, as in a plain table."""
from __future__ import annotations

from html import escape

from ..curriculum.model import LEVELS, Curriculum
from ..locale import t
from .common import comp_order, course_slug, front, model_notice, search_meta


def map_page(cur: Curriculum, lang: str, up: str = "") -> str:
    comps = sorted(cur.competencies, key=comp_order)
    out = [front(t("map_title", lang), t("map_intro", lang), "curriculum/courses/", lang,
                 extra=search_meta(lang, "map"))]
    out.append(f"# {t('map_title', lang)}\n\n{model_notice(lang)}{t('map_intro', lang)}\n\n")
    for prog in cur.programmes.values():
        codes = [c for s in sorted(prog.semesters, key=lambda s: s.number) for c in s.courses
                 if c in cur.courses]
        out.append(f"## {prog.title.get(lang)} {{#{prog.id}}}\n\n")
        head = " | ".join(f"[{c}]({up}competencies.md#{c.lower()})" for c in comps)
        out.append('<div class="si-map" markdown>\n\n'
                   f"| {t('course', lang)} | {head} |\n|---|" + "---|" * len(comps) + "\n")
        for code in codes:
            course = cur.courses[code]
            levels = course.facts.competencies
            cells = " | ".join(f'<span data-c="{c}">{levels[c]}</span>' if c in levels else ""
                               for c in comps)
            title = escape(course.title(lang)).replace("|", "&#124;").replace("}", "&#125;")
            out.append(f'| [{code}](courses/{course_slug(code)}.md){{ data-title="{title}" }} '
                       f"| {cells} |\n")
        out.append("\n</div>\n\n")
        out.append(f"### {t('coverage', lang)} {{#coverage-{prog.id}}}\n\n"
                   '<div class="si-coverage" markdown>\n\n'
                   f"| {t('competency', lang)} | I | P | D | |\n|---|---|---|---|---|\n")
        for comp in comps:
            counts = {lvl: sum(1 for c in codes if cur.courses[c].facts.competencies.get(comp) == lvl)
                      for lvl in LEVELS}
            missing = [lvl for lvl in LEVELS if counts[lvl] == 0]
            status = (f"**{t('coverage_missing', lang, levels='/'.join(missing))}**" if missing
                      else t("coverage_ok", lang))
            title = cur.competencies[comp].title.get(lang)
            out.append(f"| {comp} {title} | {counts['I']} | {counts['P']} | {counts['D']} | "
                       f"{status} |\n")
        out.append("\n</div>\n\n")
    return "".join(out)
