"""Unfilled placeholders: ``TODO`` (the scaffolder's marker) outside code in a hand-written page.
A course's placeholders are reported by the curriculum rules (``curriculum/rules.py``)."""
from __future__ import annotations

from pathlib import Path

from ..core.findings import Finding, finding
from ..markdown.scanner import PLACEHOLDER, Scanned


def check_placeholders(path: Path, scanned: Scanned) -> list[Finding]:
    return [finding(path, no, "PLACEHOLDER", marker=PLACEHOLDER) for no in scanned.placeholders]
