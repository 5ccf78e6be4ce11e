"""The glossary, per language: every term in the language's alphabetical order, with its
status, the term in the other two languages, definition, variants (accepted, and to avoid with
the reason), note and source."""
from __future__ import annotations

import html

from ..core.languages import LANGS
from ..curriculum.model import Curriculum
from ..locale import t
from ..render import citations
from .common import front, search_meta, sort_key


def glossary_page(cur: Curriculum, lang: str) -> str:
    out = [front(t("glossary_title", lang), t("glossary_intro", lang),
                  "curriculum/glossary.yml", lang, extra=search_meta(lang, "glossary"))]
    out.append(f"# {t('glossary_title', lang)}\n\n{t('glossary_intro', lang)}\n\n")
    entries = sorted(cur.glossary.values(), key=lambda e: sort_key(e.term(lang).term, lang))
    others = [lg for lg in LANGS if lg != lang]
    for entry in entries:
        term = entry.term(lang)
        status = t(f"status_{entry.status}", lang)
        out.append(f"### {term.term} {{#{entry.id}}}\n\n")
        badge = f'<span class="si-status si-status--{entry.status}">{status}</span>'
        trans = " · ".join(f'<span lang="{lg}">{html.escape(entry.term(lg).term)}</span>'
                           for lg in others)
        out.append(f"{badge} {trans}\n\n{term.definition}\n\n")
        if term.also:
            out.append(f"*{t('also_called', lang)}:* {', '.join(term.also)}\n\n")
        if term.avoid:
            out.append(f"*{t('avoid_called', lang)}:*\n\n"
                       + "".join(f"- {v.term} — {v.reason}\n" for v in term.avoid) + "\n")
        if entry.note:
            out.append(f"> {entry.note.get(lang)}\n\n")
        if entry.source and entry.source in cur.references:
            ref = cur.references[entry.source]
            out.append(f"*{t('source', lang)}:* [{citations.inline(ref, lang)}]"
                       f"(../references/bibliography.md#ref-{entry.source})\n\n")
    return "".join(out)
