"""The one Markdown scanner (markdown/scanner.py): fences by length, code spans and comments,
front matter, headings and ids, links, citations and placeholders — and every check agreeing on
what is code (the citation, placeholder and link checks once each tracked fences their own way)."""
from __future__ import annotations

from pathlib import Path

from sosial_is.core.findings import Finding
from sosial_is.curriculum.model import Reference
from sosial_is.markdown.scanner import MAX_QUESTION_WORDS, MAX_QUESTIONS, keywords, questions, scan
from sosial_is.render.citations import render
from support import check

# The contributing guide's natural way to show a code block: a four-backtick block that shows a
# three-backtick one. Everything down to the closing four backticks is code.
NESTED = """---
description: x
---

# Citations

````markdown
```yaml
readings: [TODO]
```
A sentence [@no-such-ref]. TODO
````

After the block [@also-missing]. TODO
"""


def test_a_four_backtick_block_ends_only_at_four_backticks():
    scanned = scan(NESTED)
    assert scanned.fenced == set(range(7, 13))
    assert scanned.citations == [(14, "also-missing")]
    assert scanned.placeholders == [14]


def test_citations_inside_the_nested_block_are_neither_checked_nor_rendered(project):
    page = project / "docs" / "about" / "index.tk.md"
    page.write_text(NESTED.replace("# Citations", "# Barada"), encoding="utf-8")
    got = [(f.path, f.line, f.code) for f in check(project)]
    assert ("docs/about/index.tk.md", 14, "CITE-UNKNOWN") in got
    assert ("docs/about/index.tk.md", 14, "PLACEHOLDER") in got
    assert not [g for g in got if g[0] == "docs/about/index.tk.md" and g[1] in range(7, 13)]
    ref = Reference(id="x-2020", type="web", authors=["X"], year=2020, title="T")
    out = render(NESTED.replace("no-such-ref", "x-2020"), {"x-2020": ref}, "en").markdown
    assert "A sentence [@x-2020]." in out  # code: left as written


def test_code_spans_and_comments_are_not_content():
    scanned = scan("Use `[@x-1]` and ``[a](b.md)``. <!-- [c](d.md) TODO -->\n[e](f.md)\n", front=False)
    assert scanned.citations == []
    assert [link.url for link in scanned.links] == ["f.md"]
    assert scanned.placeholders == []


def test_a_closing_fence_has_nothing_after_it():
    text = "```\ncode\n```not a close\nstill code [x](y.md)\n```\n[z](w.md)\n"
    scanned = scan(text, front=False)
    assert [link.url for link in scanned.links] == ["w.md"]


def test_an_unclosed_fence_runs_to_the_end():
    scanned = scan("text\n~~~~\n[x](y.md)\n~~~\nTODO\n", front=False)
    assert scanned.links == [] and scanned.placeholders == []


def test_front_matter_lines_keep_their_numbers():
    scanned = scan("---\ntitle: T\ndescription: D\n---\n\n# H {#given}\n[a](b.md)\n")
    assert scanned.front.data == {"title": "T", "description": "D"}
    assert scanned.front.body_line == 5
    assert [(h.line, h.level, h.id) for h in scanned.headings] == [(6, 1, "given")]
    assert scanned.links[0].line == 7


def test_front_matter_errors_are_findings_with_lines():
    scanned = scan("---\ntitle: [unclosed\n---\n# T\n", Path("docs/x.en.md"))
    assert [(f.line, f.code) for f in scanned.front.problems] == [(3, "YAML-SYNTAX")]
    assert isinstance(scanned.front.problems[0], Finding)


def test_keywords_are_a_list_of_words_or_a_finding_on_their_line():
    ok = scan("---\ntitle: T\nkeywords: [слово, söz düzümi]\n---\n# T\n")
    assert ok.front.problems == []
    assert keywords(ok.front.data["keywords"]) == ("слово", "söz düzümi")
    for bad in ("keywords: словарь", "keywords: []", "keywords: [a, '']", "keywords: [1, b]",
                "keywords:\n  a: b"):
        scanned = scan(f"---\ntitle: T\n{bad}\n---\n# T\n", Path("docs/x.ru.md"))
        assert [(f.path, f.line, f.code) for f in scanned.front.problems] == [
            ("docs/x.ru.md", 3, "FRONT-KEYWORDS")], bad


def test_questions_are_a_short_list_of_short_questions_or_a_finding_on_their_line():
    ok = scan('---\ntitle: T\nquestions:\n  - "можно ли принять подарок"\n  - "sowgat almak"\n---\n# T\n')
    assert ok.front.problems == []
    assert questions(ok.front.data["questions"]) == ("можно ли принять подарок", "sowgat almak")
    too_many = "[" + ", ".join(f"q{i}" for i in range(MAX_QUESTIONS + 1)) + "]"
    too_long = "[" + " ".join(["word"] * (MAX_QUESTION_WORDS + 1)) + "]"
    for bad in ("questions: can I accept a gift", "questions: []", "questions: [a, '']",
                "questions: [1, b]", f"questions: {too_many}", f"questions: {too_long}",
                "questions: ['<b>gift</b>']", "questions:\n  a: b",
                "questions: [Can I accept a gift?, can I accept a gift]"):
        scanned = scan(f"---\ntitle: T\n{bad}\n---\n# T\n", Path("docs/x.en.md"))
        assert [(f.path, f.line, f.code) for f in scanned.front.problems] == [
            ("docs/x.en.md", 3, "FRONT-QUESTIONS")], bad
    at_most = scan(f"---\ntitle: T\nquestions: {too_many[:-1].rsplit(',', 1)[0]}]\n---\n# T\n")
    assert at_most.front.problems == [] and len(questions(at_most.front.data["questions"])) == MAX_QUESTIONS


def test_placeholders_count_in_front_matter_not_in_code():
    scanned = scan('---\ndescription: "TODO"\n---\n`TODO`\n```\nTODO\n```\nTODO\n')
    assert scanned.placeholders == [2, 8]
