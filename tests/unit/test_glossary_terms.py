"""First use of a glossary term on a page gets its definition, in the page's language."""
from __future__ import annotations

from sosial_is.curriculum.model import GlossaryEntry
from sosial_is.render.glossary_marks import mark_first_uses, terms_of

ENTRY = GlossaryEntry.model_validate({
    "id": "family", "status": "agreed",
    "tk": {"term": "maşgala", "definition": "Bir öýde ýaşaýan garyndaşlar."},
    "ru": {"term": "семья", "definition": "Родственники, живущие вместе."},
    "en": {"term": "family", "also": ["household"], "definition": "Relatives living together."},
})
GLOSSARY = (ENTRY,)


def test_only_the_first_use_is_marked() -> None:
    html = "<p>A family is a family.</p><p>Another family.</p>"
    out = mark_first_uses(html, terms_of(GLOSSARY, "en"), "en")
    assert out.count("<abbr") == 1
    assert ('<abbr class="si-term" title="Relatives living together." '
            'data-definition="Relatives living together." tabindex="0" data-term="family">family</abbr>') in out


def test_inflected_turkmen_form_is_found() -> None:
    out = mark_first_uses("<p>Maşgalalaryna kömek.</p>", terms_of(GLOSSARY, "tk"), "tk")
    assert '>Maşgalalaryna</abbr>' in out
    assert 'title="Bir öýde ýaşaýan garyndaşlar."' in out


def test_russian_case_ending() -> None:
    out = mark_first_uses("<p>Помощь семьям.</p>", terms_of(GLOSSARY, "ru"), "ru")
    assert ">семьям</abbr>" in out


def test_headings_links_and_code_are_left_alone() -> None:
    html = "<h2>family</h2><p><a href='#'>family</a> <code>family</code></p><p>household</p>"
    out = mark_first_uses(html, terms_of(GLOSSARY, "en"), "en")
    assert out.count("<abbr") == 1
    assert ">household</abbr>" in out
    assert "<h2>family</h2>" in out


def test_part_of_a_longer_word_is_not_a_use() -> None:
    assert "<abbr" not in mark_first_uses("<p>familyhood unfamily</p>", terms_of(GLOSSARY, "en"), "en")
