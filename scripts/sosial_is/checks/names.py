"""File names that make awkward or broken addresses: a page's file name becomes its URL, so a
space or a letter outside a–z becomes %20 or %C3%BD in every link to it, and # ? % cut the
address short. Reported as a warning, with a name to use instead (Turkmen letters folded)."""
from __future__ import annotations

import re
from pathlib import Path

from ..core.findings import Finding, finding
from ..text.turkmen import fold

SAFE = re.compile(r"^[A-Za-z0-9._-]+$")


def suggest(name: str) -> str:
    """``Gizlinlik ýazgy.tk.md`` -> ``gizlinlik-yazgy.tk.md``."""
    stem, dot, ext = name.partition(".")
    cleaned = re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-") or "page"
    return cleaned + dot + ext


def check_names(docs: Path, paths: list[Path]) -> list[Finding]:
    out = []
    for path in paths:
        rel = path.relative_to(docs)
        for part in rel.parts:
            if not SAFE.match(part):
                out.append(finding(path, 0, "FILE-NAME", name=part, safe=suggest(part)))
                break
    return out
