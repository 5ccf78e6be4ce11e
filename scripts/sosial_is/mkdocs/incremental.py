"""Incremental rebuilds for the preview (``serve.py``): a saved edit re-renders only the pages it
touches, and the result equals a clean build (tests/build/test_serve.py checks that).

MkDocs rebuilds every page of every language on a change (static-i18n: three times), and cleans
the output folder first. Its "dirty" mode skips pages whose source is older than their output,
but knows nothing of what else a page is made of (the navigation's titles, the glossary, the
pages a link points to), so its output is not a clean build's. This module decides instead,
per page and language, from keys of everything a page's result depends on, and tells MkDocs
through the same mechanism (each file's ``is_modified``):

1. **Render** (Markdown to HTML and our per-page HTML steps): keyed by the page's source bytes,
   its file and URL, the set of files of its language build (link targets), the glossary and
   bibliography, and the build (configuration files, templates, environment, git HEAD). A page
   whose key is unchanged is not read or rendered: its rendered state is restored from the last
   build (content, table of contents, title, anchors, metadata).
2. **Template** (Material's ``main.html``): keyed by the render key and everything else the
   template shows: the whole navigation (every entry's title and URL), the previous and next
   pages, the page's other languages, its edit link and last-change date. A page whose key is
   unchanged keeps the HTML file the last build wrote.
3. **Search**: Material indexes only the pages it renders; the entries of the others are taken
   from the last build and put back in page order, so the index is a clean build's.

Files a build no longer makes (a deleted page) are removed at its end.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def digest(*parts: Any) -> str:
    """A stable hash of ``parts``: strings as they are, anything else as sorted JSON."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, str) else json.dumps(part, sort_keys=True, default=repr,
                                                             ensure_ascii=False)
        h.update(data.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def nav_data(items: Any) -> list:
    """The navigation as plain data: every entry's title and URL, sections with children."""
    return [[type(item).__name__, getattr(item, "title", None), getattr(item, "url", None),
             nav_data(getattr(item, "children", None))] for item in items or []]


@dataclass
class PageRecord:
    """A page of one language as the last build left it."""

    render_key: str = ""
    template_key: str = ""
    meta: dict = field(default_factory=dict)
    content: str = ""
    toc: Any = None
    title: str | None = None
    anchors: set[str] | None = None
    links: dict[str, dict[str, str]] | None = None  # target src_uri -> {anchor: link}
    entries: list[dict] = field(default_factory=list)  # Material's search entries


@dataclass
class Incremental:
    """What a serve process remembers between builds (kept by the plugin instance)."""

    records: dict[tuple[str, str], PageRecord] = field(default_factory=dict)
    outputs: dict[str, set[str]] = field(default_factory=dict)  # language -> files written
    stats: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # path -> size, mtime, hash
    built_once: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # the last build's rendered/skipped pages
    search: dict = field(default_factory=dict)  # language -> its last search index (search_index.py)


@dataclass
class LanguageBuild:
    """One language build's bookkeeping."""

    files_key: str = ""
    render_keys: dict[str, str] = field(default_factory=dict)  # src_uri -> render key
    restored: set[str] = field(default_factory=set)  # src_uris not rendered this time
    slots: dict[str, int] = field(default_factory=dict)  # src_uri -> where its entries go
    placed: set[str] = field(default_factory=set)  # rendered pages whose entries are in place
    mark: int = 0  # Material's entry count before the page being built


def build_signature(config: Any, root: Path) -> str:
    """What every page depends on: configuration files, SOSIAL_IS_* variables, theme overrides,
    the site URL, directory URLs and the git HEAD (the last-change dates)."""
    from ..core import git
    parts: list = [str(config.site_url), config.use_directory_urls, git.head(root) or ""]
    config_file = Path(config.config_file_path)
    for path in [config_file, *_inherited(config_file)]:
        parts.append(path.read_text(encoding="utf-8") if path.exists() else "")
    parts.append({k: v for k, v in os.environ.items() if k.startswith("SOSIAL_IS_")})
    overrides = root / "overrides"
    for path in sorted(overrides.rglob("*")) if overrides.is_dir() else []:
        if path.is_file():
            stat = path.stat()
            parts.append([path.relative_to(overrides).as_posix(), stat.st_size, stat.st_mtime_ns])
    return digest(*parts)


def _inherited(config_file: Path) -> list[Path]:
    text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
    m = re.search(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(#.*)?$", text, re.M)
    return [(config_file.parent / m.group(1)).resolve()] if m else []


class Decider:
    """One top-level build's half (all its languages): decides and restores, event by event
    (called from plugin.py with the language being built)."""

    def __init__(self, memory: Incremental, signature: str, inputs: str, dirty: bool) -> None:
        self.memory = memory
        self.signature = signature
        self.inputs = inputs  # glossary, bibliography, site host: what our page steps read
        self.dirty = dirty
        self.builds: dict[str, LanguageBuild] = {}
        self.rendered_pages = 0
        self.kept_pages = 0

    # -- on_files: which pages must be rendered ---------------------------------------------------

    def files(self, files: Any, lang: str) -> None:
        build = self.builds[lang] = LanguageBuild(files_key=digest(sorted(
            (f.src_uri, f.dest_uri, f.url) for f in files)))
        for file in files.documentation_pages():
            key = digest("render", self.signature, self.inputs, lang, build.files_key,
                         file.src_uri, file.dest_uri, file.url, getattr(file, "locale", None) or "",
                         self._source_hash(file.abs_src_path))
            build.render_keys[file.src_uri] = key
            record = self.memory.records.get((lang, file.src_uri))
            unchanged = (self.dirty and record is not None and record.render_key == key
                         and os.path.exists(file.abs_dest_path))
            if unchanged:
                build.restored.add(file.src_uri)
            file.is_modified = (lambda: False) if unchanged else (lambda: True)

    def _source_hash(self, path: str | None) -> str:
        if not path:
            return ""
        try:
            stat = os.stat(path)
        except OSError:
            return ""
        known = self.memory.stats.get(path)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        with open(path, "rb") as fh:
            value = hashlib.sha256(fh.read()).hexdigest()
        self.memory.stats[path] = (stat.st_size, stat.st_mtime_ns, value)
        return value

    # -- on_page_content: keep what a rendered page became ----------------------------------------

    def rendered(self, page: Any, content: str, lang: str) -> None:
        src = page.file.src_uri
        record = self.memory.records.setdefault((lang, src), PageRecord())
        links = getattr(page, "links_to_anchors", None)
        record.render_key = self.builds[lang].render_keys.get(src, "")
        record.meta = dict(page.meta)
        record.content = content
        record.toc = page.toc
        record.title = getattr(page, "_title_from_render", None)
        record.anchors = set(page.present_anchor_ids) if page.present_anchor_ids is not None else None
        record.links = {f.src_uri: dict(a) for f, a in links.items()} if links else None

    # -- on_env: restore the pages not rendered, decide which templates to render ----------------

    def restore(self, files: Any, lang: str) -> None:
        """Every page not rendered this time gets its rendered state from the last build."""
        build = self.builds[lang]
        for file in files.documentation_pages():
            if file.src_uri not in build.restored or file.page is None:
                continue
            page, record = file.page, self.memory.records[(lang, file.src_uri)]
            page.markdown = ""  # read (Page.title looks at it), though not from disk this time
            page.meta = dict(record.meta)
            page.content = record.content
            page.toc = record.toc
            page._title_from_render = record.title
            page.present_anchor_ids = set(record.anchors) if record.anchors is not None else None
            links = {}
            for src_uri, anchors in (record.links or {}).items():
                target = files.get_file_from_path(src_uri)
                if target is not None:
                    links[target] = dict(anchors)
            page.links_to_anchors = links

    def templates(self, files: Any, nav: Any, entries: list, lang: str) -> None:
        """Decide each page's template (after its edit link and date are set), and lay out the
        search entries: the kept pages' entries in page order, a slot for each page rendered."""
        build = self.builds[lang]
        nav_key = digest(nav_data(getattr(nav, "items", None)))
        entries.clear()
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            record = self.memory.records.setdefault((lang, file.src_uri), PageRecord())
            key = digest("template", build.render_keys.get(file.src_uri, ""), nav_key,
                         page.url, page.canonical_url, page.edit_url, page.title, page.is_homepage,
                         page.meta, [[getattr(p, "title", None), getattr(p, "url", None)]
                                     for p in (page.previous_page, page.next_page)],
                         {k: getattr(v, "url", None)
                          for k, v in (getattr(file, "alternates", None) or {}).items()})
            keep = file.src_uri in build.restored and record.template_key == key
            record.template_key = key
            if keep:
                self.kept_pages += 1
                entries.extend(dict(e) for e in record.entries)
            else:
                self.rendered_pages += 1
                file.is_modified = lambda: True
                build.slots[file.src_uri] = len(entries)
        build.mark = len(entries)

    # -- on_post_page: a rendered page's search entries into its slot ---------------------------

    def page_done(self, page: Any, entries: list, lang: str) -> None:
        """Material has just indexed ``page`` (its entries are at the end): move them to the
        page's place; pages rendered later, placed after it, move along."""
        build = self.builds[lang]
        src = page.file.src_uri
        if src not in build.slots:
            return
        new = entries[build.mark:]
        del entries[build.mark:]
        slot = build.slots[src]
        entries[slot:slot] = new
        build.placed.add(src)
        for other, position in build.slots.items():
            if other not in build.placed and position >= slot:
                build.slots[other] = position + len(new)
        build.mark = len(entries)
        self.memory.records[(lang, src)].entries = [dict(e) for e in new]

    # -- after a language: remember what it wrote; remove what it no longer makes ----------------

    def language_done(self, files: Any, lang: str) -> None:
        written = {f.abs_dest_path for f in files}
        for path in self.memory.outputs.get(lang, set()) - written:
            with contextlib.suppress(OSError):
                os.remove(path)
        self.memory.outputs[lang] = written
