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


def guess_encoding(data: bytes) -> str:
    """The encoding ``data`` is most probably in, for the hint (``windows-1251``, ``utf_16`` …)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:200_000]).best()
    except Exception:  # a detector failure must not hide the finding itself
        best = None
    return best.encoding.replace("_", "-") if best is not None else "?"


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
