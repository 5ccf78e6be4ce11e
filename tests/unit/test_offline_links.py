"""The footer's ZIP links (scripts/sosial_is/publish/offline_links.py) on a small hand-made site:
a placeholder becomes a link only when its ZIP exists, the .gz copy follows, a second run
changes nothing, and a ZIP that is gone takes its link with it."""
from __future__ import annotations

import gzip
from pathlib import Path

from sosial_is.publish.compress import gzip_bytes
from sosial_is.publish.offline_links import link_zips

PLACEHOLDER = '<div class="si-offline" data-si-zip="{href}" data-si-lang="{lang}" hidden></div>'
PAGES = {
    "index.html": PLACEHOLDER.format(href="offline/sosial-is-tk.zip", lang="tk"),
    "ru/ethics/index.html": PLACEHOLDER.format(href="../../offline/sosial-is-ru.zip", lang="ru"),
    "ru/404.html": PLACEHOLDER.format(href="/portal/offline/sosial-is-ru.zip", lang="ru"),
    "en/index.html": PLACEHOLDER.format(href="../offline/sosial-is-en.zip", lang="en"),
}


def make_site(root: Path) -> Path:
    for rel, footer in PAGES.items():
        page = root / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        text = f"<html><body><p>{'x' * 400}</p><footer>{footer}</footer></body></html>"
        page.write_text(text, encoding="utf-8")
        page.with_name(page.name + ".gz").write_bytes(gzip_bytes(text.encode()))
    return root


def test_only_the_zips_that_exist_are_linked(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (site / "offline").mkdir()
    (site / "offline" / "sosial-is-ru.zip").write_bytes(b"z" * 1_650_000)
    assert link_zips(site) == {"tk": 0, "ru": 2, "en": 0}
    ethics = (site / "ru/ethics/index.html").read_text(encoding="utf-8")
    assert ('<a href="../../offline/sosial-is-ru.zip" download>'
            "Скачать сайт для чтения без интернета (ZIP, 1,6 МБ)</a>") in ethics
    assert '<a href="/portal/offline/sosial-is-ru.zip" download>' in (site / "ru/404.html").read_text()
    assert PAGES["index.html"] in (site / "index.html").read_text(encoding="utf-8")  # no tk ZIP
    gz = site / "ru/ethics/index.html.gz"
    assert gzip.decompress(gz.read_bytes()).decode() == ethics


def test_a_second_run_changes_nothing_and_a_gone_zip_takes_its_link(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (site / "offline").mkdir()
    zip_file = site / "offline" / "sosial-is-en.zip"
    zip_file.write_bytes(b"z" * 10)
    link_zips(site)
    linked = (site / "en/index.html").read_text(encoding="utf-8")
    assert "Download the site for offline reading (ZIP, 0.1 MB)" in linked
    assert link_zips(site) == {"tk": 0, "ru": 0, "en": 1}
    assert (site / "en/index.html").read_text(encoding="utf-8") == linked
    zip_file.unlink()
    link_zips(site)
    assert PAGES["en/index.html"] in (site / "en/index.html").read_text(encoding="utf-8")
