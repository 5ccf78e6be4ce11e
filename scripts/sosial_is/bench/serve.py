"""Edit to preview: how long a saved change takes to show in the browser (``scripts/run bench-serve``).

    scripts/run bench-serve --sizes 1,10 [--runs 5] [--json out.json]

For each size, a synthetic project (``synthetic.py``) is served exactly as a contributor serves
it (``scripts/run serve``, a fresh process); headless Chromium opens a page; then, ``--runs``
times each, a hand-written page and a course file are saved with a new word, and the time is
taken from the save until the page shown in the browser contains the word (MkDocs' live reload
reloads it when the rebuild is done). Each change is undone, and the undo waited for, before the
next. Reported: the median and the worst time per kind of edit, and the time to the first page.
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
    # kind: (file, text to find, the page that shows it)
    "page": ("docs/ethics/dilemmas.en.md", "\n## ", "en/ethics/dilemmas/"),
    "course": ("curriculum/courses/SW-101/en.md", "\n## Description\n\n", "en/curriculum/courses/sw-101/"),
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


def bench_size(factor: int, runs: int, work: Path, source: Path) -> dict:
    from playwright.sync_api import sync_playwright
    project = make_project(work / f"x{factor}", factor, source)
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([str(RUN), "serve", "--config", str(project / "mkdocs.yml"),
                             "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    row: dict = {"factor": factor}
    try:
        row["first_page_s"] = round(wait_http(base) + 0, 1)
        row["startup_s"] = round(time.perf_counter() - started, 1)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for kind, (rel, anchor, url) in EDITS.items():
                page = browser.new_page()
                page.goto(base + url)
                times = [measure_edit(page, project, rel, anchor, f"Edited{kind}{i}x{int(time.time())}")
                         for i in range(runs)]
                row[f"{kind}_median_s"] = round(statistics.median(times), 2)
                row[f"{kind}_max_s"] = round(max(times), 2)
                row[f"{kind}_runs_s"] = [round(t, 2) for t in times]
                print(f"  {factor}x {kind}: {row[f'{kind}_runs_s']}", file=sys.stderr, flush=True)
                page.close()
            browser.close()
    finally:
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
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| size | first page s | edit a page: median (worst) s | edit a course: median (worst) s |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['factor']}× | {r['first_page_s']} | {r['page_median_s']} ({r['page_max_s']}) | "
              f"{r['course_median_s']} ({r['course_max_s']}) |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0
