"""The footer's links to the offline ZIPs, added to a built site once the ZIPs are in it.

Every page of the online site carries, in its footer, an empty and hidden placeholder that
knows the address of its language's ZIP (overrides/partials/copyright.html writes it, so the
address is right on every page, the 404 pages' root-relative ones included):

    <div class="si-offline" data-si-zip="../../offline/sosial-is-ru.zip" data-si-lang="ru" hidden></div>

``scripts/run offline`` calls :func:`link_zips` after writing the ZIPs into ``site/offline/``:
a placeholder whose ZIP exists becomes a link with the ZIP's size, one whose ZIP does not stays
(or becomes again) a hidden placeholder. Running it twice changes nothing more.

Why the link is added afterwards rather than the ZIPs made by every build (the way the PDFs'
links are, publish/pdf.py): the ZIPs need a second, complete build of the site for file://,
about as long as the first (README, "Offline copy"). ``scripts/run build`` and ``scripts/run
serve`` (a contributor's preview, rebuilt on every save) would pay for it each time, while the
deploy workflow already runs ``scripts/run offline``. A link appearing only when its file
exists keeps every build free of dead links. Nginx's precompressed ``.gz`` copy of a page is
rewritten with it.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..locale import megabytes, t
from ..mkdocs.plugin import ZIP_HREF
from .compress import gzip_bytes

#: The footer's element, either form: the hidden placeholder or the filled link.
FOOTER = re.compile(r'<div class="si-offline" data-si-zip="([^"]*)" data-si-lang="([a-z]{2,3})"'
                    r'(?: hidden)?>.*?</div>', re.S)


def footer(href: str, lang: str, label: str | None) -> str:
    """The footer element: a link at ``href`` (from the page) saying ``label`` when the ZIP
    exists, else (``label`` None) the hidden placeholder."""
    attrs = f'class="si-offline" data-si-zip="{href}" data-si-lang="{lang}"'
    if label is None:
        return f"<div {attrs} hidden></div>"
    return f'<div {attrs}><a href="{href}" download>{html.escape(label)}</a></div>'


def link_zips(site: Path) -> dict[str, int]:
    """Make every page's footer of the built ``site`` match the ZIPs in ``site/offline/``;
    returns, per language, how many pages now link its ZIP."""
    labels: dict[str, str | None] = {}  # language -> the link's text; None: no ZIP (looked up once)
    linked: dict[str, int] = {}

    def label(lang: str) -> str | None:
        if lang not in labels:
            zip_file = site / ZIP_HREF.format(lang=lang)
            labels[lang] = (t("offline_zip_link", lang, mb=megabytes(zip_file.stat().st_size, lang))
                            if zip_file.is_file() else None)
        return labels[lang]

    def fill(match: re.Match) -> str:
        href, lang = match.group(1), match.group(2)
        text = label(lang)
        linked[lang] = linked.get(lang, 0) + (text is not None)
        return footer(href, lang, text)

    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = FOOTER.sub(fill, text)
        if new == text:
            continue
        page.write_text(new, encoding="utf-8")
        gz = page.with_name(page.name + ".gz")  # keep nginx's precompressed copy in step
        if gz.exists():
            gz.write_bytes(gzip_bytes(new.encode("utf-8")))
    return linked
