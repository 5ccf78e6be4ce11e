"""Unsafe content in hand-written pages and course files.

Python-Markdown passes raw HTML through unchanged, so a page could carry a ``<script>``, an
``onclick=`` handler (also through attr_list: ``[x](y){ onclick=… }``), a ``javascript:`` link,
an ``<object>``/``<embed>`` or an ``<iframe>`` from anywhere. The deployed Content-Security-Policy
would block most of them in the browser; we refuse them at the source, with the line, so the
author learns why instead of seeing a silently broken page. Code (fences, inline code) is not
content and is skipped (``markdown.scanner``).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..core.findings import Finding, finding
from ..markdown.scanner import HTML_ATTR, Scanned

# Hosts an <iframe> may come from. Empty on purpose: the site loads nothing from third parties
# (sitecheck.py enforces it on the built HTML). Add a host here and to the CSP's frame-src together.
IFRAME_HOSTS: frozenset[str] = frozenset()
EMBED_TAGS = {"object", "embed", "applet"}
EVENT_ATTR = re.compile(r"^on[a-z]+$")
JS_URL = re.compile(r"^\s*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript)\s*:", re.I)
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
# Front matter keys that make the theme load code: only generated pages may set them.
SCRIPT_KEYS = ("extra_scripts",)


def check_scanned(path: Path, scanned: Scanned, iframe_hosts: frozenset[str] = IFRAME_HOSTS) -> list[Finding]:
    """Unsafe HTML, attributes and URLs in one scanned Markdown file."""
    findings: list[Finding] = []
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
    findings += _front_matter(path, scanned)
    # A <script split over lines, or written in a way our tag pattern misses, still counts.
    seen = {f.line for f in findings if f.code == "UNSAFE-SCRIPT"}
    findings += [finding(path, no, "UNSAFE-SCRIPT") for no in scanned.script_opens if no not in seen]
    return findings


def _front_matter(path: Path, scanned: Scanned) -> list[Finding]:
    """Front matter values go into the page's <head> as they are (MkDocs' templates do not
    escape them), so markup there is refused, and so are keys that load scripts."""
    out: list[Finding] = []
    front = scanned.front
    if not front.present:
        return out
    lines = scanned.lines
    for no in range(2, front.body_line - 1):
        line = lines[no - 1]
        if not line.lstrip().startswith("#") and MARKUP.search(line):
            out.append(finding(path, no, "UNSAFE-FRONT-MATTER"))
    for key in SCRIPT_KEYS:
        if key in front.data:
            out.append(finding(path, front.lines.get((key,), 1), "UNSAFE-SCRIPT-KEY", key=key))
    return out
