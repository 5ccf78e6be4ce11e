"""Every translated string of the package, in Turkmen, Russian and English.

Two catalogues, both complete in all three languages (tests/unit/test_locale.py):

- ``ui.yml``: words of the generated pages, notices and commands, read with :func:`t`;
- ``messages.yml``: the checks' findings, code -> severity and, per language, a message and a
  fix-it hint (read by ``core.findings``), plus ``_words`` used when printing findings.

Nothing else in the package holds prose in a language: a string a reader or contributor sees
comes from here. This package imports nothing from the rest of ``sosial_is``.
"""
from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
UI_FILE = HERE / "ui.yml"
MESSAGES_FILE = HERE / "messages.yml"


def _load(path: Path) -> dict:
    # The C loader when PyYAML has it: these files are read at every start of a command.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


@cache
def strings() -> dict[str, dict[str, str]]:
    """The UI catalogue: key -> {tk, ru, en}."""
    return _load(UI_FILE)


@cache
def messages() -> dict[str, dict]:
    """The message catalogue: code -> {severity, tk: {message, hint}, ru: …, en: …}."""
    return _load(MESSAGES_FILE)


def t(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` with ``{placeholders}`` filled; a number ``n`` also
    fills ``{n_ord}``, the number as an ordinal (:func:`ordinal`)."""
    text = strings()[key][lang]
    if isinstance(values.get("n"), int):
        values.setdefault("n_ord", ordinal(values["n"], lang))  # type: ignore[arg-type]
    return text.format(**values) if values else text


# Turkmen ordinals written with digits take -nji or -njy by the vowel harmony of the number's
# last word: 6 alty, 9 dokuz, 10 on, 30 otuz, 40 kyrk, 60 altmyş, 90 togsan are back-vowel words.
_TK_BACK_UNITS = {6, 9}
_TK_BACK_TENS = {1, 3, 4, 6, 9}


def ordinal(n: int, lang: str) -> str:
    """``n`` as an ordinal written with digits: 1-nji, 6-njy, 10-njy (tk), 1st (en); in Russian
    the number itself (its ending would depend on the noun's gender and case)."""
    if lang == "tk":
        if n % 10:
            back = n % 10 in _TK_BACK_UNITS
        elif n % 100:
            back = (n // 10) % 10 in _TK_BACK_TENS
        else:
            back = False  # ýüz, müň
        return f"{n}-{'njy' if back else 'nji'}"
    if lang == "ru":
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def word(key: str, lang: str) -> str:
    """A word used when printing findings (``warning``, ``summary``), English if missing."""
    words = messages().get("_words", {})
    return (words.get(lang) or words["en"]).get(key, key)


#: How a date is written in each language (CLDR patterns): numeric in tk and ru as usual there.
DATE_PATTERNS = {"tk": "dd.MM.yyyy", "ru": "dd.MM.yyyy", "en": "d MMMM yyyy"}


def format_date(day: date, lang: str) -> str:
    """``day`` as the language writes it (Babel, CLDR data): 25.11.2025 / 25 November 2025."""
    from babel.dates import format_date as babel_format_date
    return babel_format_date(day, DATE_PATTERNS.get(lang, "yyyy-MM-dd"), locale=lang)


def megabytes(size: int, lang: str) -> str:
    """A size in bytes as megabytes with one decimal, as the language writes it: 1,5 (tk, ru),
    1.5 (en); at least 0.1."""
    from babel.numbers import format_decimal
    return format_decimal(max(size / 1e6, 0.1), "0.0", locale=lang)
