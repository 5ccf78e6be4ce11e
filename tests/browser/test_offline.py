"""The offline copy (scripts/sosial_is/publish/offline.py) in headless Chromium, opened from the file system:
the ZIPs of the fixture project are built once (``scripts/run offline``'s module), unzipped, and
read over file:// — navigation, a course page, search in each language (Turkmen with and without
Turkmen letters), the language menu pointing at the online site, and no request that leaves
file://. Also the footer's links to the ZIPs: a plain build has none (only a hidden placeholder);
after the offline step every page links the ZIP of its language, and no link of the site is
broken (lychee, as tests/build/test_links.py checks the plain build)."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sosial_is.bench.search_quality import QUERY_BOX, _settle
from support import ROOT, broken_links, read_html

SITE_URL = "https://sosial-is.github.io/portal/"  # mkdocs.yml's default site_url
COURSE = "curriculum/courses/fx-101.html"
START = {"tk": "index.html", "ru": "ru/index.html", "en": "en/index.html"}


@pytest.fixture(scope="session")
def offline_site(fixture_site, tmp_path_factory) -> Path:
    """A copy of the built fixture site after ``scripts/run offline`` (its module, once): the
    ZIPs in its offline/ folder and its pages linking them."""
    site = tmp_path_factory.mktemp("offline") / "site"
    shutil.copytree(fixture_site, site)  # the step edits pages: keep the shared site untouched
    project = fixture_site.parent
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOSIAL_IS_SITE_URL": SITE_URL}
    result = subprocess.run([sys.executable, "-m", "sosial_is", "offline", "--config",
                             str(project / "mkdocs.yml"), "--site", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def offline_copy(offline_site, tmp_path_factory) -> dict[str, Path]:
    """The fixture project's offline ZIPs, unzipped: language → top folder."""
    base = tmp_path_factory.mktemp("unzipped")
    folders = {}
    for lang in ("tk", "ru", "en"):
        with zipfile.ZipFile(offline_site / "offline" / f"sosial-is-{lang}.zip") as zf:
            zf.extractall(base)
        folders[lang] = base / f"sosial-is-{lang}"
    return folders


def record(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    return requests


def assert_local(requests: list[str]) -> None:
    assert requests, "no request recorded"
    outside = [url for url in requests if not url.startswith("file://")]
    assert not outside, f"requests that left file://: {outside}"


def start_search(page) -> None:
    initializing = page.text_content(".md-search-result__meta")
    page.click(QUERY_BOX)
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent !== text",
        arg=initializing)


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the result pages (file:// URLs)."""
    page.fill(QUERY_BOX, "")
    page.press(QUERY_BOX, "End")
    empty = _settle(page)
    page.type(QUERY_BOX, query)
    page.press(QUERY_BOX, "End")  # a key event for letters Playwright inserts without one
    _, hrefs = _settle(page, previous=empty)
    return [re.split(r"[?#]", href)[0] for href in hrefs]


def test_turkmen_copy_navigation_course_page_and_search(page, offline_copy) -> None:
    requests = record(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    home = offline_copy["tk"] / "index.html"
    page.goto(home.as_uri())
    assert page.locator("html").get_attribute("lang") == "tk"
    footer = page.locator(".si-offline")
    assert "internetsiz nusgasy" in footer.inner_text()
    assert footer.locator("a").get_attribute("href") == SITE_URL
    # navigation: a tab, then the catalogue, then a course page, all inside the copy
    page.click(".md-tabs__link[href='curriculum/index.html']")
    assert page.url == (offline_copy["tk"] / "curriculum/index.html").as_uri()
    page.click("article a[href='catalogue.html']")
    page.click("article a[href='courses/fx-101.html']")
    assert page.url == (offline_copy["tk"] / COURSE).as_uri()
    assert "Durmuş işine giriş" in page.inner_text("h1")
    # search: neither the index's documents nor the worker before the reader opens it
    docs = [url for url in requests if url.endswith("search/search_index.docs.js")]
    assert docs == [] and len(page.frames) == 1
    start_search(page)
    docs = [url for url in requests if url.endswith("search/search_index.docs.js")]
    assert len(docs) == 1 and len(page.frames) == 2
    course = (offline_copy["tk"] / COURSE).as_uri()
    for query in ("Durmuş işine giriş", "durmus isine giris", "maşgalalar", "masgalalara"):
        hrefs = search(page, query)
        assert hrefs and hrefs[0] == course, (query, hrefs)
    page.click(".md-search-result__item a")
    page.wait_for_url(course + "?h=*")
    page.wait_for_load_state("load")
    assert_local(requests)
    assert errors == []


@pytest.mark.parametrize("lang, query", [("ru", "семьями"), ("ru", "FX-101"),
                                         ("en", "families"), ("en", "fx101")])
def test_search_in_each_language(page, offline_copy, lang, query) -> None:
    requests = record(page)
    page.goto((offline_copy[lang] / "index.html").as_uri())  # leads to ru/ or en/
    page.wait_for_url("**/" + START[lang])
    assert page.locator("html").get_attribute("lang") == lang
    start_search(page)
    hrefs = search(page, query)
    assert hrefs and hrefs[0] == (offline_copy[lang] / lang / COURSE).as_uri()
    # a language's ZIP has one index: no "search all languages" choice
    assert page.locator(".si-search-scope").count() == 0
    assert_local(requests)


@pytest.mark.parametrize("lang", ["tk", "ru", "en"])
def test_language_menu_points_at_the_online_site(page, offline_copy, lang) -> None:
    requests = record(page)
    page.goto((offline_copy[lang] / START[lang]).as_uri())
    links = {a.get_attribute("hreflang"): a.get_attribute("href")
             for a in page.locator("a.md-select__link").all()}
    assert set(links) == {"tk", "ru", "en"}
    for other, href in links.items():
        if other != lang:  # not in this ZIP: the same page online
            assert href == SITE_URL + ("" if other == "tk" else f"{other}/"), links
    assert not links[lang].startswith("http")
    assert_local(requests)


FOOTERS = pytest.mark.parametrize("lang, rel, href", [
    ("tk", "", "offline/sosial-is-tk.zip"),
    ("ru", "ru/curriculum/", "../../offline/sosial-is-ru.zip"),
    ("en", f"en/{COURSE.removesuffix('.html')}/", "../../../../offline/sosial-is-en.zip"),
    ("ru", "ru/404.html", "/portal/offline/sosial-is-ru.zip"),  # served at any address
])


@FOOTERS
def test_plain_build_does_not_link_the_zips(fixture_site, lang, rel, href) -> None:
    """Without the offline step there is no ZIP, so no link: only a hidden placeholder."""
    html = read_html(fixture_site, rel)
    assert not (fixture_site / "offline").exists()
    assert ".zip\" download>" not in html
    assert (f'<div class="si-offline" data-si-zip="{href}" data-si-lang="{lang}" hidden></div>'
            in html)


@FOOTERS
def test_offline_step_links_the_zip_of_the_page_language(offline_site, lang, rel, href) -> None:
    html = read_html(offline_site, rel)
    assert html.count(".zip\" download>") == 1 and f'<a href="{href}" download>' in html
    page = offline_site / rel / ("" if rel.endswith(".html") else "index.html")
    target = (offline_site / href.removeprefix("/portal/") if href.startswith("/")
              else page.parent / href)
    assert target.resolve() == (offline_site / "offline" / f"sosial-is-{lang}.zip").resolve()
    assert target.is_file()
    # nginx's precompressed copy says the same
    assert gzip.decompress(page.with_name(page.name + ".gz").read_bytes()).decode() == html


def test_no_broken_link_after_the_offline_step(offline_site, tmp_path) -> None:
    assert broken_links(offline_site, SITE_URL, tmp_path) == []
