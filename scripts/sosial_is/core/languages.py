"""The portal's languages: the one place in Python that lists them.

Turkmen is the source language and the default (served at ``/``); Russian and English are
served under ``/ru/`` and ``/en/``. mkdocs.yml configures the same languages for
mkdocs-static-i18n; the plugin refuses to build when the two disagree (``mkdocs/plugin.py``).
A page's language is the suffix of its file name (``ethics/index.ru.md``), as static-i18n's
suffix layout has it.
"""
from __future__ import annotations

import re

LANGS: tuple[str, ...] = ("tk", "ru", "en")
SOURCE_LANG = "tk"  # the language translations are made from, and the default of the site
TRANSLATED_LANGS: tuple[str, ...] = tuple(lang for lang in LANGS if lang != SOURCE_LANG)
#: Where each language lives in the built site ("" for the default language).
LANG_PREFIX: dict[str, str] = {lang: "" if lang == SOURCE_LANG else f"{lang}/" for lang in LANGS}

_SUFFIX = re.compile(r"\.(" + "|".join(LANGS) + r")(\.[^./]+)$")


def split_lang(rel: str) -> tuple[str, str | None]:
    """``ethics/index.ru.md`` -> (``ethics/index.md``, ``ru``); no suffix -> (rel, None)."""
    m = _SUFFIX.search(rel)
    if not m:
        return rel, None
    return rel[: m.start()] + m.group(2), m.group(1)


def with_lang(base: str, lang: str) -> str:
    """``ethics/index.md`` -> ``ethics/index.ru.md``."""
    stem, dot, ext = base.rpartition(".")
    return f"{stem}.{lang}.{ext}" if dot else f"{base}.{lang}"


def language_of_location(location: str, prefixes: dict[str, str], default: str) -> str:
    """The language of a site path (``ru/ethics/`` -> ``ru``) from the languages' prefixes."""
    for lang, prefix in prefixes.items():
        if prefix and location.startswith(prefix):
            return lang
    return default
