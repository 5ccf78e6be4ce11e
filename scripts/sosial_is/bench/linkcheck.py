"""Benchmark of the link, anchor, image and translation checks, compared with lychee.

    scripts/run bench-linkcheck                      # 1x, 10x, 30x; builds at 1x and 10x
    scripts/run bench-linkcheck --sizes 1,10 --build-sizes 1

For each size it makes a synthetic project (``synthetic.py``: the real curriculum and pages,
copied factor - 1 more times), then injects a known set of faults: broken
links, broken anchors, missing images, missing translations. It measures wall time and peak
memory (ru_maxrss of the child process) of ``scripts/run check``, the recall of check on the
injected faults, and, where the size is in --build-sizes, the MkDocs build and lychee
``--offline --include-fragments --index-files index.html`` on the built site (time and recall).

The faulty site is built with the plugin's checks off (they would rightly refuse the faulty
sources). Prints a Markdown table; ``--json FILE`` writes the raw figures. The build itself, with
its checks on, against stock MkDocs is measured by ``build.py`` (scripts/run bench-build).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..core.languages import split_lang
from .synthetic import hand_written, make_project

PY = sys.executable
LYCHEE = shutil.which("lychee", path=str(Path(PY).parent)) or shutil.which("lychee")
FINDING = re.compile(r"^(\S+):(\d+): (\S+) ")
PLUGIN_LINE = "      offline: !ENV [SOSIAL_IS_OFFLINE, false]"


def inject(root: Path, factor: int, seed: int = 42) -> list[dict]:
    """Known faults, appended as new lines (so their line numbers are known)."""
    rng = random.Random(seed)
    docs = root / "docs"
    pages = hand_written(root)
    n = 4 * factor
    faults: list[dict] = []
    translations = [p for p in pages if p.endswith((".ru.md", ".en.md"))
                    and (docs / re.sub(r"\.(ru|en)\.md$", ".tk.md", p)).exists()]
    removed = rng.sample(translations, n)
    for rel in removed:
        (docs / rel).unlink()
        tk = re.sub(r"\.(ru|en)\.md$", ".tk.md", rel)
        faults.append({"kind": "missing translation", "file": f"docs/{tk}", "line": 1,
                       "code": "TRANSLATION-MISSING", "page": tk, "token": None})
    left = [p for p in pages if p not in removed]
    kinds = [("broken link", "LINK-BROKEN", "[broken](no-such-page-{i}.md)", "no-such-page-{i}"),
             ("broken anchor", "LINK-ANCHOR", "[anchor](#no-such-anchor-{i})", "no-such-anchor-{i}"),
             ("missing image", "IMAGE-MISSING", "![Figure {i}](missing-figure-{i}.png)", "missing-figure-{i}")]
    i = 0
    for kind, code, md, token in kinds:
        for rel in rng.sample(left, n):
            i += 1
            path = docs / rel
            text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + md.format(i=i) + "\n"
            path.write_text(text, encoding="utf-8")
            faults.append({"kind": kind, "file": f"docs/{rel}", "line": text.count("\n"),
                           "code": code, "page": rel, "token": token.format(i=i)})
    return faults


def _run(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, str, int]:
    """(seconds, peak MiB, stderr+stdout, exit code) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    out_chunks = []
    for chunk in iter(lambda: proc.stdout.read(65536), b""):
        out_chunks.append(chunk)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (time.perf_counter() - start, usage.ru_maxrss / 1024,
            b"".join(out_chunks).decode("utf-8", "replace"), proc.returncode)


def html_of(page: str) -> str:
    base, lang = split_lang(page)
    stem = base[:-3]
    return ("" if lang == "tk" else f"{lang}/") + (stem[:-5] if stem.endswith("index") else stem + "/") \
        + "index.html"


def bench(factor: int, build: bool, work: Path, source: Path) -> dict:
    proj = make_project(work / f"x{factor}", factor, source)
    faults = inject(proj, factor)
    n_pages = len(hand_written(proj))
    n_courses = sum(1 for _ in (proj / "curriculum" / "courses").iterdir())
    secs, mem, out, _ = _run([PY, "-m", "sosial_is", "--lang", "en", "check"], proj)
    got = {(m.group(1), int(m.group(2)), m.group(3)) for m in map(FINDING.match, out.splitlines()) if m}
    hit = [f for f in faults if (f["file"], f["line"], f["code"]) in got]
    row = {"factor": factor, "pages": n_pages, "courses": n_courses, "faults": len(faults),
           "check_s": round(secs, 2), "check_mib": round(mem), "check_recall": len(hit) / len(faults),
           "check_findings": len(got)}
    if not build:
        return row
    # The faulty site is built with the plugin's checks off (they would rightly refuse it).
    config = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    (proj / "mkdocs-bench.yml").write_text(
        config.replace(PLUGIN_LINE, PLUGIN_LINE + "\n      checks: false").replace(
            "\nstrict: true", "\nstrict: false"), encoding="utf-8")
    bsecs, bmem, out, rc = _run([PY, "-m", "sosial_is", "build", "--config", "mkdocs-bench.yml",
                                 "--no-strict", "--site-dir", str(proj / "site")], proj)
    row.update(build_s=round(bsecs, 1), build_mib=round(bmem), build_rc=rc)
    if rc != 0 or not LYCHEE:
        row["build_error"] = out[-2000:]
        return row
    report = proj / "lychee.json"
    lsecs, lmem, out, _ = _run([LYCHEE, "--offline", "--include-fragments", "--index-files",
                                "index.html", "--root-dir", str(proj / "site"), "--no-progress",
                                "--format", "json", "--output", str(report), str(proj / "site")], proj)
    data = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    errors = data.get("error_map", {}) or {}
    by_file: dict[str, list[str]] = {}
    for file, items in errors.items():
        rel = Path(file).resolve().relative_to((proj / "site").resolve()).as_posix() \
            if Path(file).is_absolute() else file
        by_file[rel] = [str(item.get("url", "")) for item in items]
    lhit = [f for f in faults if f["token"] and any(f["token"] in u for u in by_file.get(html_of(f["page"]), []))]
    link_faults = [f for f in faults if f["token"]]
    row.update(lychee_s=round(lsecs, 2), lychee_mib=round(lmem), lychee_recall=len(lhit) / len(faults),
               lychee_link_recall=len(lhit) / len(link_faults),
               check_link_recall=len([f for f in hit if f["token"]]) / len(link_faults),
               lychee_errors=sum(len(v) for v in by_file.values()),
               html_files=sum(1 for _ in (proj / "site").rglob("*.html")))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,30")
    parser.add_argument("--build-sizes", default="1,10", help="sizes also built and run through lychee")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic projects")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the real project")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    builds = {int(s) for s in args.build_sizes.split(",") if s}
    work = Path(tempfile.mkdtemp(prefix="linkcheck-bench-"))
    rows = []
    try:
        for factor in sizes:
            row = bench(factor, factor in builds, work, args.project.resolve())
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
            if not args.keep:
                shutil.rmtree(work / f"x{factor}", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("| size | pages | courses | faults | check s | check MiB | check recall | "
          "build s (checks off) | build MiB | lychee s | lychee MiB | lychee recall (links) | lychee recall (all) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        def g(k: str, fmt: str = "{}", r: dict = r) -> str:
            return fmt.format(r[k]) if k in r else "—"
        print(f"| {r['factor']}× | {r['pages']} | {r['courses']} | {r['faults']} | {r['check_s']} | "
              f"{r['check_mib']} | {r['check_recall']:.0%} | {g('build_s')} | {g('build_mib')} | "
              f"{g('lychee_s')} | {g('lychee_mib')} | {g('lychee_link_recall', '{:.0%}')} | "
              f"{g('lychee_recall', '{:.0%}')} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0

