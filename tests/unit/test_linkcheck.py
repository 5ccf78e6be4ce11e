"""Internal links, anchors, images and navigation: each broken input reported with file, line, code.

The fixture project (tests/fixtures/project) is clean; each case makes one faulty edit, as an
author might, and asserts the finding. Heading ids are also compared with the built fixture site.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sosial_is import pipeline
from sosial_is.core.languages import split_lang
from sosial_is.markdown.scanner import scan
from support import check, project_of


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(root: Path) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.code) for f in check(root)]


LINK = "[Curriculum](curriculum/index.md)"
CASES = [
    # (id, file, old, new, expected file, line, code)
    ("missing-page", "docs/index.en.md", LINK, "[Curriculum](curriculum/nothing.md)",
     "docs/index.en.md", 8, "LINK-BROKEN"),
    ("outside-docs", "docs/index.ru.md", LINK, "[x](../../README.md)", "docs/index.ru.md", 8, "LINK-BROKEN"),
    ("explicit-language-missing", "docs/index.tk.md", LINK, "[x](about/index.ru.md)",
     "docs/index.tk.md", 7, "LINK-BROKEN"),
    ("anchor-in-hand-written", "docs/index.en.md", LINK, "[x](index.md#no-such-heading)",
     "docs/index.en.md", 8, "LINK-ANCHOR"),
    ("same-page-anchor", "docs/index.en.md", LINK, "[x](#kirillitsa)", "docs/index.en.md", 8, "LINK-ANCHOR"),
    ("anchor-in-course-page", "docs/curriculum/index.tk.md", "[Catalogue](catalogue.md)",
     "[x](courses/fx-101.md#outcome)", "docs/curriculum/index.tk.md", 7, "LINK-ANCHOR"),
    ("anchor-in-bibliography", "docs/curriculum/index.ru.md", "[Bibliography](../references/bibliography.md)",
     "[x](../references/bibliography.md#ref-nothing)", "docs/curriculum/index.ru.md", 8, "LINK-ANCHOR"),
    ("anchor-in-glossary", "docs/curriculum/index.en.md", "[Glossary](../glossary/index.md)",
     "[x](../glossary/index.md#no-term)", "docs/curriculum/index.en.md", 8, "LINK-ANCHOR"),
    ("image-missing", "docs/index.en.md", LINK, "![Logo](assets/nothing.svg)",
     "docs/index.en.md", 8, "IMAGE-MISSING"),
    ("image-without-alt", "docs/index.en.md", LINK, "![](assets/logo.svg)",
     "docs/index.en.md", 8, "IMAGE-ALT-MISSING"),
    ("html-image-missing", "docs/index.en.md", LINK, '<img src="assets/none.png" alt="x">',
     "docs/index.en.md", 8, "IMAGE-MISSING"),
    ("link-in-course-file", "curriculum/courses/FX-101/en.md", "2. Assess needs.",
     "2. Assess needs ([see](../nothing.md)).", "curriculum/courses/FX-101/en.md", 13, "LINK-BROKEN"),
    ("nav-missing-page", "mkdocs.yml", "      - about/index.md", "      - about/index.md\n      - about/team.md",
     "mkdocs.yml", 18, "NAV-PAGE-MISSING"),
]


@pytest.mark.parametrize("rel,old,new,path,line,code", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_link_reported_with_file_line_and_code(project, rel, old, new, path, line, code):
    (project / "docs" / "assets").mkdir(exist_ok=True)
    (project / "docs" / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    edit(project, rel, old, new)
    got = found(project)
    assert (path, line, code) in got, got


def test_valid_links_of_every_kind_pass(project):
    """Links the build accepts are not findings: anchors of hand-written, generated and
    citation-rendered pages, explicit language files, folders, data files, images."""
    (project / "docs" / "assets").mkdir(exist_ok=True)
    (project / "docs" / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    edit(project, "docs/index.en.md", LINK, " ".join([
        "[a](index.md#кириллица-и-türkmençe)", "[b](#home-en)", "[c](curriculum/courses/fx-101.md#outcomes)",
        "[d](glossary/index.md#case-management)", "[e](references/bibliography.md#ref-ref-definition)",
        "[f](curriculum/competencies.md#c1)", "[g](index.en.md)", "[h](curriculum/)",
        "[i](data/curriculum.json)", "![Logo](assets/logo.svg)", "[j](#references)",
        "[k](https://example.org/x)", "[l](mailto:a@b.c)"]))
    bad = [f for f in found(project) if f[2].startswith(("LINK", "IMAGE"))]
    assert bad == []


def test_code_is_not_checked(project):
    edit(project, "docs/index.en.md", LINK, "`[x](nothing.md)`\n\n```\n[y](nothing.md)\n```\n<!-- [z](none.md) -->")
    assert not [f for f in found(project) if f[2] == "LINK-BROKEN"]


def test_link_to_untranslated_page_is_its_own_kind(project):
    (project / "docs" / ".translations-pending.yml").unlink()  # nobody plans to translate it
    got = found(project)
    assert ("docs/index.en.md", 8, "LINK-OTHER-LANGUAGE") in got
    # …and it is a warning, not an error
    finding = next(f for f in check(project)
                   if f.code == "LINK-OTHER-LANGUAGE")
    assert finding.severity == "warning"


def test_anchor_hint_suggests_the_closest_heading(project):
    edit(project, "docs/index.en.md", LINK, "[x](curriculum/courses/fx-101.md#outcome)")
    f = next(f for f in check(project) if f.code == "LINK-ANCHOR")
    assert "did you mean '#outcomes'" in f.format("en")


def test_orphan_page(project):
    for lang in ("tk", "ru", "en"):
        (project / "docs" / "about" / f"team.{lang}.md").write_text(
            "---\ntranslation_of: x\n---\n# Team\n", encoding="utf-8")
    assert ("docs/about/team.tk.md", 1, "PAGE-NOT-IN-NAV") in found(project)
    edit(project, "mkdocs.yml", "nav:", "not_in_nav: |\n  /about/team.md\nnav:")
    assert not [f for f in found(project) if f[2] == "PAGE-NOT-IN-NAV"]


def test_slugs_follow_the_build():
    text = ("# Kod **etikasy**\n## Кириллица и Türkmençe\n## Same\n## Same\n"
            "## With id {#given}\n## [Link](x.md) and `code`\n<a name=\"old\"></a>\n"
            "Para {: #para }\n")
    anchors = scan(text).anchors
    assert {"kod-etikasy", "кириллица-и-türkmençe", "same", "same_1", "given",
            "link-and-code", "old", "para"} <= anchors


def test_heading_ids_match_the_built_site(fixture_site):
    """Our ids for every page are the ids the build gave its headings."""
    root = fixture_site.parent
    docset = pipeline.docset(project_of(root))
    compared = 0
    for rel in sorted(docset.texts):
        base, lang = split_lang(rel)
        stem = base[:-3]
        html_rel = ("" if lang == "tk" else f"{lang}/") + \
            (stem[:-5] if stem.endswith("index") else stem + "/") + "index.html"
        html = (fixture_site / html_rel).read_text(encoding="utf-8")
        article = re.search(r"<article.*?</article>", html, re.S).group(0)
        ids = set(re.findall(r'<h[1-6][^>]*\sid="([^"]+)"', article))
        assert ids <= docset.anchors(rel), (rel, ids - docset.anchors(rel))
        compared += 1
    assert compared >= 30


def test_two_broken_links_on_one_line_are_two_findings(project):
    """Both are reported at once (they were merged into one: fixing it revealed the second)."""
    edit(project, "docs/index.en.md", LINK, "[a](nothing-a.md) and [b](nothing-b.md)")
    broken = [f for f in check(project) if f.code == "LINK-BROKEN" and f.path == "docs/index.en.md"]
    assert sorted(f.param("target") for f in broken) == ["nothing-a.md", "nothing-b.md"]
