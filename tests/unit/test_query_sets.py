"""The search benchmark's query sets (scripts/sosial_is/bench/queries/): every set loads, and every
page a query expects is a page of the portal in the query's language (a renamed page would
otherwise count as a search miss for ever); and what generated pages give the search: keywords,
readers' questions and the lower weight of list pages."""
from __future__ import annotations

import pytest

from sosial_is import pipeline
from sosial_is.bench.search_quality import POOLED, QUERY_SETS, Outcome, Query, interval, load_sets, summarise
from sosial_is.core.languages import LANG_PREFIX
from sosial_is.markdown.scanner import front_matter, questions
from support import ROOT, project_of


@pytest.fixture(scope="module")
def page_sources() -> set[str]:
    """Every page's source, relative to docs/ (hand-written and generated)."""
    project = project_of(ROOT)
    state = pipeline.run(project)
    hand = {p.relative_to(project.docs).as_posix() for p in state.hand_written}
    return hand | {rel for rel in state.pages if rel.endswith(".md")}


def sources_of(url: str, lang: str) -> set[str]:
    """The source files that make the page at ``url`` (relative to the language root)."""
    path = url.rstrip("/")
    if not path:
        return {f"index.{lang}.md"}
    return {f"{path}.{lang}.md", f"{path}/index.{lang}.md"}


@pytest.mark.parametrize("name", QUERY_SETS)
def test_every_expected_page_exists_in_the_query_language(name: str, page_sources: set[str]):
    queries = load_sets([name])
    assert len({q.lang for q in queries}) == 3
    missing = []
    for query in queries:
        assert query.q.strip() and query.expect, query
        for url in query.expect:
            rel = url.removeprefix(LANG_PREFIX[query.lang])
            if not sources_of(rel, query.lang) & page_sources:
                missing.append((query.lang, query.q, url))
    assert missing == []


def test_generated_pages_carry_their_search_keywords_and_list_weight():
    pages = pipeline.run(project_of(ROOT)).pages
    assert "\nkeywords: [" in pages["glossary/index.ru.md"].split("\n---\n", 1)[0]
    assert "\nsearch:\n  boost: 0.5\n" in pages["curriculum/catalogue.en.md"]
    course = pages["curriculum/courses/sw-409.ru.md"].split("\n---\n", 1)[0]
    assert 'keywords: ["дипломная работа"' in course  # from the course file's front matter
    # the locale's keywords_<page>, in every language
    for page in ("curriculum/competencies", "curriculum/prerequisites", "about/translation-status",
                 "contributing/checks"):
        for lang in ("tk", "ru", "en"):
            front = pages[f"{page}.{lang}.md"].split("\n---\n", 1)[0]
            assert "\nkeywords: [\"" in front, (page, lang)


def test_generated_pages_carry_readers_questions_from_their_one_source():
    """A course page's questions come from its language file's front matter; the other generated
    pages' from the locale (questions_<page>), in every language; all within the limits."""
    pages = pipeline.run(project_of(ROOT)).pages
    course = front_matter(pages["curriculum/courses/sw-409.en.md"]).data
    source = front_matter((ROOT / "curriculum/courses/SW-409/en.md").read_text(encoding="utf-8")).data
    assert course["questions"] == source["questions"] and questions(course["questions"])
    for page in ("glossary/index", "curriculum/catalogue", "curriculum/map", "curriculum/editions",
                 "curriculum/programmes/bsw", "curriculum/changes/2027-2028", "contributing/checks"):
        for lang in ("tk", "ru", "en"):
            front = front_matter(pages[f"{page}.{lang}.md"]).data
            assert questions(front.get("questions")), (page, lang)


def test_independent_held_out_sets_are_pooled_per_language_with_an_interval():
    """Two held-out sets run together: a pooled row per language over both (not over a tuning
    set), whose MRR is the mean over all their queries, inside its bootstrap interval."""
    def outcome(set_name: str, lang: str, rank: int | None) -> Outcome:
        expect = LANG_PREFIX[lang] + "ethics/"
        results = [f"x{i}/" for i in range(1, rank)] + [expect] if rank else ["x/"]
        return Outcome(Query(lang, "q", [expect], set=set_name), results)

    ranks = [1, 1, 2, None, 1, 4]
    outcomes = ([outcome("heldout4", "ru", r) for r in ranks[:3]]
                + [outcome("heldout7", "ru", r) for r in ranks[3:]]
                + [outcome("tuning3", "ru", None)] * 5)
    table = summarise(outcomes)
    row = table[POOLED]["ru"]
    assert row["queries"] == 6
    assert row["mrr"] == round((1 + 1 + 0.5 + 0 + 1 + 0.25) / 6, 3)
    assert row["recall@5"] == round(5 / 6, 3)
    low, high = row["mrr 95%"]
    assert 0 <= low < row["mrr"] < high <= 1
    assert interval([1.0] * 10) == (1.0, 1.0)
    assert set(table[POOLED]) == {"ru"}
    # one held-out set alone: nothing to pool
    assert POOLED not in summarise(outcomes[:3] + outcomes[6:])
