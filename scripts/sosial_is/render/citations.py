"""Citations: ``[@id]`` in page Markdown becomes "(Author, Year)" linked to a reference list.

No MkDocs or Material feature renders citations from one shared bibliography, and the
bibliography must be data (``curriculum/references.yml``) so that course readings, pages and the
bibliography page share it; hence this small module. Citations inside code (fences, inline code)
are left as they are, exactly where ``markdown.scanner`` finds none. Unknown ids are reported by
``checks/citations.py``; here they stay visible as plain text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..curriculum.model import Reference
from ..locale import t
from ..markdown.scanner import CITATION, replace_outside_code

_SKIP = {"of", "on", "for", "the", "and", "de", "des", "la", "in", "to", "a", "an", "&"}


def author_label(ref: Reference) -> str:
    """Short author label for in-text citations: surnames, or organisation initials."""
    if ref.label:
        return ref.label
    names = [_short_name(a) for a in ref.authors]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} & {names[1]}"
    return f"{names[0]} et al."


def _short_name(author: str) -> str:
    if "," in author:  # "Payne, M." -> "Payne"
        return author.split(",", 1)[0].strip()
    words = author.split()
    if len(words) >= 3:  # "International Federation of Social Workers" -> "IFSW"
        return "".join(w[0] for w in words if w.lower() not in _SKIP and w[0].isupper())
    return author


def year_label(ref: Reference, lang: str) -> str:
    return str(ref.year) if ref.year else t("no_date", lang)


def inline(ref: Reference, lang: str) -> str:
    return f"{author_label(ref)}, {year_label(ref, lang)}"


def full_html(ref: Reference, lang: str) -> str:
    """An APA-like entry: Authors (Year). *Title*. Publisher. URL"""
    authors = html.escape(", ".join(ref.authors))
    parts = [f"{authors} ({html.escape(year_label(ref, lang))}). <em>{html.escape(ref.title)}</em>."]
    if ref.edition:
        parts.append(f"{html.escape(ref.edition)}.")
    if ref.publisher and ref.publisher not in ref.authors:
        parts.append(f"{html.escape(ref.publisher)}.")
    if ref.url:
        url = html.escape(ref.url, quote=True)
        parts.append(f'<a href="{url}" rel="noopener">{url}</a>')
    if ref.note:
        parts.append(f'<span class="si-ref-note">{html.escape(ref.note.get(lang))}</span>')
    return " ".join(parts)


@dataclass
class Cited:
    markdown: str
    ids: list[str]


def render(markdown: str, references: dict[str, Reference], lang: str) -> Cited:
    """Replace citations with links and append the page's reference list."""
    order: list[str] = []

    def replace(match: re.Match[str]) -> str:
        ids = [p.strip().lstrip("@") for p in match.group(1).split(";")]
        links = []
        for ref_id in ids:
            ref = references.get(ref_id)
            if ref is None:  # reported by the checks; keep the text visible
                links.append(html.escape(ref_id))
                continue
            if ref_id not in order:
                order.append(ref_id)
            links.append(f'<a class="si-cite" href="#ref-{ref_id}">{html.escape(inline(ref, lang))}</a>')
        return "(" + "; ".join(links) + ")"

    body = replace_outside_code(markdown, CITATION, replace) if "[@" in markdown else markdown
    body = "\n".join(body.splitlines())
    if order:
        body += "\n\n" + reference_list(order, references, lang)
    return Cited(body + "\n", order)


def reference_list(ids: list[str], references: dict[str, Reference], lang: str,
                   heading: bool = True) -> str:
    items = "\n".join(f'<li id="ref-{i}">{full_html(references[i], lang)}</li>' for i in ids)
    head = f"## {t('references', lang)} {{#references}}\n\n" if heading else ""
    return f'{head}<ol class="si-references">\n{items}\n</ol>\n'
