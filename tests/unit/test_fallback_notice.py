"""The notice of a page shown in another language (scripts/sosial_is/render/fallback.py)."""
from __future__ import annotations

import json

from bs4 import BeautifulSoup

from sosial_is.render import fallback

LANGUAGES = {"tk": "Türkmençe", "ru": "Русский", "en": "English"}


def notice(html: str):
    return BeautifulSoup(html, "html.parser").select_one(".si-fallback")


def test_notice_links_the_languages_the_page_exists_in():
    html = fallback.wrap("<p>Tekst</p>", "en", "tk",
                         {"tk": ("Türkmençe", "../../about/x/"), "ru": ("Русский", "../../ru/about/x/")},
                         LANGUAGES)
    box = notice(html)
    links = box.select(".si-fallback-versions a")
    assert [(a["hreflang"], a["lang"], a.text, a["href"]) for a in links] == [
        ("tk", "tk", "Türkmençe", "../../about/x/"), ("ru", "ru", "Русский", "../../ru/about/x/")]
    assert "(shown here)" in box.select_one(".si-fallback-versions").text
    # the reader's choice is among the other languages; texts in the page's language
    assert json.loads(box["data-si-languages"]) == {"tk": "Türkmençe", "ru": "Русский"}
    assert box["data-si-page-lang"] == "en" and box["data-si-shown"] == "tk"
    assert box["data-si-choose"].startswith("When a page is missing")
    content = BeautifulSoup(html, "html.parser").select_one(".si-fallback-content")
    assert content["lang"] == "tk" and content.text == "Tekst"


def test_notice_without_versions_keeps_its_text():
    box = notice(fallback.wrap("<p>x</p>", "ru", "tk"))
    assert box.select_one(".si-fallback-versions") is None
    assert "не переведена" in box.text


def test_notice_escapes_what_it_is_given():
    box = notice(fallback.wrap("", "en", "tk", {"tk": ('<b>"x"</b>', 'a"b/')}, LANGUAGES))
    link = box.select_one(".si-fallback-versions a")
    assert link["href"] == 'a"b/' and link.text == '<b>"x"</b>'
