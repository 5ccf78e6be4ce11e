"""The contributing guide's "checks" page, generated from the message catalogue.

``docs/contributing/checks.<lang>.md`` lists every finding code of ``locale/messages.yml``
with its message and fix-it hint in that language, so the guide can never fall behind the checks.
"""
from __future__ import annotations

import functools
import re

from ..core.languages import LANGS
from ..locale import messages, t
from .common import LIST_PAGE_BOOST, front, search_meta

SOURCE = "scripts/sosial_is/locale/messages.yml"
CHECKS_PAGE = "contributing/checks"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _inline(text: str) -> str:
    """Catalogue text as safe inline Markdown, with ``{name}`` (and the ordinal ``{name_ord}``)
    shown as ‹name›."""
    return _PLACEHOLDER.sub(lambda m: f"‹{m.group(1).removesuffix('_ord')}›", _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;"))


def checks_page(lang: str, link_guide: bool = True) -> str:
    def w(key: str) -> str:
        return t(f"checks_page_{key}", lang)
    back = f" {w('back')}" if link_guide else ""
    out = [front(w("title"), w("description"), SOURCE, lang, extra=search_meta(lang, "checks", boost=LIST_PAGE_BOOST)),
           f"# {w('title')}\n\n{w('intro')}{back}\n\n"]
    for code, entry in messages().items():
        if code.startswith("_") or not isinstance(entry, dict):
            continue
        loc = entry.get(lang) or entry["en"]
        severity = entry.get("severity", "error")
        out.append(f"## {code} {{#{code.lower()}}}\n\n"
                   f"- **{w('message')}:** {_inline(loc['message'])}\n"
                   f"- **{w('hint')}:** {_inline(loc.get('hint', '—'))}\n"
                   f"- **{w('severity')}:** {w(severity)}\n\n")
    return "".join(out)


@functools.cache
def pages(has_guide: bool) -> dict[str, str]:
    """Generated contributing pages: path relative to docs/ -> content. The link back to the
    guide is left out where the project has no hand-written guide (the tests' fixtures)."""
    return {f"{CHECKS_PAGE}.{lang}.md": checks_page(lang, has_guide) for lang in LANGS}
