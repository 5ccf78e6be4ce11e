"""What the plugin asks mkdocs-static-i18n: which language is being built, which is the default,
which are built, whether this is one of its nested builds.

static-i18n builds the default language first and then, from inside that build's
``on_post_build``, each other language with the same configuration object: every MkDocs event
runs once per language, and ``building`` is true during the nested builds.
"""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..core.languages import LANG_PREFIX, SOURCE_LANG


def plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def current_language(config: MkDocsConfig) -> str:
    p = plugin(config)
    return getattr(p, "current_language", None) or config.theme.get("language") or SOURCE_LANG


def default_language(config: MkDocsConfig) -> str:
    p = plugin(config)
    return getattr(p, "default_language", None) or config.theme.get("language") or SOURCE_LANG


def build_languages(config: MkDocsConfig) -> list[str]:
    p = plugin(config)
    return list(getattr(p, "build_languages", None) or [current_language(config)])


def prefixes(config: MkDocsConfig) -> dict[str, str]:
    """Language -> its path prefix in the built site ("" for the default language)."""
    default = default_language(config)
    return {lang: "" if lang == default else f"{lang}/" for lang in build_languages(config)}


def nested(config: MkDocsConfig) -> bool:
    """True inside one of static-i18n's builds of a non-default language."""
    return bool(getattr(plugin(config), "building", False))


def check_languages(config: MkDocsConfig) -> str | None:
    """A message when mkdocs.yml's languages differ from the package's (``core.languages``)."""
    built = prefixes(config)
    if plugin(config) is None:
        return None  # a single-language build (tests' minimal projects)
    if built != LANG_PREFIX or default_language(config) != SOURCE_LANG:
        return (f"mkdocs.yml builds {sorted(built)} with default {default_language(config)!r}; "
                f"the package knows {sorted(LANG_PREFIX)} with default {SOURCE_LANG!r} "
                "(scripts/sosial_is/core/languages.py): change both together")
    return None
