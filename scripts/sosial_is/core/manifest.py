"""The manifest of generated files: which files under ``docs/`` the page writer made.

The page writer (``pages/writer.py``) writes ``docs/.generated.json`` after every write: the
paths (relative to docs/) of every file it generated, with a hash of each. Whatever else needs to
know which files are generated reads it: the checks (a generated page is not a hand-written one),
the test that .gitignore ignores every generated file, and the writer itself when it removes
generated files that are no longer produced. MkDocs does not publish dot-files, so the manifest
stays out of the site. A missing or unreadable manifest means "nothing generated yet".
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .atomic import write_atomic

NAME = ".generated.json"


def path(docs_dir: Path) -> Path:
    return docs_dir / NAME


def digest(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


def read(docs_dir: Path) -> dict[str, str]:
    """Generated path (relative to docs/) -> content hash; empty when there is no manifest."""
    try:
        data = json.loads(path(docs_dir).read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def write(docs_dir: Path, files: dict[str, str]) -> None:
    """Record ``files`` (path -> content hash) as the generated set."""
    text = json.dumps({"generator": "sosial_is (scripts/sosial_is/pages/writer.py)",
                       "files": dict(sorted(files.items()))}, indent=1, ensure_ascii=False)
    write_atomic(path(docs_dir), text + "\n")
