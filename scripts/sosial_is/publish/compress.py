"""Write a gzip copy (``file.gz``) next to every text file of a built site.

nginx serves these with ``gzip_static on`` (publish/nginx.conf): the server then spends no
CPU compressing on each request and a slow phone gets the smallest file we can make (level 9).
The copies are deterministic (no file name, modification time 0 in the gzip header), so two
builds of the same commit stay byte-identical (tests/build/test_reproducible.py).
"""
from __future__ import annotations

import gzip
import io
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


def compress_site(site: Path) -> list[Path]:
    """Write ``<file>.gz`` beside each text file of ``site``; returns the files written.

    A ``.gz`` that would not be smaller than its source is not written (and a stale one removed),
    so nginx falls back to the plain file.
    """
    written: list[Path] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES:
            continue
        target = path.with_name(path.name + ".gz")
        data = path.read_bytes()
        packed = gzip_bytes(data) if len(data) >= MIN_SIZE else b""
        if packed and len(packed) < len(data):
            if not target.exists() or target.read_bytes() != packed:
                target.write_bytes(packed)
            written.append(target)
        elif target.exists() and target.name != "sitemap.xml.gz":  # MkDocs writes that one itself
            target.unlink()
    return written
