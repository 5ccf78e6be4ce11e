"""Writing without leaving half-written files or folders behind.

A file is written to a temporary name beside it and renamed over the target (a rename within one
folder is atomic on POSIX), so a reader, ``mkdocs serve`` or an interrupted run never sees half a
file. A folder (the built site) is built beside its target and swapped in only when complete.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` (str as UTF-8) to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: str) -> bool:
    """Write ``data`` only when the file's content differs (keeps mtimes, so watchers stay calm).
    Returns whether it wrote."""
    try:
        if path.read_text(encoding="utf-8") == data:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, data)
    return True


def new_sibling_dir(target: Path) -> Path:
    """An empty temporary folder beside ``target`` (same file system, so it can be renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))


def swap_dir(new: Path, target: Path) -> None:
    """Replace the folder ``target`` with ``new`` (the old one is removed afterwards)."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
