"""A page shown in a language it was not written in (mkdocs-static-i18n's fallback to Turkmen).

The reader gets a visible notice in their language, and the fallback text keeps its real
language (``lang="tk"``) so that screen readers and hyphenation treat it right.
"""
from __future__ import annotations

import html

from ..locale import t


def wrap(content: str, page_lang: str, source_lang: str) -> str:
    """``content`` (HTML written in ``source_lang``) as shown on a ``page_lang`` page."""
    notice = html.escape(t("fallback_notice", page_lang))
    return (f'<div class="admonition warning si-fallback" role="note"><p>{notice}</p></div>'
            f'<div lang="{source_lang}" class="si-fallback-content">{content}</div>')
