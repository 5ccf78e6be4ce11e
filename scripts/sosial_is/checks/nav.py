"""The navigation: hand-written pages in no ``nav`` (a reader cannot find them), and ``nav``
entries without a page. MkDocs' ``not_in_nav`` patterns are honoured (MkDocs' own matcher)."""
from __future__ import annotations

from ..core.findings import Finding, finding
from ..core.languages import LANGS, split_lang, with_lang
from ..project.config import SiteConfig, nav_pages
from .links import DocSet


def check_nav(docset: DocSet, config: SiteConfig) -> list[Finding]:
    """Hand-written pages in no navigation (warning), nav entries without a page (error)."""
    if config.nav is None:
        return []  # MkDocs builds the nav from all pages: nothing can be an orphan
    in_nav = {split_lang(p)[0] for p in nav_pages(config.nav)}
    findings: list[Finding] = []
    nav_file = config.nav_file or config.config_file
    try:
        nav_text = nav_file.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        nav_text = []
    for page in sorted(in_nav):
        if not any(f in docset.files for f in [page] + [with_lang(page, lg) for lg in LANGS]):
            line = next((i for i, text in enumerate(nav_text, 1) if page in text), 0)
            findings.append(finding(nav_file, line, "NAV-PAGE-MISSING", page=page))
    seen: set[str] = set()
    for rel in docset.hand_written:
        base = split_lang(rel)[0]
        if base in in_nav or base in seen or config.not_in_nav(base):
            continue
        seen.add(base)
        langs = docset.languages_of(base)
        first = with_lang(base, langs[0]) if langs else rel
        findings.append(finding(docset.docs / first, 1, "PAGE-NOT-IN-NAV", page=base,
                                config=nav_file.name))
    return findings
