"""A page missing in the reader's language (issue #18 part 4), in headless Chromium: the notice
links every language the page exists in; the reader chooses a fallback order once (kept in
localStorage on the device: no cookie, no request to another host) and a page missing in their
language then opens in the first language of that order it exists in.

A copy of the fixture project with one more page, about/history, written in Turkmen and Russian
but not in English; about/ itself exists only in Turkmen."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from sosial_is.project.translations import source_hash
from support import make_project, run_build, serve

HISTORY_TK = "---\ndescription: Taryh.\n---\n\n# Portalyň taryhy\n\nPortal 2025-nji ýylda açyldy.\n"
HISTORY_RU = ("---\ndescription: История.\ntranslation_of: {hash}\n---\n\n# История портала\n\n"
              "Портал открыт в 2025 году.\n")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("fallback")
    project = make_project(base / "project")
    (project / "docs" / "about" / "history.tk.md").write_text(HISTORY_TK, encoding="utf-8")
    (project / "docs" / "about" / "history.ru.md").write_text(
        HISTORY_RU.format(hash=source_hash(HISTORY_TK)), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(project / "site")
    yield url
    server.shutdown()


@pytest.fixture
def watched(page, site_url):
    """The page, with every request and console error recorded."""
    page.requests, page.errors = [], []
    page.on("request", lambda req: page.requests.append(req.url))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


def path(page, base: str) -> str:
    return page.url[len(base):]


def versions(page) -> dict[str, str]:
    links = page.locator(".si-fallback-versions a")
    return {links.nth(i).get_attribute("hreflang"): links.nth(i).evaluate("a => a.href")
            for i in range(links.count())}


@pytest.mark.parametrize("lang, rel, expected", [
    ("en", "en/about/history/", {"tk": "about/history/", "ru": "ru/about/history/"}),
    ("en", "en/about/", {"tk": "about/"}),
    ("ru", "ru/about/", {"tk": "about/"}),
])
def test_notice_links_every_language_the_page_exists_in(watched, site_url, lang, rel, expected):
    watched.goto(site_url + rel)
    assert path(watched, site_url) == rel  # no choice made: the reader stays
    notice = watched.locator(".si-fallback")
    assert notice.is_visible()
    assert watched.locator(".si-fallback-content").get_attribute("lang") == "tk"
    assert versions(watched) == {k: site_url + v for k, v in expected.items()}
    # each name in its own language; the one shown here is marked
    assert watched.locator('.si-fallback-versions a[lang="tk"]').inner_text() == "Türkmençe"
    assert {"en": "shown here", "ru": "показана здесь"}[lang] in notice.inner_text()
    # the choice: every language but the page's, none chosen yet
    buttons = watched.locator(".si-fallback-choice button")
    assert sorted(buttons.evaluate_all("bs => bs.map(b => b.lang)")) == sorted(
        {"en": ["tk", "ru"], "ru": ["tk", "en"]}[lang])
    assert buttons.evaluate_all("bs => bs.map(b => b.getAttribute('aria-pressed'))") == ["false"] * 2
    assert watched.errors == []


def test_chosen_fallback_order_is_followed(watched, site_url, context):
    watched.goto(site_url + "en/about/history/")
    with watched.expect_navigation():
        watched.locator('.si-fallback-choice button[lang="ru"]').click()
    assert path(watched, site_url) == "ru/about/history/"  # choosing opens the Russian page
    assert watched.evaluate("localStorage.getItem('si-fallback-en')") == "ru,tk"
    assert context.cookies() == []  # kept on the device, in localStorage only

    # another tab: the page missing in English opens in Russian at once
    other = context.new_page()
    other.goto(site_url + "en/about/history/")
    other.wait_for_url(site_url + "ru/about/history/")
    assert other.locator("h1").inner_text().startswith("История портала")
    # ... and Back does not return to the page it left (but to the tab's blank start)
    other.go_back()
    assert other.url == "about:blank"

    # a page that exists only in Turkmen: the Turkmen original, with the notice
    other.goto(site_url + "en/about/")
    assert path(other, site_url) == "en/about/"
    assert other.locator(".si-fallback").is_visible()
    assert other.locator('.si-fallback-choice button[lang="ru"]').get_attribute("aria-pressed") == "true"

    # coming back on purpose (here: the address bar; the language menu alike) in the same tab
    # shows the notice, where the choice can be changed: Turkmen first again
    watched.goto(site_url + "en/about/history/")
    assert path(watched, site_url) == "en/about/history/"
    watched.locator('.si-fallback-choice button[lang="tk"]').click()
    assert watched.locator(".si-fallback-saved").inner_text() == "Your choice is saved on this device."
    assert watched.evaluate("localStorage.getItem('si-fallback-en')") == "tk,ru"
    third = context.new_page()
    third.goto(site_url + "en/about/history/")
    assert path(third, site_url) == "en/about/history/"  # Turkmen is what this page shows

    # the order is per page language: a reader of Russian pages has chosen nothing yet
    third.goto(site_url + "ru/about/")
    assert path(third, site_url) == "ru/about/"
    assert third.evaluate("localStorage.getItem('si-fallback-ru')") is None
    assert all(urlparse(u).hostname == "127.0.0.1" for u in watched.requests)
    assert watched.errors == []


def test_notice_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/about/history/")
    assert page.locator(".si-fallback-versions a").count() == 2  # the links work without it
    assert page.locator(".si-fallback-choice").count() == 0
    context.close()
