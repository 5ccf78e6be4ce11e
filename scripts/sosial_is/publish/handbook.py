"""A programme handbook per edition and language, for the PDF step (``publish/pdf.py``): the
study plan and every syllabus of the programme, in study-plan order, after a table of contents.

It is put together from the built pages themselves (the same HTML readers see, so nothing is
rendered twice): the programme page's article, then each course page's article. In the one
document, links to the handbook's own courses become links to their section, other relative
links become absolute addresses of the site (paper and a PDF have no neighbouring pages), and
each course's ids get its code as a prefix so they stay unique. The document is written next to
the programme page, so its stylesheets (screen and print) apply unchanged; the PDF step prints
it, with the headings as the PDF's bookmarks, and removes it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from ..core.languages import LANG_PREFIX
from ..locale import t

ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', re.S)
BODY = re.compile(r"(<body[^>]*>).*(</body>)", re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
HREF = re.compile(r'href="([^"]*)"')
ID = re.compile(r'\bid="([^"]+)"')
TITLE_TAG = re.compile(r"<title>.*?</title>", re.S)
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
COURSE_LINK = re.compile(r"(?:^|/)courses/([a-z]{2,4}-\d{3})/$")
# Page furniture that has no place in print: edit links, the PDF link, the last-change line;
# and on each course, the edition bar and banner (the handbook says once, on its cover and in the
# study plan it starts with, which edition it is).
FURNITURE = (re.compile(r'<a[^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S),
             re.compile(r'\s*<p class="si-pdf-link">.*?</p>', re.S),
             re.compile(r'<aside class="md-source-file">.*?</aside>', re.S))
EDITION_FURNITURE = (re.compile(r'<p class="si-edition">.*?</p>', re.S),
                     re.compile(r'<div class="admonition (?:warning|note)">\s*<p class="admonition-title">.*?</div>',
                                re.S))
EDITION_DIR = re.compile(r"^\d{4}-\d{4}$")
EDITION_NAME = re.compile(r'<p class="si-edition">.*?<strong>(.*?)</strong>', re.S)


@dataclass(frozen=True)
class Handbook:
    lang: str
    programme: str
    edition: str  # "" for the current edition
    plan: Path  # the built programme page
    pdf: Path

    @property
    def name(self) -> str:
        return f"handbook-{self.programme}" + (f"-{self.edition}" if self.edition else "")


def handbooks(site: Path) -> list[Handbook]:
    """A handbook for every programme page of every edition, in each language."""
    out = []
    for lang, prefix in LANG_PREFIX.items():
        base = (site / prefix if prefix else site) / "curriculum"
        plans = [("", p) for p in sorted(base.glob("programmes/*/index.html"))]
        plans += [(p.parent.parent.parent.name, p) for p in sorted(base.glob("*/programmes/*/index.html"))
                  if EDITION_DIR.match(p.parent.parent.parent.name)]
        for edition, plan in plans:
            name = f"handbook-{plan.parent.name}" + (f"-{edition}" if edition else "")
            out.append(Handbook(lang, plan.parent.name, edition, plan, site / "pdf" / lang / f"{name}.pdf"))
    return out


def assemble(book: Handbook) -> Path:
    """Write the handbook's HTML next to its programme page; returns its path."""
    page = book.plan.read_text(encoding="utf-8")
    canonical = CANONICAL.search(page)
    base_url = canonical.group(1) if canonical else ""
    plan = ARTICLE.search(page)
    if plan is None:
        raise ValueError(f"no article in {book.plan}")
    courses = _courses(plan.group(2))
    sections = [_section("plan", _clean(plan.group(2), keep_banner=True), base_url, courses, "plan")]
    toc = [f'<li><a href="#plan">{_heading(plan.group(2))}</a></li>']
    for code in courses:
        course_page = (book.plan.parent / f"../../courses/{code}/index.html").resolve()
        if not course_page.is_file():
            continue
        text = course_page.read_text(encoding="utf-8")
        article = ARTICLE.search(text)
        if article is None:
            continue
        url = urljoin(base_url, f"../../courses/{code}/")
        sections.append(_section(f"course-{code}", _clean(article.group(2)), url, courses, code))
        toc.append(f'<li><a href="#course-{code}">{_heading(article.group(2))}</a></li>')
    title = t("handbook_title", book.lang, programme=_plain(_heading(plan.group(2))))
    edition = EDITION_NAME.search(plan.group(2))  # "2026–2027 (current)" from the edition bar
    cover = f"<h1>{html.escape(title)}</h1>" + (
        f"<p><strong>{html.escape(t('edition_word', book.lang))}: {edition.group(1)}</strong></p>"
        if edition else "")
    body = (f'<div class="md-container"><main class="md-main"><div class="md-content">'
            f'<article class="md-content__inner md-typeset si-handbook">{cover}'
            f'<nav class="si-handbook__toc"><h2>{html.escape(t("handbook_contents", book.lang))}</h2>'
            f'<ol>{"".join(toc)}</ol></nav>{"".join(sections)}</article></div></main></div>')
    document = TITLE_TAG.sub(f"<title>{html.escape(title)}</title>", page, count=1)
    document = BODY.sub(lambda m: m.group(1) + body + m.group(2), document, count=1)
    out = book.plan.parent / "handbook.html"
    out.write_text(document, encoding="utf-8")
    return out


def _courses(plan: str) -> list[str]:
    """The course slugs the study plan links to, in its order, each once."""
    found: list[str] = []
    for href in HREF.findall(plan):
        m = COURSE_LINK.search(href)
        if m and m.group(1) not in found:
            found.append(m.group(1))
    return found


def _clean(article: str, keep_banner: bool = False) -> str:
    for pattern in FURNITURE if keep_banner else FURNITURE + EDITION_FURNITURE:
        article = pattern.sub("", article)
    return article


def _heading(article: str) -> str:
    m = H1.search(article)
    return re.sub(r'<a class="headerlink".*?</a>', "", m.group(1), flags=re.S).strip() if m else ""


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _section(anchor: str, article: str, page_url: str, courses: list[str], prefix: str) -> str:
    """One page's article as a section of the handbook: ids prefixed, links rewritten."""
    def href(m: re.Match[str]) -> str:
        target = html.unescape(m.group(1))
        if target.startswith("#"):
            return f'href="#{prefix}-{target[1:]}"' if len(target) > 1 else m.group(0)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto: …: as it is
            return m.group(0)
        absolute = urljoin(page_url, target)
        course = COURSE_LINK.search(absolute.split("#")[0])
        if course and course.group(1) in courses and "#" not in target:
            return f'href="#course-{course.group(1)}"'
        return f'data-site href="{html.escape(absolute)}"'  # print.css prints no address for these

    article = ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', article)
    article = HREF.sub(href, article)
    return f'<section class="si-handbook__part" id="{anchor}">{article}</section>'
