"""Checks of the built site (``scripts/run site-check site/`` or ``check --site site/``).

What only the output can show: every page declares the language of its folder
(``<html lang="ru">`` under ru/, ``en`` under en/, ``tk`` elsewhere), no page has an id twice
(anchors and labels would point at the wrong element), and nothing is loaded from a third-party
host — scripts, stylesheets, fonts, images, frames, CSS ``url()``/``@import`` and JavaScript
``import``/``fetch`` of absolute URLs. Plain outbound ``<a href>`` links and metadata links
(canonical, alternate) load nothing and are fine. Findings name the file in the site and the line.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..core.findings import Finding, finding
from ..core.languages import LANG_PREFIX, SOURCE_LANG

LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                "prefetch", "manifest", "mask-icon", "dns-prefetch", "preconnect"}
# (tag, attribute) pairs that make the browser fetch something.
LOADING_ATTRS = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
                 ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"),
                 ("track", "src"), ("iframe", "src"), ("frame", "src"), ("embed", "src"),
                 ("object", "data"), ("input", "src"), ("image", "href")}
CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3""", re.I)
JS_LOAD = re.compile(r"""(?:\bimport\s*\(\s*|\bfrom\s*|\bimportScripts\s*\(\s*|\bfetch\s*\(\s*)"""
                     r"""(["'`])((?:https?:)?//[^"'`]+)\1""")


def _host(url: str) -> str | None:
    url = url.strip()
    if url.startswith("//") or re.match(r"^https?://", url, re.I):
        return (urlsplit(url if not url.startswith("//") else "https:" + url).hostname or "").lower()
    return None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: tuple[str | None, int] | None = None
        self.ids: dict[str, int] = {}
        self.duplicates: list[tuple[str, int, int]] = []
        self.loads: list[tuple[str, str, int]] = []  # (url, kind, line)
        self.styles: list[tuple[str, int]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and self.html_lang is None:
            self.html_lang = (a.get("lang"), line)
        if "id" in a and a["id"]:
            if a["id"] in self.ids:
                self.duplicates.append((a["id"], line, self.ids[a["id"]]))
            else:
                self.ids[a["id"]] = line
        if tag == "link" and set(a.get("rel", "").lower().split()) & LOADING_RELS:
            self.loads.append((a.get("href", ""), "link", line))
        for (t, attr) in LOADING_ATTRS:
            if t == tag and a.get(attr):
                values = [v.strip().split()[0] for v in a[attr].split(",") if v.strip()] \
                    if attr == "srcset" else [a[attr]]
                self.loads += [(v, tag, line) for v in values]
        if a.get("style"):
            self.styles.append((a["style"], line))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append((data, self.getpos()[0]))


def expected_lang(rel: str) -> str:
    folders = {prefix.rstrip("/"): lang for lang, prefix in LANG_PREFIX.items() if prefix}
    return folders.get(rel.split("/", 1)[0], SOURCE_LANG) if "/" in rel else SOURCE_LANG


def check_html(path: Path, rel: str, text: str, allowed: set[str]) -> list[Finding]:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    out: list[Finding] = []
    want = expected_lang(rel)
    found, line = parser.html_lang or (None, 1)
    if (found or "").lower() != want:
        out.append(finding(path, line, "SITE-LANG", found=found or "", expected=want))
    for ident, line, first in parser.duplicates:
        out.append(finding(path, line, "SITE-DUPLICATE-ID", id=ident, first=first))
    for url, kind, line in parser.loads:
        host = _host(url)
        if host and host not in allowed:
            out.append(finding(path, line, "SITE-THIRD-PARTY", url=url, kind=kind))
    for css, line in parser.styles:
        out += _css_findings(path, css, allowed, line)
    return out


def _css_findings(path: Path, css: str, allowed: set[str], first_line: int = 1) -> list[Finding]:
    out = []
    for m in CSS_URL.finditer(css):
        url = m.group(2) or m.group(4) or ""
        host = _host(url)
        if host and host not in allowed:
            line = first_line + css.count("\n", 0, m.start())
            out.append(finding(path, line, "SITE-THIRD-PARTY", url=url, kind="CSS"))
    return out


def check_site(site: Path, site_url: str = "", allowed: set[str] | None = None) -> list[Finding]:
    """Every HTML, CSS and JavaScript file under ``site``. ``allowed``: hosts that count as our
    own (default: the host of ``site_url``, so absolute links to ourselves pass)."""
    if allowed is None:
        host = _host(site_url if "://" in site_url else "")
        allowed = {host} if host else set()
    if not site.is_dir():
        return [finding(site, 0, "FILE-MISSING")]
    findings: list[Finding] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            findings += check_html(path, rel, path.read_text(encoding="utf-8", errors="replace"),
                                   allowed)
        elif path.suffix == ".css":
            findings += _css_findings(path, path.read_text(encoding="utf-8", errors="replace"), allowed)
        elif path.suffix in (".js", ".mjs"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for m in JS_LOAD.finditer(text):
                host = _host(m.group(2))
                if host and host not in allowed:
                    findings.append(finding(path, text.count("\n", 0, m.start()) + 1,
                                            "SITE-THIRD-PARTY", url=m.group(2), kind="script"))
    return findings
