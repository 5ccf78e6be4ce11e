"""Unsafe content in hand-written pages and course files, and rel="noopener" on outbound links.

Python-Markdown passes raw HTML through unchanged, so a page could carry a ``<script>``, an
``onclick=`` handler (also through attr_list: ``[x](y){ onclick=… }``), a ``javascript:`` link,
an ``<object>``/``<embed>`` or an ``<iframe>`` from anywhere. The deployed Content-Security-Policy
would block most of them in the browser; we refuse them at the source, with the line, so the
author learns why instead of seeing a silently broken page. Code (fences, inline code) is not
content and is skipped (``linkcheck.code_free_lines``).

``add_noopener`` is applied to every page's HTML by the hook: neither Python-Markdown nor
Material adds ``rel`` to links in page content.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .linkcheck import HTML_ATTR, code_free_lines, scan
from .report import Finding, finding

# Hosts an <iframe> may come from. Empty on purpose: the site loads nothing from third parties
# (sitecheck.py enforces it on the built HTML). Add a host here and to the CSP's frame-src together.
IFRAME_HOSTS: frozenset[str] = frozenset()
EMBED_TAGS = {"object", "embed", "applet"}
EVENT_ATTR = re.compile(r"^on[a-z]+$")
JS_URL = re.compile(r"^\s*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript)\s*:", re.I)
SCRIPT_OPEN = re.compile(r"<\s*script\b", re.I)


def check_text(path: Path, text: str, iframe_hosts: frozenset[str] = IFRAME_HOSTS) -> list[Finding]:
    """Unsafe HTML, attributes and URLs in one Markdown file."""
    findings: list[Finding] = []
    if "<" not in text and "{" not in text and "script" not in text.lower():
        return findings  # no HTML, no attribute list, no javascript:/vbscript: URL
    scanned = scan(text)
    for line, tag, attrs in scanned.tags:
        if tag == "script":
            findings.append(finding(path, line, "UNSAFE-SCRIPT"))
        elif tag in EMBED_TAGS:
            findings.append(finding(path, line, "UNSAFE-EMBED", tag=tag))
        elif tag == "iframe":
            host = urlsplit(attrs.get("src", "")).hostname or attrs.get("src", "") or "—"
            if host not in iframe_hosts:
                findings.append(finding(path, line, "UNSAFE-IFRAME", host=host,
                                        allowed=", ".join(sorted(iframe_hosts)) or "—"))
        for name in attrs:
            if EVENT_ATTR.match(name):
                findings.append(finding(path, line, "UNSAFE-EVENT-HANDLER", attr=name))
    for line, body in scanned.attr_lists:
        for m in HTML_ATTR.finditer(body):
            if EVENT_ATTR.match(m.group(1).lower()):
                findings.append(finding(path, line, "UNSAFE-EVENT-HANDLER", attr=m.group(1)))
    for link in scanned.links:
        if JS_URL.match(link.url):
            findings.append(finding(path, link.line, "UNSAFE-JAVASCRIPT-URL", url=link.url[:60]))
    # A <script split over lines, or written in a way our tag pattern misses, still counts.
    seen = {f.line for f in findings if f.code == "UNSAFE-SCRIPT"}
    for no, line in code_free_lines(text):
        if SCRIPT_OPEN.search(line) and no not in seen:
            findings.append(finding(path, no, "UNSAFE-SCRIPT"))
    return findings


def check_files(paths: list[Path]) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        findings += check_text(path, path.read_text(encoding="utf-8"))
    return findings


_A_TAG = re.compile(r"<a\s[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*["']?(https?:)?//([^/"'\s>]+)""", re.I)
_REL = re.compile(r"""\srel\s*=\s*(["'])(.*?)\1""", re.I | re.S)


def add_noopener(html: str, own_host: str = "") -> str:
    """Add rel="noopener" to links that leave the site (absolute http(s) URLs to other hosts)."""
    def fix(m: re.Match) -> str:
        tag = m.group(0)
        href = _HREF.search(tag)
        if not href or (own_host and href.group(2).lower() == own_host.lower()):
            return tag
        rel = _REL.search(tag)
        if rel:
            words = rel.group(2).split()
            if "noopener" in words:
                return tag
            return tag[: rel.start(2)] + " ".join(words + ["noopener"]) + tag[rel.end(2):]
        return tag[:2] + ' rel="noopener"' + tag[2:]
    return _A_TAG.sub(fix, html)
