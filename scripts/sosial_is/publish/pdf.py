"""PDFs of every course syllabus and of the ethics guide, in each language, and a handbook of
every programme per edition and language (its study plan and every syllabus, with a table of
contents: ``publish/handbook.py``), for printing and sharing offline: ``scripts/run pdf``
(after ``scripts/run build``).

Each page is printed by headless Chromium from Debian (the same engine as ``--print-to-pdf``,
driven through Playwright so that one browser prints all pages instead of one launch per PDF)
with the print stylesheet docs/assets/print.css, from the built files over file:// (no server).
PDFs go to ``site/pdf/<lang>/<name>.pdf``, and a "Download PDF" link is added under the page
title. The link is added here, after printing, rather than by the template: a site built without
this step has no link pointing at a missing file. PDFs carry their creation time, so they are
not part of the byte-for-byte reproducible build (tests/build/test_reproducible.py).
"""
from __future__ import annotations

import argparse
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.chromium import CHROMIUM, CHROMIUM_ARGS
from ..core.languages import LANG_PREFIX
from ..locale import t
from .build import built_site
from .compress import gzip_bytes
from .handbook import assemble, handbooks

_LINK = re.compile(r'\s*<p class="si-pdf-link">.*?</p>', re.S)


@dataclass(frozen=True)
class Job:
    lang: str
    name: str      # file name without .pdf: the course slug (sw-101) or "ethics"
    html: Path     # the built page
    pdf: Path      # where its PDF goes


def jobs(site: Path) -> list[Job]:
    """Every course page and the ethics guide, in each language that has them."""
    found: list[Job] = []
    for lang, prefix in LANG_PREFIX.items():
        base = site / prefix if prefix else site
        for page in sorted((base / "curriculum" / "courses").glob("*/index.html")):
            found.append(Job(lang, page.parent.name, page, site / "pdf" / lang / f"{page.parent.name}.pdf"))
        ethics = base / "ethics" / "index.html"
        if ethics.is_file():
            found.append(Job(lang, "ethics", ethics, site / "pdf" / lang / "ethics.pdf"))
    return found


def add_link(job: Job, label: str = "pdf_download") -> None:
    """Put a link to the PDF right under the page's title (replacing an older one)."""
    text = _LINK.sub("", job.html.read_text(encoding="utf-8"))
    href = Path(os.path.relpath(job.pdf, job.html.parent)).as_posix()
    size = f"{max(1, round(job.pdf.stat().st_size / 1024))} KB"
    link = (f'\n<p class="si-pdf-link"><a href="{html.escape(href)}" download>'
            f'{html.escape(t(label, job.lang, size=size))}</a></p>')
    text, found = re.subn(r"(<h1\b[^>]*>.*?</h1>)", lambda m: m.group(1) + link, text, count=1, flags=re.S)
    if not found:
        return
    job.html.write_text(text, encoding="utf-8")
    gz = job.html.with_name(job.html.name + ".gz")  # keep nginx's precompressed copy in step
    if gz.exists():
        gz.write_bytes(gzip_bytes(text.encode("utf-8")))


def make_pdfs(site: Path, only: str | None = None) -> list[Path]:
    """Print every page of :func:`jobs` and every programme handbook (``publish/handbook.py``),
    optionally only those whose name contains ``only``."""
    from playwright.sync_api import sync_playwright
    todo = [job for job in jobs(site) if not only or only in job.name]
    books = [book for book in handbooks(site) if not only or only in book.name]
    made: list[Path] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for job in todo:
                _print(page, job.html, job.pdf)
                add_link(job)
                made.append(job.pdf)
            for book in books:
                document = assemble(book)
                try:
                    _print(page, document, book.pdf, outline=True)
                finally:
                    document.unlink(missing_ok=True)
                add_link(Job(book.lang, book.name, book.plan, book.pdf), "pdf_handbook")
                made.append(book.pdf)
        finally:
            browser.close()
    return made


def _print(page, source: Path, pdf: Path, outline: bool = False) -> None:
    """``source`` (a built page, over file://) printed to ``pdf`` on A4, page numbers below."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    page.goto(source.resolve().as_uri())
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=False,
             display_header_footer=True, header_template="<span></span>",
             footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                             '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
             margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
             outline=outline, tagged=outline)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run pdf", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="site", help="built site (default: site/)")
    parser.add_argument("--only", help="only pages whose name contains this (e.g. sw-101)")
    args = parser.parse_args(argv)
    site = built_site(args.site)
    if site is None:
        return 1
    made = make_pdfs(site, args.only)
    print(f"{len(made)} PDF(s) written under {site / 'pdf'}")
    return 0 if made else 1

