"""Internal links, anchors, images and orphan pages of the Markdown sources, with source lines.

MkDocs validates links too, but only after rendering, without line numbers and once per
language build (three times). This module reads the sources instead, so every finding names the
file and line a contributor has to open, and the build's own check (hooks.on_pre_build) stops
before MkDocs repeats them.

How targets resolve mirrors mkdocs-static-i18n's suffix layout: ``[x](../ethics/index.md)`` in
``law/index.ru.md`` means ``ethics/index.ru.md``, falling back to the Turkmen ``ethics/index.tk.md``
(a page shown in another language is a finding of its own, LINK-OTHER-LANGUAGE); an explicit
``page.en.md`` means exactly that file. Heading ids are computed as the build computes them
(Python-Markdown's toc with ``pymdownx.slugs.slugify(case="lower")``, ``_1`` suffixes for repeats,
``{#id}`` attribute lists winning), so an anchor that works here works on the site — a unit test
compares our ids with those in the built HTML. Anchors of generated pages come from generating
them in memory (``generate.all_pages``), not from a hard-coded list.

Deliberately a line scanner, not a full Markdown parse: it is ~50x faster than rendering every
page, keeps exact line numbers, and skips code (fences, inline code, HTML comments).
"""
from __future__ import annotations

import difflib
import fnmatch
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

import yaml
from pymdownx.slugs import slugify

from .report import Finding, finding

LANGS = ("tk", "ru", "en")
DEFAULT_LANG = "tk"
LANG_SUFFIX = re.compile(r"\.(tk|ru|en)(\.[^./]+)$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_slug = slugify(case="lower")

# [text](url "title") and ![alt](url); one level of nested brackets/parentheses is enough for
# real text ("[see [1]](x)", Wikipedia's "Social_work_(discipline)").
INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REF_DEF = re.compile(r"^\s{0,3}\[([^\]^@][^\]]*)\]:\s*<?([^\s>]+)>?")
AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^\s<>]+)>")
HTML_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:\s+[^<>]*?)?)\s*/?>")
HTML_ATTR = re.compile(r"([^\s=\"'<>/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*)\}")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}#.]+)")
HEADING = re.compile(r"^\s*(#{1,6})\s+(.*?)\s*#*\s*$")
HEADING_ATTRS = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
URL_ATTRS = {("a", "href"), ("img", "src"), ("source", "src"), ("video", "src"),
             ("audio", "src"), ("iframe", "src"), ("embed", "src"), ("object", "data"),
             ("link", "href"), ("script", "src"), ("track", "src"), ("video", "poster")}
IMAGE_TAGS = {"img", "source", "video", "audio", "track"}


# --- Scanning one Markdown text --------------------------------------------------------------

@dataclass
class Link:
    """One link or image reference in a source file."""

    line: int
    url: str
    image: bool = False
    alt: str | None = None  # the alt text of an image (None when not an image)
    html: bool = False


@dataclass
class Scanned:
    """What a page offers (anchors) and what it points to (links)."""

    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    tags: list[tuple[int, str, dict[str, str]]] = field(default_factory=list)  # raw HTML tags
    attr_lists: list[tuple[int, str]] = field(default_factory=list)


def code_free_lines(text: str):
    """Yield (line number, line) with fenced code, inline code and HTML comments blanked out."""
    fence: str | None = None
    in_comment = False
    for no, line in enumerate(text.split("\n"), start=1):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if in_comment or "<!--" in line:
            out, i = [], 0
            while i < len(line):
                if in_comment:
                    j = line.find("-->", i)
                    if j < 0:
                        i = len(line)
                        break
                    in_comment, i = False, j + 3
                else:
                    j = line.find("<!--", i)
                    if j < 0:
                        out.append(line[i:])
                        break
                    out.append(line[i:j])
                    in_comment, i = True, j + 4
            line = "".join(out)
        if "`" in line:
            line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        yield no, line


def parse_attrs(raw: str) -> dict[str, str]:
    attrs = {}
    for m in HTML_ATTR.finditer(raw or ""):
        value = m.group(2) or ""
        if value[:1] in "\"'":
            value = value[1:-1]
        attrs[m.group(1).lower()] = value
    return attrs


def heading_text(raw: str) -> str:
    """The plain text Python-Markdown's toc slugifies: link text kept, markup dropped."""
    text = INLINE_LINK.sub(lambda m: "" if m.group(1) else m.group(2), raw)
    text = CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    text = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return text.strip()


def scan(text: str) -> Scanned:
    """Links, images, raw HTML tags and anchors of one Markdown text, with line numbers."""
    out = Scanned()
    explicit: set[str] = set()
    headings: list[str] = []
    raw_lines = text.split("\n")
    for no, line in code_free_lines(text):
        h = HEADING.match(line)
        if h:  # the heading's own text keeps its `code` (the toc slugifies it too)
            raw = HEADING.match(raw_lines[no - 1]).group(2)
            attrs = HEADING_ATTRS.search(raw)
            hid = ATTR_ID.search(" " + attrs.group(1)) if attrs else None
            if hid:
                explicit.add(hid.group(1))
            else:
                headings.append(heading_text(raw[: attrs.start()] if attrs else raw))
        if "[" in line:
            for m in INLINE_LINK.finditer(line):
                url = m.group(3).strip("<>")
                image = m.group(1) == "!"
                out.links.append(Link(no, url, image, m.group(2) if image else None))
            d = REF_DEF.match(line)
            if d:
                out.links.append(Link(no, d.group(2)))
        if "<" in line:
            for m in AUTOLINK.finditer(line):
                out.links.append(Link(no, m.group(1)))
            for m in HTML_TAG.finditer(line):
                tag = m.group(1).lower()
                attrs = parse_attrs(m.group(2))
                out.tags.append((no, tag, attrs))
                if "id" in attrs:
                    explicit.add(attrs["id"])
                if tag == "a" and "name" in attrs:
                    explicit.add(attrs["name"])
                for (t, a) in URL_ATTRS:
                    if t == tag and a in attrs:
                        out.links.append(Link(no, attrs[a], tag in IMAGE_TAGS,
                                              attrs.get("alt") if tag == "img" else None, html=True))
        if "{" in line:
            for m in ATTR_LIST.finditer(line):
                out.attr_lists.append((no, m.group(1)))
                for i in ATTR_ID.finditer(" " + m.group(1)):
                    explicit.add(i.group(1))
    # toc: explicit ids are taken as they are; generated slugs get _1, _2 … when already used.
    used = set(explicit)
    for text_ in headings:
        sid = _slug(text_, "-")
        while sid in used or not sid:
            m = re.match(r"^(.*)_([0-9]+)$", sid)
            sid = f"{m.group(1)}_{int(m.group(2)) + 1}" if m else f"{sid}_1"
        used.add(sid)
    out.anchors = used
    return out


# --- The documentation set -------------------------------------------------------------------

def split_lang(rel: str) -> tuple[str, str | None]:
    """``ethics/index.ru.md`` -> (``ethics/index.md``, ``ru``); no suffix -> (rel, None)."""
    m = LANG_SUFFIX.search(rel)
    if not m:
        return rel, None
    return rel[: m.start()] + m.group(2), m.group(1)


@dataclass
class DocSet:
    """Every file of docs/ as the build will see it: hand-written pages read from disk,
    generated pages and data files from the generator (in memory), assets from disk."""

    root: Path
    texts: dict[str, str]  # Markdown path relative to docs/ -> text (hand-written + generated)
    files: set[str]  # every path relative to docs/
    hand_written: list[str]
    pending: dict[str, set[str]] = field(default_factory=dict)  # page -> languages planned
    # What the build's on_page_markdown does to a hand-written page (citations add a
    # "References" heading): anchors are read from its result, links from the source.
    render: Callable[[str, str], str] | None = None
    _scans: dict[str, Scanned] = field(default_factory=dict)
    _anchors: dict[str, set[str]] = field(default_factory=dict)

    def scanned(self, rel: str) -> Scanned:
        if rel not in self._scans:
            self._scans[rel] = scan(self.texts.get(rel, ""))
        return self._scans[rel]

    def anchors(self, rel: str) -> set[str]:
        if rel not in self._anchors:
            if self.render and rel in self._hand:
                lang = split_lang(rel)[1] or DEFAULT_LANG
                self._anchors[rel] = scan(self.render(self.texts[rel], lang)).anchors
            else:
                self._anchors[rel] = self.scanned(rel).anchors
        return self._anchors[rel]

    def __post_init__(self) -> None:
        self._hand = set(self.hand_written)

    def resolve_page(self, base: str, lang: str | None, page_lang: str) -> tuple[str | None, str | None]:
        """(file, language) a page link resolves to for a reader of ``page_lang``."""
        if lang:  # explicit page.ru.md
            rel = _with_lang(base, lang)
            return (rel, lang) if rel in self.files else (None, None)
        for cand_lang in (page_lang, DEFAULT_LANG):
            rel = _with_lang(base, cand_lang)
            if rel in self.files:
                return rel, cand_lang
        if base in self.files:  # a page without language suffix serves every language
            return base, page_lang
        return None, None

    def languages_of(self, base: str) -> list[str]:
        return [lg for lg in LANGS if _with_lang(base, lg) in self.files]


def _with_lang(base: str, lang: str) -> str:
    stem, dot, ext = base.rpartition(".")
    return f"{stem}.{lang}.{ext}" if dot else f"{base}.{lang}"


def load_docset(root: Path, generated: dict[str, str], hand_written: list[Path],
                 pending: dict[str, set[str]] | None = None,
                 render: Callable[[str, str], str] | None = None) -> DocSet:
    docs = root / "docs"
    hand = [p.relative_to(docs).as_posix() for p in hand_written]
    texts = {rel: (docs / rel).read_text(encoding="utf-8") for rel in hand}
    files = set(hand)
    for path in docs.rglob("*"):
        if path.is_file() and path.suffix != ".md":
            files.add(path.relative_to(docs).as_posix())
    for rel, content in generated.items():
        files.add(rel)
        if rel.endswith(".md"):
            texts[rel] = content
    return DocSet(root, texts, files, hand, pending or {}, render)


# --- Checking links --------------------------------------------------------------------------

def check_links(docset: DocSet, sources: dict[str, tuple[Path, str]] | None = None) -> list[Finding]:
    """Check every hand-written page (and extra ``sources``: course language files, each given
    as docs-relative page path -> (source file, text)) for broken links, anchors and images."""
    findings: list[Finding] = []
    docs = docset.root / "docs"
    items = [(rel, docs / rel, docset.texts[rel]) for rel in docset.hand_written]
    items += [(rel, path, text) for rel, (path, text) in (sources or {}).items()]
    for rel, path, text in items:
        if "](" not in text and "<" not in text and "]:" not in text:
            continue  # no link of any kind (most course files): skip the scan
        page_lang = split_lang(rel)[1] or DEFAULT_LANG
        links = scan(text).links if rel in (sources or {}) else docset.scanned(rel).links
        for link in links:
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
            shown = resolved if explicit else _with_lang(base, lang)
            out.append(finding(path, link.line, "LINK-BROKEN", target=url, resolved=shown))
            return out
        if got != lang and not explicit and lang not in docset.pending.get(base, ()):
            # a fallback page; not repeated when the translation is already listed as pending
            out.append(finding(path, link.line, "LINK-OTHER-LANGUAGE", target=url, lang=lang,
                               langs=", ".join(docset.languages_of(base))))
        if anchor:
            anchors = docset.anchors(file)
            if anchor not in anchors:
                out.append(_anchor_finding(path, link, url, anchor, file, got or lang, anchors))
        return out
    exists = resolved in docset.files or (not explicit and any(
        _with_lang(base, lg) in docset.files for lg in (lang, DEFAULT_LANG)))
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
                   lang=lang, suggestion=("#" + guess[0]) if guess else "—")


# --- Navigation and orphan pages -------------------------------------------------------------

class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python/… tags; for reading nav we only need plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_AnyTagLoader.add_multi_constructor("!", _any_tag)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@lru_cache(maxsize=8)
def _read_config(path: Path, mtime: float) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_AnyTagLoader) or {}


def mkdocs_config(root: Path) -> tuple[dict, Path]:
    """mkdocs.yml of the project, merged over its INHERIT parent (nav and not_in_nav are what we
    need). Returns (config, the file that defines nav)."""
    path = root / "mkdocs.yml"
    if not path.exists():
        return {}, path
    config = dict(_read_config(path, path.stat().st_mtime))
    nav_file = path
    parent = config.get("INHERIT")
    if parent:
        ppath = (path.parent / parent).resolve()
        if ppath.exists():
            merged = dict(_read_config(ppath, ppath.stat().st_mtime))
            if "nav" not in config:
                nav_file = ppath
            merged.update(config)
            config = merged
    return config, nav_file


def nav_pages(nav) -> list[str]:
    """Every local .md path in a nav tree."""
    out: list[str] = []
    if isinstance(nav, list):
        for item in nav:
            out += nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            out += nav_pages(value)
    elif isinstance(nav, str) and nav.endswith(".md") and not SCHEME.match(nav):
        out.append(nav)
    return out


def check_nav(docset: DocSet) -> list[Finding]:
    """Hand-written pages in no navigation (warning), nav entries without a page (error)."""
    config, nav_file = mkdocs_config(docset.root)
    if "nav" not in config:
        return []  # MkDocs builds the nav from all pages: nothing can be an orphan
    in_nav = {split_lang(p)[0] for p in nav_pages(config["nav"])}
    patterns = [p.strip() for p in str(config.get("not_in_nav") or "").splitlines() if p.strip()]
    findings: list[Finding] = []
    nav_text = nav_file.read_text(encoding="utf-8").split("\n")
    for page in sorted(in_nav):
        if not any(f in docset.files for f in [page] + [_with_lang(page, lg) for lg in LANGS]):
            line = next((i for i, text in enumerate(nav_text, 1) if page in text), 0)
            findings.append(finding(nav_file, line, "NAV-PAGE-MISSING", page=page))
    docs = docset.root / "docs"
    seen: set[str] = set()
    for rel in docset.hand_written:
        base = split_lang(rel)[0]
        if base in in_nav or base in seen or _ignored(base, patterns):
            continue
        seen.add(base)
        langs = docset.languages_of(base)
        first = _with_lang(base, langs[0]) if langs else rel
        findings.append(finding(docs / first, 1, "PAGE-NOT-IN-NAV", page=base,
                                config=nav_file.name))
    return findings


def _ignored(page: str, patterns: list[str]) -> bool:
    """MkDocs' not_in_nav uses .gitignore patterns; the common forms are enough here."""
    for pat in patterns:
        if pat.startswith("/"):
            pat = pat[1:]
            if fnmatch.fnmatch(page, pat) or fnmatch.fnmatch(page, pat.rstrip("/") + "/*"):
                return True
        elif fnmatch.fnmatch(posixpath.basename(page), pat) or fnmatch.fnmatch(page, "*/" + pat) \
                or fnmatch.fnmatch(page, pat.rstrip("/") + "/*") or fnmatch.fnmatch(page, "*/" + pat.rstrip("/") + "/*"):
            return True
    return False
