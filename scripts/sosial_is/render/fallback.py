"""A page shown in a language it was not written in (mkdocs-static-i18n's fallback to Turkmen).

The reader gets a visible notice in their language, and the fallback text keeps its real
language (``lang="tk"``) so that screen readers and hyphenation treat it right.

The notice links every language the page exists in (each name in its own language, as the
language menu shows it), so a Russian-reading visitor of an English page missing in English
finds the Russian one. ``docs/assets/fallback.js`` (loaded on these pages only) adds the choice
of a fallback order ("when a page is missing in English, show it in: Türkmençe / Русский"),
kept on the device (localStorage), and follows it: once the reader has chosen a language the
page exists in, the page opens in it (see that file for the rules). Without JavaScript the
notice and its links are all there is.
"""
from __future__ import annotations

import html
import json

from ..locale import t


def wrap(content: str, page_lang: str, source_lang: str,
         versions: dict[str, tuple[str, str]] | None = None,
         languages: dict[str, str] | None = None) -> str:
    """``content`` (HTML written in ``source_lang``) as shown on a ``page_lang`` page.

    ``versions``: the languages the page exists in, in the site's order, as
    ``{lang: (name, href)}`` (``href`` relative to this page); ``languages``: every language of
    the site, ``{lang: name}`` (the reader's choice is among them)."""
    notice = html.escape(t("fallback_notice", page_lang))
    versions = versions or {}
    languages = languages or {}
    links = []
    for lang, (name, href) in versions.items():
        link = (f'<a href="{html.escape(href)}" hreflang="{lang}" lang="{lang}" '
                f'data-si-lang="{lang}">{html.escape(name)}</a>')
        if lang == source_lang:
            link += f" ({html.escape(t('fallback_shown_here', page_lang))})"
        links.append(link)
    exists = (f'<p class="si-fallback-versions">{html.escape(t("fallback_exists_in", page_lang))} '
              + " · ".join(links) + "</p>") if links else ""
    choices = {lang: name for lang, name in languages.items() if lang != page_lang}
    attrs = {
        "data-si-page-lang": page_lang,
        "data-si-shown": source_lang,
        "data-si-languages": json.dumps(choices, ensure_ascii=False),
        "data-si-choose": t("fallback_choose", page_lang),
        "data-si-saved": t("fallback_saved", page_lang),
    }
    data = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return (f'<div class="admonition warning si-fallback" role="note"{data}><p>{notice}</p>'
            f'{exists}</div>'
            f'<div lang="{source_lang}" class="si-fallback-content">{content}</div>')
