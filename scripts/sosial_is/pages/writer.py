"""Writing the generated pages under docs/ and keeping the manifest of generated files.

mkdocs-static-i18n localizes only files that exist inside ``docs_dir`` (pages added in memory are
dropped, its issue #263), so generated pages are real, git-ignored files. A file is rewritten
only when its content changes (``mkdocs serve`` would otherwise rebuild on its own writes), and a
file the previous write generated but this one does not is removed. The manifest
(``core/manifest.py``) records the set, for everything else that needs to know it.
"""
from __future__ import annotations

from pathlib import Path

from ..core import manifest
from ..core.atomic import write_if_changed


def write_pages(docs_dir: Path, pages: dict[str, str]) -> list[str]:
    """Write changed pages, remove stale generated ones, update the manifest.
    Returns the paths written (relative to docs/)."""
    previous = manifest.read(docs_dir)
    written = [rel for rel, content in pages.items() if write_if_changed(docs_dir / rel, content)]
    for rel in sorted(set(previous) - set(pages)):
        (docs_dir / rel).unlink(missing_ok=True)
    hashes = {rel: manifest.digest(content) for rel, content in pages.items()}
    if hashes != previous:
        manifest.write(docs_dir, hashes)
    return written
