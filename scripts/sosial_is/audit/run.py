"""Audits: Lighthouse (mobile) on the home, a course and the ethics page in every language, and
axe-core (WCAG 2.0/2.1 A+AA) on every page kind; results in .cache/audit/ (git-ignored; CI
uploads them as an artifact).

    scripts/run audit [--site site] [--skip-lighthouse]

The site is served through the real nginx configuration (publish/nginx.conf) on
127.0.0.1; Lighthouse 12 and axe-core come pinned from scripts/npm/*/package-lock.json and run
against Debian's /usr/bin/chromium. Each page is audited --runs times (default 3) and the median
run by performance score is kept, as Lighthouse's own guidance on variability recommends (Total
Blocking Time varies from run to run, more so on a shared machine). About 12 s per run.

Results: results/lighthouse-<lang>-<page>.json holds the median run's scores, metrics and every
audit that lost points; results/lighthouse-full-report.json is one complete Lighthouse report
(the Turkmen course page); results/lighthouse-summary.json the scores of all pages.
Exit 1 when axe finds a violation or a Lighthouse accessibility score is below 1.0.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ..bench.page_weight import pages_to_measure
from ..core.chromium import CHROMIUM, CHROMIUM_ARGS
from ..core.languages import LANG_PREFIX
from ..publish.local_nginx import run_nginx

NPM = Path(__file__).resolve().parents[2] / "npm"  # scripts/npm/ (installed by scripts/run)
RESULTS = Path(".cache") / "audit"
LIGHTHOUSE = NPM / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
AXE = NPM / "axe" / "node_modules" / "axe-core" / "axe.min.js"
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
    for _attempt in range(attempts):
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


def lighthouse(url: str, runs: int, keep_full: Path | None = None) -> dict:
    """Audit ``url`` ``runs`` times; the summary of the median run by performance score, with
    the performance scores of all runs. The median run's full report goes to ``keep_full``."""
    reports = []
    with tempfile.TemporaryDirectory(prefix="sosial-is-lighthouse-") as tmp:
        for i in range(runs):
            reports.append(lighthouse_run(url, Path(tmp) / f"run{i}.json"))
    reports.sort(key=lambda r: r["categories"]["performance"]["score"])
    median = reports[len(reports) // 2]
    if keep_full is not None:
        keep_full.write_text(json.dumps(median, ensure_ascii=False), encoding="utf-8")
    return {**summary(median), "performance_runs": [r["categories"]["performance"]["score"] for r in reports]}


def axe(site_url: str, paths: dict[str, str]) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright
    found: dict[str, list[str]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(bypass_csp=True)  # our CSP (rightly) blocks injecting axe
        for _lang, prefix in LANG_PREFIX.items():
            for _kind, rel in paths.items():
                page.goto(site_url + prefix + rel)
                page.add_script_tag(path=str(AXE))
                result = page.evaluate("async t => await axe.run(document, {runOnly: {type: 'tag', values: t}})", TAGS)
                found[f"/{prefix}{rel}"] = [f"{v['id']}: {v['help']}" for v in result["violations"]]
        browser.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run audit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="site")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median kept)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not LIGHTHOUSE.exists() or not AXE.exists():
        print("npm packages missing: run it as 'scripts/run audit' (installs them)", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    failed = False
    with run_nginx(site) as url:
        violations = axe(url, page_kinds(site))
        (RESULTS / "axe.json").write_text(json.dumps(violations, indent=2, ensure_ascii=False), encoding="utf-8")
        for path, found in violations.items():
            for v in found:
                print(f"axe {path}: {v}")
                failed = True
        if not args.skip_lighthouse:
            scores = {}
            for old in RESULTS.glob("lighthouse-*.json"):
                old.unlink()
            for lang, prefix in LANG_PREFIX.items():
                for kind, rel in pages_to_measure(site).items():
                    full = RESULTS / "lighthouse-full-report.json" if (lang, kind) == ("tk", "course") else None
                    result = lighthouse(url + prefix + rel, args.runs, full)
                    (RESULTS / f"lighthouse-{lang}-{kind}.json").write_text(
                        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
                    scores[f"/{prefix}{rel}"] = s = result["scores"]
                    print(f"lighthouse /{prefix}{rel}: " + ", ".join(f"{k} {v:.2f}" for k, v in s.items())
                          + f" (TBT {result['metrics']['total-blocking-time']:.0f} ms; performance of the"
                          f" {args.runs} runs: {result['performance_runs']}; lost: {', '.join(result['lost'])})")
                    failed |= s.get("accessibility", 0) < 1.0
            (RESULTS / "lighthouse-summary.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    print(f"results in {RESULTS}")
    return 1 if failed else 0

