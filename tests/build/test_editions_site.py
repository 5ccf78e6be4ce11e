"""Editions in the built portal: today (2026-2027 current, 2027-2028 in preparation) and in the
state where 2027-2028 has become current and 2026-2027 is archived (``edition-promote`` on a copy
of the portal, built once per session: the ``promoted_site`` fixture)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import ROOT, broken_links, read_html

LANG_DIRS = {"tk": "", "ru": "ru/", "en": "en/"}


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


# --- Today: 2026-2027 current, 2027-2028 in preparation -------------------------------------------

@pytest.mark.parametrize("lang", ["tk", "ru", "en"])
def test_the_edition_in_preparation_has_every_page(real_site: Path, lang: str) -> None:
    prefix = LANG_DIRS[lang] + "curriculum/2027-2028/"
    for rel in ("", "catalogue/", "map/", "prerequisites/", "programmes/bsw/", "programmes/ccp/",
                "courses/sw-313/", "courses/sw-303/", "courses/sw-101/"):
        assert (real_site / prefix / rel / "index.html").is_file(), prefix + rel
    assert not (real_site / prefix / "courses/sw-308").exists()  # removed in 2027-2028
    assert (real_site / LANG_DIRS[lang] / "curriculum/changes/2027-2028/index.html").is_file()
    assert (real_site / LANG_DIRS[lang] / "curriculum/editions/index.html").is_file()


def test_a_page_of_the_edition_in_preparation_says_so(real_site: Path) -> None:
    html = read_html(real_site, "ru/curriculum/2027-2028/courses/sw-303/")
    text = article(html)
    assert "Эта страница показывает готовящуюся редакцию учебного плана на 2027–2028 учебный год." in text
    assert 'href="../../../courses/sw-303/"' in text  # the same page in the current edition
    assert "<title>SW-303 " in html and "(2027–2028)" in html.split("<title>")[1].split("</title>")[0]
    assert "Изменения между редакциями" in text and "6 ECTS" in text
    # the current edition's page links the edition in preparation and keeps today's address
    current = article(read_html(real_site, "ru/curriculum/courses/sw-303/"))
    assert 'href="../../2027-2028/courses/sw-303/"' in current
    assert "готовящуюся редакцию" not in current


def test_a_new_course_is_only_in_its_edition(real_site: Path) -> None:
    text = article(read_html(real_site, "en/curriculum/2027-2028/courses/sw-313/"))
    assert "SW-313 is not in the current edition (2026–2027)." in text
    assert not (real_site / "en/curriculum/courses/sw-313").exists()


def test_what_changed_lists_every_kind_with_its_rationale(real_site: Path) -> None:
    text = article(read_html(real_site, "en/curriculum/changes/2027-2028/"))
    for kind in ("Courses added", "Courses removed", "Courses renamed", "Courses moved", "Credits",
                 "Competency levels", "Learning outcomes"):
        assert kind in text, kind
    assert "semester 6 → 5" in text  # SW-311 moves a semester earlier
    assert "C7: introduced (I) → practised (P)." in text
    assert text.count("<strong>Why:</strong>") >= 8 and "no rationale recorded" not in text
    assert "<ins>" in text and "<del>" in text  # word diffs of reworded outcomes
    tk = article(read_html(real_site, "curriculum/changes/2027-2028/"))
    assert "<strong>Sebäbi:</strong>" in tk and "Kreditler: 6 → 7 ECTS." in tk


NEXT_YEAR = {"tk": "indiki ýyl", "ru": "следующий год", "en": "next year"}


def changes_entry(site: Path, lang: str) -> dict:
    index = json.loads((site / f"search/search_index.{lang}.json").read_text(encoding="utf-8"))
    return next(d for d in index["docs"] if d["location"] == LANG_DIRS[lang] + "curriculum/changes/2027-2028/")


@pytest.mark.parametrize("lang", ["tk", "ru", "en"])
def test_the_changes_page_names_the_curriculum_and_next_year_while_it_is_in_preparation(
        real_site: Path, promoted_site: Path, lang: str) -> None:
    """Readers ask "what changes in the curriculum next year": the page of the edition in
    preparation is found by those words (its title names the curriculum; "next year" is a
    search keyword); once that edition is current, it is no longer next year's."""
    today = changes_entry(real_site, lang)
    assert "2026–2027 → 2027–2028" in today["title"]
    assert {"tk": "Okuw meýilnamasy", "ru": "учебного плана", "en": "Curriculum"}[lang] in today["title"]
    assert NEXT_YEAR[lang] in today.get("keywords", "")
    assert NEXT_YEAR[lang] not in changes_entry(promoted_site, lang).get("keywords", "")


def test_exports_per_edition_and_the_diff(real_site: Path) -> None:
    data = real_site / "data/editions"
    for edition in ("2026-2027", "2027-2028"):
        curriculum = json.loads((data / edition / "curriculum.json").read_text(encoding="utf-8"))
        codes = {c["code"] for c in curriculum["courses"]}
        assert ("SW-313" in codes) == (edition == "2027-2028")
        assert ("SW-308" in codes) == (edition == "2026-2027")
        case = json.loads((data / edition / "competencies.case.json").read_text(encoding="utf-8"))
        assert case["CFDocument"]["title"]
    change = json.loads((data / "changes-2027-2028.json").read_text(encoding="utf-8"))
    assert (change["from"], change["to"]) == ("2026-2027", "2027-2028")
    kinds = {k for c in change["courses"] for k in c["kinds"]}
    assert {"added", "removed", "renamed", "moved", "credits", "competencies", "outcomes"} <= kinds
    assert all(c["rationale"] and set(c["rationale"]) == {"tk", "ru", "en"} for c in change["courses"])
    # the current edition's data stays where it was
    assert json.loads((real_site / "data/curriculum.json").read_text(encoding="utf-8")) == \
        json.loads((data / "2026-2027/curriculum.json").read_text(encoding="utf-8"))


# --- After edition-promote: 2027-2028 current, 2026-2027 archived ----------------------------------

def test_the_promoted_edition_takes_todays_addresses(promoted_site: Path) -> None:
    text = article(read_html(promoted_site, "en/curriculum/courses/sw-313/"))
    assert "SW-313 · " in text and "in preparation" not in text.split("Changes between editions")[0]
    assert not (promoted_site / "en/curriculum/courses/sw-308").exists()
    assert not (promoted_site / "en/curriculum/2027-2028").exists()
    catalogue = article(read_html(promoted_site, "en/curriculum/catalogue/"))
    assert "SW-313" in catalogue and "SW-308" not in catalogue


@pytest.mark.parametrize("lang", ["tk", "ru", "en"])
def test_the_archived_edition_is_frozen_and_says_so(promoted_site: Path, lang: str) -> None:
    html = read_html(promoted_site, LANG_DIRS[lang] + "curriculum/2026-2027/courses/sw-308/")
    text = article(html)
    banner = {"tk": "arhiwdäki neşirini", "ru": "архивную редакцию", "en": "archived 2026–2027 edition"}
    gone = {"tk": "SW-308 kursy häzirki neşirde (2027–2028) ýok.",
            "ru": "Курса SW-308 нет в действующей редакции (2027–2028).",
            "en": "SW-308 is not in the current edition (2027–2028)."}
    assert banner[lang] in text and gone[lang] in text
    assert 'rel="edit"' not in html  # an archived edition is not edited
    sw101 = article(read_html(promoted_site, LANG_DIRS[lang] + "curriculum/2026-2027/courses/sw-101/"))
    assert 'href="../../../courses/sw-101/"' in sw101


def test_the_archived_edition_keeps_its_content(real_site: Path, promoted_site: Path) -> None:
    """The archived 2026-2027 says what the current 2026-2027 said before the promotion."""
    before = json.loads((real_site / "data/editions/2026-2027/curriculum.json").read_text(encoding="utf-8"))
    after = json.loads((promoted_site / "data/editions/2026-2027/curriculum.json").read_text(encoding="utf-8"))
    assert after["courses"] == before["courses"] and after["programmes"] == before["programmes"]
    plan = article(read_html(promoted_site, "en/curriculum/2026-2027/programmes/bsw/"))
    assert re.search(r"SW-308", plan) and "SW-313" not in plan


def test_the_promoted_site_has_no_broken_link(promoted_site: Path, tmp_path: Path) -> None:
    from sosial_is.mkdocs.site_config import load
    config, _ = load(ROOT / "mkdocs.yml")
    assert broken_links(promoted_site, config.site_url, tmp_path) == []
