"""Write a gzip copy (``file.gz``) next to every text file of a built site.

nginx serves these with ``gzip_static on`` (publish/nginx.conf): the server then spends no
CPU compressing on each request and a slow phone gets the smallest file we can make (level 9).
The copies are deterministic (no file name, modification time 0 in the gzip header), so two
builds of the same commit stay byte-identical (tests/build/test_reproducible.py).
"""
from __future__ import annotations

import gzip
import io
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

#: Text formats worth compressing. Source maps (.map) are left alone: readers never fetch them.
SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})
#: Below this size gzip's own header outweighs the saving.
MIN_SIZE = 256


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip (mtime 0, no file name) at the best compression level."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def compress_site(site: Path, previous: Path | None = None) -> list[Path]:
    """Write ``<file>.gz`` beside each text file of ``site``; returns the files written.

    A ``.gz`` that would not be smaller than its source is not written (and a stale one removed),
    so nginx falls back to the plain file. ``previous``: the site this build replaces; a file
    whose bytes are the same there takes its ``.gz`` from there instead of compressing again
    (most of a rebuild: Material's assets, unchanged pages). Files are compressed in threads
    (zlib releases the GIL), so every core works.
    """
    jobs = [p for p in sorted(site.rglob("*")) if p.suffix in SUFFIXES and p.is_file()]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda p: _compress(p, site, previous), jobs))
    return [target for target in results if target is not None]


def _compress(path: Path, site: Path, previous: Path | None) -> Path | None:
    target = path.with_name(path.name + ".gz")
    data = path.read_bytes()
    packed = _reuse(path, data, site, previous)
    if packed is None:
        packed = gzip_bytes(data) if len(data) >= MIN_SIZE else b""
    if packed and len(packed) < len(data):
        if not target.exists() or target.read_bytes() != packed:
            target.write_bytes(packed)
        return target
    if target.exists() and target.name != "sitemap.xml.gz":  # MkDocs writes that one itself
        target.unlink()
    return None


def _reuse(path: Path, data: bytes, site: Path, previous: Path | None) -> bytes | None:
    """The previous build's gzip copy of the same bytes, if there is one."""
    if previous is None:
        return None
    old = previous / path.relative_to(site)
    try:
        if old.stat().st_size != len(data) or old.read_bytes() != data:
            return None
        return old.with_name(old.name + ".gz").read_bytes()
    except OSError:
        return None
