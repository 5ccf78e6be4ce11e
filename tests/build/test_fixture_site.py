"""Build tests: read the HTML that the strict build of the fixture project produced."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from support import LANG_PREFIX, make_project, read_html, run_build

LANGS = ("tk", "ru", "en")


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup(read_html(site, rel), "html.parser")


def article(site: Path, rel: str) -> BeautifulSoup:
    return soup(site, rel).select_one("article.md-content__inner")


@pytest.mark.parametrize("lang", LANGS)
def test_course_page_facts(fixture_site: Path, lang: str) -> None:
    page = article(fixture_site, f"{LANG_PREFIX[lang]}curriculum/courses/fx-201/")
    text = page.get_text(" ", strip=True)
    assert "FX-201" in page.h1.get_text()
    facts = page.select_one(".si-facts dl")
    cells = [dd.get_text(" ", strip=True) for dd in facts.find_all("dd")]
    assert "10" in cells  # credits
    assert any("300" in c and "120" in c for c in cells)  # total hours and practice hours
    prereq_links = {a["href"] for a in facts.find_all("a")}
    assert "../fx-101/" in prereq_links and "../fx-102/" in prereq_links
    assert len(page.select("#outcomes + ol > li")) == 4
    weekly = page.select_one("#topics").find_next("table")
    assert len(weekly.find("tbody").find_all("tr")) == 3
    assessment = page.select_one("#assessment").find_next("table").get_text(" ", strip=True)
    assert "70%" in assessment and "30%" in assessment and "100%" in assessment
    readings = page.select_one("#readings").find_next("ul")
    assert {a["href"] for a in readings.find_all("a")} >= {
        "../../../references/bibliography/#ref-ref-definition"}
    assert "Banks" in text


@pytest.mark.parametrize("lang", LANGS)
def test_edit_link_points_at_the_course_language_file(fixture_site: Path, lang: str) -> None:
    page = soup(fixture_site, f"{LANG_PREFIX[lang]}curriculum/courses/fx-101/")
    edit = page.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"].endswith(f"/edit/main/curriculum/courses/FX-101/{lang}.md")


@pytest.mark.parametrize("lang", LANGS)
def test_required_by_links_back(fixture_site: Path, lang: str) -> None:
    page = article(fixture_site, f"{LANG_PREFIX[lang]}curriculum/courses/fx-101/")
    facts = page.select_one(".si-facts dl")
    assert "../fx-201/" in {a["href"] for a in facts.find_all("a")}


def test_curriculum_map_cells(fixture_site: Path) -> None:
    page = article(fixture_site, "en/curriculum/map/")
    rows = {tr.find("td").get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")[1:]]
            for tr in page.select(".si-map tbody tr")}
    assert rows == {"FX-101": ["I", "I"], "FX-102": ["P", "P"], "FX-201": ["D", "D"]}
    coverage = page.find(id="coverage-fx").find_next("table").get_text(" ", strip=True)
    assert "all levels covered" in coverage


@pytest.mark.parametrize("lang", LANGS)
def test_prerequisite_diagram_is_accessible_svg(fixture_site: Path, lang: str) -> None:
    page = article(fixture_site, f"{LANG_PREFIX[lang]}curriculum/prerequisites/")
    svg = page.select_one("svg.si-prereq")
    assert svg["role"] == "group"  # it holds links, so not "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text(strip=True)
    assert svg.find("desc", id=desc_id).get_text(strip=True)
    assert len(svg.select("path.si-prereq__edge")) == 2  # FX-101 → FX-201, FX-102 → FX-201
    assert {a["href"] for a in svg.find_all("a")} == {
        "../courses/fx-101/", "../courses/fx-102/", "../courses/fx-201/"}
    # the text alternative names the same links
    assert "FX-101" in page.find("details").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_study_plan_totals(fixture_site: Path, lang: str) -> None:
    page = article(fixture_site, f"{LANG_PREFIX[lang]}curriculum/programmes/fx/")
    table = page.find(id="credits").find_next("table")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert rows[:2] == [["1", "10"], ["2", "10"]]
    assert rows[-1][1] == "20"


def test_catalogue_is_a_full_table_without_javascript(fixture_site: Path) -> None:
    page = soup(fixture_site, "curriculum/catalogue/")
    assert len(page.select(".si-catalogue tbody tr")) == 3
    form = page.select_one("form.si-filter")
    assert form.has_attr("hidden")  # shown only by the script
    assert any(s["src"].endswith("assets/catalogue.js") for s in page.find_all("script", src=True))
    # other pages do not load it
    home = soup(fixture_site, "")
    assert not any("catalogue.js" in s["src"] for s in home.find_all("script", src=True))


def test_exports_validate_against_their_schemas(fixture_site: Path) -> None:
    data = json.loads((fixture_site / "data/curriculum.json").read_text(encoding="utf-8"))
    schema = json.loads((fixture_site / "data/curriculum.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    assert {c["code"] for c in data["courses"]} == {"FX-101", "FX-102", "FX-201"}
    assert data["courses"][2]["text"]["ru"]["outcomes"]
    broken = json.loads(json.dumps(data))
    broken["courses"][0]["credits"] = "five"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


CASE_SCHEMA = json.loads((Path(__file__).parent / "case-1.1-package.schema.json").read_text())


def test_case_export(fixture_site: Path) -> None:
    package = json.loads((fixture_site / "data/competencies.case.json").read_text(encoding="utf-8"))
    jsonschema.validate(package, CASE_SCHEMA)
    items = {i["humanCodingScheme"]: i for i in package["CFItems"]}
    assert set(items) == {"C1", "C2"}
    assert all(a["destinationNodeURI"]["identifier"] == package["CFDocument"]["identifier"]
               for a in package["CFAssociations"])


def test_untranslated_page_says_so_and_keeps_its_language(fixture_site: Path) -> None:
    for lang, words in (("ru", "не переведена"), ("en", "not been translated")):
        page = soup(fixture_site, f"{lang}/about/")
        assert page.html["lang"] == lang
        notice = page.select_one(".si-fallback")
        assert words in notice.get_text()
        content = page.select_one(".si-fallback-content")
        assert content["lang"] == "tk"
        assert "Portal barada" in content.get_text()
    assert not soup(fixture_site, "about/").select_one(".si-fallback")


def test_readable_unicode_anchors(fixture_site: Path) -> None:
    page = soup(fixture_site, "ru/")
    ids = {h["id"] for h in page.select("article h2[id]")}
    assert "кириллица-и-türkmençe" in ids
    assert not any(re.fullmatch(r"_\d+", i) for i in ids)


def test_citation_links_to_reference_list(fixture_site: Path) -> None:
    page = article(fixture_site, "en/")
    cite = page.select_one("a.si-cite")
    assert cite.get_text() == "IFSW & IASSW, 2014"
    target = page.select_one(cite["href"])
    assert "Global Definition of the Social Work Profession" in target.get_text()


def test_sitemap_has_real_urls(fixture_site: Path) -> None:
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in sitemap
    assert "https://sosial-is.github.io/portal/ru/curriculum/courses/fx-101/" in sitemap


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_targets_the_same_page(fixture_site: Path, lang: str) -> None:
    page = soup(fixture_site, f"{LANG_PREFIX[lang]}curriculum/courses/fx-201/")
    links = {a.get("hreflang"): a["href"] for a in page.select(".md-select__link[hreflang]")}
    assert set(links) == set(LANGS)
    assert links[lang] == "./"
    for other, href in links.items():
        if other != lang:
            assert href.endswith(f"/{LANG_PREFIX[other]}curriculum/courses/fx-201/"), (other, href)


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    site = project / "site"
    assert run_build(project, site).returncode == 0
    before = (site / "index.html").read_text(encoding="utf-8")
    course = project / "curriculum/courses/FX-201/course.yml"
    course.write_text(course.read_text().replace("independent: 120", "independent: 100"))
    result = run_build(project, site)
    assert result.returncode != 0
    assert "curriculum/courses/FX-201/course.yml:3: HOURS-CREDITS" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == before
    assert (site / "ru/index.html").exists() and (site / "data/curriculum.json").exists()
    assert not list(project.glob(".site-build-*"))  # no half-written build left behind


def test_broken_markdown_link_fails_the_strict_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    page = project / "docs/index.en.md"
    page.write_text(page.read_text() + "\n[missing](nowhere.md)\n")
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert not (project / "site").exists()


def test_a_search_synonym_that_cannot_work_fails_the_build(tmp_path: Path) -> None:
    # the index is the only place that knows every word of a language's pages: checked there
    project = make_project(tmp_path / "project")
    synonyms = project / "curriculum/search-synonyms.yml"
    synonyms.write_text(synonyms.read_text(encoding="utf-8").replace("site: families", "site: kindred")
                        .replace("[родня,", "[семьями,"), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert "curriculum/search-synonyms.yml:7: SEARCH-SYNONYM-SITE-MISSING" in result.stderr
    assert "curriculum/search-synonyms.yml:5: SEARCH-SYNONYM-READER-USED" in result.stderr
    assert not (project / "site").exists()
    assert not list(project.glob(".site-build-*"))


@pytest.mark.parametrize("lang,term", [("en", "Social work"), ("tk", None)])
def test_glossary_definition_on_first_use(fixture_site: Path, lang: str, term) -> None:
    page = article(fixture_site, LANG_PREFIX[lang])
    marks = page.select("abbr.si-term")
    if term is None:  # the fixture's Turkmen home page uses no glossary term
        assert marks == []
        return
    assert [m.get_text() for m in marks] == [term]
    assert marks[0]["title"] == "A profession that supports people and communities."
    assert marks[0]["tabindex"] == "0"
