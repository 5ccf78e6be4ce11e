"""Per-language search indexes (scripts/sosial_is/mkdocs/search_index.py)."""
from __future__ import annotations

import json

from sosial_is.core.languages import language_of_location
from sosial_is.mkdocs import search_index as index

PREFIXES = {"tk": "", "ru": "ru/", "en": "en/"}
NOTICE = "<p>" + "Bu nusgalyk okuw maksatnamasy halkara standartlaryna laýyklykda. " * 2 + "</p>"


def entry(location: str, title: str, text: str = "") -> dict:
    return {"location": location, "title": title, "text": text}


def mixed_index() -> dict:
    docs = []
    for prefix, word in (("", "maşgala"), ("ru/", "семья"), ("en/", "family")):
        for code in ("sw-101", "sw-102", "sw-204"):
            page = f"{prefix}curriculum/courses/{code}/"
            docs += [entry(page, f"{code.upper()} {word}"),
                     entry(page + f"#{code}--x", f"{code.upper()} · {word}", NOTICE + f"<p>{word} {code}</p>"),
                     entry(page + "#description", "D", f"<p>{word} text</p>")]
        docs.append(entry(f"{prefix}curriculum/competencies/#c1", "C1 · Etika", "<p>x</p>"))
    return {"config": {"lang": ["tr", "ru", "en"]}, "docs": docs}


def test_language_of():
    assert language_of_location("ru/glossary/#x", PREFIXES, "tk") == "ru"
    assert language_of_location("en/", PREFIXES, "tk") == "en"
    assert language_of_location("glossary/", PREFIXES, "tk") == "tk"
    assert language_of_location("russia/", PREFIXES, "tk") == "tk"


def test_compact_code():
    assert index.compact_code("SW-204") == "sw204"
    assert index.compact_code("CCP-101") == "ccp101"


def test_keys_for_courses_and_competencies():
    courses = {"curriculum/courses/sw-204/": "SW-204"}
    assert index.add_keys(entry("curriculum/courses/sw-204/", "SW-204 x"), courses)["keys"] == "sw204"
    # sections of the course page do not all carry the code (only the page and its h1)
    assert "keys" not in index.add_keys(entry("curriculum/courses/sw-204/#topics", "Topics"), courses)
    assert index.add_keys(entry("curriculum/competencies/#c5", "C5 · Baha"), {})["keys"] == "c5"
    assert "keys" not in index.add_keys(entry("ethics/#dignity", "1. Mertebe"), {})


def test_boilerplate_kept_once_and_markup_dropped():
    docs = index.drop_boilerplate([entry(f"p{i}/", "t", NOTICE + f"<p>own {i}</p>") for i in range(4)])
    assert docs[0]["text"].startswith("Bu nusgalyk")
    assert [d["text"] for d in docs[1:]] == ["own 1", "own 2", "own 3"]
    assert "<p>" not in docs[0]["text"]


def test_short_or_rare_paragraphs_are_kept():
    docs = index.drop_boilerplate([entry("a/", "t", "<p>short</p>"), entry("b/", "t", "<p>short</p>"),
                                   entry("c/", "t", "<p>short</p>")])
    assert [d["text"] for d in docs] == ["short"] * 3


def test_page_head_merged():
    docs = index.merge_page_heads([entry("a/", "A"), entry("a/#a", "A", "intro"), entry("a/#b", "B", "more")])
    assert docs == [entry("a/", "A", "intro"), entry("a/#b", "B", "more")]


def test_split_site_index(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(mixed_index()))
    courses = {f"{p}curriculum/courses/sw-204/": "SW-204" for p in PREFIXES.values()}
    sizes = index.split_site_index(tmp_path, PREFIXES, "tk", courses)
    for lang, prefix in PREFIXES.items():
        data = json.loads((tmp_path / "search" / f"search_index.{lang}.json").read_text("utf-8"))
        assert data["config"]["lang"] == index.LUNR_LANGS.get(lang, [lang])
        assert "keys" in data["config"]["fields"]
        assert all(language_of_location(d["location"], PREFIXES, "tk") == lang for d in data["docs"])
        assert len(data["docs"]) == 7  # 3 courses × (page + description) + competency
        assert {d["location"] for d in data["docs"] if d.get("keys") == "sw204"} == {
            f"{prefix}curriculum/courses/sw-204/"}
        assert sizes[lang] < sizes["mixed-before"] / 3
    # UTF-8, not \\u escapes
    raw = (tmp_path / "search" / "search_index.ru.json").read_bytes()
    assert "семья".encode() in raw
    everything = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    assert everything["config"]["lang"] == ["tk", "ru", "en"]
    assert len(everything["docs"]) == 21


def test_the_mixed_index_is_each_language_index_in_turn(tmp_path):
    (tmp_path / "search").mkdir()
    docs = mixed_index()["docs"]
    index.split_site_index(tmp_path, PREFIXES, "tk", {}, entries=docs)
    everything = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    per_lang = [json.loads((tmp_path / "search" / f"search_index.{lang}.json").read_text("utf-8"))["docs"]
                for lang in PREFIXES]
    assert everything["docs"] == [d for docs in per_lang for d in docs]
    assert everything["config"]["fields"] == index.FIELDS


def test_a_serve_processes_again_only_the_language_whose_entries_changed(tmp_path):
    (tmp_path / "search").mkdir()
    docs, memo = mixed_index()["docs"], {}
    index.split_site_index(tmp_path, PREFIXES, "tk", {}, entries=docs, memo=memo)
    kept = {lang: memo[lang][2] for lang in PREFIXES}
    edited = [dict(d, text="<p>täze</p>") if d["location"] == "en/curriculum/courses/sw-101/#description" else d
              for d in docs]  # a new entry object for the edited page, the same ones elsewhere
    (tmp_path / "search" / "search_index.tk.json").write_text("not rewritten")
    index.split_site_index(tmp_path, PREFIXES, "tk", {}, entries=edited, memo=memo)
    assert memo["tk"][2] is kept["tk"] and memo["ru"][2] is kept["ru"]
    assert (tmp_path / "search" / "search_index.tk.json").read_text() == "not rewritten"
    assert "täze" in (tmp_path / "search" / "search_index.en.json").read_text("utf-8")
    assert "täze" in (tmp_path / "search" / "search_index.json").read_text("utf-8")
    # other courses or editions: every language again
    index.split_site_index(tmp_path, PREFIXES, "tk", {"curriculum/courses/sw-101/": "SW-101"},
                           entries=edited, memo=memo)
    assert "sw101" in (tmp_path / "search" / "search_index.tk.json").read_text("utf-8")


def test_front_matter_search_fields_go_on_the_page_top_entry_only():
    data = index.build_index(
        [entry("glossary/", "Glossary", "terms"), entry("glossary/#c", "C", "x"), entry("about/", "About")],
        ["en"], {}, search_fields={"glossary/": {"keywords": "dictionary · vocabulary",
                                                "description": "Key terms in three languages."},
                                   "about/": {"description": "Who writes the portal."}})
    assert [(d.get("keywords"), d.get("description")) for d in data["docs"]] == [
        ("dictionary · vocabulary", "Key terms in three languages."), (None, None),
        (None, "Who writes the portal.")]
    fields = data["config"]["fields"]
    assert fields["keywords"]["boost"] == index.KEYWORD_BOOST
    assert fields["description"]["boost"] == index.DESCRIPTION_BOOST
    assert fields[index.QUESTIONS_FIELD]["boost"] == index.QUESTION_BOOST


def test_readers_questions_are_a_field_of_the_page_top_entry():
    data = index.build_index(
        [entry("about/", "About", "licence"), entry("about/#licence", "Licence", "CC BY")], ["en"], {},
        search_fields={"about/": {"questions": "can I copy your texts · who writes the site"}})
    assert [d.get("questions") for d in data["docs"]] == [
        "can I copy your texts · who writes the site", None]


def test_synonym_check_counts_the_description_as_the_pages_words():
    """A reader word that a page's description uses is a word of the index: not a synonym."""
    synonyms = {"en": (index.Synonym(("editors",), "about", "s.yml", 3),
                       index.Synonym(("dictionary",), "we", "s.yml", 4))}
    docs = {"en": [entry("about/", "About", "who we are")]}
    assert index.synonym_findings(synonyms, docs) == []
    fields = {"about/": {"description": "The portal's editors.", "keywords": "dictionary"}}
    assert [(f.code, f.line) for f in index.synonym_findings(synonyms, docs, fields)] == [
        ("SEARCH-SYNONYM-READER-USED", 3), ("SEARCH-SYNONYM-READER-USED", 4)]


def test_synonym_check_does_not_count_readers_questions_as_the_pages_words():
    """A question is worded as readers word it: its words are theirs, not the site's, so a
    synonym's reader word in a question still needs the synonym (the worker agrees)."""
    synonyms = {"en": (index.Synonym(("kids",), "children", "s.yml", 3),
                       index.Synonym(("nursery",), "kindergarten", "s.yml", 4))}
    docs = {"en": [entry("about/", "About", "children")]}
    fields = {"about/": {"questions": "is the site for kids · kindergarten care"}}
    assert [(f.code, f.param("word")) for f in index.synonym_findings(synonyms, docs, fields)] == [
        ("SEARCH-SYNONYM-SITE-MISSING", "kindergarten")]


def test_pages_of_entries_are_marked_on_their_page_top_in_every_language():
    """The worker gives page tops their sections' words, except on pages of entries (glossary …)."""
    docs = index.page_tops([
        entry("glossary/", "Sözlük", "terms"), entry("glossary/#c", "C", "x"),
        entry("ru/glossary/", "Глоссарий", "terms"), entry("en/about/translation-status/", "Status", "x"),
        entry("en/about/", "About", "x"), entry("en/curriculum/glossary/", "Not the glossary", "x"),
    ], roots=frozenset({"", "ru/", "en/"}))
    assert [d["location"] for d in docs if d.get("entries")] == [
        "glossary/", "ru/glossary/", "en/about/translation-status/"]


def test_page_tops_carry_headings_section_weight_and_tags():
    docs = index.page_tops([
        entry("", "Home", "all"), entry("ethics/", "Ethics", "intro"),
        {**entry("ethics/#dignity", "1. Dignity", "text"), "tags": ["values"]},
        entry("ethics/#privacy", "2. Privacy", "text"),
        {**entry("ethics/dilemmas/", "Dilemmas", "cases"), "tags": ["cases"]},
        {**entry("ethics/dilemmas/#gifts", "Gifts", "text"), "tags": ["cases"]},
    ], roots=frozenset({""}))
    top = {d["location"]: d for d in docs}
    assert top["ethics/"]["headings"] == "1. Dignity · 2. Privacy"
    assert top["ethics/"]["boost"] == index.SECTION_PAGE_BOOST  # the section's own page
    assert "boost" not in top[""] and "boost" not in top["ethics/dilemmas/"]
    assert "boost" not in top["ethics/#dignity"]
    assert top["ethics/dilemmas/"]["tags"] == ["cases"]  # keywords: on the page top only
    assert "tags" not in top["ethics/dilemmas/#gifts"] and "tags" not in top["ethics/#dignity"]
    assert "headings" in index.FIELDS


def test_pages_of_another_edition_are_marked_for_the_worker():
    entries = [{"location": "curriculum/courses/sw-303/", "title": "SW-303", "text": "a"},
               {"location": "curriculum/2027-2028/courses/sw-303/", "title": "SW-303", "text": "b"},
               {"location": "curriculum/2027-2028/courses/sw-303/#outcomes", "title": "Outcomes", "text": "c"}]
    built = index.build_index(entries, ["en"], {}, editions={
        "curriculum/2027-2028/courses/sw-303/": "2027-2028"})
    marked = {d["location"]: d.get("edition") for d in built["docs"]}
    assert marked["curriculum/courses/sw-303/"] is None
    assert marked["curriculum/2027-2028/courses/sw-303/"] == "2027-2028"
    assert marked["curriculum/2027-2028/courses/sw-303/#outcomes"] == "2027-2028"


# --- Search synonyms (curriculum/search-synonyms.yml) ------------------------------------------

def synonym(reader: tuple[str, ...], site: str, line: int = 3) -> index.Synonym:
    return index.Synonym(reader, site, "curriculum/search-synonyms.yml", line)


SYNONYM_DOCS = {
    "tk": [entry("glossary/#burnout", "Hünär ýadawlygy", "<p>Hünärmeniň <em>ýadawlygy</em> we stres.</p>")],
    "ru": [entry("ru/glossary/#burnout", "Профессиональное выгорание", "<p>Выгорание и стресс.</p>")],
    "en": [entry("en/glossary/#burnout", "Professional burnout", "<p>Stress and burnout.</p>")],
}


def test_synonyms_go_in_their_language_index_config_only():
    entries = {"ru": (synonym(("соцработник",), "выгорание"),)}
    built = index.build_index(SYNONYM_DOCS["ru"], ["ru"], {}, synonyms=entries["ru"])
    assert built["config"]["synonyms"] == [{"reader": ["соцработник"], "site": "выгорание"}]
    assert "synonyms" not in index.build_index(SYNONYM_DOCS["en"], ["en"], {})["config"]


def test_working_synonyms_have_no_findings():
    entries = {"tk": (synonym(("ýadamak", "argynlyk"), "ýadawlygy"),),
               "ru": (synonym(("выгореть",), "выгорание"),),
               "en": (synonym(("exhaustion",), "burnout"),)}
    assert index.synonym_findings(entries, SYNONYM_DOCS) == []


def test_a_site_word_no_page_has_is_an_error_with_file_and_line():
    found = index.synonym_findings({"en": (synonym(("exhaustion",), "professional exhaustion", 7),)},
                                   SYNONYM_DOCS)
    assert [(f.path, f.line, f.code, f.param("word")) for f in found] == [
        ("curriculum/search-synonyms.yml", 7, "SEARCH-SYNONYM-SITE-MISSING", "exhaustion")]
    assert found[0].severity == "error"


def test_a_reader_word_the_pages_use_is_an_error():
    # "burn" starts "burnout": the search finds it as typed, the synonym would never be used
    found = index.synonym_findings({"en": (synonym(("burn", "exhaustion"), "burnout", 9),)}, SYNONYM_DOCS)
    assert [(f.line, f.code, f.param("word"), f.param("used")) for f in found] == [
        (9, "SEARCH-SYNONYM-READER-USED", "burn", "burnout")]


def test_turkmen_synonyms_are_compared_folded_and_russian_yo_as_ye():
    # "yadawlygy" typed without Turkmen letters is the page's "ýadawlygy"
    assert index.synonym_findings({"tk": (synonym(("argynlyk",), "yadawlygy"),)}, SYNONYM_DOCS) == []
    found = index.synonym_findings({"tk": (synonym(("yadaw",), "ýadawlygy"),)}, SYNONYM_DOCS)
    assert [f.code for f in found] == ["SEARCH-SYNONYM-READER-USED"]


def test_split_site_index_writes_synonyms_and_reports_the_broken_ones(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [d for lang_docs in SYNONYM_DOCS.values() for d in lang_docs]
    problems: list = []
    entries = {"ru": (synonym(("выгореть",), "выгорание"),),
               "en": (synonym(("exhaustion",), "fatigue", 11),)}
    index.split_site_index(tmp_path, PREFIXES, "tk", {}, entries=docs, synonyms=entries,
                           problems=problems)
    ru = json.loads((tmp_path / "search" / "search_index.ru.json").read_text("utf-8"))
    assert ru["config"]["synonyms"] == [{"reader": ["выгореть"], "site": "выгорание"}]
    tk = json.loads((tmp_path / "search" / "search_index.tk.json").read_text("utf-8"))
    assert "synonyms" not in tk["config"]
    assert [(f.line, f.code, f.param("word")) for f in problems] == [
        (11, "SEARCH-SYNONYM-SITE-MISSING", "fatigue")]


def test_the_separator_splits_words_as_the_index_should():
    import re
    split = [w for w in re.split(index.SEPARATOR, "The child's views, 3.5 hours; year\u2019s plan (C1) e.g.") if w]
    assert split == ["The", "child", "views", "3.5", "hours", "year", "plan", "C1", "e", "g"]
