"""The preview (scripts/run serve): after every kind of edit, the incrementally rebuilt site is the
site a clean build makes of the same sources, byte for byte; a broken change prints the findings
and leaves the last good preview as it was; the serve command itself answers on its port.

The preview's builds run in a child process (MkDocs keeps plugin instances per process), driven
line by line: "build" -> "ok <rendered> <kept>" or "failed".
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from support import free_port, make_project

URL = "http://127.0.0.1:8000/"
DRIVER = r'''
import sys, logging
from pathlib import Path
from sosial_is.mkdocs.serve import Preview
preview = Preview(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
for line in sys.stdin:
    try:
        preview.build()
        decider = preview.load().plugins["sosial-is"].build.decider
        print("ok", decider.rendered_pages if decider else -1, decider.kept_pages if decider else -1, flush=True)
    except BaseException as exc:
        print("failed", type(exc).__name__, flush=True)
'''


class Driver:
    def __init__(self, project: Path, site: Path) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.proc = subprocess.Popen([sys.executable, "-c", DRIVER, str(project / "mkdocs.yml"),
                                      str(site), URL], cwd=project, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)

    def build(self) -> list[str]:
        self.proc.stdin.write("build\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().split()

    def close(self) -> str:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        return self.proc.stderr.read()


def clean_build(project: Path, dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOSIAL_IS_SITE_URL": URL}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                             str(project / "mkdocs.yml"), "-d", str(dest)], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    ta, tb = tree(a), tree(b)
    return sorted({k for k in ta.keys() | tb.keys() if ta.get(k) != tb.get(k)})


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


EDITS = [
    ("a sentence of a page", lambda p: edit(p, "docs/index.en.md", "## ", "## Changed ")),
    ("a Turkmen title (the navigation of every tk page)", lambda p: edit(p, "docs/index.tk.md", "# ", "# Täze ")),
    ("a course's prose", lambda p: edit(p, "curriculum/courses/FX-101/en.md", "2. Assess", "2. Carefully assess")),
    ("a course's facts (assessment weights)", lambda p: _reweigh(p)),
    ("a glossary definition (terms marked on many pages)", lambda p: edit(
        p, "curriculum/glossary.yml", 'definition: "', 'definition: "Changed: ')),
    ("a new page in three languages", lambda p: [page(p, f"docs/about/team.{lg}.md", f"# Team {lg}\n\nText.\n")
                                                   for lg in ("tk", "ru", "en")]),
    ("the navigation (mkdocs.yml)", lambda p: edit(p, "mkdocs.yml", "      - about/index.md",
                                                    "      - about/index.md\n      - about/team.md")),
    ("a page deleted", lambda p: _delete_team(p)),
]


def _reweigh(project: Path) -> None:
    edit(project, "curriculum/courses/FX-101/course.yml", "weight: 60}", "weight: 50}")
    edit(project, "curriculum/courses/FX-101/course.yml", "weight: 40}", "weight: 50}")


def _delete_team(project: Path) -> None:
    for lang in ("tk", "ru", "en"):
        (project / f"docs/about/team.{lang}.md").unlink()
    edit(project, "mkdocs.yml", "\n      - about/team.md", "")


def test_incremental_rebuilds_equal_clean_builds(tmp_path: Path):
    project = make_project(tmp_path / "project")
    site = tmp_path / "preview"
    driver = Driver(project, site)
    try:
        first = driver.build()
        assert first[0] == "ok", first
        for n, (what, change) in enumerate(EDITS):
            change(project)
            got = driver.build()
            assert got[0] == "ok", (what, got)
            clean = tmp_path / f"clean-{n}"
            clean_build(project, clean)
            assert differences(site, clean) == [], what
            if what == "a sentence of a page":  # only what the edit touches is rendered again
                assert int(got[1]) <= 3 and int(got[2]) > 30, got
    finally:
        driver.close()


def test_a_broken_change_keeps_the_last_good_preview(tmp_path: Path):
    project = make_project(tmp_path / "project")
    site = tmp_path / "preview"
    driver = Driver(project, site)
    try:
        assert driver.build()[0] == "ok"
        before = tree(site)
        edit(project, "docs/index.en.md", "[Curriculum](curriculum/index.md)", "[x](nothing.md)")
        assert driver.build()[0] == "failed"
        assert tree(site) == before  # nothing half-written
        edit(project, "docs/index.en.md", "[x](nothing.md)", "[Curriculum](curriculum/index.md)")
        edit(project, "docs/index.en.md", "## ", "## Fixed ")
        assert driver.build()[0] == "ok"
        clean = tmp_path / "clean"
        clean_build(project, clean)
        assert differences(site, clean) == []
    finally:
        stderr = driver.close()
    assert "docs/index.en.md:8: LINK-BROKEN" in stderr  # the findings, with file and line


def test_serve_command_answers_and_shows_an_edit(tmp_path: Path):
    project = make_project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Ctrl+C reaches serve as in a contributor's terminal, also when the suite itself was started
    # as a background job (a shell without job control starts those with SIGINT ignored, which a
    # child inherits, and Python then installs no KeyboardInterrupt handler)
    proc = subprocess.Popen([sys.executable, "-m", "sosial_is", "serve", "--config",
                             str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    url = f"http://127.0.0.1:{port}/en/"
    try:
        body = _wait_for(url, lambda b: "<html" in b)
        assert 'lang="en"' in body
        edit(project, "docs/index.en.md", "## ", "## Served edit ")
        body = _wait_for(url, lambda b: "Served edit" in b)
        assert not (project / "site").exists()  # serve builds nothing into site/
        time.sleep(2)  # room for a rebuild nobody asked for (the build's own reads of docs/)
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl+C, as a contributor stops it
        proc.wait(timeout=30)
    log = proc.stderr.read().decode("utf-8")
    assert "Traceback" not in log, log[-3000:]  # shut down cleanly (the plugin's on_shutdown ran)
    # one build to start, one for the edit: reading the sources is not a change
    assert log.count("Detected file changes") == 1, log[-3000:]
    assert log.count("Documentation built") == 2, log[-3000:]


def _wait_for(url: str, ok, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if ok(body):
                return body
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show the expected content in {timeout} s")
