"""The build users run (``scripts/run build``): strict, reproducible, and never destructive.

``mkdocs build`` cleans ``site/`` first, so a failed build would leave a half-written or empty
site. We build into a fresh folder beside it and swap it in only when the build succeeded; the
previous site stays untouched otherwise. Dated output (the sitemap's lastmod, the exports) is
stamped with ``SOURCE_DATE_EPOCH`` (default: the last commit), so two builds of one commit are
byte-identical; the gzip copies nginx serves are written after the build (``compress.py``).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ..core import git
from ..core.atomic import new_sibling_dir, swap_dir
from ..mkdocs.build import mkdocs_build
from .compress import compress_site


def build(config: Path, site_dir: Path | None = None, strict: bool = True) -> int:
    """Build the project of ``config`` (mkdocs.yml) into ``site_dir`` (default: its site/)."""
    config = config.resolve()
    site_dir = (site_dir or config.parent / "site").resolve()
    tmp = new_sibling_dir(site_dir)
    epoch = str(git.source_date_epoch(config.parent))
    code = mkdocs_build(config, tmp, strict=strict, env={"SOURCE_DATE_EPOCH": epoch})
    if code != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"build failed (exit {code}); {site_dir} was left as it was.", file=sys.stderr)
        return code or 1
    compress_site(tmp, previous=site_dir if site_dir.is_dir() else None)
    swap_dir(tmp, site_dir)
    return 0


def built_site(path: str | Path) -> Path | None:
    """The built site at ``path``; None, after saying so, when nothing was built there yet."""
    site = Path(path)
    if (site / "index.html").is_file():
        return site
    print(f"{site}/index.html: missing — build the site first (scripts/run build)", file=sys.stderr)
    return None
