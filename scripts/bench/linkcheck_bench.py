"""Benchmark of the link, anchor, image and translation checks, compared with lychee.

    scripts/run bench-linkcheck                      # 1x, 10x, 30x; builds at 1x and 10x
    .venv/bin/python -m scripts.bench.linkcheck_bench --sizes 1,10 --build-sizes 1

For each size it makes a synthetic project: the real curriculum and hand-written pages, copied
(factor - 1) more times (courses with new codes in new programmes, pages under docs/kN/ with
their links rewritten so that they still resolve), then injects a known set of faults: broken
links, broken anchors, missing images, missing translations. It measures wall time and peak
memory (ru_maxrss of the child process) of ``scripts/run check``, the recall of check on the
injected faults, and, where the size is in --build-sizes, the MkDocs build and lychee
``--offline --include-fragments --index-files index.html`` on the built site (time and recall).

The synthetic site is built without our hook's source checks (they would rightly refuse the
faulty sources); pages are generated beforehand exactly as the hook would. Prints a Markdown
table; ``--json FILE`` writes the raw figures.
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts import generate, linkcheck  # noqa: E402
from scripts.project import hand_written_pages  # noqa: E402

PY = sys.executable
LYCHEE = shutil.which("lychee", path=str(Path(PY).parent)) or shutil.which("lychee")
CODE = re.compile(r"\b(SW|CCP)-(\d{3})\b")
FINDING = re.compile(r"^(\S+):(\d+): (\S+) ")


def _letters(k: int) -> str:
    return chr(ord("A") + k // 26) + chr(ord("A") + k % 26)


def make_project(dest: Path, factor: int) -> Path:
    """The real project's sources ``factor`` times over, all checks passing (before faults)."""
    shutil.copytree(ROOT / "curriculum", dest / "curriculum")
    docs = dest / "docs"
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in hand_written_pages(ROOT)]
    for rel in pages:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "docs" / rel, docs / rel)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    if (ROOT / "docs" / ".translations-pending.yml").exists():
        shutil.copy2(ROOT / "docs" / ".translations-pending.yml", docs / ".translations-pending.yml")
    for name in ("scripts", "overrides"):
        (dest / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\nnav:\n", "\nnot_in_nav: |\n  /k*/\nnav:\n", 1)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    # A copy of mkdocs.yml without our hook's checks, for building the faulty site.
    (dest / "mkdocs-bench.yml").write_text(
        re.sub(r"\n  - scripts/hooks.py", "", config).replace("\nstrict: true", "\nstrict: false"),
        encoding="utf-8")
    hand = set(pages)
    courses = sorted(p for p in (ROOT / "curriculum" / "courses").iterdir() if p.is_dir())
    for k in range(1, factor):
        sfx = _letters(k)
        swap = lambda text: CODE.sub(lambda m: f"{m.group(1)[:2]}{sfx}-{m.group(2)}", text)  # noqa: E731
        for src in courses:
            out = dest / "curriculum" / "courses" / swap(src.name)
            out.mkdir()
            for f in src.iterdir():
                (out / f.name).write_text(swap(f.read_text(encoding="utf-8")), encoding="utf-8")
        for prog in (ROOT / "curriculum" / "programmes").glob("*.yml"):
            text = swap(prog.read_text(encoding="utf-8"))
            text = re.sub(r"^id: (\S+)", rf"id: \1-k{k}", text, count=1, flags=re.M)
            (dest / "curriculum" / "programmes" / f"{prog.stem}-k{k}.yml").write_text(text, encoding="utf-8")
        for rel in pages:
            out = docs / f"k{k}" / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(_rewrite(rel, (ROOT / "docs" / rel).read_text(encoding="utf-8"), hand),
                           encoding="utf-8")
    return dest


def _rewrite(rel: str, text: str, hand: set[str]) -> str:
    """Links of a page copied one folder down: targets outside the copy get one more '../'."""
    def fix(m: re.Match) -> str:
        url = m.group(3)
        if not url or linkcheck.SCHEME.match(url) or url.startswith(("#", "/")):
            return m.group(0)
        target = os.path.normpath(os.path.join(os.path.dirname(rel), url.split("#")[0]))
        base = linkcheck.split_lang(target)[0]
        if any(linkcheck._with_lang(base, lg) in hand for lg in linkcheck.LANGS) or target in hand:
            return m.group(0)
        return m.group(0).replace(f"({url}", f"(../{url}", 1)
    return linkcheck.INLINE_LINK.sub(fix, text)


def inject(root: Path, factor: int, seed: int = 42) -> list[dict]:
    """Known faults, appended as new lines (so their line numbers are known)."""
    rng = random.Random(seed)
    docs = root / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in hand_written_pages(root))
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
    base, lang = linkcheck.split_lang(page)
    stem = base[:-3]
    return ("" if lang == "tk" else f"{lang}/") + (stem[:-5] if stem.endswith("index") else stem + "/") \
        + "index.html"


def bench(factor: int, build: bool, work: Path) -> dict:
    proj = make_project(work / f"x{factor}", factor)
    faults = inject(proj, factor)
    n_pages = len(hand_written_pages(proj))
    n_courses = sum(1 for _ in (proj / "curriculum" / "courses").iterdir())
    secs, mem, out, _ = _run([PY, "-m", "scripts", "--lang", "en", "check", "--root", str(proj)], proj)
    got = {(m.group(1), int(m.group(2)), m.group(3)) for m in map(FINDING.match, out.splitlines()) if m}
    hit = [f for f in faults if (f["file"], f["line"], f["code"]) in got]
    row = {"factor": factor, "pages": n_pages, "courses": n_courses, "faults": len(faults),
           "check_s": round(secs, 2), "check_mib": round(mem), "check_recall": len(hit) / len(faults),
           "check_findings": len(got)}
    # The internal-link part alone (what lychee does): pages generated in memory, links,
    # anchors, images and nav; the curriculum is loaded first and not timed.
    code = ("import sys, time; from pathlib import Path; from scripts.load import load_curriculum; "
            "from scripts.project import check_links, hand_written_pages; root = Path('.'); "
            "cur, _ = load_curriculum(root / 'curriculum'); t = time.perf_counter(); "
            "check_links(root, cur, hand_written_pages(root), "
            "sorted((root / 'curriculum' / 'courses').glob('*/??.md'))); "
            "print(time.perf_counter() - t)")
    _, _, out, _ = _run([PY, "-c", code], proj, {"PYTHONPATH": str(ROOT)})
    row["links_s"] = round(float(out.strip().splitlines()[-1]), 2)
    if not build:
        return row
    code = ("import sys; from pathlib import Path; from scripts import generate; "
            "from scripts.project import check_project; root = Path('.'); "
            "cur = check_project(root).curriculum; "
            "generate.write_pages(root / 'docs', generate.all_pages(cur, root))")
    gsecs, gmem, out, rc = _run([PY, "-c", code], proj, {"PYTHONPATH": str(ROOT)})
    bsecs, bmem, out, rc = _run([PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-bench.yml",
                                 "-d", str(proj / "site")], proj, {"PYTHONPATH": str(ROOT)})
    row.update(build_s=round(gsecs + bsecs, 1), build_mib=round(max(gmem, bmem)), build_rc=rc)
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
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    builds = {int(s) for s in args.build_sizes.split(",") if s}
    work = Path(tempfile.mkdtemp(prefix="linkcheck-bench-"))
    rows = []
    try:
        for factor in sizes:
            row = bench(factor, factor in builds, work)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
            if not args.keep:
                shutil.rmtree(work / f"x{factor}", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("| size | pages | courses | faults | check s | links part s | check MiB | check recall | "
          "build s | build MiB | lychee s | lychee MiB | lychee recall (links) | lychee recall (all) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        g = lambda k, fmt="{}": fmt.format(r[k]) if k in r else "—"  # noqa: E731
        print(f"| {r['factor']}× | {r['pages']} | {r['courses']} | {r['faults']} | {r['check_s']} | {r['links_s']} | "
              f"{r['check_mib']} | {r['check_recall']:.0%} | {g('build_s')} | {g('build_mib')} | "
              f"{g('lychee_s')} | {g('lychee_mib')} | {g('lychee_link_recall', '{:.0%}')} | "
              f"{g('lychee_recall', '{:.0%}')} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
