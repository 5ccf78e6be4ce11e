"""Shared fixtures: built sites (fixture project and the real one), a local HTTP server, and
headless Chromium from Debian (never a downloaded browser).

Each site is built once per test session. Tests only talk to 127.0.0.1.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PROJECT = ROOT / "tests" / "fixtures" / "project"

sys.path.insert(0, str(ROOT))

from scripts.browser import CHROMIUM, CHROMIUM_ARGS, LANG_PREFIX  # noqa: E402,F401 (tests import them from here)


def make_project(dest: Path, source: Path = FIXTURE_PROJECT) -> Path:
    """A buildable copy of a fixture project: our scripts/ and overrides/ linked in."""
    shutil.copytree(source, dest)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "INHERIT: ../../../mkdocs.yml", f"INHERIT: {ROOT / 'mkdocs.yml'}"), encoding="utf-8")
    (dest / "scripts").symlink_to(ROOT / "scripts")
    (dest / "overrides").symlink_to(ROOT / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    return dest


def run_build(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """The project's safe build (scripts/build.py) for the project at ``project``."""
    code = ("import sys; from pathlib import Path; from scripts.build import build; "
            f"sys.exit(build(Path({str(site_dir)!r}), strict={strict}, "
            f"config=Path({str(project / 'mkdocs.yml')!r})))")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], cwd=project, env=env,
                          capture_output=True, text=True)


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A fresh copy of the fixture project to break; findings show paths relative to it."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE_PROJECT, root)
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'scripts/run setup' (installs Debian's chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def read_html(site: Path, rel: str) -> str:
    path = site / rel
    if path.is_dir() or rel.endswith("/") or rel == "":
        path = path / "index.html"
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def base_url():
    """Ours, not pytest-playwright's --base-url (which warns under pytest 9); tests build URLs."""
    return None
