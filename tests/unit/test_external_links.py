"""External links against a local misbehaving HTTP server on 127.0.0.1 (never outside hosts):
slow → timeout, 429 with Retry-After, 500, redirect loop, 404, valid and invalid anchors; the
on-disk cache; per-host politeness. Time is injected: no assertion depends on wall-clock speed."""
from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

from sosial_is.checks.external import Checker, check_external, load_cache

PAGE = b'<html><body><h2 id="present">Here</h2><a name="named"></a></body></html>'


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: dict[str, int] = {}
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()

    def handle_error(self, request, client_address):
        pass  # the client gave up on /slow (its timeout): expected, not worth a traceback


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        srv: Server = self.server
        with srv.lock:
            srv.hits[self.path] = srv.hits.get(self.path, 0) + 1
            n = srv.hits[self.path]
        self.respond(self.path, n)

    def send(self, code, body=b"", headers=None):
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def respond(self, path, n):
        if path.startswith("/ok") or path == "/page.html":
            if path.startswith("/ok/busy"):  # count requests in flight (before answering)
                srv: Server = self.server
                with srv.lock:
                    srv.active += 1
                    srv.max_active = max(srv.max_active, srv.active)
                time.sleep(0.05)
                with srv.lock:
                    srv.active -= 1
            self.send(200, PAGE)
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PAGE)
        elif path == "/rate":
            self.send(429, b"", {"Retry-After": "7"}) if n == 1 else self.send(200, PAGE)
        elif path == "/rate-forever":
            self.send(429, b"", {"Retry-After": "3600"})
        elif path == "/error":
            self.send(500)
        elif path == "/loop-a":
            self.send(302, b"", {"Location": "/loop-b"})
        elif path == "/loop-b":
            self.send(302, b"", {"Location": "/loop-a"})
        elif path == "/moved":
            self.send(301, b"", {"Location": "/page.html"})
        else:
            self.send(404)


@pytest.fixture
def server():
    srv = Server()
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def project(tmp_path: Path, server) -> Path:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    lines = ["# Links", "", f"[ok]({base}/ok)", f"[slow]({base}/slow)", f"[rate]({base}/rate)",
             f"[error]({base}/error)", f"[loop]({base}/loop-a)", f"[missing]({base}/missing)",
             f"[anchor]({base}/page.html#present)", f"[bad anchor]({base}/page.html#absent)",
             f"[moved]({base}/moved#named)", f"<{base}/rate-forever>"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.tk.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "curriculum").mkdir()
    (tmp_path / "curriculum" / "references.yml").write_text(
        f"- id: ref-x\n  title: X\n  url: {base}/missing\n", encoding="utf-8")
    return tmp_path


class Clock:
    def __init__(self):
        self.t = 1_000_000.0
        self.sleeps: list[float] = []

    def now(self):
        return self.t

    def sleep(self, seconds):
        self.sleeps.append(seconds)


def checker(clock: Clock, **kw) -> Checker:
    opts = dict(timeout=0.5, retries=1, backoff=0.01, host_delay=0.0, per_host=4,
                max_retry_after=60, sleep=clock.sleep, now=clock.now)
    opts.update(kw)
    return Checker(**opts)


def run(project: Path, clock: Clock, **kw):
    return [(Path(f.path).name, f.line, f.code) for f in
            check_external(project, sorted((project / "docs").rglob("*.md")), checker(clock, **kw),
                           project / ".cache" / "links.json")]


def test_each_failure_with_file_line_and_code(project, server):
    clock = Clock()
    got = run(project, clock)
    assert ("index.tk.md", 4, "LINK-EXTERNAL-UNREACHABLE") in got  # slow: timeout
    assert ("index.tk.md", 6, "LINK-EXTERNAL-UNREACHABLE") in got  # 500 after retries
    assert ("index.tk.md", 7, "LINK-EXTERNAL-REDIRECT-LOOP") in got
    assert ("index.tk.md", 8, "LINK-EXTERNAL-BROKEN") in got
    assert ("references.yml", 3, "LINK-EXTERNAL-BROKEN") in got  # URLs in curriculum YAML too
    assert ("index.tk.md", 10, "LINK-EXTERNAL-ANCHOR") in got
    assert ("index.tk.md", 12, "LINK-EXTERNAL-UNREACHABLE") in got  # 429, Retry-After too long
    lines_ok = {3, 5, 9, 11}  # ok, 429-then-ok, valid anchor, redirect to a named anchor
    assert not [g for g in got if g[0] == "index.tk.md" and g[1] in lines_ok], got
    assert server.hits["/error"] == 2  # one retry
    assert server.hits["/rate"] == 2  # waited, then succeeded
    assert 7.0 in clock.sleeps  # …for exactly the Retry-After the server asked for
    assert server.hits["/missing"] == 1  # one request for two places that use the URL


def test_cache_rechecks_only_expired_entries(project, server):
    clock = Clock()
    run(project, clock)
    cache = load_cache(project / ".cache" / "links.json")
    assert cache and all(r.checked == clock.t for r in cache.values())
    before = dict(server.hits)
    run(project, clock)  # same moment: everything is fresh
    assert server.hits == before
    clock.t += 2 * 3600  # transient failures (1 h) are due again, results ok/broken (≥1 day) not
    run(project, clock)
    assert server.hits["/error"] > before["/error"]
    assert server.hits["/ok"] == before["/ok"] and server.hits["/missing"] == before["/missing"]
    clock.t += 8 * 86400
    run(project, clock)
    assert server.hits["/ok"] == before["/ok"] + 1


def test_per_host_concurrency_limit(server):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    clock = Clock()
    results = checker(clock, per_host=1, workers=8).check([f"{base}/ok/busy/{i}" for i in range(8)])
    assert all(r.state == "ok" for r in results.values())
    assert server.max_active == 1
    server.max_active = 0
    results = checker(clock, per_host=3, workers=8).check([f"{base}/ok/busy/x{i}" for i in range(8)])
    assert all(r.state == "ok" for r in results.values()) and server.max_active <= 3
