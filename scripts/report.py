"""Findings of the checks and how they are printed.

A finding is a value: (path, line, code, params, severity). Its message and fix-it hint come from
one catalogue, ``scripts/locale/messages.yml``, in tk, ru and en, so every check can speak the
contributor's language. Printed as ``path:line: CODE message — hint`` (sorted), and additionally
as GitHub annotations (``::error file=…,line=…::``) when running in GitHub Actions.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal

import yaml

LANGS = ("tk", "ru", "en")
CATALOGUE = Path(__file__).parent / "locale" / "messages.yml"
Severity = Literal["error", "warning"]


class _Default(dict):
    """Leave unknown placeholders visible instead of crashing on a catalogue typo."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict]:
    """The message catalogue: code -> {severity, tk: {message, hint}, ru: …, en: …}."""
    with CATALOGUE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one source file, at one line (1-based; 0 when the whole file is meant)."""

    path: str
    line: int
    code: str
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def severity(self) -> Severity:
        return catalogue().get(self.code, {}).get("severity", "error")

    def text(self, lang: str = "en") -> tuple[str, str]:
        """(message, hint) in ``lang``; falls back to English for an unknown language."""
        entry = catalogue().get(self.code)
        if entry is None:
            return (f"{self.code} {dict(self.params)}", "")
        loc = entry.get(lang) or entry["en"]
        values = _Default({k: v for k, v in self.params})
        return loc["message"].format_map(values), loc.get("hint", "").format_map(values)

    def format(self, lang: str = "en") -> str:
        message, hint = self.text(lang)
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}:1"
        prefix = "" if self.severity == "error" else f"{_word('warning', lang)}: "
        return f"{where}: {self.code} {prefix}{message}" + (f" — {hint}" if hint else "")

    def github(self, lang: str = "en") -> str:
        message, hint = self.text(lang)
        kind = "error" if self.severity == "error" else "warning"
        body = f"{self.code} {message}" + (f" — {hint}" if hint else "")
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={max(self.line, 1)}::{body}"


def finding(path: str | Path, line: int | None, code: str, /, **params: object) -> Finding:
    """Build a finding; ``path`` is shown relative to the working directory when possible."""
    return Finding(relpath(path), int(line or 0), code, tuple((k, str(v)) for k, v in params.items()))


def relpath(path: str | Path) -> str:
    """``path`` relative to the working directory when it lies below it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def _word(key: str, lang: str) -> str:
    words = catalogue().get("_words", {}).get(lang) or catalogue()["_words"]["en"]
    return words.get(key, key)


def default_lang() -> str:
    """The contributor's language: SOSIAL_IS_LANG, then LANG/LC_ALL (tk_TM, ru_RU …), else en."""
    for var in ("SOSIAL_IS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")[:2].lower()
        if value in LANGS:
            return value
    return "en"


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def print_findings(findings: Iterable[Finding], lang: str | None = None, stream=None) -> None:
    """Print sorted, de-duplicated findings, plus GitHub annotations inside GitHub Actions."""
    lang = lang or default_lang()
    stream = stream or sys.stderr
    unique = sorted(set(findings))
    for f in unique:
        print(f.format(lang), file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for f in unique:
            print(f.github(lang), file=sys.stdout)
    if unique:
        n_err = len(errors(unique))
        summary = _word("summary", lang).format(errors=n_err, warnings=len(unique) - n_err)
        print(summary, file=stream)
