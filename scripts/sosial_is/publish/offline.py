"""Offline copy of the site: one ZIP per language that works unzipped, opened from the disk.

``scripts/run offline`` builds the site a second time for the file system and writes
``site/offline/sosial-is-{tk,ru,en}.zip`` (run it after ``scripts/run build``, which replaces
``site/``). Then every page's footer of the built site links the ZIP of its language
(``offline_links.py``: the link appears only once the ZIP exists, so a plain build has no dead
link; why the build does not make the ZIPs itself is said there).

The offline build is the project's build with the plugin's ``offline`` option on (mkdocs.yml
reads it from ``SOSIAL_IS_OFFLINE``): page links as ``page.html`` instead of ``page/``
(``use_directory_urls: false``, what a file:// reader needs), the "search all languages" choice
left out (a ZIP holds one language), and ``assets/offline-worker.js`` (``offline_worker.js``
here) loaded on every page. This module runs that build into a temporary folder and packs the
ZIPs.

Why not Material's ``offline`` plugin: it adds the iframe-worker shim from unpkg.com (a
third-party request, which also fails offline, so its search does not work without a network),
and it inlines the mixed index of all languages, while our search uses one index per language
(mkdocs/SEARCH.md). What it does otherwise, we do here: no directory URLs, the index inlined as
``search/search_index.js`` (``var __index = …``, which Material's bundle loads with a <script>
tag on file://, where fetch/XHR are blocked; its documents in a second script loaded only when
search is opened, see ``inline_index``), and a worker that runs without Worker support
(offline_worker.js).

What a language's ZIP holds (``sosial-is-<lang>/`` inside): that language's pages, every file
they reference (followed through CSS ``url()`` too), the search worker and the lunr language
files its index needs, and that index as ``search/search_index.js`` (and ``.<lang>.json`` for an
unzipped copy served over HTTP). A link to a page outside the ZIP (the language menu, a page of
another language) is rewritten to the same page on the online site (``site_url``). The Russian
and English ZIPs get an ``index.html`` at the top that leads to ``ru/``/``en/``. Entries are
sorted and dated by SOURCE_DATE_EPOCH, so the same build gives byte-identical ZIPs.
"""
from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core import git
from ..core.languages import language_of_location
from ..mkdocs.build import mkdocs_build
from ..mkdocs.plugin import OFFLINE_MANIFEST, OFFLINE_SHIM
from .offline_links import link_zips

ENV = "SOSIAL_IS_OFFLINE"
ZIP_NAME = "sosial-is-{lang}.zip"
SHIM = OFFLINE_SHIM
MANIFEST = OFFLINE_MANIFEST  # written into the offline build: languages, prefixes, site_url
WORKER_WRAPPER = "assets/search-worker.js"
LUNR = "assets/javascripts/lunr/"
DOCS_SCRIPT = "search_index.docs.js"
# Never packed: source maps (devtools only), precompressed copies, the sitemap, 404 pages.
SKIP = re.compile(r"(\.map|\.gz)$|(^|/)(sitemap\.xml|404\.html)$")
# href/src only: search.js's data-worker/data-tk are the search pieces, taken per index below.
_ATTR = re.compile(r'(\s(?:href|src))="([^"]*)"')
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


# ---------------------------------------------------------------- bundles

@dataclass
class Bundle:
    """One language's ZIP: archive path (without the top folder) → file on disk or content."""
    lang: str
    files: dict[str, Path | bytes] = field(default_factory=dict)
    online: set[str] = field(default_factory=set)   # links rewritten to the online site
    missing: set[str] = field(default_factory=set)  # referenced files the build lacks


def online_url(site_url: str, rel: str) -> str:
    """``ru/ethics/index.html`` → ``<site_url>ru/ethics/`` (the online site has directory URLs)."""
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    elif rel.endswith(".html"):
        rel = rel[: -len(".html")] + "/"
    return site_url.rstrip("/") + "/" + rel


def _target(site: Path, page: str, url: str, root_path: str = "/") -> str | None:
    """The site-relative file a URL in ``page`` points at (None: not a link into the site).
    ``root_path`` is the path of ``site_url`` (``/portal/``), for root-relative URLs."""
    if not url or url.startswith("#") or _SCHEME.match(url):
        return None
    path = unquote(urlsplit(url).path)
    if not path:
        return None
    if path.startswith("/"):
        if not path.startswith(root_path):
            return None
        path, page = path[len(root_path):] or "./", "index.html"
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if rel.startswith("../") or rel == "..":
        return None
    if path.endswith("/") or (site / rel).is_dir():
        rel = posixpath.join(rel, "index.html") if rel != "." else "index.html"
    return rel


def _directory_style(site: Path, page: str, url: str, root_path: str) -> str | None:
    """A link written for directory URLs (``../courses/sw-101/`` in raw HTML, e.g. the
    prerequisite diagram), resolved as the online site would: from ``page``'s directory URL
    (``curriculum/prerequisites/``), to ``….html`` or ``…/index.html`` of this build."""
    if page.endswith("index.html") or not page.endswith(".html"):
        return None
    rel = _target(site, page[: -len(".html")] + "/index.html", url, root_path)
    if rel is None or not rel.endswith("/index.html"):
        return None
    for candidate in (rel, rel[: -len("/index.html")] + ".html"):
        if (site / candidate).is_file():
            return candidate
    return None


def _relative(page: str, rel: str) -> str:
    return posixpath.relpath(rel, posixpath.dirname(page) or ".")


def _pages(site: Path, lang: str, prefixes: dict[str, str], default: str) -> list[str]:
    pages = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if not SKIP.search(rel) and language_of_location(rel, prefixes, default) == lang:
            pages.append(rel)
    return sorted(pages)


def inline_index(index: dict) -> dict[str, bytes]:
    """The index as two scripts for file://: ``search_index.js``, which Material's bundle loads
    on every page view (``var __index``: the lunr config with no documents), and
    ``search_index.docs.js``, which scripts/offline_worker.js loads only when the reader opens
    search and which fills ``__index.docs`` in place (the array Material's setup message holds).
    So a page view does not parse the whole index (0.5–0.9 MB per language on the portal)."""
    head = {**index, "docs": [], "siDocs": DOCS_SCRIPT}
    docs = json.dumps(index.get("docs", []), ensure_ascii=False, separators=(",", ":"))
    return {
        "search/search_index.js": ("var __index = " + json.dumps(
            head, ensure_ascii=False, separators=(",", ":")) + ";\n").encode("utf-8"),
        "search/" + DOCS_SCRIPT: ("(function (docs) { for (var i = 0; i < docs.length; i++) "
                                  "__index.docs.push(docs[i]); })(" + docs + ");\n").encode("utf-8"),
    }


def _search_files(site: Path, lang: str) -> dict[str, Path | bytes]:
    """The index of ``lang`` (inlined for file://), the worker and the lunr files it imports."""
    files: dict[str, Path | bytes] = {}
    index = site / "search" / f"search_index.{lang}.json"
    if not index.exists():  # a site without scripts/search: Material's own index
        index = site / "search" / "search_index.json"
    if not index.exists():
        return files
    data = index.read_text(encoding="utf-8")
    files.update(inline_index(json.loads(data)))
    files[f"search/{index.name}"] = index
    for worker in sorted((site / "assets/javascripts/workers").glob("*.js")):
        files[worker.relative_to(site).as_posix()] = worker
    langs = json.loads(data).get("config", {}).get("lang", ["en"])
    for extra in (WORKER_WRAPPER, SHIM) + (("search/lunr.tk.js",) if "tk" in langs else ()):
        if (site / extra).exists():
            files[extra] = site / extra
    lunr = [f"min/lunr.{code}.min.js" for code in langs if code not in ("en", "tk")]
    if len(langs) > 1:
        lunr.append("min/lunr.multi.min.js")
    if lunr or "tk" in langs:
        lunr.append("min/lunr.stemmer.support.min.js")
    for name in lunr:
        if (site / LUNR / name).exists():
            files[LUNR + name] = site / LUNR / name
    return files


def bundle(site: Path, lang: str, manifest: dict) -> Bundle:
    """Collect ``lang``'s pages and everything they need; rewrite links leaving the bundle."""
    prefixes, default, site_url = manifest["prefixes"], manifest["default"], manifest["site_url"]
    root_path = urlsplit(site_url).path or "/"
    root_path += "" if root_path.endswith("/") else "/"
    result = Bundle(lang)
    pages = _pages(site, lang, prefixes, default)
    in_bundle = set(pages)
    todo: list[str] = []

    def need(rel: str) -> bool:
        """Take a non-page file into the bundle; False if the site lacks it."""
        if rel in result.files:
            return True
        path = site / rel
        if not path.is_file() or SKIP.search(rel):
            return False
        result.files[rel] = path
        if rel.endswith(".css"):
            todo.append(rel)
        return True

    for page in pages:
        text = (site / page).read_text(encoding="utf-8")

        def rewrite(match: re.Match, page: str = page) -> str:
            attr, url = match.group(1), match.group(2)
            rel = _target(site, page, url, root_path)
            if rel is None or rel in in_bundle:
                return match.group(0)
            if not (site / rel).is_file():
                fixed = _directory_style(site, page, url, root_path)
                if fixed in in_bundle:
                    parts = urlsplit(url)
                    tail = f"#{parts.fragment}" if parts.fragment else ""
                    return f'{attr}="{_relative(page, fixed)}{tail}"'
                rel = fixed or rel
            if not rel.endswith(".html") and need(rel):
                return match.group(0)
            if attr.strip() != "href":
                result.missing.add(rel)
                return match.group(0)
            # A page not in this bundle (another language) or a file the build lacks (e.g. the
            # PDFs, made later from the online site): the online site has it.
            result.online.add(rel)
            parts = urlsplit(url)
            tail = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
            return f'{attr}="{online_url(site_url, rel)}{tail}"'

        result.files[page] = _ATTR.sub(rewrite, text).encode("utf-8")
    while todo:  # stylesheets: their url(…) references
        css = todo.pop()
        for _, url in _CSS_URL.findall((site / css).read_text(encoding="utf-8", errors="replace")):
            rel = _target(site, css, url, root_path)
            if rel and not need(rel):
                result.missing.add(rel)
    result.files.update(_search_files(site, lang))
    if prefixes[lang] and "index.html" not in result.files:
        result.files["index.html"] = _redirect(prefixes[lang] + "index.html", lang)
    return result


def _redirect(target: str, lang: str) -> bytes:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={target}"><title>Sosial iş</title>'
            f'</head><body><p><a href="{target}">Sosial iş</a></p></body></html>').encode()


def write_zip(result: Bundle, path: Path, epoch: int) -> int:
    """Write the bundle as a reproducible ZIP (sorted, fixed dates); returns its size in bytes."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # ZIP dates start in 1980
    top = path.name.removesuffix(".zip")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for rel in sorted(result.files):
            src = result.files[rel]
            info = zipfile.ZipInfo(f"{top}/{rel}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, src if isinstance(src, bytes) else src.read_bytes())
    tmp.replace(path)
    return path.stat().st_size


# ---------------------------------------------------------------- command

def build_offline_site(config: Path, out: Path, strict: bool = True) -> int:
    """The project's build at ``config`` for file:// (the plugin's offline option) into ``out``."""
    epoch = str(git.source_date_epoch(config.resolve().parent))
    return mkdocs_build(config, out, strict=strict, env={ENV: "true", "SOURCE_DATE_EPOCH": epoch})


def make_zips(offline_site: Path, out_dir: Path, epoch: int,
              langs: list[str] | None = None) -> dict[str, tuple[Path, Bundle, int]]:
    """One ZIP per language from an offline build; language → (zip path, bundle, bytes)."""
    manifest = json.loads((offline_site / MANIFEST).read_text(encoding="utf-8"))
    made = {}
    unknown = sorted(set(langs or ()) - set(manifest["prefixes"]))
    if unknown:
        raise SystemExit(f"no such language in the build: {', '.join(unknown)} "
                         f"(built: {', '.join(manifest['prefixes'])})")
    for lang in langs or list(manifest["prefixes"]):
        result = bundle(offline_site, lang, manifest)
        path = out_dir / ZIP_NAME.format(lang=lang)
        made[lang] = (path, result, write_zip(result, path, epoch))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run offline", description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml of the project")
    parser.add_argument("--site", default=None,
                        help="the built site whose pages link the ZIPs (default: site/)")
    parser.add_argument("--out", default=None,
                        help="folder for the ZIPs (default: the site's offline/; elsewhere, no page links them)")
    parser.add_argument("--lang", action="append", help="only this language (repeatable)")
    parser.add_argument("--no-strict", action="store_true")
    args = parser.parse_args(argv)
    config = Path(args.config).resolve()
    site = Path(args.site).resolve() if args.site else config.parent / "site"
    out = Path(args.out).resolve() if args.out else site / "offline"
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sosial-is-offline-") as tmp:
        code = build_offline_site(config, Path(tmp) / "site", strict=not args.no_strict)
        if code:
            print(f"offline build failed (exit {code}); no ZIP written.", file=sys.stderr)
            return code
        built = time.monotonic()
        epoch = git.source_date_epoch(config.parent)
        made = make_zips(Path(tmp) / "site", out, epoch, args.lang)
    for lang, (path, result, size) in made.items():
        print(f"{path}: {size / 1e6:.1f} MB, {len(result.files)} files, "
              f"{len(result.online)} links to the online site", file=sys.stderr)
        for rel in sorted(result.missing):
            print(f"  warning: {lang} pages reference {rel}, which the build lacks", file=sys.stderr)
    print(f"offline build {built - started:.1f} s, ZIPs {time.monotonic() - built:.1f} s",
          file=sys.stderr)
    if (site / "index.html").is_file():
        linked = link_zips(site)
        print(f"{site}: pages linking a ZIP: " + (", ".join(
            f"{lang} {n}" for lang, n in sorted(linked.items()) if n) or "none"), file=sys.stderr)
    else:
        print(f"{site}/index.html: missing, so no page links the ZIPs "
              "(run scripts/run build, then scripts/run offline)", file=sys.stderr)
    return 0

