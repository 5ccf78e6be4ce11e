"""Thin MkDocs glue (listed under ``hooks:`` in mkdocs.yml); the logic lives in importable modules.

static-i18n builds the site once per language, so every event here runs three times: the source
checks are cached (``project.check_project``) and page generation only writes changed files.
"""
from __future__ import annotations

import html
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path; make our package importable
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402

from scripts import citations, generate, glossary_terms, lastchange, safety  # noqa: E402
from scripts.project import check_project  # noqa: E402
from scripts.report import default_lang, errors, print_findings  # noqa: E402
from scripts.ui import t  # noqa: E402

log = logging.getLogger("mkdocs.hooks.sosial_is")
_state: dict = {}


class _WarningCounter(logging.Handler):
    """Counts MkDocs warnings across all language builds.

    static-i18n builds ru and en from inside the tk build's on_post_build, and MkDocs' strict
    mode does not see the warnings of those nested builds (a broken link in an .en.md page
    passed --strict). We count them ourselves and fail after the last language.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


_warnings = _WarningCounter()


def _language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or config.theme.get("language", "tk")


def _default_language(config) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "default_language", None) or "tk"


def _root() -> Path:
    return _state.get("root", ROOT)


def on_config(config):
    # The project root is the folder of mkdocs.yml (tests build fixture projects elsewhere).
    _state["root"] = Path(config.config_file_path).resolve().parent
    plugin = config.plugins.get("i18n")
    if _language(config) == _default_language(config) and not getattr(plugin, "building", False):
        _warnings.records.clear()  # a new top-level build (also each `mkdocs serve` rebuild)
        logging.getLogger("mkdocs").addHandler(_warnings)
    return config


def on_pre_build(config) -> None:
    checked = check_project(_root())
    if errors(checked.findings):
        if not _state.get("reported"):
            print_findings(checked.findings, default_lang())
        _state["reported"] = True
        raise Abort(f"{len(errors(checked.findings))} error(s) in the sources; nothing was built. "
                    "Run 'scripts/run check' to see them again.")
    _state["reported"] = False
    if _state.get("generated_from") is not checked:  # once per change, not once per language
        pages = generate.all_pages(checked.curriculum, _root(), config.site_url or "")
        written = generate.write_pages(Path(config.docs_dir), pages)
        _state["generated_from"] = checked
        if written:
            log.info("generated %d page(s) from curriculum/", len(written))
    _state["dates"] = lastchange.dates(_root())  # git dates of every file, cached per HEAD


def on_page_markdown(markdown: str, page, config, files) -> str:
    cur = check_project(_root()).curriculum
    return citations.render(markdown, cur.references, _language(config)).markdown


def on_page_content(content: str, page, config, files) -> str:
    """A page missing in this language: say so, and mark the fallback text's real language.
    Links leaving the site get rel="noopener" (safety.add_noopener; Markdown/Material add none)."""
    from urllib.parse import urlsplit
    content = safety.add_noopener(content, urlsplit(config.site_url or "").hostname or "")
    lang = _language(config)
    source_lang = getattr(page.file, "locale", lang)
    if page.meta.get("source_path") != "curriculum/glossary.yml":  # not on the glossary itself
        glossary = tuple(check_project(_root()).curriculum.glossary.values())
        content = glossary_terms.mark_first_uses(content, glossary, source_lang)
    if source_lang == lang:
        return content
    notice = html.escape(t("fallback_notice", lang))
    page.meta["fallback_from"] = source_lang
    return (f'<div class="admonition warning si-fallback" role="note"><p>{notice}</p></div>'
            f'<div lang="{source_lang}" class="si-fallback-content">{content}</div>')


def on_page_context(context, page, config, nav):
    sources = lastchange.page_sources(page.meta, page.file.abs_src_path, _root())
    if page.meta.get("source_path") and config.repo_url and config.edit_uri:
        # A generated page is edited at its source in curriculum/ (a folder is browsed instead).
        action = "tree" if sources[0].endswith("/") else "edit"
        page.edit_url = f"{config.repo_url.rstrip('/')}/{action}/main/{sources[0]}"
    day = lastchange.last_change(_state.get("dates", {}), sources)
    if day:  # shown by overrides/partials/source-file.html
        page.meta["revision_date"] = lastchange.format_date(day, _language(config))
        page.meta["revision_date_iso"] = day.isoformat()
    return context


def on_post_build(config) -> None:
    plugin = config.plugins.get("i18n")
    languages = list(getattr(plugin, "build_languages", []) or [_language(config)])
    if _language(config) != languages[-1]:
        return
    logging.getLogger("mkdocs").removeHandler(_warnings)
    if config.strict and _warnings.records:
        raise Abort(f"Aborted with {len(_warnings.records)} warning(s) in strict mode "
                    "(counted over all languages).")
