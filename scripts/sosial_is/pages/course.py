"""A course's page, per language: facts from course.yml (credits, hours, semesters,
prerequisites and the courses that require it, competencies with level, assessment weights,
readings) around the prose of the language file (description, outcomes, weekly topics)."""
from __future__ import annotations

from ..curriculum.loader import section_headings
from ..curriculum.model import Course, Curriculum
from ..locale import t
from .common import comp_order, course_link, front, md_citation, model_notice, search_meta


def course_page(cur: Curriculum, course: Course, lang: str, up: str = "", history: str = "") -> str:
    """``up``: from the edition's folder to curriculum/ ("../" for an edition other than the
    current one); ``history``: the course's changes between editions (pages/changes.py)."""
    text = course.texts[lang]
    facts = course.facts
    sections = text.sections
    desc = sections["description"].body.strip() if "description" in sections else ""
    source = text.path
    facts_path = next(iter(course.origins.values()))[0] if course.origins else course.path
    out = [front(f"{course.code} {text.title}", desc, source, lang,
                  extra=f"course: {course.code}\nfacts_path: {facts_path}\n"
                  + search_meta(lang, keywords=text.keywords, questions=text.questions))]
    out.append(f"# {course.code} · {text.title}\n\n")
    out.append(model_notice(lang))
    h = facts.hours
    places = cur.placements(course.code)
    place_text = "; ".join(
        f"[{cur.programmes[p.programme].title.get(lang)}](../programmes/{p.programme}.md): "
        f"{t('semester_n', lang, n=p.semester)}" for p in places) or t("none", lang)
    prereqs = ", ".join(course_link(cur, c, lang, "") for c in facts.prerequisites) or t("none", lang)
    required = ", ".join(course_link(cur, c, lang, "") for c in cur.required_by(course.code)) \
        or t("none", lang)
    hours = " · ".join(f"{t('hours_' + k, lang)} {getattr(h, k)}"
                       for k in ("lecture", "seminar", "practice", "independent"))
    facts_rows = [
        (t("code", lang), f"`{course.code}`"),
        (t("credits", lang), str(facts.credits)),
        (t("hours", lang), f"{t('hours_total', lang, n=h.total)}: {hours}"),
        (t("semester", lang), place_text),
        (t("prerequisites", lang), prereqs),
        (t("required_by", lang), required),
    ]
    # A definition list, not a table: label/value pairs have no meaningful column headers.
    out.append('<div class="si-facts" markdown>\n\n'
               + "".join(f"{label}\n:   {value}\n\n" for label, value in facts_rows)
               + "</div>\n\n")
    heads = section_headings(lang)
    if "description" in sections:
        out.append(f"## {heads['description']} {{#description}}\n\n{desc}\n\n")
    out.append(f"## {t('competencies', lang)} {{#competencies}}\n\n"
               f"| {t('competency', lang)} | {t('level', lang)} |\n|---|---|\n")
    for comp_id, level in sorted(facts.competencies.items(), key=lambda kv: comp_order(kv[0])):
        comp = cur.competencies.get(comp_id)
        name = comp.title.get(lang) if comp else comp_id
        out.append(f"| [{comp_id} {name}](../{up}competencies.md#{comp_id.lower()}) | "
                   f"{t('level_' + level, lang)} |\n")
    out.append("\n")
    if "outcomes" in sections:
        out.append(f"## {heads['outcomes']} {{#outcomes}}\n\n")
        out += [f"{i}. {item.text}\n" for i, item in enumerate(text.outcomes, start=1)]
        out.append("\n")
    if "topics" in sections:
        out.append(f"## {heads['topics']} {{#topics}}\n\n"
                   f"| {t('week', lang)} | {t('topic', lang)} |\n|---|---|\n")
        out += [f"| {i} | {item.text} |\n" for i, item in enumerate(text.topics, start=1)]
        out.append("\n")
    out.append(f"## {heads['assessment']} {{#assessment}}\n\n"
               f"| {t('component', lang)} | {t('weight', lang)} |\n|---|---|\n")
    out += [f"| {t('assessment_' + a.kind, lang)} | {a.weight}% |\n" for a in facts.assessment]
    out.append(f"| **{t('total', lang)}** | **{sum(a.weight for a in facts.assessment)}%** |\n\n")
    if "assessment" in sections:
        out.append(sections["assessment"].body.strip() + "\n\n")
    readings = [r for r in facts.readings if r in cur.references]
    if readings:
        out.append(f"## {t('readings', lang)} {{#readings}}\n\n")
        for ref_id in readings:
            ref = cur.references[ref_id]
            out.append(f"- {md_citation(ref, lang)} "
                       f"[↗](../../{up}references/bibliography.md#ref-{ref_id})\n")
        out.append("\n")
    out.append(history)
    return "".join(out)
