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


class FileMemo:
    """static-i18n's per-language copies of every file, remembered by a long-running ``serve``.

    On every build static-i18n makes a new File for each file in each language, twice over (the
    files, then each file's alternates): at ten times the portal's size that was about half of
    a rebuild after a one-line edit (5 of 11 s in the profile, mostly pathlib). What it makes
    depends only on the arguments named in the key below, so a rebuild copies the File it made
    last time, and each copy gets its own ``alternates`` (static-i18n fills that dict in later).
    Why a wrapper: static-i18n has no hook for it. The wrapper keeps the function's signature
    and result; ``tests/build/test_serve.py`` checks that rebuilds equal a clean build."""

    def __init__(self) -> None:
        self.made: dict[tuple, tuple[type, dict[str, Any]]] = {}
        self._original: Any = None

    def install(self) -> None:
        from mkdocs_static_i18n import suffix
        original = self._original = getattr(suffix.create_i18n_file, "__wrapped__", suffix.create_i18n_file)
        made = self.made

        def create_i18n_file(file: Any, current_language: str, default_language: str,
                             all_languages: list, config: MkDocsConfig) -> Any:
            key = (file.src_path, file.dest_path, file.dest_uri, file.inclusion, current_language,
                   default_language, tuple(all_languages), config.docs_dir, config.site_dir,
                   config.use_directory_urls)
            known = made.get(key)
            if known is None:
                new = original(file, current_language, default_language, all_languages, config)
                made[key] = (type(new), {k: v for k, v in vars(new).items() if k != "alternates"})
                return new
            cls, state = known
            new = object.__new__(cls)
            vars(new).update(state)
            new.alternates = {current_language: new}
            return new

        create_i18n_file.__wrapped__ = original  # type: ignore[attr-defined]
        suffix.create_i18n_file = create_i18n_file

    def uninstall(self) -> None:
        from mkdocs_static_i18n import suffix
        if self._original is not None:
            suffix.create_i18n_file = self._original
        self.made.clear()
