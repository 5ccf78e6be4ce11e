"""Audits: Lighthouse (mobile) on the home, a course and the ethics page in every language, and
axe-core (WCAG 2.0/2.1 A+AA) on every page kind; results in scripts/audit/results/.

    scripts/run audit [--site site] [--runs N] [--skip-lighthouse] [--compare-stock]

The site is served through the real nginx configuration (scripts/deploy/nginx.conf) on
127.0.0.1; Lighthouse 12 and axe-core come pinned from scripts/audit/package-lock.json and run
against Debian's /usr/bin/chromium. Each page is audited --runs times (default 3) and the median
run by performance score is kept, as Lighthouse's own guidance on variability recommends (Total
Blocking Time varies from run to run, more so on a shared machine). About 12 s per run.

--compare-stock audits, in the same run, a copy of the site where Material's bundle loads the
stock way (a plain <script> at the end of <body>) instead of after the first paint
(docs/assets/material-start.js), and reports both with the ratio of their Total Blocking Time.

Results: results/lighthouse-<lang>-<page>.json holds the median run's scores, metrics and every
audit that lost points; results/lighthouse-full-report.json is one complete Lighthouse report
(the Turkmen course page); results/lighthouse-summary.json the scores of all pages.
Exit 1 when axe finds a violation or a Lighthouse accessibility score is below 1.0.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.bench.page_weight import CHROMIUM, CHROMIUM_ARGS, LANG_PREFIX, pages_to_measure  # noqa: E402
from scripts.compress import gzip_bytes  # noqa: E402
from scripts.deploy.local import run_nginx  # noqa: E402
from scripts.material_start import stock  # noqa: E402

RESULTS = HERE / "results"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind the site has (home, section index, course, ethics, …)."""
    kinds = dict(pages_to_measure(site))
    for name, rel in {"catalogue": "curriculum/catalogue/", "map": "curriculum/map/",
                      "prerequisites": "curriculum/prerequisites/",
                      "competencies": "curriculum/competencies/", "glossary": "glossary/",
                      "bibliography": "references/bibliography/", "curriculum": "curriculum/"}.items():
        if (site / rel / "index.html").is_file():
            kinds[name] = rel
    return kinds


METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index", "interactive")


def lighthouse_run(url: str, out: Path, attempts: int = 3) -> dict:
    """One Lighthouse report (JSON). Lighthouse itself asks to run again after a trace error
    such as NO_NAVSTART, so a failed run is retried (at most ``attempts`` times)."""
    flags = " ".join(["--headless", *CHROMIUM_ARGS])
    for attempt in range(attempts):
        done = subprocess.run([str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
                               "--only-categories=performance,accessibility,best-practices,seo",
                               "--form-factor=mobile", f"--chrome-flags={flags}"],
                              env={**os.environ, "CHROME_PATH": CHROMIUM})
        if done.returncode == 0:
            report = json.loads(out.read_text(encoding="utf-8"))
            if not report.get("runtimeError"):
                return report
    raise RuntimeError(f"Lighthouse failed {attempts} times on {url}")


def summary(report: dict) -> dict:
    """Scores, the main metrics and every weighted audit that lost points, from a full report."""
    audits = report["audits"]
    lost = {}
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                lost[ref["id"]] = {"category": name, "score": audit["score"], "weight": ref["weight"],
                                   "value": audit.get("displayValue", "")}
    return {"url": report["finalDisplayedUrl"], "lighthouse": report["lighthouseVersion"],
            "userAgent": report["environment"]["hostUserAgent"],
            "benchmarkIndex": report["environment"]["benchmarkIndex"],
            "scores": {k: v["score"] for k, v in report["categories"].items()},
            "metrics": {m: audits[m].get("numericValue") for m in METRICS}, "lost": lost}


def median_run(reports: list[dict], keep_full: Path | None = None) -> dict:
    """The summary of the median run by performance score, with the performance scores of all
    runs. The median run's full report goes to ``keep_full``."""
    reports = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])
    median = reports[len(reports) // 2]
    if keep_full is not None:
        keep_full.write_text(json.dumps(median, ensure_ascii=False), encoding="utf-8")
    return {**summary(median), "performance_runs": [r["categories"]["performance"]["score"] for r in reports]}


def stock_copy(site: Path, dest: Path) -> Path:
    """A copy of ``site`` whose pages load Material's bundle the stock way (for --compare-stock),
    with fresh .gz copies of the pages changed (nginx serves those first)."""
    shutil.copytree(site, dest)
    for page in dest.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if (changed := stock(text)) != text:
            page.write_text(changed, encoding="utf-8")
            page.with_name(page.name + ".gz").write_bytes(gzip_bytes(changed.encode("utf-8")))
    return dest


def audit_pages(servers: dict[str, str], site: Path, runs: int) -> dict[str, dict[str, dict]]:
    """Lighthouse on the home, a course and the ethics page of each language, ``runs`` times on
    each server (name → base URL). The servers' runs alternate, so a change in the machine's load
    during the audit affects them alike. Result: server → "<lang>-<page>" → median summary."""
    results: dict[str, dict[str, dict]] = {name: {} for name in servers}
    with tempfile.TemporaryDirectory(prefix="sosial-is-lighthouse-") as tmp:
        for lang, prefix in LANG_PREFIX.items():
            for kind, rel in pages_to_measure(site).items():
                reports: dict[str, list[dict]] = {name: [] for name in servers}
                for i in range(runs):
                    for name, url in servers.items():
                        reports[name].append(lighthouse_run(url + prefix + rel, Path(tmp) / f"{name}{i}.json"))
                for name in servers:
                    full = (RESULTS / "lighthouse-full-report.json"
                            if name == "ours" and (lang, kind) == ("tk", "course") else None)
                    results[name][f"{lang}-{kind}"] = median_run(reports[name], full)
    return results


def axe(site_url: str, paths: dict[str, str]) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright
    found: dict[str, list[str]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(bypass_csp=True)  # our CSP (rightly) blocks injecting axe
        for lang, prefix in LANG_PREFIX.items():
            for kind, rel in paths.items():
                page.goto(site_url + prefix + rel)
                page.add_script_tag(path=str(AXE))
                result = page.evaluate("async t => await axe.run(document, {runOnly: {type: 'tag', values: t}})", TAGS)
                found[f"/{prefix}{rel}"] = [f"{v['id']}: {v['help']}" for v in result["violations"]]
        browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run audit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median kept)")
    parser.add_argument("--compare-stock", action="store_true",
                        help="also audit the site with Material's bundle loaded the stock way")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not LIGHTHOUSE.exists() or not AXE.exists():
        print("npm packages missing: run 'scripts/run setup'", file=sys.stderr)
        return 2
    RESULTS.mkdir(exist_ok=True)
    failed = False
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(run_nginx(site))
        violations = axe(url, page_kinds(site))
        (RESULTS / "axe.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False), encoding="utf-8")
        for path, found in violations.items():
            for v in found:
                print(f"axe {path}: {v}")
                failed = True
        if args.skip_lighthouse:
            print(f"results in {RESULTS}")
            return 1 if failed else 0
        servers = {"ours": url}
        if args.compare_stock:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="sosial-is-stock-"))
            servers["stock"] = stack.enter_context(run_nginx(stock_copy(site, Path(tmp) / "site")))
        for old in RESULTS.glob("lighthouse-*.json"):
            old.unlink()
        audited = audit_pages(servers, site, args.runs)
    ours, theirs = audited["ours"], audited.get("stock", {})
    scores = {}
    for key, result in ours.items():
        path = "/" + result["url"].split("/", 3)[3]
        if key in theirs:
            result["stock_material"] = {k: theirs[key][k] for k in ("scores", "metrics", "performance_runs")}
        (RESULTS / f"lighthouse-{key}.json").write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        scores[path] = s = result["scores"]
        tbt = result["metrics"]["total-blocking-time"]
        print(f"lighthouse {path}: " + ", ".join(f"{k} {v:.2f}" for k, v in s.items())
              + f" (TBT {tbt:.0f} ms; performance of the {args.runs} runs: {result['performance_runs']};"
              f" lost: {', '.join(result['lost'])})")
        if key in theirs:
            other = theirs[key]
            print(f"    stock Material: performance {other['scores']['performance']:.2f} "
                  f"{other['performance_runs']}, TBT {other['metrics']['total-blocking-time']:.0f} ms")
        failed |= s.get("accessibility", 0) < 1.0
    (RESULTS / "lighthouse-summary.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    if theirs:
        def medians(results: dict[str, dict]) -> tuple[float, float, int]:
            perf = [r["scores"]["performance"] for r in results.values()]
            tbt = [r["metrics"]["total-blocking-time"] for r in results.values()]
            return statistics.median(perf), statistics.median(tbt), sum(p >= 0.95 for p in perf)
        (p1, t1, n1), (p2, t2, n2) = medians(ours), medians(theirs)
        print(f"median of the {len(ours)} pages: performance {p1:.2f} vs stock {p2:.2f}; TBT {t1:.0f} ms vs "
              f"{t2:.0f} ms (ratio {t1 / t2 if t2 else float('nan'):.2f}); pages >= 0.95: {n1} vs {n2}")
    print(f"results in {RESULTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
