"""Edit to preview: how long a saved change takes to show in the browser (``scripts/run bench-serve``).

    scripts/run bench-serve --sizes 1,10 [--runs 5] [--json out.json]

For each size, a synthetic project (``synthetic.py``) is served exactly as a contributor serves
it (``scripts/run serve``, a fresh process); headless Chromium opens a page; then, ``--runs``
times each, a hand-written page and a course file are saved with a new word, and the time is
taken from the save until the page shown in the browser contains the word (MkDocs' live reload
reloads it when the rebuild is done). Each change is undone, and the undo waited for, before the
next. Reported: the median and the worst time per kind of edit, and the time to the first page.

The named alternative, in the same run and alternating edit by edit: **stock** ``mkdocs serve``
(Material + mkdocs-static-i18n, our plugin removed, as ``bench-build`` builds it) on the same
pages; its course edit is an edit of the course's page under docs/ (stock has no curriculum/).
Both servers run for the whole size, but while one is measured the other is paused (SIGSTOP):
a contributor runs one preview, and stock's polling observer, which walks the whole docs folder
twice a second, took a core from ours at ten times today's size (and ours from it).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from ..core.chromium import CHROMIUM, CHROMIUM_ARGS
from .static_server import free_port
from .synthetic import make_project

RUN = Path(__file__).resolve().parents[2] / "run"  # scripts/run
EDITS = {
    # engine: {kind: (file, text to find, the page that shows it)}
    "ours": {"page": ("docs/ethics/dilemmas.en.md", "\n## ", "en/ethics/dilemmas/"),
             "course": ("curriculum/courses/SW-101/en.md", "\n## Description\n\n",
                        "en/curriculum/courses/sw-101/")},
    "stock": {"page": ("docs/ethics/dilemmas.en.md", "\n## ", "en/ethics/dilemmas/"),
              "course": ("docs/curriculum/courses/sw-101.en.md", "{#description}\n\n",
                         "en/curriculum/courses/sw-101/")},
}


def wait_http(url: str, timeout: float = 600) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer in {timeout} s")


def measure_edit(page, project: Path, rel: str, anchor: str, word: str, timeout: float = 300) -> float:
    """Save ``word`` into ``rel`` after ``anchor``; seconds until the browser page shows it."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert anchor in text, f"{rel}: {anchor!r} not found"
    start = time.perf_counter()
    path.write_text(text.replace(anchor, anchor + word + " ", 1), encoding="utf-8")
    page.wait_for_function("w => document.body && document.body.innerText.includes(w)", arg=word,
                           timeout=timeout * 1000, polling=20)
    seconds = time.perf_counter() - start
    path.write_text(text, encoding="utf-8")  # undo, and wait until the browser shows that too
    page.wait_for_function("w => document.body && !document.body.innerText.includes(w)", arg=word,
                           timeout=timeout * 1000, polling=100)
    return seconds


def start(cmd: list[str], cwd: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, start_new_session=True)


def bench_size(factor: int, runs: int, work: Path, source: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from .build import stock_copy
    project = make_project(work / f"x{factor}", factor, source)
    ports = {"ours": free_port(), "stock": free_port()}
    started = time.perf_counter()
    procs = {"ours": start([str(RUN), "serve", "--config", str(project / "mkdocs.yml"),
                            "--dev-addr", f"127.0.0.1:{ports['ours']}"], project)}
    base = {name: f"http://127.0.0.1:{port}/" for name, port in ports.items()}
    row: dict = {"factor": factor}
    try:
        row["first_page_s"] = round(wait_http(base["ours"]), 1)
        row["startup_s"] = round(time.perf_counter() - started, 1)
        stock = stock_copy(project, work / f"stock{factor}")  # the pages ours has just written
        started = time.perf_counter()
        procs["stock"] = start([sys.executable, "-m", "mkdocs", "serve", "--config-file",
                                str(stock / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{ports['stock']}"], stock,
                               # mkdocs serve serves under site_url's path (/portal/): at the root here
                               SOSIAL_IS_SITE_URL=base["stock"])
        row["stock_first_page_s"] = round(wait_http(base["stock"]), 1)
        roots = {"ours": project, "stock": stock}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for kind in ("page", "course"):
                pages, times = {}, {"ours": [], "stock": []}
                for name in ("ours", "stock"):
                    pages[name] = browser.new_page()
                    pages[name].goto(base[name] + EDITS[name][kind][2])
                for i in range(runs):
                    for name in (("ours", "stock") if i % 2 == 0 else ("stock", "ours")):
                        rel, anchor, _ = EDITS[name][kind]
                        other = procs["stock" if name == "ours" else "ours"]
                        os.killpg(other.pid, signal.SIGSTOP)  # one preview at a time (docstring)
                        try:
                            times[name].append(measure_edit(pages[name], roots[name], rel, anchor,
                                                            f"Edited{kind}{name}{i}x{int(time.time())}"))
                        finally:
                            os.killpg(other.pid, signal.SIGCONT)
                for name in ("ours", "stock"):
                    prefix = "" if name == "ours" else "stock_"
                    row[f"{prefix}{kind}_median_s"] = round(statistics.median(times[name]), 2)
                    row[f"{prefix}{kind}_max_s"] = round(max(times[name]), 2)
                    row[f"{prefix}{kind}_runs_s"] = [round(t, 2) for t in times[name]]
                    print(f"  {factor}x {name} {kind}: {row[f'{prefix}{kind}_runs_s']}", file=sys.stderr,
                          flush=True)
                    pages[name].close()
            browser.close()
    finally:
        for proc in procs.values():
            os.killpg(proc.pid, signal.SIGCONT)
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run bench-serve", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the real project")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    rows = []
    try:
        for factor in (int(s) for s in args.sizes.split(",") if s):
            rows.append(bench_size(factor, args.runs, work, args.project.resolve()))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
            shutil.rmtree(work / f"x{factor}", ignore_errors=True)
            shutil.rmtree(work / f"stock{factor}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| size | first page s: ours / stock | edit a page, median (worst) s: ours / stock | "
          "edit a course, median (worst) s: ours / stock |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['factor']}× | {r['first_page_s']} / {r['stock_first_page_s']} | "
              f"{r['page_median_s']} ({r['page_max_s']}) / {r['stock_page_median_s']} ({r['stock_page_max_s']}) | "
              f"{r['course_median_s']} ({r['course_max_s']}) / {r['stock_course_median_s']} "
              f"({r['stock_course_max_s']}) |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0
