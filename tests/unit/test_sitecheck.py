"""Built-site checks against the fixture site (clean) and a deliberately broken copy of it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sosial_is.checks.site import check_site
from sosial_is.cli import main


@pytest.fixture
def broken(fixture_site: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    return site


def sub(site: Path, rel: str, old: str, new: str) -> None:
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def got(site: Path) -> list[tuple[str, int, str]]:
    return [(Path(f.path).relative_to(site).as_posix() if Path(f.path).is_absolute() else f.path,
             f.line, f.code) for f in check_site(site, allowed={"sosial-is.github.io"})]


def line_of(site: Path, rel: str, needle: str) -> int:
    text = (site / rel).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_fixture_site_is_clean(fixture_site):
    assert check_site(fixture_site, allowed={"sosial-is.github.io"}) == []


def test_wrong_html_lang(broken):
    sub(broken, "ru/index.html", '<html lang="ru"', '<html lang="tk"')
    assert ("ru/index.html", line_of(broken, "ru/index.html", "<html"), "SITE-LANG") in got(broken)


def test_duplicate_id(broken):
    sub(broken, "en/index.html", "</article>", '<p id="dup">a</p>\n<p id="dup">b</p></article>')
    line = line_of(broken, "en/index.html", '<p id="dup">b')
    assert ("en/index.html", line, "SITE-DUPLICATE-ID") in got(broken)


@pytest.mark.parametrize("rel,old,new,needle", [
    ("index.html", "</head>", '<script src="https://cdn.example.com/lib.js"></script></head>', "cdn.example.com"),
    ("index.html", "</head>", '<link rel="stylesheet" href="//fonts.example.com/css"></head>', "fonts.example.com"),
    ("index.html", "</article>", '<img alt="x" src="a.png" srcset="a.png 1x, https://img.example.com/b.png 2x"></article>', "img.example.com"),
    ("index.html", "</head>", "<style>\nbody{background:url('https://img.example.com/bg.png')}</style></head>", "img.example.com"),
    ("en/index.html", "</article>", '<iframe src="https://video.example.com/e/1"></iframe></article>', "video.example.com"),
])
def test_third_party_resources_in_html(broken, rel, old, new, needle):
    sub(broken, rel, old, new)
    assert (rel, line_of(broken, rel, needle), "SITE-THIRD-PARTY") in got(broken)


def test_third_party_in_css_and_js(broken):
    css = broken / "assets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + '\n@import "https://fonts.example.com/x.css";\n',
                   encoding="utf-8")
    js = broken / "assets" / "extra.js"
    js.write_text('const a = 1;\nfetch("https://api.example.com/stars");\n', encoding="utf-8")
    found = got(broken)
    assert ("assets/site.css", line_of(broken, "assets/site.css", "@import \"https"), "SITE-THIRD-PARTY") in found
    assert ("assets/extra.js", 2, "SITE-THIRD-PARTY") in found


def test_outbound_links_and_metadata_are_fine(broken):
    sub(broken, "index.html", "</article>",
        '<a href="https://www.ifsw.org/">IFSW</a><link rel="alternate" href="https://other.example/"></article>')
    assert got(broken) == []


def test_cli(broken, capsys):
    assert main(["--lang", "en", "site-check", str(broken)]) == 0
    sub(broken, "ru/index.html", '<html lang="ru"', '<html lang="en"')
    assert main(["--lang", "en", "site-check", str(broken)]) == 1
    assert "SITE-LANG" in capsys.readouterr().err
