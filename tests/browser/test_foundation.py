"""Browser tests in headless Chromium (Debian's): no third-party requests, the language switcher
keeps the page, the catalogue filter works, untranslated pages carry their real language."""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from support import LANG_PREFIX, serve

PAGES = ["", "curriculum/", "curriculum/catalogue/", "curriculum/courses/fx-201/",
         "curriculum/prerequisites/", "glossary/", "about/"]


def offsite_requests(page, url: str) -> list[str]:
    """Load ``url`` and return every request that went anywhere but the local server."""
    host = urlparse(url).netloc
    seen: list[str] = []
    page.on("request", lambda req: seen.append(req.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # late requests (fonts, scripts) after idle
    return [u for u in seen if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).netloc != host]


@pytest.mark.parametrize("lang", ["tk", "ru", "en"])
def test_no_third_party_requests(page, fixture_url: str, lang: str) -> None:
    for rel in PAGES:
        url = fixture_url + LANG_PREFIX[lang] + rel
        assert offsite_requests(page, url) == [], url


def test_request_recorder_catches_google_fonts(page, fixture_site: Path, tmp_path: Path) -> None:
    """The check above can fail: a page that links Google Fonts is caught."""
    copy = tmp_path / "site"
    shutil.copytree(fixture_site, copy)
    index = copy / "index.html"
    html = index.read_text(encoding="utf-8")
    index.write_text(html.replace("</head>", '<link rel="stylesheet" href='
                                  '"https://fonts.googleapis.com/css?family=Roboto"></head>', 1),
                     encoding="utf-8")
    url, server = serve(copy)
    try:
        offsite = offsite_requests(page, url)
    finally:
        server.shutdown()
    assert any("fonts.googleapis.com" in u for u in offsite)


@pytest.mark.parametrize("start,target,expected", [
    ("ru/curriculum/courses/fx-201/", "en", "en/curriculum/courses/fx-201/"),
    ("en/curriculum/map/", "tk", "curriculum/map/"),
    ("curriculum/prerequisites/", "ru", "ru/curriculum/prerequisites/"),
])
def test_language_switcher_keeps_the_page(page, fixture_url: str, start: str, target: str,
                                          expected: str) -> None:
    page.goto(fixture_url + start)
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{target}']")
    page.wait_for_load_state()
    assert page.url == fixture_url + expected
    assert page.locator("html").get_attribute("lang") == target


def test_catalogue_filter(page, fixture_url: str) -> None:
    page.goto(fixture_url + "en/curriculum/catalogue/")
    rows = page.locator(".si-catalogue tbody tr")
    assert page.locator("form.si-filter").is_visible()
    assert rows.count() == 3
    page.select_option("select[data-col='2']", "2")
    visible = [r for r in rows.all() if r.is_visible()]
    assert [r.locator("td").first.inner_text() for r in visible] == ["FX-201"]
    assert "1 of 3" in page.locator("form.si-filter output").inner_text()
    page.select_option("select[data-col='2']", "")
    page.select_option("select[data-col='3']", "10")  # minimum credits
    assert [r.locator("td").first.inner_text() for r in rows.all() if r.is_visible()] == ["FX-201"]


def test_catalogue_without_javascript(browser, fixture_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_url + "ru/curriculum/catalogue/")
    assert not page.locator("form.si-filter").is_visible()
    assert page.locator(".si-catalogue tbody tr").count() == 3
    context.close()


def test_untranslated_page_in_browser(page, fixture_url: str) -> None:
    page.goto(fixture_url + "en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".si-fallback").is_visible()
    assert page.locator(".si-fallback-content").get_attribute("lang") == "tk"


def test_glossary_definition_shows_on_focus(page, fixture_url: str) -> None:
    """Keyboard and touch users see the definition too (CSS tooltip on focus, no script)."""
    page.goto(fixture_url + "en/")
    term = page.locator("abbr.si-term").first
    shown = "el => getComputedStyle(el, '::after').content"
    assert term.evaluate(shown) in ("none", "normal")
    term.focus()
    assert term.evaluate(shown) == '"A profession that supports people and communities."'
