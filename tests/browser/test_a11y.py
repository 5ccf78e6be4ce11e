"""Accessibility: axe-core (pinned in scripts/audit/package-lock.json) finds no WCAG 2.0/2.1
A or AA violation on any page kind of the fixture site, in each language."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "scripts" / "audit" / "node_modules" / "axe-core" / "axe.min.js"
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


def test_axe_does_find_a_violation(page, fixture_url):
    """The check can fail: an image without text alternative is reported."""
    page.goto(fixture_url)
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(v.startswith("image-alt") for v in axe_violations(page))
