"""What changed between two consecutive editions, per language (``curriculum/changes/<newer>``),
and each course's own changes on its pages, both from ``curriculum/diff.py``.

A reworded outcome or weekly topic is shown as a word diff: deleted words in ``<del>``,
inserted ones in ``<ins>`` (site.css colours them; the words stay readable without CSS and in
print). The rationale of each change is the one recorded in the newer edition's edition.yml.
"""
from __future__ import annotations

import html

from ..curriculum.diff import CourseDiff, Coverage, EditionDiff, ItemChange, ProgrammeDiff
from ..curriculum.editions import Edition, Editions
from ..curriculum.model import LEVELS, Curriculum
from ..locale import t
from .common import comp_order, course_slug, front, model_notice, search_meta
from .editions import page_path, relative, years

KIND_ORDER = ("added", "removed", "renamed", "moved", "credits", "hours", "prerequisites",
              "competencies", "assessment", "readings", "outcomes", "topics", "revised")


def changes_page(editions: Editions, old: Edition, new: Edition, change: EditionDiff, lang: str) -> str:
    """curriculum/changes/<new>: everything that differs between ``old`` and ``new``."""
    title = t("changes_title", lang, old=years(old), new=years(new))
    intro = t("changes_intro", lang, old=years(old), new=years(new))
    here = f"curriculum/changes/{new.id}.md"  # links name pages without the language suffix
    # The edition in preparation is next year's, and readers ask for it so ("what will change in
    # the curriculum next year"); a search keyword, since the page does not say it (SEARCH.md).
    nxt = [t("changes_next_keywords", lang)] if new.preparation else []
    out = [front(title, intro, new.edition_file or editions.path, lang,
                 extra=search_meta(lang, "changes", keywords=nxt)),
           f"# {title}\n\n{model_notice(lang)}{intro}\n\n"]
    if new.preparation:
        out.append(f"{t('edition_banner_preparation', lang, years=years(new))}\n\n")
    if change.empty:
        out.append(t("changes_none", lang) + "\n")
        return "".join(out)
    counts = change.counts()
    out.append(f"## {t('changes_summary', lang)} {{#summary}}\n\n"
               f"| {t('changes_kind', lang)} | {t('courses', lang)} |\n|---|---|\n")
    for kind in KIND_ORDER:
        if kind in counts:
            codes = [c for c in change.courses if kind in c.kinds()]
            links = ", ".join(f"[{c.code}](#{course_slug(c.code)})" for c in codes)
            out.append(f"| {t('kind_' + kind, lang)} | {links} |\n")
    out.append("\n")
    if change.programmes:
        out.append(f"## {t('changes_programmes', lang)} {{#programmes}}\n\n")
        for prog in change.programmes:
            out.append(_programme(prog, lang))
    out.append(f"## {t('changes_courses', lang)} {{#courses}}\n\n")
    for course in change.courses:
        cur = new.cur if course.status != "removed" else old.cur
        target = page_path(new if course.status != "removed" else old, f"courses/{course_slug(course.code)}.md")
        name = course.title.get(lang) or course.code
        out.append(f"### {course.code} {_text(name)} {{#{course_slug(course.code)}}}\n\n"
                   f"[{course.code}]({relative(here, target)})\n\n")
        out.append(course_changes(course, cur, old.cur, lang))
    out.append(_coverage(change, new.cur, lang))
    return "".join(out)


def _text(value: str) -> str:
    """Course text inside a heading or a list: no HTML of its own."""
    return html.escape(value, quote=False)


def _places(cur: Curriculum, places: list[tuple[str, int | None, int | None]], lang: str, side: int) -> str:
    out = []
    for prog, old, new in places:
        number = new if side else old
        if number is None:
            continue
        name = cur.programmes[prog].title.get(lang) if prog in cur.programmes else prog
        out.append(t("ch_place", lang, programme=name, n=number))
    return "; ".join(out) or "—"


def course_changes(course: CourseDiff, cur: Curriculum, old: Curriculum, lang: str,
                   rationale: bool = True) -> str:
    """The changes of one course as a list (and item diffs), then its rationale (left out with
    ``rationale=False``: the pull-request summary, whose changes no edition.yml explains)."""
    lines: list[str] = []
    if course.status == "added":
        lines.append(t("ch_added", lang, places=_places(cur, course.placements, lang, 1)))
    elif course.status == "removed":
        lines.append(t("ch_removed", lang, places=_places(old, course.placements, lang, 0)))
    if lang in course.titles:
        before, after = course.titles[lang]
        lines.append(t("ch_renamed", lang, old=_text(before), new=_text(after)))
    if course.status == "changed":
        for prog, before, after in course.placements:
            name = cur.programmes[prog].title.get(lang) if prog in cur.programmes else prog
            if before is not None and after is not None:
                lines.append(t("ch_moved", lang, programme=name, old=_ord(before, lang), new=_ord(after, lang)))
            elif after is not None:
                lines.append(t("ch_moved_in", lang, programme=name, new=_ord(after, lang)))
            else:
                lines.append(t("ch_moved_out", lang, programme=name, old=_ord(before, lang)))
    if course.credits:
        lines.append(t("ch_credits", lang, old=course.credits[0], new=course.credits[1]))
    for kind, (before, after) in course.hours.items():
        lines.append(t("ch_hours", lang, kind=t("hours_" + kind, lang), old=before, new=after))
    if course.prerequisites_added:
        lines.append(t("ch_prereq_added", lang, list=", ".join(course.prerequisites_added)))
    if course.prerequisites_removed:
        lines.append(t("ch_prereq_removed", lang, list=", ".join(course.prerequisites_removed)))
    for comp, (before, after) in sorted(course.competencies.items(), key=lambda kv: comp_order(kv[0])):
        lines.append(t("ch_level", lang, comp=comp, old=_level(before, lang), new=_level(after, lang)))
    for kind, (before, after) in course.assessment.items():
        lines.append(t("ch_assessment", lang, kind=t("assessment_" + kind, lang),
                       old=f"{before}%" if before else t("ch_level_none", lang),
                       new=f"{after}%" if after else t("ch_level_none", lang)))
    if course.readings_added:
        lines.append(t("ch_readings_added", lang, list=", ".join(course.readings_added)))
    if course.readings_removed:
        lines.append(t("ch_readings_removed", lang, list=", ".join(course.readings_removed)))
    for key in course.revised.get(lang, []):
        lines.append(t(f"ch_revised_{key}", lang))
    out = "".join(f"- {line}\n" for line in lines) + ("\n" if lines else "")
    for key, label in (("outcomes", "kind_outcomes"), ("topics", "kind_topics")):
        items = getattr(course, key).get(lang)
        if items:
            out += f"**{t(label, lang)}**\n\n" + "".join(_item(i, lang) for i in items) + "\n"
    if rationale:
        why = course.rationale.get(lang) if course.rationale else f"*{t('ch_no_rationale', lang)}*"
        out += f"**{t('ch_why', lang)}:** {why}\n\n"
    return out


def _ord(number: int, lang: str) -> str:
    return t("ch_ord", lang, n=number)


def _level(level: str | None, lang: str) -> str:
    return t("level_" + level, lang) if level else t("ch_level_none", lang)


def _item(item: ItemChange, lang: str) -> str:
    if item.op == "added":
        return f'- {item.new_no}\\. <ins>{_text(item.new)}</ins> ({t("ch_item_added", lang)})\n'
    if item.op == "removed":
        return f'- {item.old_no}\\. <del>{_text(item.old)}</del> ({t("ch_item_removed", lang)})\n'
    runs = []
    for op, text in item.words():
        text = _text(text)
        runs.append(text if op == "=" else f"<del>{text}</del>" if op == "-" else f"<ins>{text}</ins>")
    number = f"{item.old_no}→{item.new_no}" if item.old_no != item.new_no else str(item.new_no)
    return f"- {number}\\. {''.join(runs)}\n"  # "2\." (escaped): else "2. …" starts a nested list


def _programme(prog: ProgrammeDiff, lang: str) -> str:
    name = prog.title.get(lang, prog.id)
    return f"### {_text(name)} {{#programme-{prog.id}}}\n\n" + programme_changes(prog, lang)


def programme_changes(prog: ProgrammeDiff, lang: str, rationale: bool = True) -> str:
    """The changes of one programme (totals, titles, each semester's credits) as a list, then its
    rationale (left out with ``rationale=False``)."""
    lines = []
    if prog.status in ("added", "removed"):
        lines.append(t(f"ch_programme_{prog.status}", lang))
    for key, (before, after) in prog.fields.items():
        if hasattr(before, "get"):
            before, after = before.get(lang), after.get(lang)  # a localized title or award
        lines.append(t("ch_programme_field", lang, field=t("field_" + key, lang), old=before, new=after))
    for number, (before, after) in prog.semester_credits.items():
        lines.append(t("ch_semester_credits", lang, n=number, old=before, new=after))
    out = "".join(f"- {x}\n" for x in lines) + "\n"
    if rationale:
        why = prog.rationale.get(lang) if prog.rationale else f"*{t('ch_no_rationale', lang)}*"
        out += f"**{t('ch_why', lang)}:** {why}\n\n"
    return out


def _coverage(change: EditionDiff, cur: Curriculum, lang: str) -> str:
    if not change.coverage:
        return ""
    out = [f"## {t('changes_coverage', lang)} {{#coverage}}\n\n{t('changes_coverage_intro', lang)}\n\n"]
    for cov in change.coverage:
        prog = cur.programmes.get(cov.programme)
        name = prog.title.get(lang) if prog else cov.programme
        out.append(f"### {_text(name)} {{#coverage-{cov.programme}}}\n\n" + coverage_table(cov, cur, lang))
    return "".join(out)


def coverage_table(cov: Coverage, cur: Curriculum, lang: str, only_changed: bool = False) -> str:
    """One degree's coverage before and after, a row per competency (changed rows in bold), or
    only the changed rows (``only_changed``)."""
    out = [f"| {t('competency', lang)} | {t('changes_before', lang)} I/P/D | "
           f"{t('changes_after', lang)} I/P/D |\n|---|---|---|\n"]
    changed = set(cov.changed())
    for comp in sorted(cov.after, key=comp_order):
        if only_changed and comp not in changed:
            continue
        before = "/".join(str(cov.before.get(comp, {}).get(lvl, 0)) for lvl in LEVELS)
        after = "/".join(str(cov.after[comp][lvl]) for lvl in LEVELS)
        title = cur.competencies[comp].title.get(lang) if comp in cur.competencies else comp
        row = (f"{comp} {title}", before, after)
        if comp in changed:
            row = tuple(f"**{cell}**" for cell in row)
        out.append("| " + " | ".join(row) + " |\n")
    out.append("\n")
    return "".join(out)


def course_history(editions: Editions, diffs: dict[str, EditionDiff], code: str, edition: Edition,
                   lang: str) -> str:
    """The "Changes between editions" section of a course page in ``edition``: for each pair of
    consecutive editions in which the course changed, its changes and their rationale."""
    if not editions.declared or len(editions.items) < 2:
        return ""
    here = page_path(edition, f"courses/{course_slug(code)}.md")
    out = [f"## {t('course_history', lang)} {{#editions}}\n\n"]
    found = False
    for old, new in editions.pairs():
        change = diffs.get(new.id)
        course = change.course(code) if change else None
        if course is None:
            continue
        found = True
        target = f"curriculum/changes/{new.id}.md"
        out.append(f"### [{years(old)} → {years(new)}]({relative(here, target)}#{course_slug(code)})"
                   f" {{#editions-{new.id}}}\n\n")
        cur = new.cur if course.status != "removed" else old.cur
        out.append(course_changes(course, cur, old.cur, lang))
    if not found:
        out.append(t("course_history_none", lang) + "\n\n")
    return "".join(out)
