"""Source files read (and Markdown scanned, YAML parsed) once while they are unchanged.

A one-off ``check`` or build reads each file once anyway; a long-running ``serve`` keeps one
cache across rebuilds, so a saved edit costs the reading of the files that changed only. An
entry is reused while the file's size and modification time are the same.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.findings import Finding
from ..core.sources import Source, read_source
from ..core.yaml_lines import Located, load_yaml_text
from .scanner import Scanned, scan


def _stat(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
        return (stat.st_size, stat.st_mtime_ns)
    except OSError:
        return (-1, -1)


@dataclass
class SourceCache:
    """Per file: its Source, and its Markdown scan or YAML parse, while it is unchanged."""

    scans: dict[Path, tuple[tuple[int, int], Source, Scanned | None]] = field(default_factory=dict)
    yamls: dict[Path, tuple[tuple[int, int], Any]] = field(default_factory=dict)
    derived: dict[tuple[str, Path], tuple[tuple[int, int], Any]] = field(default_factory=dict)
    memos: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def get(self, path: Path) -> tuple[Source, Scanned | None]:
        """The file's Source and, when it could be read, its Markdown scan."""
        key = _stat(path)
        hit = self.scans.get(path)
        if hit and hit[0] == key and key != (-1, -1):
            return hit[1], hit[2]
        source = read_source(path)
        scanned = scan(source.text, path) if source.ok else None
        self.scans[path] = (key, source, scanned)
        return source, scanned

    def yaml(self, path: Path) -> tuple[Located | None, list[Finding]]:
        """The file parsed as YAML with lines (findings for what is wrong)."""
        key = _stat(path)
        hit = self.yamls.get(path)
        if hit and hit[0] == key and key != (-1, -1):
            return hit[1]
        source = read_source(path)
        result = (None, [source.problem]) if not source.ok else load_yaml_text(path, source.text)
        self.yamls[path] = (key, result)
        return result

    def derive(self, kind: str, path: Path, compute):
        """``compute()`` of something made from the file alone (a validated course …), cached."""
        key = _stat(path)
        hit = self.derived.get((kind, path))
        if hit and hit[0] == key and key != (-1, -1):
            return hit[1]
        value = compute()
        self.derived[(kind, path)] = (key, value)
        return value

    def memo(self, name: str, key: Any, compute):
        """``compute()`` again only when ``key`` differs from the last call's (one value per name)."""
        hit = self.memos.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = compute()
        self.memos[name] = (key, value)
        return value


def folder_signature(folder: Path) -> tuple:
    """Names, sizes and times of every file under ``folder``: changes when any file does."""
    out = []
    for dirpath, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(dirpath, name)
            try:
                stat = os.stat(path)
            except OSError:
                out.append((path, -1, -1))
                continue
            out.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(out))
