"""Editions of the curriculum in the browser: the banner of a page of another edition and its
link to the current one, the language switcher that keeps the edition, and search from an
archived page (the current edition's pages unless the query names the archived edition's year).
The real portal today (2027-2028 in preparation) and after edition-promote (2026-2027 archived)."""
from __future__ import annotations

import pytest
from test_search import open_search, search


def test_banner_links_the_same_page_in_the_current_edition(page, real_url):
    page.goto(real_url + "en/curriculum/2027-2028/courses/sw-303/", wait_until="networkidle")
    banner = page.locator("article .admonition.warning").first
    assert banner.is_visible()
    assert "in preparation" in banner.inner_text() and "not yet in force" in banner.inner_text()
    page.get_by_role("link", name="This page in the current edition (2026–2027)").click()
    page.wait_for_load_state("networkidle")
    assert page.url == real_url + "en/curriculum/courses/sw-303/"
    assert page.locator("article .admonition.warning").count() == 0


@pytest.mark.parametrize("start, choose, expected", [
    ("curriculum/2027-2028/courses/sw-313/", "Русский", "ru/curriculum/2027-2028/courses/sw-313/"),
    ("ru/curriculum/2027-2028/catalogue/", "English", "en/curriculum/2027-2028/catalogue/"),
    ("en/curriculum/2027-2028/courses/sw-303/", "Türkmençe", "curriculum/2027-2028/courses/sw-303/"),
])
def test_language_switcher_keeps_the_edition(page, real_url, start, choose, expected):
    page.goto(real_url + start, wait_until="networkidle")
    page.locator(".md-header .md-select").first.hover()
    page.get_by_role("link", name=choose).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == real_url + expected


def test_edition_bar_opens_the_same_course_in_another_edition(page, real_url):
    page.goto(real_url + "ru/curriculum/courses/sw-303/", wait_until="networkidle")
    page.locator("p.si-edition").get_by_role("link", name="2027–2028 (в подготовке)").click()
    page.wait_for_load_state("networkidle")
    assert page.url == real_url + "ru/curriculum/2027-2028/courses/sw-303/"


def test_search_on_an_archived_page_finds_the_current_edition_unless_asked(page, promoted_url):
    open_search(page, promoted_url + "en/curriculum/2026-2027/courses/sw-308/")
    banner = page.locator("article .admonition.note").first
    assert "archived 2026–2027 edition" in banner.inner_text()
    results = search(page, promoted_url, "monitoring and evaluation")
    assert results, "no results"
    assert not [r for r in results if "/2026-2027/" in r]  # the current edition only
    asked = search(page, promoted_url, "monitoring evaluation 2026")
    assert any("en/curriculum/2026-2027/courses/sw-308/" in r for r in asked), asked
    # SW-308 is gone from the current edition: its code alone finds the archived course
    by_code = search(page, promoted_url, "SW-308")
    assert by_code and by_code[0] == "en/curriculum/2026-2027/courses/sw-308/", by_code


def test_search_in_the_current_edition_leaves_the_edition_in_preparation_out(page, real_url):
    open_search(page, real_url + "en/")
    results = search(page, real_url, "early childhood intervention")
    # the edition's pages stay out; the "what changed" page is a page of the portal like any other
    assert not [r for r in results if "curriculum/2027-2028/" in r], results
    asked = search(page, real_url, "early childhood intervention 2027")
    assert asked and asked[0] == "en/curriculum/2027-2028/courses/sw-313/", asked
    # a code only the edition in preparation has (SW-313 is new there) names that edition too
    for query in ("SW-313", "sw 313 early intervention"):
        by_code = search(page, real_url, query)
        assert by_code and by_code[0] == "en/curriculum/2027-2028/courses/sw-313/", (query, by_code)
    # a code the current edition has keeps to the current edition
    current = search(page, real_url, "SW-204")
    assert current and current[0] == "en/curriculum/courses/sw-204/", current
    assert not [r for r in current if "curriculum/2027-2028/" in r], current
