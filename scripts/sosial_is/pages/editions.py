"""The pages of the curriculum's editions (``curriculum/editions.py``), per language.

- The current edition keeps today's URLs (``curriculum/catalogue``, ``curriculum/courses/…``).
- Every other edition has the same pages under ``curriculum/<edition>/``: its home, study plans,
  catalogue, map, prerequisite diagram and course pages, with ``edition: <id>`` in their front
  matter (the search leaves them out unless asked, ``mkdocs/search_index.py``).
- Each edition's pages carry the edition bar (which edition this is; the same page in the other
  editions); the pages of an edition other than the current one also a banner in the reader's
  language saying what it is, with a link to the same page in the current edition or a note
  that it is not there.
- ``curriculum/editions``: every edition, its status, its "what changed" page and its data.
"""
from __future__ import annotations

import json
import posixpath
import re

from ..core.findings import relpath
from ..curriculum.editions import Edition, Editions
from ..locale import t
from .common import course_slug, front, search_meta

#: The pages every edition has, relative to its folder (language suffix added per language).
EDITION_PAGES = ("index", "catalogue", "map", "prerequisites")
_TITLE = re.compile(r"^title: (.*)$", re.M)
_SOURCE = re.compile(r"^source_path: (.*)$", re.M)
_H1 = re.compile(r"^# .*\n", re.M)


def years(edition: Edition) -> str:
    """2026–2027 (an en dash between the years, as the id is written in prose)."""
    return edition.id.replace("-", "–")


def page_path(edition: Edition, rel: str) -> str:
    """docs-relative path of the page ``rel`` (relative to curriculum/, with its language
    suffix) in ``edition``."""
    return f"curriculum/{edition.slug}/{rel}" if edition.slug else f"curriculum/{rel}"


def relative(source: str, target: str) -> str:
    """A Markdown link from the page ``source`` to the page ``target`` (both docs-relative)."""
    return posixpath.relpath(target, posixpath.dirname(source))


def has_page(edition: Edition, rel: str) -> bool:
    """Whether ``edition`` has the page ``rel`` (relative to curriculum/, no language suffix)."""
    if rel.startswith("courses/"):
        # A loaded course's code matches model.CODE_PATTERN (upper case), and its slug is the
        # code in lower case: the slug names a course exactly when its upper case is a code.
        slug = rel[len("courses/"):]
        return slug == course_slug(slug.upper()) and slug.upper() in edition.cur.courses
    if rel.startswith("programmes/"):
        return rel[len("programmes/"):] in edition.cur.programmes
    return True  # catalogue, map, prerequisites and the home page: every edition has them


def changes_path(new: Edition) -> str:
    """The "what changed" page of ``new`` (from the edition before it), for links."""
    return f"curriculum/changes/{new.id}.md"


def edition_bar(editions: Editions, edition: Edition, rel: str, lang: str) -> str:
    """"Edition: 2025–2026 · **2026–2027 (current)** · 2027–2028 (in preparation) · All editions",
    each other edition a link to the same page in it (or marked as not there)."""
    here = page_path(edition, f"{rel}.md")  # links name pages without the language suffix
    parts = []
    for other in editions.items:
        label = f"{years(other)} ({t('edition_status_' + other.status, lang)})"
        if other is edition:
            parts.append(f"**{label}**")
        elif has_page(other, rel):
            parts.append(f"[{label}]({relative(here, page_path(other, rel + '.md'))})")
        else:
            parts.append(f'{label}: <span class="si-edition__none">{t("edition_not_here", lang)}</span>')
    index = relative(here, "curriculum/editions.md")
    return (f'<p class="si-edition" markdown>{t("edition_word", lang)}: ' + " · ".join(parts)
            + f" · [{t('edition_all', lang)}]({index})</p>\n\n")


def banner(editions: Editions, edition: Edition, rel: str, lang: str, code: str = "") -> str:
    """What a page of an edition other than the current one says first."""
    current = editions.current
    here = page_path(edition, f"{rel}.md")
    text = t(f"edition_banner_{edition.status}", lang, years=years(edition))
    if has_page(current, rel):
        link = relative(here, page_path(current, f"{rel}.md"))
        after = f"[{t('edition_same_current', lang, years=years(current))}]({link})"
    elif code:
        after = t("edition_course_gone", lang, code=code, years=years(current))
    else:
        after = t("edition_page_gone", lang, years=years(current))
    newer = editions.next(edition) if edition.archived else edition
    if newer is not None and editions.previous(newer) is not None:
        after += f" · [{t('editions_changes', lang)}]({relative(here, changes_path(newer))})"
    kind = "warning" if edition.preparation else "note"
    return (f'!!! {kind} "{t("edition_word", lang)} {years(edition)}"\n\n'
            f"    {text}\n\n    {after}\n\n")


def decorate(page: str, editions: Editions, edition: Edition, rel: str, lang: str, code: str = "") -> str:
    """A generated page of ``edition``: its title and front matter name the edition (not the
    current one's), and the banner and edition bar follow its H1."""
    if not editions.declared:
        return page
    if not edition.current:
        page = _TITLE.sub(lambda m: _title(m.group(1), edition), page, count=1)
        page = page.replace("\ngenerated: true\n", f"\ngenerated: true\nedition: \"{edition.id}\"\n"
                            + ("frozen: true\n" if edition.archived else ""), 1)
        page = _SOURCE.sub(lambda m: _source(m.group(1), edition), page, count=1)
    extra = (banner(editions, edition, rel, lang, code) if not edition.current else "") + \
        edition_bar(editions, edition, rel, lang)
    body = page.find("\n---\n", 4) + 5 if page.startswith("---\n") else 0  # after the front matter
    m = _H1.search(page, body)
    if m is None:
        return page
    return page[:m.end()] + "\n" + extra + page[m.end():]


def _title(value: str, edition: Edition) -> str:
    """The page title with the edition's years (in the browser tab, search and bookmarks)."""
    title = json.loads(value)
    if years(edition) not in title:
        title = f"{title} ({years(edition)})"
    return "title: " + json.dumps(title, ensure_ascii=False)


def _source(value: str, edition: Edition) -> str:
    """A page of another edition is edited in that edition's folder: a text it takes from the
    edition before is not its own (editing it would change the current edition)."""
    folder = relpath(edition.folder) + "/" if edition.folder else ""
    if folder and not value.startswith(folder) and edition.edition_file:
        value = edition.edition_file
    return f"source_path: {value}"


def edition_home(editions: Editions, edition: Edition, lang: str) -> str:
    """curriculum/<edition>/index: what the edition is and its pages."""
    title = t("edition_home_title", lang, years=years(edition))
    status = t("edition_status_" + edition.status, lang)
    intro = t("edition_home_intro", lang, years=years(edition), status=status)
    out = [front(title, intro, edition.edition_file or "curriculum/editions.yml", lang),
           f"# {title}\n\n{intro}\n\n## {t('edition_home_pages', lang)} {{#pages}}\n\n"]
    cur = edition.cur
    for prog in cur.programmes.values():
        out.append(f"- [{prog.title.get(lang)}](programmes/{prog.id}.md)\n")
    out.append(f"- [{t('catalogue_title', lang)}](catalogue.md)\n"
               f"- [{t('map_title', lang)}](map.md)\n"
               f"- [{t('prereq_title', lang)}](prerequisites.md)\n")
    previous = editions.previous(edition)
    if previous is not None:
        out.append(f"- [{t('changes_title', lang, old=years(previous), new=years(edition))}]"
                   f"(../changes/{edition.id}.md)\n")
    following = editions.next(edition)
    if following is not None:
        out.append(f"- [{t('changes_title', lang, old=years(edition), new=years(following))}]"
                   f"(../changes/{following.id}.md)\n")
    out.append("\n")
    return "".join(out)


def editions_page(editions: Editions, lang: str) -> str:
    """curriculum/editions: every edition with its status, its changes and its data."""
    title = t("editions_title", lang)
    out = [front(title, t("editions_intro", lang), editions.path, lang,
                 extra=search_meta(lang, "editions")),
           f"# {title}\n\n{t('editions_intro', lang)}\n\n"
           f"| {t('edition_word', lang)} | {t('edition_status', lang)} | {t('editions_changes', lang)} | "
           f"{t('editions_data', lang)} |\n|---|---|---|---|\n"]
    for edition in editions.items:
        home = "index.md" if edition.current else f"{edition.id}/index.md"
        previous = editions.previous(edition)
        changes = (f"[{years(previous)} → {years(edition)}](changes/{edition.id}.md)"
                   if previous is not None else "—")
        data = f"../data/editions/{edition.id}"
        links = [f"[JSON]({data}/curriculum.json)", f"[CASE]({data}/competencies.case.json)"]
        if previous is not None:
            links.append(f"[{t('editions_changes', lang)} (JSON)](../data/editions/changes-{edition.id}.json)")
        out.append(f"| [{years(edition)}]({home}) | {t('edition_status_' + edition.status, lang)} | "
                   f"{changes} | {' · '.join(links)} |\n")
    out.append(f"\n{t('editions_data_intro', lang)}\n")
    return "".join(out)
