"""Build the site without ever destroying the previous one.

``mkdocs build`` cleans ``site/`` first, so a failed build leaves a half-written or empty site.
We build into a fresh temporary folder beside it and swap it in only when the build succeeded.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _source_date_epoch(project: Path) -> str:
    """The last commit's time, so dated output (sitemap lastmod) is the same in every build of
    that commit; a project outside git (test fixtures) uses this repository's last commit."""
    for where in (project, ROOT):
        out = subprocess.run(["git", "-C", str(where), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip().isdigit():
            return out.stdout.strip()
    return "0"


def build(site_dir: Path | None = None, strict: bool = True, config: Path | None = None) -> int:
    """Build into a temp dir, then atomically replace ``site_dir``. Returns the exit code."""
    site_dir = (site_dir or ROOT / "site").resolve()
    config = config or ROOT / "mkdocs.yml"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    cmd = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config),
           "--site-dir", str(tmp)]
    if strict:
        cmd.append("--strict")
    # Never --quiet: it lowers the log level so far that strict mode no longer sees warnings.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch(config.resolve().parent))
    # Run from the project folder: finding paths and edit links are relative to it.
    result = subprocess.run(cmd, cwd=config.resolve().parent, env=env)
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"build failed (exit {result.returncode}); {site_dir} was left as it was.",
              file=sys.stderr)
        return result.returncode or 1
    from .compress import compress_site  # precompressed copies for nginx's gzip_static
    compress_site(tmp)
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def built_site(path: str | Path) -> Path | None:
    """The built site at ``path``; None, after saying so, when nothing was built there yet."""
    site = Path(path)
    if (site / "index.html").is_file():
        return site
    print(f"{site}/index.html: missing — build the site first (scripts/run build)", file=sys.stderr)
    return None
