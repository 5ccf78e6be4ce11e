"""Build speed and memory against stock MkDocs, at several sizes (``scripts/run bench-build``).

    scripts/run bench-build --sizes 1,10,30 [--runs 3] [--editions 2] [--json out.json]

For each size, a synthetic project (``synthetic.py``: the real sources N times over) is built
by the two pipelines in alternating runs (ours, stock, ours, stock …), each run a fresh process:

- **ours**: exactly what ``scripts/run build`` runs: the plugin with every check on, the safe
  build into a fresh folder with its atomic swap, the gzip copies;
- **stock**: Material + mkdocs-static-i18n on the same pages (the generated pages already
  written by a first build of ours), the plugin removed from mkdocs.yml: ``mkdocs build``.

Reported per pipeline: median wall time, time per built page, median peak memory (the child's
maximum resident set), and the ratio ours/stock; the time per page at each size shows whether
the build grows linearly. The first build of each size (which writes the generated pages) is
not timed: every timed run starts from the same state.

``--editions``: how many editions of the curriculum the project has (each edition has its own
pages): 1 (the current one only), 2 (as the portal has: current and in preparation) or 3 (after
``edition-promote``: archived, current, and a new edition in preparation with one change).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..scaffold.editions import new_edition, promote
from .synthetic import make_project

PLUGIN_BLOCK = ("  - sosial-is:\n      offline: !ENV [SOSIAL_IS_OFFLINE, false]\n")
RUN = Path(__file__).resolve().parents[2] / "run"  # scripts/run


def measure(cmd: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """(wall seconds, peak MiB, exit code, output tail) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), \
        out.decode("utf-8", "replace")[-3000:]


def stock_copy(project: Path, dest: Path) -> Path:
    """The same docs (generated pages included) and overrides, without our plugin."""
    shutil.copytree(project / "docs", dest / "docs", symlinks=True)
    (dest / "overrides").symlink_to((project / "overrides").resolve())
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert PLUGIN_BLOCK in config, "mkdocs.yml changed: the plugin block is not where expected"
    config = config.replace(PLUGIN_BLOCK, "")
    config = "\n".join(line for line in config.splitlines() if line.strip() != "- curriculum")
    (dest / "mkdocs.yml").write_text(config + "\n", encoding="utf-8")
    return dest


def pages_built(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def with_editions(project: Path, count: int) -> None:
    """Give the synthetic project ``count`` editions (see the module's docstring)."""
    curriculum = project / "curriculum"
    if count == 1:  # the current edition alone (the pages still link to the editions page)
        editions = curriculum / "editions.yml"
        text = editions.read_text(encoding="utf-8")
        editions.write_text("\n".join(line for line in text.splitlines()
                                      if "status: current" in line or not line.startswith("  - ")) + "\n",
                            encoding="utf-8")
        shutil.rmtree(curriculum / "editions", ignore_errors=True)
        return
    if count == 2:
        return
    promote(curriculum, "2027-2028")
    new_edition(curriculum, "2028-2029")
    course = curriculum / "courses" / "SW-101" / "course.yml"
    weights = re.findall(r"\{kind: ([\w-]+), weight: (\d+)\}", course.read_text(encoding="utf-8"))
    items = [(k, int(w)) for k, w in weights]
    items[0], items[1] = (items[0][0], items[0][1] + 5), (items[1][0], items[1][1] - 5)
    folder = curriculum / "editions" / "2028-2029"
    (folder / "courses" / "SW-101").mkdir(parents=True)
    (folder / "courses" / "SW-101" / "course.yml").write_text(
        "assessment:\n" + "".join(f"  - {{kind: {k}, weight: {w}}}\n" for k, w in items), encoding="utf-8")
    (folder / "edition.yml").write_text(
        'removed: []\nrationale:\n  SW-101: {tk: "Benchmark.", ru: "Benchmark.", en: "Benchmark."}\n', encoding="utf-8")


def bench_size(factor: int, runs: int, work: Path, source: Path, editions: int = 2) -> dict:
    ours = make_project(work / f"ours-{factor}", factor, source)
    with_editions(ours, editions)
    first = measure([str(RUN), "build", "--config", str(ours / "mkdocs.yml"),
                     "--site-dir", str(ours / "site")], ours)
    if first[2] != 0:
        raise SystemExit(f"the {factor}x build failed:\n{first[3]}")
    stock = stock_copy(ours, work / f"stock-{factor}")
    pages = pages_built(ours / "site")
    cmds = {
        "ours": ([str(RUN), "build", "--config", str(ours / "mkdocs.yml"),
                  "--site-dir", str(ours / "site")], ours),
        "stock": ([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                   str(stock / "mkdocs.yml"), "--site-dir", str(stock / "site")], stock),
    }
    results: dict[str, list[tuple[float, float]]] = {"ours": [], "stock": []}
    for i in range(runs):
        for name in (("ours", "stock") if i % 2 == 0 else ("stock", "ours")):
            cmd, cwd = cmds[name]
            wall, mib, code, out = measure(cmd, cwd)
            if code != 0:
                raise SystemExit(f"{name} {factor}x failed:\n{out}")
            results[name].append((wall, mib))
            print(f"  {factor}x {name} run {i + 1}: {wall:.2f} s, {mib:.0f} MiB", file=sys.stderr,
                  flush=True)
    row: dict = {"factor": factor, "editions": editions, "pages": pages,
                 "stock_pages": pages_built(stock / "site")}
    for name, values in results.items():
        row[f"{name}_s"] = round(statistics.median(v[0] for v in values), 2)
        row[f"{name}_mib"] = round(statistics.median(v[1] for v in values))
        row[f"{name}_ms_per_page"] = round(1000 * row[f"{name}_s"] / pages, 2)
        row[f"{name}_runs_s"] = [round(v[0], 2) for v in values]
    row["ratio"] = round(row["ours_s"] / row["stock_s"], 2)
    row["memory_ratio"] = round(row["ours_mib"] / row["stock_mib"], 2)
    return row


def table(rows: list[dict]) -> str:
    firsts: dict[int, dict] = {}
    for r in rows:  # each edition count against its own first size
        firsts.setdefault(r["editions"], r)
    out = ["| size | editions | pages | ours s | stock s | ours/stock | ours ms/page (vs 1st size) | "
           "stock ms/page (vs 1st size) | ours MiB | stock MiB | memory ours/stock |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        base = {name: firsts[r["editions"]][f"{name}_ms_per_page"] for name in ("ours", "stock")}
        out.append(
            f"| {r['factor']}× | {r['editions']} | {r['pages']} | {r['ours_s']} | {r['stock_s']} | {r['ratio']} | "
            f"{r['ours_ms_per_page']} ({r['ours_ms_per_page'] / base['ours']:.2f}) | "
            f"{r['stock_ms_per_page']} ({r['stock_ms_per_page'] / base['stock']:.2f}) | "
            f"{r['ours_mib']} | {r['stock_mib']} | {r['memory_ratio']} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run bench-build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,30")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per pipeline and size")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the real project")
    parser.add_argument("--editions", default="2", help="editions of the curriculum, e.g. 1,3 (each size "
                        "is measured with each count)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic projects")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    rows = []
    try:
        for count in (int(s) for s in args.editions.split(",") if s):
            for factor in (int(s) for s in args.sizes.split(",") if s):
                rows.append(bench_size(factor, args.runs, work, args.project.resolve(), count))
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
                for name in (f"ours-{factor}", f"stock-{factor}"):
                    target = work / name
                    if args.keep:
                        target.rename(work / f"{name}-e{count}")
                    else:
                        shutil.rmtree(target, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0
