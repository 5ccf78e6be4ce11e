"""Unsafe content in pages and course files: each case reported with file, line and code;
external links in the built HTML carry rel="noopener"."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sosial_is.checks.safety import check_scanned
from sosial_is.markdown.scanner import scan
from sosial_is.render.links import add_noopener
from support import check


def check_text(path, text, **kwargs):
    return check_scanned(path, scan(text), **kwargs)

LINK = "[Curriculum](curriculum/index.md)"


CASES = [
    ("script", "docs/index.en.md", '<script>alert(1)</script>', "UNSAFE-SCRIPT"),
    ("script-src", "docs/index.en.md", '<script src="https://cdn.example.com/x.js"></script>', "UNSAFE-SCRIPT"),
    ("iframe", "docs/index.en.md", '<iframe src="https://tracker.example.com/embed"></iframe>', "UNSAFE-IFRAME"),
    ("onclick", "docs/index.en.md", '<span onclick="steal()">x</span>', "UNSAFE-EVENT-HANDLER"),
    ("onerror-img", "docs/index.en.md", '<img src="x.png" alt="x" onerror="steal()">', "UNSAFE-EVENT-HANDLER"),
    ("attr-list-handler", "docs/index.en.md", '[x](curriculum/index.md){ onmouseover="steal()" }', "UNSAFE-EVENT-HANDLER"),
    ("javascript-url", "docs/index.en.md", "[x](javascript:alert(1))", "UNSAFE-JAVASCRIPT-URL"),
    ("javascript-href", "docs/index.en.md", '<a href="JavaScript:alert(1)">x</a>', "UNSAFE-JAVASCRIPT-URL"),
    ("object", "docs/index.en.md", '<object data="x.swf"></object>', "UNSAFE-EMBED"),
    ("embed", "docs/index.en.md", '<embed src="x.swf">', "UNSAFE-EMBED"),
]


@pytest.mark.parametrize("rel,new,code", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unsafe_content_in_a_page(project, rel, new, code):
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").replace(LINK, new, 1), encoding="utf-8")
    got = [(f.path, f.line, f.code) for f in check(project)]
    assert (rel, 8, code) in got, got
    assert next(f for f in check(project)
                if f.code == code).severity == "error"


def test_unsafe_content_in_a_course_file(project):
    rel = "curriculum/courses/FX-101/en.md"
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").replace(
        "2. Assess needs.", '2. Assess needs. <script>x()</script>', 1), encoding="utf-8")
    got = [(f.path, f.line, f.code) for f in check(project)]
    assert (rel, 13, "UNSAFE-SCRIPT") in got


def test_code_examples_are_not_content():
    text = "Use `<script>` never.\n\n```html\n<script>alert(1)</script>\n<a onclick=x>\n```\n"
    assert check_text(Path("x.md"), text) == []


def test_allowed_iframe_host():
    text = '<iframe src="https://video.example.org/e/1" title="v"></iframe>\n'
    assert [f.code for f in check_text(Path("x.md"), text)] == ["UNSAFE-IFRAME"]
    assert check_text(Path("x.md"), text, iframe_hosts=frozenset({"video.example.org"})) == []


def test_add_noopener():
    html = ('<a href="https://other.org/x">a</a> <a href="/ru/">b</a> '
            '<a rel="nofollow" href="http://x.org">c</a> <a href="https://me.tm/p">d</a> '
            '<a href="https://y.org" rel="noopener">e</a>')
    out = add_noopener(html, "me.tm")
    assert '<a rel="noopener" href="https://other.org/x">' in out
    assert '<a href="/ru/">' in out and '<a href="https://me.tm/p">' in out
    assert 'rel="nofollow noopener"' in out
    assert out.count("noopener") == 3


def test_external_links_in_built_site_have_noopener(fixture_site):
    """Every content link to another host in the built fixture site has rel=noopener."""
    checked = 0
    for page in fixture_site.rglob("*.html"):
        for tag in re.findall(r"<a\s[^>]*href=\"https?://[^\"]+\"[^>]*>", page.read_text(encoding="utf-8")):
            if 'class="md-' in tag or 'rel="edit"' in tag:
                continue  # theme chrome (edit button, repository link), not page content
            assert re.search(r'rel="[^"]*noopener', tag), (page, tag)
            checked += 1
    assert checked > 0
