"""Search quality benchmark: our per-language search against Material's default, same site.

Builds two copies of the project (ours, and "stock": the same sources with the plugin's
``search: false``, i.e. Material's default search as static-i18n configures it), serves
both on 127.0.0.1, types every query of the chosen query sets into the real search box of the
page's language in headless Chromium, reads the ranked result pages and reports, per query set,
language and engine, MRR (mean reciprocal rank of the first expected page) and recall@5 (share
of expected pages among the first five result pages). Also prints the index sizes.

Query sets (bench/queries/):
- ``developer``: written by the search's developers while building it (a regression check);
- ``tuning``: the half of an independent reviewer's queries the search may be tuned on;
- ``heldout``: the other half, for measuring only (never tune the search to it);
- ``heldout2``: a second set from another independent reviewer, written after the search had
  been tuned and measured on the first; measured once as held out (5 December), then read
  and tuned on like ``tuning``;
- ``heldout3``: a third set from a third independent reviewer, held out (measured only) until
  its misses were read in the sixth session (5 December); since then tuned on like ``heldout2``;
- ``heldout4``: a fourth held-out set from a fourth independent reviewer, written on 5 December
  (measuring only: its queries are not read while changing the search);
- ``heldout5``: a fifth held-out set from a fifth independent reviewer, written in the sixth
  session (5 December) before its changes (measuring only, like ``heldout4``);
- ``tuning2`` and ``heldout6``: a sixth round, three reviewers (one per language) who read only
  the built pages' text, asked for everyday words, inflected forms and readers' questions (eighth
  session, 5 December), split at random into a half the search may be tuned on and a half for
  measuring only;
- ``tuning3`` and ``heldout7``: a seventh round, written and split the same way by three new
  reviewers (ninth session, 5 December);
- ``tuning4`` and ``heldout8``: an eighth round, the same way, by three new reviewers (eleventh
  session, 6 December);
- ``tuning5`` and ``heldout9``: a ninth round, the same way, by three new reviewers (twelfth
  session, 6 December);
- ``tuning6`` and ``heldout10``: a tenth round, the same way, by three new reviewers (thirteenth
  session, 6 December).

    scripts/run bench-search [--set developer --set tuning | --set heldout4 --set heldout5 | --set all]
                             [--project DIR] [--lenient] [--json OUT] [--show]
                             [--engine ours] [--site DIR] [--direct] [--query-rounds N]

Default sets: developer and tuning. --lenient builds with strict: false (to measure while others'
pages still raise warnings). --engine ours skips Material's default; --site DIR measures an
already built site as "ours" without building (quick runs while changing the page scripts);
--baseline-site DIR adds an already built site (of an older commit, say) as a third engine,
"baseline". --direct (with --engine ours) posts each query straight to the search worker instead
of typing it: seconds instead of minutes, for runs while tuning; it also sees results the search
box would show only on scrolling, so report the typed figures. --setup-rounds N also times, N
rounds with the engines alternating, how long the search takes to be ready after the reader
opens it (the index downloaded and set up in the worker), per language: the medians and their
ratio to the first engine. --query-rounds N also times each query posted straight to the search
worker (sites with our search: ours and the baseline), N rounds with the engines alternating: the
median milliseconds per query and language, and their ratio.
When two or more of the held-out sets never read while changing the search (heldout4 to
heldout10) are run together, they are also pooled per language ("held-out 4-10"), with 95 %
bootstrap intervals of MRR and recall@5: one set alone has 32 queries per language.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.chromium import CHROMIUM, CHROMIUM_ARGS
from ..core.languages import LANG_PREFIX
from ..mkdocs.search_index import sizes
from .static_server import serve

QUERY_DIR = Path(__file__).with_name("queries")
QUERY_SETS = ("developer", "tuning", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
              "tuning2", "heldout6", "tuning3", "heldout7", "tuning4", "heldout8",
              "tuning5", "heldout9", "tuning6", "heldout10")
DEFAULT_SETS = ("developer", "tuning")
# The held-out sets whose queries were never read while changing the search: each alone has 32
# queries per language, where one query more or less in first place moves MRR by up to 0.03, so
# the report also pools them per language, with a bootstrap interval (POOLED).
INDEPENDENT = ("heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
               "heldout10")
POOLED = "held-out 4-10"
BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED = 2000, 20261205
ENGINES = ("ours", "material-default")
PLUGIN_LINE = "      offline: !ENV [SOSIAL_IS_OFFLINE, false]"
QUERY_BOX = "input[data-md-component=search-query]"


@dataclass
class Query:
    lang: str
    q: str
    expect: list[str]
    ascii: bool = False
    set: str = "developer"
    kinds: tuple[str, ...] = ()


@dataclass
class Outcome:
    query: Query
    results: list[str] = field(default_factory=list)

    @property
    def rank(self) -> int | None:
        for i, path in enumerate(self.results, 1):
            if path in self.query.expect:
                return i
        return None

    @property
    def rr(self) -> float:
        return 1.0 / self.rank if self.rank else 0.0

    @property
    def recall5(self) -> float:
        return len(set(self.results[:5]) & set(self.query.expect)) / len(self.query.expect)


def load_queries(path: Path, set_name: str | None = None) -> list[Query]:
    """The queries of one file (``queries: {lang: [{q, expect, ascii?, kind?}]}``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for lang, items in data["queries"].items():
        for item in items:
            expect = [LANG_PREFIX[lang] + e.lstrip("/") for e in item["expect"]]
            kinds = tuple(item.get("kind") or ())
            out.append(Query(lang, str(item["q"]), expect,
                             bool(item.get("ascii", False)) or "ascii" in kinds,
                             set_name or path.stem, kinds))
    return out


def load_sets(names: list[str]) -> list[Query]:
    return [q for name in names for q in load_queries(QUERY_DIR / f"{name}.yml", name)]


def project_copy(src: Path, dest: Path, stock: bool, lenient: bool) -> Path:
    """Sources of ``src`` in ``dest``; overrides/ linked; our search off if stock."""
    dest.mkdir(parents=True)
    for name in ("docs", "curriculum"):
        shutil.copytree(src / name, dest / name, ignore=shutil.ignore_patterns("*.pyc"))
    (dest / "overrides").symlink_to(src / "overrides")
    text = (src / "mkdocs.yml").read_text(encoding="utf-8")
    if stock:
        assert PLUGIN_LINE in text, "mkdocs.yml changed: the plugin's options are not where expected"
        text = text.replace(PLUGIN_LINE, PLUGIN_LINE + "\n      search: false")
    if lenient:
        text = text.replace("strict: true", "strict: false")
        _fill_missing_sources(dest / "docs")
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


def _fill_missing_sources(docs: Path) -> None:
    """Lenient snapshot: a page others have not yet written in Turkmen (the source language the
    checks require) gets a copy of its English or Russian text, so the rest can be measured."""
    for page in sorted(docs.rglob("*.md")):
        stem, _, lang = page.stem.rpartition(".")
        if lang in ("ru", "en"):
            source = page.with_name(f"{stem}.tk.md")
            if not source.exists():
                shutil.copyfile(page, source)


def build(project: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "sosial_is", "build", "--config",
                             str(project / "mkdocs.yml"), "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}{result.stderr}")


def _snapshot(page) -> tuple[str, list[str]]:
    meta = page.text_content(".md-search-result__meta") or ""
    hrefs = page.eval_on_selector_all(".md-search-result__item > a",
                                      "els => els.map(e => e.href)")
    return meta, hrefs


def _settle(page, previous: tuple | None = None, rounds: int = 3, pause: float = 0.1,
            limit: float = 10.0) -> tuple[str, list[str]]:
    """Wait until the result list stops changing (the worker answers asynchronously)."""
    deadline = time.monotonic() + limit
    last, same = None, 0
    while time.monotonic() < deadline:
        snap = _snapshot(page)
        same = same + 1 if snap == last else 0
        last = snap
        if same >= rounds and snap != previous:
            break
        time.sleep(pause)
    return last


def result_pages(base: str, hrefs: list[str]) -> list[str]:
    """Ranked result pages (site-relative paths without query and fragment), deduplicated."""
    pages: list[str] = []
    for href in hrefs:
        path = href[len(base):].split("#")[0].split("?")[0] if href.startswith(base) else href
        if path not in pages:
            pages.append(path)
    return pages


def open_search(page, url: str) -> float:
    """Open ``url`` and click in its search box; return the milliseconds from the click until
    the search is ready (Material's "Initializing search" replaced)."""
    page.goto(url)
    initializing = page.text_content(".md-search-result__meta")
    start = time.perf_counter()
    page.click(QUERY_BOX)
    deadline = start + 30
    while page.text_content(".md-search-result__meta") == initializing:
        if time.perf_counter() > deadline:
            raise SystemExit(f"search did not start on {url}")
        time.sleep(0.005)
    return (time.perf_counter() - start) * 1000


def run_queries(browser, base: str, queries: list[Query]) -> list[Outcome]:
    outcomes = []
    for lang in LANG_PREFIX:
        todo = [q for q in queries if q.lang == lang]
        if not todo:
            continue
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_search(page, base + LANG_PREFIX[lang])
        for query in todo:
            page.fill(QUERY_BOX, "")
            page.press(QUERY_BOX, "End")
            empty = _settle(page)
            page.fill(QUERY_BOX, query.q)
            page.press(QUERY_BOX, "End")
            _, hrefs = _settle(page, previous=empty)
            outcomes.append(Outcome(query, result_pages(base, hrefs)))
        page.close()
    return outcomes


# On a page of the language: its search worker as the page starts it (docs/assets/search.js puts
# our wrapper's address, with its parameters, in Material's config), the language's index set up
# in it, then every query posted to it as Material's search box does (SearchMessageType
# SETUP = 0, QUERY = 2); the answer's result groups, one per page, in order, and the
# milliseconds from posting each query to its answer.
DIRECT_JS = """async ([indexUrl, queries]) => {
  const worker = new Worker(JSON.parse(document.getElementById("__config").textContent).search);
  const index = await (await fetch(indexUrl)).json();
  const next = () => new Promise(resolve => { worker.onmessage = e => resolve(e.data); });
  let answer = next();
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs,
                                      options: {suggest: false}}});
  await answer;
  const out = [], ms = [];
  for (const q of queries) {
    answer = next();
    const start = performance.now();
    worker.postMessage({type: 2, data: q});
    const items = (await answer).data.items || [];
    ms.push(performance.now() - start);
    out.push(items.map(group => group[0].location));
  }
  worker.terminate();
  return [out, ms];
}"""


def run_queries_direct(browser, base: str, queries: list[Query]) -> list[Outcome]:
    """Like :func:`run_queries`, but each query goes straight to the page's search worker,
    without typing or the result list (20 times faster, for runs while tuning). Only for
    sites with our search; unlike the search box, it sees results beyond the first page of
    the list (Material shows more on scrolling), so a page found far down counts."""
    outcomes = []
    page = browser.new_page()
    try:
        for lang in LANG_PREFIX:
            todo = [q for q in queries if q.lang == lang]
            if not todo:
                continue
            page.goto(base + LANG_PREFIX[lang])
            found, _ = page.evaluate(DIRECT_JS, [f"{base}search/search_index.{lang}.json",
                                                 [q.q for q in todo]])
            for query, locations in zip(todo, found, strict=True):
                outcomes.append(Outcome(query, result_pages(base, [base + loc for loc in locations])))
    finally:
        page.close()
    return outcomes


def _turns(engines: dict[str, str], round_number: int) -> list[str]:
    """The engines in the order they run in a round: reversed every other round, so neither is
    always first."""
    return list(engines) if round_number % 2 == 0 else list(reversed(engines))


@contextmanager
def _served(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    """Each site served on 127.0.0.1 for the ``with`` block: engine -> base URL."""
    servers = {engine: serve(site) for engine, site in sites.items()}
    try:
        yield {engine: base for engine, (base, _) in servers.items()}
    finally:
        for _, server in servers.values():
            server.shutdown()


def query_times(browser, bases: dict[str, str], queries: list[Query],
                rounds: int) -> dict[str, dict[str, float]]:
    """Per engine (sites with our search) and language, the median milliseconds from posting a
    query to the page's search worker until its answer, over every query of ``queries`` in
    ``rounds`` rounds, the engines taking turns first; a fresh page per engine and round, a fresh
    worker per language."""
    times: dict[str, dict[str, list[float]]] = {e: {lang: [] for lang in LANG_PREFIX} for e in bases}
    for r in range(rounds):
        for engine in _turns(bases, r):
            page = browser.new_page()
            try:
                for lang, prefix in LANG_PREFIX.items():
                    todo = [q.q for q in queries if q.lang == lang]
                    if todo:
                        page.goto(bases[engine] + prefix)
                        _, ms = page.evaluate(DIRECT_JS, [
                            f"{bases[engine]}search/search_index.{lang}.json", todo])
                        times[engine][lang] += ms
            finally:
                page.close()
    return {e: {lang: round(statistics.median(v), 1) for lang, v in langs.items() if v}
            for e, langs in times.items()}


def open_search_ms(browser, url: str) -> float:
    """Milliseconds from a click in the search box of ``url`` until the search is ready, on a
    fresh page."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        return open_search(page, url)
    finally:
        page.close()


def setup_times(browser, bases: dict[str, str], rounds: int) -> dict[str, dict[str, float]]:
    """Per engine and language, the median time (ms) until search is ready, the engines taking
    turns first in alternate rounds; a fresh page (empty cache) each time."""
    times: dict[str, dict[str, list[float]]] = {e: {lang: [] for lang in LANG_PREFIX} for e in bases}
    for r in range(rounds):
        for engine in _turns(bases, r):
            for lang, prefix in LANG_PREFIX.items():
                times[engine][lang].append(open_search_ms(browser, bases[engine] + prefix))
    return {e: {lang: round(statistics.median(v), 1) for lang, v in langs.items()}
            for e, langs in times.items()}


def _figures(outcomes: list[Outcome]) -> dict[str, float]:
    return {"queries": len(outcomes),
            "mrr": round(sum(o.rr for o in outcomes) / len(outcomes), 3),
            "recall@5": round(sum(o.recall5 for o in outcomes) / len(outcomes), 3)}


def interval(values: list[float], rounds: int = BOOTSTRAP_ROUNDS,
             seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """The 95 % percentile bootstrap interval of the mean of ``values`` (queries drawn with
    replacement, ``rounds`` times; a fixed seed, so a run can be repeated)."""
    draw = random.Random(seed)
    means = sorted(sum(draw.choices(values, k=len(values))) / len(values) for _ in range(rounds))
    return round(means[int(0.025 * rounds)], 3), round(means[int(0.975 * rounds) - 1], 3)


def pooled(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    """Per language, over the INDEPENDENT sets that were run together: queries, MRR and
    recall@5, each with its 95 % bootstrap interval (``"mrr 95%"``, ``"recall@5 95%"``)."""
    rows = {}
    for lang in LANG_PREFIX:
        mine = [o for o in outcomes if o.query.lang == lang and o.query.set in INDEPENDENT]
        if mine:
            rows[lang] = {**_figures(mine), "mrr 95%": interval([o.rr for o in mine]),
                          "recall@5 95%": interval([o.recall5 for o in mine])}
    return rows


def summarise(outcomes: list[Outcome]) -> dict[str, dict[str, dict[str, float]]]:
    """Per query set and language: queries, MRR, recall@5; and per kind of query (typo,
    ascii …) over the set's languages, under ``"by kind"``; with two or more INDEPENDENT sets,
    also those pooled per language (POOLED, with intervals)."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    for name in dict.fromkeys(o.query.set for o in outcomes):
        mine = [o for o in outcomes if o.query.set == name]
        rows = {lang: _figures([o for o in mine if o.query.lang == lang])
                for lang in LANG_PREFIX if any(o.query.lang == lang for o in mine)}
        kinds = sorted({k for o in mine for k in o.query.kinds})
        rows.update({f"kind {k}": _figures([o for o in mine if k in o.query.kinds]) for k in kinds})
        table[name] = rows
    if len({o.query.set for o in outcomes} & set(INDEPENDENT)) > 1:
        table[POOLED] = pooled(outcomes)
    return table


def index_sizes(ours: Path, stock: Path | None) -> dict[str, dict[str, int]]:
    out = {}
    if stock is not None:
        out["mixed (Material default)"] = sizes((stock / "search" / "search_index.json").read_bytes())
    for lang in LANG_PREFIX:
        path = ours / "search" / f"search_index.{lang}.json"
        if path.exists():
            out[lang] = sizes(path.read_bytes())
    out["all languages (ours)"] = sizes((ours / "search" / "search_index.json").read_bytes())
    return {k: {"raw": v.raw, "gzip": v.gzip} for k, v in out.items()}


def print_report(report: dict, engines: list[str]) -> None:
    print("index bytes (raw / gzip):")
    for name, s in report["sizes"].items():
        print(f"  {name:26} {s['raw']:>9} / {s['gzip']:>7}")
    head = "".join(f" {e + ' MRR':>22} {'R@5':>6}" for e in engines)
    print(f"{'set':10} {'lang / kind':18} {'queries':>7}{head}")
    for name, rows in report[engines[0]].items():
        for key, row in rows.items():
            cells = "".join(f" {report[e][name][key]['mrr']:>22.3f} {report[e][name][key]['recall@5']:>6.3f}"
                            for e in engines)
            print(f"{name:10} {key:18} {row['queries']:>7}{cells}")
    if POOLED in report[engines[0]]:
        print(f"{POOLED} pooled, 95 % bootstrap intervals (MRR; recall@5):")
        for lang in report[engines[0]][POOLED]:
            print(f"  {lang}: " + "; ".join(
                f"{e} {_span(report[e][POOLED][lang]['mrr 95%'])}, "
                f"{_span(report[e][POOLED][lang]['recall@5 95%'])}" for e in engines))
    if "setup ms" in report:
        _print_times("time until search is ready after opening it", report["setup ms"], engines, 0)
    if "query ms" in report:
        _print_times("time per query, posted to the search worker", report["query ms"], engines, 1)


def _span(bounds: tuple[float, float]) -> str:
    return f"{bounds[0]:.3f}-{bounds[1]:.3f}"


def _print_times(title: str, times: dict[str, dict[str, float]], engines: list[str],
                 decimals: int) -> None:
    """Median times per language of the engines that have them, each with its ratio to the
    first of them."""
    timed = [e for e in engines if e in times]
    first = timed[0]
    print(f"{title} (median ms; ratio to {first}):")
    for lang in times[first]:
        print(f"  {lang}: " + "; ".join(
            f"{e} {times[e][lang]:.{decimals}f}" + ("" if e == first else f" ({times[e][lang] / times[first][lang]:.2f})")
            for e in timed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--set", dest="sets", action="append", choices=(*QUERY_SETS, "all"),
                        help="query set(s) to run (repeatable; default: developer and tuning)")
    parser.add_argument("--queries", type=Path, help="a query file of your own instead of the sets")
    parser.add_argument("--engine", dest="engines", action="append", choices=ENGINES,
                        help="engine(s) to measure (default: both)")
    parser.add_argument("--site", type=Path, help="measure this built site as 'ours' (no build)")
    parser.add_argument("--baseline-site", type=Path,
                        help="also measure this built site, as 'baseline' (e.g. an older commit's)")
    parser.add_argument("--setup-rounds", type=int, default=0,
                        help="also time how long search takes to be ready, this many rounds")
    parser.add_argument("--query-rounds", type=int, default=0,
                        help="also time each query posted to the search worker, this many rounds "
                             "(sites with our search: ours and the baseline)")
    parser.add_argument("--lenient", action="store_true", help="build with strict: false")
    parser.add_argument("--direct", action="store_true",
                        help="post the queries straight to the search worker instead of typing "
                             "them (quick runs while tuning; our search only)")
    parser.add_argument("--json", type=Path, help="write figures and every query's results here")
    parser.add_argument("--show", action="store_true",
                        help="print each query that is not first, with its top results")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    sets = list(QUERY_SETS) if "all" in (args.sets or ()) else list(dict.fromkeys(args.sets or DEFAULT_SETS))
    queries = load_queries(args.queries, "custom") if args.queries else load_sets(sets)
    engines = list(dict.fromkeys(args.engines or ENGINES))
    if args.direct and "material-default" in engines:
        parser.error("--direct runs our search worker only: add --engine ours")
    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        sites = {}
        for engine in engines:
            if engine == "ours" and args.site:
                sites[engine] = args.site.resolve()
                continue
            project = project_copy(args.project.resolve(), work / engine,
                                   engine == "material-default", args.lenient)
            build(project, work / f"{engine}-site")
            sites[engine] = work / f"{engine}-site"
        if args.baseline_site:
            sites["baseline"] = args.baseline_site.resolve()
            engines.append("baseline")
        report: dict = {"sets": sorted({q.set for q in queries}, key=str),
                        "sizes": index_sizes(sites.get("ours", sites[engines[0]]),
                                             sites.get("material-default"))}
        details = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=CHROMIUM_ARGS)
            for engine, site in sites.items():
                base, server = serve(site)
                try:
                    outcomes = (run_queries_direct(browser, base, queries) if args.direct
                                else run_queries(browser, base, queries))
                finally:
                    server.shutdown()
                report[engine] = summarise(outcomes)
                details[engine] = [{"set": o.query.set, "lang": o.query.lang, "q": o.query.q,
                                    "expect": o.query.expect, "rank": o.rank,
                                    "top": o.results[:5]} for o in outcomes]
            if args.setup_rounds > 0:
                with _served(sites) as bases:
                    report["setup ms"] = setup_times(browser, bases, args.setup_rounds)
            ours_like = {e: site for e, site in sites.items() if e != "material-default"}
            if args.query_rounds > 0 and ours_like:
                with _served(ours_like) as bases:
                    report["query ms"] = query_times(browser, bases, queries, args.query_rounds)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print_report(report, engines)
    if args.show:
        for engine, rows in details.items():
            for row in rows:
                if row["rank"] != 1:
                    print(engine, row["set"], row["lang"], repr(row["q"]), "rank", row["rank"],
                          "expect", row["expect"][:2], "top", row["top"][:3])
    if args.json:
        args.json.write_text(json.dumps({**report, "details": details}, ensure_ascii=False,
                                        indent=1), encoding="utf-8")
    return 0

