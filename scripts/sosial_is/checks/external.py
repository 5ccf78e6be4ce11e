"""External links, checked only on request: ``scripts/run check --external``.

Every http(s) URL in hand-written pages, course files and curriculum YAML (e.g. references'
``url``) is fetched once per run, concurrently but politely, and the result is cached in
``.cache/links.json`` (git-ignored): a second run re-checks only entries whose time is up (a
working link is trusted for 7 days, a broken one for 1 day, a transient failure for 1 hour).

Politeness and robustness: at most ``per_host`` requests at a time to one host and at least
``host_delay`` seconds between their starts; a timeout per request; retries with exponential
back-off for timeouts, connection errors and 5xx; ``429 Too Many Requests`` waits for the
``Retry-After`` the server asks for (seconds or HTTP date, up to ``max_retry_after``); redirects
are followed by hand, so a loop is reported as a loop rather than as a generic error. A
``#fragment`` is looked up among the ids and names of the fetched HTML page.

Why not lychee (which the benchmark runs for comparison): its cache has one max-age for all
results, it does not document honouring Retry-After, and it reports per URL rather than per
source line, so we would have to re-map its output anyway. This is ~200 lines of standard
library, testable against a local misbehaving server with an injectable clock and sleep.
"""
from __future__ import annotations

import email.utils
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from ..core.atomic import write_atomic
from ..core.findings import Finding, finding
from ..core.sources import read_source
from ..markdown.scanner import scan

CACHE_FILE = ".cache/links.json"
TTL = {"ok": 7 * 86400, "broken": 86400, "loop": 86400, "anchor": 86400, "unreachable": 3600}
USER_AGENT = "sosial-is-linkcheck/1.0 (+https://github.com/sosial-is/portal)"
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`\])}]+")
ID_ATTR = re.compile(r"""\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.I)
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class Result:
    url: str
    state: str  # ok | broken | unreachable | loop | anchor
    status: int | None = None
    detail: str = ""
    checked: float = 0.0


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # we follow redirects ourselves (loop detection)
        return None


class Checker:
    """Checks URLs concurrently with per-host limits, retries, back-off and Retry-After."""

    def __init__(self, timeout: float = 10.0, retries: int = 2, backoff: float = 1.0,
                 max_retry_after: float = 60.0, per_host: int = 2, host_delay: float = 0.5,
                 workers: int = 8, max_redirects: int = 10,
                 sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], float] = time.time) -> None:
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.max_retry_after, self.per_host, self.host_delay = max_retry_after, per_host, host_delay
        self.workers, self.max_redirects, self.sleep, self.now = workers, max_redirects, sleep, now
        self._lock = threading.Lock()
        self._sems: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._opener = urllib.request.build_opener(_NoRedirect)

    # -- one request, politely ----------------------------------------------------------------
    def _fetch(self, url: str, want_body: bool) -> tuple[int, dict[str, str], bytes]:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            sem = self._sems.setdefault(host, threading.Semaphore(self.per_host))
        with sem:
            with self._lock:
                t = time.monotonic()
                start = max(t, self._next_start.get(host, t))
                self._next_start[host] = start + self.host_delay
            if start > t:
                time.sleep(start - t)  # politeness delay: real time, not the injectable sleep
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                           "Accept": "text/html,*/*;q=0.8"})
            try:
                with self._opener.open(request, timeout=self.timeout) as resp:
                    body = resp.read(2_000_000) if want_body else b""
                    return resp.status, {k.lower(): v for k, v in resp.headers.items()}, body
            except urllib.error.HTTPError as exc:
                headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
                exc.close()
                return exc.code, headers, b""

    def _retry_after(self, value: str | None, attempt: int) -> float:
        if value:
            value = value.strip()
            if value.isdigit():
                return float(value)
            try:
                when = email.utils.parsedate_to_datetime(value).timestamp()
                return max(0.0, when - self.now())
            except (TypeError, ValueError):
                pass
        return self.backoff * 2 ** attempt

    def _attempts(self, url: str, want_body: bool) -> tuple[int | None, dict, bytes, str]:
        """(status, headers, body, error) after retries; status None when no answer came."""
        error = ""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                status, headers, body = self._fetch(url, want_body)
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                error = "timeout" if isinstance(reason, (socket.timeout, TimeoutError)) \
                    or "timed out" in str(reason) else f"{type(reason).__name__}: {reason}"[:80]
                if not last:
                    self.sleep(self.backoff * 2 ** attempt)
                continue
            if status == 429:
                wait = self._retry_after(headers.get("retry-after"), attempt)
                if last or wait > self.max_retry_after:
                    return status, headers, body, f"HTTP 429, Retry-After {headers.get('retry-after', '?')}"
                self.sleep(wait)
                continue
            if status >= 500 and not last:
                self.sleep(self.backoff * 2 ** attempt)
                continue
            return status, headers, body, ""
        return None, {}, b"", error

    # -- one URL, with redirects and fragments -------------------------------------------------
    def check_one(self, base: str, fragments: list[str]) -> list[Result]:
        chain, current = [base], base
        want_body = any(fragments)
        for _ in range(self.max_redirects + 1):
            status, headers, body, error = self._attempts(current, want_body)
            if status in REDIRECTS and headers.get("location"):
                nxt = urldefrag(urljoin(current, headers["location"]))[0]
                if nxt in chain:
                    return self._all(base, fragments, "loop", status, " → ".join(chain + [nxt]))
                chain.append(nxt)
                current = nxt
                continue
            break
        else:
            return self._all(base, fragments, "loop", status, " → ".join(chain[:4] + ["…"]))
        if status is None or status == 429 or status >= 500:
            return self._all(base, fragments, "unreachable", status, error or f"HTTP {status}")
        if status >= 400 and status not in (401, 403):  # 401/403: exists, but not for robots
            return self._all(base, fragments, "broken", status, f"HTTP {status}")
        results = []
        ids = None
        for frag in fragments:
            url = f"{base}#{frag}" if frag else base
            if frag and not frag.startswith(":~:") and "html" in headers.get("content-type", "html") \
                    and status < 300:
                if ids is None:
                    ids = set(ID_ATTR.findall(body.decode("utf-8", "replace")))
                if frag not in ids:
                    results.append(Result(url, "anchor", status, frag, self.now()))
                    continue
            results.append(Result(url, "ok", status, "", self.now()))
        return results

    def _all(self, base: str, fragments: list[str], state: str, status: int | None,
             detail: str) -> list[Result]:
        return [Result(f"{base}#{f}" if f else base, state, status, detail, self.now())
                for f in fragments]

    def check(self, urls: list[str]) -> dict[str, Result]:
        groups: dict[str, list[str]] = {}
        for url in urls:
            base, frag = urldefrag(url)
            groups.setdefault(base, [])
            if frag not in groups[base]:
                groups[base].append(frag)
        out: dict[str, Result] = {}
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for results in pool.map(lambda kv: self.check_one(*kv), groups.items()):
                out.update({r.url: r for r in results})
        return out


# --- Cache -----------------------------------------------------------------------------------

def load_cache(path: Path) -> dict[str, Result]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {url: Result(**entry) for url, entry in data.items()}
    except (OSError, ValueError, TypeError):
        return {}


def save_cache(path: Path, cache: dict[str, Result]) -> None:
    write_atomic(path, json.dumps({u: asdict(r) for u, r in sorted(cache.items())}, indent=1,
                                  ensure_ascii=False))


def check_urls(urls: list[str], cache_path: Path | None, checker: Checker) -> dict[str, Result]:
    """Results for ``urls``: fresh cache entries as they are, the rest checked now."""
    cache = load_cache(cache_path) if cache_path else {}
    now = checker.now()
    due = [u for u in dict.fromkeys(urls)
           if u not in cache or now - cache[u].checked >= TTL.get(cache[u].state, 0)]
    cache.update(checker.check(due))
    if cache_path:
        save_cache(cache_path, cache)
    return {u: cache[u] for u in urls if u in cache}


# --- Where the URLs are ----------------------------------------------------------------------

def collect(root: Path, markdown: list[Path]) -> dict[str, list[tuple[Path, int]]]:
    """Every external http(s) URL of the sources -> [(file, line)]: links in ``markdown``
    (hand-written pages and course files) and URLs in the curriculum's YAML files."""
    found: dict[str, list[tuple[Path, int]]] = {}
    for path in markdown:
        source = read_source(path)
        if not source.ok:
            continue
        for link in scan(source.text).links:
            if re.match(r"^https?://", link.url, re.I):
                found.setdefault(link.url, []).append((path, link.line))
    for path in sorted((root / "curriculum").rglob("*.yml")):
        source = read_source(path)
        if not source.ok:
            continue
        for no, line in enumerate(source.text.split("\n"), start=1):
            for m in URL_IN_TEXT.finditer(line):
                found.setdefault(m.group(0).rstrip(".,;:"), []).append((path, no))
    return found


# Result state -> (finding code, the message placeholder that carries Result.detail).
_FINDING = {
    "broken": ("LINK-EXTERNAL-BROKEN", "status"),
    "unreachable": ("LINK-EXTERNAL-UNREACHABLE", "detail"),
    "loop": ("LINK-EXTERNAL-REDIRECT-LOOP", "chain"),
    "anchor": ("LINK-EXTERNAL-ANCHOR", "anchor"),
}


def check_external(root: Path, markdown: list[Path], checker: Checker | None = None,
                   cache_path: Path | None = None) -> list[Finding]:
    checker = checker or Checker()
    places = collect(root, markdown)
    results = check_urls(list(places), cache_path or root / CACHE_FILE, checker)
    findings: list[Finding] = []
    for url, result in results.items():
        if result.state not in _FINDING:
            continue
        code, param = _FINDING[result.state]
        findings += [finding(path, line, code, url=url, **{param: result.detail})
                     for path, line in places[url]]
    return findings
