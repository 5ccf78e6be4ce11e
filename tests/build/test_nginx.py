"""The self-hosting configuration (scripts/sosial_is/publish/nginx.conf) under real nginx from Debian:
precompressed files, cache headers, per-language 404 pages, security headers and the CSP."""
from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request

import pytest

from sosial_is.publish.local_nginx import run_nginx
from sosial_is.publish.nginx import content_security_policy, inline_script_hashes

COURSE = "curriculum/courses/fx-101/"


@pytest.fixture(scope="module")
def nginx_url(fixture_site):
    with run_nginx(fixture_site) as url:
        yield url


def fetch(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def test_build_writes_gzip_copies(fixture_site):
    page = fixture_site / "ru" / COURSE / "index.html"
    packed = page.with_name("index.html.gz")
    assert packed.is_file(), "publish/compress.py did not run after the build"
    assert gzip.decompress(packed.read_bytes()) == page.read_bytes()
    bundle = next((fixture_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert bundle.with_name(bundle.name + ".gz").is_file()


@pytest.mark.parametrize("prefix", ["", "ru/", "en/"])
def test_html_is_served_precompressed_and_revalidated(nginx_url, fixture_site, prefix):
    status, headers, body = fetch(nginx_url + prefix + COURSE)
    assert status == 200
    assert headers.get("content-encoding") == "gzip"
    # gzip_static sends the file written by the build, byte for byte.
    assert body == (fixture_site / prefix / COURSE / "index.html.gz").read_bytes()
    assert headers["cache-control"] == "no-cache"
    assert "etag" in headers


def test_plain_clients_get_plain_html(nginx_url):
    status, headers, body = fetch(nginx_url + COURSE, gzip_ok=False)
    assert status == 200 and "content-encoding" not in headers
    assert body.lstrip().startswith(b"<!doctype html>")


def test_hashed_assets_cached_for_a_year(nginx_url, fixture_site):
    css = next((fixture_site / "assets" / "stylesheets").glob("main.*.min.css")).name
    status, headers, _ = fetch(nginx_url + "assets/stylesheets/" + css)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert "max-age=31536000" in headers["cache-control"] and "immutable" in headers["cache-control"]
    status, headers, _ = fetch(nginx_url + "assets/site.css")  # not hashed: short cache
    assert status == 200 and headers["cache-control"] == "public, max-age=3600"


@pytest.mark.parametrize("path, lang", [("ru/no-such-page/", "ru"), ("en/curriculum/nothing", "en"),
                                        ("no-such-page/", "tk")])
def test_missing_pages_get_their_language_404(nginx_url, path, lang):
    status, headers, body = fetch(nginx_url + path, gzip_ok=False)
    assert status == 404
    assert re.search(rb'<html lang="' + lang.encode() + rb'"', body), body[:300]
    assert "content-security-policy" in headers


def test_source_maps_and_dotfiles_are_not_served(nginx_url, fixture_site):
    sourcemap = next((fixture_site / "assets" / "javascripts").glob("bundle.*.min.js.map")).name
    assert fetch(nginx_url + "assets/javascripts/" + sourcemap)[0] == 404
    assert fetch(nginx_url + ".git/config")[0] == 404


def test_security_headers(nginx_url):
    _, headers, _ = fetch(nginx_url)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "server" not in headers or headers["server"] == "nginx"  # no version number


def test_csp_lists_every_inline_script_and_no_unsafe_inline(nginx_url, fixture_site):
    _, headers, _ = fetch(nginx_url)
    csp = headers["content-security-policy"]
    assert csp == content_security_policy(fixture_site)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp
    hashes = inline_script_hashes(fixture_site)
    assert hashes and all(h in csp for h in hashes)


def test_inline_script_hashes_skip_json_and_external(tmp_path):
    (tmp_path / "index.html").write_text(
        '<script>a=1</script><script id="__config" type="application/json">{}</script>'
        '<script src="x.js"></script>', encoding="utf-8")
    assert inline_script_hashes(tmp_path) == ["'sha256-wi/qXXQo5c9H72NUyXySI8ldbc3D4NIwD/eQVrH/PYU='"]
