"""Pages served through the real nginx configuration (scripts/sosial_is/publish/nginx.conf) run with zero
console errors and zero Content-Security-Policy violations, search included."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from sosial_is.publish.local_nginx import run_nginx

PAGES = ["", "curriculum/", "curriculum/catalogue/", "curriculum/prerequisites/",
         "curriculum/courses/fx-101/", "references/bibliography/"]
PREFIXES = ["", "ru/", "en/"]

# Collects violations reported by the browser itself (they are also console errors).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def nginx_url(fixture_site):
    with run_nginx(fixture_site) as url:
        yield url


def open_page(page, url: str) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}")
            if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("response", lambda res: problems.append(f"HTTP {res.status}: {res.url}")
            if res.status >= 400 else None)
    page.on("request", lambda req: foreign.append(req.url)
            if urlparse(req.url).hostname not in ("127.0.0.1", None) and not req.url.startswith("data:")
            else None)
    page.add_init_script(WATCH_CSP)
    response = page.goto(url)
    assert response and response.status == 200, url
    return problems, foreign


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_console_errors_under_csp(page, nginx_url, prefix, path):
    problems, foreign = open_page(page, nginx_url + prefix + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cspViolations") == []
    assert problems == []
    assert foreign == []


@pytest.mark.parametrize("prefix, word", [("", "etika"), ("ru/", "этика"), ("en/", "ethics")])
def test_search_works_under_csp(page, nginx_url, prefix, word):
    problems, _ = open_page(page, nginx_url + prefix)
    page.locator("input.md-search__input").click()
    page.keyboard.type(word)  # Material listens to key events; fill() would not search
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.evaluate("window.__cspViolations") == []
    assert problems == []
