"""The competency framework, per language: each competency with its grounding, the crosswalk
to CSWE EPAS 2022 (by name) and the 2025 certification programme, and links to the exports."""
from __future__ import annotations

from ..curriculum.model import Curriculum
from ..locale import t
from ..render import citations
from .common import comp_order, front, model_notice, search_meta


def competencies_page(cur: Curriculum, lang: str) -> str:
    fw = cur.framework
    title = fw.title.get(lang) if fw else t("competencies_title", lang)
    intro = fw.description.get(lang) if fw else ""
    out = [front(title, intro or title, "curriculum/competencies.yml", lang,
                 extra=search_meta(lang, "competencies"))]
    out.append(f"# {title}\n\n{model_notice(lang)}{intro}\n\n")
    for comp_id in sorted(cur.competencies, key=comp_order):
        comp = cur.competencies[comp_id]
        out.append(f"## {comp_id} · {comp.title.get(lang)} {{#{comp_id.lower()}}}\n\n"
                   f"{comp.description.get(lang)}\n\n")
        if comp.grounded_in:
            refs = "; ".join(f"[{citations.inline(cur.references[r], lang)}]"
                             f"(../references/bibliography.md#ref-{r})"
                             for r in comp.grounded_in if r in cur.references)
            out.append(f"*{t('grounded_in', lang)}:* {refs}\n\n")
    out.append(f"## {t('crosswalk', lang)} {{#crosswalk}}\n\n{t('crosswalk_intro', lang)}\n\n"
               f"| {t('competency', lang)} | {t('cswe', lang)} | {t('ccp', lang)} |\n|---|---|---|\n")
    for comp_id in sorted(cur.competencies, key=comp_order):
        comp = cur.competencies[comp_id]
        cswe = "<br>".join(f"{n}. {t(f'cswe_{n}', lang)}" for n in comp.cswe_2022) or "—"
        ccp = "<br>".join(t(f"ccp_{a}", lang) for a in comp.tm_ccp_2025) or "—"
        out.append(f"| {comp_id} {comp.title.get(lang)} | {cswe} | {ccp} |\n")
    out.append(f"\n## {t('exports', lang)} {{#exports}}\n\n"
               + t("exports_text", lang, json="[curriculum.json](../data/curriculum.json)",
                   case="[competencies.case.json](../data/competencies.case.json)") + "\n")
    return "".join(out)
