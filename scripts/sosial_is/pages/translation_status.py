"""The translation status page (About → Translation status), per language: every hand-written
page and course × language as up to date, outdated, version not recorded, missing or planned,
from the states of ``project/translations.py``; and the terminology report (per glossary term,
its uses per language and the variants to avoid still present), from ``checks/terms.py``."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core.languages import LANGS, SOURCE_LANG, TRANSLATED_LANGS
from ..curriculum.model import Curriculum
from ..locale import t
from ..markdown.cache import SourceCache
from ..project.translations import PENDING_FILE, STATUSES, Reader, Unit, pending, status, units
from .common import course_slug, front, search_meta, sort_key

STATUS_PAGE = "about/translation-status"


def _title(unit: Unit, lang: str, cache: SourceCache) -> str:
    """The page's front matter title (or first H1) in ``lang``, else in Turkmen, else its key."""
    for lg in (lang, SOURCE_LANG):
        if not unit.files[lg].exists():
            continue
        _, scanned = cache.get(unit.files[lg])
        if scanned is None:
            continue
        title = str(scanned.front.data.get("title") or "")
        if not title:
            title = next((h.text for h in scanned.headings if h.level == 1), "")
        title = title.strip().replace("|", "\\|")
        if title:
            return f"{unit.key} {title}" if unit.kind == "course" else title
    return unit.key


def status_pages(root: Path, docs: Path, hand_written: list[Path],
                 cache: SourceCache | None = None) -> dict[str, str]:
    """docs/about/translation-status.{tk,ru,en}.md: every page and course × language."""
    planned, _, _ = pending(root)
    reader = Reader(cache)
    rows = []
    for unit in units(root, docs, hand_written):
        if unit.source.exists():
            rows.append((unit, {lg: status(unit, lg, planned, reader) for lg in LANGS}))
    pages: dict[str, str] = {}
    for lang in LANGS:
        out = [front(t("ts_title", lang), t("ts_intro", lang), PENDING_FILE, lang,
                     extra=search_meta(lang, "translation_status"))]
        out.append(f"# {t('ts_title', lang)}\n\n{t('ts_intro', lang)}\n\n")
        out.append(f"## {t('ts_summary', lang)} {{#summary}}\n\n| {t('ts_language', lang)} | "
                   + " | ".join(t(f"ts_{s}", lang) for s in STATUSES) + " |\n|---|"
                   + "---|" * len(STATUSES) + "\n")
        for lg in TRANSLATED_LANGS:
            counts = {s: sum(1 for _, st in rows if st[lg] == s) for s in STATUSES}
            out.append(f"| {t('ts_lang_' + lg, lang)} | "
                       + " | ".join(str(counts[s]) for s in STATUSES) + " |\n")
        out.append("\n")
        for kind, heading in (("page", "ts_pages"), ("course", "ts_courses")):
            out.append(f"## {t(heading, lang)} {{#{kind}s}}\n\n| | "
                       + " | ".join(t(f"ts_lang_{lg}", lang) for lg in LANGS) + " |\n|---|---|---|---|\n")
            for unit, states in rows:
                if unit.kind != kind:
                    continue
                href = (f"../{unit.key}" if kind == "page"
                        else f"../curriculum/courses/{course_slug(unit.key)}.md")
                label = _title(unit, lang, reader.cache)
                cells = " | ".join(
                    t("ts_source", lang) if lg == SOURCE_LANG and states[lg] == "up_to_date"
                    else f'<span class="si-ts si-ts--{states[lg]}">{t("ts_" + states[lg], lang)}</span>'
                    for lg in LANGS)
                out.append(f"| [{label}]({href}) | {cells} |\n")
            out.append("\n")
        pages[f"{STATUS_PAGE}.{lang}.md"] = "".join(out)
    return pages


# --- Terminology (filled by checks/terms.py, which reads the same sources) ----------------------

#: Locations listed per variant before "+N".
REPORT_PLACES = 4


@dataclass
class TermReport:
    """What the termbase check counted: (entry id, language) -> labels of the pages and courses
    using the preferred term; (entry id, language) -> [(variant, path, line, silenced)]."""

    preferred: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    variants: dict[tuple[str, str], list[tuple[str, str, int, bool]]] = field(default_factory=dict)


def terminology_section(cur: Curriculum, report: TermReport, lang: str) -> str:
    """The "Terminology" section of the status page in ``lang``: per glossary term, how many
    pages and courses use the preferred term in each language, and where variants to avoid are
    still present (silenced ones marked)."""
    entries = sorted(cur.glossary.values(), key=lambda e: sort_key(e.term(lang).term, lang))
    avoided = sum(1 for e in entries if any(e.term(lg).avoid for lg in LANGS))
    present = sum(len(v) for v in report.variants.values())
    silenced = sum(1 for v in report.variants.values() for p in v if p[3])
    out = [f"## {t('terms_title', lang)} {{#terminology}}\n\n",
           t("terms_intro", lang, terms=len(entries), avoided=avoided, present=present,
             silenced=silenced) + "\n\n",
           f"| {t('terms_term', lang)} | "
           + " | ".join(t(f"ts_lang_{lg}", lang) for lg in LANGS)
           + f" | {t('terms_variants', lang)} |\n|---|---|---|---|---|\n"]
    for entry in entries:
        counts = " | ".join(str(len(report.preferred.get((entry.id, lg), ()))) for lg in LANGS)
        cells = []
        for lg in LANGS:
            uses = report.variants.get((entry.id, lg), [])
            by_variant: dict[str, list[tuple[str, int, bool]]] = {}
            for variant, path, line, ok in uses:
                by_variant.setdefault(variant, []).append((path, line, ok))
            for variant, places in by_variant.items():
                shown = ", ".join(f"`{path}:{line}`" + (f" ({t('terms_silenced', lang)})" if ok else "")
                                  for path, line, ok in places[:REPORT_PLACES])
                more = f", +{len(places) - REPORT_PLACES}" if len(places) > REPORT_PLACES else ""
                cells.append(f'<span lang="{lg}">{_cell(variant)}</span> ({lg}) ×{len(places)}: '
                             f"{shown}{more}")
        name = _cell(entry.term(lang).term)
        out.append(f"| [{name}](../glossary/index.md#{entry.id}) | {counts} | "
                   f"{'<br>'.join(cells) or '—'} |\n")
    return "".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
