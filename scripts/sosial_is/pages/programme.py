"""A programme's page, per language: award, credits, the study plan semester by semester
(with credit totals) and the credits per semester."""
from __future__ import annotations

from ..curriculum.model import Curriculum
from ..locale import t
from .common import course_slug, front, model_notice, search_meta


def programme_page(cur: Curriculum, prog_id: str, lang: str) -> str:
    prog = cur.programmes[prog_id]
    source = cur.where.get(("programme", prog_id), (f"curriculum/programmes/{prog_id}.yml", 1))[0]
    title = prog.title.get(lang)
    out = [front(title, prog.summary.get(lang), source, lang,
                  extra=f"programme: {prog_id}\n" + search_meta(lang, f"programme_{prog_id}"))]
    out.append(f"# {title}\n\n{model_notice(lang)}{prog.summary.get(lang)}\n\n")
    out.append('<div class="si-facts" markdown>\n\n'
               f"{t('award', lang)}\n:   {prog.award.get(lang)}\n\n"
               f"{t('credits', lang)}\n:   {prog.total_credits}\n\n</div>\n\n")
    out.append(f"## {t('study_plan', lang)} {{#plan}}\n\n")
    grand = 0
    per_sem = []
    for sem in sorted(prog.semesters, key=lambda s: s.number):
        credits = cur.credits(sem.courses)
        grand += credits
        per_sem.append((sem.number, credits))
        out.append(f"### {t('semester_n', lang, n=sem.number)} {{#semester-{sem.number}}}\n\n"
                   f"| {t('code', lang)} | {t('course', lang)} | {t('credits_short', lang)} | "
                   f"{t('prerequisites', lang)} |\n|---|---|---|---|\n")
        for code in sem.courses:
            course = cur.courses.get(code)
            if course is None:
                continue
            pre = ", ".join(course.facts.prerequisites) or "—"
            out.append(f"| `{code}` | [{course.title(lang)}](../courses/{course_slug(code)}.md) | "
                       f"{course.facts.credits} | {pre} |\n")
        out.append(f"| | **{t('total', lang)}** | **{credits}** | |\n\n")
    out.append(f"## {t('credits_per_semester', lang)} {{#credits}}\n\n"
               f"| {t('semester', lang)} | {t('credits_short', lang)} |\n|---|---|\n")
    out += [f"| {n} | {c} |\n" for n, c in per_sem]
    out.append(f"| **{t('total', lang)}** | **{grand}** |\n\n")
    return "".join(out)
