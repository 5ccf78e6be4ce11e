"""MkDocs hook (listed under ``hooks:`` in mkdocs.yml): per-language search on Material's UI.

- ``on_config``: tells the templates that our search is active (``config.extra.si_search``:
  overrides/partials/si-search.html then loads docs/assets/search.js before Material's bundle);
- ``on_page_context``: remembers which page is which course (front matter ``course:``);
- ``on_post_build``, after static-i18n has built every language and written the mixed index:
  splits it per language (scripts/search/index.py) and writes our Turkmen lunr language
  (scripts/search/lunr_tk.js with the rules of scripts/search/turkmen.py) to search/lunr.tk.js.

static-i18n runs the build once per language, so these events run three times; the post-build
work is done once, when static-i18n reports that it is no longer building.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path; make our package importable
    sys.path.insert(0, str(ROOT))

from mkdocs.plugins import event_priority  # noqa: E402

from scripts.search import index, turkmen  # noqa: E402
from scripts.ui import t  # noqa: E402

log = logging.getLogger("mkdocs.hooks.sosial_is.search")
LUNR_TK = Path(__file__).with_name("lunr_tk.js")
_courses: dict[str, str] = {}


def _i18n(config):
    return config.plugins.get("i18n")


def _languages(config) -> tuple[dict[str, str], str]:
    """Language → location prefix ("" for the default), and the default language."""
    plugin = _i18n(config)
    if plugin is None:
        lang = config.theme.get("language", "en")
        return {lang: ""}, lang
    default = plugin.default_language
    prefixes = {}
    for lang in plugin.build_languages:
        prefixes[lang] = "" if lang == default else f"{lang}/"
    return prefixes, default


def on_config(config):
    prefixes, default = _languages(config)
    config.extra["si_search"] = {
        "default": default,
        "all_languages": {lang: t("search_all_languages", lang) for lang in prefixes},
    }
    return config


def on_page_context(context, page, config, nav):
    course = page.meta.get("course")
    if course:
        _courses[page.url] = str(course)
    return context


def lunr_tk_source() -> str:
    return LUNR_TK.read_text(encoding="utf-8").replace("/*RULES*/null", turkmen.rules_json(), 1)


@event_priority(-200)  # after static-i18n's on_post_build (-100), which writes the mixed index
def on_post_build(config) -> None:
    plugin = _i18n(config)
    if plugin is not None and getattr(plugin, "building", False):
        return  # one language of several: the mixed index is not complete yet
    site = Path(config.site_dir)
    if not (site / "search" / "search_index.json").exists():
        return
    prefixes, default = _languages(config)
    (site / "search" / "lunr.tk.js").write_text(lunr_tk_source(), encoding="utf-8")
    result = index.split_site_index(site, prefixes, default, dict(_courses))
    before = result["mixed-before"]
    log.info("search index bytes (raw/gzip): mixed as written %d/%d; %s", before.raw, before.gzip,
             "; ".join(f"{k} {v.raw}/{v.gzip}" for k, v in result.items() if k != "mixed-before"))
