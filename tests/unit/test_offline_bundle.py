"""What goes into a language's offline ZIP (scripts/sosial_is/publish/offline.py), on a small hand-made offline
build: the language's pages and what they reference, the search pieces for its index, links
out of the ZIP pointed at the online site, and byte-identical ZIPs from the same input."""
from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from sosial_is.publish import offline

SITE_URL = "https://example.org/portal/"
PAGE = ('<html><head><link rel="stylesheet" href="{up}assets/site.css">'
        '<link rel="canonical" href="https://example.org/portal/x/"></head><body>{body}'
        '<script src="{up}assets/javascripts/bundle.js"></script></body></html>')
FILES = {
    "index.html": PAGE.format(up="", body=(
        '<a href="index.html" hreflang="tk">tk</a><a href="ru/index.html" hreflang="ru">ru</a>'
        '<a href="ethics/index.html#top">ethics</a><a href="data/x.json">data</a>'
        '<a href="mailto:a@b.c">mail</a><a href="https://other.example/">out</a>'
        '<a href="/portal/ru/ethics/">root-relative</a><a href="pdf/tk/sw-101.pdf">pdf</a>')),
    "ethics/index.html": PAGE.format(up="../", body='<a href="../index.html">home</a>'),
    "curriculum/prerequisites.html": PAGE.format(
        up="../", body='<svg><a href="../courses/sw-101/"><text>SW-101</text></a></svg>'),
    "curriculum/courses/sw-101.html": PAGE.format(up="../../", body="<h1>SW-101</h1>"),
    "ru/index.html": PAGE.format(up="../", body=(
        '<a href="../index.html" hreflang="tk">tk</a><a href="ethics/index.html">этика</a>'
        '<a href="../ethics/index.html">tk ethics</a>')),
    "ru/ethics/index.html": PAGE.format(up="../../", body="<h1>Этика</h1>"),
    "404.html": PAGE.format(up="", body="404"),
    "ru/404.html": PAGE.format(up="../", body="404"),
    "index.html.gz": "gz",
    "sitemap.xml": "<urlset/>",
    "data/x.json": "{}",
    "assets/site.css": "body{background:url('img/bg.png')} .x{background:url(data:image/png;base64,AA)}",
    "assets/img/bg.png": "png",
    "assets/unused.js": "// not referenced",
    "assets/javascripts/bundle.js": "//# sourceMappingURL=bundle.js.map",
    "assets/javascripts/bundle.js.map": "{}",
    "assets/javascripts/workers/search.abc.min.js": "// worker",
    "assets/javascripts/workers/search.abc.min.js.map": "{}",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "//",
    "assets/javascripts/lunr/min/lunr.ru.min.js": "//",
    "assets/javascripts/lunr/min/lunr.multi.min.js": "//",
    "assets/javascripts/lunr/min/lunr.de.min.js": "//",
    "assets/search-worker.js": "// wrapper",
    "assets/offline-worker.js": "// shim",
    "search/lunr.tk.js": "// lunr.tk",
    "search/search_index.json": json.dumps({"config": {"lang": ["tk", "ru", "en"]}, "docs": []}),
    "search/search_index.tk.json": json.dumps(
        {"config": {"lang": ["tk"]}, "docs": [{"location": "", "title": "Baş sahypa"}]},
        ensure_ascii=False),
    "search/search_index.ru.json": json.dumps(
        {"config": {"lang": ["ru", "en"]}, "docs": [{"location": "ru/", "title": "Главная"}]},
        ensure_ascii=False),
    offline.MANIFEST: json.dumps({"site_url": SITE_URL, "default": "tk",
                                  "prefixes": {"tk": "", "ru": "ru/"}}),
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for rel, text in FILES.items():
        path = tmp_path / "site" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "site"


def make(site: Path, lang: str) -> offline.Bundle:
    manifest = json.loads((site / offline.MANIFEST).read_text(encoding="utf-8"))
    return offline.bundle(site, lang, manifest)


def text(result: offline.Bundle, rel: str) -> str:
    data = result.files[rel]
    return data.decode("utf-8") if isinstance(data, bytes) else data.read_text(encoding="utf-8")


def test_turkmen_bundle_holds_its_pages_and_what_they_reference(site: Path) -> None:
    files = set(make(site, "tk").files)
    assert {"index.html", "ethics/index.html", "curriculum/prerequisites.html",
            "curriculum/courses/sw-101.html"} <= files
    assert {"assets/site.css", "assets/img/bg.png", "assets/javascripts/bundle.js",
            "data/x.json"} <= files
    assert not any(f.startswith("ru/") for f in files)
    # never: other languages, unreferenced files, source maps, .gz copies, sitemap, 404 pages
    assert not files & {"assets/unused.js", "assets/javascripts/bundle.js.map", "index.html.gz",
                        "sitemap.xml", "404.html", offline.MANIFEST, "search/search_index.json"}


def test_search_pieces_follow_the_index_languages(site: Path) -> None:
    tk, ru = set(make(site, "tk").files), set(make(site, "ru").files)
    common = {"search/search_index.js", "search/" + offline.DOCS_SCRIPT, "assets/javascripts/workers/search.abc.min.js",
              "assets/search-worker.js", "assets/offline-worker.js"}
    lunr = offline.LUNR + "min/"
    assert common | {"search/lunr.tk.js", "search/search_index.tk.json",
                     lunr + "lunr.stemmer.support.min.js"} <= tk
    assert not {lunr + "lunr.ru.min.js", lunr + "lunr.multi.min.js", lunr + "lunr.de.min.js"} & tk
    assert common | {"search/search_index.ru.json", lunr + "lunr.ru.min.js",
                     lunr + "lunr.multi.min.js", lunr + "lunr.stemmer.support.min.js"} <= ru
    assert not {"search/lunr.tk.js", lunr + "lunr.de.min.js", "search/search_index.tk.json"} & ru


def test_index_inlined_for_file_urls_with_its_documents_apart(site: Path) -> None:
    """search_index.js (every page view) has the config only; the documents script fills
    __index.docs. Both run under Node as a browser would run them, one after the other."""
    result = make(site, "ru")
    head = text(result, "search/search_index.js")
    docs = text(result, "search/" + offline.DOCS_SCRIPT)
    assert "Главная" not in head
    out = subprocess.run(["node", "-e", head + "\nvar before = __index.docs.length;\n" + docs +
                          "\nconsole.log(JSON.stringify([before, __index]));"],
                         capture_output=True, text=True, check=True).stdout
    before, index = json.loads(out)
    assert before == 0
    assert index["siDocs"] == offline.DOCS_SCRIPT
    assert index["config"] == {"lang": ["ru", "en"]}
    assert index["docs"] == [{"location": "ru/", "title": "Главная"}]


def test_links_leaving_the_bundle_go_to_the_online_site(site: Path) -> None:
    result = make(site, "tk")
    home = text(result, "index.html")
    assert 'href="https://example.org/portal/ru/" hreflang="ru"' in home
    assert 'href="https://example.org/portal/ru/ethics/"' in home  # was root-relative
    assert 'href="https://example.org/portal/pdf/tk/sw-101.pdf"' in home  # not in this build
    # inside the bundle, and not pages at all: unchanged
    for kept in ('href="index.html"', 'href="ethics/index.html#top"', 'href="data/x.json"',
                 'href="mailto:a@b.c"', 'href="https://other.example/"',
                 'href="https://example.org/portal/x/"'):
        assert kept in home
    assert result.online == {"ru/index.html", "ru/ethics/index.html", "pdf/tk/sw-101.pdf"}
    ru_home = text(make(site, "ru"), "ru/index.html")
    assert 'href="https://example.org/portal/" hreflang="tk"' in ru_home
    assert 'href="https://example.org/portal/ethics/"' in ru_home
    assert 'href="ethics/index.html"' in ru_home


def test_links_written_for_directory_urls_are_mended(site: Path) -> None:
    page = text(make(site, "tk"), "curriculum/prerequisites.html")
    assert 'href="courses/sw-101.html"' in page


def test_other_languages_get_a_start_page(site: Path) -> None:
    result = make(site, "ru")
    assert 'url=ru/index.html' in text(result, "index.html")
    assert "index.html" in make(site, "tk").files and "url=" not in text(make(site, "tk"), "index.html")


def test_zip_is_one_folder_and_reproducible(site: Path, tmp_path: Path) -> None:
    first = tmp_path / "a" / "sosial-is-tk.zip"
    second = tmp_path / "b" / "sosial-is-tk.zip"
    size = offline.write_zip(make(site, "tk"), first, epoch=1_700_000_000)
    offline.write_zip(make(site, "tk"), second, epoch=1_700_000_000)
    assert size == first.stat().st_size > 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert all(n.startswith("sosial-is-tk/") for n in names)
        assert "sosial-is-tk/index.html" in names
        assert zf.testzip() is None


def test_online_url_uses_directory_urls() -> None:
    assert offline.online_url(SITE_URL, "index.html") == SITE_URL
    assert offline.online_url(SITE_URL, "ru/ethics/index.html") == SITE_URL + "ru/ethics/"
    assert offline.online_url(SITE_URL, "ethics/dilemmas.html") == SITE_URL + "ethics/dilemmas/"
    assert offline.online_url(SITE_URL, "data/x.json") == SITE_URL + "data/x.json"
