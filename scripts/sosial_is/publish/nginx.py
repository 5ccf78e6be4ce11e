"""Render publish/nginx.conf for a built site: address, root and Content-Security-Policy.

Material writes small inline scripts into each page (``__md_scope`` with the page's relative
base, the palette restore, the tabbed-content anchor fix). Rather than allowing every inline script
('unsafe-inline'), the policy lists the SHA-256 hash of each distinct inline script found in the
built site, so only those exact scripts run. The JSON ``<script type="application/json">`` holding
Material's configuration is data, not code, and needs no hash.

    scripts/run nginx-conf --site site --listen 80 --server-name portal.example.tm
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path

from .build import built_site

TEMPLATE = Path(__file__).with_name("nginx.conf")
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions ('sha256-…') for every distinct executable inline script."""
    found: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        for match in _INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attrs = match.group("attrs") or ""
            if re.search(r"\ssrc\s*=", attrs):
                continue
            kind = re.search(r'\stype\s*=\s*"([^"]*)"', attrs)
            if kind and kind.group(1).lower() not in _EXECUTABLE_TYPES:
                continue
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(found)


def content_security_policy(site: Path) -> str:
    """The policy the whole site runs under with zero violations (tests/browser/test_csp.py)."""
    scripts = " ".join(["'self'", *inline_script_hashes(site)])
    return "; ".join([
        "default-src 'none'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",   # Material's icons are data: SVGs in its CSS
        "font-src 'self'",
        "connect-src 'self'",     # the search index, fetched only when search is opened
        "worker-src 'self'",      # Material's search worker
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ])


def render(site: Path, listen: str = "80", server_name: str = "_") -> str:
    """The configuration text for ``site`` (an absolute path is written into ``root``)."""
    values = {"@LISTEN@": listen, "@SERVER_NAME@": server_name,
              "@ROOT@": str(site.resolve()), "@CSP@": content_security_policy(site)}
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run nginx-conf", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="site", help="built site folder (default: site)")
    parser.add_argument("--listen", default="80", help="nginx listen value (default: 80)")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--out", help="write here instead of standard output")
    args = parser.parse_args(argv)
    site = built_site(args.site)
    if site is None:
        return 1
    text = render(site, args.listen, args.server_name)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0

