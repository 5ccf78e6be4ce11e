"""The course catalogue, per language: every course with semester, credits and competencies;
filterable by a small script of our own (docs/assets/catalogue.js), a plain table without it."""
from __future__ import annotations

import html

from ..curriculum.model import Curriculum
from ..locale import t
from .common import LIST_PAGE_BOOST, comp_order, course_order, course_slug, front, model_notice, search_meta


def catalogue_page(cur: Curriculum, lang: str) -> str:
    out = [front(t("catalogue_title", lang), t("catalogue_intro", lang),
                  "curriculum/courses/", lang, extra="extra_scripts: [assets/catalogue.js]\n"
                  + search_meta(lang, "catalogue", boost=LIST_PAGE_BOOST))]
    out.append(f"# {t('catalogue_title', lang)}\n\n{model_notice(lang)}"
               f"{t('catalogue_intro', lang)}\n\n")
    semesters = sorted({p.semester for c in cur.courses for p in cur.placements(c)})
    comps = sorted(cur.competencies, key=comp_order)
    credit_values = sorted({c.facts.credits for c in cur.courses.values()})
    opts = lambda values: "".join(f'<option value="{html.escape(str(v))}">{html.escape(str(v))}</option>' for v in values)  # noqa: E731
    out.append(
        f'<form class="si-filter" hidden data-shown="{html.escape(t("filter_shown", lang))}">\n'
        f'<label>{t("semester", lang)} <select data-col="2" data-match="exact">'
        f'<option value="">{t("all", lang)}</option>{opts(semesters)}</select></label>\n'
        f'<label>{t("competency", lang)} <select data-col="4" data-match="token">'
        f'<option value="">{t("all", lang)}</option>{opts(comps)}</select></label>\n'
        f'<label>{t("filter_credits_min", lang)} <select data-col="3" data-match="min">'
        f'<option value="">{t("all", lang)}</option>{opts(credit_values)}</select></label>\n'
        '<output aria-live="polite"></output>\n</form>\n\n')
    out.append('<div class="si-catalogue" markdown>\n\n'
               f"| {t('code', lang)} | {t('course', lang)} | {t('semester', lang)} | "
               f"{t('credits_short', lang)} | {t('competencies', lang)} |\n|---|---|---|---|---|\n")
    for course in sorted(cur.courses.values(), key=course_order(cur)):
        sem = ", ".join(str(p.semester) for p in cur.placements(course.code))
        comps_text = " ".join(f"{k}:{v}" for k, v in sorted(course.facts.competencies.items(),
                                                              key=lambda kv: comp_order(kv[0])))
        out.append(f"| `{course.code}` | [{course.title(lang)}](courses/{course_slug(course.code)}.md)"
                   f" | {sem} | {course.facts.credits} | {comps_text} |\n")
    out.append("\n</div>\n")
    return "".join(out)
