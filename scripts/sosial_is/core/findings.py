"""Findings: what every check returns, and the one way they are printed.

A finding is a value: (path, line, code, params). Its severity, message and fix-it hint come from
the message catalogue (``locale/messages.yml``) in tk, ru or en, so every check speaks the
contributor's language. Printed sorted as ``path:line: CODE message — hint``, and also as GitHub
annotations (``::error file=…,line=…::``) inside GitHub Actions.

Two findings are the same only when everything about them is the same, parameters included:
two broken links on one line are two findings.
"""
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from ..locale import messages, ordinal, word

Severity = Literal["error", "warning"]


class _Default(dict):
    """Leave unknown placeholders visible instead of crashing on a catalogue typo."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one source file, at one line (1-based; 0 when the whole file is meant)."""

    path: str
    line: int
    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def severity(self) -> Severity:
        return messages().get(self.code, {}).get("severity", "error")

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)

    def text(self, lang: str = "en") -> tuple[str, str]:
        """(message, hint) in ``lang``; falls back to English for an unknown language.

        A hint that offers a suggestion ("did you mean …?") is only shown when there is one.
        A number parameter ``{x}`` is also available as an ordinal, ``{x_ord}`` (6-njy semestr).
        A finding of one edition (parameter ``edition``) says which, if its message does not.
        """
        entry = messages().get(self.code)
        if entry is None:
            return (f"{self.code} {dict(self.params)}", "")
        loc = entry.get(lang) or entry["en"]
        values = _Default(dict(self.params))
        for name, value in self.params:
            values[f"{name}_ord"] = ordinal(int(value), lang) if value.isdigit() else value
        hint = loc.get("hint", "")
        if "{suggestion}" in hint and not values.get("suggestion"):
            hint = loc.get("hint_no_suggestion", "")
        message = loc["message"]
        if values.get("edition") and "{edition}" not in message:  # a rule's finding in one edition
            message = word("in_edition", lang) + message
        return message.format_map(values), hint.format_map(values)

    def format(self, lang: str = "en") -> str:
        message, hint = self.text(lang)
        prefix = "" if self.severity == "error" else f"{word('warning', lang)}: "
        return f"{self.path}:{max(self.line, 1)}: {self.code} {prefix}{message}" + (
            f" — {hint}" if hint else "")

    def github(self, lang: str = "en") -> str:
        message, hint = self.text(lang)
        body = f"{self.code} {message}" + (f" — {hint}" if hint else "")
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={max(self.line, 1)}::{body}"


def finding(path: str | Path, line: int | None, code: str, /, **params: object) -> Finding:
    """Build a finding; ``path`` is shown relative to the working directory when it lies below."""
    return Finding(relpath(path), int(line or 0), code,
                   tuple((k, "" if v is None else str(v)) for k, v in params.items()))


def relpath(path: str | Path) -> str:
    """``path`` relative to the working directory when it lies below it. The file itself is
    named as given, not resolved: a symbolic link is reported as the link (and a link to itself
    cannot be resolved at all); only its folder is resolved."""
    p = Path(os.path.abspath(path))
    try:
        cwd = _resolved(os.getcwd())
        folder = _resolved(str(p.parent))
        return (folder / p.name).relative_to(cwd).as_posix() if p.name else folder.relative_to(cwd).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a folder in a symlink loop
        return Path(path).as_posix()


@functools.lru_cache(maxsize=4096)
def _resolved(folder: str) -> Path:
    """A folder's real path. The pipeline names thousands of files in a few hundred folders,
    and resolving each one's folder again was a tenth of a rebuild at ten times today's size;
    ``pipeline.run`` forgets them at its start (:func:`forget_folders`), so a folder that became
    a link since is seen as it is now."""
    return Path(folder).resolve()


def forget_folders() -> None:
    _resolved.cache_clear()


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def default_lang() -> str:
    """The contributor's language: SOSIAL_IS_LANG, then LC_ALL/LC_MESSAGES/LANG, else en."""
    from .languages import LANGS
    for var in ("SOSIAL_IS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")[:2].lower()
        if value in LANGS:
            return value
    return "en"


def print_findings(findings: Iterable[Finding], lang: str | None = None,
                   stream: TextIO | None = None, unreadable: int = 0) -> None:
    """Print sorted, distinct findings and a summary line, plus GitHub annotations in Actions.

    ``unreadable``: how many source files could not be read at all (said in the summary).
    """
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
        summary = word("summary", lang).format(errors=n_err, warnings=len(unique) - n_err)
        if unreadable:
            summary += "; " + word("unreadable", lang).format(n=unreadable)
        print(summary, file=stream)
