"""publish/pdf.py: a non-empty PDF of each course syllabus per language, linked from the page."""
from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sosial_is.publish.handbook import assemble, handbooks
from sosial_is.publish.pdf import jobs, make_pdfs


def _make_pdfs(site: Path, only: str) -> list[Path]:
    """make_pdfs as `scripts/run pdf` runs it: in a thread with no asyncio loop. In one pytest run with
    the browser tests, pytest-playwright keeps its loop running in the main thread, and Playwright's
    sync API refuses to start inside a running loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(make_pdfs, site, only=only).result()


@pytest.fixture(scope="module")
def pdf_site(fixture_site, tmp_path_factory):
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(fixture_site, site)  # the step edits pages: keep the shared site untouched
    made = _make_pdfs(site, only="fx-101")
    assert made
    return site


def test_every_course_in_every_language_is_a_job(fixture_site):
    names = {(job.lang, job.name) for job in jobs(fixture_site)}
    for lang in ("tk", "ru", "en"):
        assert {(lang, "fx-101"), (lang, "fx-102"), (lang, "fx-201")} <= names


@pytest.mark.parametrize("lang, title", [("tk", "FX-101"), ("ru", "FX-101"), ("en", "FX-101")])
def test_pdf_is_made_and_has_the_syllabus_text(pdf_site, lang, title):
    pdf = pdf_site / "pdf" / lang / "fx-101.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5_000
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext missing: run 'scripts/run setup' (installs Debian's poppler-utils)")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert title in text
    assert "CC BY 4.0" not in text  # the site footer (and other chrome) is not printed
    html_page = (pdf_site / ("" if lang == "tk" else lang) / "curriculum/courses/fx-101/index.html")
    assert 'class="si-pdf-link"' in html_page.read_text(encoding="utf-8")


def test_page_links_to_its_pdf_once(pdf_site):
    page = pdf_site / "ru" / "curriculum" / "courses" / "fx-101" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert text.count('class="si-pdf-link"') == 1
    assert 'href="../../../../pdf/ru/fx-101.pdf"' in text
    assert "Скачать PDF" in text


def test_print_stylesheet_hides_navigation(fixture_site):
    page = (fixture_site / "curriculum" / "courses" / "fx-101" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../assets/print.css" media="print"' in page  # not render-blocking on screen
    css = (fixture_site / "assets" / "print.css").read_text(encoding="utf-8")
    assert "@media print" in css and ".md-sidebar" in css and 'attr(href)' in css


@pytest.fixture(scope="module")
def handbook_site(fixture_site, tmp_path_factory):
    site = tmp_path_factory.mktemp("handbook") / "site"
    shutil.copytree(fixture_site, site)
    made = _make_pdfs(site, only="handbook-")
    assert {p.name for p in made} == {"handbook-fx.pdf"}
    return site


def _pdf_text(pdf) -> str:
    return subprocess.run([shutil.which("pdftotext") or "pdftotext", "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang, contents", [("tk", "Mazmuny"), ("ru", "Содержание"), ("en", "Contents")])
def test_programme_handbook_has_contents_plan_and_every_syllabus(handbook_site, lang, contents):
    text = _pdf_text(handbook_site / "pdf" / lang / "handbook-fx.pdf")
    assert contents in text
    for code in ("FX-101", "FX-102", "FX-201"):  # every course of the plan, in the contents and as a part
        assert text.count(code) >= 3, code
    assert "CC BY 4.0" not in text
    assert text.index("FX-101 ·") < text.index("FX-102 ·") < text.index("FX-201 ·")  # study-plan order
    page = handbook_site / ("" if lang == "tk" else lang) / "curriculum/programmes/fx/index.html"
    html_text = page.read_text(encoding="utf-8")
    assert html_text.count('class="si-pdf-link"') == 1 and "handbook-fx.pdf" in html_text
    assert not (page.parent / "handbook.html").exists()  # the assembled document is removed


def test_handbook_links_its_own_courses_inside_and_the_site_outside(fixture_site, tmp_path):
    import re
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    book = next(b for b in handbooks(site) if b.lang == "en")
    document = assemble(book).read_text(encoding="utf-8")
    assert 'href="#course-fx-101"' in document  # the study plan's course links stay in the handbook
    assert re.search(r'data-site href="https?://[^"]+/en/curriculum/competencies/#c1"', document)
    ids = re.findall(r'\bid="([^"]+)"', document)
    assert len(ids) == len(set(ids))  # each syllabus's ids prefixed: none twice
