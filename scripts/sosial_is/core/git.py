"""Everything the package asks git, through one helper with one way of failing.

Git is optional: outside a work tree (a zip download, a test fixture), or without git installed,
every question here answers "unknown" (``None`` or an empty table) instead of raising.

- :func:`file_dates`: every committed file's last-change date, from one ``git log --name-only``
  over the project (the same answer as ``git log -1 -- FILE`` per file, without one process per
  page and language), cached per project and HEAD commit. Shallow clones (``--depth 1``) hold a
  single commit, so every file shows that commit's date; the CI workflows fetch full history.
- :func:`source_date_epoch`: the time every dated output of a build is stamped with
  (``SOURCE_DATE_EPOCH``, else the last commit), so two builds of one commit are identical.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from functools import lru_cache
from pathlib import Path


def git(root: Path, *args: str) -> str | None:
    """Standard output of ``git -C root args…``; None when git is missing or the command fails."""
    try:
        result = subprocess.run(["git", "-C", str(root), "-c", "core.quotePath=false", *args],
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def head(root: Path) -> str | None:
    out = git(root, "rev-parse", "HEAD")
    return out.strip() if out else None


def is_shallow(root: Path) -> bool:
    return (git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


def last_commit_epoch(root: Path, *paths: str) -> int | None:
    """Commit time of the last commit (touching ``paths``, when given), or None."""
    out = git(root, "log", "-1", "--format=%ct", *(("--", *paths) if paths else ()))
    out = (out or "").strip()
    return int(out) if out.isdigit() else None


def source_date_epoch(root: Path) -> int:
    """``SOURCE_DATE_EPOCH`` when set, else the project's last commit, else 0."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    return last_commit_epoch(root) or 0


@lru_cache(maxsize=4)
def _table(root: str, commit: str | None) -> dict[str, dt.date]:
    if commit is None:
        return {}
    out = git(Path(root), "log", "--format=%x00%cs", "--name-only", "--root", "--relative",
              "--no-renames", "HEAD", "--", ".")
    table: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in (out or "").splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:].strip())
        elif line and day is not None:
            table.setdefault(line, day)  # log is newest first: keep the first date seen
    return table


def file_dates(root: Path) -> dict[str, dt.date]:
    """path (relative to ``root``, posix) -> date of the last commit that touched it."""
    root = root.resolve()
    return _table(str(root), head(root))
