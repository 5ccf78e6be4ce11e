"""Accessibility: axe-core (pinned in scripts/npm/axe/package-lock.json) finds no WCAG 2.0/2.1
A or AA violation on any page kind of the fixture site and of the real portal, in each language.

The real portal is built once per session (the ``real_url`` fixture, shared with other tests);
one test per page kind visits the three languages, so a failure names every language at once."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "scripts" / "npm" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_KINDS = {
    "home": "",
    "section index": "curriculum/",
    "catalogue": "curriculum/catalogue/",
    "map": "curriculum/map/",
    "prerequisites": "curriculum/prerequisites/",
    "competencies": "curriculum/competencies/",
    "programme": "curriculum/programmes/fx/",
    "course": "curriculum/courses/fx-101/",
    "bibliography": "references/bibliography/",
    "glossary": "glossary/",
    "fallback page": "about/",
}

# The real portal's page kinds (hand-written and generated).
REAL_PAGE_KINDS = {
    "home": "",
    "section index": "curriculum/",
    "ethics": "ethics/",
    "ethics article": "ethics/dilemmas/",
    "law": "law/international/",
    "programme": "curriculum/programmes/bsw/",
    "catalogue": "curriculum/catalogue/",
    "course": "curriculum/courses/sw-101/",
    "competencies": "curriculum/competencies/",
    "map": "curriculum/map/",
    "prerequisites": "curriculum/prerequisites/",
    "bibliography": "references/bibliography/",
    "glossary": "glossary/",
    "translation status": "about/translation-status/",
    "contributor checks": "contributing/checks/",
}


def axe_violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run 'scripts/run setup' (npm ci in scripts/audit)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"]]


@pytest.mark.parametrize("prefix", ["", "ru/", "en/"])
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_wcag_violations(page, fixture_url, path, prefix):
    response = page.goto(fixture_url + prefix + path)
    assert response and response.status == 200
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", REAL_PAGE_KINDS.values(), ids=REAL_PAGE_KINDS.keys())
def test_real_site_has_no_wcag_violations(page, real_url, path):
    found = {}
    for prefix in ("", "ru/", "en/"):
        response = page.goto(real_url + prefix + path)
        assert response and response.status == 200, prefix + path
        if violations := axe_violations(page):
            found["/" + prefix + path] = violations
    assert found == {}


def test_search_dialog_has_a_name(page, real_url):
    """Material's search dialog is named by its own translated "search" label
    (overrides/partials/search.html; axe/Lighthouse aria-dialog-name)."""
    names = {}
    for prefix in ("", "ru/", "en/"):
        page.goto(real_url + prefix)
        names[prefix] = page.get_attribute("[data-md-component=search][role=dialog]", "aria-label")
    assert names == {"": "Gözleg", "ru/": "Поиск", "en/": "Search"}


def test_axe_does_find_a_violation(page, fixture_url):
    """The check can fail: an image without text alternative is reported."""
    page.goto(fixture_url)
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(v.startswith("image-alt") for v in axe_violations(page))


def test_course_page_without_material_script_has_no_violations(browser, real_url):
    """A reader whose browser has not run Material's script (JavaScript off, a slow connection, the
    bundle still loading) gets the same accessible page: the empty wide-screen navigation sidebar
    of a course page is not an unreachable scrollable box (site.css, html.no-js)."""
    context = browser.new_context(bypass_csp=True)  # our CSP (rightly) blocks injecting axe
    page = context.new_page()
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    found = {}
    for prefix in ("", "ru/", "en/"):
        page.goto(real_url + prefix + "curriculum/courses/sw-101/")
        assert "no-js" in (page.locator("html").get_attribute("class") or "")
        if violations := axe_violations(page):
            found[prefix] = violations
    context.close()
    assert found == {}
