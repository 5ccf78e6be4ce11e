"""Two builds of the same sources are byte-identical: every file, including the sitemap (dated by
the last commit through SOURCE_DATE_EPOCH, set by publish/build.py) and the .gz copies."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from support import make_project, run_build


def digest_tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # Two copies in different folders: absolute paths must not leak into the output either.
    sites = []
    for name in ("first", "second"):
        project = make_project(tmp_path / name / "project")
        result = run_build(project, project / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(project / "site")
    first, second = (digest_tree(site) for site in sites)
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == [], f"files that differ between two builds: {differing}"
    assert "sitemap.xml" in first and "sitemap.xml.gz" in first


def test_sitemap_is_dated_by_the_commit_not_the_clock(tmp_path):
    project = make_project(tmp_path / "project")
    env_before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "946684800"  # 2000-01-01
    try:
        result = run_build(project, project / "site")
    finally:
        if env_before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = env_before
    assert result.returncode == 0, result.stdout + result.stderr
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2000-01-01</lastmod>" in sitemap
