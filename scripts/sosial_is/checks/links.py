"""Internal links, anchors and images of the Markdown sources, with source lines.

MkDocs validates links too, but only after rendering, without line numbers and once per
language build (three times). This check reads the sources instead, so every finding names the
file and line a contributor has to open, and the build stops before MkDocs repeats them.

How targets resolve mirrors mkdocs-static-i18n's suffix layout: ``[x](../ethics/index.md)`` in
``law/index.ru.md`` means ``ethics/index.ru.md``, falling back to the Turkmen ``ethics/index.tk.md``
(a page shown in another language is a finding of its own, LINK-OTHER-LANGUAGE); an explicit
``page.en.md`` means exactly that file. Anchors are the ids the build gives headings
(``markdown.scanner``); anchors of generated pages come from the generated text in memory, and
a hand-written page's anchors from its text after citations are rendered (they add
``#references``), as the build renders it.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..core.findings import Finding, finding
from ..core.languages import LANGS, SOURCE_LANG, split_lang, with_lang
from ..markdown.scanner import Link, Scanned, scan

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class DocSet:
    """Every file of docs/ as the build will see it: hand-written pages (scanned once),
    generated pages and data files from the generator (in memory), assets from disk."""

    docs: Path
    texts: dict[str, str]  # Markdown path relative to docs/ -> text (hand-written + generated)
    files: set[str]  # every path relative to docs/
    hand_written: list[str]
    pending: dict[str, set[str]] = field(default_factory=dict)  # page -> languages planned
    # What the build's on_page_markdown does to a hand-written page (citations add a
    # "References" heading): anchors are read from its result, links from the source.
    render: Callable[[str, str], str] | None = None
    scans: dict[str, Scanned] = field(default_factory=dict)
    # Pages whose source failed to load ("known but broken", reported there): they exist for
    # links, and their anchors are not checked (no cascade of follow-on findings).
    unknown: set[str] = field(default_factory=set)
    _anchors: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._hand = set(self.hand_written)

    def scanned(self, rel: str) -> Scanned:
        if rel not in self.scans:
            self.scans[rel] = scan(self.texts.get(rel, ""))
        return self.scans[rel]

    def anchors(self, rel: str) -> set[str]:
        if rel not in self._anchors:
            if self.render and rel in self._hand:
                lang = split_lang(rel)[1] or SOURCE_LANG
                rendered = self.render(self.texts[rel], lang)
                self._anchors[rel] = (scan(rendered).anchors if rendered != self.texts[rel]
                                      else self.scanned(rel).anchors)
            else:
                self._anchors[rel] = self.scanned(rel).anchors
        return self._anchors[rel]

    def resolve_page(self, base: str, lang: str | None, page_lang: str) -> tuple[str | None, str | None]:
        """(file, language) a page link resolves to for a reader of ``page_lang``."""
        if lang:  # explicit page.ru.md
            rel = with_lang(base, lang)
            return (rel, lang) if rel in self.files else (None, None)
        for cand_lang in (page_lang, SOURCE_LANG):
            rel = with_lang(base, cand_lang)
            if rel in self.files:
                return rel, cand_lang
        if base in self.files:  # a page without language suffix serves every language
            return base, page_lang
        return None, None

    def languages_of(self, base: str) -> list[str]:
        return [lg for lg in LANGS if with_lang(base, lg) in self.files]


def check_links(docset: DocSet, sources: dict[str, tuple[Path, Scanned]] | None = None) -> list[Finding]:
    """Check every hand-written page (and extra ``sources``: course language files, each given
    as docs-relative page path -> (source file, its scan)) for broken links, anchors, images."""
    findings: list[Finding] = []
    items = [(rel, docset.docs / rel, docset.scanned(rel)) for rel in docset.hand_written
             if rel in docset.texts]
    items += [(rel, path, scanned) for rel, (path, scanned) in (sources or {}).items()]
    for rel, path, scanned in items:
        page_lang = split_lang(rel)[1] or SOURCE_LANG
        for link in scanned.links:
            findings += _check_link(docset, rel, path, page_lang, link)
    return findings


def _check_link(docset: DocSet, rel: str, path: Path, lang: str, link: Link) -> list[Finding]:
    out: list[Finding] = []
    url = link.url.strip()
    if link.image and not (link.alt or "").strip():
        out.append(finding(path, link.line, "IMAGE-ALT-MISSING", target=url))
    if not url or SCHEME.match(url) or url.startswith(("/", "//")):
        return out  # external, mailto:, absolute: not ours (external.py, safety.py, MkDocs)
    target, _, anchor = url.partition("#")
    target = unquote(target.split("?", 1)[0])
    anchor = unquote(anchor)
    if not target:  # same page
        anchors = docset.anchors(rel)
        if anchor and anchor not in anchors:
            out.append(_anchor_finding(path, link, url, anchor, rel, lang, anchors))
        return out
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
    if resolved.startswith("../") or resolved == "..":
        out.append(finding(path, link.line, "LINK-BROKEN", target=url, resolved=resolved))
        return out
    if target.endswith("/") or (not posixpath.splitext(resolved)[1] and _dir_index(docset, resolved)):
        resolved = posixpath.join(resolved, "index.md")  # a folder link means its index page
    base, explicit = split_lang(resolved)
    if base.endswith(".md"):
        file, got = docset.resolve_page(base, explicit, lang)
        if file is None:  # static-i18n falls back to the default language only
            shown = resolved if explicit else with_lang(base, lang)
            out.append(finding(path, link.line, "LINK-BROKEN", target=url, resolved=shown))
            return out
        if got != lang and not explicit and lang not in docset.pending.get(base, ()):
            # a fallback page; not repeated when the translation is already listed as pending
            out.append(finding(path, link.line, "LINK-OTHER-LANGUAGE", target=url, lang=lang,
                               langs=", ".join(docset.languages_of(base))))
        if anchor and file not in docset.unknown:
            anchors = docset.anchors(file)
            if anchor not in anchors:
                out.append(_anchor_finding(path, link, url, anchor, file, got or lang, anchors))
        return out
    exists = resolved in docset.files or (not explicit and any(
        with_lang(base, lg) in docset.files for lg in (lang, SOURCE_LANG)))
    if not exists:
        code = "IMAGE-MISSING" if link.image else "LINK-BROKEN"
        out.append(finding(path, link.line, code, target=url, resolved=resolved))
    return out


def _dir_index(docset: DocSet, folder: str) -> list[str]:
    return [f for f in (f"{folder}/index.{lg}.md" for lg in LANGS) if f in docset.files] + \
        ([f"{folder}/index.md"] if f"{folder}/index.md" in docset.files else [])


def _anchor_finding(path: Path, link: Link, url: str, anchor: str, page: str, lang: str,
                    anchors: set[str]) -> Finding:
    guess = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.5)
    return finding(path, link.line, "LINK-ANCHOR", target=url, anchor=anchor, page=page,
                   lang=lang, suggestion=("#" + guess[0]) if guess else "")
