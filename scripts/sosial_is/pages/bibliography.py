"""The bibliography: every entry of curriculum/references.yml, ordered by author and year,
each with an anchor (``#ref-<id>``) that citations and course readings link to."""
from __future__ import annotations

from ..curriculum.model import Curriculum
from ..locale import t
from ..render import citations
from .common import front, search_meta


def bibliography_page(cur: Curriculum, lang: str) -> str:
    out = [front(t("bibliography_title", lang), t("bibliography_intro", lang),
                  "curriculum/references.yml", lang, extra=search_meta(lang, "bibliography"))]
    out.append(f"# {t('bibliography_title', lang)}\n\n{t('bibliography_intro', lang)}\n\n")
    ids = sorted(cur.references, key=lambda i: (citations.author_label(cur.references[i]).lower(),
                                                cur.references[i].year or 0, i))
    out.append(citations.reference_list(ids, cur.references, lang, heading=False))
    return "".join(out)
