"""Run the real nginx configuration on 127.0.0.1 for tests and benchmarks (not for production).

nginx runs in the foreground (``daemon off``) with its own prefix in a temporary folder, so no
system configuration or service is touched; stopping the context manager stops the process.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from .nginx import render

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_MAIN = """\
{user}
worker_processes 1;
error_log {prefix}/error.log warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    sendfile on;
    include {prefix}/site.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def run_nginx(site: Path, port: int | None = None) -> Iterator[str]:
    """Serve ``site`` with publish/nginx.conf on 127.0.0.1; yields the base URL."""
    if not Path(NGINX).exists():
        raise RuntimeError(f"{NGINX} is missing: run 'scripts/run setup' (installs Debian's nginx)")
    port = port or free_port()
    prefix = Path(tempfile.mkdtemp(prefix="sosial-is-nginx-"))
    (prefix / "tmp").mkdir()
    (prefix / "site.conf").write_text(render(site, f"127.0.0.1:{port}", "localhost"), encoding="utf-8")
    # As root, workers would drop to 'nobody' and could not read a private temp folder.
    user = "user root root;" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(_MAIN.format(
        user=user, prefix=prefix, mime_types="/etc/nginx/mime.types"), encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                             "-g", "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):  # wait until it answers (at most ~5 s)
            if proc.poll() is not None:
                raise RuntimeError("nginx exited: " + proc.stdout.read().decode(errors="replace")
                                   + (prefix / "error.log").read_text(errors="replace")
                                   if (prefix / "error.log").exists() else "")
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(prefix, ignore_errors=True)
