"""Material's bundle starts after the first paint: the template filter that swaps its <script>.

Material's template loads ``assets/javascripts/bundle.<hash>.min.js`` with a plain <script> at
the end of <body>. On a slow phone its start-up is all of the page's Total Blocking Time, much
of it a first layout forced inside its own task (docs/assets/material-start.js explains the
timing). Material has no option for this, so overrides/main.html passes the block of scripts
Material renders through :func:`after_first_paint`, which replaces that one tag with our loader.
The bundle's hashed name stays Material's: nothing here needs changing on a Material upgrade,
and if the tag is not found the build stops instead of silently shipping a page without it.
"""
from __future__ import annotations

import re

BUNDLE_TAG = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


class BundleTagNotFound(ValueError):
    """Material's template changed: its bundle <script> tag is not where we expect it."""


def after_first_paint(scripts_html: str, loader_url: str) -> str:
    """``scripts_html`` with Material's bundle tag replaced by the loader (``loader_url``),
    which loads the bundle (``data-bundle``) once the page has painted."""
    tags = list(BUNDLE_TAG.finditer(str(scripts_html)))
    if len(tags) != 1:
        raise BundleTagNotFound(
            f"expected one Material bundle <script> in the template's scripts block, found {len(tags)}; "
            "update scripts/material_start.py (BUNDLE_TAG) for the installed mkdocs-material")
    tag = tags[0]
    loader = f'<script src="{loader_url}" data-bundle="{tag.group("src")}"></script>'
    return str(scripts_html)[:tag.start()] + loader + str(scripts_html)[tag.end():]


LOADER_TAG = re.compile(r'<script src="[^"]*assets/material-start\.js" data-bundle="(?P<src>[^"]+)"></script>')


def stock(page_html: str) -> str:
    """``page_html`` with Material's own bundle tag back in place of the loader: the page as stock
    Material loads it (the comparison run of ``scripts/run audit --compare-stock``)."""
    return LOADER_TAG.sub(lambda m: f'<script src="{m.group("src")}"></script>', page_html)
