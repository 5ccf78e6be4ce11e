"""The termbase check (checks/terms.py): variants to avoid from the glossary, found with file and
line in pages and course files, inflected forms included, with the preferred term and a link to
the glossary entry; what it skips; the term-ok marker; the report on the translation status page;
and the real portal passes."""
from __future__ import annotations

from pathlib import Path

import pytest

from sosial_is import pipeline
from sosial_is.checks.terms import check_texts, english_key, markdown_text, plain_text
from sosial_is.core.findings import Finding
from sosial_is.curriculum.model import Curriculum, GlossaryEntry
from sosial_is.markdown.scanner import scan
from support import ROOT, check, project_of

SITE = "https://example.org/portal/"
GLOSSARY = "curriculum/glossary.yml"


def entry(entry_id: str, status: str, tk: dict, ru: dict, en: dict) -> GlossaryEntry:
    def term(d: dict) -> dict:
        return {"definition": "—", **d}
    return GlossaryEntry.model_validate({"id": entry_id, "status": status, "tk": term(tk),
                                         "ru": term(ru), "en": term(en)})


ENTRIES = [
    entry("social-justice", "proposed",
          {"term": "durmuş adalaty", "avoid": [{"term": "sosial adalat", "reason": "rusça göçürme"}]},
          {"term": "социальная справедливость"}, {"term": "social justice"}),
    entry("older-person", "agreed",
          {"term": "gartaşan adam", "avoid": [{"term": "ýaşy uly adam", "reason": "takyk däl"}]},
          {"term": "пожилой человек", "avoid": [{"term": "престарелый", "reason": "устарело"},
                                                 {"term": "старый человек", "reason": "грубо"}]},
          {"term": "older person", "avoid": [{"term": "elderly person", "reason": "frailty"}]}),
    entry("certification", "proposed",
          {"term": "sertifikasiýa", "avoid": [
              {"term": "sertifikatlaşdyryş", "reason": "önümler üçin"},
              {"term": "sertifikat maksatnamasy", "reason": "resminama",
               "use": "sertifikasiýa maksatnamasy"}]},
          {"term": "сертификация"}, {"term": "certification"}),
    entry("social-work", "agreed",
          {"term": "durmuş işi", "avoid": [{"term": "sosial iş", "reason": "portalyň ady"}]},
          {"term": "социальная работа"}, {"term": "social work"}),
]


def curriculum(*entries: GlossaryEntry) -> Curriculum:
    cur = Curriculum()
    for i, e in enumerate(entries or ENTRIES):
        cur.glossary[e.id] = e
        cur.where[("glossary", e.id)] = (GLOSSARY, 10 + 20 * i)
    return cur


def findings(markdown: str, lang: str = "tk", path: str | None = None,
             cur: Curriculum | None = None) -> list[Finding]:
    path = path or f"docs/page.{lang}.md"
    text = markdown_text(path, lang, path, scan(markdown, path))
    return check_texts(cur or curriculum(), [text], SITE)[0]


def codes(markdown: str, lang: str = "tk") -> list[tuple[int, str, str]]:
    """(line, code, variant) of each finding."""
    return sorted({(f.line, f.code, f.param("variant")) for f in findings(markdown, lang)})


PAGE = "---\ndescription: Bir sahypa.\n---\n\n# Sözbaşy\n\n"  # the body starts at line 5


# --- What is found -------------------------------------------------------------------------------

def test_single_word_variant() -> None:
    assert codes(PAGE + "Täze sertifikatlaşdyryş ulgamy.\n") == \
        [(7, "TERM-AVOID-PROPOSED", "sertifikatlaşdyryş")]


def test_multi_word_variant_word_by_word() -> None:
    assert codes(PAGE + "Ýörelgeler: sosial adalat we deňlik.\n") == \
        [(7, "TERM-AVOID-PROPOSED", "sosial adalat")]
    # the words of a term must stand together: a comma or another word between them is no match
    assert codes(PAGE + "Sosial, adalat; sosial we adalat.\n") == []


@pytest.mark.parametrize("text", [
    "Adam hukuklaryny we sosial adalaty goramak.",  # accusative
    "Sosial adalata ýardam bermek.",  # dative, capital letter
    "Sosial adalatyň ýörelgeleri.",  # genitive
    "Ýaşy uly adamlaryň zerurlyklary.",  # plural + genitive on the last word
    "Ýaşy uly adamlara kömek.",  # plural + dative
    "sertifikatlaşdyryşy geçirmek",
])
def test_inflected_turkmen_forms(text: str) -> None:
    assert len(findings(PAGE + text + "\n")) == 1


def test_a_turkmen_verb_in_a_term_matches_its_finite_forms() -> None:
    # the search's verb stemming: the term's infinitive attests the stem of "geçirýär", "geçirip"
    interview = entry("interviewing", "agreed",
                      {"term": "söhbetdeşlik geçirmek",
                       "avoid": [{"term": "interwýu geçirmek", "reason": "daşary ýurt sözi"}]},
                      {"term": "проведение интервью"}, {"term": "interviewing"})
    for text in ("Işgär interwýu geçirýär.", "Interwýu geçirip bilýär.", "interwýu geçirmeli"):
        found = findings(PAGE + text + "\n", cur=curriculum(interview))
        assert [f.code for f in found] == ["TERM-AVOID"], text
    # another verb after the same noun is no match
    assert findings(PAGE + "Interwýu berýär.\n", cur=curriculum(interview)) == []


def test_turkmen_letters_typed_without_diacritics_are_the_same_word() -> None:
    # the search's folding: ş→s, ý→y …
    assert len(findings(PAGE + "Yasy uly adamlar.\n")) == 1


def test_other_words_with_the_same_start_are_not_variants() -> None:
    assert codes(PAGE + "Psihososial iş; ýaşy uly garyndaşlar; sosial işgärler; sosial ulgam.\n") == []


def test_inflected_russian_forms() -> None:
    page = "# Заголовок\n\nПомощь престарелым.\nДом для престарелых.\nСтарых людей — нет, старому человеку.\n"
    assert codes(page, "ru") == [(3, "TERM-AVOID", "престарелый"), (4, "TERM-AVOID", "престарелый"),
                                 (5, "TERM-AVOID", "старый человек")]


def test_english_plural_and_possessive() -> None:
    page = "# Title\n\nElderly persons and an elderly person's rights.\n"
    assert codes(page, "en") == [(3, "TERM-AVOID", "elderly person")]
    assert len(set(findings(page, "en"))) == 1  # the same variant twice on one line: one finding
    assert english_key("persons'") == english_key("person's") == english_key("persons") == "person"
    assert english_key("policies") == "policy" and english_key("process") == "process"


def test_only_the_files_own_language_is_checked() -> None:
    assert codes("# Title\n\nThe Turkmen «sosial adalat» and sosial adalat in an English page.\n", "en") == []


def test_a_term_split_over_two_lines_of_a_paragraph_is_found_at_its_first_line() -> None:
    assert codes(PAGE + "Bu ders ýaşy\nuly adamlar bilen işlemek.\n") == [(7, "TERM-AVOID", "ýaşy uly adam")]
    # … but not across paragraphs, list items or table cells
    assert codes(PAGE + "Ýaşy uly\n\nadamlar.\n\n- ýaşy uly\n- adamlar\n\n| ýaşy uly | adam |\n") == []


def test_course_title_in_front_matter_is_checked() -> None:
    course = "---\ntitle: \"Ýaşy uly adamlar bilen durmuş işi\"\n---\n\n## Düşündiriş\n\nTekst.\n"
    found = findings(course, path="curriculum/courses/SW-209/tk.md")
    assert [(f.path, f.line, f.code) for f in found] == [("curriculum/courses/SW-209/tk.md", 2, "TERM-AVOID")]


def test_link_text_is_read_its_url_is_not() -> None:
    page = PAGE + "[sosial adalat](https://example.org/sosial-adalat \"sosial adalat\")\n" \
        + "[durmuş adalaty](https://example.org/sosial-adalat)\n<https://example.org/sosial/adalat>\n"
    assert codes(page) == [(7, "TERM-AVOID-PROPOSED", "sosial adalat")]


@pytest.mark.parametrize("line", [
    "`sosial adalat` kod.",
    "> Sitata: sosial adalat barada.",
    "Ol «sosial adalat» diýdi.",
    "Ol “sosial adalat” diýdi.",
    "Ol „sosial adalat“ diýdi.",
    "Ol \"sosial adalat\" diýdi.",
    "Tekst <!-- sosial adalat --> tekst.",
    "[sahypa](../sosial-adalat.md)",
    "[sahypa](<../sosial adalat.md>)",
    "Tekst[@sosial-adalat-2020].",
    "<span title=\"sosial adalat\">tekst</span>",
    "Salgy https://example.org/sosial/adalat/ bar.",
])
def test_what_is_not_read(line: str) -> None:
    assert codes(PAGE + line + "\n") == []


def test_fenced_code_and_multi_line_comments_and_quotes_are_skipped() -> None:
    page = PAGE + "```text\nsosial adalat\n```\n\n<!--\nsosial adalat\n-->\n\n«Uzyn sitata,\nsosial adalat barada»; soň sosial adalat.\n"
    assert codes(page) == [(16, "TERM-AVOID-PROPOSED", "sosial adalat")]


def test_an_admonition_title_is_read() -> None:
    assert codes(PAGE + '!!! note "Sosial adalat"\n    Tekst.\n') == [(7, "TERM-AVOID-PROPOSED", "sosial adalat")]


def test_a_variant_inside_a_longer_accepted_term_is_not_reported() -> None:
    cur = curriculum(*ENTRIES, entry(
        "older-person-care", "agreed", {"term": "ýaşy uly adamlara ideg"},
        {"term": "уход за пожилыми"}, {"term": "elder care"}))
    assert findings(PAGE + "Ýaşy uly adamlara ideg.\n", cur=cur) == []
    assert len(findings(PAGE + "Ýaşy uly adamlara kömek.\n", cur=cur)) == 1


# --- Severity, message, link ----------------------------------------------------------------------

def test_agreed_is_an_error_proposed_a_warning() -> None:
    agreed, = findings(PAGE + "Ýaşy uly adam.\n")
    proposed, = findings(PAGE + "Sosial adalat.\n")
    assert (agreed.code, agreed.severity) == ("TERM-AVOID", "error")
    assert (proposed.code, proposed.severity) == ("TERM-AVOID-PROPOSED", "warning")


def test_message_names_the_preferred_term_the_reason_and_the_glossary_entry_in_the_pages_language() -> None:
    f, = findings(PAGE + "Ýaşy uly adam.\n")
    message, hint = f.text("en")
    assert message == "'ýaşy uly adam' — the glossary's term is 'gartaşan adam' (takyk däl)"
    assert "https://example.org/portal/glossary/#older-person" in hint
    assert "<!-- term-ok: reason -->" in hint
    f, = findings("# Заголовок\n\nПрестарелые.\n", "ru")
    assert "https://example.org/portal/ru/glossary/#older-person" in f.text("tk")[1]
    f, = findings("# Title\n\nElderly persons.\n", "en")
    assert "https://example.org/portal/en/glossary/#older-person" in f.format("ru")
    for lang in ("tk", "ru", "en"):  # every language has its message
        assert "gartaşan adam" in findings(PAGE + "Ýaşy uly adam.\n")[0].text(lang)[0]


def test_use_says_what_to_write_for_a_phrase() -> None:
    f, = findings(PAGE + "Sertifikat maksatnamasy.\n")
    assert f.param("term") == "sertifikasiýa maksatnamasy"


# --- Silencing --------------------------------------------------------------------------------------

def test_marker_at_the_end_of_the_line_silences_it() -> None:
    assert codes(PAGE + "**Sosial iş** portaly. <!-- term-ok: portalyň ady -->\nSosial iş.\n") == \
        [(8, "TERM-AVOID", "sosial iş")]


def test_marker_alone_on_a_line_silences_the_next_line() -> None:
    page = "---\ndescription: x\n---\n\n<!-- term-ok: portalyň ady -->\n# Sosial iş — portal\n"
    assert codes(page) == []


def test_marker_in_front_matter_is_a_yaml_comment() -> None:
    course = "---\ntitle: \"Sosial iş\"  # term-ok: okuw ugrunyň ady\n---\n\nTekst.\n"
    assert findings(course, path="curriculum/courses/SW-101/tk.md") == []


def test_marker_without_reason_or_that_silences_nothing_is_a_warning() -> None:
    found = findings(PAGE + "Sosial iş. <!-- term-ok -->\nDurmuş işi. <!-- term-ok: sebäp -->\n")
    assert sorted((f.line, f.code, f.severity) for f in found) == \
        [(7, "TERM-OK-REASON", "warning"), (8, "TERM-OK-UNUSED", "warning")]


def test_a_marker_shown_as_code_is_not_a_marker() -> None:
    assert codes(PAGE + "Belgi: `<!-- term-ok: sebäp -->`; sosial iş.\n") == [(7, "TERM-AVOID", "sosial iş")]


# --- The glossary ------------------------------------------------------------------------------------

def test_glossary_definitions_are_checked_at_their_entrys_line() -> None:
    cur = curriculum()
    text = plain_text(GLOSSARY, "tk", "", "Köplenç ýaşy uly adamlara garşy «sosial adalat».", 30)
    found, _ = check_texts(cur, [text], SITE)
    assert [(f.path, f.line, f.code) for f in found] == [(GLOSSARY, 30, "TERM-AVOID")]


def test_a_variant_to_avoid_cannot_be_another_entrys_term() -> None:
    cur = curriculum(*ENTRIES, entry("social-justice-2", "agreed", {"term": "sosial adalat"},
                                     {"term": "справедливость"}, {"term": "fairness"}))
    found, _ = check_texts(cur, [], SITE)
    assert [(f.path, f.line, f.code, f.param("other")) for f in found] == \
        [(GLOSSARY, 10, "TERM-CONFLICT", "social-justice-2")]


@pytest.mark.parametrize("avoid, problem", [
    ([{"term": "durmuş adalaty", "reason": "x"}], "the term or one of its 'also' forms"),
    ([{"term": "sosial adalat", "reason": "x"}, {"term": "Sosial  adalat", "reason": "y"}], "listed twice"),
])
def test_the_model_refuses_contradictions(avoid: list, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        entry("x", "agreed", {"term": "durmuş adalaty", "avoid": avoid}, {"term": "a"}, {"term": "b"})


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_glossary_schema_problems_have_file_and_line(project: Path) -> None:
    edit(project, GLOSSARY, "tk: {term: durmuş işi, also: [sosial iş],",
         "tk: {term: durmuş işi, avoid: [{term: sosial iş, reasn: portalyň ady}],")
    found = {(f.path, f.line, f.code) for f in check(project)}
    assert (GLOSSARY, 4, "SCHEMA-UNKNOWN-FIELD") in found
    assert (GLOSSARY, 4, "SCHEMA-MISSING-FIELD") in found


def test_a_variant_both_accepted_and_avoided_is_a_schema_finding(project: Path) -> None:
    edit(project, GLOSSARY, "tk: {term: durmuş işi, also: [sosial iş],",
         "tk: {term: durmuş işi, also: [sosial iş], avoid: [{term: Sosial iş, reason: ady}],")
    found = [f for f in check(project) if f.code == "SCHEMA-WRONG-VALUE"]
    assert [(f.path, f.line, f.param("field")) for f in found] == [(GLOSSARY, 4, "tk.avoid")]
    assert "'also' forms" in found[0].param("detail")


# --- In the pipeline ----------------------------------------------------------------------------------

def test_pipeline_reports_pages_and_courses_and_fills_the_report(project: Path) -> None:
    edit(project, GLOSSARY, "tk: {term: durmuş işi, also: [sosial iş],",
         "tk: {term: durmuş işi, avoid: [{term: sosial iş, reason: portalyň ady}],")
    edit(project, "curriculum/courses/FX-101/tk.md", "title: Durmuş işine giriş",
         "title: Sosial işe giriş")
    edit(project, "docs/index.tk.md", "Text.", "Sosial işiň taryhy. <!-- term-ok: mysal -->")
    state = pipeline.run(project_of(project))
    terms = sorted((f.path, f.line, f.code) for f in state.findings if f.code.startswith("TERM-"))
    assert terms == [("curriculum/courses/FX-101/tk.md", 2, "TERM-AVOID")]
    report = state.pages["about/translation-status.en.md"]
    assert "## Terminology {#terminology}" in report
    row = next(line for line in report.splitlines() if "(../glossary/index.md#social-work)" in line)
    assert "`curriculum/courses/FX-101/tk.md:2`" in row
    assert "`docs/index.tk.md:11` (allowed)" in row
    assert row.startswith("| [social work](../glossary/index.md#social-work) | ")


def test_competency_and_programme_texts_are_checked_at_their_line(project: Path) -> None:
    edit(project, GLOSSARY, "tk: {term: durmuş işi, also: [sosial iş],",
         "tk: {term: durmuş işi, avoid: [{term: sosial iş, reason: portalyň ady}],")
    edit(project, "curriculum/competencies.yml", 'description: {tk: "Zerurlyklara baha berýär."',
         'description: {tk: "Sosial işde zerurlyklara baha berýär."')
    edit(project, "curriculum/programmes/fx.yml", 'summary: {tk: "Synaglar üçin maksatnama."',
         'summary: {tk: "Sosial iş boýunça «sosial iş» atly maksatnama."')
    terms = sorted((f.path, f.line, f.code) for f in check(project) if f.code.startswith("TERM-"))
    assert terms == [("curriculum/competencies.yml", 15, "TERM-AVOID"),
                     ("curriculum/programmes/fx.yml", 5, "TERM-AVOID")]  # the quoted mention is not


def test_the_real_portal_has_no_term_findings() -> None:
    state = pipeline.run(project_of(ROOT))
    terms = [f.format("en") for f in state.findings if f.code.startswith("TERM-")]
    assert not terms, "\n".join(terms)
    # the two decisions of issue #17 hold in the course titles
    titles = {code: state.curriculum.courses[code].title("tk") for code in ("SW-205", "SW-209")}
    assert titles == {"SW-205": "Adam hukuklary, durmuş adalaty we durmuş ösüşi",
                      "SW-209": "Gartaşan adamlar bilen durmuş işi"}
