"""Page weight: bytes a reader's phone downloads for key pages, per language.

Serves a built site through the real nginx configuration (publish/nginx.conf: gzip_static,
cache headers) on 127.0.0.1, opens the home page, a course page and the ethics page in each
language in headless Chromium, and adds up what went over the wire (CDP ``Network.loadingFinished``
``encodedDataLength``: compressed body plus headers) by kind: HTML, CSS, JS, search (index, worker,
lunr), images, fonts, other. Each page is measured on a first visit (empty cache) and on a repeat
visit (same browser, warm cache). Exit status 1 when a budget is exceeded:

  - first visit of a course page ≤ 120 KB;
  - repeat visit of any measured page ≤ 15 KB.

    scripts/run page-weight [--site site] [--json out.json]

Nothing is clicked: whatever the search loads here, it loads before the reader opens search.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

from ..core.chromium import CHROMIUM, CHROMIUM_ARGS
from ..core.languages import LANG_PREFIX
from ..publish.build import built_site
from ..publish.local_nginx import run_nginx

KINDS = ("html", "css", "js", "search", "images", "fonts", "other")
FIRST_VISIT_BUDGET = {"course": 120 * 1024}
REPEAT_VISIT_BUDGET = 15 * 1024


def kind_of(url: str, resource_type: str) -> str:
    path = urlparse(url).path
    if "/search/" in path or "/workers/search" in path or "/lunr/" in path:
        return "search"
    if resource_type == "Document" or path.endswith((".html", "/")):
        return "html"
    if path.endswith(".css"):
        return "css"
    if path.endswith(".js"):
        return "js"
    if path.endswith((".png", ".svg", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".avif")):
        return "images"
    if path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "fonts"
    return "other"


def pages_to_measure(site: Path) -> dict[str, str]:
    """Page kind → path (without language prefix): home, the first course, the ethics guide."""
    pages = {"home": ""}
    courses = sorted(p.parent.name for p in (site / "curriculum" / "courses").glob("*/index.html"))
    if courses:
        pages["course"] = f"curriculum/courses/{courses[0]}/"
    if (site / "ethics" / "index.html").is_file():
        pages["ethics"] = "ethics/"
    return pages


def measure(page, cdp, url: str) -> dict[str, int]:
    """Load ``url`` and return bytes received per kind (plus 'total' and 'requests')."""
    types: dict[str, tuple[str, str]] = {}
    sizes = dict.fromkeys(KINDS, 0)
    count = [0]

    def on_response(event: dict) -> None:
        types[event["requestId"]] = (event["response"]["url"], event.get("type", ""))

    def on_finished(event: dict) -> None:
        url_, rtype = types.get(event["requestId"], ("", ""))
        if not url_ or url_.startswith("data:"):
            return
        sizes[kind_of(url_, rtype)] += int(event.get("encodedDataLength", 0))
        count[0] += 1

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    cdp.remove_listener("Network.responseReceived", on_response)
    cdp.remove_listener("Network.loadingFinished", on_finished)
    return {**sizes, "total": sum(sizes.values()), "requests": count[0]}


def run(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright
    rows: list[dict] = []
    with run_nginx(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for lang, prefix in LANG_PREFIX.items():
                for kind, path in pages_to_measure(site).items():
                    context = browser.new_context()  # empty cache: a first visit
                    page = context.new_page()
                    cdp = context.new_cdp_session(page)
                    cdp.send("Network.enable")
                    url = base + prefix + path
                    first = measure(page, cdp, url)
                    repeat = measure(page, cdp, url)
                    context.close()
                    rows.append({"lang": lang, "page": kind, "path": "/" + prefix + path,
                                 "first": first, "repeat": repeat})
        finally:
            browser.close()
    return rows


def over_budget(row: dict) -> list[str]:
    problems = []
    limit = FIRST_VISIT_BUDGET.get(row["page"])
    if limit and row["first"]["total"] > limit:
        problems.append(f"{row['path']}: first visit {row['first']['total']} B > {limit} B")
    if row["repeat"]["total"] > REPEAT_VISIT_BUDGET:
        problems.append(f"{row['path']}: repeat visit {row['repeat']['total']} B > {REPEAT_VISIT_BUDGET} B")
    return problems


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def table(rows: list[dict]) -> str:
    head = ["lang", "page", "visit", *KINDS, "total KB", "requests"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        for visit in ("first", "repeat"):
            m = row[visit]
            lines.append("| " + " | ".join([row["lang"], row["page"], visit, *(kb(m[k]) for k in KINDS),
                                            kb(m["total"]), str(m["requests"])]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/run page-weight", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="site", help="built site (default: site/)")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args(argv)
    site = built_site(args.site)
    if site is None:
        return 2
    rows = run(site)
    print("Transferred bytes in KB (compressed, headers included), by kind:\n")
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    problems = [p for row in rows for p in over_budget(row)]
    eager_search = [r["path"] for r in rows if r["first"]["search"] > 0]
    if eager_search:
        print(f"\nNote: {len(eager_search)} page(s) download search files before search is opened.")
    for problem in problems:
        print(f"over budget: {problem}", file=sys.stderr)
    print("\nbudget: " + ("exceeded" if problems else "met"))
    return 1 if problems else 0

