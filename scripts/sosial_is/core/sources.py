"""Reading a source file: the one function every check, the loader, the page generator and the
build use, so that they all accept and refuse the same files.

Accepted: UTF-8, with or without a byte-order mark (Notepad writes one), with LF, CRLF, CR or
mixed line endings (returned as LF). Refused with one finding each, never an exception:

- ``FILE-ENCODING``: not UTF-8 (Windows-1251, Latin-1, UTF-16 …). The finding names the line of
  the first byte that is not UTF-8 and the encoding the file probably is (charset-normalizer),
  and says how to save it as UTF-8;
- ``FILE-BINARY``: NUL bytes, which no text editor writes into a text file;
- ``FILE-TOO-LARGE``: over :data:`MAX_BYTES` (a page or course file is a few kilobytes);
- ``FILE-IS-FOLDER``, ``FILE-MISSING``, ``FILE-UNREADABLE`` (permissions, a symlink loop …).
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding, finding

MAX_BYTES = 2_000_000
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Source:
    """A source file's text (``None`` when it could not be read) and what was wrong with it."""

    path: Path
    text: str | None
    problem: Finding | None = None

    @property
    def ok(self) -> bool:
        return self.text is not None


def decode(data: bytes, path: Path) -> Source:
    """Bytes of ``path`` as text with LF line endings, or the finding that refuses them."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return Source(path, None, finding(path, line, "FILE-ENCODING",
                                          encoding=guess_encoding(data)))
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Source(path, None, finding(path, line, "FILE-BINARY"))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path, text)


# The encodings a contributor's editor plausibly saved a file in: Russian and Turkmen text on
# Windows, Linux and old Macs (Turkmen Latin letters are all in Windows-1250), and UTF-16
# (Notepad's "Unicode"). Limiting the detector to these makes its guess right on short texts.
CANDIDATES = {"utf_16": "UTF-16", "cp1251": "Windows-1251", "koi8_r": "KOI8-R",
              "mac_cyrillic": "Mac Cyrillic", "cp866": "DOS 866", "cp1250": "Windows-1250",
              "cp1252": "Windows-1252", "latin_1": "ISO-8859-1", "cp1254": "Windows-1254",
              "iso8859_9": "ISO-8859-9"}


def guess_encoding(data: bytes) -> str:
    """The encoding ``data`` is most probably in, for the hint (``Windows-1251`` …)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000], cp_isolation=list(CANDIDATES)).best()
    except Exception:  # a detector failure must not hide the finding itself
        best = None
    if best is None:
        return "?"
    return CANDIDATES.get(best.encoding, best.encoding.replace("_", "-"))


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> Source:
    """Read ``path`` as a source file; problems come back as the Source's finding."""
    try:
        if path.is_dir():
            return Source(path, None, finding(path, 0, "FILE-IS-FOLDER"))
        size = path.stat().st_size
        if size > max_bytes:
            return Source(path, None, finding(path, 0, "FILE-TOO-LARGE", size=size // 1000,
                                              limit=max_bytes // 1000))
        data = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():  # a link to nothing
            return Source(path, None, finding(path, 0, "FILE-UNREADABLE",
                                              detail="broken symbolic link"))
        return Source(path, None, finding(path, 0, "FILE-MISSING"))
    except OSError as exc:
        detail = "symbolic link loop" if exc.errno == errno.ELOOP else (
            os.strerror(exc.errno) if exc.errno else str(exc))
        return Source(path, None, finding(path, 0, "FILE-UNREADABLE", detail=detail))
    return decode(data, path)


def read_text(path: Path) -> str:
    """The text of a file the package itself ships or wrote (templates, generated pages):
    UTF-8, LF. Sources written by people go through :func:`read_source`."""
    return path.read_text(encoding="utf-8")
