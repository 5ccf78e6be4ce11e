"""The one MkDocs plugin of the portal (``plugins: - sosial-is`` in mkdocs.yml).

Everything the build adds to stock MkDocs + Material + mkdocs-static-i18n goes through here, in
this order (event priorities are explicit, so the order of lines in mkdocs.yml does not matter):

- ``on_config``: the project root is the folder of the mkdocs.yml being built; the languages
  must match ``core.languages``; the offline build (``offline: true``) turns off directory URLs
  before static-i18n reads them; strict mode starts counting warnings over all languages;
- ``on_pre_build``: the pipeline (``sosial_is.pipeline``): load, check, generate. Once per change
  of the sources, not once per language: static-i18n's nested builds reuse the state. Errors stop
  the build with the same findings ``scripts/run check`` prints; generated pages are written
  under docs/ (only those that changed);
- ``on_env``: what the templates need (``sosial_is`` in the Jinja globals: search, offline copy);
- per page: citations (Markdown), then on the HTML rel="noopener", glossary definitions and the
  notice of a page shown in another language (``sosial_is.render``); the edit link and the date
  of the last change of its sources;
- ``on_post_template``: one "page not found" page per language;
- ``on_post_build``, after the last language: one search index per language, the Turkmen lunr
  language, the offline build's files, and strict mode's verdict over all languages.

State lives on the plugin instance: a build's state in :class:`BuildState`, and what can be kept
between builds of a long-running ``serve`` (scans of unchanged files, the last pipeline state and
its fingerprint) beside it. Nothing here is a module global.
"""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import pipeline
from ..core import git
from ..core.findings import default_lang, errors, print_findings
from ..locale import format_date, t
from ..markdown.cache import SourceCache
from ..markdown.scanner import keywords, questions
from ..pages.writer import write_pages
from ..project import Project
from ..project.page_sources import last_change, page_sources
from ..render import citations, fallback, glossary_marks, links
from . import i18n, incremental, search_index, theme_env
from .site_config import from_config

log = logging.getLogger("mkdocs.plugins.sosial_is")
HERE = Path(__file__).parent
OFFLINE_SHIM = "assets/offline-worker.js"  # copied from publish/offline_worker.js
OFFLINE_MANIFEST = "offline.json"
ZIP_HREF = "offline/sosial-is-{lang}.zip"


class SosialIsConfig(base.Config):
    """Options of the plugin (mkdocs.yml: ``plugins: - sosial-is: {…}``)."""

    #: Run the source checks before building and stop on errors.
    checks = c.Type(bool, default=True)
    #: One search index per language (Turkmen-aware) instead of static-i18n's mixed one.
    search = c.Type(bool, default=True)
    #: Glossary definitions on the first use of each term on a page.
    glossary_terms = c.Type(bool, default=True)
    #: The file:// build of the offline copy (``scripts/run offline`` sets SOSIAL_IS_OFFLINE).
    offline = c.Type(bool, default=False)


class _WarningCounter(logging.Handler):
    """Counts MkDocs warnings across all language builds: MkDocs' strict mode does not see the
    warnings of static-i18n's nested builds (a broken link in an .en.md page passed --strict)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


@dataclass
class BuildState:
    """What one top-level build (all its languages) knows."""

    project: Project
    state: pipeline.State | None = None
    dates: dict = field(default_factory=dict)
    courses: dict[str, str] = field(default_factory=dict)  # page url -> course code (search keys)
    # page url -> its front matter fields that search weighs (description, keywords)
    search_fields: dict[str, dict[str, str]] = field(default_factory=dict)
    glossary_terms: dict[str, tuple] = field(default_factory=dict)  # language -> glossary_marks.terms_of
    editions: dict[str, str] = field(default_factory=dict)  # page url -> edition (not the current one)
    not_found: dict[str, str] = field(default_factory=dict)  # default language's 404 page
    # Serve only (incremental.py): which pages this build renders, and the navigations.
    decider: incremental.Decider | None = None
    nav: dict[str, Any] = field(default_factory=dict)  # language -> its navigation
    files_by_lang: dict[str, Any] = field(default_factory=dict)  # language -> its files


class SosialIsPlugin(BasePlugin[SosialIsConfig]):
    """Checks, generated pages, per-page rendering and per-language search for the portal."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.build: BuildState | None = None
        # Kept between builds by a long-running serve (mkdocs/serve.py sets it); a one-off build
        # lets the scans go once the pipeline has run, and its memory with them.
        self.scans: SourceCache | None = None
        self.templates = theme_env.CompiledTemplates()  # for every Jinja environment of the process
        self.theme_listings: dict = {}
        self._sources: dict[tuple, list[str]] = {}  # a page's source files, by what names them
        self.incremental: incremental.Incremental | None = None  # serve sets it (on_startup)
        self.file_memo: i18n.FileMemo | None = None  # serve: static-i18n's files (on_startup)
        self._warnings = _WarningCounter()

    # -- configuration ---------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """With this event, MkDocs keeps the plugin instance for every rebuild of ``serve``: the
        caches of unchanged files, rendered pages and compiled templates live that long."""
        if command == "serve":
            self.scans = SourceCache()
            self.incremental = incremental.Incremental()
            self.file_memo = i18n.FileMemo()
            self.file_memo.install()
        else:
            self.scans, self.incremental = None, None

    def on_shutdown(self) -> None:
        if self.file_memo is not None:
            self.file_memo.uninstall()
            self.file_memo = None

    @event_priority(50)  # before static-i18n's on_config (-100), which reads use_directory_urls
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        problem = i18n.check_languages(config)
        if problem:
            raise PluginError(problem)
        theme_env.speed_up(config.theme, self.templates, self.theme_listings,
                           Path(config.config_file_path).parent)
        if not i18n.nested(config):  # a new top-level build (also each rebuild of serve)
            self.build = BuildState(Project(from_config(config)))
            self._warnings.records.clear()
            logging.getLogger("mkdocs").addHandler(self._warnings)
        if self.config.offline:
            config.use_directory_urls = False  # file:// readers need page.html links
            polyfills = config.extra.setdefault("polyfills", [])  # Material's own option
            if OFFLINE_SHIM not in polyfills:
                polyfills.append(OFFLINE_SHIM)
        return config

    # -- sources: check, generate ----------------------------------------------------------------

    def on_pre_build(self, config: MkDocsConfig) -> None:
        build = self._current()
        if self.config.search:
            _no_mixed_index_dump(config)
        if build.state is None:  # once per top-level build: the nested languages reuse it
            build.state = pipeline.run(build.project, self.scans)  # a fresh cache when None
            found = build.state.findings
            if self.config.checks and errors(found):
                print_findings(found, default_lang(), unreadable=build.state.unreadable)
                raise Abort(f"{len(errors(found))} error(s) in the sources; nothing was built. "
                            "Run 'scripts/run check' to see them again.")
            written = write_pages(build.project.docs, build.state.pages)
            if written:
                log.info("generated %d page(s) from curriculum/", len(written))
            build.state.pages = {}  # on disk now; MkDocs reads them from there
            build.dates = git.file_dates(build.project.root)
            if self.incremental is not None:
                memory = self.incremental
                build.decider = incremental.Decider(
                    memory, incremental.build_signature(config, build.project.root),
                    self._page_inputs(config), dirty=memory.built_once)

    @event_priority(-200)  # after static-i18n's on_files (-100), which picks each language's files
    def on_files(self, files: Any, config: MkDocsConfig) -> Any:
        build = self._current()
        if build.decider is not None:
            build.decider.files(files, i18n.current_language(config))
            build.files_by_lang[i18n.current_language(config)] = files
        return files

    @event_priority(-200)  # after static-i18n's on_nav (-100), which translates the navigation
    def on_nav(self, nav: Any, config: MkDocsConfig, files: Any) -> Any:
        self._current().nav[i18n.current_language(config)] = nav
        return nav

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Any) -> jinja2.Environment:
        """Every page has been read and rendered: the templates' data, and each page's edit link,
        last-change date (and, while serving, the cached HTML of unchanged pages)."""
        build = self._current()
        lang = i18n.current_language(config)
        _reset_language_menu(config)
        if build.decider is not None:
            build.decider.restore(files, lang)
        for page in (f.page for f in files.documentation_pages() if f.page is not None):
            self._page_facts(page, config)
        if build.decider is not None:
            entries = _search_entries(config)
            build.decider.templates(files, build.nav.get(lang), [] if entries is None else entries, lang)
        prefixes = i18n.prefixes(config)
        env.globals["sosial_is"] = {
            "lang": lang,
            "search": {
                "default": i18n.default_language(config),
                "all_languages": ({} if self.config.offline else
                                  {lg: t("search_all_languages", lg) for lg in prefixes}),
            } if self.config.search else None,
            "offline": {
                "bundle": self.config.offline, "default": i18n.default_language(config),
                "prefixes": prefixes, "zip_name": ZIP_HREF,
                # The ZIP links themselves are added by publish/offline.py once the ZIPs exist.
                "words": {lg: {"copy": t("offline_copy", lg)} for lg in prefixes},
            },
        }
        return env

    # -- pages -----------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
        build = self._current()
        refs = build.state.curriculum.references if build.state else {}
        return citations.render(markdown, refs, i18n.current_language(config)).markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
        """rel="noopener" on outbound links; glossary definitions on first uses; a page shown
        in another language gets a notice and keeps its real language."""
        html = self._page_html(html, page, config)
        decider = self._current().decider
        if decider is not None:
            decider.rendered(page, html, i18n.current_language(config))
        return html

    def _page_inputs(self, config: MkDocsConfig) -> str:
        """What every page's rendering reads besides its own file: the glossary, the
        bibliography, our options and the site's host (for the incremental build's keys)."""
        cur = self._current().state.curriculum
        return incremental.digest(
            [g.model_dump(mode="json") for g in cur.glossary.values()],
            [r.model_dump(mode="json") for r in cur.references.values()],
            urlsplit(config.site_url or "").hostname or "", self.config.glossary_terms,
            self.config.search, self.config.offline)

    def _page_html(self, html: str, page: Page, config: MkDocsConfig) -> str:
        html = links.add_noopener(html, urlsplit(config.site_url or "").hostname or "")
        lang = i18n.current_language(config)
        source_lang = getattr(page.file, "locale", lang)
        state = self._current().state
        if (self.config.glossary_terms and state is not None
                and page.meta.get("source_path") != "curriculum/glossary.yml"):
            terms = self._current().glossary_terms.get(source_lang)
            if terms is None:
                terms = self._current().glossary_terms[source_lang] = glossary_marks.terms_of(
                    tuple(state.curriculum.glossary.values()), source_lang)
            html = glossary_marks.mark_first_uses(html, terms, source_lang)
        if source_lang == lang:
            return html
        page.meta["fallback_from"] = source_lang
        versions = _versions(page, config)
        # for the template: assets/fallback.js follows the reader's fallback order with these
        page.meta["fallback_versions"] = {lg: href for lg, (_, href) in versions.items()}
        return fallback.wrap(html, lang, source_lang, versions, _language_names(config))

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        decider = self._current().decider
        entries = _search_entries(config)
        if decider is not None and entries is not None:  # Material indexed the page: to its place
            decider.page_done(page, entries, i18n.current_language(config))
        return output

    def _page_facts(self, page: Page, config: MkDocsConfig) -> None:
        """The page's edit link (a generated page is edited at its source in curriculum/, a
        folder is browsed), the date of its sources' last change, and its course (search)."""
        build = self._current()
        memo_key = (str(page.meta.get("source_path")), str(page.meta.get("course")),
                    str(page.meta.get("facts_path")), page.file.abs_src_path, str(build.project.root))
        sources = self._sources.get(memo_key)
        if sources is None:
            sources = self._sources[memo_key] = page_sources(page.meta, page.file.abs_src_path,
                                                             build.project.root)
        if page.meta.get("frozen"):  # an archived edition's page: nothing to edit
            page.edit_url = None
        elif page.meta.get("source_path") and config.repo_url and config.edit_uri:
            action = "tree" if sources[0].endswith("/") else "edit"
            page.edit_url = f"{config.repo_url.rstrip('/')}/{action}/main/{sources[0]}"
        day = last_change(build.dates, sources)
        if day:  # shown by overrides/partials/source-file.html
            page.meta["revision_date"] = format_date(day, i18n.current_language(config))
            page.meta["revision_date_iso"] = day.isoformat()
        if page.meta.get("course"):
            build.courses[page.url] = str(page.meta["course"])
        fields = {"description": str(page.meta.get("description") or "").strip(),
                  "keywords": " · ".join(keywords(page.meta.get("keywords"))),
                  "questions": " · ".join(questions(page.meta.get("questions")))}
        if any(fields.values()):
            build.search_fields[page.url] = {k: v for k, v in fields.items() if v}
        if page.meta.get("edition"):  # searched only when asked (docs/assets/search-worker.js)
            build.editions[page.url] = str(page.meta["edition"])

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """One "page not found" page per language: static-i18n writes every language's 404.html
        to the same /404.html; keep the default language's there and each other one under its
        own folder (nginx serves /ru/404.html for missing pages under /ru/)."""
        if template_name != "404.html":
            return output
        build = self._current()
        lang, default = i18n.current_language(config), i18n.default_language(config)
        if lang == default:
            build.not_found[config.site_dir] = output
            return output
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return build.not_found.get(config.site_dir, output)

    # -- after the last language -----------------------------------------------------------------

    @event_priority(-200)  # after static-i18n's on_post_build (-100), which runs the other languages
    def on_post_build(self, config: MkDocsConfig) -> None:
        build = self._current()
        if build.decider is not None:  # the files this language build made (static-i18n's
            # current_language is the last language built by the time the top build ends)
            lang = i18n.current_language(config) if i18n.nested(config) else i18n.default_language(config)
            build.decider.language_done(build.files_by_lang.get(lang, []), lang)
        if i18n.nested(config):
            return
        if build.decider is not None:
            self.incremental.built_once = True
            log.info("incremental build: %d page(s) rendered, %d kept",
                     build.decider.rendered_pages, build.decider.kept_pages)
        site = Path(config.site_dir)
        if self.config.search and (site / "search" / "search_index.json").exists():
            (site / "search" / "lunr.tk.js").write_text(search_index.lunr_tk_source(), encoding="utf-8")
            problems: list = []
            result = search_index.split_site_index(site, i18n.prefixes(config),
                                                   i18n.default_language(config),
                                                   dict(self._current().courses),
                                                   entries=_search_entries(config),
                                                   editions=dict(self._current().editions),
                                                   search_fields=dict(build.search_fields),
                                                   keep_caches=build.decider is not None,
                                                   memo=self.incremental.search if build.decider else None,
                                                   synonyms=_search_synonyms(build),
                                                   problems=problems)
            log.info("search index bytes: %s", "; ".join(f"{k} {v}" for k, v in result.items()))
            if self.config.checks and errors(problems):
                print_findings(problems, default_lang())
                raise Abort(f"{len(errors(problems))} error(s) in the search synonyms; the build "
                            "failed. Fix them and build again.")
        if self.config.offline:
            self._write_offline_files(config, site)
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        if config.strict and self._warnings.records:
            raise Abort(f"Aborted with {len(self._warnings.records)} warning(s) in strict mode "
                        "(counted over all languages).")

    def on_build_error(self, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self._warnings)
        build = self.build
        if self.incremental is not None and build is not None and build.files_by_lang:
            # Failed after pages were decided or written: what the preview folder holds is no
            # longer known, so the next build starts clean. (A failure of the checks stops the
            # build before that, and the next build stays incremental.)
            self.incremental = incremental.Incremental()

    # -- helpers ---------------------------------------------------------------------------------

    def _current(self) -> BuildState:
        if self.build is None:
            raise PluginError("sosial-is: on_config has not run")
        return self.build

    def _write_offline_files(self, config: MkDocsConfig, site: Path) -> None:
        import json
        shim = site / OFFLINE_SHIM
        shim.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(HERE.parent / "publish" / "offline_worker.js", shim)
        manifest = {"site_url": config.site_url or "", "default": i18n.default_language(config),
                    "prefixes": i18n.prefixes(config)}
        (site / OFFLINE_MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def _language_names(config: MkDocsConfig) -> dict[str, str]:
    """Each built language's name as the language menu shows it (static-i18n's ``name``)."""
    p = i18n.plugin(config)
    names = {lang.locale: lang.name for lang in p.config.languages} if p is not None else {}
    return {lang: names.get(lang) or lang for lang in i18n.build_languages(config)}


def _versions(page: Page, config: MkDocsConfig) -> dict[str, tuple[str, str]]:
    """The languages ``page`` exists in (static-i18n's alternates whose file is in that language,
    not its fallback), in the site's order: ``{lang: (name, href relative to the page)}``."""
    alternates = getattr(page.file, "alternates", None) or {}
    names = _language_names(config)
    return {lang: (names[lang], get_relative_url(alternates[lang].url or ".", page.url))
            for lang in names
            if lang in alternates and getattr(alternates[lang], "locale", None) == lang}


def _search_synonyms(build: BuildState) -> dict[str, tuple[search_index.Synonym, ...]]:
    """curriculum/search-synonyms.yml per language, with the file and line of each entry."""
    if build.state is None:
        return {}
    cur = build.state.curriculum
    return {lang: tuple(search_index.Synonym(tuple(e.reader), e.site,
                                             *cur.where[("search-synonym", f"{lang}/{i}")])
                        for i, e in enumerate(entries))
            for lang, entries in cur.search_synonyms.items() if entries}


def _search_entries(config: MkDocsConfig) -> list[dict] | None:
    """The documents of the mixed search index as Material's search plugin holds them (what it
    has just written to search/search_index.json), or None to read the file."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    entries = getattr(index, "entries", None)
    return entries if isinstance(entries, list) else None


def _no_mixed_index_dump(config: MkDocsConfig) -> None:
    """Material's search plugin serializes every entry it holds into search/search_index.json
    (static-i18n has it do so once more with every language's entries); our on_post_build reads
    the entries from memory and writes that file and the per-language ones itself. Serializing
    them first cost 0.6 s of every rebuild at ten times today's size (55 MB of JSON), so the
    search index this build's Material plugin holds writes an empty index instead."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is not None and _search_entries(config) is not None:
        index.generate_search_index = lambda prev: '{"config":{},"docs":[]}'


def _reset_language_menu(config: MkDocsConfig) -> None:
    """static-i18n points the language menu at each page's translations by rewriting
    ``config.extra.alternate`` page by page, and never puts it back: the 404 page, rendered before
    the pages of the next language, linked to the last page of the previous one. Before a
    language's templates render, the menu points at each language's home again."""
    plugin = i18n.plugin(config)
    base = getattr(plugin, "extra_alternate", None)
    if base:
        import copy
        config.extra.alternate = copy.deepcopy(base)
