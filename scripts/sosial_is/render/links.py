"""``rel="noopener"`` on every link that leaves the site, in a page's HTML.

Neither Python-Markdown nor Material adds ``rel`` to links in page content; the plugin applies
this to every page (``mkdocs/plugin.py``, on_page_content).
"""
from __future__ import annotations

import re

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
    return _A_TAG.sub(fix, html) if "<a" in html or "<A" in html else html
