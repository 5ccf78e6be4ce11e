"""Fixtures: built sites (fixture project and the real one, each built once per session), a
fresh fixture project to break, a local HTTP server, and headless Chromium from Debian (never a
downloaded browser). Tests only talk to 127.0.0.1. Helpers: ``support.py``.

Markers by folder: ``unit`` (no build), ``build`` (reads built HTML), ``browser`` (Chromium).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, ROOT, make_project, run_build, serve


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        kind = Path(str(item.fspath)).parent.name
        if kind in ("unit", "build", "browser"):
            item.add_marker(getattr(pytest.mark, kind))


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A fresh copy of the fixture project to break; findings show paths relative to it."""
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture project, built strictly once; returns its site/ folder."""
    base = tmp_path_factory.mktemp("fixture")
    project = make_project(base / "project")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real portal, built strictly once into a temporary folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def promoted_site(tmp_path_factory) -> Path:
    """The real portal after ``scripts/run edition-promote 2027-2028`` (2026-2027 archived,
    2027-2028 current), on a copy of its committed files, built once."""
    import shutil
    import subprocess

    from sosial_is.scaffold.editions import promote
    project = tmp_path_factory.mktemp("promoted") / "portal"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, files.decode().split("\0")):
        if (ROOT / rel).is_file():
            (project / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, project / rel)
    promote(project / "curriculum", "2027-2028")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def promoted_url(promoted_site):
    url, server = serve(promoted_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    url, server = serve(fixture_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def real_url(real_site):
    url, server = serve(real_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'scripts/run setup' (installs Debian's chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url():
    """Ours, not pytest-playwright's --base-url (which warns under pytest 9); tests build URLs."""
    return None
